package dev.ferry.testkit;

import java.sql.SQLException;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves a parameter of type {@code T}: one fresh database per test class, created on first use, dropped when the
 * class is done. Works for constructor, lifecycle-method and test-method parameters.
 */
abstract class DatabaseExtension<T extends AbstractTestDatabase> implements ParameterResolver, AfterEachCallback {
    private final Class<T> type;
    private final Supplier<ServerEndpoint> server;
    private final BiFunction<ServerEndpoint, String, T> factory;

    DatabaseExtension(Class<T> type, Supplier<ServerEndpoint> server, BiFunction<ServerEndpoint, String, T> factory) {
        this.type = type;
        this.server = server;
        this.factory = factory;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return database(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws SQLException {
        Holder<T> holder = classContext(context).getStore(namespace()).get(type, Holder.class);
        if (holder != null) {
            holder.database.afterEach();
        }
    }

    private T database(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Holder<?> holder = classContext.getStore(namespace()).getOrComputeIfAbsent(type, k -> {
            T db = factory.apply(server.get(), Names.database(classContext.getRequiredTestClass()));
            try {
                db.create();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create test database " + db.name() + " on " + server.get()
                        + ": " + e.getMessage(), e);
            }
            return new Holder<>(db);
        }, Holder.class);
        return type.cast(holder.database);
    }

    private ExtensionContext.Namespace namespace() {
        return ExtensionContext.Namespace.create(getClass());
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Drops the database when JUnit closes the class-level store. */
    private record Holder<D extends AbstractTestDatabase>(D database)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() throws SQLException {
            database.drop();
        }
    }
}
