package app.newsroom.changes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.ArticleService;
import app.newsroom.changes.ChangeDtos.Change;
import app.newsroom.changes.ChangeDtos.ChangePage;
import app.newsroom.common.error.ProblemException;

/**
 * Incremental sync. Each entry is served with the article's state at read time: an upsert carries its current public
 * form, a killed article is a kill (remove it, with the reason), and any other article that is not public now
 * (deleted, unpublished, scheduled for later) is a delete. Entries that a
 * slow transaction commits late sort after the cursor (see V4__change_log.sql), so none is skipped or repeated.
 */
@ApplicationScoped
class ChangeService {

    private final ChangeRepository log;
    private final ArticleService articles;

    ChangeService(ChangeRepository log, ArticleService articles) {
        this.log = log;
        this.articles = articles;
    }

    @Transactional
    ChangePage since(String since, int limit, boolean partner) {
        ChangeCursor cursor = ChangeCursor.decode(since);
        // one snapshot for the retention check and the read, so a purge between them cannot slip through
        log.repeatableRead();
        ChangeCursor purged = log.purgedThrough();
        // a deletion purged after this cursor was issued, and positioned after it, may have been missed
        if (since != null
                && !since.isBlank()
                && cursor.generation() < purged.generation()
                && cursor.isBefore(purged.txid(), purged.seq())) {
            throw new ProblemException(
                    410,
                    "cursor-expired",
                    "Cursor expired",
                    "This cursor is older than the retained change log; resync from the beginning (omit 'since').",
                    null);
        }
        List<ChangeRepository.Entry> entries = log.after(cursor, limit + 1);
        boolean hasMore = entries.size() > limit;
        if (hasMore) {
            entries = entries.subList(0, limit);
        }
        // partners hold embargoed articles too, marked with their embargo
        Map<UUID, ArticleResponse> forms = new HashMap<>(articles.partnerForms(entries.stream()
                .filter(e -> e.kind().equals("change"))
                .map(ChangeRepository.Entry::articleId)
                .toList()));
        if (partner) { // what partners may not republish is, for them, gone
            forms.values().removeIf(form -> !form.syndication().allowed());
        }
        Map<UUID, String> killed = articles.killReasons(entries.stream()
                .filter(e -> e.kind().equals("change") && !forms.containsKey(e.articleId()))
                .map(ChangeRepository.Entry::articleId)
                .toList());
        List<Change> changes = new ArrayList<>(entries.size());
        for (ChangeRepository.Entry e : entries) {
            ArticleResponse form = e.kind().equals("change") ? forms.get(e.articleId()) : null;
            String reason = e.kind().equals("change") ? killed.get(e.articleId()) : null;
            changes.add(
                    form != null
                            ? new Change("upsert", e.articleId(), e.slug(), e.at(), form, null)
                            : reason != null
                                    ? new Change("kill", e.articleId(), e.slug(), e.at(), null, reason)
                                    : new Change("delete", e.articleId(), e.slug(), e.at(), null, null));
        }
        ChangeCursor next =
                (entries.isEmpty() ? cursor : entries.get(entries.size() - 1).position()).at(purged.generation());
        return new ChangePage(changes, next.encode(), hasMore);
    }

    @Transactional
    int releaseScheduled() {
        return log.releaseScheduled();
    }

    @Transactional
    int purge(Instant olderThan) {
        return log.purge(olderThan);
    }
}
