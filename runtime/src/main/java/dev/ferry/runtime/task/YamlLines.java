package dev.ferry.runtime.task;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The line of every key in a YAML document, by dotted path ({@code source.tls.mode}), for error messages. */
final class YamlLines {
    private final Map<String, Integer> lines = new HashMap<>();

    private YamlLines() {
    }

    static YamlLines of(String yaml) {
        YamlLines result = new YamlLines();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            Deque<String> path = new ArrayDeque<>();
            Deque<Boolean> isObject = new ArrayDeque<>();
            String pendingField = null;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case FIELD_NAME -> {
                        pendingField = p.currentName();
                        result.lines.put(join(path, pendingField), p.currentTokenLocation().getLineNr());
                    }
                    case START_OBJECT, START_ARRAY -> {
                        path.addLast(pendingField == null ? "[]" : pendingField);
                        isObject.addLast(t == JsonToken.START_OBJECT);
                        pendingField = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        path.pollLast();
                        isObject.pollLast();
                    }
                    default -> pendingField = null;
                }
            }
        } catch (IOException e) {
            // the main parse reports syntax errors with their location
        }
        return result;
    }

    private static String join(Deque<String> path, String field) {
        StringBuilder b = new StringBuilder();
        boolean first = true;
        for (String segment : path) {
            if (first) {
                first = false; // the document root
                continue;
            }
            b.append(segment).append('.');
        }
        return b.append(field).toString();
    }

    /** Line of the key at {@code path}, or of its closest ancestor present, or 1. */
    int line(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int dot = p.lastIndexOf('.');
            if (dot < 0) {
                return 1;
            }
            p = p.substring(0, dot);
        }
    }
}
