package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.article.ArticleDtos.RelatedLinkRequest;
import app.newsroom.article.ArticleDtos.SectionCount;
import app.newsroom.common.Html;
import app.newsroom.common.Ids;
import app.newsroom.common.Slugs;
import app.newsroom.common.Times;
import app.newsroom.common.error.Constraints;
import app.newsroom.common.error.JsonBody;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.error.Validation;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.common.http.QueryParams;
import app.newsroom.tag.Tag;
import app.newsroom.tag.TagRepository;
import app.newsroom.tag.TagService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Articles: reads for the public, and writes that keep slugs unique under concurrency (the unique index decides; a
 * generated slug that loses a race is retried with the next suffix), sanitize HTML, and version every change.
 */
@ApplicationScoped
public class ArticleService {

    /** Each round of a race has one winner, so N concurrent writers of the same slug need up to N attempts. */
    private static final int WRITE_ATTEMPTS = 12;

    private final ArticleRepository articles;
    private final TagRepository tagRepository;
    private final TagService tags;
    private final Validation validation;
    private final ObjectMapper mapper;

    ArticleService(
            ArticleRepository articles,
            TagRepository tagRepository,
            TagService tags,
            Validation validation,
            ObjectMapper mapper) {
        this.articles = articles;
        this.tagRepository = tagRepository;
        this.tags = tags;
        this.validation = validation;
        this.mapper = mapper;
    }

