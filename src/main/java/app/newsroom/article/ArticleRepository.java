package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    public Optional<Article> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** Articles with their tags, in the order of the ids given; one statement. */
    public List<Article> findWithTags(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Article> found = getEntityManager()
                .createQuery("SELECT DISTINCT a FROM Article a LEFT JOIN FETCH a.tags WHERE a.id IN :ids", Article.class)
                .setParameter("ids", ids).getResultList();
        Map<UUID, Article> byId = new HashMap<>();
        found.forEach(a -> byId.put(a.id, a));
        List<Article> ordered = new ArrayList<>(ids.size());
        for (UUID id : ids) {
            Article a = byId.get(id);
            if (a != null) {
                ordered.add(a);
            }
        }
        return ordered;
    }

    /** The related links of these articles with their internal targets, grouped by article, in order; one statement. */
    public Map<UUID, List<RelatedLink>> linksOf(Collection<UUID> articleIds) {
        Map<UUID, List<RelatedLink>> byArticle = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        List<RelatedLink> links = getEntityManager().createQuery("""
                SELECT l FROM RelatedLink l LEFT JOIN FETCH l.target
                 WHERE l.article.id IN :ids ORDER BY l.position""", RelatedLink.class)
                .setParameter("ids", articleIds).getResultList();
        for (RelatedLink link : links) {
            byArticle.computeIfAbsent(link.article.id, k -> new ArrayList<>()).add(link);
        }
        return byArticle;
    }

    public void deleteLinksOf(UUID articleId) {
        getEntityManager().createQuery("DELETE FROM RelatedLink l WHERE l.article.id = :id")
                .setParameter("id", articleId).executeUpdate();
    }

    /** Slugs taken by {@code base} or {@code base-N}, to choose the next free suffix. */
    @SuppressWarnings("unchecked")
    public List<String> slugsLike(String base) {
        return getEntityManager().createNativeQuery(
                "SELECT slug FROM article WHERE slug = :base OR slug LIKE :pattern ESCAPE '\\'")
                .setParameter("base", base)
                .setParameter("pattern", base.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "-%")
                .getResultList();
    }

    /**
     * One page of article ids matching the criteria, plus the total. Tag slugs must already be resolved to ids
     * ({@code tagIdGroups}): joining through the tag slug costs a hundred times more on a large corpus.
     */
    public PageOfIds page(ArticleCriteria criteria, List<List<UUID>> tagIdGroups, int offset, int limit) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        Instant now = Instant.now();
        switch (criteria.visibility()) {
            case PUBLISHED -> {
                where.append(" a.status = 'published' AND a.published_at <= :now");
                params.put("now", now);
            }
            case DRAFT -> where.append(" a.status = 'draft'");
            case ARCHIVED -> where.append(" a.status = 'archived'");
            case ANY -> where.append(" true");
        }
        for (int i = 0; i < tagIdGroups.size(); i++) {
            where.append(" AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_id IN (:g")
                    .append(i).append("))");
            params.put("g" + i, tagIdGroups.get(i));
        }
        if (criteria.section() != null) {
            where.append(" AND (a.section = :section OR a.section LIKE :sectionPrefix ESCAPE '\\')");
            params.put("section", criteria.section());
            params.put("sectionPrefix", criteria.section().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "/%");
        }
        if (criteria.language() != null) {
            where.append(" AND a.language = :language");
            params.put("language", criteria.language());
        }
        if (criteria.byline() != null) {
            where.append(" AND lower(a.byline) = lower(:byline)");
            params.put("byline", criteria.byline());
        }
        if (criteria.from() != null) {
            where.append(" AND a.published_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" AND a.published_at < :to");
            params.put("to", criteria.to());
        }
        String order = switch (criteria.orderBy()) {
            case NEWEST -> " ORDER BY a.published_at DESC NULLS LAST, a.id DESC";
            case OLDEST -> " ORDER BY a.published_at ASC NULLS LAST, a.id ASC";
            case UPDATED -> " ORDER BY a.updated_at DESC, a.id DESC";
        };
        Query pageQuery = getEntityManager().createNativeQuery(
                "SELECT a.id FROM article a WHERE" + where + order + " LIMIT :limit OFFSET :offset");
        Query countQuery = getEntityManager().createNativeQuery("SELECT count(*) FROM article a WHERE" + where);
        params.forEach((k, v) -> {
            pageQuery.setParameter(k, v);
            countQuery.setParameter(k, v);
        });
        pageQuery.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<UUID> ids = pageQuery.getResultList();
        long total = ids.size() < limit && (offset == 0 || !ids.isEmpty()) ? offset + ids.size()
                : ((Number) countQuery.getSingleResult()).longValue();
        return new PageOfIds(ids, total);
    }

    /** Sections in use by public articles, with their counts. */
    @SuppressWarnings("unchecked")
    public List<Object[]> publicSectionCounts() {
        return getEntityManager().createNativeQuery("""
                SELECT a.section, count(*) FROM article a
                 WHERE a.status = 'published' AND a.published_at <= now() AND a.section IS NOT NULL
                 GROUP BY a.section ORDER BY a.section""").getResultList();
    }

    public record PageOfIds(List<UUID> ids, long total) {
    }
}
