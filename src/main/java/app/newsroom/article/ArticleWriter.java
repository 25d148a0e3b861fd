package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ArticleDtos.RelatedLinkRequest;
import app.newsroom.author.AuthorRepository;
import app.newsroom.author.AuthorService;
import app.newsroom.common.ExternalUrls;
import app.newsroom.common.Html;
import app.newsroom.common.Ids;
import app.newsroom.common.Slugs;
import app.newsroom.common.Times;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.error.Validation;
import app.newsroom.common.http.QueryParams;
import app.newsroom.image.Images;
import app.newsroom.tag.Tag;
import app.newsroom.tag.TagService;

/**
 * The one way articles are written, for the API's single writes and the NDJSON import's batches alike: the checks of
 * a request, slugs (a client's is claimed, a generated one takes the first free {@code -2}, {@code -3}...), sanitized
 * HTML and word counts, tags by name, and Related Stories. Runs inside its caller's transaction.
 */
@ApplicationScoped
class ArticleWriter {

    /** ISO 3166-1 alpha-2 codes, for syndication territories. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final ArticleRepository articles;
    private final TagService tags;
    private final AuthorService authors;
    private final AuthorRepository authorRows;
    private final Validation validation;

    ArticleWriter(
            ArticleRepository articles,
            TagService tags,
            AuthorService authors,
            AuthorRepository authorRows,
            Validation validation) {
        this.articles = articles;
        this.tags = tags;
        this.authors = authors;
        this.authorRows = authorRows;
        this.validation = validation;
    }

    /** An article request with its body already sanitized: the import prepares it while a batch is written. */
    record Prepared(ArticleRequest request, Html.Clean body) {

        static Prepared of(ArticleRequest request) {
            return new Prepared(request, Html.clean(request.body()));
        }
    }

    /** What a write did to one article. */
    record Written(UUID id, String slug, boolean created) {}

    /**
     * The checks that need no database: Bean Validation, then the rules no annotation expresses (dates in range, tag
     * names with letters, the shape of each related link, an article never linking to itself).
     */
    void check(ArticleRequest request, UUID self) {
        validation.check(request);
        if (request.status() == ArticleStatus.KILLED) {
            throw ProblemException.badRequest("status", "an article is killed with POST /articles/{id}/kill");
        }
        if (request.embargoedUntil() != null
                && !QueryParams.inRange(request.embargoedUntil().toInstant())) {
            throw ProblemException.badRequest("embargoedUntil", "must be between the years 1 and 9999");
        }
        if (request.syndication() != null && request.syndication().territories() != null) {
            List<String> territories = request.syndication().territories();
            for (int i = 0; i < territories.size(); i++) {
                if (!COUNTRIES.contains(territories.get(i))) {
                    throw ProblemException.badRequest(
                            "syndication.territories[" + i + "]", "is not an ISO 3166-1 alpha-2 country code");
                }
            }
        }
        if (request.publishedAt() != null
                && !QueryParams.inRange(request.publishedAt().toInstant())) {
            throw ProblemException.badRequest("publishedAt", "must be between the years 1 and 9999");
        }
        if (request.tags() != null) {
            TagService.bySlug(request.tags());
        }
        Images.check(request.mainImage(), "mainImage");
        List<String> authors = request.authors();
        for (int i = 0; authors != null && i < authors.size(); i++) {
            if (!Slugs.isValid(authors.get(i))) {
                throw ProblemException.badRequest("authors[" + i + "]", "must be an author's slug (GET /authors)");
            }
        }
        List<RelatedLinkRequest> links = request.relatedLinks();
        for (int i = 0; links != null && i < links.size(); i++) {
            RelatedLinkRequest link = links.get(i);
            String at = "relatedLinks[" + i + "]";
            if (link == null) {
                throw ProblemException.badRequest(at, "must be an object");
            }
            if (link.articleId() != null) {
                if (link.url() != null || link.title() != null) {
                    throw ProblemException.badRequest(at, "give either articleId, or title and url, not both");
                }
                if (link.articleId().equals(self)) {
                    throw ProblemException.badRequest(at + ".articleId", "an article cannot link to itself");
                }
            } else if (link.title() == null || link.title().isBlank()) {
                throw ProblemException.badRequest(at + ".title", "must not be blank for an external link");
            } else if (!ExternalUrls.isHttp(link.url())) {
                throw ProblemException.badRequest(at + ".url", "must be an absolute http or https URL");
            }
        }
    }

