package app.newsroom.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

import app.newsroom.article.ArticleCriteria;
import app.newsroom.article.ArticleService;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.search.SearchDtos.Facets;
import app.newsroom.search.SearchDtos.Highlight;
import app.newsroom.search.SearchDtos.SearchHit;
import app.newsroom.search.SearchDtos.SearchResult;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * GET /search: parses the query per language, ranks a page (see {@link SearchRepository} and {@link TierPlan}),
 * counts matches and facets (kept for a few seconds, see {@link Revalidating}), highlights the page's rows only, and when
 * nothing matches proposes a spelling from the corpus.
 */
@ApplicationScoped
class SearchService {

    @Schema(name = "SearchOrder", description = "Order of search results")
    public enum Order {
        RELEVANCE,
        NEWEST;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Request(
            String q,
            ArticleCriteria criteria,
            Order order,
            PageRequest page,
            boolean tagFacet,
            boolean sectionFacet) {}

    static final int FACET_SIZE = 20;
    /** Phrases with at most this many matches keep their ids with their totals (see SearchRepository.Counts). */
    static final int PHRASE_IDS = 500;
    /** Answers kept (totals with facets, tier plans, did-you-mean), the least recently used going first. */
    static final int KEPT_ANSWERS = 10_000;
    /** Recounts waiting for a thread; beyond it the stale answer stays. */
    static final int RECOUNT_QUEUE = 64;
    /** Words of a query, for did-you-mean: letters and digits. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final SearchRepository repository;
    private final QueryParser parser;
    private final SearchVocabulary vocabulary;
    private final ArticleService articles;
    private final NewsroomConfig.Search config;
    private final Cache parsed;
    private final Revalidating revalidating;
    private final ThreadPoolExecutor recounts;

    SearchService(
            SearchRepository repository,
            QueryParser parser,
            SearchVocabulary vocabulary,
            ArticleService articles,
            NewsroomConfig config,
            @CacheName("search-parse") Cache parsed) {
        this.repository = repository;
        this.parser = parser;
        this.vocabulary = vocabulary;
        this.articles = articles;
        this.config = config.search();
        this.parsed = parsed;
        // background recounts run in a transaction of their own, which gives them a database session; they are few
        // at a time, so that keeping many costly totals fresh never takes the cores from the requests: when the queue
        // is full, Revalidating answers the stale total and a later request tries again
        this.recounts = new ThreadPoolExecutor(
                this.config.recountThreads(),
                this.config.recountThreads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(RECOUNT_QUEUE),
                task -> {
                    Thread thread = new Thread(task, "newsroom-recount");
                    thread.setDaemon(true);
                    return thread;
                });
        this.revalidating = new Revalidating(
                this.config.freshFor(),
                this.config.staleFor(),
                KEPT_ANSWERS,
                task -> recounts.execute(() -> QuarkusTransaction.requiringNew().run(task)));
    }

    @PreDestroy
    void stop() {
        recounts.shutdownNow();
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public SearchResult search(Request request) {
        PageRequest page = request.page();
        Optional<SearchMatch> match = match(request.q(), request.criteria());
        if (match.isEmpty()) {
            return new SearchResult(
                    List.of(),
                    Page.of(List.of(), page, 0).page(),
                    request.tagFacet() || request.sectionFacet() ? emptyFacets(request) : null,
                    null);
        }
        SearchMatch m = match.get();
        SearchRepository.Counts counted = counts(m, request);
        if (counted.ids() != null) {
            m = m.among(counted.ids());
        }
        List<SearchRepository.PageRow> rows = counted.total() <= page.offset()
                ? List.of()
                : request.order() == Order.NEWEST
                        ? repository.newest(m, page.offset(), page.size()).rows()
                        : ranked(m, page, counted.total());
        List<SearchHit> items = rows.stream()
                .map(r -> new SearchHit(
                        r.summary(),
                        Math.round(r.score() * 10000) / 10000.0,
                        new Highlight(Highlights.toHtml(r.headline()), Highlights.toHtml(r.body()))))
                .toList();
        Facets facets = request.tagFacet() || request.sectionFacet() ? facets(counted, request) : null;
        String suggestion = counted.total() == 0 && items.isEmpty() ? suggestion(m, request) : null;
        return new SearchResult(items, Page.of(items, page, counted.total()).page(), facets, suggestion);
    }

    /** The match of a query under the request's filters; empty when nothing can match (stop words only, unknown tag). */
    Optional<SearchMatch> match(String q, ArticleCriteria criteria) {
        List<String> searched =
                criteria.language() != null ? List.of(parser.configOf(criteria.language())) : configsInUse();
        if (searched.isEmpty()) {
            return Optional.empty();
        }
        List<ParsedQuery> parsed = parse(q, searched);
        List<ParsedQuery> branches =
                parsed.stream().filter(p -> !p.lexemes().isEmpty()).toList();
        if (branches.isEmpty()) {
            if (parsed.stream().anyMatch(p -> !p.matchesNothing())) {
                throw ProblemException.badRequest(
                        "q", "must contain at least one word to look for, not only exclusions");
            }
            return Optional.empty(); // only stop words or punctuation
        }
        Optional<List<List<UUID>>> tagGroups = articles.tagIdGroups(criteria);
        return tagGroups.map(groups -> new SearchMatch(branches, criteria, groups));
    }

