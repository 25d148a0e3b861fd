package app.newsroom.changes;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The change log for other features (webhooks): the same commit-safe reading as {@code GET /changes}, the latest entry
 * of each article after a position. Call it inside a transaction.
 */
@ApplicationScoped
public class ChangeLog {

    private final ChangeRepository log;

    ChangeLog(ChangeRepository log) {
        this.log = log;
    }

    /** The latest entry of each article changed after the position, in commit-safe order, at most {@code limit}. */
    public List<Entry> after(ChangeCursor position, int limit) {
        long generation = log.purgedThrough().generation();
        return log.after(position, limit).stream()
                .map(e -> new Entry(
                        e.position().at(generation), e.articleId(), e.kind().equals("delete"), e.slug()))
                .toList();
    }

    /** One article's latest change: where it is in the log, and whether the article was deleted. */
    public record Entry(ChangeCursor position, UUID articleId, boolean deleted, String slug) {}
}
