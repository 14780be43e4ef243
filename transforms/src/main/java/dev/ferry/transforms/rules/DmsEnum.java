package dev.ferry.transforms.rules;

/** An enum whose constants are written in a DMS document with a fixed spelling, e.g. {@code add-prefix}. */
public interface DmsEnum {
    /** The spelling used in DMS documents. */
    String dmsName();

    /** Finds the constant spelled {@code text} (case-insensitively), or {@code null}. */
    static <E extends Enum<E> & DmsEnum> E find(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.dmsName().equalsIgnoreCase(text)) {
                return e;
            }
        }
        return null;
    }

    /** The allowed spellings, comma-separated, for error messages. */
    static <E extends Enum<E> & DmsEnum> String allowed(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.dmsName());
        }
        return sb.toString();
    }
}
