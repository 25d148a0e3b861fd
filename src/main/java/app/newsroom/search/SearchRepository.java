package app.newsroom.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import app.newsroom.article.ArticleCriteria;
import app.newsroom.article.ArticleDtos;
import app.newsroom.article.ArticleRepository;

/**
 * The SQL of search. Matching runs on the GIN index of published articles' {@code search_vector}, one branch per text
 * search configuration in use (an English article is matched with the English-stemmed query, a Russian one with the
 * Russian-stemmed query), so that exclusions and phrases keep their meaning in every language.
 *
 * <p>
 * Ranking is two-stage: a pool of candidates is ordered by a cheap score read from the small inline
 * headline/standfirst vector (where the query matches, then its head weight), and only the best of them are ranked
 * exactly with {@code ts_rank_cd} over the full vector, which costs a TOAST read per row. For common words the pool
 * is drawn from an impact tier (see {@link TierPlan}) instead of every match.
 */
@ApplicationScoped
class SearchRepository {

    /** ts_rank_cd weights {D, C, B, A}: body (C) 0.2, standfirst (B) 0.4, headline (A) 1.0. */
    static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";
    /** Length normalization: divided by 1 + log(length), then mapped into [0, 1) by rank / (rank + 1). */
    static final int NORMALIZATION = 1 | 32;

    private final EntityManager em;

    SearchRepository(EntityManager em) {
        this.em = em;
    }

    /** A query as one configuration parses it. */
    record Parsed(String config, String tsquery, List<String> lexemes, int nodes, String positive) {
        boolean matchesNothing() {
            return tsquery.isEmpty();
        }

        /** Whether what the query looks for (its exclusions aside) is a phrase. */
        boolean phrase() {
            return positive.contains("<");
        }

        /** One word and nothing else: any article whose tier holds the word matches it. */
        boolean singleWord() {
            return nodes == 1 && lexemes.size() == 1;
        }

        /** Words that must all occur, nothing else ({@code 'a' & 'b'}): a tier holding them all implies a match. */
        boolean allWords() {
            return operators().matches("[&() ]*");
        }

        /** Words of which any may occur, nothing else ({@code 'a' | 'b'}): a tier holding one implies a match. */
        boolean anyWord() {
            return operators().matches("[|() ]*");
        }

        private String operators() {
            return LEXEME.matcher(tsquery).replaceAll("");
        }
    }

    /** Text search configurations of the languages published articles use: a loose scan of the language index. */
    @SuppressWarnings("unchecked")
    List<String> configsInUse() {
        return em.createNativeQuery("""
                WITH RECURSIVE l(language) AS (
                    (SELECT language FROM article WHERE status = 'published' ORDER BY language LIMIT 1)
                    UNION ALL
                    SELECT (SELECT a.language FROM article a WHERE a.status = 'published' AND a.language > l.language
                             ORDER BY a.language LIMIT 1)
                      FROM l WHERE l.language IS NOT NULL)
                SELECT DISTINCT CAST(newsroom_search_config(language) AS text) FROM l WHERE language IS NOT NULL ORDER BY 1""").getResultList();
    }

    /** The configuration of one language filter. */
    String configOf(String language) {
        return (String) em.createNativeQuery("SELECT CAST(newsroom_search_config(:language) AS text)")
                .setParameter("language", language)
                .getSingleResult();
    }

