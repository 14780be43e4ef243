package dev.ferry.transforms.rules;

/**
 * DMS {@code filter-operator} of a source filter condition. {@code ste} ("smaller than or equal") and
 * {@code lte} both mean {@code <=}.
 */
public enum FilterOperator implements DmsEnum {
    LTE("lte", Arity.ONE), STE("ste", Arity.ONE), GTE("gte", Arity.ONE), EQ("eq", Arity.ONE),
    NOTEQ("noteq", Arity.ONE), BETWEEN("between", Arity.RANGE), NOTBETWEEN("notbetween", Arity.RANGE),
    NULL("null", Arity.NONE), NOTNULL("notnull", Arity.NONE);

    /** Which value fields an operator needs. */
    public enum Arity { NONE, ONE, RANGE }

    private final String dmsName;
    private final Arity arity;

    FilterOperator(String dmsName, Arity arity) {
        this.dmsName = dmsName;
        this.arity = arity;
    }

    @Override
    public String dmsName() {
        return dmsName;
    }

    public Arity arity() {
        return arity;
    }
}
