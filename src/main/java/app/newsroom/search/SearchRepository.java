package app.newsroom.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.article.ArticleSummaries;
import app.newsroom.search.SearchDtos.SectionFacet;
import app.newsroom.search.SearchDtos.TagFacet;

/**
 * The SQL of a search's pages and counts. Matching runs on the GIN index of published articles' {@code search_vector}
 * (see {@link SearchMatch}). Ranking is two-stage: a pool of candidates is ordered by a cheap score read from the small
 * inline headline/standfirst vector (where the query matches, then its head weight), and only the best of them are
 * ranked exactly with {@code ts_rank_cd} over the full vector, which costs a TOAST read per row. For common words the
 * pool is drawn from an impact tier (see {@link TierPlan}) instead of every match. The design: {@code docs/search.md}.
 */
@ApplicationScoped
class SearchRepository {

    /**
     * A ranked page: candidates in the cheap order (%2$s), numbered, from every match or a tier (%1$s); each segment of
     * {@code :segment} of them is ranked exactly (%3$s) on its own, so a candidate's page never depends on how deep the
     * client pages (no repeats, no gaps between pages); ties by recency, then id.
     */
    private static final String RANKED = """
            SELECT p.id, p.score, p.pool_rows
              FROM (SELECT a.id, a.published_at, a.rn, %3$s AS score, count(*) OVER () AS pool_rows
                      FROM (SELECT a.id, a.published_at, a.search_config, a.search_head, a.search_vector,
                                   row_number() OVER (ORDER BY %2$s) AS rn
                              FROM article a %1$s ORDER BY rn LIMIT :pool) a) p
             ORDER BY (p.rn - 1) / :segment, p.score DESC, p.published_at DESC, p.id DESC
             LIMIT :limit OFFSET :offset""";

    /** A page of every match in one order (%3$s), each with its exact score (%2$s), under the match (%1$s). */
    private static final String SCORED = """
            SELECT a.id, %2$s AS score, 0 AS pool_rows FROM article a %1$s
             ORDER BY %3$s LIMIT :limit OFFSET :offset""";

    /** One tier level's candidates (%1$s) under the match (%2$s), counting stops at {@code :needed}. */
    private static final String TIER_COUNT =
            "SELECT %1$d, count(*) FROM (SELECT 1 FROM article a %2$s LIMIT :needed) t%1$d";

    /**
     * The rows of a page (ids in {@code :page}) with their summaries and highlights, by a statement whose text depends
     * only on the number of configurations searched (the query of the row's configuration, %1$s, and any of its words,
     * %2$s): the driver keeps it prepared and PostgreSQL reuses its plan (lookups by id); written into the ranking
     * statement it cost ~2 ms of parsing and planning per request. It checks again that each row is public: the two
     * statements see the articles at different moments.
     *
     * <p>ts_headline parses all the text it is given, so it gets the body's fragment only: {@value
     * Highlights#FRAGMENT} characters from {@value Highlights#BEFORE} before the first occurrence of a query word (a
     * stem is a prefix of the words it stems from), whole words only, or the body's start when none is found. ASCII
     * words are found in the body lowered byte-wise (COLLATE "C", one pass); words with other letters as written
     * lowercase, Capitalized and in CAPITALS (lower() depends on the database's locale and is slow). The body is read
     * from TOAST once ("|| ''" makes a plain copy).
     */
    private static final String PAGE = """
            SELECT ts_headline(a.search_config, translate(a.headline, E'\\uE000\\uE001', ''), %1$s, :options)
                       AS highlight_headline,
                   ts_headline(a.search_config, translate(w.text, E'\\uE000\\uE001', ''), %2$s, :options)
                       AS highlight_body,
            """ + ArticleSummaries.COLUMNS + """

              FROM unnest(CAST(:page AS uuid[])) AS page(id)
              JOIN article a ON a.id = page.id AND a.status = 'published' AND a.published_at <= :now
             CROSS JOIN LATERAL (SELECT t.body, CASE WHEN cardinality(CAST(:ascii AS text[])) > 0
                                                     THEN lower(t.body COLLATE "C") END AS ascii_lowered
                                   FROM (SELECT a.body_text || '' AS body OFFSET 0) t OFFSET 0) b
             CROSS JOIN LATERAL (SELECT greatest(coalesce(least(
                    (SELECT min(nullif(strpos(b.ascii_lowered, l), 0)) FROM unnest(CAST(:ascii AS text[])) l),
                    (SELECT min(nullif(strpos(b.body, l), 0)) FROM unnest(CAST(:other AS text[])) l)),
                    1) - :before, 1) AS start OFFSET 0) s
             CROSS JOIN LATERAL (SELECT CASE WHEN s.start + :fragment > length(b.body) THEN x.text
                                             ELSE regexp_replace(x.text, '\\s+\\S*$', '') END AS text
                                   FROM (SELECT CASE WHEN s.start = 1 THEN left(b.body, :fragment)
                                                     ELSE regexp_replace(substr(b.body, s.start, :fragment), '^\\S*\\s+', '')
                                                END AS text) x) w""";

