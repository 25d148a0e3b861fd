package app.newsroom.common.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/articles",
                "/api/v1/articles?tag=a%7Cb&page=2",
                "/api/v1/search?q=caf%C3%A9",
                "/api/v1/search?q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD",
                "/api/v1/articles/%F0%9F%93%B0",
                "/"
            })
    void shouldTakeWellFormedUrls(String uri) {
        assertTrue(Urls.valid(uri), uri);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/articles?tag=%%%",
                "/api/v1/search?q=%zz",
                "/api/v1/articles/%E0%A4%A",
                "/api/v1/feeds/rss?tag=%",
                "/api/v1/articles?tag=a|b",
                "/api/v1/articles/a b",
                "/api/v1/articles/%C0%AF",
                "/api/v1/search?q=%FF%FE",
                "/api/v1/search?q=%ED%A0%80",
                ""
            })
    void shouldRefuseMalformedUrls(String uri) {
        assertFalse(Urls.valid(uri), uri);
    }
}
