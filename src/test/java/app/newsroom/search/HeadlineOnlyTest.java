package app.newsroom.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The headline-only form of a query: every lexeme restricted to weight A, the operators untouched. */
class HeadlineOnlyTest {

    @Test
    void restrictsEveryLexemeAndKeepsOperators() {
        assertEquals("'derna':A", TsQueries.headlineOnly("'derna'"));
        assertEquals("'flood':A & !'dam':A", TsQueries.headlineOnly("'flood' & !'dam'"));
        assertEquals("'storm':A <-> 'daniel':A | 'libya':A", TsQueries.headlineOnly("'storm' <-> 'daniel' | 'libya'"));
        assertEquals("( 'a':A | 'b':A ) & 'c':A", TsQueries.headlineOnly("( 'a' | 'b' ) & 'c'"));
    }

    @Test
    void quotesInsideLexemesStayInside() {
        assertEquals("'it''s':A & 'o''neil':A", TsQueries.headlineOnly("'it''s' & 'o''neil'"));
        assertEquals("'a&b':A", TsQueries.headlineOnly("'a&b'"));
    }
}
