package dev.ferry.transforms.smt;

import dev.ferry.transforms.rules.IdentifierCase;
import dev.ferry.transforms.rules.MappingDocument;
import dev.ferry.transforms.rules.MappingException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.util.Map;

/**
 * Immutable, typed configuration of {@link TableMappingTransform}.
 *
 * @param document             the parsed DMS table-mapping document
 * @param identifierCase       how names no rule set are written in the target
 * @param topicPrefix          the Debezium {@code topic.prefix} (the Ferry task name)
 * @param caseInsensitiveNames whether rule names match source names regardless of case
 */
public record TableMappingConfig(MappingDocument document, IdentifierCase identifierCase, String topicPrefix,
                                 boolean caseInsensitiveNames) {
    public static final String MAPPING = "mapping";
    public static final String IDENTIFIER_CASE = "identifier-case";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String CASE_INSENSITIVE_NAMES = "source.case-insensitive-names";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(MAPPING, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, TableMappingConfig::validateMapping,
                    ConfigDef.Importance.HIGH, "The AWS DMS table-mapping document ({\"rules\": [...]}) as a JSON "
                            + "string, verbatim.")
            .define(IDENTIFIER_CASE, ConfigDef.Type.STRING, IdentifierCase.LOWER.configName(),
                    TableMappingConfig::validateIdentifierCase, ConfigDef.Importance.MEDIUM,
                    "How target names that no rule sets are written: lower or preserve. Names set by a rule are "
                            + "always kept exactly as written.")
            .define(TOPIC_PREFIX, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "The Debezium topic prefix (the Ferry task name). Table topics are "
                            + "<prefix>.<schema>.<table>; other topics pass through untouched.")
            .define(CASE_INSENSITIVE_NAMES, ConfigDef.Type.BOOLEAN, false, ConfigDef.Importance.LOW,
                    "Ferry extension: match rule names to source names ignoring case, for source endpoints that "
                            + "are case-insensitive (MySQL lower_case_table_names=1). Default: case-sensitive, as DMS.");

    /** Parses and validates connector-style string properties. */
    public static TableMappingConfig from(Map<String, ?> props) {
        Map<String, Object> parsed = CONFIG_DEF.parse(props);
        return new TableMappingConfig(MappingDocument.parse((String) parsed.get(MAPPING)),
                IdentifierCase.parse((String) parsed.get(IDENTIFIER_CASE)), (String) parsed.get(TOPIC_PREFIX),
                (Boolean) parsed.get(CASE_INSENSITIVE_NAMES));
    }

    private static void validateMapping(String name, Object value) {
        if (value == null) {
            return;
        }
        try {
            MappingDocument.parse((String) value);
        } catch (MappingException e) {
            throw new ConfigException("Invalid value for configuration " + name + ": " + e.getMessage());
        }
    }

    private static void validateIdentifierCase(String name, Object value) {
        try {
            IdentifierCase.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, "allowed values: " + IdentifierCase.allowed());
        }
    }
}
