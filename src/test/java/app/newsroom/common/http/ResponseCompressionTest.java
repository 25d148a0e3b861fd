package app.newsroom.common.http;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gzip for the clients that take it, from 1 KiB: the OpenAPI document too; small answers as they are. */
@QuarkusTest
class ResponseCompressionTest {

    @TestHTTPResource("/")
    URI root;

    private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldGzipTheOpenApiDocumentForClientsThatTakeIt() throws Exception {
        HttpResponse<byte[]> plain = get("/q/openapi", null);
        HttpResponse<byte[]> zipped = get("/q/openapi", "gzip");
        assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(null));
        assertTrue(zipped.body().length * 4 < plain.body().length, "compressed " + zipped.body().length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertEquals(new String(plain.body()), new String(in.readAllBytes()));
        }
    }

    @Test
    void shouldSendSmallAnswersAsTheyAre() throws Exception {
        HttpResponse<byte[]> problem = get("/api/v1/articles/no-such-article-anywhere", "gzip");
        assertEquals(404, problem.statusCode());
        assertTrue(problem.body().length < ResponseCompression.FROM);
        assertTrue(problem.headers()
                .firstValue("Content-Encoding")
                .filter(e -> e.equals("gzip"))
                .isEmpty());
    }
}
