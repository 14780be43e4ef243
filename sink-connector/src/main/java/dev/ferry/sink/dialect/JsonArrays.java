package dev.ferry.sink.dialect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Renders array values as JSON text for targets without arrays. */
final class JsonArrays {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonArrays() {
    }

    static String toJson(List<?> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("array value cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
