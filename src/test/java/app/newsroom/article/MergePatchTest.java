package app.newsroom.article;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The examples of RFC 7396, appendix A. */
class MergePatchTest {

    private final ObjectMapper mapper = new ObjectMapper();

    private void check(String target, String patch, String expected) throws Exception {
        assertEquals(mapper.readTree(expected), MergePatch.apply(mapper.readTree(target), mapper.readTree(patch)));
    }

    @Test
    void shouldFollowTheRfcExamples() throws Exception {
        check("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}");
        check("{\"a\":\"b\"}", "{\"a\":null}", "{}");
        check("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}");
        check("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}");
        check("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}");
        check("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}");
        check("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}");
        check("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]");
        check("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]");
        check("{\"a\":\"foo\"}", "null", "null");
        check("{\"a\":\"foo\"}", "\"bar\"", "\"bar\"");
        check("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}");
        check("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}");
        check("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}");
    }
}
