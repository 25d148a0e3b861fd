package app.newsroom.article;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ImportDtos.LineResult;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.BodyTooLarge;
import app.newsroom.common.error.Constraints;
import app.newsroom.common.error.JsonBody;
import app.newsroom.common.error.Problem;
import app.newsroom.common.error.ProblemException;
import app.newsroom.tag.TagService;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Bulk upsert by slug from NDJSON. Lines are read as they arrive and checked one by one like POST /articles, then
 * written by the {@link ArticleWriter} in batches, one transaction each, while this thread reads, parses and sanitizes
 * the next ones. Lines are dealt to {@code newsroom.import.writers} lanes by slug family (the slug they give or the
 * headline their slug comes from, without its {@code -2}), so lines that could claim the same slug are in one lane,
 * written in file order, and lanes never race for a slug. New tags are created before each batch in a short
 * transaction of their own, so that no batch waits for another's. A batch that fails is written again line by line,
 * each line in its own transaction, so a bad line never stops the others and is never half-applied.
 */
@ApplicationScoped
class ArticleImporter {

    static final int MAX_LINES = 10_000;
    static final int BATCH = 500;

    private final ArticleWriter writer;
    private final TagService tags;
    private final ObjectMapper mapper;
    private final ManagedExecutor executor;
    private final int writers;
    private final int maxLineChars;

    ArticleImporter(
            ArticleWriter writer,
            TagService tags,
            ObjectMapper mapper,
            ManagedExecutor executor,
            NewsroomConfig config) {
        this.writer = writer;
        this.tags = tags;
        this.mapper = mapper;
        this.executor = executor;
        this.writers = config.importing().writers();
        // a line is one article: no longer than any other body may be
        this.maxLineChars = (int)
                Math.min(Integer.MAX_VALUE - 8, config.limits().maxBodySize().asLongValue());
    }

    private record Line(int number, ArticleWriter.Prepared article) {}

    /** The batch a lane is filling, and the one it is writing. */
    private final class Lane {
        List<Line> batch = new ArrayList<>(BATCH);
        CompletableFuture<List<LineResult>> writing = CompletableFuture.completedFuture(List.of());
    }

