package app.newsroom.search;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import app.newsroom.article.ArticleDtos.ArticleSummary;
import app.newsroom.common.http.Fields;
import app.newsroom.common.http.Page;
import app.newsroom.common.openapi.Examples;

/** Response records of search, autocomplete and related articles. */
final class SearchDtos {

    private SearchDtos() {}

    /** What {@code fields=} may select of each search hit and each related article. */
    static final Set<String> HIT_FIELDS = Fields.namesOf(ArticleSummary.class, "score", "highlights");

    static final Set<String> RELATED_FIELDS = Fields.namesOf(ArticleSummary.class, "score", "sharedTags");

    @Schema(
            name = "SearchResult",
            description = "A page of ranked matches, facets when asked, and a spelling suggestion when nothing matched",
            example = Examples.SEARCH_RESULT)
    record SearchResult(
            List<SearchHit> items,
            Page.PageInfo page,

            @Schema(nullable = true, description = "Present when `facets` was asked for")
            Facets facets,

            @Schema(
                    nullable = true,
                    description =
                            "When nothing matched: the query with each unknown word replaced by the closest word in the corpus "
                                    + "that makes it match",
                    example = "tartous")
            String suggestion) {}

    @Schema(name = "SearchHit", description = "An article in summary form with its relevance and highlighted fragments")
    record SearchHit(
            @JsonUnwrapped ArticleSummary summary,

            @Schema(
                    description = "Relevance: 2 + rank for a headline match, 1 + rank for a standfirst match, rank for"
                            + " a body match; rank is ts_rank_cd in [0, 1)",
                    example = "2.4183")
            double score,

            Highlight highlights) {}

    @Schema(
            name = "SearchHighlights",
            description =
                    "Fragments of the plain text with matches wrapped in `<mark>`; everything else is HTML-escaped")
    record Highlight(
            @Schema(example = "Syria&#39;s interim president meets <mark>Putin</mark> in Moscow")
            String headline,

            @Schema(
                    nullable = true,
                    description =
                            "A fragment of the body (10–25 words) around its first match; the body's first words when only "
                                    + "the headline or standfirst matched",
                    example = "… the naval port in <mark>Tartous</mark> and the air base at Hmeimim …")
            String body) {}

    @Schema(name = "SearchFacets", description = "Counts over all matches, not only the page")
    record Facets(
            @Schema(nullable = true, description = "Most frequent tags among the matches (at most 20)")
            List<TagFacet> tag,

            @Schema(nullable = true, description = "Sections of the matches, most frequent first (at most 20)")
            List<SectionFacet> section) {}

    @Schema(name = "TagFacet")
    record TagFacet(
            @Schema(example = "russia") String slug,
            @Schema(example = "Russia") String name,
            @Schema(example = "42") long count) {}

    @Schema(name = "SectionFacet")
    record SectionFacet(
            @Schema(example = "world/middle-east") String slug,
            @Schema(example = "7") long count) {}

    @Schema(name = "Suggestion", description = "An autocomplete entry: a tag or a published article's headline")
    record Suggestion(
            @Schema(
                    enumeration = {"tag", "article"},
                    example = "tag")
            String type,

            @Schema(description = "What to show: the tag's name or the article's headline", example = "Vladimir Putin")
            String text,

            @Schema(description = "The tag's or the article's slug", example = "vladimir-putin")
            String slug,

            @Schema(nullable = true, description = "The article's id (articles only)")
            UUID id) {}

    @Schema(name = "SuggestionList", description = "Autocomplete entries, best first", example = Examples.SUGGESTIONS)
    record SuggestionList(List<Suggestion> items) {}

    @Schema(
            name = "RelatedArticles",
            description = "Suggested related articles, best first",
            example = Examples.RELATED)
    record RelatedList(List<RelatedArticle> items) {}

    @Schema(name = "RelatedArticle", description = "An article in summary form with why it is related")
    record RelatedArticle(
            @JsonUnwrapped ArticleSummary summary,

            @Schema(
                    description = "Relatedness: the rarity (idf) of shared tags, plus text similarity of the headlines"
                            + " and a little recency",
                    example = "7.21")
            double score,

            @Schema(description = "Slugs of the tags it shares with the article")
            List<String> sharedTags) {}
}
