package app.newsroom.tag;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.query.NativeQuery;

import app.newsroom.common.Ids;
import app.newsroom.common.Slugs;
import app.newsroom.common.http.QueryParams;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    public Optional<Tag> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public List<Tag> findBySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Tag> found = getEntityManager()
                .createNativeQuery("SELECT t.* FROM tag t WHERE t.slug = ANY(:slugs)", Tag.class)
                .unwrap(NativeQuery.class)
                .addSynchronizedEntityClass(Tag.class)
                .setParameter("slugs", slugs.toArray(new String[0]))
                .getResultList();
        return found;
    }

    /** Published, publicly visible articles per tag, for the given tags. */
    public Map<UUID, Long> publicArticleCounts(Collection<UUID> tagIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (tagIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("""
                SELECT t.tag_id, count(*) FROM article_tag t
                 WHERE t.tag_id IN (:ids) AND t.public_from <= now()
                 GROUP BY t.tag_id""")
                .setParameter("ids", tagIds)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /**
     * One page of tags matching the criteria, as ids in order, with the total. {@code q} matches slug or name by
     * prefix, or by trigram similarity for typos; without an explicit order, the closest matches come first.
     */
    public PageOfIds search(TagCriteria criteria, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (criteria.type() != null) {
            where.append(" AND t.type = :type");
            params.put("type", criteria.type().toString());
        }
        if (criteria.q() != null) {
            where.append(" AND (t.slug LIKE :prefix ESCAPE '\\' OR lower(t.name) LIKE :prefix ESCAPE '\\'"
                    + " OR lower(t.name) % :q OR t.slug % :slugQ)");
            params.put("prefix", QueryParams.likeEscape(criteria.q().toLowerCase(Locale.ROOT)) + "%");
            params.put("q", criteria.q().toLowerCase(Locale.ROOT));
            params.put("slugQ", Slugs.slugify(criteria.q()));
        }
        String order = switch (criteria.orderBy()) {
            case POPULAR -> " ORDER BY coalesce(c.n, 0) DESC, t.name, t.id";
            case NAME -> " ORDER BY lower(t.name), t.id";
            case RELEVANCE ->
                criteria.q() == null
                        ? " ORDER BY lower(t.name), t.id"
                        : " ORDER BY (t.slug LIKE :prefix ESCAPE '\\' OR lower(t.name) LIKE :prefix ESCAPE '\\') DESC,"
                                + " greatest(similarity(lower(t.name), :q), similarity(t.slug, :slugQ)) DESC, lower(t.name), t.id";
        };
        String from = criteria.orderBy() == TagCriteria.Order.POPULAR
                ? " FROM tag t LEFT JOIN (SELECT tag_id, count(*) AS n FROM article_tag WHERE public_from <= now()"
                        + " GROUP BY tag_id) c ON c.tag_id = t.id"
                : " FROM tag t";
        var pageQuery = getEntityManager()
                .createNativeQuery("SELECT t.id" + from + where + order + " LIMIT :limit OFFSET :offset");
        var countQuery = getEntityManager().createNativeQuery("SELECT count(*) FROM tag t" + where);
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

    /** Inserts topic tags (slug to name) unless their slug exists; returns the slugs inserted. One statement. */
    @SuppressWarnings("unchecked")
    public List<String> insertMissing(Map<String, String> namesBySlug, Instant now) {
        // sorted by slug, so that concurrent inserters of overlapping sets lock in one order
        TreeMap<String, String> sorted = new TreeMap<>(namesBySlug);
        return getEntityManager()
                .createNativeQuery("""
                INSERT INTO tag (id, slug, name, type, created_at, updated_at)
                SELECT CAST(t.id AS uuid), t.slug, t.name, 'topic', :now, :now
                  FROM unnest(CAST(:ids AS text[]), CAST(:slugs AS text[]), CAST(:names AS text[])) WITH ORDINALITY AS t(id, slug, name, n)
                 ORDER BY t.n
                ON CONFLICT (slug) DO NOTHING
                RETURNING slug""")
                .setParameter(
                        "ids",
                        sorted.keySet().stream()
                                .map(s -> Ids.newId().toString())
                                .toArray(String[]::new))
                .setParameter("slugs", sorted.keySet().toArray(new String[0]))
                .setParameter("names", sorted.values().toArray(new String[0]))
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .getResultList();
    }

    /** Deletes those of these tags that no article uses. */
    public int deleteUnused(Collection<String> slugs) {
        return getEntityManager()
                .createNativeQuery("""
                DELETE FROM tag t WHERE t.slug = ANY(:slugs)
                   AND NOT EXISTS (SELECT 1 FROM article_tag at WHERE at.tag_id = t.id)""")
                .setParameter("slugs", slugs.toArray(new String[0]))
                .executeUpdate();
    }

    public record PageOfIds(List<UUID> ids, long total) {}
}