    /** A public article by id or slug: drafts, archived and scheduled articles are not found. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<ArticleView> findPublic(String idOrSlug) {
        Instant now = Instant.now();
        return findAny(idOrSlug).filter(a -> a.isPublicAt(now)).map(a -> view(a, now));
    }

    /** Any article by id or slug, whatever its status: for editors. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<ArticleView> findAnyStatus(String idOrSlug) {
        Instant now = Instant.now();
        return findAny(idOrSlug).map(a -> view(a, now));
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Page<ArticleSummary> list(ArticleCriteria criteria, PageRequest page) {
        Optional<List<List<UUID>>> groups = tagIdGroups(criteria);
        if (groups.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        ArticleRepository.PageOfIds ids = articles.page(criteria, groups.get(), page.offset(), page.size(), true);
        // the page query already chose what this caller may see (drafts for editors)
        List<ArticleSummary> items = articles.summaries(ids.ids(), Instant.now(), true);
        return Page.of(items, page, ids.total());
    }

    /** The summary form of each of these articles that the public may see now, in the order given; one pass. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<ArticleSummary> publicSummaries(List<UUID> ids) {
        return articles.summaries(ids, Instant.now(), false);
    }

    /** The full public form of each of these articles that the public may see now; the others are absent. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Map<UUID, ArticleDtos.ArticleResponse> publicForms(Collection<UUID> ids) {
        Instant now = Instant.now();
        List<UUID> wanted = List.copyOf(new LinkedHashSet<>(ids));
        Map<UUID, List<RelatedLink>> links = articles.linksOf(wanted);
        Map<UUID, ArticleDtos.ArticleResponse> forms = new HashMap<>();
        for (Article a : articles.findWithTags(wanted)) {
            if (a.isPublicAt(now)) {
                forms.put(a.id, ArticleMapper.full(a, links.getOrDefault(a.id, List.of()), now));
            }
        }
        return forms;
    }

    /** The newest public articles matching a feed's filters, in full form. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<ArticleDtos.ArticleResponse> newestPublic(ArticleCriteria criteria, int limit) {
        Optional<List<List<UUID>>> groups = tagIdGroups(criteria);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = articles.page(criteria, groups.get(), 0, limit, false).ids();
        Map<UUID, ArticleDtos.ArticleResponse> forms = publicForms(ids);
        return ids.stream().map(forms::get).filter(Objects::nonNull).toList();
    }

    /**
     * The tag filter with slugs resolved to ids (one query), or empty when a group names no existing tag, so that
     * nothing can match.
     */
    public Optional<List<List<UUID>>> tagIdGroups(ArticleCriteria criteria) {
        List<List<UUID>> groups = new ArrayList<>();
        if (criteria.tagGroups().isEmpty()) {
            return Optional.of(groups);
        }
        Set<String> slugs = new HashSet<>();
        criteria.tagGroups().forEach(slugs::addAll);
        Map<String, UUID> ids = new HashMap<>();
        tagRepository.findBySlugs(slugs).forEach(t -> ids.put(t.slug, t.id));
        for (List<String> group : criteria.tagGroups()) {
            List<UUID> resolved =
                    group.stream().map(ids::get).filter(Objects::nonNull).toList();
            if (resolved.isEmpty()) {
                return Optional.empty();
            }
            groups.add(resolved);
        }
        return Optional.of(groups);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<SectionCount> sections() {
        return articles.publicSectionCounts().stream()
                .map(row -> new SectionCount((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    public ArticleView create(ArticleRequest request) {
        check(request);
        if (request.id() != null) {
            throw ProblemException.badRequest("id", "is assigned by the server; leave it out");
        }
        checkLinks(request.relatedLinks(), null);
        return withRetries(() -> {
            Article article = new Article();
            article.id = Ids.newId();
            article.createdAt = Times.now();
            article.version = 1;
            article.slug = request.slug() != null ? claimSlug(request.slug(), null) : freeSlug(request.headline());
            apply(article, request, new HashMap<>());
            articles.persist(article);
            replaceLinks(article, request.relatedLinks(), true);
            articles.flush();
            Log.infof("Created article %s (%s)", article.id, article.status);
            return reload(article.id);
        });
    }

    public Optional<ArticleView> replace(UUID id, ArticleRequest request, HttpHeaders headers) {
        check(request);
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.badRequest("id", "must equal the id in the path");
        }
        checkLinks(request.relatedLinks(), id);
        return withRetries(() -> {
            Article article = articles.findById(id);
            if (article == null) {
                return Optional.empty();
            }
            HttpCaching.checkIfMatch(headers, view(article, Instant.now()).etag());
            update(article, request);
            return Optional.of(reload(id));
        });
    }

    /** JSON merge patch (RFC 7396) on the article's writable form, validated again as a whole after the merge. */
    public Optional<ArticleView> patch(UUID id, String patchJson, HttpHeaders headers) {
        JsonNode patch = parse(patchJson);
        if (!patch.isObject()) {
            throw ProblemException.badRequest("(body)", "a merge patch must be a JSON object");
        }
        if (patch.hasNonNull("id") && !patch.get("id").asText().equals(id.toString())) {
            throw ProblemException.badRequest("id", "must equal the id in the path");
        }
        return withRetries(() -> {
            Article article = articles.findById(id);
            if (article == null) {
                return Optional.empty();
            }
            List<RelatedLink> links = articles.linksOf(List.of(id)).getOrDefault(id, List.of());
            HttpCaching.checkIfMatch(
                    headers, ArticleView.of(article, links, Instant.now()).etag());
            JsonNode merged = MergePatch.apply(mapper.valueToTree(ArticleMapper.writableForm(article, links)), patch);
            ArticleRequest request = toRequest(merged);
            check(request);
            checkLinks(request.relatedLinks(), id);
            update(article, request);
            return Optional.of(reload(id));
        });
    }

    @Transactional
    public boolean delete(UUID id, HttpHeaders headers) {
        Article article = articles.findById(id);
        if (article == null) {
            return false;
        }
        HttpCaching.checkIfMatch(headers, view(article, Instant.now()).etag());
        articles.delete(article);
        articles.flush();
        Log.infof("Deleted article %s", id);
        return true;
    }

    private void update(Article article, ArticleRequest request) {
        if (request.slug() != null && !request.slug().equals(article.slug)) {
            article.slug = claimSlug(request.slug(), article.id);
        }
        apply(article, request, new HashMap<>());
        replaceLinks(article, request.relatedLinks(), false);
        articles.flush();
        Log.infof("Updated article %s to version %d", article.id, article.version);
    }

    /** Writes a request into the entity; {@code knownTags} is shared by the writes of one batch. */
    void apply(Article article, ArticleRequest request, Map<String, Tag> knownTags) {
        apply(article, request, knownTags, Html.clean(request.body()));
    }

    /** The same, with the body already sanitized (the import does that while the previous batch is written). */
    void apply(Article article, ArticleRequest request, Map<String, Tag> knownTags, Html.Clean body) {
        // resolve tags before touching the entity: a query after a change would flush it early (a second version)
        List<Tag> resolved = tags.resolveOrCreate(request.tags(), knownTags);
        article.headline = request.headline().trim();
        article.standfirst = blankToNull(request.standfirst());
        article.body = body.html();
        article.bodyText = body.text();
        article.wordCount = Html.wordCount(article.bodyText);
        article.byline = blankToNull(request.byline());
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

    void replaceLinks(Article article, List<RelatedLinkRequest> requested, boolean fresh) {
        if (!fresh) {
            articles.deleteLinksOf(article.id);
        }
        if (requested == null) {
            return;
        }
        short position = 0;
        for (RelatedLinkRequest r : requested) {
            RelatedLink link = new RelatedLink();
            link.id = Ids.newId();
            link.article = article;
            link.position = position++;
            if (r.articleId() != null) {
                link.target = articles.getEntityManager().getReference(Article.class, r.articleId());
            } else {
                link.title = r.title().trim();
                link.url = r.url().trim();
            }
            articles.getEntityManager().persist(link);
        }
    }

    /** Bean Validation, then the rules no annotation expresses. */
    void check(ArticleRequest request) {
        validation.check(request);
        if (request.publishedAt() != null
                && !QueryParams.inRange(request.publishedAt().toInstant())) {
            throw ProblemException.badRequest("publishedAt", "must be between the years 1 and 9999");
        }
    }

    /** Cross-field rules of related links; internal targets must exist and not be the article itself. */
    private void checkLinks(List<RelatedLinkRequest> links, UUID self) {
        List<UUID> targets = checkLinkShapes(links, self);
        if (!targets.isEmpty()) {
            checkTargetsExist(links, QuarkusTransaction.joiningExisting().call(() -> articles.existing(targets)));
        }
    }

    /** Every internal link's target is among the existing articles; a 400 naming the first that is not. */
    static void checkTargetsExist(List<RelatedLinkRequest> links, Set<UUID> existing) {
        for (int i = 0; links != null && i < links.size(); i++) {
            UUID target = links.get(i).articleId();
            if (target != null && !existing.contains(target)) {
                throw ProblemException.badRequest("relatedLinks[" + i + "].articleId", "no article has this id");
            }
        }
    }

    /** The rules of related links that need no database; answers the internal targets. */
    List<UUID> checkLinkShapes(List<RelatedLinkRequest> links, UUID self) {
        List<UUID> targets = new ArrayList<>();
        if (links == null) {
            return targets;
        }
        for (int i = 0; i < links.size(); i++) {
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
                targets.add(link.articleId());
                continue;
            }
            if (link.title() == null || link.title().isBlank()) {
                throw ProblemException.badRequest(at + ".title", "must not be blank for an external link");
            }
            if (!ExternalUrls.isHttp(link.url())) {
                throw ProblemException.badRequest(at + ".url", "must be an absolute http or https URL");
            }
        }
        return targets;
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
        return firstFree(base, new HashSet<>(articles.slugsLike(List.of(base))));
    }

    static String baseSlug(String headline) {
        String base = Slugs.slugify(headline);
        return base.isEmpty() ? "article" : base;
    }

    static String firstFree(String base, Set<String> taken) {
        for (int n = 1; ; n++) {
            String candidate = Slugs.withSuffix(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * Runs a write in its own transaction, again when it lost a race on a unique index for something it generated (a
     * slug with its suffix, a new tag): the next attempt sees the winner's row and picks the next free value. A
     * client-chosen slug that is taken is a 409 at once.
     */
    private <T> T withRetries(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(write::get);
            } catch (RuntimeException e) {
                if (Constraints.linkTargetGone(e)) {
                    throw ProblemException.badRequest(Constraints.LINK_TARGET_FIELD, Constraints.LINK_TARGET_GONE);
                }
                Optional<String> constraint = Constraints.violated(e);
                if (constraint.isEmpty() || !Constraints.RETRYABLE.contains(constraint.get())) {
                    throw e;
                }
                if (attempt >= WRITE_ATTEMPTS) {
                    throw ProblemException.conflict(null, "Too many concurrent writes of the same slug; retry");
                }
                Log.debugf("Write lost a race on %s, attempt %d", constraint.get(), attempt);
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 * attempt + 2));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private ArticleView reload(UUID id) {
        articles.getEntityManager().clear();
        Article article = articles.findWithTags(List.of(id)).get(0);
        return view(article, Instant.now());
    }

    private ArticleView view(Article article, Instant now) {
        return ArticleView.of(article, articles.linksOf(List.of(article.id)).getOrDefault(article.id, List.of()), now);
    }

    private Optional<Article> findAny(String idOrSlug) {
        Optional<UUID> id = Ids.parse(idOrSlug);
        if (id.isPresent()) {
            return articles.findWithTags(List.of(id.get())).stream().findFirst();
        }
        return Slugs.isValid(idOrSlug) ? articles.findBySlug(idOrSlug) : Optional.empty();
    }

    private JsonNode parse(String json) {
        return JsonBody.readTree(mapper, json);
    }

    private ArticleRequest toRequest(JsonNode merged) {
        return JsonBody.treeToValue(mapper, merged, ArticleRequest.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
