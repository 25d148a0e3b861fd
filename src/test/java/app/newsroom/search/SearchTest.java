package app.newsroom.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import app.newsroom.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.createdId;
import static app.newsroom.Fixtures.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SearchTest {

    @Inject
    SearchVocabulary vocabulary;

    /** A word no other test uses: letters only, so that it is a word for the parser and the vocabulary. */
    static String word() {
        StringBuilder w = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            w.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return w.toString();
    }

    private static Response search(String q, Object... params) {
        var request = given().queryParam("q", q);
        for (int i = 0; i < params.length; i += 2) {
            request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/v1/search");
    }

    private static List<String> headlines(String q, Object... params) {
        return search(q, params).then().statusCode(200).extract().jsonPath().getList("items.headline");
    }

    private static Map<String, Object> story(String headline, String standfirst, String body) {
        Map<String, Object> a = article(headline);
        a.put("standfirst", standfirst);
        a.put("body", body);
        return a;
    }

    @Test
    void shouldFindStemmedWordsWhenAllWordsMatch() {
        String w = word();
        created(story("Leaders hold talks on " + w, "Standfirst", "<p>Body.</p>"));
        created(story("Leaders hold a meeting on " + w, "Standfirst", "<p>Body.</p>"));
        assertEquals(List.of("Leaders hold talks on " + w), headlines("talk " + w));
        assertEquals(List.of("Leaders hold talks on " + w), headlines("talking " + w));
        assertEquals(2, headlines(w).size());
    }

    @Test
    void shouldMatchQuotedPhrasesOnlyWhenAdjacent() {
        String w = word();
        created(story("The naval base at " + w, null, "<p>Nothing else.</p>"));
        created(story("A base that is not naval " + w, null, "<p>Nothing else.</p>"));
        assertEquals(List.of("The naval base at " + w), headlines("\"naval base\" " + w));
        assertEquals(2, headlines("naval base " + w).size());
    }

    @Test
    void shouldPagePhraseMatchesFoundOnceWithTheirTotals() {
        // a phrase's matches are found when it is counted, and its pages rank only those (SearchRepository.Counts)
        String w = word();
        for (int i = 1; i <= 3; i++) {
            created(story("Harbour crane " + i + " " + w, null, "<p>The harbour crane number " + i + ".</p>"));
        }
        created(story("Crane over the harbour " + w, null, "<p>Not adjacent in that order.</p>"));
        created(with(story("Draft harbour crane " + w, null, "<p>x</p>"), "status", "draft"));
        List<String> first = headlines("\"harbour crane\" " + w, "pageSize", 2);
        List<String> second = headlines("\"harbour crane\" " + w, "pageSize", 2, "page", 2);
        search("\"harbour crane\" " + w, "pageSize", 2).then().body("page.totalItems", equalTo(3));
        assertEquals(2, first.size());
        assertEquals(1, second.size());
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertEquals(Set.of("Harbour crane 1 " + w, "Harbour crane 2 " + w, "Harbour crane 3 " + w), Set.copyOf(all));
        assertEquals(
                List.of("Harbour crane 3 " + w, "Harbour crane 2 " + w, "Harbour crane 1 " + w),
                headlines("\"harbour crane\" " + w, "orderBy", "newest"));
    }

    @Test
    void shouldExcludeWordsWithMinusAndAcceptOr() {
        String w = word();
        String a = word();
        String b = word();
        created(story("Drought hits the wheat harvest " + w + " " + a, null, "<p>Dry.</p>"));
        created(story("Rain saves the wheat harvest " + w + " " + b, null, "<p>Wet.</p>"));
        assertEquals(List.of("Rain saves the wheat harvest " + w + " " + b), headlines(w + " -drought"));
        assertEquals(2, headlines(a + " OR " + b).size());
        assertEquals(List.of("Drought hits the wheat harvest " + w + " " + a), headlines(a + " OR zzznothing"));
    }

    @Test
    void shouldIgnoreAccentsBothWays() {
        String w = word();
        created(story("A café opens in Damascus " + w, null, "<p>Coffee.</p>"));
        created(story("A cafe closes in Aleppo " + w, null, "<p>Tea.</p>"));
        assertEquals(2, headlines("cafe " + w).size());
        assertEquals(2, headlines("CAFÉ " + w).size());
    }

    @Test
    void shouldRankHeadlineAboveStandfirstAboveBody() {
        String w = word();
        // the body-only article says the word many times, and is the newest: still last
        String body = created(with(
                        story("Body only", null, "<p>" + (w + " ").repeat(12) + "</p>"),
                        "publishedAt",
                        "2026-03-03T00:00:00Z"))
                .get("headline")
                .toString();
        created(with(story("Standfirst only", "About " + w, "<p>Plain.</p>"), "publishedAt", "2026-03-02T00:00:00Z"));
        created(with(story("Headline " + w, null, "<p>Plain.</p>"), "publishedAt", "2026-03-01T00:00:00Z"));
        Response r = search(w);
        r.then().statusCode(200);
        assertEquals(
                List.of("Headline " + w, "Standfirst only", body), r.jsonPath().getList("items.headline"));
        List<Float> scores = r.jsonPath().getList("items.score", Float.class);
        assertTrue(
                scores.get(0) >= 2 && scores.get(1) >= 1 && scores.get(1) < 2 && scores.get(2) < 1, scores.toString());
        // newest first on request
        assertEquals(List.of(body, "Standfirst only", "Headline " + w), headlines(w, "orderBy", "newest"));
    }

    @Test
    void shouldBreakTiesByRecencyThenIdSoPagesAreStable() {
        String w = word();
        for (int i = 0; i < 5; i++) {
            created(with(
                    story("Same story " + w, null, "<p>Same.</p>"),
                    "publishedAt",
                    "2026-04-0" + (i + 1) + "T00:00:00Z"));
        }
        List<String> dates =
                search(w).then().statusCode(200).extract().jsonPath().getList("items.publishedAt");
        assertEquals(
                List.of(
                        "2026-04-05T00:00:00Z",
                        "2026-04-04T00:00:00Z",
                        "2026-04-03T00:00:00Z",
                        "2026-04-02T00:00:00Z",
                        "2026-04-01T00:00:00Z"),
                dates);
        search(w, "pageSize", 2, "page", 2)
                .then()
                .header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("rel=\"prev\""));
        List<String> page2 = search(w, "pageSize", 2, "page", 2)
                .then()
                .statusCode(200)
                .body("page.totalItems", equalTo(5))
                .body("page.totalPages", equalTo(3))
                .extract()
                .jsonPath()
                .getList("items.publishedAt");
        assertEquals(dates.subList(2, 4), page2);
    }

    @Test
    void shouldCountFacetsOverAllMatchesNotOnlyThePage() {
        String w = word();
        String common = "facet-" + word();
        String rare = "facet-" + word();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> a = with(
                    story("Facet story " + i + " " + w, null, "<p>x</p>"),
                    "tags",
                    i < 2 ? List.of(common, rare) : List.of(common));
            a.put("section", i < 3 ? "world/europe" : "business");
            created(a);
        }
        search(w, "facets", "tag,section", "pageSize", 2)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("page.totalItems", equalTo(7))
                .body("facets.tag.find { it.slug == '" + common + "' }.count", equalTo(7))
                .body("facets.tag.find { it.slug == '" + rare + "' }.count", equalTo(2))
                .body("facets.tag[0].slug", equalTo(common))
                .body("facets.section.find { it.slug == 'business' }.count", equalTo(4))
                .body("facets.section.find { it.slug == 'world/europe' }.count", equalTo(3));
        search(w, "facets", "section")
                .then()
                .statusCode(200)
                .body("facets.tag", nullValue())
                .body("facets.section", hasSize(2));
        search(w).then().statusCode(200).body("facets", nullValue());
        search(w, "facets", "tag,author").then().statusCode(400).body("errors[0].field", equalTo("facets"));
    }

    @Test
    void shouldHighlightMatchesAndEscapeEverythingElse() {
        String w = word();
        created(story(
                "Tom & Jerry <b>" + w + "</b> \"quoted\"",
                null,
                "<p>Before the match, 5 &lt; 6 &amp; the " + w + " said <i>hello</i> after.</p>"));
        search(w)
                .then()
                .statusCode(200)
                .body(
                        "items[0].highlights.headline",
                        equalTo("Tom &amp; Jerry &lt;b&gt;<mark>" + w + "</mark>&lt;/b&gt; &quot;quoted&quot;"))
                .body(
                        "items[0].highlights.body",
                        containsString("5 &lt; 6 &amp; the <mark>" + w + "</mark> said hello"))
                .body("items[0].highlights.body", not(containsString("<i>")));
    }

    @Test
    void shouldHighlightAMatchDeepInTheBodyWrittenWithCapitalsInAnyAlphabet() {
        String w = word();
        String filler = "Nothing to see in this sentence at all. ".repeat(20);
        // the only occurrence starts a sentence, ~800 characters in: the window must be found case-insensitively
        String capitalized = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        created(story("Deep " + w, null, "<p>" + filler + capitalized + " was found here.</p>"));
        search(w)
                .then()
                .statusCode(200)
                .body("items[0].highlights.body", containsString("<mark>" + capitalized + "</mark> was found here"));
        Map<String, Object> ru = with(
                story(
                        "Глубоко " + w,
                        null,
                        "<p>" + "Ничего интересного в этом предложении нет. ".repeat(20) + "Переговоры начались.</p>"),
                "language",
                "ru");
        created(ru);
        // the word is capitalized only in the body, and lower() of a C-locale database leaves Cyrillic alone
        search("переговоры " + w, "language", "ru")
                .then()
                .statusCode(200)
                .body("items[0].highlights.body", containsString("<mark>Переговоры</mark> начались"));
    }

    @Test
    void shouldStemRussianAndArabicArticles() {
        String w = word();
        Map<String, Object> ru = story("Переговоры в Москве " + w, null, "<p>Текст.</p>");
        ru.put("language", "ru");
        created(ru);
        Map<String, Object> ar = story("الكتاب الجديد " + w, null, "<p>نص.</p>");
        ar.put("language", "ar");
        created(ar);
        assertEquals(List.of("Переговоры в Москве " + w), headlines("переговорах " + w));
        assertEquals(List.of("Переговоры в Москве " + w), headlines("москва " + w, "language", "ru"));
        assertEquals(List.of("الكتاب الجديد " + w), headlines("كتاب " + w));
        assertEquals(List.of(), headlines("переговорах " + w, "language", "en"));
    }

    @Test
    void shouldNeverShowDraftsOrScheduledArticles() {
        String w = word();
        created(with(story("Draft " + w, null, "<p>x</p>"), "status", "draft"));
        created(with(story("Scheduled " + w, null, "<p>x</p>"), "publishedAt", "2999-01-01T00:00:00Z"));
        created(with(story("Archived " + w, null, "<p>x</p>"), "status", "archived"));
        created(story("Public " + w, null, "<p>x</p>"));
        assertEquals(List.of("Public " + w), headlines(w));
        search(w, "facets", "tag,section")
                .then()
                .body("page.totalItems", equalTo(1))
                .body("facets.section[0].count", equalTo(1));
        given().queryParam("q", w)
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items.text", Matchers.hasItem("Public " + w))
                .body("items.text", not(Matchers.hasItem("Draft " + w)));
    }

    @Test
    void shouldApplyTheFiltersOfArticleLists() {
        String w = word();
        String tag = "filter-" + word();
        created(with(
                with(story("Tagged " + w, null, "<p>x</p>"), "tags", List.of(tag)),
                "publishedAt",
                "2026-05-01T00:00:00Z"));
        Map<String, Object> other =
                with(story("Other section " + w, null, "<p>x</p>"), "publishedAt", "2026-06-01T00:00:00Z");
        other.put("section", "sport/football");
        other.put("byline", "Jane Roe");
        created(other);
        assertEquals(List.of("Tagged " + w), headlines(w, "tag", tag));
        assertEquals(List.of(), headlines(w, "tag", "no-such-tag-" + word()));
        assertEquals(List.of("Other section " + w), headlines(w, "section", "sport"));
        assertEquals(List.of("Other section " + w), headlines(w, "byline", "jane roe"));
        assertEquals(List.of("Tagged " + w), headlines(w, "to", "2026-05-15"));
        assertEquals(List.of("Other section " + w), headlines(w, "from", "2026-05-15"));
        search(w, "section", "Not A Section").then().statusCode(400).body("errors[0].field", equalTo("section"));
    }

    @Test
    void shouldSuggestTheClosestSpellingWhenNothingMatches() {
        String suffix = word().substring(2);
        String right = "tartous" + suffix;
        String wrong = "tartus" + suffix;
        created(story("Russia keeps its port in " + right, null, "<p>The port of " + right + " is Russian.</p>"));
        vocabulary.refresh();
        search(wrong)
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("page.totalItems", equalTo(0))
                .body("suggestion", equalTo(right));
        search("port " + wrong).then().statusCode(200).body("suggestion", equalTo("port " + right));
        search(right).then().statusCode(200).body("items", hasSize(1)).body("suggestion", nullValue());
        // a fresh suffix: sharing the one above would share ~9 of ~30 trigrams with the right word, near pg_trgm's
        // similarity threshold (0.3), and the test failed now and then
        search("qwertyxyzzy" + word().substring(2)).then().statusCode(200).body("suggestion", nullValue());
    }

    @Test
    void shouldAnswerAnyOddInputWithA200OrA400() {
        String[] odd = {
            "\"",
            "\"\"",
            "'",
            "\\",
            "\\\\'",
            "'; DROP TABLE article; --",
            "a & b | !c",
            "(()",
            "<->",
            ":*",
            "OR",
            "- -",
            "!!!",
            "🙂 emoji 🙂",
            "مرحبا",
            "a\tb\nc",
            "\"unclosed phrase",
            "x".repeat(500),
            "-",
            "--x",
            "the",
            "a:* & b:A",
            "%_%",
            "$1",
            "\u00e9\u0301"
        };
        for (String q : odd) {
            int status = search(q).then().extract().statusCode();
            assertTrue(status == 200 || status == 400, q + " -> " + status);
        }
        search("x".repeat(10_000)).then().statusCode(400).body("errors[0].field", equalTo("q"));
        search("a\u0000b").then().statusCode(400).body("errors[0].field", equalTo("q"));
        search("   ").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().get("/api/v1/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        search("-putin").then().statusCode(400).body("errors[0].field", equalTo("q"));
        search("the").then().statusCode(200).body("items", empty());
        search("x", "orderBy", "best").then().statusCode(400).body("errors[0].field", equalTo("orderBy"));
        search("x", "pageSize", 101).then().statusCode(400).body("errors[0].field", equalTo("pageSize"));
    }

    @Test
    void shouldAnswer304ForAnUnchangedResult() {
        String w = word();
        created(story("Cached " + w, null, "<p>x</p>"));
        String etag = search(w)
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .extract()
                .header("ETag");
        given().queryParam("q", w)
                .header("If-None-Match", etag)
                .get("/api/v1/search")
                .then()
                .statusCode(304);
        created(story("Cached again " + w, null, "<p>x</p>"));
        given().queryParam("q", w)
                .header("If-None-Match", etag)
                .get("/api/v1/search")
                .then()
                .statusCode(200);
    }

    @Test
    void shouldAutocompleteTagsAndHeadlines() {
        String w = word();
        String tagName = "Qx " + w + " Putin";
        created(with(story(w + " meets Putin in Moscow", null, "<p>x</p>"), "tags", List.of(tagName)));
        created(story("Later: " + w + " speaks", null, "<p>x</p>"));
        given().queryParam("q", w)
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items.type", equalTo(List.of("tag", "article", "article")))
                .body("items[0].text", equalTo(tagName))
                .body("items[1].text", equalTo(w + " meets Putin in Moscow")) // starts with what was typed
                .body("items[1].id", notNullValue())
                .body("items[2].text", equalTo("Later: " + w + " speaks"));
        // a prefix, another case, and a typo
        given().queryParam("q", w.substring(0, 8).toUpperCase())
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items.text", Matchers.hasItem(w + " meets Putin in Moscow"));
        String typo = w.substring(0, 6) + w.substring(7);
        given().queryParam("q", typo)
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items.text", Matchers.hasItem(w + " meets Putin in Moscow"));
        given().queryParam("q", w)
                .queryParam("limit", 1)
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
        given().queryParam("q", "")
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("q"));
        given().queryParam("q", w)
                .queryParam("limit", 21)
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("q", "%").get("/api/v1/search/suggest").then().statusCode(200);
    }

    @Test
    void shouldSuggestRelatedArticlesByRareTagsFirst() {
        String rare = "rare-" + word();
        String common = "common-" + word();
        String w = word();
        // the common tag is on many articles, the rare one on two
        for (int i = 0; i < 6; i++) {
            created(with(story("Filler " + i + " " + w, null, "<p>x</p>"), "tags", List.of(common)));
        }
        String rareOne = createdId(with(story("Shares the rare tag " + w, null, "<p>x</p>"), "tags", List.of(rare)));
        String linked = createdId(with(story("Linked already " + w, null, "<p>x</p>"), "tags", List.of(rare, common)));
        created(with(
                with(story("Draft sharing both " + w, null, "<p>x</p>"), "tags", List.of(rare, common)),
                "status",
                "draft"));
        Map<String, Object> source = with(story("The source " + w, null, "<p>x</p>"), "tags", List.of(rare, common));
        source.put("relatedLinks", List.of(Map.of("articleId", linked)));
        Map<String, Object> src = created(source);
        Response r = given().queryParam("limit", 20).get("/api/v1/articles/" + src.get("slug") + "/related");
        r.then().statusCode(200);
        List<String> ids = r.jsonPath().getList("items.id");
        assertEquals(rareOne, ids.get(0), r.asString());
        assertTrue(!ids.contains(src.get("id")) && !ids.contains(linked), "self and explicit links are excluded");
        assertTrue(r.jsonPath().getList("items.headline").stream()
                .noneMatch(h -> h.toString().startsWith("Draft")));
        assertEquals(List.of(rare), r.jsonPath().getList("items[0].sharedTags"));
        given().get("/api/v1/articles/" + src.get("id") + "/related")
                .then()
                .statusCode(200)
                .body("items", hasSize(5));
        given().get("/api/v1/articles/no-such-article-" + w + "/related").then().statusCode(404);
        given().queryParam("limit", 0)
                .get("/api/v1/articles/" + src.get("id") + "/related")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", 21)
                .get("/api/v1/articles/" + src.get("id") + "/related")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        String draft = createdId(with(story("A draft " + w, null, "<p>x</p>"), "status", "draft"));
        given().get("/api/v1/articles/" + draft + "/related").then().statusCode(404);
    }

    @Test
    void shouldFindArticlesWithoutTagsByTheirHeadlineWords() {
        String w = word();
        String src = createdId(story("Wheat harvest fails in " + w, null, "<p>x</p>"));
        created(story("Another wheat story from " + w, null, "<p>x</p>"));
        given().get("/api/v1/articles/" + src + "/related")
                .then()
                .statusCode(200)
                .body("items.headline", Matchers.hasItem("Another wheat story from " + w));
    }

    @Test
    void shouldNeverSuggestAWordOnlyUnpublishedArticlesContain() {
        String suffix = word().substring(2);
        String secret = "embargoed" + suffix;
        created(with(story("Merger talks " + secret, null, "<p>" + secret + "</p>"), "status", "draft"));
        created(with(
                story("Scheduled " + secret, null, "<p>" + secret + "</p>"), "publishedAt", "2999-01-01T00:00:00Z"));
        Map<String, Object> archived = created(story("Once public " + secret, null, "<p>" + secret + "</p>"));
        String other = word().substring(2); // not the secret's suffix: that alone would make the words alike
        String granary = "granary" + other;
        created(story("Stocks in the " + granary, null, "<p>Full.</p>"));
        vocabulary.refresh(); // takes in the public ones
        Fixtures.editor()
                .contentType("application/merge-patch+json")
                .body(Map.of("status", "archived"))
                .patch("/api/v1/articles/" + archived.get("id"))
                .then()
                .statusCode(200);
        String typo = "embargoad" + suffix;
        search(typo).then().statusCode(200).body("items", empty()).body("suggestion", nullValue());
        // a correctable word beside an excluded typo: the typo stays as written, never becomes the unpublished word
        search("granery" + other + " -" + typo)
                .then()
                .statusCode(200)
                .body("suggestion", equalTo(granary + " -" + typo));
    }

    @Test
    void shouldReindexAnArticleWhenItsTextChanges() {
        String before = word();
        String after = word();
        Map<String, Object> a = created(story("Headline " + before, null, "<p>Body.</p>"));
        assertEquals(1, headlines(before).size());
        Fixtures.editor()
                .contentType("application/merge-patch+json")
                .body(Map.of("headline", "Headline " + after, "body", "<p>Now about " + before + "x.</p>"))
                .patch("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200);
        assertEquals(List.of(), headlines(before));
        assertEquals(List.of("Headline " + after), headlines(after));
        // a write that leaves the text alone keeps the index as it was (the trigger skips the tokenizing)
        Fixtures.editor()
                .contentType("application/merge-patch+json")
                .body(Map.of("byline", "Desk " + after))
                .patch("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200);
        assertEquals(List.of("Headline " + after), headlines(after));
        assertEquals(List.of("Headline " + after), headlines(before + "x"));
        Map<String, Object> ru = Map.of("language", "ru", "headline", "Переговоры " + after);
        // RestAssured encodes bodies of unknown media types as ISO-8859-1 unless told otherwise
        Fixtures.editor()
                .contentType("application/merge-patch+json; charset=UTF-8")
                .body(ru)
                .patch("/api/v1/articles/" + a.get("id"))
                .then()
                .statusCode(200);
        assertEquals(List.of("Переговоры " + after), headlines("переговорах " + after, "language", "ru"));
    }

    @Test
    void shouldSearchWordsWithQuotesAndAutocompleteWithoutAccentsOrWildcards() {
        String w = word();
        created(story("Links to example.com/it's and O'Neil's " + w, null, "<p>x</p>"));
        assertEquals(1, headlines("example.com/it's " + w).size());
        assertEquals(1, headlines("o'neil's " + w).size());
        created(with(story("Coffee " + w, null, "<p>x</p>"), "tags", List.of("Café " + w)));
        given().queryParam("q", "cafe " + w.substring(0, 6))
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items.findAll { it.type == 'tag' }.text", Matchers.hasItem("Café " + w));
        // a fullwidth percent sign folds to '%', which must stay a literal character
        given().queryParam("q", "\uFF05")
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void shouldNotAutocompleteScheduledOrArchivedHeadlines() {
        String w = word();
        created(with(story(w + " scheduled", null, "<p>x</p>"), "publishedAt", "2999-01-01T00:00:00Z"));
        created(with(story(w + " archived", null, "<p>x</p>"), "status", "archived"));
        created(story(w + " public", null, "<p>x</p>"));
        given().queryParam("q", w)
                .get("/api/v1/search/suggest")
                .then()
                .statusCode(200)
                .body("items.text", equalTo(List.of(w + " public")));
    }
}
