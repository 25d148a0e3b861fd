package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.article.ArticleDtos.SectionCount;
import app.newsroom.common.Ids;
import app.newsroom.common.Slugs;
import app.newsroom.common.error.Constraints;
import app.newsroom.common.error.JsonBody;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.ExpectedVersion;
import app.newsroom.common.http.Page;
import app.newsroom.common.http.PageRequest;
import app.newsroom.tag.TagRepository;
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
    private final ArticleWriter writer;
    private final TagRepository tagRepository;
    private final ObjectMapper mapper;
    private final ArticleMapper forms;
    private final PreviewTokens previews;

    ArticleService(
            ArticleRepository articles,
            ArticleWriter writer,
            TagRepository tagRepository,
            ObjectMapper mapper,
            ArticleMapper forms,
            PreviewTokens previews) {
        this.previews = previews;
        this.forms = forms;
        this.articles = articles;
        this.writer = writer;
        this.tagRepository = tagRepository;
        this.mapper = mapper;
    }

    /** A public article by id or slug: drafts, archived and scheduled articles are not found. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<ArticleView> findPublic(String idOrSlug) {
        Instant now = Instant.now();
        return findAny(idOrSlug).filter(a -> a.isPublicAt(now)).map(a -> view(a, now));
    }

    /** A public or embargoed article by id or slug: for partners. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<ArticleView> findForPartners(String idOrSlug) {
        Instant now = Instant.now();
        return findAny(idOrSlug).filter(a -> a.isForPartnersAt(now)).map(a -> view(a, now));
    }

    /** The article a live preview token shows, by its id or slug, unless killed; none for any other. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Optional<ArticleView> findForPreview(String idOrSlug, String token) {
        Instant now = Instant.now();
        // a kill withdraws an article from everywhere, previews included
        return previews.articleOf(token)
                .flatMap(shown -> findAny(idOrSlug).filter(a -> a.id.equals(shown) && a.status != ArticleStatus.KILLED))
                .map(a -> view(a, now));
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
        return forms(ids, Article::isPublicAt);
    }

    /** The full form of each of these articles that partners may see now (public or embargoed). */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Map<UUID, ArticleDtos.ArticleResponse> partnerForms(Collection<UUID> ids) {
        return forms(ids, Article::isForPartnersAt);
    }

    private Map<UUID, ArticleDtos.ArticleResponse> forms(Collection<UUID> ids, BiPredicate<Article, Instant> visible) {
        Instant now = Instant.now();
        List<UUID> wanted = List.copyOf(new LinkedHashSet<>(ids));
        List<Article> shown = articles.findWithTags(wanted).stream()
                .filter(a -> visible.test(a, now))
                .toList();
        return forms.full(shown, articles.linksOf(shown.stream().map(a -> a.id).toList()), now);
    }

    /** The summary form of each of these articles, whatever its status (callers choose which), in this order. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<ArticleSummary> summariesOf(List<UUID> ids) {
        return articles.summaries(ids, Instant.now(), true);
    }

    /** The reason each of these articles was killed, for those that are killed now. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public Map<UUID, String> killReasons(Collection<UUID> ids) {
        return articles.killReasons(ids);
    }

    /** The newest public articles matching a feed's filters, in full form. */
    @Transactional(Transactional.TxType.SUPPORTS) // reads need no JTA transaction
    public List<ArticleDtos.ArticleResponse> newestPublic(ArticleCriteria criteria, int limit) {
        Optional<List<List<UUID>>> groups = tagIdGroups(criteria);
        if (groups.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = articles.page(criteria, groups.get(), 0, limit, false).ids();
        Map<UUID, ArticleDtos.ArticleResponse> forms =
                criteria.visibility() == ArticleCriteria.Visibility.SYNDICATED ? partnerForms(ids) : publicForms(ids);
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
        return articles.publicSectionCounts();
    }

    public ArticleView create(ArticleRequest request) {
        writer.check(request, null);
        if (request.id() != null) {
            throw ProblemException.badRequest("id", "is assigned by the server; leave it out");
        }
        ArticleWriter.Prepared prepared = ArticleWriter.Prepared.of(request);
        return withRetries(() -> {
            Article article = writer.create(prepared);
            Log.infof("Created article %s (%s)", article.id, article.status);
            return reload(article.id);
        });
    }

    public Optional<ArticleView> replace(UUID id, ArticleRequest request, ExpectedVersion expected) {
        writer.check(request, id);
        if (request.id() != null && !request.id().equals(id)) {
            throw ProblemException.badRequest("id", "must equal the id in the path");
        }
        ArticleWriter.Prepared prepared = ArticleWriter.Prepared.of(request);
        return withRetries(() -> {
            Article article = articles.findById(id);
            if (article == null) {
                return Optional.empty();
            }
            expected.check(view(article, Instant.now()).etag());
            writer.update(article, prepared);
            Log.infof("Updated article %s to version %d", article.id, article.version);
            return Optional.of(reload(id));
        });
    }

    /** JSON merge patch (RFC 7396) on the article's writable form, validated again as a whole after the merge. */
    public Optional<ArticleView> patch(UUID id, String patchJson, ExpectedVersion expected) {
        JsonNode patch = JsonBody.readTree(mapper, patchJson);
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
            ArticleView current = forms.view(article, links, Instant.now());
            expected.check(current.etag());
            JsonNode merged = MergePatch.apply(
                    mapper.valueToTree(ArticleMapper.writableForm(
                            article, links, current.full().authors())),
                    patch);
            ArticleRequest request = JsonBody.treeToValue(mapper, merged, ArticleRequest.class);
            writer.check(request, id);
            writer.update(article, ArticleWriter.Prepared.of(request));
            Log.infof("Patched article %s to version %d", article.id, article.version);
            return Optional.of(reload(id));
        });
    }

    @Transactional
    public boolean delete(UUID id, ExpectedVersion expected) {
        Article article = articles.findById(id);
        if (article == null) {
            return false;
        }
        expected.check(view(article, Instant.now()).etag());
        articles.delete(article);
        articles.flush();
        Log.infof("Deleted article %s", id);
        return true;
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
                if (Constraints.authorGone(e)) {
                    throw ProblemException.badRequest(Constraints.AUTHOR_FIELD, Constraints.AUTHOR_GONE);
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
        return forms.view(article, articles.linksOf(List.of(article.id)).getOrDefault(article.id, List.of()), now);
    }

    private Optional<Article> findAny(String idOrSlug) {
        Optional<UUID> id = Ids.parse(idOrSlug);
        if (id.isPresent()) {
            return articles.findWithTags(List.of(id.get())).stream().findFirst();
        }
        return Slugs.isValid(idOrSlug) ? articles.findBySlug(idOrSlug) : Optional.empty();
    }
}
