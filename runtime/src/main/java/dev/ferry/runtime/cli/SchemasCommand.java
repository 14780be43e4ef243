package dev.ferry.runtime.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.ferry.runtime.task.TaskFile;
import dev.ferry.source.discovery.Catalog;
import dev.ferry.source.discovery.ColumnInfo;
import dev.ferry.source.discovery.SchemaDiscovery;
import dev.ferry.source.discovery.TableInfo;
import dev.ferry.source.endpoint.Endpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry schemas -c task.yaml [--endpoint source|target]}: "refresh schemas". */
@Command(name = "schemas", mixinStandardHelpOptions = true,
        description = "List schemas, tables (row estimates, sizes, keys) and columns of an endpoint.")
public final class SchemasCommand implements Callable<Integer> {
    enum Side { source, target }

    @Mixin
    TaskOption task;

    @Option(names = "--endpoint", defaultValue = "source", description = "source (default) or target")
    Side side;

    @Option(names = "--json", description = "One JSON document instead of text.")
    boolean json;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TaskFile t = task.load();
        Endpoint e = side == Side.source ? t.source() : t.target();
        Catalog catalog = SchemaDiscovery.discover(e, List.of());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(catalog));
            return FerryCli.EXIT_OK;
        }
        out.println(side + ": " + e.describe() + " (" + catalog.serverVersion() + ")");
        for (String schema : catalog.schemas()) {
            out.println(schema);
            catalog.tables().stream().filter(x -> x.schema().equals(schema)).forEach(x -> print(out, x));
        }
        return FerryCli.EXIT_OK;
    }

    private static void print(PrintWriter out, TableInfo t) {
        String key = t.keyed() ? "key (" + String.join(", ", t.rowKey()) + ")" : "NO KEY";
        String extra = t.partitionOf() != null ? ", partition of " + t.partitionOf()
                : t.inheritsFrom() != null ? ", inherits " + t.inheritsFrom() : "";
        out.printf("  %-40s %-11s ~%d rows, %d kB, %s%s%n", t.name(), t.kind().toLowerCase(), t.rowEstimate(),
                t.sizeBytes() / 1024, key, extra);
        out.println("      " + t.columns().stream().map(SchemasCommand::column).collect(Collectors.joining(", ")));
    }

    private static String column(ColumnInfo c) {
        return c.name() + " " + c.sourceType() + (c.nullable() ? "" : " not null");
    }
}