    /**
     * Parses web-search syntax with each configuration; one statement. The positive lexemes are those of
     * {@code querytree} (the query without its negations), as they appear in the index.
     */
    @SuppressWarnings("unchecked")
    List<Parsed> parse(String q, List<String> configs) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT c, CAST(x.q AS text), numnode(x.q), querytree(x.q),
                       (SELECT array_agg(DISTINCT m[1]) FROM regexp_matches(querytree(x.q), '''((?:[^'']|'''')*)''', 'g') m)
                  FROM unnest(CAST(:configs AS text[])) WITH ORDINALITY AS u(c, n)
                 CROSS JOIN LATERAL (SELECT websearch_to_tsquery(CAST(u.c AS regconfig), :q) AS q) x
                 ORDER BY u.n""")
                .setParameter("configs", configs.toArray(new String[0]))
                .setParameter("q", q)
                .getResultList();
        List<Parsed> parsed = new ArrayList<>();
        for (Object[] r : rows) {
            List<String> lexemes = new ArrayList<>();
            if (r[4] != null) {
                for (String raw : (String[]) r[4]) {
                    lexemes.add(raw.replace("''", "'").replace("\\\\", "\\"));
                }
            }
            parsed.add(new Parsed(
                    (String) r[0],
                    (String) r[1],
                    lexemes,
                    ((Number) r[2]).intValue(),
                    r[3] == null ? "" : (String) r[3]));
        }
        return parsed;
    }

    /** The WHERE clause of a search and its parameters, built once per request. */
    static final class Match {
        final List<Parsed> branches;
        final String where;
        final Map<String, Object> params = new HashMap<>();
        private final StringBuilder filters = new StringBuilder();

        Match(List<Parsed> branches, ArticleCriteria criteria, List<List<UUID>> tagGroups) {
            this.branches = branches;
            params.put("now", Instant.now());
            for (int i = 0; i < branches.size(); i++) {
                params.put("c" + i, branches.get(i).config());
                params.put("q" + i, branches.get(i).tsquery());
                params.put("h" + i, headlineOnly(branches.get(i).tsquery()));
                params.put("w" + i, anyOf(branches.get(i).lexemes(), ""));
            }
            ArticleRepository.appendFilters(criteria, tagGroups, filters, params);
            where = where(this::matches);
        }

        /** The same match among these articles only ({@code :ids}, which every WHERE clause of it then starts with). */
        private Match(Match base, UUID[] ids) {
            this.branches = base.branches;
            this.params.putAll(base.params);
            this.params.put("ids", ids);
            this.filters.append(base.filters);
            this.where = where(this::matches);
        }

        /** Branch {@code i}'s query against the full vector. */
        private String matches(int i) {
            return "a.search_vector @@ CAST(" + literal(branches.get(i).tsquery()) + " AS tsquery)";
        }

        /**
         * This match among the articles that matched it when it was counted (see {@link Counts#ids}): each is checked
         * again, so an edit since then is seen, but no other article is.
         */
        Match among(List<UUID> ids) {
            return new Match(this, ids.toArray(new UUID[0]));
        }

        /** Whether the query looks for a phrase: checking a candidate reads its word positions (a TOAST read). */
        boolean phrase() {
            return branches.stream().anyMatch(Parsed::phrase);
        }

        /**
         * The WHERE clause of a pool drawn from a tier: articles where all the words ({@code allWords}, for words that
         * must all occur) or any of them reach the tier. Tier tokens come from the head, which the full vector
         * contains, so a tier of all the words of such a query, or of any word of words of which any may occur,
         * implies the match and the statement is answered from the tier's GIN index alone; otherwise the full
         * vector is checked too, a TOAST read per tier row.
         */
        String tierWhere(int level, boolean allWords) {
            return where(i -> {
                Parsed b = branches.get(i);
                String suffix = "^" + level;
                String tier = "a.search_tier @@ CAST("
                        + literal(allWords ? allOf(b.lexemes(), suffix) : anyOf(b.lexemes(), suffix)) + " AS tsquery)";
                boolean implied = allWords || b.anyWord() || b.singleWord();
                return implied ? tier : tier + " AND a.search_vector @@ CAST(" + literal(b.tsquery()) + " AS tsquery)";
            });
        }

        /** Whether every branch is words that must all occur, more than one: the all-words tiers apply. */
        boolean allWordsTiers() {
            return branches.stream().allMatch(b -> b.allWords() && b.lexemes().size() > 1);
        }

        /**
         * Public articles, each matched by the branch of its own configuration, under the request's filters. The
         * configurations and queries are written into the statement as literals, not bound: with parameters, once
         * the driver prepared a statement PostgreSQL would soon plan it for any query (a generic plan), and a generic
         * plan cannot tell a word in 5 articles from one in 40,000; it chose to check the full vector of thousands
         * of tier rows (4× slower). A literal statement is planned for its own query, and its cached plan stays right.
         */
        private String where(IntFunction<String> branchMatch) {
            StringBuilder sql = new StringBuilder(" WHERE ")
                    .append(params.containsKey("ids") ? "a.id = ANY(:ids) AND " : "")
                    .append("a.status = 'published' AND a.published_at <= :now AND (");
            for (int i = 0; i < branches.size(); i++) {
                sql.append(i == 0 ? "" : " OR ")
                        .append("(a.search_config = CAST(")
                        .append(literal(branches.get(i).config()))
                        .append(" AS regconfig) AND ")
                        .append(branchMatch.apply(i))
                        .append(")");
            }
            return sql.append(")").append(filters).toString();
        }

        /** The query of the row's own configuration. */
        String query() {
            return perConfig("CAST(:q%d AS tsquery)");
        }

        /** Any positive lexeme of the query: what the cheap score weighs in headline and standfirst. */
        String anyWord() {
            return perConfig("CAST(:w%d AS tsquery)");
        }

        private String perConfig(String format) {
            if (branches.size() == 1) {
                return String.format(format, 0);
            }
            StringBuilder sql = new StringBuilder("(CASE a.search_config");
            for (int i = 0; i < branches.size(); i++) {
                sql.append(" WHEN CAST(:c")
                        .append(i)
                        .append(" AS regconfig) THEN ")
                        .append(String.format(format, i));
            }
            return sql.append(" END)").toString();
        }

        /**
         * Where headline (2) or standfirst (1) match the query: these outrank any body match. The headline test is
         * the query with every lexeme restricted to weight A ({@code 'derna':A}), which means the same as matching
         * the head vector filtered to A and builds no vector per row.
         */
        String fieldBonus() {
            return "(CASE WHEN a.search_head @@ " + perConfig("CAST(:h%d AS tsquery)")
                    + " THEN 2 WHEN a.search_head @@ " + query() + " THEN 1 ELSE 0 END)";
        }

        String score() {
            return "(" + fieldBonus() + " + ts_rank_cd(" + WEIGHTS + ", a.search_vector, " + query() + ", "
                    + NORMALIZATION + "))";
        }

        /** Binds the parameters the statement uses (a tier of a single word, for one, needs no full-vector query). */
        void bind(Query query) {
            bindUsed(query, params);
        }
    }

    /** A row of a result page: the article's summary, its score, and its headline and body marked by ts_headline. */
    record PageRow(ArticleDtos.ArticleSummary summary, double score, String headline, String body) {}

    /** A page of results, and how many candidates its pool held (fewer than asked: the tier was too thin). */
    record Page(List<PageRow> rows, long poolRows) {}

    /**
     * One page of a ranked search: the pool (the best {@code pool} candidates by the cheap score, from the plan's
     * tier or from every match), ranked exactly segment by segment; ties by recency, then id, so pages are stable.
     */
    Page ranked(Match match, TierPlan plan, int segment, int pool, int offset, int limit) {
        String where = plan.everyMatch() ? match.where : match.tierWhere(plan.level(), plan.allWords());
        // candidates in the cheap order, numbered; each segment of `segment` of them is ranked exactly on its own, so
        // a candidate's page never depends on how deep the client pages (no repeats, no gaps between pages)
        String cheapOrder = match.fieldBonus() + " DESC, ts_rank_cd(a.search_head, " + match.anyWord()
                + ", 0) DESC, a.published_at DESC, a.id DESC";
        String order = "(p.rn - 1) / :segment, p.score DESC, p.published_at DESC, p.id DESC";
        String hits = "SELECT p.id, p.score, p.pool_rows"
                + " FROM (SELECT a.id, a.published_at, a.rn, " + match.score()
                + " AS score, count(*) OVER () AS pool_rows"
                + " FROM (SELECT a.id, a.published_at, a.search_config, a.search_head, a.search_vector,"
                + " row_number() OVER (ORDER BY " + cheapOrder + ") AS rn FROM article a"
                + where + " ORDER BY rn LIMIT :pool) a) p"
                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset";
        return page(match, hits, Map.of("pool", pool, "segment", segment, "limit", limit, "offset", offset));
    }

    /**
     * How many candidates each impact tier holds under the query and its filters, each count stopping at
     * {@code needed}; one statement of GIN lookups that reads at most {@code needed} rows per tier.
     */
    @SuppressWarnings("unchecked")
    Map<Integer, Long> tierCounts(Match match, int needed, boolean allWords) {
        StringBuilder sql = new StringBuilder();
        for (int level : TierPlan.LEVELS) {
            sql.append(sql.isEmpty() ? "" : " UNION ALL ")
                    .append("SELECT ")
                    .append(level)
                    .append(", count(*) FROM (SELECT 1 FROM article a")
                    .append(match.tierWhere(level, allWords))
                    .append(" LIMIT :needed) t")
                    .append(level);
        }
        Query query = em.createNativeQuery(sql.toString());
        match.bind(query);
        query.setParameter("needed", needed);
        Map<Integer, Long> counts = new HashMap<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            counts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue());
        }
        return counts;
    }

    /** Every match ranked exactly: for queries with no more matches than one segment of the pool. */
    Page exact(Match match, int offset, int limit) {
        return scoredPage(match, "score DESC, published_at DESC, id DESC", offset, limit);
    }

    /** Newest first: no ranking, but the page still carries each row's score. */
    Page newest(Match match, int offset, int limit) {
        return scoredPage(match, "published_at DESC, id DESC", offset, limit);
    }

    /** A page of every match in this order (of the columns id, published_at and score), each with its exact score. */
    private Page scoredPage(Match match, String order, int offset, int limit) {
        String hits = "SELECT a.id, " + match.score() + " AS score, 0 AS pool_rows FROM article a" + match.where
                + " ORDER BY " + order + " LIMIT :limit OFFSET :offset";
        return page(match, hits, Map.of("limit", limit, "offset", offset));
    }

    /**
     * The rows of a page with everything the answer shows, in two statements. {@code hits} (id, score, pool_rows, in
     * the page's order) picks the page: it carries the query as literals, so PostgreSQL parses and plans it for its own words
     * (see {@link Match#where}). The page's rows are then joined with their summaries and highlighted by a statement
     * whose text depends only on the number of configurations searched: the driver keeps it prepared on each
     * connection and PostgreSQL reuses its plan (lookups by id), where written into the first statement it cost
     * ~2 ms of parsing and planning per request, as much as the highlights themselves. It checks again that each row
     * is public: the two statements see the articles at different moments.
     *
     * <p>
     * ts_headline is the expensive part of a search, so it runs for the page's rows only, and it parses all the text
     * it is given (lexizing every word), so it is given the body's fragment only: {@value Highlights#FRAGMENT}
     * characters from {@value Highlights#BEFORE} before the first occurrence of a query word (a stem is a prefix of the words it stems from), whole words only,
     * or the body's start when none is found (a word written with accents the query lacks). It marks every word of
     * the fragment that matches any of the query's words (the words of one match may be split between headline and
     * body).
     *
     * <p>
     * Finding that occurrence: ASCII words in the body lowered byte-wise (COLLATE "C", one pass). Words with other
     * letters (Cyrillic, Greek...) are looked for as written lowercase, Capitalized and in CAPITALS: lower() depends
     * on the database's locale (a C-locale database lowers ASCII only) and costs ~100 µs per body. The body is read
     * from TOAST once ("|| ''" makes a plain copy): each use of the column would fetch it again (~50 µs).
     */
    @SuppressWarnings("unchecked")
    private Page page(Match match, String hits, Map<String, Object> pageParams) {
        Query hitQuery = em.createNativeQuery(hits);
        match.bind(hitQuery);
        pageParams.forEach(hitQuery::setParameter);
        List<Object[]> hitRows = hitQuery.getResultList();
        if (hitRows.isEmpty()) {
            return new Page(List.of(), 0);
        }
        UUID[] ids = hitRows.stream().map(r -> (UUID) r[0]).toArray(UUID[]::new);
        Set<String> lexemes = new LinkedHashSet<>();
        match.branches.forEach(b -> lexemes.addAll(b.lexemes()));
        String[] ascii =
                lexemes.stream().filter(l -> l.chars().allMatch(c -> c < 0x80)).toArray(String[]::new);
        String[] other = lexemes.stream()
                .filter(l -> l.chars().anyMatch(c -> c >= 0x80))
                .flatMap(SearchRepository::caseVariants)
                .distinct()
                .toArray(String[]::new);
        // the body is lowered only for ASCII words (CASE evaluates it only then); an empty list finds nothing (NULL)
        Query query =
                em.createNativeQuery("""
                SELECT ts_headline(a.search_config, translate(a.headline, E'\\uE000\\uE001', ''), %1$s, :options),
                       ts_headline(a.search_config, translate(w.text, E'\\uE000\\uE001', ''), %2$s, :options),
                       %3$s
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
                                                    END AS text) x) w""".formatted(match.query(), match.anyWord(), ArticleRepository.SUMMARY_COLUMNS));
        match.bind(query);
        query.setParameter("page", ids)
                .setParameter("ascii", ascii)
                .setParameter("other", other)
                .setParameter("options", Highlights.OPTIONS)
                .setParameter("before", Highlights.BEFORE)
                .setParameter("fragment", Highlights.FRAGMENT);
        Map<UUID, Object[]> byId = new HashMap<>();
        ((List<Object[]>) query.getResultList()).forEach(r -> byId.put((UUID) r[2], r));
        List<PageRow> rows = new ArrayList<>();
        for (Object[] hit : hitRows) {
            Object[] r = byId.get((UUID) hit[0]);
            if (r != null) { // deleted or withdrawn since the first statement: left out
                rows.add(new PageRow(
                        ArticleRepository.summaryOf(r, 2), ((Number) hit[1]).doubleValue(), (String) r[0], (String)
                                r[1]));
            }
        }
        return new Page(rows, ((Number) hitRows.get(0)[2]).longValue());
    }

    /**
     * Totals and facets of a match; for a phrase with at most {@code idCap} matches, also their ids: the GIN index
     * cannot check a phrase (word positions are only in the full vector, a TOAST read per candidate), so a phrase of
     * two common words checks thousands of candidates to find a few dozen matches. Pages then rank those few
     * ({@link Match#among}) instead of checking every candidate again.
     */
    record Counts(long total, List<Object[]> tags, List<Object[]> sections, List<UUID> ids) {}

    @SuppressWarnings("unchecked")
    Counts counts(Match match, boolean tagFacet, boolean sectionFacet, int facetSize, int idCap) {
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
                    .append(" FROM m")
                    .append(" JOIN article_tag at ON at.article_id = m.id JOIN tag t ON t.id = at.tag_id")
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
        List<Object[]> tags = new ArrayList<>();
        List<Object[]> sections = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            switch ((String) r[0]) {
                case "total" -> {
                    total = ((Number) r[3]).longValue();
                    ids = r.length > 4 && r[4] != null ? List.of((UUID[]) r[4]) : null;
                }
                case "section" -> sections.add(r);
                default -> tags.add(r);
            }
        }
        return new Counts(total, tags, sections, ids);
    }

    /** Whether anything public matches; for checking a did-you-mean before offering it. */
    boolean anyMatch(Match match) {
        Query query = em.createNativeQuery("SELECT EXISTS (SELECT 1 FROM article a" + match.where + ")");
        match.bind(query);
        return (Boolean) query.getSingleResult();
    }

    /**
     * Tags whose name or slug starts with, contains or resembles the text, case- and accent-insensitively (the text is
     * folded first, then its LIKE wildcards escaped: folding turns a fullwidth ％ into %).
     */
    @SuppressWarnings("unchecked")
    List<Object[]> suggestTags(String text, int limit) {
        return em.createNativeQuery("""
                WITH f AS (SELECT newsroom_fold(:text) AS folded,
                                  replace(replace(replace(newsroom_fold(:text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') AS escaped)
                SELECT t.slug, t.name FROM tag t, f
                 WHERE newsroom_fold(t.name) LIKE '%' || f.escaped || '%' ESCAPE '\\'
                    OR t.slug LIKE '%' || f.escaped || '%' ESCAPE '\\'
                    OR lower(t.name) % f.folded
                 ORDER BY (newsroom_fold(t.name) LIKE f.escaped || '%' ESCAPE '\\' OR t.slug LIKE f.escaped || '%' ESCAPE '\\') DESC,
                          (newsroom_fold(t.name) LIKE '% ' || f.escaped || '%' ESCAPE '\\') DESC,
                          similarity(lower(t.name), f.folded) DESC, t.name
                 LIMIT :limit""")
                .setParameter("text", text)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Headlines of public articles that start with, contain (at a word start first) or — when those are few —
     * resemble the text; the newest 200 containing it are ranked, so a one-letter prefix costs one short index scan.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> suggestHeadlines(String text, int limit) {
        List<Object[]> found = new ArrayList<>(em.createNativeQuery("""
                WITH f AS (SELECT replace(replace(replace(newsroom_fold(:text), '\\', '\\\\'), '%', '\\%'), '_', '\\_') AS escaped)
                SELECT c.id, c.slug, c.headline FROM (
                    SELECT a.id, a.slug, a.headline, a.published_at, newsroom_fold(a.headline) AS folded, f.escaped
                      FROM article a, f
                     WHERE a.status = 'published' AND a.published_at <= now()
                       AND newsroom_fold(a.headline) LIKE '%' || f.escaped || '%' ESCAPE '\\'
                     ORDER BY a.published_at DESC LIMIT 200) c
                 ORDER BY (c.folded LIKE c.escaped || '%' ESCAPE '\\') DESC,
                          (c.folded LIKE '% ' || c.escaped || '%' ESCAPE '\\') DESC,
                          c.published_at DESC, c.id DESC
                 LIMIT :limit""")
                .setParameter("text", text)
                .setParameter("limit", limit)
                .getResultList());
        if (found.size() < limit && text.length() >= 4) {
            List<Object[]> fuzzy = em.createNativeQuery("""
                    SELECT a.id, a.slug, a.headline FROM article a
                     WHERE a.status = 'published' AND a.published_at <= now()
                       AND newsroom_fold(:text) <% newsroom_fold(a.headline)
                     ORDER BY word_similarity(newsroom_fold(:text), newsroom_fold(a.headline)) DESC, a.published_at DESC
                     LIMIT :limit""")
                    .setParameter("text", text)
                    .setParameter("limit", limit)
                    .getResultList();
            Set<Object> seen = new HashSet<>();
            found.forEach(r -> seen.add(r[0]));
            for (Object[] r : fuzzy) {
                if (found.size() < limit && seen.add(r[0])) {
                    found.add(r);
                }
            }
        }
        return found;
    }

    /**
     * Related articles: candidates share a tag with the article (for each tag, its newest 500 public articles, so a
     * tag on 20,000 articles costs one short index scan), scored by the rarity of the shared tags (idf, from at most
     * 5,000 counted rows per tag), then the similarity of their headline/standfirst to the article's, then recency.
     * Articles that share headline words join the candidates, so an untagged article has related ones too. Never
     * the article itself, its internal related links, or anything not public.
     */
    @SuppressWarnings("unchecked")
    List<Object[]> related(UUID id, int limit) {
        return em.createNativeQuery("""
                WITH src AS (
                    SELECT a.id,
                           nullif(array_to_string(ARRAY(
                               SELECT '''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || ''''
                                 FROM unnest(tsvector_to_array(a.search_head)) l), ' | '), '') AS words,
                           nullif(array_to_string(ARRAY(
                               SELECT '''' || replace(replace(l, '\\', '\\\\'), '''', '''''') || ''''
                                 FROM unnest(tsvector_to_array(a.search_tier)) l WHERE l LIKE '%^10'), ' | '), '') AS headline_words
                      FROM article a WHERE a.id = :id),
                excluded AS (
                    SELECT l.target_article_id AS id FROM related_link l
                     WHERE l.article_id = :id AND l.target_article_id IS NOT NULL
                    UNION ALL SELECT CAST(:id AS uuid)),
                src_tags AS (
                    SELECT at.tag_id, t.slug,
                           ln((greatest((SELECT reltuples FROM pg_class WHERE oid = to_regclass('article')), 1) + 1.0)
                              / (1 + (SELECT count(*) FROM (SELECT 1 FROM article_tag x
                                       WHERE x.tag_id = at.tag_id AND x.public_from <= now() LIMIT 5000) c))) AS idf
                      FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = :id),
                by_tag AS (
                    SELECT c.article_id AS id, sum(st.idf) AS tag_score,
                           array_agg(st.slug ORDER BY st.idf DESC, st.slug) AS shared
                      FROM src_tags st
                     CROSS JOIN LATERAL (SELECT x.article_id FROM article_tag x
                                          WHERE x.tag_id = st.tag_id AND x.public_from <= now()
                                          ORDER BY x.public_from DESC LIMIT 500) c
                     GROUP BY c.article_id),
                by_text AS (
                    SELECT a.id, CAST(0 AS float8) AS tag_score, CAST('{}' AS text[]) AS shared
                      FROM article a, src
                     WHERE src.headline_words IS NOT NULL AND a.status = 'published' AND a.published_at <= now()
                       AND a.search_tier @@ CAST(src.headline_words AS tsquery)
                     ORDER BY a.published_at DESC LIMIT 300),
                cand AS (
                    SELECT * FROM by_tag
                    UNION ALL
                    SELECT * FROM by_text WHERE by_text.id NOT IN (SELECT id FROM by_tag))
                SELECT a.id,
                       c.tag_score
                       + coalesce(ts_rank(a.search_head, CAST(src.words AS tsquery), 1), 0)
                       + 0.5 / (1 + extract(epoch FROM now() - a.published_at) / 2592000.0) AS score,
                       c.shared
                  FROM cand c JOIN article a ON a.id = c.id CROSS JOIN src
                 WHERE a.status = 'published' AND a.published_at <= now()
                   AND c.id NOT IN (SELECT id FROM excluded)
                 ORDER BY score DESC, a.published_at DESC, a.id DESC
                 LIMIT :limit""")
                .setParameter("id", id)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * A PostgreSQL escape-string literal ({@code E'...'}): backslashes and quotes doubled, which reads the same
     * whatever standard_conforming_strings is set to. For text that PostgreSQL itself produced or checked.
     */
    static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    private static void bindUsed(Query query, Map<String, Object> values) {
        Set<String> used = new HashSet<>();
        query.getParameters().forEach(p -> used.add(p.getName()));
        values.forEach((name, value) -> {
            if (used.contains(name)) {
                query.setParameter(name, value);
            }
        });
    }

    /** A lowercase word as running text writes it: as is, Capitalized, in CAPITALS (Unicode rules, any locale). */
    static Stream<String> caseVariants(String lexeme) {
        if (lexeme.isEmpty()) {
            return Stream.of(lexeme);
        }
        int first = lexeme.codePointAt(0);
        String capitalized = new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(lexeme, Character.charCount(first), lexeme.length())
                .toString();
        return Stream.of(lexeme, capitalized, lexeme.toUpperCase(Locale.ROOT));
    }

    /** A quoted lexeme in the text form of a tsquery ({@code 'it''s'}), with no weight given. */
    private static final Pattern LEXEME = Pattern.compile("'(?:[^']|'')*'(?!:)");

    /** The tsquery (as text, from websearch_to_tsquery: no weights or prefixes) with every lexeme restricted to A. */
    static String headlineOnly(String tsquery) {
        return LEXEME.matcher(tsquery).replaceAll(r -> Matcher.quoteReplacement(r.group() + ":A"));
    }

    /** A tsquery (as text) matching all of these lexemes with the suffix: {@code 'a^30' & 'b^30'}. */
    static String allOf(List<String> lexemes, String suffix) {
        return join(lexemes, suffix, " & ");
    }

    /** A tsquery (as text) matching any of these lexemes with the suffix: {@code 'a^30' | 'b^30'}. */
    static String anyOf(List<String> lexemes, String suffix) {
        return join(lexemes, suffix, " | ");
    }

    private static String join(List<String> lexemes, String suffix, String operator) {
        StringBuilder q = new StringBuilder();
        for (String lexeme : lexemes) {
            if (!q.isEmpty()) {
                q.append(operator);
            }
            q.append('\'')
                    .append((lexeme + suffix).replace("\\", "\\\\").replace("'", "''"))
                    .append('\'');
        }
        return q.toString();
    }
}