    /**
     * A query as each configuration parses it. Parsing depends on the text and the configurations' dictionaries
     * only, never on the articles, so it is kept (a statement less per request for a query asked before).
     */
    private List<ParsedQuery> parse(String q, List<String> configs) {
        return parsed.get(String.join(",", configs) + "\n" + q, k -> List.copyOf(parser.parse(q, configs)))
                .await()
                .indefinitely();
    }

    private List<SearchRepository.PageRow> ranked(SearchMatch m, PageRequest page, long total) {
        // whole segments of the configured pool size, as many as the page reaches into
        int segment = config.poolSize();
        int pool = (page.offset() + page.size() + segment - 1) / segment * segment;
        if (total <= segment) {
            // every match fits in one segment, which would be ranked exactly anyway: skip the cheap pre-order
            return repository.exact(m, page.offset(), page.size()).rows();
        }
        TierPlan plan = plan(m, pool, total);
        while (true) {
            SearchRepository.Page ranked = repository.ranked(m, plan, segment, pool, page.offset(), page.size());
            // the tier was counted a few seconds ago; if writes thinned it since, rank the next lower one instead
            if (plan.everyMatch() || ranked.poolRows() >= pool) {
                return ranked.rows();
            }
            plan = plan.lower();
        }
    }

    /**
     * Where a page's candidates come from: every match for queries with fewer than {@code tier-above} matches and for
     * phrases (a phrase is checked against word positions, a TOAST read per candidate, so stepping through tiers
     * would repeat that work); otherwise the highest impact tier that fills the pool under the request's filters,
     * counted once and cached with the totals.
     */
    TierPlan plan(SearchMatch m, int pool, long total) {
        boolean phrase = m.branches.stream().anyMatch(ParsedQuery::phrase);
        if (phrase || total < config.tierAbove()) {
            return TierPlan.EVERY_MATCH;
        }
        return revalidating.get(m.countKey() + " tier " + pool, () -> {
            if (m.allWordsTiers()) {
                TierPlan all = TierPlan.choose(repository.tierCounts(m, pool, true), pool, true);
                if (!all.everyMatch()) {
                    return all;
                }
            }
            return TierPlan.choose(repository.tierCounts(m, pool, false), pool, false);
        });
    }

    private SearchRepository.Counts counts(SearchMatch m, Request request) {
        return revalidating.get(
                m.countKey() + " facets " + request.tagFacet() + "/" + request.sectionFacet(),
                () -> repository.counts(m, request.tagFacet(), request.sectionFacet(), FACET_SIZE, PHRASE_IDS));
    }

    private static Facets facets(SearchRepository.Counts counted, Request request) {
        return new Facets(
                request.tagFacet() ? counted.tags() : null, request.sectionFacet() ? counted.sections() : null);
    }

    private static Facets emptyFacets(Request request) {
        return new Facets(request.tagFacet() ? List.of() : null, request.sectionFacet() ? List.of() : null);
    }

    /**
     * The did-you-mean of a query that matched nothing, cached like its (zero) total: finding it takes a trigram
     * search of the vocabulary per unknown word and a match of each candidate, a dozen statements.
     */
    private String suggestion(SearchMatch m, Request request) {
        Optional<String> suggestion = revalidating.get(
                m.countKey() + " suggestion " + request.q(), () -> Optional.ofNullable(didYouMean(request)));
        return suggestion.orElse(null);
    }

    /**
     * The query with each word the corpus does not know replaced by the closest one it does, when that makes the
     * query match something the public may see; otherwise none. A replacement must match public articles by itself,
     * so no word of an unpublished article is ever revealed, even inside an exclusion.
     */
    private String didYouMean(Request request) {
        String q = request.q();
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(q);
        while (matcher.find()) {
            String word = matcher.group();
            if (!word.equals("OR") && word.length() >= 3 && words.size() < 8) {
                words.add(word);
            }
        }
        Map<String, List<String>> candidates = new HashMap<>();
        for (String word : words) {
            if (!vocabulary.known(word)) {
                List<String> publicOnes = new ArrayList<>();
                for (String candidate : vocabulary.closest(word, 3)) {
                    if (matchesPublicly(candidate, request.criteria())) {
                        publicOnes.add(candidate);
                    }
                }
                if (!publicOnes.isEmpty()) {
                    candidates.put(word, publicOnes);
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            String corrected = q;
            for (Map.Entry<String, List<String>> c : candidates.entrySet()) {
                String replacement =
                        c.getValue().get(Math.min(attempt, c.getValue().size() - 1));
                corrected = corrected.replaceAll(
                        "(?<![\\p{L}\\p{N}])" + Pattern.quote(c.getKey()) + "(?![\\p{L}\\p{N}])",
                        Matcher.quoteReplacement(replacement));
            }
            if (matchesPublicly(corrected, request.criteria())) {
                return corrected;
            }
        }
        return null;
    }

    /** Whether a query matches any public article under these filters; a query that cannot be run does not. */
    private boolean matchesPublicly(String q, ArticleCriteria criteria) {
        try {
            Optional<SearchMatch> m = match(q, criteria);
            return m.isPresent() && repository.anyMatch(m.get());
        } catch (ProblemException e) {
            return false; // e.g. a replacement that is a stop word leaves only exclusions
        }
    }

    /**
     * A loose scan of the language index (a few index probes), kept like the totals: an article in a language
     * nothing else is written in becomes searchable within seconds.
     */
    private List<String> configsInUse() {
        return revalidating.get("configurations in use", parser::configsInUse);
    }
}
