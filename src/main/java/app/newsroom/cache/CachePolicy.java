package app.newsroom.cache;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.http.HttpCaching;

/**
 * The caching headers of answers: {@code Cache-Control} by kind of resource (configured under
 * {@code newsroom.cache.<kind>}) for anonymous callers, {@code private} for anyone who sent a key. Collections (lists,
 * feeds, search) are never declared fresh past the next scheduled publication, so that a CDN or browser shows a
 * scheduled article at its time.
 */
@ApplicationScoped
public class CachePolicy {

    /** What kind of resource an answer is; each has its own Cache-Control. */
    public enum Kind {
        ARTICLE,
        LIST,
        FEED,
        SEARCH;

        boolean collection() {
            return this != ARTICLE;
        }

        /** Whether answers of this kind are kept in the response cache (search keeps its own counts instead). */
        boolean kept() {
            return this != SEARCH;
        }
    }

    /** Answers that depend on the caller's key: kept by the caller's own browser only, revalidated on every use. */
    public static final String PRIVATE = HttpCaching.PRIVATE;
    /** Answers vary with compression, and with the key wherever a key changes them (drafts for editors). */
    public static final String VARY = "Accept-Encoding, Authorization";
    /** One article also comes as ninjs when Accept asks for it. */
    private static final String VARY_ARTICLE = "Accept, Accept-Encoding, Authorization";

    /** The Vary header of an answer of this kind. */
    public static String vary(Kind kind) {
        return kind == Kind.ARTICLE ? VARY_ARTICLE : VARY;
    }

    private final Map<Kind, NewsroomConfig.Cache.Policy> policies = new EnumMap<>(Kind.class);
    private final Map<Kind, String> uncapped = new EnumMap<>(Kind.class);
    private final ScheduledPublications schedule;

    CachePolicy(NewsroomConfig config, ScheduledPublications schedule) {
        this.schedule = schedule;
        policies.put(Kind.ARTICLE, config.cache().article());
        policies.put(Kind.LIST, config.cache().list());
        policies.put(Kind.FEED, config.cache().feed());
        policies.put(Kind.SEARCH, config.cache().search());
        policies.forEach((kind, policy) -> uncapped.put(kind, header(policy, Long.MAX_VALUE)));
    }

    /** The Cache-Control of an anonymous answer of this kind, now. */
    public String publicCacheControl(Kind kind) {
        Instant due = kind.collection() ? schedule.nextDue() : null;
        if (due == null) {
            return uncapped.get(kind);
        }
        long untilDue = Math.max(0, Duration.between(Instant.now(), due).toSeconds());
        return header(policies.get(kind), untilDue);
    }

    private static String header(NewsroomConfig.Cache.Policy policy, long capSeconds) {
        long maxAge = Math.min(policy.maxAge().toSeconds(), capSeconds);
        StringBuilder header = new StringBuilder("public, max-age=").append(maxAge);
        policy.sharedMaxAge()
                .ifPresent(shared -> header.append(", s-maxage=").append(Math.min(shared.toSeconds(), capSeconds)));
        return header.append(", stale-while-revalidate=")
                .append(policy.staleWhileRevalidate().toSeconds())
                .append(", stale-if-error=")
                .append(policy.staleIfError().toSeconds())
                .toString();
    }
}
