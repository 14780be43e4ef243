package dev.ferry.transforms.expr;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionParserTest {

    private static Object eval(String expression, Map<String, Object> row) {
        return eval(expression, row, 'c');
    }

    private static Object eval(String expression, Map<String, Object> row, char op) {
        return ExpressionParser.parse(expression).evaluate(new EvalContext() {
            @Override
            public Object column(String name) {
                return row.get(name);
            }

            @Override
            public String sourceSchema() {
                return "shop";
            }

            @Override
            public String sourceTable() {
                return "orders";
            }

            @Override
            public char operation() {
                return op;
            }
        });
    }

    @Test
    void concatenatesColumnsAndLiterals() {
        assertThat(eval("$first||' '||$last", Map.of("first", "Ada", "last", "Lovelace"))).isEqualTo("Ada Lovelace");
    }

    @Test
    void concatenationWithNullIsNull() {
        assertThat(eval("$a||'x'", Map.of())).isNull();
    }

    @Test
    void appliesStringFunctions() {
        Map<String, Object> row = Map.of("s", "  Hello World  ");
        assertThat(eval("upper(trim($s))", row)).isEqualTo("HELLO WORLD");
        assertThat(eval("lower(ltrim($s))", row)).isEqualTo("hello world  ");
        assertThat(eval("rtrim($s)", row)).isEqualTo("  Hello World");
        assertThat(eval("trim('xxhixx', 'x')", row)).isEqualTo("hi");
        assertThat(eval("replace(trim($s), 'World', 'There')", row)).isEqualTo("Hello There");
        assertThat(eval("length(trim($s))", row)).isEqualTo(11L);
    }

    @Test
    void substrFollowsSqlite() {
        Map<String, Object> row = Map.of("s", "abcdef");
        assertThat(eval("substr($s, 2, 3)", row)).isEqualTo("bcd");
        assertThat(eval("substr($s, 3)", row)).isEqualTo("cdef");
        assertThat(eval("substr($s, -2)", row)).isEqualTo("ef");
        assertThat(eval("substr($s, 0, 3)", row)).isEqualTo("ab");
        assertThat(eval("substr($s, 3, -2)", row)).isEqualTo("ab");
    }

    @Test
    void nullFunctionsPickTheFirstValue() {
        assertThat(eval("coalesce($a, $b, 'none')", Map.of("b", "B"))).isEqualTo("B");
        assertThat(eval("ifnull($a, 'none')", Map.of())).isEqualTo("none");
        assertThat(eval("nullif($a, 'x')", Map.of("a", "x"))).isNull();
        assertThat(eval("nullif($a, 'x')", Map.of("a", "y"))).isEqualTo("y");
    }

    @Test
    void evaluatesArithmeticWithSqlitePrecedence() {
        assertThat(eval("1 + 2 * 3", Map.of())).isEqualTo(7L);
        assertThat(eval("(1 + 2) * 3", Map.of())).isEqualTo(9L);
        assertThat(eval("7 / 2", Map.of())).isEqualTo(3L);
        assertThat(eval("7 % 4", Map.of())).isEqualTo(3L);
        assertThat(eval("-$n + 1", Map.of("n", 5))).isEqualTo(-4L);
        assertThat(eval("$price * $qty", Map.of("price", new BigDecimal("2.50"), "qty", 3)))
                .isEqualTo(new BigDecimal("7.50"));
        assertThat(eval("1 / 0", Map.of())).isNull();
    }

    @Test
    void comparesNumbersAndText() {
        assertThat(eval("$a > 2 AND $b = 'x'", Map.of("a", 3, "b", "x"))).isEqualTo(1L);
        assertThat(eval("$a <> 3 OR NOT $a >= 3", Map.of("a", 3))).isEqualTo(0L);
        assertThat(eval("'10' = 10", Map.of())).isEqualTo(1L);
        assertThat(eval("$a IS NULL", Map.of())).isEqualTo(1L);
        assertThat(eval("$a IS NOT NULL", Map.of())).isEqualTo(0L);
        assertThat(eval("$a = 1", Map.of())).isNull();
    }

    @Test
    void evaluatesSearchedAndSimpleCase() {
        String searched = "CASE WHEN $qty > 10 THEN 'bulk' WHEN $qty > 0 THEN 'retail' ELSE 'none' END";
        assertThat(eval(searched, Map.of("qty", 50))).isEqualTo("bulk");
        assertThat(eval(searched, Map.of("qty", 5))).isEqualTo("retail");
        assertThat(eval(searched, Map.of("qty", 0))).isEqualTo("none");
        assertThat(eval("case $c when 'a' then 1 when 'b' then 2 end", Map.of("c", "b"))).isEqualTo(2L);
        assertThat(eval("case $c when 'a' then 1 end", Map.of("c", "z"))).isNull();
    }

    @Test
    void readsSourceSchemaAndTableVariables() {
        assertThat(eval("$AR_M_SOURCE_SCHEMA||'.'||$AR_M_SOURCE_TABLE_NAME", Map.of())).isEqualTo("shop.orders");
    }

    @Test
    void operationIndicatorPicksTheValueForTheOperation() {
        String e = "operation_indicator('D', 'U', 'I')";
        assertThat(eval(e, Map.of(), 'd')).isEqualTo("D");
        assertThat(eval(e, Map.of(), 'u')).isEqualTo("U");
        assertThat(eval(e, Map.of(), 'c')).isEqualTo("I");
        assertThat(eval(e, Map.of(), 'r')).isEqualTo("I");
        assertThat(ExpressionParser.parse(e).usesOperationIndicator()).isTrue();
    }

    @Test
    void listsTheColumnsItReads() {
        assertThat(ExpressionParser.parse("$a || upper($b) || $AR_M_SOURCE_SCHEMA").columns())
                .containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void stringLiteralsEscapeQuotesByDoubling() {
        assertThat(eval("'it''s'", Map.of())).isEqualTo("it's");
    }

    @Test
    void rejectsUnsupportedFunctions() {
        assertThatThrownBy(() -> ExpressionParser.parse("datetime('now')"))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("function 'datetime' is not supported in expression \"datetime('now')\"; supported "
                        + "functions: coalesce, ifnull, length, lower, ltrim, nullif, replace, rtrim, substr, trim, "
                        + "upper, operation_indicator");
    }

    @Test
    void rejectsWrongArity() {
        assertThatThrownBy(() -> ExpressionParser.parse("upper($a, $b)"))
                .hasMessage("function 'upper' takes 1 argument(s), not 2, in expression \"upper($a, $b)\"");
    }

    @Test
    void rejectsUnsupportedDmsVariables() {
        assertThatThrownBy(() -> ExpressionParser.parse("$AR_H_TIMESTAMP"))
                .hasMessageStartingWith("the DMS variable $AR_H_TIMESTAMP is not supported");
    }

    @Test
    void reportsWhereParsingFailed() {
        assertThatThrownBy(() -> ExpressionParser.parse("$a +"))
                .hasMessage("unexpected end of expression at the end in expression \"$a +\"");
        assertThatThrownBy(() -> ExpressionParser.parse("($a"))
                .hasMessage("expected ')' at the end in expression \"($a\"");
        assertThatThrownBy(() -> ExpressionParser.parse("'open"))
                .hasMessage("unterminated string literal at position 1 in expression \"'open\"");
        assertThatThrownBy(() -> ExpressionParser.parse("a + 1"))
                .hasMessage("unknown name 'a' (column references are written $a) at position 1 in expression "
                        + "\"a + 1\"");
    }
}
