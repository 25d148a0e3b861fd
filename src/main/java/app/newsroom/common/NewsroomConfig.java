package app.newsroom.common;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Typed application configuration ({@code newsroom.*}). */
@ConfigMapping(prefix = "newsroom")
public interface NewsroomConfig {

    Paging paging();

    /** The bootstrap admin key (NEWSROOM_ADMIN_KEY), installed at start so a fresh install can be administered. */
    Optional<String> adminKey();

    RateLimit rateLimit();

    Changes changes();

    Limits limits();

    /** The bulk import ({@code newsroom.import.*}). */
    @WithName("import")
    Import importing();

    Feeds feeds();

    Search search();

    DevDb devDb();

    /** Response caching: the in-process cache of public answers and the caching headers they carry. */
    Cache cache();

    /** Purges of a CDN in front of the service ({@code newsroom.cdn.*}). */
    Cdn cdn();

    /** Image renditions ({@code newsroom.images.*}). */
    Images images();

    /** Draft preview tokens ({@code newsroom.previews.*}). */
    Previews previews();

    interface Previews {
        /** How long a preview token works when its maker asks for no particular time. */
        @WithDefault("1h")
        Duration defaultTtl();

        /** The longest a preview token may work. */
        @WithDefault("7d")
        Duration maxTtl();
    }

    interface Images {
        /**
         * The URL of one rendition on an image server (imgix, thumbor, a CDN's image service), with placeholders:
         * {@code {url}} (the original's URL, percent-encoded), {@code {path}} (its path without the leading slash, and
         * its query), {@code {width}}, {@code {height}}, {@code {fx}} and {@code {fy}} (the focal point, 0 to 1). For
         * example {@code https://img.example.com/{path}?w={width}&fit=crop&fp-x={fx}&fp-y={fy}}. Absent: images list
         * only their original.
         */
        Optional<String> renditionTemplate();

        /** The widths rendered, in pixels; those wider than an original are left out, and the original is added. */
        @WithDefault("320,640,960,1280,1920")
        List<Integer> widths();
    }

    interface Paging {
        /** Page size when the client gives none. */
        @WithDefault("20")
        int defaultPageSize();

        /** Largest page size a client may ask for. */
        @WithDefault("100")
        int maxPageSize();

        /** Deepest row a paged list may reach ({@code page * pageSize}); deeper exports use /changes. */
        @WithDefault("10000")
        int maxDepth();
    }

    interface RateLimit {
        /** Whether requests are limited at all. */
        @WithDefault("true")
        boolean enabled();

        /** Where buckets live: {@code memory} (one instance) or {@code redis} (shared by all instances). */
        @WithDefault("memory")
        String store();

        /** Redis for the shared store. */
        @WithDefault("redis://127.0.0.1:6379")
        String redisUrl();

        /** The window each limit counts over. */
        @WithDefault("60S")
        Duration window();

        /** Requests per window for a client without a key, per client address. */
        @WithDefault("120")
        long anonymous();

        /** Requests per window for a partner key. */
        @WithDefault("1200")
        long partner();

        /** Requests per window for an editor key. */
        @WithDefault("2400")
        long editor();

        /** Requests per window for an admin key. */
        @WithDefault("2400")
        long admin();

        /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
        @WithDefault("false")
        boolean trustForwardedFor();
    }

    interface Limits {
        /** Largest request body, except the import's. */
        @WithDefault("1M")
        MemorySize maxBodySize();

        /** Largest NDJSON import body. */
        @WithDefault("64M")
        MemorySize maxImportSize();

        /**
         * Longest request target (path and query) answered with anything but a 414. The HTTP server's own limit
         * ({@code quarkus.http.limits.max-initial-line-length}) must stay above it, so that this one answers.
         */
        @WithDefault("16K")
        MemorySize maxUrlLength();

        /**
         * Largest total size of the request headers answered with anything but a 431. The HTTP server's own limit
         * ({@code quarkus.http.limits.max-header-size}) must stay above it.
         */
        @WithDefault("16K")
        MemorySize maxHeaderSize();
    }

    interface Import {
        /**
         * Batches of an NDJSON import written at the same time, each in its own transaction. Lines are dealt to the
         * writers by slug family, so that two writers never race for a slug.
         */
        @WithDefault("2")
        int writers();
    }

    interface Changes {
        /** How long superseded entries and deletions stay in the change log; older cursors answer 410. */
        @WithDefault("30D")
        Duration retention();

        /** Entries per page when the client gives no limit. */
        @WithDefault("100")
        int defaultLimit();

        /** Most entries per page. */
        @WithDefault("1000")
        int maxLimit();

