package app.newsroom.common.http;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.core.UriInfo;

/** RFC 8288 {@code Link} header for a paged list: first, prev, next and last, keeping the other query parameters. */
public final class Links {

    private Links() {}

    public static String paging(UriInfo uri, Page.PageInfo page) {
        List<String> links = new ArrayList<>();
        long last = Math.max(1, page.totalPages());
        links.add(link(uri, 1, "first"));
        if (page.number() > 1) {
            links.add(link(uri, Math.min(page.number() - 1, last), "prev"));
        }
        if (page.number() < page.totalPages()) {
            links.add(link(uri, page.number() + 1, "next"));
        }
        links.add(link(uri, last, "last"));
        return String.join(", ", links);
    }

    private static String link(UriInfo uri, long number, String rel) {
        String target = uri.getRequestUriBuilder()
                .replaceQueryParam("page", number)
                .build()
                .getRawPath();
        String query = uri.getRequestUriBuilder()
                .replaceQueryParam("page", number)
                .build()
                .getRawQuery();
        return "<" + target + (query == null ? "" : "?" + query) + ">; rel=\"" + rel + "\"";
    }
}
