package app.newsroom.article;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.author.AuthorDtos.ArticleAuthor;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.http.HttpCaching;
import app.newsroom.tag.Tag;

/**
 * An article as served at one instant, computed inside the reading transaction: its full form, an ETag and
 * Last-Modified that cover what the form shows of other rows too (tag names, authors, internal link targets), so that renaming
 * a linked article changes them, and the cache keys of all of those (every internal link's target counts, shown or
 * not: a scheduled target appears when its time comes).
 */
public record ArticleView(UUID id, ArticleResponse full, String etag, Instant lastModified, Set<String> keys) {

    static ArticleView of(
            Article article, List<RelatedLink> links, List<ArticleAuthor> authors, ArticleResponse full, Instant now) {
        StringBuilder key =
                new StringBuilder("article|").append(article.id).append('|').append(article.version);
        Set<String> keys = new LinkedHashSet<>();
        keys.add(SurrogateKeys.article(article.id));
        Instant last = article.updatedAt;
        for (Tag tag : article.tags) {
            key.append("|t:").append(tag.id).append(':').append(tag.version);
            keys.add(SurrogateKeys.tag(tag.slug));
            last = tag.updatedAt.isAfter(last) ? tag.updatedAt : last;
        }
        for (ArticleAuthor author : authors) { // an author's new bio or portrait changes the article
            key.append("|au:").append(author);
            keys.add(SurrogateKeys.author(author.slug()));
            last = author.updatedAt().isAfter(last) ? author.updatedAt() : last;
        }
        for (RelatedLink link : links) {
            key.append("|l:").append(link.id);
            if (link.target != null) {
                keys.add(SurrogateKeys.article(link.target.id));
                boolean visible = link.target.isPublicAt(now);
                key.append(':').append(link.target.version).append(':').append(visible);
                if (visible && link.target.updatedAt.isAfter(last)) {
                    last = link.target.updatedAt;
                }
            }
        }
        return new ArticleView(article.id, full, HttpCaching.etagOf(key.toString()), last, keys);
    }
}
