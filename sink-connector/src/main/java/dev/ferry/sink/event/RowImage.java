package dev.ferry.sink.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable row image: column name to decoded value, in schema order. Values sit in an array whose positions are
 * shared by every row of the same {@link Names} (one per row schema), so decoding allocates one array per row instead
 * of a hash map, and bulk loaders read values by position.
 */
public final class RowImage extends AbstractMap<String, Object> {
    private final Names names;
    private final Object[] values;

    RowImage(Names names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    /** The column names of a row schema with their positions; rows with the same instance share the layout. */
    public static final class Names {
        private final List<String> list;
        private final Map<String, Integer> index = new HashMap<>();

        Names(List<String> list) {
            this.list = List.copyOf(list);
            for (int i = 0; i < this.list.size(); i++) {
                index.put(this.list.get(i), i);
            }
        }

        public List<String> list() {
            return list;
        }
    }

    /** The layout this row shares with every row decoded from the same schema. */
    public Names names() {
        return names;
    }

    /** The value at the column's position in {@link Names#list()}. */
    public Object value(int position) {
        return values[position];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object get(Object key) {
        Integer i = names.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return names.index.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        for (Object v : values) {
            if (v == value || value != null && value.equals(v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int at = i++;
                        return new SimpleImmutableEntry<>(names.list.get(at), values[at]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names.list.get(i)).append('=')
                    .append(values[i] instanceof byte[] b ? Arrays.toString(b) : values[i]);
        }
        return sb.append('}').toString();
    }
}
