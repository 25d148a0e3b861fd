package app.newsroom.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which parsed queries a tier alone answers: plain words that must all occur, or of which any may. */
class ParsedQueryTest {

    private static ParsedQuery parsed(String tsquery, int nodes, String... lexemes) {
        return new ParsedQuery("newsroom_english", tsquery, List.of(lexemes), nodes, tsquery);
    }

    @Test
    void plainWordsAreAnsweredByTheirTier() {
        assertTrue(parsed("'govern' & 'elect'", 3, "govern", "elect").allWords());
        assertFalse(parsed("'govern' & 'elect'", 3, "govern", "elect").anyWord());
        assertTrue(parsed("'govern' | 'elect'", 3, "govern", "elect").anyWord());
        assertTrue(parsed("'syria'", 1, "syria").allWords());
        assertTrue(parsed("'it''s' & 'a|b'", 3, "it's", "a|b").allWords());
    }

    @Test
    void exclusionsPhrasesAndMixedOperatorsAreNot() {
        ParsedQuery exclusion = parsed("'flood' & !'dam'", 4, "flood");
        assertFalse(exclusion.allWords() || exclusion.anyWord());
        ParsedQuery phrase = parsed("'naval' <-> 'base'", 3, "naval", "base");
        assertFalse(phrase.allWords() || phrase.anyWord());
        ParsedQuery mixed = parsed("'a' & ( 'b' | 'c' )", 5, "a", "b", "c");
        assertFalse(mixed.allWords() || mixed.anyWord());
    }

    @Test
    void tierQueriesEscapeLexemes() {
        assertEquals("'govern^30' & 'elect^30'", TsQueries.allOf(List.of("govern", "elect"), "^30"));
        assertEquals("'it''s^10' | 'a\\\\b^10'", TsQueries.anyOf(List.of("it's", "a\\b"), "^10"));
    }

    @Test
    void literalsDoubleQuotesAndBackslashes() {
        assertEquals("E'''it''''s'' & ''a\\\\\\\\b'''", TsQueries.literal("'it''s' & 'a\\\\b'"));
    }

    @Test
    void caseVariantsFollowUnicodeNotTheLocale() {
        assertEquals(
                List.of("переговор", "Переговор", "ПЕРЕГОВОР"),
                TsQueries.caseVariants("переговор").toList());
        assertEquals(
                List.of("ελλάδα", "Ελλάδα", "ΕΛΛΆΔΑ"),
                TsQueries.caseVariants("ελλάδα").toList());
    }
}
