package app.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.newsroom.article.ArticleDtos.ArticleRef;
import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.ArticleDtos.RelatedLinkResponse;
import app.newsroom.author.AuthorDtos.ArticleAuthor;
import app.newsroom.author.AuthorService;
import app.newsroom.image.Images;
import app.newsroom.tag.TagDtos.TagRef;

/**
 * Entities to the full form (summaries are read as a projection: {@link ArticleRepository#summaries}). Internal links to
 * articles the public cannot see are left out.
 */
@ApplicationScoped
class ArticleMapper {

    private final Images images;
    private final AuthorService authors;

    ArticleMapper(Images images, AuthorService authors) {
        this.images = images;
        this.authors = authors;
    }

    /** The article as served now, with its authors (one query) and its validators. */
    ArticleView view(Article article, List<RelatedLink> links, Instant now) {
        List<ArticleAuthor> credited = authors.authorsOf(List.of(article.id)).getOrDefault(article.id, List.of());
        return ArticleView.of(article, links, credited, full(article, links, credited, now), now);
    }

    /** The full forms of these articles, their authors read in one query. */
    Map<UUID, ArticleResponse> full(List<Article> articles, Map<UUID, List<RelatedLink>> links, Instant now) {
        Map<UUID, List<ArticleAuthor>> credited =
                authors.authorsOf(articles.stream().map(a -> a.id).toList());
        Map<UUID, ArticleResponse> out = new HashMap<>();
        for (Article a : articles) {
            out.put(a.id, full(a, links.getOrDefault(a.id, List.of()), credited.getOrDefault(a.id, List.of()), now));
        }
        return out;
    }

    /** The byline shown: the article's own, else its authors' names ("A", "A and B", "A, B and C"). */
    static String byline(String own, List<String> authorNames) {
        if (own != null || authorNames.isEmpty()) {
            return own;
        }
        if (authorNames.size() == 1) {
            return authorNames.get(0);
        }
        return String.join(", ", authorNames.subList(0, authorNames.size() - 1)) + " and "
                + authorNames.get(authorNames.size() - 1);
    }

    ArticleResponse full(Article a, List<RelatedLink> links, List<ArticleAuthor> credited, Instant now) {
        return new ArticleResponse(
                a.id,
                a.slug,
                a.headline,
                a.standfirst,
                a.body,
                byline(a.byline, credited.stream().map(ArticleAuthor::name).toList()),
                a.section,
                a.language,
                a.status,
                a.publishedAt,
                a.createdAt,
                a.updatedAt,
                a.version,
                a.wordCount,
                tags(a),
                links(links, now),
                a.corrections.stream()
                        .map(c -> new ArticleDtos.CorrectionResponse(c.at, c.text))
                        .toList(),
                syndication(a),
                a.killReason,
                a.killedAt,
                a.embargoedUntil,
                images.served(a.mainImage),
                credited);
    }

    static ArticleDtos.Syndication syndication(Article a) {
        return new ArticleDtos.Syndication(
                a.syndicationAllowed,
                a.syndicationTerritories == null ? List.of() : List.of(a.syndicationTerritories.split(",")),
                a.syndicationNote);
    }

    /** The article as a client would write it: the target of a JSON merge patch. */
    static Map<String, Object> writableForm(Article a, List<RelatedLink> links, List<ArticleAuthor> credited) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("slug", a.slug);
        form.put("headline", a.headline);
        form.put("standfirst", a.standfirst);
        form.put("body", a.body);
        form.put("byline", a.byline);
        form.put("section", a.section);
        form.put("language", a.language);
        form.put("status", a.status.toString());
        form.put("publishedAt", a.publishedAt == null ? null : a.publishedAt.toString());
        form.put("tags", a.tags.stream().map(t -> t.slug).toList());
        Map<String, Object> syndication = new LinkedHashMap<>();
        syndication.put("allowed", a.syndicationAllowed);
        syndication.put("territories", syndication(a).territories());
        syndication.put("note", a.syndicationNote);
        form.put("syndication", syndication);
        form.put("embargoedUntil", a.embargoedUntil == null ? null : a.embargoedUntil.toString());
        form.put("mainImage", Images.written(a.mainImage));
        form.put("authors", credited.stream().map(ArticleAuthor::slug).toList());
        List<Map<String, Object>> written = new ArrayList<>();
        for (RelatedLink link : links) {
            Map<String, Object> l = new LinkedHashMap<>();
            if (link.target != null) {
                l.put("articleId", link.target.id.toString());
            } else {
                l.put("title", link.title);
                l.put("url", link.url);
            }
            written.add(l);
        }
        form.put("relatedLinks", written);
        form.values().removeIf(Objects::isNull);
        return form;
    }

    private static List<TagRef> tags(Article a) {
        return a.tags.stream().map(TagRef::of).toList();
    }

    private static List<RelatedLinkResponse> links(List<RelatedLink> links, Instant now) {
        List<RelatedLinkResponse> out = new ArrayList<>(links.size());
        for (RelatedLink link : links) {
            if (link.target == null) {
                out.add(new RelatedLinkResponse(link.id, link.title, link.url, null, link.position));
            } else if (link.target.isPublicAt(now)) {
                out.add(new RelatedLinkResponse(
                        link.id,
                        link.target.headline,
                        null,
                        new ArticleRef(link.target.id, link.target.slug, link.target.headline),
                        link.position));
            }
        }
        return out;
    }
}