    private final EntityManager em;
    private final ArticleSummaries summaries;

    SearchRepository(EntityManager em, ArticleSummaries summaries) {
        this.em = em;
        this.summaries = summaries;
    }

    /** A row of a result page: the article's summary, its score, and its headline and body marked by ts_headline. */
    record PageRow(ArticleSummary summary, double score, String headline, String body) {}

    /** A page of results, and how many candidates its pool held (fewer than asked: the tier was too thin). */
    record Page(List<PageRow> rows, long poolRows) {}

    /**
     * Totals and facets of a match; for a phrase with at most {@code idCap} matches, also their ids: the GIN index
     * cannot check a phrase (word positions are only in the full vector, a TOAST read per candidate), so a phrase of
     * two common words checks thousands of candidates to find a few dozen matches. Pages then rank those few
     * ({@link SearchMatch#among}) instead of checking every candidate again.
     */
    record Counts(long total, List<TagFacet> tags, List<SectionFacet> sections, List<UUID> ids) {}

    /** One page of a ranked search: the best {@code pool} candidates of the plan's tier or of every match. */
    Page ranked(SearchMatch match, TierPlan plan, int segment, int pool, int offset, int limit) {
        String where = plan.everyMatch() ? match.where : match.tierWhere(plan.level(), plan.allWords());
        String cheapOrder = match.fieldBonus() + " DESC, ts_rank_cd(a.search_head, " + match.anyWord()
                + ", 0) DESC, a.published_at DESC, a.id DESC";
        return page(
                match,
                RANKED.formatted(where, cheapOrder, match.score()),
                Map.of("pool", pool, "segment", segment, "limit", limit, "offset", offset));
    }

    /**
     * How many candidates each impact tier holds under the query and its filters, each count stopping at {@code
     * needed}; one statement of GIN lookups that reads at most {@code needed} rows per tier.
     */
    @SuppressWarnings("unchecked")
    Map<Integer, Long> tierCounts(SearchMatch match, int needed, boolean allWords) {
        List<String> counts = new ArrayList<>();
        for (int level : TierPlan.LEVELS) {
            counts.add(TIER_COUNT.formatted(level, match.tierWhere(level, allWords)));
        }
        Query query = em.createNativeQuery(String.join(" UNION ALL ", counts));
        match.bind(query);
        query.setParameter("needed", needed);
        Map<Integer, Long> byLevel = new HashMap<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            byLevel.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        return byLevel;
    }

    /** Every match ranked exactly: for queries with no more matches than one segment of the pool. */
    Page exact(SearchMatch match, int offset, int limit) {
        return scoredPage(match, "score DESC, published_at DESC, id DESC", offset, limit);
    }

    /** Newest first: no ranking, but the page still carries each row's score. */
    Page newest(SearchMatch match, int offset, int limit) {
        return scoredPage(match, "published_at DESC, id DESC", offset, limit);
    }

    private Page scoredPage(SearchMatch match, String order, int offset, int limit) {
        return page(
                match, SCORED.formatted(match.where, match.score(), order), Map.of("limit", limit, "offset", offset));
    }

