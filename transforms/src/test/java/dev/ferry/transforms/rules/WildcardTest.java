package dev.ferry.transforms.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardTest {

    @Test
    void percentMatchesAnyRunIncludingNone() {
        Wildcard w = Wildcard.compile("DMS%");
        assertThat(w.matches("DMS")).isTrue();
        assertThat(w.matches("DMS_LOG")).isTrue();
        assertThat(w.matches("XDMS")).isFalse();
        assertThat(Wildcard.compile("%").matches("")).isTrue();
    }

    @Test
    void underscoreMatchesExactlyOneCharacter() {
        Wildcard w = Wildcard.compile("t_1");
        assertThat(w.matches("t_1")).isTrue();
        assertThat(w.matches("tx1")).isTrue();
        assertThat(w.matches("t1")).isFalse();
        assertThat(w.matches("txx1")).isFalse();
    }

    @Test
    void bracketedUnderscoreIsALiteralUnderscore() {
        Wildcard w = Wildcard.compile("order[_]%");
        assertThat(w.matches("order_items")).isTrue();
        assertThat(w.matches("orderXitems")).isFalse();
    }

    @Test
    void bracketSetMatchesOneOfItsCharacters() {
        Wildcard w = Wildcard.compile("[ab]%");
        assertThat(w.matches("alpha")).isTrue();
        assertThat(w.matches("beta")).isTrue();
        assertThat(w.matches("gamma")).isFalse();
    }

    @Test
    void bracketRangeMatchesOneCharacterOfTheRange() {
        Wildcard w = Wildcard.compile("t[a-d]");
        assertThat(w.matches("ta")).isTrue();
        assertThat(w.matches("td")).isTrue();
        assertThat(w.matches("te")).isFalse();
    }

    @Test
    void regexMetacharactersAreOrdinaryCharacters() {
        assertThat(Wildcard.compile("a.b%").matches("axb")).isFalse();
        assertThat(Wildcard.compile("a.b%").matches("a.bc")).isTrue();
        assertThat(Wildcard.compile("x$(y)%").matches("x$(y)z")).isTrue();
        assertThat(Wildcard.compile("[abc").matches("[abc")).isTrue();
        assertThat(Wildcard.compile("[abc%").matches("[abcd")).isTrue();
    }

    @Test
    void matchingIsCaseSensitiveAsDmsDocuments() {
        assertThat(Wildcard.compile("Orders").matches("orders")).isFalse();
        assertThat(Wildcard.compile("Ord%").matches("ord1")).isFalse();
    }

    @Test
    void caseInsensitiveSourcesIgnoreCase() {
        assertThat(Wildcard.compile("Orders", true).matches("orders")).isTrue();
        assertThat(Wildcard.compile("Ord%", true).matches("ORD1")).isTrue();
    }

    @Test
    void exactNamesTakeWildcardCharactersLiterally() {
        Wildcard w = Wildcard.exact("order_items", false);
        assertThat(w.matches("order_items")).isTrue();
        assertThat(w.matches("orderXitems")).isFalse();
    }
}