    /** A new article from a checked request. */
    @Transactional(Transactional.TxType.MANDATORY)
    Article create(Prepared prepared) {
        ArticleRequest request = prepared.request();
        requireTargets(request.relatedLinks(), articles.existing(targets(request)));
        AuthorService.Resolver resolver = authors.resolver(slugsOf(request));
        List<UUID> credited = resolver.resolve(request.authors());
        Article article =
                newArticle(request.slug() != null ? claimSlug(request.slug(), null) : freeSlug(request.headline()));
        apply(article, prepared, new HashMap<>(), resolver.namesOf(credited));
        articles.persist(article);
        addLinks(article, request.relatedLinks());
        articles.flush();
        if (!credited.isEmpty()) {
            authorRows.replaceAuthorsOf(article.id, credited);
        }
        return article;
    }

    /** An existing article rewritten from a checked request. */
    @Transactional(Transactional.TxType.MANDATORY)
    void update(Article article, Prepared prepared) {
        ArticleRequest request = prepared.request();
        requireTargets(request.relatedLinks(), articles.existing(targets(request)));
        AuthorService.Resolver resolver = authors.resolver(slugsOf(request));
        List<UUID> credited = resolver.resolve(request.authors());
        if (request.slug() != null && !request.slug().equals(article.slug)) {
            article.slug = claimSlug(request.slug(), article.id);
        }
        apply(article, prepared, new HashMap<>(), resolver.namesOf(credited));
        articles.deleteLinksOf(article.id);
        addLinks(article, request.relatedLinks());
        articles.flush();
        // untouched unless they changed: rewriting the rows tells every cache that lists changed
        if (!credited.equals(authors.creditedIds(List.of(article.id)).getOrDefault(article.id, List.of()))) {
            authorRows.replaceAuthorsOf(article.id, credited);
        }
    }

