package app.newsroom.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.Session;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ImportDtos.LineResult;
import app.newsroom.common.Html;
import app.newsroom.common.Ids;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.Times;
import app.newsroom.common.error.Constraints;
import app.newsroom.common.error.JsonBody;
import app.newsroom.common.error.Problem;
import app.newsroom.common.error.ProblemException;
import app.newsroom.tag.Tag;
import app.newsroom.tag.TagService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Bulk upsert by slug from NDJSON. Lines are read as they arrive, validated one by one like POST /articles, and
 * written in batches: one transaction, one slug query, one tag lookup and JDBC-batched inserts per batch. The request
 * thread reads, parses and sanitizes while up to {@code newsroom.import.writers} worker threads write batches, each
 * in its own transaction; batches that share a slug family wait for each other (see {@link Writers}). A batch that
 * fails in the database is replayed line by line, each in its own transaction, so a bad line never stops the others
 * and is never half-applied.
 */
@ApplicationScoped
class ArticleImporter {

    static final int MAX_LINES = 10_000;
    static final int BATCH = 500;

    private final ArticleService service;
    private final ArticleRepository articles;
    private final TagService tags;
    private final ObjectMapper mapper;
    private final ManagedExecutor executor;

    private final int writerCount;

    ArticleImporter(
            ArticleService service,
            ArticleRepository articles,
            TagService tags,
            ObjectMapper mapper,
            ManagedExecutor executor,
            NewsroomConfig config) {
        this.writerCount = config.importing().writers();
        this.executor = executor;
        this.tags = tags;
        this.service = service;
        this.articles = articles;
        this.mapper = mapper;
    }

    private record Pending(int line, ArticleRequest request, Html.Clean body) {}

