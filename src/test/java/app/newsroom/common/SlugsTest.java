package app.newsroom.common;

import java.util.Set;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlugsTest {

    @Test
    void shouldTakeTheFirstFreeSuffix() {
        assertEquals("kremlin-talks", Slugs.firstFree("kremlin-talks", Set.of("kremlin-talks-2")));
        assertEquals("kremlin-talks-3", Slugs.firstFree("kremlin-talks", Set.of("kremlin-talks", "kremlin-talks-2")));
    }

    @Test
    void shouldSlugifyLatinText() {
        assertEquals("syria-interim-president-meets-putin", Slugs.slugify("  Syria: interim President meets PUTIN!  "));
        assertEquals("cafe-creme-a-paris", Slugs.slugify("Café crème à Paris"));
        assertEquals("", Slugs.slugify("!!! ???"));
        assertEquals("", Slugs.slugify(null));
    }

    @Test
    void shouldTransliterateNonLatinScripts() {
        assertEquals("vladimir-putin", Slugs.slugify("Владимир Путин"));
        String arabic = Slugs.slugify("سوريا وروسيا");
        assertTrue(Slugs.isValid(arabic), arabic);
        assertFalse(arabic.isEmpty());
        assertTrue(Slugs.isValid(Slugs.slugify("Αθήνα και Θεσσαλονίκη")));
        assertTrue(Slugs.isValid(Slugs.slugify("東京の記者会見")));
    }

    @Test
    void shouldCutLongSlugsAtAWordAndKeepSuffixesWithinTheLimit() {
        String longText = "word ".repeat(60);
        String slug = Slugs.slugify(longText);
        assertTrue(slug.length() <= Slugs.MAX_LENGTH);
        assertFalse(slug.endsWith("-"));
        assertTrue(slug.endsWith("word"));
        String suffixed = Slugs.withSuffix("a".repeat(120), 12);
        assertEquals(120, suffixed.length());
        assertTrue(suffixed.endsWith("-12"));
        assertEquals("story", Slugs.withSuffix("story", 1));
        assertEquals("story-2", Slugs.withSuffix("story", 2));
    }

    @Test
    void shouldTransliterateOnlyWhatIsNotLatin() {
        Assertions.assertTrue(Slugs.latin("Café crème – «Straße» 2026"));
        Assertions.assertFalse(Slugs.latin("Café Москва"));
        assertEquals("strasse-in-munchen", Slugs.slugify("Straße in München"));
        assertEquals("cafe-moskva", Slugs.slugify("Café Москва"));
        assertEquals("syrias-leader-and-russias-president", Slugs.slugify("Syria's leader and Russia’s president"));
    }

    @Test
    void shouldValidateSlugs() {
        assertTrue(Slugs.isValid("a-b-9"));
        assertFalse(Slugs.isValid("A-b"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("-a"));
        assertFalse(Slugs.isValid("a".repeat(121)));
        assertFalse(Slugs.isValid(null));
    }
}
