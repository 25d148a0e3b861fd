package app.newsroom.article;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.newsroom.common.http.QueryParams;

/**
 * The filters of GET /articles other than visibility, as SQL conditions on an article aliased {@code a} (each starting
 * with {@code AND}) and the parameters they bind: tag groups (resolved to ids), publication time range, section,
 * language, author and byline. Lists and search apply exactly these.
 */
public record ArticleFilterSql(String sql, Map<String, Object> params) {

    /** Every filter of the criteria; tag slugs already resolved to ids ({@code tagGroups}). */
    public static ArticleFilterSql of(ArticleCriteria criteria, List<List<UUID>> tagGroups) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < tagGroups.size(); i++) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_id IN (:g")
                    .append(i)
                    .append("))");
            params.put("g" + i, tagGroups.get(i));
        }
        if (criteria.from() != null) {
            sql.append(" AND a.published_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            sql.append(" AND a.published_at < :to");
            params.put("to", criteria.to());
        }
        ArticleFilterSql columns = ofColumns(criteria);
        params.putAll(columns.params());
        return new ArticleFilterSql(sql.append(columns.sql()).toString(), params);
    }

    /** The filters on the article's own row only: section, language, author, byline (a tag page has the rest on its index). */
    static ArticleFilterSql ofColumns(ArticleCriteria criteria) {
        StringBuilder sql = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (criteria.section() != null) {
            sql.append(" AND (a.section = :section OR a.section LIKE :sectionPrefix ESCAPE '\\')");
            params.put("section", criteria.section());
            params.put("sectionPrefix", QueryParams.likeEscape(criteria.section()) + "/%");
        }
        if (criteria.language() != null) {
            sql.append(" AND a.language = :language");
            params.put("language", criteria.language());
        }
        if (criteria.author() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM article_author x JOIN author au ON au.id = x.author_id"
                    + " WHERE x.article_id = a.id AND au.slug = :author)");
            params.put("author", criteria.author());
        }
        if (criteria.byline() != null) {
            sql.append(" AND lower(a.byline) = lower(:byline)");
            params.put("byline", criteria.byline());
        }
        return new ArticleFilterSql(sql.toString(), params);
    }
}
