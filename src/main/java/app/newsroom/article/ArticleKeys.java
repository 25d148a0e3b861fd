package app.newsroom.article;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import app.newsroom.article.ArticleDtos.RelatedLinkResponse;
import app.newsroom.cache.SurrogateKeys;

/**
 * The cache keys of an answer that shows articles (see {@link SurrogateKeys}): its collection's, each article's, and
 * each internal link target's it shows. Tags and authors' names shown in items are not listed: a new name reaches
 * collections as a membership change; authors' portraits in feeds are.
 */
public final class ArticleKeys {

    private ArticleKeys() {}

    /** Keys of a collection of articles in summary form, plus the tag slugs it is filtered by. */
    public static Set<String> ofSummaries(
            String collection, List<ArticleDtos.ArticleSummary> items, Collection<String> filterTags) {
        Set<String> keys = collection(collection, filterTags);
        items.forEach(a -> add(keys, a.id(), a.relatedLinks()));
        return keys;
    }

    /** Keys of a collection of articles in full form (feeds), plus the tag slugs it is filtered by. */
    public static Set<String> ofForms(
            String collection, List<ArticleDtos.ArticleResponse> items, Collection<String> filterTags) {
        Set<String> keys = collection(collection, filterTags);
        items.forEach(a -> {
            add(keys, a.id(), List.of()); // feeds do not show related links
            // but they show authors' portraits (JSON Feed avatars), which change without a membership change
            a.authors().forEach(author -> keys.add(SurrogateKeys.author(author.slug())));
        });
        return keys;
    }

    /** The tag slugs of a Guardian-syntax filter. */
    public static Set<String> filterTags(ArticleCriteria criteria) {
        Set<String> slugs = new LinkedHashSet<>();
        criteria.tagGroups().forEach(slugs::addAll);
        return slugs;
    }

    private static Set<String> collection(String collection, Collection<String> filterTags) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(collection);
        filterTags.forEach(slug -> keys.add(SurrogateKeys.tag(slug)));
        return keys;
    }

    /** Adds the keys of one article shown with these related links. */
    public static void add(Set<String> keys, UUID id, List<RelatedLinkResponse> links) {
        keys.add(SurrogateKeys.article(id));
        for (RelatedLinkResponse link : links) {
            if (link.article() != null) {
                keys.add(SurrogateKeys.article(link.article().id()));
            }
        }
    }
}
