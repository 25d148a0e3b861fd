package app.newsroom.cache;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The keys cached answers are filed under — in this process's response cache and, as {@code Surrogate-Key}, in a CDN —
 * and which keys a change notified by PostgreSQL (see {@code V10__cache_notifications.sql}) makes stale.
 *
 * <ul>
 * <li>{@code a:<id>}: an answer that shows this article (itself, a list or feed item, an internal link's target);</li>
 * <li>{@code t:<slug>}: an answer that shows this tag's own page or depends on it (an article carrying it, a tag
 * page);</li>
 * <li>{@code au:<slug>}: an answer that shows this author's own page or depends on it (an article crediting it, an
 * author page);</li>
 * <li>one key per kind of collection — {@code articles}, {@code articles:updated} (ordered by update time),
 * {@code feeds}, {@code sections}, {@code tags}, {@code authors}, {@code related}, {@code search} — for what a new,
 * withdrawn or moved article can enter or leave.</li>
 * </ul>
 */
public final class SurrogateKeys {

    public static final String ARTICLES = "articles";
    public static final String ARTICLES_BY_UPDATE = "articles:updated";
    public static final String FEEDS = "feeds";
    public static final String SECTIONS = "sections";
    public static final String TAGS = "tags";
    public static final String AUTHORS = "authors";
    public static final String RELATED = "related";
    public static final String SEARCH = "search";

    /** The notification that the set of public articles, or how lists show them, may have changed. */
    static final String MEMBERSHIP = "m";
    /** Everything (a listener that reconnected cannot know what it missed). */
    static final String EVERYTHING = "*";

    private static final List<String> COLLECTIONS =
            List.of(ARTICLES, ARTICLES_BY_UPDATE, FEEDS, SECTIONS, TAGS, AUTHORS, RELATED, SEARCH);

    private SurrogateKeys() {}

    public static String article(UUID id) {
        return "a:" + id;
    }

    public static String tag(String slug) {
        return "t:" + slug;
    }

    public static String author(String slug) {
        return "au:" + slug;
    }

    /**
     * The keys made stale by these notification payloads. An article's change also reorders lists by update time and
     * may change search results and related articles; a membership change touches every collection.
     */
    static Set<String> staleFor(Collection<String> payloads) {
        Set<String> stale = new LinkedHashSet<>();
        for (String payload : payloads) {
            if (payload.equals(MEMBERSHIP)) {
                stale.addAll(COLLECTIONS);
            } else if (payload.startsWith("a:")) {
                stale.add(payload);
                stale.add(ARTICLES_BY_UPDATE);
                stale.add(SEARCH);
                stale.add(RELATED);
            } else if (payload.startsWith("t:")) {
                stale.add(payload);
                stale.add(TAGS);
            } else if (payload.startsWith("au:")) {
                stale.add(payload);
                stale.add(AUTHORS);
            } else if (payload.equals(EVERYTHING)) {
                stale.add(EVERYTHING);
            }
        }
        return stale;
    }
}
