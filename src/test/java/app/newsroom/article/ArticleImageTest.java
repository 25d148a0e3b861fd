package app.newsroom.article;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static app.newsroom.Fixtures.article;
import static app.newsroom.Fixtures.as;
import static app.newsroom.Fixtures.changesHead;
import static app.newsroom.Fixtures.create;
import static app.newsroom.Fixtures.created;
import static app.newsroom.Fixtures.editor;
import static app.newsroom.Fixtures.token;
import static app.newsroom.Fixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** An article's main image: stored, checked, served with renditions in every form, and carried by the feeds. */
@QuarkusTest
class ArticleImageTest {

    static Map<String, Object> photo() {
        Map<String, Object> image = new HashMap<>();
        image.put("url", "https://images.example.com/2025/10/kremlin-talks.jpg");
        image.put("width", 1000);
        image.put("height", 500);
        image.put("alt", "Two delegations at a long table");
        image.put("caption", "The talks in Moscow.");
        image.put("credit", "Pool photo");
        image.put("focalPoint", Map.of("x", 0.5, "y", 0.25));
        return image;
    }

    @Test
    void shouldServeTheMainImageWithRenditionsInTheFullAndSummaryForms() {
        String t = token();
        Map<String, Object> a =
                created(with(with(article("Pictured talks " + t), "mainImage", photo()), "tags", List.of("Pic " + t)));
        String id = (String) a.get("id");
        String base = "https://img.test.example/2025/10/kremlin-talks.jpg?w=";
        as(null).get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("mainImage.url", equalTo("https://images.example.com/2025/10/kremlin-talks.jpg"))
                .body("mainImage.alt", equalTo("Two delegations at a long table"))
                .body("mainImage.credit", equalTo("Pool photo"))
                .body("mainImage.focalPoint.y", equalTo(0.25f))
                // the test profile's widths 320...1920: those under 1000, then the original
                .body("mainImage.renditions.width", equalTo(List.of(320, 640, 960, 1000)))
                .body("mainImage.renditions.height", equalTo(List.of(160, 320, 480, 500)))
                .body("mainImage.renditions[0].url", equalTo(base + "320&fp-x=0.5&fp-y=0.25"))
                .body(
                        "mainImage.srcset",
                        equalTo(base + "320&fp-x=0.5&fp-y=0.25 320w, " + base + "640&fp-x=0.5&fp-y=0.25 640w, " + base
                                + "960&fp-x=0.5&fp-y=0.25 960w, " + base + "1000&fp-x=0.5&fp-y=0.25 1000w"));
        as(null).queryParam("tag", "pic-" + t)
                .get("/api/v1/articles")
                .then()
                .statusCode(200)
                .body("items[0].mainImage.renditions.width", equalTo(List.of(320, 640, 960, 1000)))
                .body("items[0].mainImage.caption", equalTo("The talks in Moscow."));
    }

