package app.newsroom.article;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.newsroom.common.error.ProblemException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TagFilterSyntaxTest {

    @Test
    void shouldParseGuardianTagSyntax() {
        assertEquals(List.of(List.of("a"), List.of("b")), ArticleCriteria.parseTagFilter("a,b"));
        assertEquals(List.of(List.of("a", "b")), ArticleCriteria.parseTagFilter("a|b"));
        assertEquals(List.of(List.of("a"), List.of("b", "c")), ArticleCriteria.parseTagFilter("a, b|c"));
        assertEquals(List.of(), ArticleCriteria.parseTagFilter(null));
    }

    @Test
    void shouldRejectEmptyGroupsBadSlugsAndTooManyTags() {
        assertThrows(ProblemException.class, () -> ArticleCriteria.parseTagFilter("a,,b"));
        assertThrows(ProblemException.class, () -> ArticleCriteria.parseTagFilter("a||"));
        assertThrows(ProblemException.class, () -> ArticleCriteria.parseTagFilter("A B"));
        assertThrows(ProblemException.class, () -> ArticleCriteria.parseTagFilter("t|".repeat(21) + "t"));
    }
}