    /**
     * Upserts by slug: a request whose slug an article has updates that article, any other creates one. One query for
     * the slugs, one for the tags and one for the link targets, whatever the number of requests; new rows go to the
     * database in JDBC batches at the end. A request that cannot be applied throws a {@link LineFailure} naming it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Written> upsert(List<Prepared> batch) {
        Set<String> given = new HashSet<>();
        Set<String> bases = new HashSet<>();
        Set<UUID> targets = new HashSet<>();
        Set<String> tagNames = new LinkedHashSet<>();
        Set<String> authorSlugs = new HashSet<>();
        for (Prepared p : batch) {
            ArticleRequest r = p.request();
            if (r.authors() != null) {
                authorSlugs.addAll(r.authors());
            }
            if (r.slug() != null) {
                given.add(r.slug());
            } else {
                bases.add(baseSlug(r.headline()));
            }
            targets.addAll(targets(r));
            if (r.tags() != null) {
                tagNames.addAll(r.tags());
            }
        }
        Map<String, Article> bySlug = new HashMap<>();
        articles.findBySlugs(given).forEach(a -> bySlug.put(a.slug, a));
        Set<String> taken = new HashSet<>(bases.isEmpty() ? List.of() : articles.slugsLike(bases));
        taken.addAll(bySlug.keySet());
        Set<UUID> existingTargets = articles.existing(targets);
        Map<String, Tag> knownTags = new HashMap<>();
        tags.resolveOrCreate(List.copyOf(tagNames), knownTags);
        AuthorService.Resolver knownAuthors = authors.resolver(authorSlugs);
        // nothing is flushed before the end: the loop runs no query, and new rows are inserted in batches
        articles.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Map<UUID, List<RelatedLink>> linksWritten = new HashMap<>();
        // authors are rows of their own, written once the articles they credit are
        Map<UUID, List<UUID>> credits = new LinkedHashMap<>();
        Set<UUID> fresh = new HashSet<>();
        List<Written> written = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Prepared p = batch.get(i);
            ArticleRequest r = p.request();
            try {
                requireTargets(r.relatedLinks(), existingTargets);
                List<UUID> credited = knownAuthors.resolve(r.authors());
                Article article = r.slug() == null ? null : bySlug.get(r.slug());
                if (article == null) {
                    article = newArticle(r.slug() != null ? r.slug() : Slugs.firstFree(baseSlug(r.headline()), taken));
                    taken.add(article.slug);
                    bySlug.put(article.slug, article);
                    fresh.add(article.id);
                    apply(article, p, knownTags, knownAuthors.namesOf(credited));
                    articles.persist(article);
                    written.add(new Written(article.id, article.slug, true));
                } else {
                    for (int l = 0;
                            r.relatedLinks() != null && l < r.relatedLinks().size();
                            l++) {
                        if (article.id.equals(r.relatedLinks().get(l).articleId())) {
                            throw ProblemException.badRequest(
                                    "relatedLinks[" + l + "].articleId", "an article cannot link to itself");
                        }
                    }
                    apply(article, p, knownTags, knownAuthors.namesOf(credited));
                    written.add(new Written(article.id, article.slug, false));
                }
                List<RelatedLink> earlier = linksWritten.get(article.id);
                if (earlier != null) {
                    earlier.forEach(articles.getEntityManager()::remove); // a second line for it in this batch
                } else if (!fresh.contains(article.id)) {
                    articles.deleteLinksOf(article.id);
                }
                linksWritten.put(article.id, addLinks(article, r.relatedLinks()));
                // the last line for an article decides, as if the lines were applied one by one
                if (!credited.isEmpty() || !fresh.contains(article.id) || credits.containsKey(article.id)) {
                    credits.put(article.id, credited);
                }
            } catch (ProblemException e) {
                throw new LineFailure(i, e);
            }
        }
        articles.flush();
        Map<UUID, List<UUID>> current = authors.creditedIds(
                credits.keySet().stream().filter(id -> !fresh.contains(id)).toList());
        credits.forEach((id, credited) -> {
            if (!credited.equals(current.getOrDefault(id, List.of()))) {
                authorRows.replaceAuthorsOf(id, credited);
            }
        });
        return written;
    }

    /** A request of a batch that cannot be applied; its batch is then applied line by line. */
    static final class LineFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int index;

        LineFailure(int index, ProblemException cause) {
            super("request " + index, cause, false, false);
            this.index = index;
        }

