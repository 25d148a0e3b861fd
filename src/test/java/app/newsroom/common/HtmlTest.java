package app.newsroom.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTest {

    @Test
    void shouldKeepTheSafeSubset() {
        String html = "<h2>Title</h2><p>A <em>b</em> <strong>c</strong></p><ul><li>x</li></ul><ol><li>y</li></ol>"
                + "<blockquote>q</blockquote><figure><img src=\"https://e.org/a.jpg\" alt=\"A\"><figcaption>c</figcaption></figure>"
                + "<p><a href=\"mailto:desk@example.org\">mail</a></p>";
        String clean = Html.clean(html).html();
        for (String tag : new String[] {
            "<h2>",
            "<em>",
            "<strong>",
            "<ul>",
            "<ol>",
            "<li>",
            "<blockquote>",
            "<figure>",
            "<figcaption>",
            "<img src=\"https://e.org/a.jpg\" alt=\"A\">",
            "href=\"mailto:desk@example.org\""
        }) {
            assertTrue(clean.contains(tag), tag + " missing from " + clean);
        }
    }

    @Test
    void shouldRemoveScriptsHandlersAndDangerousUrls() {
        String clean = Html.clean("<p onmouseover=\"x()\" style=\"color:red\">t</p><script>alert(1)</script>"
                        + "<a href=\"javascript:alert(1)\">j</a><a href=\"JaVaScRiPt:alert(1)\">k</a>"
                        + "<img src=\"javascript:alert(1)\"><img src=\"http://e.org/x.png\" onerror=\"y()\"><svg onload=\"z()\"></svg>"
                        + "<style>p{}</style><iframe src=\"https://e.org\"></iframe><form><input></form>")
                .html();
        for (String bad : new String[] {
            "onmouseover", "style", "script", "javascript", "onerror", "svg", "onload", "iframe", "form", "input"
        }) {
            assertFalse(clean.toLowerCase().contains(bad), bad + " survived in " + clean);
        }
        assertTrue(clean.contains("<img src=\"http://e.org/x.png\">"), clean);
    }

    @Test
    void shouldExtractTextAndCountWords() {
        String text = Html.clean("<p>Putin met al-Sharaa.</p><p>Russia’s bases: Tartous &amp; Hmeimim</p>")
                .text();
        assertEquals("Putin met al-Sharaa. Russia’s bases: Tartous & Hmeimim", text);
        assertEquals(7, Html.wordCount(text));
        assertEquals(0, Html.wordCount(""));
        assertEquals(3, Html.wordCount("Путин встретился с"));
        assertEquals(0, Html.wordCount(" - — ... "));
        assertEquals("", Html.clean(null).html());
    }
}
