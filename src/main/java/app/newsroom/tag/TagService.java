package app.newsroom.tag;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import app.newsroom.common.Ids;
import app.newsroom.common.Slugs;
import app.newsroom.common.Times;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.ExpectedVersion;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.tag.TagDtos.TagRequest;
import app.newsroom.tag.TagDtos.TagResponse;
import io.quarkus.logging.Log;

@ApplicationScoped
public class TagService {

    private final TagRepository tags;

    TagService(TagRepository tags) {
        this.tags = tags;
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<TagResponse> get(String slug) {
        if (!Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return tags.findBySlug(slug).map(this::withCount);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Page<TagResponse> list(TagCriteria criteria, PageRequest page) {
        TagRepository.PageOfIds ids = tags.search(criteria, page.offset(), page.size());
        Map<UUID, Tag> byId =
                tags.list("id in ?1", ids.ids()).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        Map<UUID, Long> counts = tags.publicArticleCounts(ids.ids());
        List<TagResponse> items = ids.ids().stream()
                .map(byId::get)
                .map(t -> TagResponse.of(t, counts.getOrDefault(t.id, 0L)))
                .toList();
        return Page.of(items, page, ids.total());
    }

    @Transactional
    public TagResponse create(TagRequest request) {
        String slug = request.slug() != null ? request.slug() : Slugs.slugify(request.name());
        if (slug.isEmpty()) {
            throw ProblemException.badRequest("name", "must contain at least one letter or digit");
        }
        if (tags.findBySlug(slug).isPresent()) {
            throw ProblemException.conflict("slug", "A tag with the slug '" + slug + "' already exists");
        }
        Tag tag = new Tag();
        tag.id = Ids.newId();
        tag.slug = slug;
        tag.createdAt = Times.now();
        apply(tag, request);
        tags.persist(tag);
        flushOrConflict(slug);
        Log.infof("Created tag %s (%s)", tag.slug, tag.id);
        return TagResponse.of(tag, 0);
    }

    @Transactional
    public Optional<TagResponse> replace(String slug, TagRequest request, ExpectedVersion expected) {
        if (request.slug() != null && !request.slug().equals(slug)) {
            throw ProblemException.badRequest("slug", "must equal the slug in the path ('" + slug + "')");
        }
        Optional<Tag> found = Slugs.isValid(slug) ? tags.findBySlug(slug) : Optional.empty();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Tag tag = found.get();
        expected.check(etag(withCount(tag)));
        apply(tag, request);
        tags.flush();
        return Optional.of(withCount(tag));
    }

    /** Deletes a tag and detaches it from its articles, whose version moves on since their public form changed. */
    @Transactional
    public boolean delete(String slug, ExpectedVersion expected) {
        Optional<Tag> found = Slugs.isValid(slug) ? tags.findBySlug(slug) : Optional.empty();
        if (found.isEmpty()) {
            return false;
        }
        Tag tag = found.get();
        expected.check(etag(withCount(tag)));
        int touched = tags.getEntityManager()
                .createNativeQuery("""
                UPDATE article SET version = version + 1, updated_at = :now
                 WHERE id IN (SELECT article_id FROM article_tag WHERE tag_id = :tag)""")
                .setParameter("now", Times.now())
                .setParameter("tag", tag.id)
                .executeUpdate();
        tags.delete(tag);
        Log.infof("Deleted tag %s, detached from %d articles", slug, touched);
        return true;
    }

    /**
     * The same, with a cache of tags by slug that a batch of writes shares (the bulk import): each slug is looked up
     * or created once per batch.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Tag> resolveOrCreate(List<String> names, Map<String, Tag> known) {
        if (names == null || names.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, String> bySlug = bySlug(names);
        List<String> unknown =
                bySlug.keySet().stream().filter(s -> !known.containsKey(s)).toList();
        if (!unknown.isEmpty()) {
            tags.findBySlugs(unknown).forEach(t -> known.put(t.slug, t));
        }
        List<Tag> result = new ArrayList<>();
        for (Map.Entry<String, String> e : bySlug.entrySet()) {
            Tag tag = known.get(e.getKey());
            if (tag == null) {
                tag = new Tag();
                tag.id = Ids.newId();
                tag.slug = e.getKey();
                tag.name = e.getValue();
                tag.type = TagType.TOPIC;
                tag.createdAt = Times.now();
                tag.updatedAt = tag.createdAt;
                tags.persist(tag);
                known.put(tag.slug, tag);
            }
            result.add(tag);
        }
        return result;
    }

    /**
     * The tags of an article's request by slug, each named by its first spelling (trimmed, at most 200 characters);
     * a name without letters or digits is a 400 that names it ({@code tags[2]}).
     */
    public static Map<String, String> bySlug(List<String> names) {
        Map<String, String> bySlug = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String slug = Slugs.slugify(names.get(i));
            if (slug.isEmpty()) {
                throw ProblemException.badRequest("tags[" + i + "]", "must contain at least one letter or digit");
            }
            String name = names.get(i).trim();
            bySlug.putIfAbsent(slug, name.length() > 200 ? name.substring(0, 200) : name);
        }
        return bySlug;
    }

    /**
     * Creates the tags of these names that do not exist yet, in a transaction of its own (the bulk import: its
     * batches then never wait for each other's new tags); the first spelling of a slug names it. Concurrent creators
     * of the same tag are harmless: the slug's unique index keeps one. Returns the slugs it created.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Set<String> createMissing(List<String> names) {
        Map<String, String> bySlug = bySlug(names);
        return bySlug.isEmpty() ? Set.of() : new HashSet<>(tags.insertMissing(bySlug, Times.now()));
    }

    /** Deletes those of these tags that no article uses: tags a bulk import created for lines that then failed. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void deleteUnused(Collection<String> slugs) {
        tags.deleteUnused(slugs);
    }

    public static String etag(TagResponse tag) {
        return HttpCaching.etagOf("tag|" + tag.slug() + "|" + tag.updatedAt() + "|" + tag.name() + "|" + tag.type()
                + "|" + tag.description() + "|" + tag.articleCount());
    }

    private TagResponse withCount(Tag tag) {
        return TagResponse.of(tag, tags.publicArticleCounts(List.of(tag.id)).getOrDefault(tag.id, 0L));
    }

    private static void apply(Tag tag, TagRequest request) {
        tag.name = request.name().trim();
        tag.type = request.type() == null ? TagType.TOPIC : request.type();
        tag.description = request.description();
        tag.updatedAt = Times.now();
    }

    private void flushOrConflict(String slug) {
        try {
            tags.flush();
        } catch (ConstraintViolationException e) {
            throw ProblemException.conflict("slug", "A tag with the slug '" + slug + "' already exists");
        }
    }
}
