package app.newsroom.search;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.persistence.Query;

import app.newsroom.article.ArticleCriteria;
import app.newsroom.article.ArticleFilterSql;
import app.newsroom.common.StatementKeys;

import static app.newsroom.search.TsQueries.allOf;
import static app.newsroom.search.TsQueries.anyOf;
import static app.newsroom.search.TsQueries.headlineOnly;
import static app.newsroom.search.TsQueries.literal;

/**
 * What a search matches, as SQL on an article aliased {@code a}: public articles, each matched by the branch of its
 * own text search configuration (an English article with the English-stemmed query, a Russian one with the Russian),
 * under the filters of GET /articles; and the expressions that score a match. Built once per request.
 */
final class SearchMatch {

    /** ts_rank_cd weights {D, C, B, A}: body (C) 0.2, standfirst (B) 0.4, headline (A) 1.0. */
    static final String WEIGHTS = "'{0.1, 0.2, 0.4, 1.0}'";
    /** Length normalization: divided by 1 + log(length), then mapped into [0, 1) by rank / (rank + 1). */
    static final int NORMALIZATION = 1 | 32;

    final List<ParsedQuery> branches;
    final String where;
    final Map<String, Object> params = new HashMap<>();
    private final String filters;

    SearchMatch(List<ParsedQuery> branches, ArticleCriteria criteria, List<List<UUID>> tagGroups) {
        this.branches = branches;
        params.put("now", Instant.now());
        for (int i = 0; i < branches.size(); i++) {
            params.put("c" + i, branches.get(i).config());
            params.put("q" + i, branches.get(i).tsquery());
            params.put("h" + i, headlineOnly(branches.get(i).tsquery()));
            params.put("w" + i, anyOf(branches.get(i).lexemes(), ""));
        }
        ArticleFilterSql articleFilters = ArticleFilterSql.of(criteria, tagGroups);
        params.putAll(articleFilters.params());
        this.filters = articleFilters.sql();
        this.where = where(this::matches);
    }

    /** The same match among these articles only ({@code :ids}, which every WHERE clause of it then starts with). */
    private SearchMatch(SearchMatch base, UUID[] ids) {
        this.branches = base.branches;
        this.params.putAll(base.params);
        this.params.put("ids", ids);
        this.filters = base.filters;
        this.where = where(this::matches);
    }

    /** Branch {@code i}'s query against the full vector. */
    private String matches(int i) {
        return "a.search_vector @@ CAST(" + literal(branches.get(i).tsquery()) + " AS tsquery)";
    }

    /**
     * This match among the articles that matched it when it was counted (see {@link SearchRepository.Counts#ids}):
     * each is checked again, so an edit since then is seen, but no other article is.
     */
    SearchMatch among(List<UUID> ids) {
        return new SearchMatch(this, ids.toArray(new UUID[0]));
    }

    /** Whether the query looks for a phrase: checking a candidate reads its word positions (a TOAST read). */
    boolean phrase() {
        return branches.stream().anyMatch(ParsedQuery::phrase);
    }

    /**
     * The WHERE clause of a pool drawn from a tier: articles where all the words ({@code allWords}, for words that
     * must all occur) or any of them reach the tier. Tier tokens come from the head, which the full vector contains,
     * so a tier of all the words of such a query, or of any word of words of which any may occur, implies the match
     * and the statement is answered from the tier's GIN index alone; otherwise the full vector is checked too, a TOAST
     * read per tier row.
     */
    String tierWhere(int level, boolean allWords) {
        return where(i -> {
            ParsedQuery b = branches.get(i);
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
     * configurations and queries are written into the statement as literals, not bound: with parameters, once the
     * driver prepared a statement PostgreSQL would soon plan it for any query (a generic plan), and a generic plan
     * cannot tell a word in 5 articles from one in 40,000. A literal statement is planned for its own query, and its
     * cached plan stays right.
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
            sql.append(" WHEN CAST(:c").append(i).append(" AS regconfig) THEN ").append(String.format(format, i));
        }
        return sql.append(" END)").toString();
    }

    /**
     * Where headline (2) or standfirst (1) match the query: these outrank any body match. The headline test is the
     * query with every lexeme restricted to weight A ({@code 'derna':A}), which means the same as matching the head
     * vector filtered to A and builds no vector per row.
     */
    String fieldBonus() {
        return "(CASE WHEN a.search_head @@ " + perConfig("CAST(:h%d AS tsquery)") + " THEN 2 WHEN a.search_head @@ "
                + query() + " THEN 1 ELSE 0 END)";
    }

    /** The exact score: the field bonus, plus ts_rank_cd over the full vector (a TOAST read). */
    String score() {
        return "(" + fieldBonus() + " + ts_rank_cd(" + WEIGHTS + ", a.search_vector, " + query() + ", " + NORMALIZATION
                + "))";
    }

    /** Binds the parameters the statement uses (a tier of a single word, for one, needs no full-vector query). */
    void bind(Query query) {
        Set<String> used = new HashSet<>();
        query.getParameters().forEach(p -> used.add(p.getName()));
        params.forEach((name, value) -> {
            if (used.contains(name)) {
                query.setParameter(name, value);
            }
        });
    }

    /** The key of what this match counts: the same for two requests whose totals and facets are the same. */
    String countKey() {
        return StatementKeys.of(where, params);
    }
}