    /**
     * The rows of a page, in two statements: {@code hits} (id, score, pool_rows, in the page's order) picks the page,
     * with the query written in as literals so that PostgreSQL plans it for its own words; {@link #PAGE} then renders
     * those rows. Rows deleted or withdrawn between the two are left out.
     */
    @SuppressWarnings("unchecked")
    private Page page(SearchMatch match, String hits, Map<String, Object> pageParams) {
        Query hitQuery = em.createNativeQuery(hits);
        match.bind(hitQuery);
        pageParams.forEach(hitQuery::setParameter);
        List<Object[]> hitRows = hitQuery.getResultList();
        if (hitRows.isEmpty()) {
            return new Page(List.of(), 0);
        }
        Set<String> lexemes = new LinkedHashSet<>();
        match.branches.forEach(b -> lexemes.addAll(b.lexemes()));
        // the body is lowered only for ASCII words (CASE evaluates it only then); an empty list finds nothing (NULL)
        String[] ascii =
                lexemes.stream().filter(l -> l.chars().allMatch(c -> c < 0x80)).toArray(String[]::new);
        String[] other = lexemes.stream()
                .filter(l -> l.chars().anyMatch(c -> c >= 0x80))
                .flatMap(TsQueries::caseVariants)
                .distinct()
                .toArray(String[]::new);
        Query query = em.createNativeQuery(PAGE.formatted(match.query(), match.anyWord()), Tuple.class);
        match.bind(query);
        query.setParameter("page", hitRows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new))
                .setParameter("ascii", ascii)
                .setParameter("other", other)
                .setParameter("options", Highlights.OPTIONS)
                .setParameter("before", Highlights.BEFORE)
                .setParameter("fragment", Highlights.FRAGMENT);
        Map<UUID, Tuple> byId = new HashMap<>();
        ((List<Tuple>) query.getResultList()).forEach(r -> byId.put(r.get("id", UUID.class), r));
        List<PageRow> rows = new ArrayList<>();
        for (Object[] hit : hitRows) {
            Tuple r = byId.get((UUID) hit[0]);
            if (r != null) {
                rows.add(new PageRow(
                        summaries.read(r),
                        ((Number) hit[1]).doubleValue(),
                        r.get("highlight_headline", String.class),
                        r.get("highlight_body", String.class)));
            }
        }
        return new Page(rows, ((Number) hitRows.get(0)[2]).longValue());
    }

    @SuppressWarnings("unchecked")
    Counts counts(SearchMatch match, boolean tagFacet, boolean sectionFacet, int facetSize, int idCap) {
        boolean collectIds = match.phrase();
        String noIds = collectIds ? ", CAST(NULL AS uuid[])" : "";
        StringBuilder sql = new StringBuilder("WITH m AS MATERIALIZED (SELECT a.id, a.section FROM article a")
                .append(match.where)
                .append(") SELECT 'total', NULL, NULL, count(*)")
                .append(collectIds ? ", CASE WHEN count(*) <= :idCap THEN array_agg(m.id) END" : "")
                .append(" FROM m");
        if (sectionFacet) {
            sql.append(" UNION ALL (SELECT 'section', m.section, NULL, count(*)")
                    .append(noIds)
                    .append(" FROM m WHERE m.section IS NOT NULL")
                    .append(" GROUP BY m.section ORDER BY count(*) DESC, m.section LIMIT :facetSize)");
        }
        if (tagFacet) {
            sql.append(" UNION ALL (SELECT 'tag', t.slug, t.name, count(*)")
                    .append(noIds)
                    .append(" FROM m JOIN article_tag at ON at.article_id = m.id JOIN tag t ON t.id = at.tag_id")
                    .append(" GROUP BY t.slug, t.name ORDER BY count(*) DESC, t.slug LIMIT :facetSize)");
        }
        Query query = em.createNativeQuery(sql.toString());
        match.bind(query);
        if (tagFacet || sectionFacet) {
            query.setParameter("facetSize", facetSize);
        }
        if (collectIds) {
            query.setParameter("idCap", idCap);
        }
        long total = 0;
        List<UUID> ids = null;
        List<TagFacet> tags = new ArrayList<>();
        List<SectionFacet> sections = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            long count = ((Number) r[3]).longValue();
            switch ((String) r[0]) {
                case "total" -> {
                    total = count;
                    ids = r.length > 4 && r[4] != null ? List.of((UUID[]) r[4]) : null;
                }
                case "section" -> sections.add(new SectionFacet((String) r[1], count));
                default -> tags.add(new TagFacet((String) r[1], (String) r[2], count));
            }
        }
        return new Counts(total, tags, sections, ids);
    }

    /** Whether anything public matches; for checking a did-you-mean before offering it. */
    boolean anyMatch(SearchMatch match) {
        Query query = em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM article a" + match.where + ")");
        match.bind(query);
        return (Boolean) query.getSingleResult();
    }
}
