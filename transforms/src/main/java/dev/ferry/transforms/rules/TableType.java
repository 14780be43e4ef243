package dev.ferry.transforms.rules;

/** DMS {@code table-type} of a selection rule's object-locator. */
public enum TableType implements DmsEnum {
    TABLE("table"), VIEW("view"), ALL("all");

    private final String dmsName;

    TableType(String dmsName) {
        this.dmsName = dmsName;
    }

    @Override
    public String dmsName() {
        return dmsName;
    }

    public boolean accepts(boolean view) {
        return this == ALL || (this == VIEW) == view;
    }
}
