package app.newsroom.article;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ImportDtos.LineResult;
import app.newsroom.common.Constraints;
import app.newsroom.common.Ids;
import app.newsroom.common.JsonBody;
import app.newsroom.common.Problem;
import app.newsroom.common.ProblemException;
import app.newsroom.common.Times;
import app.newsroom.tag.Tag;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Bulk upsert by slug from NDJSON. Lines are read as they arrive, validated one by one like POST /articles, and
 * written in batches: one transaction, one slug query, one tag lookup and JDBC-batched inserts per batch, each batch
 * written on a worker thread while the request thread reads, parses and sanitizes the next one. A batch
 * that fails in the database is replayed line by line, each in its own transaction, so a bad line never stops the
 * others and is never half-applied.
 */
@ApplicationScoped
class ArticleImporter {

    static final int MAX_LINES = 10_000;
    static final int BATCH = 500;

    private final ArticleService service;
    private final ArticleRepository articles;
    private final app.newsroom.tag.TagService tags;
    private final ObjectMapper mapper;
    private final ManagedExecutor executor;

    ArticleImporter(ArticleService service, ArticleRepository articles, app.newsroom.tag.TagService tags,
            ObjectMapper mapper, ManagedExecutor executor) {
        this.executor = executor;
        this.tags = tags;
        this.service = service;
        this.articles = articles;
        this.mapper = mapper;
    }

    private record Pending(int line, ArticleRequest request, app.newsroom.common.Html.Clean body) {
    }

    ImportDtos.Report importLines(BufferedReader reader) {
        List<LineResult> results = new ArrayList<>();
        List<Pending> batch = new ArrayList<>(BATCH);
        // one batch is written at a time: concurrent writers race on new tags and generated slugs (tried: slower)
        CompletableFuture<List<LineResult>> writing = CompletableFuture.completedFuture(List.of());
        int lineNo = 0;
        int accepted = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                if (++accepted > MAX_LINES) {
                    results.add(LineResult.error(lineNo, List.of(new Problem.FieldError("(line)",
                            "beyond the " + MAX_LINES + " lines one import takes; send it in another request"))));
                    continue;
                }
                try {
                    ArticleRequest request = JsonBody.treeToValue(mapper, JsonBody.readTree(mapper, line),
                            ArticleRequest.class);
                    service.check(request);
                    if (request.id() != null) {
                        throw ProblemException.badRequest("id", "is assigned by the server; import upserts by slug");
                    }
                    service.checkLinkShapes(request.relatedLinks(), null);
                    batch.add(new Pending(lineNo, request, app.newsroom.common.Html.clean(request.body())));
                } catch (RuntimeException e) {
                    results.add(LineResult.error(lineNo, errors(e)));
                }
                if (batch.size() == BATCH) {
                    // the worker writes this batch while this thread reads, parses and sanitizes the next one
                    results.addAll(writing.join());
                    List<Pending> full = batch;
                    writing = CompletableFuture.supplyAsync(() -> write(full), executor);
                    batch = new ArrayList<>(BATCH);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            results.addAll(writing.join());
        }
        results.addAll(write(batch));
        results.sort(Comparator.comparingInt(LineResult::line));
        int created = (int) results.stream().filter(r -> r.result().equals("created")).count();
        int updated = (int) results.stream().filter(r -> r.result().equals("updated")).count();
        int failed = results.size() - created - updated;
        Log.infof("Imported %d lines: %d created, %d updated, %d failed", results.size(), created, updated, failed);
        return new ImportDtos.Report(results, new ImportDtos.Totals(results.size(), created, updated, failed));
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
                p.request().relatedLinks().stream().map(ArticleDtos.RelatedLinkRequest::articleId)
                        .filter(java.util.Objects::nonNull).forEach(targets::add);
            }
        }
        Map<String, Article> bySlug = new HashMap<>();
        articles.findBySlugs(given).forEach(a -> bySlug.put(a.slug, a));
        Set<String> taken = new HashSet<>(bases.isEmpty() ? List.of() : articles.slugsLike(bases));
        taken.addAll(bySlug.keySet());
        Set<UUID> existingTargets = articles.existing(targets);
        // every tag of the batch in one lookup; then no query runs in the loop, and nothing needs flushing before the end
        Map<String, Tag> knownTags = new HashMap<>();
        tags.resolveOrCreate(batch.stream().map(Pending::request).filter(r -> r.tags() != null)
                .flatMap(r -> r.tags().stream()).distinct().toList(), knownTags);
        articles.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        List<LineResult> results = new ArrayList<>(batch.size());
        Map<UUID, Article> freshArticles = new java.util.LinkedHashMap<>();
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
                article.slug = r.slug() != null ? r.slug()
                        : ArticleService.firstFree(ArticleService.baseSlug(r.headline()), taken);
                taken.add(article.slug);
                bySlug.put(article.slug, article);
            }
            if (r.relatedLinks() != null) {
                for (int i = 0; i < r.relatedLinks().size(); i++) {
                    if (article.id.equals(r.relatedLinks().get(i).articleId())) {
                        throw new LineFailure(p.line(), ProblemException.badRequest(
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
            results.add(new LineResult(p.line(), fresh && firstSeen.add(article.id) ? "created" : "updated",
                    article.id, article.slug, null));
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
        articles.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var article = connection.prepareStatement("""
                    INSERT INTO article (id, slug, headline, standfirst, body, body_text, byline, section, language,
                                         status, published_at, created_at, updated_at, version, word_count)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
                    var tag = connection.prepareStatement("INSERT INTO article_tag (article_id, tag_id) VALUES (?, ?)");
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
                    article.setObject(11, a.publishedAt == null ? null : a.publishedAt.atOffset(java.time.ZoneOffset.UTC));
                    article.setObject(12, a.createdAt.atOffset(java.time.ZoneOffset.UTC));
                    article.setObject(13, a.updatedAt.atOffset(java.time.ZoneOffset.UTC));
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
            return problem.errors().isEmpty() ? List.of(new Problem.FieldError("(line)", problem.getMessage()))
                    : problem.errors();
        }
        if (cause instanceof JsonBody.Invalid invalid) {
            return JsonBody.errors(invalid);
        }
        if (Constraints.linkTargetGone(cause)) {
            return List.of(new Problem.FieldError(Constraints.LINK_TARGET_FIELD, Constraints.LINK_TARGET_GONE));
        }
        java.util.Optional<String> constraint = Constraints.violated(cause);
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
