package app.newsroom.author;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import app.newsroom.common.Slugs;
import app.newsroom.common.http.QueryParams;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Authors, and the article_author rows that credit them on articles. */
@ApplicationScoped
public class AuthorRepository implements PanacheRepositoryBase<Author, UUID> {

    /** Published articles whose publication time has come: what the public sees. */
    private static final String PUBLIC_ARTICLE = "a.status = 'published' AND a.published_at <= now()";

    public Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /**
     * The author, its row locked until the transaction ends: no article can be credited to it meanwhile (crediting
     * takes a key-share lock on the author's row), so what a deletion counts stays true until it commits.
     */
    Optional<Author> findBySlugForUpdate(String slug) {
        // FOR UPDATE, not FOR NO KEY UPDATE: only the former conflicts with the foreign key check's FOR KEY SHARE
        @SuppressWarnings("unchecked")
        List<Author> found = getEntityManager()
                .createNativeQuery("SELECT au.* FROM author au WHERE au.slug = :slug FOR UPDATE", Author.class)
                .setParameter("slug", slug)
                .getResultList();
        return found.stream().findFirst();
    }

    /** The slugs {@code base} and {@code base-...} that authors have (a slug is [a-z0-9-]: one byte range). */
    @SuppressWarnings("unchecked")
    List<String> slugsLike(String base) {
        return getEntityManager()
                .createNativeQuery("""
                        SELECT slug FROM author
                         WHERE slug COLLATE "C" >= CAST(:base AS text) COLLATE "C"
                           AND slug COLLATE "C" < (CAST(:base AS text) || '.') COLLATE "C"
                        """)
                .setParameter("base", base)
                .getResultList();
    }

