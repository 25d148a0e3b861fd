package app.newsroom.common.error;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.newsroom.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests no HTTP client library would send, written on a socket: answers the HTTP layer gives before any resource
 * runs are problem+json with the security headers too, and a body sent in chunks is cut off at its limit.
 */
@QuarkusTest
class RawHttpTest {

    @TestHTTPResource("/")
    URL root;

    /** The status line, headers and body of the answer to a raw request. */
    record Raw(int status, String head, String body) {
        void isProblem(int expected) {
            assertEquals(expected, status, head + body);
            assertTrue(head.toLowerCase().contains("content-type: application/problem+json"), head);
            assertTrue(head.contains("X-Content-Type-Options: nosniff"), head);
            assertTrue(body.startsWith("{\"type\":\"urn:newsroom:problem:"), body);
            assertTrue(body.contains("\"status\":" + expected), body);
        }
    }

    private Raw send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private Raw send(byte[] request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    private static Raw read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : headText.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        int status = headText.length() > 12 ? Integer.parseInt(headText.substring(9, 12)) : -1;
        return new Raw(status, headText, body);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/articles?tag=%%%",
                "/api/v1/search?q=%zz",
                "/api/v1/articles/%E0%A4%A",
                "/api/v1/feeds/rss?tag=%",
                "/api/v1/changes?since=%%%x",
                "/api/v1/articles?tag=a|b",
                "/api/v1/articles/a%20b%C0%AF",
                "/q/health?x=%"
            })
    void shouldAnswerMalformedUrlsWithAProblem(String target) throws IOException {
        Raw raw = send("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + Fixtures.key("partner") + "\r\nConnection: close\r\n\r\n");
        raw.isProblem(400);
        assertTrue(raw.body().contains("percent-encoded"), raw.body());
    }

    @Test
    void shouldAnswerABadOrMissingHostWithAProblem() throws IOException {
        send("GET /api/v1/articles HTTP/1.1\r\nHost: [bad\r\nConnection: close\r\n\r\n")
                .isProblem(400);
        Raw none = send("GET /api/v1/articles HTTP/1.1\r\nConnection: close\r\n\r\n");
        none.isProblem(400);
        assertTrue(none.body().contains("Host"), none.body());
    }

    @Test
    void shouldAnswerOversizedUrlsAndHeadersWithAProblem() throws IOException {
        Raw url = send("GET /api/v1/search?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        url.isProblem(414);
        assertTrue(url.head().contains("Connection: close"), url.head());
        send("GET /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "a".repeat(20_000) + "\r\n\r\n")
                .isProblem(431);
    }

    @Test
    void shouldAnswerAnUnknownMethodWithAProblem() throws IOException {
        Raw raw = send("BREW /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        raw.isProblem(405);
        assertTrue(raw.head().contains("Allow: "), raw.head());
    }

    @Test
    void shouldStopReadingAChunkedBodyAtItsLimit() throws Exception {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + Fixtures.key("editor")
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            byte[] first = "{\"headline\":\"x\",\"body\":\"".getBytes(StandardCharsets.ISO_8859_1);
            long sent = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            // an endless body: the answer must come after about 1 MiB, with the rest never read
            try {
                out.write((Integer.toHexString(first.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(first);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                while (sent < 256L * 1024 * 1024 && System.nanoTime() < deadline) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    sent += chunk.length;
                    if (socket.getInputStream().available() > 0) {
                        break;
                    }
                }
            } catch (IOException closedByTheServer) {
                // expected once the server has answered and closed
            }
            assertTrue(sent < 64L * 1024 * 1024, "the server read " + sent + " bytes of an endless body");
            Raw raw = read(socket.getInputStream());
            raw.isProblem(413);
        }
    }
}
