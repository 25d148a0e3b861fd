package app.newsroom.common.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which request URLs the service takes: an RFC 3986 path and query (characters such as space, {@code |}, {@code {} or
 * {@code "} percent-encoded), whose percent-escapes are pairs of hexadecimal digits that decode to UTF-8. Anything
 * else is a 400 before any handler reads the URL, since the HTTP layer's own handlers would fail on it in ways that
 * are not the client's to guess.
 */
public final class Urls {

    public static final String INVALID = "The request URL is not valid: characters such as space, '|', '{', '}' and "
            + "'\"' must be percent-encoded (e.g. tag=a%7Cb), a '%' must be followed by two hexadecimal digits, and "
            + "the bytes it encodes must be UTF-8.";

    private Urls() {}

    public static boolean valid(String uri) {
        if (uri == null || uri.isEmpty()) {
            return false;
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return false;
        }
        return decodes(uri);
    }

    /** Whether every run of percent-escapes decodes to UTF-8 (java.net.URI checks only the hexadecimal digits). */
    private static boolean decodes(String uri) {
        int i = uri.indexOf('%');
        while (i >= 0) {
            int end = i;
            while (end + 2 < uri.length() && uri.charAt(end) == '%') {
                end += 3;
            }
            byte[] bytes = new byte[(end - i) / 3];
            for (int b = 0; b < bytes.length; b++) {
                bytes[b] = (byte) Integer.parseInt(uri.substring(i + 3 * b + 1, i + 3 * b + 3), 16);
            }
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                return false;
            }
            i = uri.indexOf('%', Math.max(end, i + 1));
        }
        return true;
    }
}