    public List<Author> findBySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Author> found = getEntityManager()
                .createNativeQuery("SELECT au.* FROM author au WHERE au.slug = ANY(:slugs)", Author.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Author.class)
                .setParameter("slugs", slugs.toArray(new String[0]))
                .getResultList();
        return found;
    }

    /** Published, publicly visible articles per author, for the given authors. */
    public Map<UUID, Long> publicArticleCounts(Collection<UUID> authorIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (authorIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(
                        "SELECT x.author_id, count(*) FROM article_author x JOIN article a ON a.id = x.article_id"
                                + " WHERE x.author_id IN (:ids) AND " + PUBLIC_ARTICLE + " GROUP BY x.author_id")
                .setParameter("ids", authorIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** Articles of any status that credit the author. */
    long articleCount(UUID authorId) {
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT count(*) FROM article_author WHERE author_id = :author")
                        .setParameter("author", authorId)
                        .getSingleResult())
                .longValue();
    }

    /**
     * Moves on the version and update time of every article that credits the author: their ETags change, and the
     * articles' own triggers log the change and tell the caches. Returns how many.
     */
    int touchArticlesOf(UUID authorId, Instant now) {
        return getEntityManager()
                .createNativeQuery("""
                UPDATE article SET version = version + 1, updated_at = :now
                 WHERE id IN (SELECT article_id FROM article_author WHERE author_id = :author)""")
                .setParameter("now", now)
                .setParameter("author", authorId)
                .executeUpdate();
    }

    /** Removes the author from every article that credits it. */
    int detach(UUID authorId) {
        return getEntityManager()
                .createNativeQuery("DELETE FROM article_author WHERE author_id = :author")
                .setParameter("author", authorId)
                .executeUpdate();
    }

    /**
     * Replaces the authors credited on an article by these, in this order (positions 0, 1, ...). Two statements;
     * runs in the caller's transaction.
     */
    public void replaceAuthorsOf(UUID articleId, List<UUID> authorIds) {
        getEntityManager()
                .createNativeQuery("DELETE FROM article_author WHERE article_id = :article")
                .setParameter("article", articleId)
                .executeUpdate();
        if (authorIds.isEmpty()) {
            return;
        }
        getEntityManager()
                .createNativeQuery("""
                INSERT INTO article_author (article_id, author_id, position)
                SELECT CAST(:article AS uuid), CAST(t.id AS uuid), t.n - 1
                  FROM unnest(CAST(:ids AS text[])) WITH ORDINALITY AS t(id, n)""")
                .setParameter("article", articleId)
                .setParameter("ids", authorIds.stream().map(UUID::toString).toArray(String[]::new))
                .executeUpdate();
    }

    /** One author credited on one article, as {@link #creditsOf} reads it. */
    record Credit(
            UUID articleId, UUID authorId, String slug, String name, String bio, String image, Instant updatedAt) {}

    /** The authors credited on these articles, by article, in order. One statement. */
    Map<UUID, List<Credit>> creditsOf(Collection<UUID> articleIds) {
        Map<UUID, List<Credit>> byArticle = new HashMap<>();
        if (articleIds.isEmpty()) {
            return byArticle;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                SELECT x.article_id, au.id, au.slug, au.name, au.bio, CAST(au.image AS text), au.updated_at
                  FROM article_author x JOIN author au ON au.id = x.author_id
                 WHERE x.article_id IN (:ids)
                 ORDER BY x.article_id, x.position""")
                .setParameter("ids", articleIds)
                .getResultList();
        for (Object[] row : rows) {
            Credit credit = new Credit(
                    (UUID) row[0],
                    (UUID) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    (String) row[5],
                    instant(row[6]));
            byArticle
                    .computeIfAbsent(credit.articleId(), id -> new ArrayList<>())
                    .add(credit);
        }
        return byArticle;
    }

    /**
     * One page of authors matching the criteria, as ids in order, with the total. {@code q} matches slug or name by
     * prefix, or by trigram similarity for typos; without an explicit order, the closest matches come first.
     */
    PageOfIds search(AuthorCriteria criteria, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (criteria.q() != null) {
            where.append(" AND (au.slug LIKE :prefix ESCAPE '\\' OR lower(au.name) LIKE :prefix ESCAPE '\\'"
                    + " OR lower(au.name) % :q OR au.slug % :slugQ)");
            params.put("prefix", QueryParams.likeEscape(criteria.q().toLowerCase(Locale.ROOT)) + "%");
            params.put("q", criteria.q().toLowerCase(Locale.ROOT));
            params.put("slugQ", Slugs.slugify(criteria.q()));
        }
        String order = switch (criteria.orderBy()) {
            case POPULAR -> " ORDER BY coalesce(c.n, 0) DESC, lower(au.name), au.id";
            case NAME -> " ORDER BY lower(au.name), au.id";
            case RELEVANCE ->
                criteria.q() == null
                        ? " ORDER BY lower(au.name), au.id"
                        : " ORDER BY (au.slug LIKE :prefix ESCAPE '\\' OR lower(au.name) LIKE :prefix ESCAPE '\\') DESC,"
                                + " greatest(similarity(lower(au.name), :q), similarity(au.slug, :slugQ)) DESC,"
                                + " lower(au.name), au.id";
        };
        String from = criteria.orderBy() == AuthorCriteria.Order.POPULAR
                ? " FROM author au LEFT JOIN (SELECT x.author_id, count(*) AS n FROM article_author x"
                        + " JOIN article a ON a.id = x.article_id WHERE " + PUBLIC_ARTICLE
                        + " GROUP BY x.author_id) c ON c.author_id = au.id"
                : " FROM author au";
        var pageQuery = getEntityManager()
                .createNativeQuery("SELECT au.id" + from + where + order + " LIMIT :limit OFFSET :offset");
        var countQuery = getEntityManager().createNativeQuery("SELECT count(*) FROM author au" + where);
        params.forEach((k, v) -> {
            pageQuery.setParameter(k, v);
            countQuery.setParameter(k, v);
        });
        pageQuery.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<UUID> ids = pageQuery.getResultList();
        long total = ((Number) countQuery.getSingleResult()).longValue();
        return new PageOfIds(ids, total);
    }

    record PageOfIds(List<UUID> ids, long total) {}

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