        ProblemException problem() {
            return (ProblemException) getCause();
        }
    }

    private static Article newArticle(String slug) {
        Article article = new Article();
        article.id = Ids.newId();
        article.createdAt = Times.now();
        article.version = 1;
        article.slug = slug;
        return article;
    }

    /** The author slugs a request names (none when it names none). */
    private static List<String> slugsOf(ArticleRequest request) {
        return request.authors() == null ? List.of() : request.authors();
    }

    /**
     * Writes a request into the entity; {@code knownTags} is shared by the writes of one batch. A byline that only
     * repeats the credited authors' names (a client writing back what it read) is not stored: the byline shown follows
     * the authors, renames included.
     */
    private void apply(Article article, Prepared prepared, Map<String, Tag> knownTags, List<String> authorNames) {
        // a killed article cannot come back by an edit or an import: only an admin's un-kill revives it
        if (article.status == ArticleStatus.KILLED) {
            throw ProblemException.conflict(
                    "status", "The article is killed; only an admin can un-kill it (POST /articles/{id}/unkill)");
        }
        ArticleRequest request = prepared.request();
        // resolve tags before touching the entity: a query after a change would flush it early (a second version)
        List<Tag> resolved = tags.resolveOrCreate(request.tags(), knownTags);
        article.headline = request.headline().trim();
        article.standfirst = blankToNull(request.standfirst());
        article.body = prepared.body().html();
        article.bodyText = prepared.body().text();
        article.wordCount = Html.wordCount(article.bodyText);
        String byline = blankToNull(request.byline());
        article.byline = byline != null && byline.equals(ArticleMapper.byline(null, authorNames)) ? null : byline;
        article.section = request.section();
        article.language = request.language() == null
                ? "en"
                : Locale.forLanguageTag(request.language()).toLanguageTag();
        article.status = request.status() == null ? ArticleStatus.DRAFT : request.status();
        Instant publishedAt = request.publishedAt() == null
                ? null
                : Times.stored(request.publishedAt().toInstant());
        if (publishedAt != null) {
            article.publishedAt = publishedAt;
        } else if (article.status == ArticleStatus.PUBLISHED && article.publishedAt == null) {
            article.publishedAt = Times.now();
        }
        article.embargoedUntil = request.embargoedUntil() == null
                ? null
                : Times.stored(request.embargoedUntil().toInstant());
        // the public's time is the embargo's end: until then the article is, for the public, scheduled
        if (article.embargoedUntil != null
                && article.status == ArticleStatus.PUBLISHED
                && article.publishedAt.isBefore(article.embargoedUntil)) {
            article.publishedAt = article.embargoedUntil;
        }
        ArticleDtos.Syndication syndication = request.syndication();
        article.syndicationAllowed = syndication == null || syndication.allowed();
        article.syndicationTerritories = syndication == null
                        || syndication.territories() == null
                        || syndication.territories().isEmpty()
                ? null
                : String.join(",", new LinkedHashSet<>(syndication.territories()));
        article.syndicationNote = syndication == null ? null : blankToNull(syndication.note());
        article.mainImage = Images.stored(request.mainImage());
        article.updatedAt = Times.now();
        // untouched unless they changed: rewriting the rows tells every cache that tag pages changed
        if (!sameTags(article.tags, resolved)) {
            article.tags.clear();
            article.tags.addAll(resolved);
        }
    }

    private static boolean sameTags(List<Tag> current, List<Tag> wanted) {
        Set<UUID> ids = new HashSet<>();
        current.forEach(t -> ids.add(t.id));
        return current.size() == wanted.size() && wanted.stream().allMatch(t -> ids.contains(t.id));
    }

    /** The related links of an article, in order, as new rows. */
    private List<RelatedLink> addLinks(Article article, List<RelatedLinkRequest> requested) {
        List<RelatedLink> links = new ArrayList<>();
        if (requested == null) {
            return links;
        }
        EntityManager em = articles.getEntityManager();
        short position = 0;
        for (RelatedLinkRequest r : requested) {
            RelatedLink link = new RelatedLink();
            link.id = Ids.newId();
            link.article = article;
            link.position = position++;
            if (r.articleId() != null) {
                link.target = em.getReference(Article.class, r.articleId());
            } else {
                link.title = r.title().trim();
                link.url = r.url().trim();
            }
            em.persist(link);
            links.add(link);
        }
        return links;
    }

    private static List<UUID> targets(ArticleRequest request) {
        return request.relatedLinks() == null
                ? List.of()
                : request.relatedLinks().stream()
                        .map(RelatedLinkRequest::articleId)
                        .filter(Objects::nonNull)
                        .toList();
    }

    /** Every internal link's target is among the existing articles; a 400 naming the first that is not. */
    private static void requireTargets(List<RelatedLinkRequest> links, Set<UUID> existing) {
        for (int i = 0; links != null && i < links.size(); i++) {
            UUID target = links.get(i).articleId();
            if (target != null && !existing.contains(target)) {
                throw ProblemException.badRequest("relatedLinks[" + i + "].articleId", "no article has this id");
            }
        }
    }

    /** A client-chosen slug: taken by another article is a 409. */
    private String claimSlug(String slug, UUID owner) {
        Optional<Article> holder = articles.findBySlug(slug);
        if (holder.isPresent() && !holder.get().id.equals(owner)) {
            throw ProblemException.conflict("slug", "The slug '" + slug + "' is taken by another article");
        }
        return slug;
    }

    /** The generated slug: the headline's, with the first free -2, -3... suffix on a clash. */
    private String freeSlug(String headline) {
        String base = baseSlug(headline);
        return Slugs.firstFree(base, new HashSet<>(articles.slugsLike(List.of(base))));
    }

    static String baseSlug(String headline) {
        String base = Slugs.slugify(headline);
        return base.isEmpty() ? "article" : base;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
