package app.newsroom.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.newsroom.common.Times;
import app.newsroom.common.error.ProblemException;
import app.newsroom.common.http.ExpectedVersion;
import io.quarkus.logging.Log;

/**
 * What agencies do to a story after publication: kill it (withdraw it everywhere, for good unless an admin un-kills
 * it) and append corrections. Each is a write like any other: the version moves on, the change log and the caches
 * hear of it, partners are told (a kill as {@code kill}, a correction as {@code article.corrected}).
 */
@ApplicationScoped
class ArticleEditorial {

    private final ArticleRepository articles;
    private final ArticleMapper forms;

    ArticleEditorial(ArticleRepository articles, ArticleMapper forms) {
        this.articles = articles;
        this.forms = forms;
    }

    @Transactional
    Optional<UUID> kill(UUID id, String reason, ExpectedVersion expected) {
        return write(id, expected, article -> {
            if (article.status != ArticleStatus.PUBLISHED) {
                throw ProblemException.conflict(
                        "status",
                        article.status == ArticleStatus.KILLED
                                ? "The article is killed already"
                                : "Only a published article can be killed; this one is " + article.status);
            }
            article.status = ArticleStatus.KILLED;
            article.killedAt = Times.now();
            article.killReason = reason.trim();
            Log.infof("Killed article %s", article.id);
        });
    }

    @Transactional
    Optional<UUID> unkill(UUID id, ExpectedVersion expected) {
        return write(id, expected, article -> {
            if (article.status != ArticleStatus.KILLED) {
                throw ProblemException.conflict("status", "The article is not killed; it is " + article.status);
            }
            article.status = ArticleStatus.DRAFT;
            article.killedAt = null;
            article.killReason = null;
            Log.infof("Un-killed article %s (now a draft)", article.id);
        });
    }

    @Transactional
    Optional<UUID> correct(UUID id, String text, ExpectedVersion expected) {
        return write(id, expected, article -> {
            if (article.status != ArticleStatus.PUBLISHED) {
                throw ProblemException.conflict(
                        "status", "Corrections are for published articles; this one is " + article.status);
            }
            article.corrections.add(new Article.Correction(Times.now(), text.trim()));
            Log.infof("Corrected article %s", article.id);
        });
    }

    private Optional<UUID> write(UUID id, ExpectedVersion expected, Consumer<Article> change) {
        Article article = articles.findById(id);
        if (article == null) {
            return Optional.empty();
        }
        List<RelatedLink> links = articles.linksOf(List.of(id)).getOrDefault(id, List.of());
        expected.check(forms.view(article, links, Instant.now()).etag());
        change.accept(article);
        article.updatedAt = Times.now();
        articles.flush();
        return Optional.of(id);
    }
}