    ImportDtos.Report importLines(Reader reader) {
        List<LineResult> results = new ArrayList<>();
        Set<String> createdTags = new HashSet<>();
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < Math.max(1, writers); i++) {
            lanes.add(new Lane());
        }
        int lineNo = 0;
        int accepted = 0;
        BodyTooLarge cutShort = null;
        NdjsonLines lines = new NdjsonLines(reader, maxLineChars);
        try {
            for (NdjsonLines.Line read = lines.next(); read != null; read = lines.next()) {
                lineNo++;
                if (read.tooLong()) {
                    results.add(LineResult.error(
                            lineNo,
                            List.of(new Problem.FieldError(
                                    "(line)", "longer than the " + maxLineChars + " characters a line may have"))));
                    continue;
                }
                String line = read.text();
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
                ArticleRequest request;
                try {
                    request = parse(line);
                } catch (RuntimeException e) {
                    results.add(LineResult.error(lineNo, errors(e)));
                    continue;
                }
                Lane lane = lanes.get(Math.floorMod(slugFamily(request).hashCode(), lanes.size()));
                lane.batch.add(new Line(lineNo, ArticleWriter.Prepared.of(request)));
                if (lane.batch.size() == BATCH) {
                    submit(lane, results, createdTags);
                }
            }
            lanes.forEach(lane -> submit(lane, results, createdTags));
        } catch (BodyTooLarge e) {
            cutShort = e; // the lines read so far are written; nothing after them is read
            lanes.forEach(lane -> submit(lane, results, createdTags));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lanes.forEach(lane -> results.addAll(lane.writing.join()));
        }
        if (!createdTags.isEmpty() && results.stream().anyMatch(r -> r.result().equals("error"))) {
            tags.deleteUnused(createdTags); // tags of lines that failed, which no article has
        }
        results.sort(Comparator.comparingInt(LineResult::line));
        int created =
                (int) results.stream().filter(r -> r.result().equals("created")).count();
        int updated =
                (int) results.stream().filter(r -> r.result().equals("updated")).count();
        int failed = results.size() - created - updated;
        Log.infof("Imported %d lines: %d created, %d updated, %d failed", results.size(), created, updated, failed);
        if (cutShort != null) {
            throw new ProblemException(
                    413,
                    "payload-too-large",
                    "Payload too large",
                    cutShort.getMessage()
                            + (lineNo == 0
                                    ? " No line was complete before the limit; nothing was applied."
                                    : " The " + lineNo + " lines before the limit were processed (" + created
                                            + " created, " + updated + " updated, " + failed
                                            + " failed); nothing after them was read."),
                    List.of(),
                    Map.of("Connection", "close"));
        }
        return new ImportDtos.Report(results, new ImportDtos.Totals(results.size(), created, updated, failed));
    }

    /** Writes the lane's batch once the lane's previous batch is written; the lane starts a new batch. */
    private void submit(Lane lane, List<LineResult> results, Set<String> createdTags) {
        List<Line> batch = lane.batch;
        if (batch.isEmpty()) {
            return;
        }
        lane.batch = new ArrayList<>(BATCH);
        createdTags.addAll(tags.createMissing(batch.stream()
                .map(l -> l.article().request().tags())
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .toList()));
        results.addAll(lane.writing.join());
        lane.writing = CompletableFuture.supplyAsync(() -> write(batch), executor);
    }

    private static final Pattern SUFFIX = Pattern.compile("-\\d+$");

    /** The slug a line gives, or the one its generated slug starts from, without a -2, -3... suffix. */
    private static String slugFamily(ArticleRequest request) {
        String slug = request.slug() != null
                ? SUFFIX.matcher(request.slug()).replaceFirst("")
                : ArticleWriter.baseSlug(request.headline());
        // a generated slug too long for its suffix is cut short: the first 100 characters identify the family
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    /** A line as POST /articles would take it: the same checks, and no id (the import upserts by slug). */
    private ArticleRequest parse(String line) {
        ArticleRequest request = JsonBody.treeToValue(mapper, JsonBody.readTree(mapper, line), ArticleRequest.class);
        writer.check(request, null);
        if (request.id() != null) {
            throw ProblemException.badRequest("id", "is assigned by the server; import upserts by slug");
        }
        return request;
    }

    /** One transaction for the batch; when it fails, each line again on its own. */
    private List<LineResult> write(List<Line> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(batch));
        } catch (RuntimeException batchFailure) {
            Log.debugf(
                    "Import batch of %d failed (%s); writing it line by line", batch.size(), batchFailure.toString());
            List<LineResult> results = new ArrayList<>();
            for (Line line : batch) {
                try {
                    results.addAll(QuarkusTransaction.requiringNew().call(() -> upsert(List.of(line))));
                } catch (RuntimeException e) {
                    results.add(LineResult.error(line.number(), errors(e)));
                }
            }
            return results;
        }
    }

    private List<LineResult> upsert(List<Line> lines) {
        List<ArticleWriter.Written> written =
                writer.upsert(lines.stream().map(Line::article).toList());
        List<LineResult> results = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ArticleWriter.Written w = written.get(i);
            results.add(
                    new LineResult(lines.get(i).number(), w.created() ? "created" : "updated", w.id(), w.slug(), null));
        }
        return results;
    }

    private static List<Problem.FieldError> errors(RuntimeException e) {
        Throwable cause = e instanceof ArticleWriter.LineFailure failure ? failure.problem() : e;
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
        if (Constraints.authorGone(cause)) {
            return List.of(new Problem.FieldError(Constraints.AUTHOR_FIELD, Constraints.AUTHOR_GONE));
        }
        Optional<String> constraint = Constraints.violated(cause);
        if (constraint.isPresent() && Constraints.RETRYABLE.contains(constraint.get())) {
            return List.of(new Problem.FieldError("slug", "conflicts with another article written at the same time"));
        }
        Log.warnf("Import line failed: %s", cause.toString());
        return List.of(new Problem.FieldError("(line)", "could not be stored"));
    }
}
