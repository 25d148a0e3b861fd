package app.newsroom.author;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.author.AuthorDtos.ArticleAuthor;
import app.newsroom.author.AuthorDtos.AuthorLink;
import app.newsroom.author.AuthorDtos.AuthorRequest;
import app.newsroom.author.AuthorDtos.AuthorResponse;
import app.newsroom.common.ExternalUrls;
import app.newsroom.common.Html;
import app.newsroom.common.Ids;
import app.newsroom.common.Slugs;
import app.newsroom.common.Times;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.ExpectedVersion;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.image.Images;
import io.quarkus.logging.Log;

/**
 * Authors: their pages, their writes, and what articles need of them — the authors credited on a set of articles (to
 * show) and the ids of the authors a request names (to credit).
 */
@ApplicationScoped
public class AuthorService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<AuthorLink>> LINKS = new TypeReference<>() {};
    /** Suffixes tried for a generated slug that is taken ("-2" ... "-100") before giving up with a 409. */
    private final AuthorRepository authors;

    private final Images images;

    AuthorService(AuthorRepository authors, Images images) {
        this.authors = authors;
        this.images = images;
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<AuthorResponse> get(String slug) {
        if (!Slugs.isValid(slug)) {
            return Optional.empty();
        }
        return authors.findBySlug(slug).map(this::withCount);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Page<AuthorResponse> list(AuthorCriteria criteria, PageRequest page) {
        AuthorRepository.PageOfIds ids = authors.search(criteria, page.offset(), page.size());
        Map<UUID, Author> byId = ids.ids().isEmpty()
                ? Map.of()
                : authors.list("id in ?1", ids.ids()).stream()
                        .collect(Collectors.toMap(a -> a.id, Function.identity()));
        Map<UUID, Long> counts = authors.publicArticleCounts(ids.ids());
        List<AuthorResponse> items = ids.ids().stream()
                .map(byId::get)
                .map(a -> response(a, counts.getOrDefault(a.id, 0L)))
                .toList();
        return Page.of(items, page, ids.total());
    }

    @Transactional
    public AuthorResponse create(AuthorRequest request) {
        check(request);
        String slug;
        if (request.slug() != null) {
            slug = request.slug();
            if (authors.findBySlug(slug).isPresent()) {
                throw slugTaken(slug);
            }
        } else {
            slug = freeSlug(Slugs.slugify(request.name()));
        }
        Author author = new Author();
        author.id = Ids.newId();
        author.slug = slug;
        author.createdAt = Times.now();
        apply(author, request);
        authors.persist(author);
        flushOrConflict(slug);
        Log.infof("Created author %s (%s)", author.slug, author.id);
        return response(author, 0);
    }

    /** Replaces an author; a body slug other than the path's renames it, when that slug is free. */
    @Transactional
    public Optional<AuthorResponse> replace(String slug, AuthorRequest request, ExpectedVersion expected) {
        Optional<Author> found = Slugs.isValid(slug) ? authors.findBySlug(slug) : Optional.empty();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Author author = found.get();
        expected.check(etag(withCount(author)));
        check(request);
        if (request.slug() != null && !request.slug().equals(author.slug)) {
            if (authors.findBySlug(request.slug()).isPresent()) {
                throw slugTaken(request.slug());
            }
            Log.infof("Renamed author %s to %s (%s)", author.slug, request.slug(), author.id);
            author.slug = request.slug();
        }
        apply(author, request);
        flushOrConflict(author.slug);
        return Optional.of(withCount(author));
    }

    /**
     * Deletes an author. One still credited on articles (of any status) is a 409 naming how many, unless forced: then
     * it is removed from every article — whose version and update time move on, since their form changed — and
     * deleted, all in this one transaction. The author's row is locked first, so that no article can be credited to
     * it between the count and the deletion.
     */
    @Transactional
    public boolean delete(String slug, boolean force, ExpectedVersion expected) {
        Optional<Author> found = Slugs.isValid(slug) ? authors.findBySlugForUpdate(slug) : Optional.empty();
        if (found.isEmpty()) {
            return false;
        }
        Author author = found.get();
        expected.check(etag(withCount(author)));
        long credited = authors.articleCount(author.id);
        if (credited > 0 && !force) {
            throw ProblemException.conflict(
                    null,
                    "The author '" + slug + "' is credited on " + credited + (credited == 1 ? " article" : " articles")
                            + ": remove it from them first, or delete with force=true to remove it from every article");
        }
        int touched = 0;
        if (credited > 0) {
            touched = authors.touchArticlesOf(author.id, Times.now());
            authors.detach(author.id);
        }
        authors.delete(author);
        Log.infof("Deleted author %s (%s), removed from %d articles", slug, author.id, touched);
        return true;
    }

    /**
     * The authors credited on each of these articles, in order, with their bio and served image; an article without
     * authors has no entry. One statement.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<ArticleAuthor>> authorsOf(Collection<UUID> articleIds) {
        Map<UUID, List<ArticleAuthor>> byArticle = new HashMap<>();
        authors.creditsOf(articleIds)
                .forEach((articleId, credits) -> byArticle.put(
                        articleId,
                        credits.stream()
                                .map(c -> new ArticleAuthor(
                                        c.slug(), c.name(), c.bio(), images.served(c.image()), c.updatedAt()))
                                .toList()));
        return byArticle;
    }

    /** The ids of the authors credited on each of these articles, in order; an article without has no entry. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<UUID>> creditedIds(Collection<UUID> articleIds) {
        Map<UUID, List<UUID>> byArticle = new HashMap<>();
        authors.creditsOf(articleIds)
                .forEach((articleId, credits) -> byArticle.put(
                        articleId, credits.stream().map(c -> c.authorId()).toList()));
        return byArticle;
    }

    /**
     * The ids of the authors an article's request names by slug, in its order: an unknown slug, or one named twice, is
     * a 400 naming its place ({@code authors[1]}). One statement.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UUID> resolve(List<String> slugs) {
        return slugs == null || slugs.isEmpty()
                ? new ArrayList<>()
                : resolver(slugs).resolve(slugs);
    }

    /**
     * A resolver of the author slugs of many requests (an import batch): one statement for all of them, then each
     * request's list resolved in memory with the same 400s as {@link #resolve}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Resolver resolver(Collection<String> allSlugs) {
        Map<String, UUID> known = new HashMap<>();
        Map<UUID, String> names = new HashMap<>();
        List<String> valid = allSlugs.stream().filter(Slugs::isValid).distinct().toList();
        if (!valid.isEmpty()) {
            authors.findBySlugs(valid).forEach(a -> {
                known.put(a.slug, a.id);
                names.put(a.id, a.name);
            });
        }
        return new Resolver(known, names);
    }

    /** Author slugs to ids (and names), from slugs read beforehand. */
    public record Resolver(Map<String, UUID> known, Map<UUID, String> names) {

        /** The names of these resolved authors, in order. */
        public List<String> namesOf(List<UUID> ids) {
            return ids.stream().map(names::get).toList();
        }

        /** The ids of these slugs, in order; an unknown slug, or one named twice, is a 400 naming its place. */
        public List<UUID> resolve(List<String> slugs) {
            if (slugs == null || slugs.isEmpty()) {
                return new ArrayList<>();
            }
            return ids(slugs, known);
        }
    }

    private static List<UUID> ids(List<String> slugs, Map<String, UUID> known) {
        List<UUID> ids = new ArrayList<>(slugs.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            UUID id = slug == null ? null : known.get(slug);
            if (id == null) {
                throw ProblemException.badRequest("authors[" + i + "]", "no author has this slug");
            }
            if (!seen.add(slug)) {
                throw ProblemException.badRequest("authors[" + i + "]", "names an author already listed");
            }
            ids.add(id);
        }
        return ids;
    }

    /** A strong validator of the author's answer: it changes with the author (its version) and its count. */
    public static String etag(AuthorResponse author) {
        return HttpCaching.etagOf("author|" + author.id() + "|" + author.slug() + "|" + author.version() + "|"
                + author.updatedAt() + "|" + author.articleCount() + "|" + author.image());
    }

    private AuthorResponse withCount(Author author) {
        return response(author, authors.publicArticleCounts(List.of(author.id)).getOrDefault(author.id, 0L));
    }

    private AuthorResponse response(Author author, long articleCount) {
        return AuthorResponse.of(author, images.served(author.image), links(author.links), articleCount);
    }

    /** The checks Bean Validation does not make, each a 400 naming its field. */
    private static void check(AuthorRequest request) {
        if (Html.isMarkup(request.bio())) {
            throw ProblemException.badRequest("bio", "must be plain text, without HTML");
        }
        Images.check(request.image(), "image");
        List<AuthorLink> links = request.links() == null ? List.of() : request.links();
        for (int i = 0; i < links.size(); i++) {
            if (Html.isMarkup(links.get(i).label())) {
                throw ProblemException.badRequest("links[" + i + "].label", "must be plain text, without HTML");
            }
            if (!ExternalUrls.isHttp(links.get(i).url())) {
                throw ProblemException.badRequest("links[" + i + "].url", "must be an absolute http or https URL");
            }
        }
    }

    private static void apply(Author author, AuthorRequest request) {
        author.name = request.name().trim();
        author.bio = request.bio() == null || request.bio().isBlank()
                ? null
                : request.bio().trim();
        author.image = Images.stored(request.image());
        author.links = storedLinks(request.links());
        author.updatedAt = Times.now();
    }

    /** The first of the slug, slug-2, slug-3... that no author has: one statement, as for articles. */
    private String freeSlug(String base) {
        if (base.isEmpty()) {
            throw ProblemException.badRequest("name", "must contain at least one letter or digit");
        }
        return Slugs.firstFree(base, new HashSet<>(authors.slugsLike(base)));
    }

    private static String storedLinks(List<AuthorLink> links) {
        if (links == null || links.isEmpty()) {
            return null;
        }
        List<AuthorLink> clean = links.stream()
                .map(l -> new AuthorLink(l.label().trim(), l.url().trim()))
                .toList();
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("links not serializable", e);
        }
    }

    private static List<AuthorLink> links(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return JSON.readValue(stored, LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored links are not the JSON newsroom writes", e);
        }
    }

    private static ProblemException slugTaken(String slug) {
        return ProblemException.conflict("slug", "An author with the slug '" + slug + "' already exists");
    }

    private void flushOrConflict(String slug) {
        try {
            authors.flush();
        } catch (ConstraintViolationException e) {
            throw slugTaken(slug);
        }
    }
}