    ImportDtos.Report importLines(BufferedReader reader) {
        List<LineResult> results = new ArrayList<>();
        List<Pending> batch = new ArrayList<>(BATCH);
        Set<String> keys = new HashSet<>();
        Writers writers = new Writers(results);
        int lineNo = 0;
        int accepted = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (++accepted > MAX_LINES) {
                    results.add(LineResult.error(
                            lineNo,
                            List.of(new Problem.FieldError(
                                    "(line)",
                                    "beyond the " + MAX_LINES
                                            + " lines one import takes; send it in another request"))));
                    continue;
                }
                try {
                    ArticleRequest request =
                            JsonBody.treeToValue(mapper, JsonBody.readTree(mapper, line), ArticleRequest.class);
                    service.check(request);
                    if (request.id() != null) {
                        throw ProblemException.badRequest("id", "is assigned by the server; import upserts by slug");
                    }
                    service.checkLinkShapes(request.relatedLinks(), null);
                    String family = slugFamily(request);
                    batch.add(new Pending(lineNo, request, Html.clean(request.body())));
                    keys.add(family);
                } catch (RuntimeException e) {
                    results.add(LineResult.error(lineNo, errors(e)));
                }
                if (batch.size() == BATCH) {
                    // written by a worker while this thread reads, parses and sanitizes the next batches
                    writers.submit(batch, keys);
                    batch = new ArrayList<>(BATCH);
                    keys = new HashSet<>();
                }
            }
            writers.submit(batch, keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writers.drain();
        }
        results.sort(Comparator.comparingInt(LineResult::line));
        int created =
                (int) results.stream().filter(r -> r.result().equals("created")).count();
        int updated =
                (int) results.stream().filter(r -> r.result().equals("updated")).count();
        int failed = results.size() - created - updated;
        Log.infof("Imported %d lines: %d created, %d updated, %d failed", results.size(), created, updated, failed);
        return new ImportDtos.Report(results, new ImportDtos.Totals(results.size(), created, updated, failed));
    }

    /** A slug and the slugs generated from it ({@code syria-talks}, {@code syria-talks-2}) share one family. */
    private static final Pattern SUFFIX = Pattern.compile("-\\d+$");

    /**
     * What a line could collide on with a line of another batch written at the same time: its slug family (the slug
     * it gives, or the base its generated slug starts from). Batches sharing one are written one after the other, in
     * file order. Its tags are checked here too, as POST /articles would, so that one line cannot fail its batch.
     */
    private static String slugFamily(ArticleRequest request) {
        if (request.tags() != null) {
            TagService.bySlug(request.tags());
        }
        String slug = request.slug() != null
                ? SUFFIX.matcher(request.slug()).replaceFirst("")
                : ArticleService.baseSlug(request.headline());
        // a generated slug too long for its suffix is cut short: the first 100 characters identify the family
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    /**
     * Up to {@code newsroom.import.writers} batches written at once, each on a worker thread in its own transaction.
     * A batch waits for every running batch of a slug family it has, so two batches never race for one slug and
     * lines for the same slug are applied in file order. New tags would make batches wait for each other's commit
     * (a unique index): they are created before the batch starts, in a short transaction of their own, by this one
     * thread; those that end up on no article (every line using them failed) are deleted when the import ends.
     */
    private final class Writers {
        private record Running(Set<String> families, CompletableFuture<List<LineResult>> result) {}

        private final List<LineResult> results;
        private final List<Running> running = new ArrayList<>();
        private final Set<String> createdTags = new HashSet<>();

        Writers(List<LineResult> results) {
            this.results = results;
        }

        void submit(List<Pending> batch, Set<String> families) {
            if (batch.isEmpty()) {
                return;
            }
            createdTags.addAll(tags.createMissing(batch.stream()
                    .map(Pending::request)
                    .filter(r -> r.tags() != null)
                    .flatMap(r -> r.tags().stream())
                    .toList()));
            while (true) {
                collectFinished();
                Running conflicting = running.stream()
                        .filter(r -> !Collections.disjoint(r.families(), families))
                        .findFirst()
                        .orElse(null);
                if (conflicting != null) {
                    conflicting.result().join();
                } else if (running.size() >= Math.max(1, writerCount)) {
                    CompletableFuture.anyOf(
                                    running.stream().map(Running::result).toArray(CompletableFuture[]::new))
                            .join();
                } else {
                    break;
                }
            }
            running.add(new Running(families, CompletableFuture.supplyAsync(() -> write(batch), executor)));
        }

        /** Waits for every running batch; then drops the new tags no line could use. */
        void drain() {
            running.forEach(r -> results.addAll(r.result().join()));
            running.clear();
            if (!createdTags.isEmpty()
                    && results.stream().anyMatch(r -> r.result().equals("error"))) {
                tags.deleteUnused(createdTags);
            }
        }

        private void collectFinished() {
            running.removeIf(r -> {
                if (r.result().isDone()) {
                    results.addAll(r.result().join());
                    return true;
                }
                return false;
            });
        }
    }

    /** One transaction for the batch; when it fails, each line again on its own. */
    private List<LineResult> write(List<Pending> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> apply(batch));
        } catch (RuntimeException batchFailure) {
            Log.debugf("Import batch of %d failed (%s); replaying line by line", batch.size(), batchFailure.toString());
            List<LineResult> results = new ArrayList<>();
            for (Pending p : batch) {
                try {
                    results.addAll(QuarkusTransaction.requiringNew().call(() -> apply(List.of(p))));
                } catch (RuntimeException e) {
                    results.add(LineResult.error(p.line(), errors(e)));
                }
            }
            return results;
        }
    }

    private List<LineResult> apply(List<Pending> batch) {
        Set<String> given = new HashSet<>();
        Set<String> bases = new HashSet<>();
        Set<UUID> targets = new HashSet<>();
        for (Pending p : batch) {
            if (p.request().slug() != null) {
                given.add(p.request().slug());
            } else {
                bases.add(ArticleService.baseSlug(p.request().headline()));
            }
            if (p.request().relatedLinks() != null) {
                p.request().relatedLinks().stream()
                        .map(ArticleDtos.RelatedLinkRequest::articleId)
                        .filter(Objects::nonNull)
                        .forEach(targets::add);
            }
        }
        Map<String, Article> bySlug = new HashMap<>();
        articles.findBySlugs(given).forEach(a -> bySlug.put(a.slug, a));
        Set<String> taken = new HashSet<>(bases.isEmpty() ? List.of() : articles.slugsLike(bases));
        taken.addAll(bySlug.keySet());
        Set<UUID> existingTargets = articles.existing(targets);
        // every tag of the batch in one lookup; then no query runs in the loop, and nothing needs flushing before the
        // end
        Map<String, Tag> knownTags = new HashMap<>();
        tags.resolveOrCreate(
                batch.stream()
                        .map(Pending::request)
                        .filter(r -> r.tags() != null)
                        .flatMap(r -> r.tags().stream())
                        .distinct()
                        .toList(),
                knownTags);
        articles.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        List<LineResult> results = new ArrayList<>(batch.size());
        Map<UUID, Article> freshArticles = new LinkedHashMap<>();
        Map<UUID, List<ArticleDtos.RelatedLinkRequest>> freshLinks = new HashMap<>();
        Set<UUID> firstSeen = new HashSet<>();
        for (Pending p : batch) {
            ArticleRequest r = p.request();
            try {
                ArticleService.checkTargetsExist(r.relatedLinks(), existingTargets);
            } catch (ProblemException e) {
                throw new LineFailure(p.line(), e);
            }
            Article article = r.slug() == null ? null : bySlug.get(r.slug());
            boolean fresh = article == null || freshArticles.containsKey(article.id);
            if (article == null) {
                article = new Article();
                article.id = Ids.newId();
                article.createdAt = Times.now();
                article.version = 1;
                article.slug = r.slug() != null
                        ? r.slug()
                        : ArticleService.firstFree(ArticleService.baseSlug(r.headline()), taken);
                taken.add(article.slug);
                bySlug.put(article.slug, article);
            }
            if (r.relatedLinks() != null) {
                for (int i = 0; i < r.relatedLinks().size(); i++) {
                    if (article.id.equals(r.relatedLinks().get(i).articleId())) {
                        throw new LineFailure(
                                p.line(),
                                ProblemException.badRequest(
                                        "relatedLinks[" + i + "].articleId", "an article cannot link to itself"));
                    }
                }
            }
            service.apply(article, r, knownTags, p.body());
            if (fresh) {
                // new articles are inserted in JDBC batches below, in their final state within the batch
                freshLinks.put(article.id, r.relatedLinks() == null ? List.of() : r.relatedLinks());
                freshArticles.put(article.id, article);
            } else {
                if (!firstSeen.add(article.id)) {
                    articles.flush(); // a second update of the same article in one batch: write the first one out
                }
                service.replaceLinks(article, r.relatedLinks(), false);
            }
            results.add(new LineResult(
                    p.line(),
                    fresh && firstSeen.add(article.id) ? "created" : "updated",
                    article.id,
                    article.slug,
                    null));
        }
        articles.flush(); // new tags and updated articles, before the new rows that refer to them
        insert(new ArrayList<>(freshArticles.values()), freshLinks);
        return results;
    }

    /** New articles with their tags and links as multi-row INSERTs (JDBC batches, rewritten by the driver). */
    private void insert(List<Article> fresh, Map<UUID, List<ArticleDtos.RelatedLinkRequest>> links) {
        if (fresh.isEmpty()) {
            return;
        }
        articles.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var article = connection.prepareStatement("""
                    INSERT INTO article (id, slug, headline, standfirst, body, body_text, byline, section, language,
                                         status, published_at, created_at, updated_at, version, word_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    var tag =
                            connection.prepareStatement("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)");
                    var link = connection.prepareStatement("""
                            INSERT INTO related_link (id, article_id, position, title, url, target_article_id)
                            VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (Article a : fresh) {
                    article.setObject(1, a.id);
                    article.setString(2, a.slug);
                    article.setString(3, a.headline);
                    article.setString(4, a.standfirst);
                    article.setString(5, a.body);
                    article.setString(6, a.bodyText);
                    article.setString(7, a.byline);
                    article.setString(8, a.section);
                    article.setString(9, a.language);
                    article.setString(10, a.status.toString());
                    article.setObject(11, a.publishedAt == null ? null : a.publishedAt.atOffset(ZoneOffset.UTC));
                    article.setObject(12, a.createdAt.atOffset(ZoneOffset.UTC));
                    article.setObject(13, a.updatedAt.atOffset(ZoneOffset.UTC));
                    article.setLong(14, a.version);
                    article.setInt(15, a.wordCount);
                    article.addBatch();
                    for (Tag t : a.tags) {
                        tag.setObject(1, a.id);
                        tag.setObject(2, t.id);
                        tag.addBatch();
                    }
                    short position = 0;
                    for (ArticleDtos.RelatedLinkRequest l : links.get(a.id)) {
                        link.setObject(1, Ids.newId());
                        link.setObject(2, a.id);
                        link.setShort(3, position++);
                        link.setString(4, l.articleId() == null ? l.title().trim() : null);
                        link.setString(5, l.articleId() == null ? l.url().trim() : null);
                        link.setObject(6, l.articleId());
                        link.addBatch();
                    }
                }
                article.executeBatch();
                tag.executeBatch();
                link.executeBatch();
            }
        });
    }

    private static List<Problem.FieldError> errors(RuntimeException e) {
        Throwable cause = e instanceof LineFailure failure ? failure.getCause() : e;
        if (cause instanceof ProblemException problem) {
            return problem.errors().isEmpty()
                    ? List.of(new Problem.FieldError("(line)", problem.getMessage()))
                    : problem.errors();
        }
        if (cause instanceof JsonBody.Invalid invalid) {
            return JsonBody.errors(invalid);
        }
        if (Constraints.linkTargetGone(cause)) {
            return List.of(new Problem.FieldError(Constraints.LINK_TARGET_FIELD, Constraints.LINK_TARGET_GONE));
        }
        Optional<String> constraint = Constraints.violated(cause);
        if (constraint.isPresent() && Constraints.RETRYABLE.contains(constraint.get())) {
            return List.of(new Problem.FieldError("slug", "conflicts with another article written at the same time"));
        }
        Log.warnf("Import line failed: %s", cause.toString());
        return List.of(new Problem.FieldError("(line)", "could not be stored"));
    }

    /** A line that cannot be applied; it fails its batch, which is then replayed line by line. */
    private static final class LineFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LineFailure(int line, ProblemException cause) {
            super("line " + line, cause, false, false);
        }
    }
}
