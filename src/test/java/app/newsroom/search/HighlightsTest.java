package app.newsroom.search;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class HighlightsTest {

    @Test
    void shouldEscapeTextAndTurnMarksIntoMarkElements() {
        assertEquals(
                "a &lt;b&gt; &amp; <mark>c</mark> &quot;d&quot; &#39;e&#39;",
                Highlights.toHtml("a <b> & " + Highlights.START + "c" + Highlights.STOP + " \"d\" 'e'"));
    }

    @Test
    void shouldNeverLeaveAMarkOpenOrNestIt() {
        assertEquals("<mark>a</mark>", Highlights.toHtml(Highlights.START + "a"));
        assertEquals(
                "<mark>ab</mark>",
                Highlights.toHtml("" + Highlights.START + Highlights.START + "ab" + Highlights.STOP + Highlights.STOP));
        assertEquals("x", Highlights.toHtml(Highlights.STOP + "x"));
        assertNull(Highlights.toHtml(null));
    }
}
