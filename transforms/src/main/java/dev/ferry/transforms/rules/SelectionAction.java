package dev.ferry.transforms.rules;

/** DMS {@code rule-action} of a selection rule. */
public enum SelectionAction implements DmsEnum {
    INCLUDE("include"), EXCLUDE("exclude"), EXPLICIT("explicit");

    private final String dmsName;

    SelectionAction(String dmsName) {
        this.dmsName = dmsName;
    }

    @Override
    public String dmsName() {
        return dmsName;
    }
}