    @Test
    void shouldGiveTheImageToNinjsAsAPictureAssociation() throws Exception {
        String id = (String) created(with(article("Ninjs picture " + token()), "mainImage", photo()))
                .get("id");
        String ninjs = as(null).queryParam("format", "ninjs")
                .get("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("associations.find { it.name == 'mainpicture' }.type", equalTo("picture"))
                .body("associations.find { it.name == 'mainpicture' }.by", equalTo("Pool photo"))
                .body(
                        "associations.find { it.name == 'mainpicture' }.renditions.width",
                        equalTo(List.of(320, 640, 960, 1000)))
                .body(
                        "associations.find { it.name == 'mainpicture' }.descriptions.role",
                        equalTo(List.of("caption", "alternative")))
                .extract()
                .asString();
        NinjsTest.assertNinjs(ninjs);
    }

    @Test
    void shouldGivePartnersTheImageThroughChanges() {
        String start = changesHead("partner");
        String id = (String) created(with(article("Changes picture " + token()), "mainImage", photo()))
                .get("id");
        List<Map<String, Object>> changes = as("partner")
                .queryParam("since", start)
                .queryParam("limit", "1000")
                .get("/api/v1/changes")
                .jsonPath()
                .getList("changes");
        Map<?, ?> article = (Map<?, ?>) changes.stream()
                .filter(c -> id.equals(c.get("articleId")))
                .findFirst()
                .orElseThrow()
                .get("article");
        assertEquals("Two delegations at a long table", ((Map<?, ?>) article.get("mainImage")).get("alt"));
    }

    @Test
    void shouldTakeBackWhatItServedAndDropTheImageOnNull() {
        Map<String, Object> written = article("Round trip " + token());
        String id = (String) created(with(written, "mainImage", photo())).get("id");
        Map<String, Object> read =
                editor().get("/api/v1/articles/" + id).jsonPath().getMap("mainImage");
        // the image as read, renditions and srcset included, may be written back as it is
        editor().contentType(ContentType.JSON)
                .body(with(written, "mainImage", read))
                .put("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("mainImage.width", equalTo(1000))
                .body("mainImage.renditions.size()", equalTo(4));
        editor().contentType("application/merge-patch+json")
                .body("{\"mainImage\": {\"alt\": \"A long table\"}}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("mainImage.alt", equalTo("A long table"))
                .body("mainImage.credit", equalTo("Pool photo"));
        editor().contentType("application/merge-patch+json")
                .body("{\"mainImage\": null}")
                .patch("/api/v1/articles/" + id)
                .then()
                .statusCode(200)
                .body("mainImage", nullValue());
    }

    @Test
    void shouldNameTheFieldOfABadImage() {
        assertBad("alt", null, "mainImage.alt");
        assertBad("alt", " ", "mainImage.alt");
        assertBad("url", "ftp://images.example.com/a.jpg", "mainImage.url");
        assertBad("url", "/relative/a.jpg", "mainImage.url");
        assertBad("width", 0, "mainImage.width");
        assertBad("height", 50_000, "mainImage.height");
        assertBad("caption", "<b>Bold</b> caption", "mainImage.caption");
        assertBad("credit", "x".repeat(301), "mainImage.credit");
        assertBad("focalPoint", Map.of("x", 1.5, "y", 0.5), "mainImage.focalPoint.x");
    }

    private static void assertBad(String field, Object value, String named) {
        Map<String, Object> image = photo();
        image.put(field, value);
        create(with(article("Bad image " + token()), "mainImage", image))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(named));
    }

    @Test
    void shouldPutTheImageInEveryFeed() throws Exception {
        String t = token();
        String id = (String) created(
                        with(with(article("Feed picture " + t), "mainImage", photo()), "tags", List.of("Feedpic " + t)))
                .get("id");
        String rss = as(null).queryParam("tag", "feedpic-" + t)
                .get("/api/v1/feeds/rss")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Element item = (Element) xml(rss).getElementsByTagName("item").item(0);
        Element enclosure = (Element) item.getElementsByTagName("enclosure").item(0);
        assertEquals("https://images.example.com/2025/10/kremlin-talks.jpg", enclosure.getAttribute("url"));
        assertEquals("image/jpeg", enclosure.getAttribute("type"));
        Element media = (Element) item.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content")
                .item(0);
        assertEquals("1000", media.getAttribute("width"));
        assertEquals("image", media.getAttribute("medium"));
        assertEquals(
                "Pool photo",
                item.getElementsByTagNameNS("http://search.yahoo.com/mrss/", "credit")
                        .item(0)
                        .getTextContent());

        String atom = as(null).queryParam("tag", "feedpic-" + t)
                .get("/api/v1/feeds/atom")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Element entry = (Element) xml(atom)
                .getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                .item(0);
        boolean enclosed = false;
        for (int i = 0;
                i
                        < entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")
                                .getLength();
                i++) {
            Element link = (Element) entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link")
                    .item(i);
            enclosed |= link.getAttribute("rel").equals("enclosure")
                    && link.getAttribute("href").equals("https://images.example.com/2025/10/kremlin-talks.jpg");
        }
        assertEquals(true, enclosed, "Atom: a link rel=enclosure to the image");

        as(null).queryParam("tag", "feedpic-" + t)
                .get("/api/v1/feeds/json")
                .then()
                .statusCode(200)
                .body("items[0].id", equalTo("urn:uuid:" + id))
                .body("items[0].image", equalTo("https://images.example.com/2025/10/kremlin-talks.jpg"));
    }

    private static Document xml(String text) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
