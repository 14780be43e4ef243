package dev.ferry.transforms.rules;

/** DMS {@code rule-target} of a transformation rule (the targets Ferry supports). */
public enum RuleTarget implements DmsEnum {
    SCHEMA("schema"), TABLE("table"), COLUMN("column");

    private final String dmsName;

    RuleTarget(String dmsName) {
        this.dmsName = dmsName;
    }

    @Override
    public String dmsName() {
        return dmsName;
    }
}
