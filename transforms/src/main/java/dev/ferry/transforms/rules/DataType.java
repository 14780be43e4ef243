package dev.ferry.transforms.rules;

import java.util.Set;

/**
 * A DMS {@code data-type} object: {@code {"type": "string", "length": 50}} or
 * {@code {"type": "numeric", "precision": 10, "scale": 2}}.
 *
 * @param type      a DMS type name, lower case (see {@link #TYPES})
 * @param length    {@code length}, or {@code null}
 * @param precision {@code precision}, or {@code null}
 * @param scale     {@code scale}, or {@code null}
 */
public record DataType(String type, Integer length, Integer precision, Integer scale) {

    /** The DMS data types Ferry understands. */
    public static final Set<String> TYPES = Set.of("bytes", "blob", "boolean", "clob", "nclob", "date", "time",
            "datetime", "int1", "int2", "int4", "int8", "uint1", "uint2", "uint4", "uint8", "numeric", "real4",
            "real8", "string", "wstring");

    /**
     * The form written into the {@code ferry.target.type} field parameter: the DMS type with its length, or its
     * precision and scale, e.g. {@code string(50)}, {@code numeric(10,2)}, {@code int8}.
     */
    public String render() {
        if (length != null) {
            return type + "(" + length + ")";
        }
        if (precision != null) {
            return type + "(" + precision + (scale != null ? "," + scale : "") + ")";
        }
        return type;
    }

    @Override
    public String toString() {
        return render();
    }
}
