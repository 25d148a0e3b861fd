package app.newsroom.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Links the service stores (related links, images, authors' sites) must be absolute http or https URLs with a host. */
public final class ExternalUrls {

    private ExternalUrls() {}

    public static boolean isHttp(String url) {
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
