package app.newsroom.article;

import org.junit.jupiter.api.Test;

import app.newsroom.common.error.ProblemException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which form a request asks for: `format` decides; else Accept, ninjs only when ranked at least as high as JSON. */
class NinjsWantedTest {

    @Test
    void shouldLetTheFormatParameterDecide() {
        assertTrue(Ninjs.wanted("ninjs", "application/json"));
        assertFalse(Ninjs.wanted("json", "application/ninjs+json"));
        assertThrows(ProblemException.class, () -> Ninjs.wanted("xml", null));
    }

    @Test
    void shouldReadTheAcceptHeaderWithItsQualities() {
        assertFalse(Ninjs.wanted(null, null));
        assertFalse(Ninjs.wanted(null, "*/*"));
        assertFalse(Ninjs.wanted(null, "application/json"));
        assertTrue(Ninjs.wanted(null, "application/ninjs+json"));
        assertTrue(Ninjs.wanted(null, "application/ninjs+json, application/json;q=0.5"));
        assertFalse(Ninjs.wanted(null, "application/json, application/ninjs+json;q=0.5"));
        assertFalse(Ninjs.wanted(null, "application/ninjs+json;q=0"));
        assertFalse(Ninjs.wanted(null, "application/ninjs+json;q=oops"));
    }
}
