package app.newsroom.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.newsroom.common.ProblemException;

class TagFilterSyntaxTest {

    @Test
    void shouldParseGuardianTagSyntax() {
        assertEquals(List.of(List.of("a"), List.of("b")), ArticleResource.tagGroups("a,b"));
        assertEquals(List.of(List.of("a", "b")), ArticleResource.tagGroups("a|b"));
        assertEquals(List.of(List.of("a"), List.of("b", "c")), ArticleResource.tagGroups("a, b|c"));
        assertEquals(List.of(), ArticleResource.tagGroups(null));
    }

    @Test
    void shouldRejectEmptyGroupsBadSlugsAndTooManyTags() {
        assertThrows(ProblemException.class, () -> ArticleResource.tagGroups("a,,b"));
        assertThrows(ProblemException.class, () -> ArticleResource.tagGroups("a||"));
        assertThrows(ProblemException.class, () -> ArticleResource.tagGroups("A B"));
        assertThrows(ProblemException.class, () -> ArticleResource.tagGroups("t|".repeat(21) + "t"));
    }
}
