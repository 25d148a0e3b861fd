package app.newsroom.common.error;

import java.util.Optional;
import java.util.Set;

import org.hibernate.exception.ConstraintViolationException;

/** Finds which unique constraint a failed write hit, anywhere in an exception's causes. */
public final class Constraints {

    private Constraints() {}

    /** Unique indexes whose violation means a generated value lost a race: a retry picks the next one. */
    public static final Set<String> RETRYABLE = Set.of("article_slug_key", "tag_slug_key");

    /** What a write that lost a race with the deletion of an internal link's target is told, and where. */
    public static final String LINK_TARGET_FIELD = "relatedLinks";

    public static final String LINK_TARGET_GONE = "links to an article that was just deleted";

    /** Whether the write failed because an internal link's target was deleted meanwhile (foreign key). */
    public static boolean linkTargetGone(Throwable e) {
        return violated(e)
                .filter(name -> name.startsWith("related_link_target"))
                .isPresent();
    }

    /** An author the write credits was deleted by a concurrent write after the request was checked. */
    public static boolean authorGone(Throwable e) {
        return violated(e)
                .filter(name -> name.startsWith("article_author_author_id"))
                .isPresent();
    }

    public static final String AUTHOR_FIELD = "authors";
    public static final String AUTHOR_GONE = "an author was deleted while the article was written";

    public static Optional<String> violated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return Optional.of(violation.getConstraintName());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }
}
