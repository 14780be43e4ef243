package dev.ferry.transforms.rules;

import java.util.EnumSet;
import java.util.Set;

/**
 * DMS {@code rule-action} of a transformation rule, with what each action needs.
 *
 * <p>Actions are grouped in {@link Category categories}; when several rules of one category hit the same object
 * the lowest {@code rule-id} wins. Rules of different categories combine (e.g. a rename and a
 * change-data-type on one column).
 */
public enum RuleAction implements DmsEnum {
    RENAME("rename", Category.NAME, Needs.VALUE, RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    CONVERT_LOWERCASE("convert-lowercase", Category.NAME, Needs.NOTHING,
            RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    CONVERT_UPPERCASE("convert-uppercase", Category.NAME, Needs.NOTHING,
            RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    ADD_PREFIX("add-prefix", Category.NAME, Needs.VALUE, RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    REMOVE_PREFIX("remove-prefix", Category.NAME, Needs.VALUE,
            RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    REPLACE_PREFIX("replace-prefix", Category.NAME, Needs.VALUE_AND_OLD_VALUE,
            RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    ADD_SUFFIX("add-suffix", Category.NAME, Needs.VALUE, RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    REMOVE_SUFFIX("remove-suffix", Category.NAME, Needs.VALUE,
            RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    REPLACE_SUFFIX("replace-suffix", Category.NAME, Needs.VALUE_AND_OLD_VALUE,
            RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN),
    REMOVE_COLUMN("remove-column", Category.PRESENCE, Needs.NOTHING, RuleTarget.COLUMN),
    INCLUDE_COLUMN("include-column", Category.PRESENCE, Needs.NOTHING, RuleTarget.COLUMN),
    ADD_COLUMN("add-column", Category.ADD_COLUMN, Needs.VALUE_EXPRESSION_TYPE, RuleTarget.COLUMN),
    CHANGE_DATA_TYPE("change-data-type", Category.TYPE, Needs.DATA_TYPE, RuleTarget.COLUMN),
    DEFINE_PRIMARY_KEY("define-primary-key", Category.PRIMARY_KEY, Needs.PRIMARY_KEY_DEF, RuleTarget.TABLE),
    DATA_MASKING_DIGITS_MASK("data-masking-digits-mask", Category.MASK, Needs.VALUE, RuleTarget.COLUMN),
    DATA_MASKING_DIGITS_RANDOMIZE("data-masking-digits-randomize", Category.MASK, Needs.NOTHING,
            RuleTarget.COLUMN),
    DATA_MASKING_HASH_MASK("data-masking-hash-mask", Category.MASK, Needs.NOTHING, RuleTarget.COLUMN);

    /** Rules of one category compete for an object; the lowest rule-id wins. */
    public enum Category { NAME, PRESENCE, TYPE, MASK, ADD_COLUMN, PRIMARY_KEY }

    /** The fields an action requires besides rule-target and object-locator. */
    public enum Needs { NOTHING, VALUE, VALUE_AND_OLD_VALUE, VALUE_EXPRESSION_TYPE, DATA_TYPE, PRIMARY_KEY_DEF }

    private final String dmsName;
    private final Category category;
    private final Needs needs;
    private final Set<RuleTarget> targets;

    RuleAction(String dmsName, Category category, Needs needs, RuleTarget first, RuleTarget... rest) {
        this.dmsName = dmsName;
        this.category = category;
        this.needs = needs;
        this.targets = EnumSet.of(first, rest);
    }

    @Override
    public String dmsName() {
        return dmsName;
    }

    public Category category() {
        return category;
    }

    public Needs needs() {
        return needs;
    }

    public boolean appliesTo(RuleTarget target) {
        return targets.contains(target);
    }

    public Set<RuleTarget> targets() {
        return targets;
    }
}
