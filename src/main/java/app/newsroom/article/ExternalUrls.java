package app.newsroom.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** External related links must be absolute http or https URLs with a host. */
final class ExternalUrls {

    private ExternalUrls() {}

    static boolean isHttp(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
