package dev.ferry.transforms.rules;

import java.util.List;

/**
 * A DMS {@code primary-key-def} of a {@code define-primary-key} rule.
 *
 * @param name    {@code name} of the key or unique index in the target
 * @param origin  {@code origin}: {@code primary-key} (default) or {@code unique-index}
 * @param columns {@code columns}: source column names (or the name of an added column), in key order
 */
public record PrimaryKeyDef(String name, String origin, List<String> columns) {
    public static final String PRIMARY_KEY = "primary-key";
    public static final String UNIQUE_INDEX = "unique-index";

    public PrimaryKeyDef {
        columns = List.copyOf(columns);
    }
}
