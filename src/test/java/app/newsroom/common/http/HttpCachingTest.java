package app.newsroom.common.http;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpCachingTest {

    @Test
    void shouldCompareStrongAndWeakTags() {
        assertTrue(HttpCaching.matches("\"a\"", "\"a\"", false));
        assertTrue(HttpCaching.matches("\"x\", \"a\"", "\"a\"", false));
        assertTrue(HttpCaching.matches("*", "\"a\"", false));
        assertFalse(HttpCaching.matches("W/\"a\"", "\"a\"", false));
        assertTrue(HttpCaching.matches("W/\"a\"", "\"a\"", true));
        assertFalse(HttpCaching.matches("\"b\"", "\"a\"", true));
    }

    @Test
    void shouldMakeStableQuotedTags() {
        String tag = HttpCaching.etagOf("x");
        assertEquals(tag, HttpCaching.etagOf("x"));
        assertNotEquals(tag, HttpCaching.etagOf("y"));
        assertTrue(tag.startsWith("\"") && tag.endsWith("\""));
    }

    @Test
    void shouldParseHttpDates() {
        assertEquals(Instant.parse("1994-11-06T08:49:37Z"), HttpCaching.parseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"));
        assertNull(HttpCaching.parseHttpDate("yesterday"));
    }
}