        /** How often scheduled articles whose time has come are released to the log. */
        @WithDefault("15s")
        String releaseEvery();

        /** How often the log is compacted ({@code off} disables it). */
        @WithDefault("1h")
        String purgeEvery();
    }

    interface Feeds {
        /** Public site whose article pages feed items link to ({@code <site-url>/<slug>}); default: the API URL. */
        Optional<String> siteUrl();

        /** The feeds' title. */
        @WithDefault("newsroom")
        String title();

        @WithDefault("50")
        int defaultLimit();

        @WithDefault("100")
        int maxLimit();
    }

    interface Search {
        /** Longest accepted {@code q}. */
        @WithDefault("500")
        int maxQueryLength();

        /**
         * Candidates ranked exactly for one page: the best this many by the cheap headline/standfirst score. Raising it
         * trades speed for ranking fidelity on very common words.
         */
        @WithDefault("200")
        int poolSize();

        /**
         * Queries matching fewer articles than this are ranked over every match; from it on, only the articles where
         * the words weigh most (the highest impact tier that still fills the pool) are candidates.
         */
        @WithDefault("800")
        int tierAbove();

        /**
         * How long a match total (with its facets, tier counts and did-you-mean) is answered without counting again:
         * at least this long, longer for costly counts (see {@code Revalidating}).
         */
        @WithDefault("10s")
        Duration freshFor();

        /**
         * How long a match total no longer fresh (with its facets, tier counts and did-you-mean) may still be answered
         * while one background task counts again; {@code 0s} makes the request that finds it expired wait for the
         * count.
         */
        @WithDefault("60s")
        Duration staleFor();

        /**
         * Background recounts run at once; the rest wait in a short queue, and when it is full the stale answer is
         * kept. Bounds the CPU that keeping many costly totals fresh may take from the requests themselves.
         */
        @WithDefault("1")
        int recountThreads();

        /** How often the did-you-mean vocabulary takes in changed articles ({@code off} disables it). */
        @WithDefault("30s")
        String vocabularyEvery();
    }

    interface Cache {
        /** Whether public answers are kept in memory at all (caching headers are sent either way). */
        @WithDefault("true")
        boolean enabled();

        /** The most the in-process cache holds: bodies and their gzipped copies, with a small allowance per entry. */
        @WithDefault("64M")
        MemorySize maxSize();

        /** How often the listening connection is checked: a connection lost silently is noticed within this. */
        @WithDefault("2s")
        Duration heartbeat();

        /** How long a write waits, at most, for this instance to have taken in its own notifications. */
        @WithDefault("2s")
        Duration writeWait();

        /** One article ({@code GET /articles/{idOrSlug}}). */
        Policy article();

        /** Lists: articles, tags, sections, related articles. */
        Policy list();

        /** RSS, Atom and JSON Feed. */
        Policy feed();

        /** Search and autocomplete. */
        Policy search();

        /** How long shared caches and browsers may keep an anonymous answer of one kind. */
        interface Policy {
            /** {@code max-age}: fresh for this long. */
            Duration maxAge();

            /** {@code s-maxage}: fresh for this long in shared caches (a CDN that the service purges); default max-age. */
            Optional<Duration> sharedMaxAge();

            /** {@code stale-while-revalidate}: then served stale for this long while fetched again. */
            Duration staleWhileRevalidate();

            /** {@code stale-if-error}: served stale for this long when the service cannot answer. */
            Duration staleIfError();
        }
    }

    interface Cdn {
        /**
         * Where to send key purges ({@code PURGE} with the keys in {@code xkey-purge} suits the Varnish configuration
         * in {@code deploy/varnish}); none: no CDN is purged.
         */
        Optional<URI> purgeUrl();

        /** The purge request's method ({@code PURGE} for Varnish; {@code POST} for Fastly's API). */
        @WithDefault("PURGE")
        String purgeMethod();

        /** The header that carries the keys, space-separated ({@code Surrogate-Key} for Fastly). */
        @WithDefault("xkey-purge")
        String purgeHeader();

        /** A header that authenticates the purge (e.g. {@code Fastly-Key}); its value is {@code purge-token}. */
        Optional<String> purgeTokenHeader();

        /** The value of {@code purge-token-header}; a secret: environment only ({@code NEWSROOM_CDN_PURGE_TOKEN}). */
        Optional<String> purgeToken();

        /** Most keys per purge request. */
        @WithDefault("200")
        int purgeBatch();
    }

    interface DevDb {
        /** Folder for the embedded PostgreSQL's data in dev mode (relative to the working directory). */
        @WithDefault(".dev-db")
        String directory();
    }
}
