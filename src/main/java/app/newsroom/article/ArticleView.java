package app.newsroom.article;

import java.time.Instant;
import java.util.List;

import app.newsroom.common.HttpCaching;
import app.newsroom.tag.Tag;

/**
 * An article with its links, as seen at one instant. Its ETag and Last-Modified cover what its public form shows of
 * other rows too (tag names, internal link targets), so a renamed target changes them.
 */
public record ArticleView(Article article, List<RelatedLink> links, Instant now) {

    public String etag() {
        StringBuilder key = new StringBuilder("article|").append(article.id).append('|').append(article.version);
        for (Tag tag : article.tags) {
            key.append("|t:").append(tag.id).append(':').append(tag.version);
        }
        for (RelatedLink link : links) {
            key.append("|l:").append(link.id);
            if (link.target != null) {
                key.append(':').append(link.target.version).append(':').append(link.target.isPublicAt(now));
            }
        }
        return HttpCaching.etagOf(key.toString());
    }

    public Instant lastModified() {
        Instant last = article.updatedAt;
        for (Tag tag : article.tags) {
            last = tag.updatedAt.isAfter(last) ? tag.updatedAt : last;
        }
        for (RelatedLink link : links) {
            if (link.target != null && link.target.updatedAt.isAfter(last)) {
                last = link.target.updatedAt;
            }
        }
        return last;
    }

    public ArticleDtos.ArticleResponse full() {
        return ArticleMapper.full(article, links, now);
    }
}
