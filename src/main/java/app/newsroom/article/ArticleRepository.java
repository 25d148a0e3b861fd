package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import org.hibernate.Hibernate;
import org.hibernate.query.NativeQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /**
     * The columns the entity maps. Never {@code a.*}: the row also holds the search vectors (several KB each, kept by
     * a trigger), which PostgreSQL would read from TOAST and send for nothing.
     */
    static final String COLUMNS = "a.id, a.slug, a.headline, a.standfirst, a.body, a.body_text, a.byline, a.section,"
            + " a.language, a.status, a.published_at, a.created_at, a.updated_at, a.version, a.word_count, a.killed_at,"
            + " a.kill_reason, a.syndication_allowed, a.syndication_territories, a.syndication_note,"
            + " a.embargoed_until, a.main_image";

    private final ListCounts counts;
    private final ArticleSummaries summaries;

    ArticleRepository(ListCounts counts, ArticleSummaries summaries) {
        this.counts = counts;
        this.summaries = summaries;
    }

    @SuppressWarnings("unchecked")
    public Optional<Article> findBySlug(String slug) {
        return getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM article a WHERE a.slug = :slug", Article.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Article.class)
                .setParameter("slug", slug)
                .getResultStream()
                .findFirst();
    }

    /** Articles with their tags, in the order of the ids given; two statements whatever the number. */
    public List<Article> findWithTags(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Native SQL with one array parameter: no HQL translation per request (Hibernate does not reuse the translated
        // SQL of IN-list queries), and the tags come from one batch fetch (fetch.batch-size) when first touched.
        @SuppressWarnings("unchecked")
        List<Article> found = getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM article a WHERE a.id = ANY(:ids)", Article.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Article.class)
                .setParameter("ids", ids.toArray(new UUID[0]))
                .getResultList();
        if (!found.isEmpty()) {
            Hibernate.initialize(found.get(0).tags);
        }
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

    /**
     * The summary form of these articles, in the order given, read as a projection ({@link ArticleSummaries}): one
     * statement, no entities, no bodies. Lists and search pages show 20–100 summaries per request, and loading them as
     * entities (bodies included) was most of the service's CPU on a search page. The articles themselves are left out
     * unless public at {@code now} or {@code anyStatus}.
     */
    @SuppressWarnings("unchecked")
    public List<ArticleDtos.ArticleSummary> summaries(List<UUID> ids, Instant now, boolean anyStatus) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Tuple> rows = getEntityManager()
                .createNativeQuery(SUMMARIES, Tuple.class)
                .setParameter("ids", ids.toArray(new UUID[0]))
                .setParameter("now", now)
                .setParameter("anyStatus", anyStatus)
                .getResultList();
        Map<UUID, ArticleDtos.ArticleSummary> byId = new HashMap<>();
        for (Tuple row : rows) {
            ArticleDtos.ArticleSummary summary = summaries.read(row);
            byId.put(summary.id(), summary);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static final String SUMMARIES = "SELECT " + ArticleSummaries.COLUMNS + """

             FROM article a
            WHERE a.id = ANY(:ids) AND (:anyStatus OR (a.status = 'published' AND a.published_at <= :now))""";

    /** The related links of these articles with their internal targets, grouped by article, in order; two statements. */
    public Map<UUID, List<RelatedLink>> linksOf(Collection<UUID> articleIds) {
        Map<UUID, List<RelatedLink>> byArticle = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        @SuppressWarnings("unchecked")
        List<RelatedLink> links = getEntityManager()
                .createNativeQuery(
                        "SELECT l.* FROM related_link l WHERE l.article_id = ANY(:ids) ORDER BY l.position",
                        RelatedLink.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(RelatedLink.class)
                .setParameter("ids", articleIds.toArray(new UUID[0]))
                .getResultList();
        // internal targets: one batch fetch for all of them
        links.stream().filter(l -> l.target != null).findFirst().ifPresent(l -> Hibernate.initialize(l.target));
        for (RelatedLink link : links) {
            byArticle.computeIfAbsent(link.article.id, k -> new ArrayList<>()).add(link);
        }
        return byArticle;
    }

    public void deleteLinksOf(UUID articleId) {
        getEntityManager()
                .createQuery("DELETE FROM RelatedLink l WHERE l.article.id = :id")
                .setParameter("id", articleId)
                .executeUpdate();
    }

    /** The kill reason of each of these articles that is killed now. */
    @SuppressWarnings("unchecked")
    Map<UUID, String> killReasons(Collection<UUID> ids) {
        Map<UUID, String> reasons = new HashMap<>();
        if (ids.isEmpty()) {
            return reasons;
        }
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT id, kill_reason FROM article WHERE id = ANY(:ids) AND status = 'killed'")
                .setParameter("ids", ids.toArray(new UUID[0]))
                .getResultList();
        rows.forEach(r -> reasons.put((UUID) r[0], (String) r[1]));
        return reasons;
    }

    /** Slugs taken by any of these bases or their {@code base-N}, to choose the next free suffix; one statement. */
    @SuppressWarnings("unchecked")
    public List<String> slugsLike(Collection<String> bases) {
        // bases are slugs ([a-z0-9-]): in byte order, "base" and every "base-..." lie in [base, base || '.'), one
        // range scan of article_slug_bytes_idx per base
        return getEntityManager()
                .createNativeQuery("""
                        SELECT a.slug FROM unnest(CAST(:bases AS text[])) AS b(base)
                          JOIN LATERAL (SELECT slug FROM article
                                         WHERE slug COLLATE "C" >= b.base COLLATE "C"
                                           AND slug COLLATE "C" < (b.base || '.') COLLATE "C") a ON true""")
                .setParameter("bases", bases.toArray(new String[0]))
                .getResultList();
    }

    /** Articles by slug; one statement. */
    @SuppressWarnings("unchecked")
    public List<Article> findBySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createNativeQuery("SELECT " + COLUMNS + " FROM article a WHERE a.slug = ANY(:slugs)", Article.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Article.class)
                .setParameter("slugs", slugs.toArray(new String[0]))
                .getResultList();
    }

    /** Which of these ids are articles; one statement. */
    @SuppressWarnings("unchecked")
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager()
                .createNativeQuery("SELECT a.id FROM article a WHERE a.id = ANY(:ids)")
                .setParameter("ids", ids.toArray(new UUID[0]))
                .getResultList());
    }

    /**
     * One page of article ids matching the criteria, plus the total (counted only {@code withTotal}; feeds need none).
     * Tag slugs must already be resolved to ids ({@code tagIdGroups}): joining through the tag slug costs a hundred
     * times more on a large corpus.
     *
     * <p>
     * Public lists filtered by a single tag are driven from {@code article_tag}, whose index holds each article's
     * public time: the page is a range scan that stops after one page, and the count never touches the articles.
     * Everything else runs on the partial indexes of published articles.
     */
    public PageOfIds page(
            ArticleCriteria criteria, List<List<UUID>> tagIdGroups, int offset, int limit, boolean withTotal) {
        int driver = criteria.visibility() == ArticleCriteria.Visibility.PUBLISHED
                        && criteria.orderBy() != ArticleCriteria.Order.UPDATED
                ? singleTagGroup(tagIdGroups)
                : -1;
        ListSql sql = driver >= 0 ? byTag(criteria, tagIdGroups, driver) : byArticle(criteria, tagIdGroups);
        Query pageQuery = getEntityManager().createNativeQuery(sql.select + sql.order + " LIMIT :limit OFFSET :offset");
        Query countQuery = getEntityManager().createNativeQuery(sql.count);
        sql.params.forEach((k, v) -> {
            pageQuery.setParameter(k, v);
            countQuery.setParameter(k, v);
        });
        pageQuery.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<UUID> ids = pageQuery.getResultList();
        boolean lastPage = ids.size() < limit && (offset == 0 || !ids.isEmpty());
        long total = lastPage || !withTotal ? offset + ids.size() : counts.count(sql.count, sql.params, countQuery);
        return new PageOfIds(ids, total);
    }

    private static int singleTagGroup(List<List<UUID>> groups) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).size() == 1) {
                return i;
            }
        }
        return -1;
    }

    private ListSql byTag(ArticleCriteria criteria, List<List<UUID>> groups, int driver) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE t.tag_id = :driver AND t.public_from <= :now");
        params.put("driver", groups.get(driver).get(0));
        params.put("now", Instant.now());
        for (int i = 0; i < groups.size(); i++) {
            if (i != driver) {
                // every tag row of a public article carries its public time, so the index alone answers this
                where.append(" AND EXISTS (SELECT 1 FROM article_tag o WHERE o.article_id = t.article_id")
                        .append(" AND o.public_from <= :now AND o.tag_id IN (:g")
                        .append(i)
                        .append("))");
                params.put("g" + i, groups.get(i));
            }
        }
        if (criteria.from() != null) {
            where.append(" AND t.public_from >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" AND t.public_from < :to");
            params.put("to", criteria.to());
        }
        ArticleFilterSql columns = ArticleFilterSql.ofColumns(criteria);
        params.putAll(columns.params());
        String articleFilters = columns.sql();
        String from = articleFilters.isEmpty()
                ? " FROM article_tag t"
                : " FROM article_tag t JOIN article a ON a.id = t.article_id";
        String order = criteria.orderBy() == ArticleCriteria.Order.OLDEST
                ? " ORDER BY t.public_from ASC, t.article_id ASC"
                : " ORDER BY t.public_from DESC, t.article_id DESC";
        return new ListSql(
                "SELECT t.article_id" + from + where + articleFilters,
                "SELECT count(*)" + from + where + articleFilters,
                order,
                params);
    }

    private ListSql byArticle(ArticleCriteria criteria, List<List<UUID>> groups) {
        StringBuilder where = new StringBuilder(" WHERE");
        Map<String, Object> params = new HashMap<>();
        switch (criteria.visibility()) {
            case PUBLISHED -> {
                where.append(" a.status = 'published' AND a.published_at <= :now");
                params.put("now", Instant.now());
            }
            case DRAFT -> where.append(" a.status = 'draft'");
            case ARCHIVED -> where.append(" a.status = 'archived'");
            case KILLED -> where.append(" a.status = 'killed'");
            case SYNDICATED -> {
                where.append(" a.status = 'published' AND (a.published_at <= :now OR a.embargoed_until > :now)"
                        + " AND a.syndication_allowed");
                params.put("now", Instant.now());
            }
            case ANY -> where.append(" true");
        }
        ArticleFilterSql filters = ArticleFilterSql.of(criteria, groups);
        where.append(filters.sql());
        params.putAll(filters.params());
        // the partial indexes' order: (published_at DESC, id DESC), read forwards or backwards
        String order = switch (criteria.orderBy()) {
            case NEWEST -> " ORDER BY a.published_at DESC, a.id DESC";
            case OLDEST -> " ORDER BY a.published_at ASC, a.id ASC";
            case UPDATED -> " ORDER BY a.updated_at DESC, a.id DESC";
        };
        return new ListSql(
                "SELECT a.id FROM article a" + where, "SELECT count(*) FROM article a" + where, order, params);
    }

    private record ListSql(String select, String count, String order, Map<String, Object> params) {}

    /** Sections in use by public articles, with their counts. */
    @SuppressWarnings("unchecked")
    public List<ArticleDtos.SectionCount> publicSectionCounts() {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                SELECT a.section, count(*) FROM article a
                 WHERE a.status = 'published' AND a.published_at <= now() AND a.section IS NOT NULL
                 GROUP BY a.section ORDER BY a.section""").getResultList();
        return rows.stream()
                .map(r -> new ArticleDtos.SectionCount((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    public record PageOfIds(List<UUID> ids, long total) {}
}
