package app.newsroom.article;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.hibernate.Hibernate;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import app.newsroom.common.http.QueryParams;
import app.newsroom.tag.TagDtos;
import app.newsroom.tag.TagType;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /**
     * The columns the entity maps. Never {@code a.*}: the row also holds the search vectors (several KB each, kept by
     * a trigger), which PostgreSQL would read from TOAST and send for nothing.
     */
    static final String COLUMNS = "a.id, a.slug, a.headline, a.standfirst, a.body, a.body_text, a.byline, a.section,"
            + " a.language, a.status, a.published_at, a.created_at, a.updated_at, a.version, a.word_count";

    private final ListCounts counts;

    ArticleRepository(ListCounts counts) {
        this.counts = counts;
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
     * The columns of the summary form of article {@code a}, turned into a summary by {@link #summaryOf}:
     * {@value #SUMMARY_WIDTH} columns, its tags (by name) and related links (by position) each as one JSON array of
     * arrays. Internal links to articles not public at {@code :now} are left out. Statements that show a page of
     * summaries (lists, search) read them in the same statement as the page itself. Scalar subqueries with json_agg
     * rather than lateral joins of parallel arrays: half the planning and execution time (~1 ms per page of 20).
     */
    public static final String SUMMARY_COLUMNS = """
            a.id, a.slug, a.headline, a.standfirst, a.byline, a.section, a.language, a.status,
            a.published_at, a.created_at, a.updated_at, a.version, a.word_count,
            CAST((SELECT json_agg(json_build_array(t.slug, t.name, t.type) ORDER BY t.name, t.slug)
                    FROM article_tag at JOIN tag t ON t.id = at.tag_id WHERE at.article_id = a.id) AS text),
            CAST((SELECT json_agg(json_build_array(l.id, l.position, l.title, l.url, t.id, t.slug, t.headline)
                                  ORDER BY l.position)
                    FROM related_link l LEFT JOIN article t ON t.id = l.target_article_id
                   WHERE l.article_id = a.id
                     AND (l.target_article_id IS NULL OR (t.status = 'published' AND t.published_at <= :now))) AS text)""";

    public static final int SUMMARY_WIDTH = 15;

    /**
     * The summary form of these articles, in the order given, read as a projection: one statement, no entities, no
     * bodies. Lists and search pages show 20–100 summaries per request, and loading them as entities (bodies included)
     * was most of the service's CPU on a search page. The articles themselves are left out unless public at
     * {@code now} or {@code anyStatus}.
     */
    @SuppressWarnings("unchecked")
    public List<ArticleDtos.ArticleSummary> summaries(List<UUID> ids, Instant now, boolean anyStatus) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "SELECT " + SUMMARY_COLUMNS + " FROM article a"
                                + " WHERE a.id = ANY(:ids) AND (:anyStatus OR (a.status = 'published' AND a.published_at <= :now))")
                .setParameter("ids", ids.toArray(new UUID[0]))
                .setParameter("now", now)
                .setParameter("anyStatus", anyStatus)
                .getResultList();
        Map<UUID, ArticleDtos.ArticleSummary> byId = new HashMap<>();
        for (Object[] r : rows) {
            ArticleDtos.ArticleSummary summary = summaryOf(r, 0);
            byId.put(summary.id(), summary);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The summary in the {@link #SUMMARY_COLUMNS} of a row, starting at column {@code first}. */
    public static ArticleDtos.ArticleSummary summaryOf(Object[] row, int first) {
        Object[] r = Arrays.copyOfRange(row, first, first + SUMMARY_WIDTH);
        List<TagDtos.TagRef> tags = new ArrayList<>();
        for (JsonNode t : json((String) r[13])) {
            tags.add(new TagDtos.TagRef(
                    t.get(0).asText(),
                    t.get(1).asText(),
                    TagType.valueOf(t.get(2).asText().toUpperCase(Locale.ROOT))));
        }
        List<ArticleDtos.RelatedLinkResponse> links = new ArrayList<>();
        for (JsonNode l : json((String) r[14])) {
            UUID linkId = UUID.fromString(l.get(0).asText());
            int position = l.get(1).asInt();
            links.add(
                    l.get(4).isNull()
                            ? new ArticleDtos.RelatedLinkResponse(
                                    linkId, text(l.get(2)), text(l.get(3)), null, position)
                            : new ArticleDtos.RelatedLinkResponse(
                                    linkId,
                                    l.get(6).asText(),
                                    null,
                                    new ArticleDtos.ArticleRef(
                                            UUID.fromString(l.get(4).asText()),
                                            l.get(5).asText(),
                                            l.get(6).asText()),
                                    position));
        }
        return new ArticleDtos.ArticleSummary(
                (UUID) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                (String) r[4],
                (String) r[5],
                (String) r[6],
                ArticleStatus.valueOf(((String) r[7]).toUpperCase(Locale.ROOT)),
                instant(r[8]),
                instant(r[9]),
                instant(r[10]),
                ((Number) r[11]).longValue(),
                ((Number) r[12]).intValue(),
                tags,
                links);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** A JSON array of arrays as json_agg writes it; none for NULL (no rows). */
    private static JsonNode json(String text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON from json_agg", e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }

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

    /** Slugs taken by any of these bases or their {@code base-N}, to choose the next free suffix; one statement. */
    @SuppressWarnings("unchecked")
    public List<String> slugsLike(Collection<String> bases) {
        // bases are slugs: [a-z0-9-] only, so no LIKE wildcard needs escaping
        return getEntityManager()
                .createNativeQuery("SELECT slug FROM article WHERE slug = ANY(:bases) OR slug LIKE ANY(:patterns)")
                .setParameter("bases", bases.toArray(new String[0]))
                .setParameter("patterns", bases.stream().map(b -> b + "-%").toArray(String[]::new))
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
     * One page of article ids matching the criteria, plus the total (counted only {@code withTotal}; feeds need none). Tag slugs must already be resolved to ids
     * ({@code tagIdGroups}): joining through the tag slug costs a hundred times more on a large corpus.
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
        StringBuilder articleFilters = new StringBuilder();
        articleFilters(criteria, articleFilters, params);
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
            case ANY -> where.append(" true");
        }
        appendFilters(criteria, groups, where, params);
        // the partial indexes' order: (published_at DESC, id DESC), read forwards or backwards
        String order = switch (criteria.orderBy()) {
            case NEWEST -> " ORDER BY a.published_at DESC, a.id DESC";
            case OLDEST -> " ORDER BY a.published_at ASC, a.id ASC";
            case UPDATED -> " ORDER BY a.updated_at DESC, a.id DESC";
        };
        return new ListSql(
                "SELECT a.id FROM article a" + where, "SELECT count(*) FROM article a" + where, order, params);
    }

    /**
     * The filters of GET /articles other than visibility, on an article aliased {@code a}: tag groups (resolved to ids),
     * publication time range, section, language and byline. Search applies exactly these.
     */
    public static void appendFilters(
            ArticleCriteria criteria, List<List<UUID>> groups, StringBuilder where, Map<String, Object> params) {
        for (int i = 0; i < groups.size(); i++) {
            where.append(" AND EXISTS (SELECT 1 FROM article_tag t WHERE t.article_id = a.id AND t.tag_id IN (:g")
                    .append(i)
                    .append("))");
            params.put("g" + i, groups.get(i));
        }
        if (criteria.from() != null) {
            where.append(" AND a.published_at >= :from");
            params.put("from", criteria.from());
        }
        if (criteria.to() != null) {
            where.append(" AND a.published_at < :to");
            params.put("to", criteria.to());
        }
        articleFilters(criteria, where, params);
    }

    private static void articleFilters(ArticleCriteria criteria, StringBuilder where, Map<String, Object> params) {
        if (criteria.section() != null) {
            where.append(" AND (a.section = :section OR a.section LIKE :sectionPrefix ESCAPE '\\')");
            params.put("section", criteria.section());
            params.put("sectionPrefix", QueryParams.likeEscape(criteria.section()) + "/%");
        }
        if (criteria.language() != null) {
            where.append(" AND a.language = :language");
            params.put("language", criteria.language());
        }
        if (criteria.byline() != null) {
            where.append(" AND lower(a.byline) = lower(:byline)");
            params.put("byline", criteria.byline());
        }
    }

    private record ListSql(String select, String count, String order, Map<String, Object> params) {}

    /** Sections in use by public articles, with their counts. */
    @SuppressWarnings("unchecked")
    public List<Object[]> publicSectionCounts() {
        return getEntityManager().createNativeQuery("""
                SELECT a.section, count(*) FROM article a
                 WHERE a.status = 'published' AND a.published_at <= now() AND a.section IS NOT NULL
                 GROUP BY a.section ORDER BY a.section""").getResultList();
    }

    public record PageOfIds(List<UUID> ids, long total) {}
}
