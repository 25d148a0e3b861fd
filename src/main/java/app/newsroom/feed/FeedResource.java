package app.newsroom.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleCriteria;
import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.article.ArticleKeys;
import app.newsroom.article.ArticleService;
import app.newsroom.cache.CachePolicy;
import app.newsroom.cache.CacheableResponses;
import app.newsroom.cache.SurrogateKeys;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.http.QueryLimit;
import app.newsroom.security.Callers;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/feeds")
@Tag(name = "Feeds", description = "The latest published articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1")
public class FeedResource {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";

    private final ArticleService articles;
    private final FeedValidators validators;
    private final FeedWriter writer;
    private final NewsroomConfig config;
    private final ObjectMapper mapper;
    private final CacheableResponses responses;
    private final SecurityIdentity caller;

    FeedResource(
            ArticleService articles,
            FeedValidators validators,
            FeedWriter writer,
            NewsroomConfig config,
            ObjectMapper mapper,
            CacheableResponses responses,
            SecurityIdentity caller) {
        this.responses = responses;
        this.caller = caller;
        this.articles = articles;
        this.validators = validators;
        this.writer = writer;
        this.config = config;
        this.mapper = mapper;
    }

    @GET
    @Path("/rss")
    @PermitAll
    @Produces({RSS, "application/xml", "text/xml"})
    @Operation(operationId = "rssFeed", summary = "RSS 2.0 feed", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            headers = {
                @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = RSS,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "rss", value = RSS_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since)")
    public Response rss(@BeanParam FeedQuery query, @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed("rss_2.0", RSS, query, uri, headers);
    }

    @GET
    @Path("/atom")
    @PermitAll
    @Produces({ATOM, "application/xml", "text/xml"})
    @Operation(operationId = "atomFeed", summary = "Atom 1.0 feed", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            headers = {
                @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = ATOM,
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "atom", value = ATOM_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since)")
    public Response atom(@BeanParam FeedQuery query, @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed("atom_1.0", ATOM, query, uri, headers);
    }

    @GET
    @Path("/json")
    @PermitAll
    @Produces({JSON_FEED, "application/json"})
    @Operation(operationId = "jsonFeed", summary = "JSON Feed 1.1", description = DESCRIPTION)
    @APIResponse(
            responseCode = "200",
            description = "The feed",
            headers = {
                @Header(name = "Last-Modified", schema = @Schema(type = SchemaType.STRING)),
                @Header(name = "Cache-Control", schema = @Schema(type = SchemaType.STRING))
            },
            content =
                    @Content(
                            mediaType = JSON_FEED,
                            schema = @Schema(implementation = JsonFeed.class),
                            examples = @ExampleObject(name = "json", value = JSON_EXAMPLE)))
    @APIResponse(responseCode = "304", description = "Not modified (If-None-Match or If-Modified-Since)")
    public Response json(@BeanParam FeedQuery query, @Context UriInfo uri, @Context HttpHeaders headers) {
        return feed("json", JSON_FEED, query, uri, headers);
    }

    /** The filters every feed takes. */
    public static class FeedQuery {
        @Parameter(description = TAG)
        @QueryParam("tag")
        String tag;

        @Parameter(description = "Section slug path (prefix)")
        @QueryParam("section")
        String section;

        @Parameter(description = "BCP 47 language tag")
        @QueryParam("language")
        String language;

        @Parameter(ref = QueryLimit.Refs.FEED_ITEMS, name = "limit", in = ParameterIn.QUERY)
        @QueryParam("limit")
        String limit;
    }

    private Response feed(String type, String mediaType, FeedQuery query, UriInfo uri, HttpHeaders headers) {
        // partners' feeds carry only what they may republish; editors' and the public's everything public
        boolean partner = Callers.partnerOnly(caller);
        ArticleCriteria criteria = partner
                ? ArticleCriteria.newestSyndicated(query.tag, query.section, query.language)
                : ArticleCriteria.newestPublic(query.tag, query.section, query.language);
        int items = QueryLimit.FEED_ITEMS.parse(query.limit, config);
        // validators from the newest change of the log, read before the articles: never newer than what is shown
        String rawQuery = uri.getRequestUri().getRawQuery();
        FeedValidators.Validator validator = validators.current(type + (partner ? "|partner|" : "|") + rawQuery);
        List<ArticleResponse> newest = articles.newestPublic(criteria, items);
        String api = uri.getBaseUri().toString().replaceAll("/+$", "");
        String home = config.feeds().siteUrl().map(s -> s.replaceAll("/+$", "")).orElse(api + "/articles");
        FeedWriter.FeedMeta meta = new FeedWriter.FeedMeta(
                config.feeds().title(),
                "The latest published articles of " + config.feeds().title(),
                home,
                uri.getRequestUri().toString(),
                "urn:newsroom:feed:" + type + (rawQuery == null ? "" : ":" + rawQuery),
                newest.isEmpty()
                        ? validator.lastModified()
                        : newest.stream()
                                .map(ArticleResponse::updatedAt)
                                .max(Instant::compareTo)
                                .get(),
                a -> home + "/" + a.slug());
        String body;
        if (type.equals("json")) {
            try {
                body = mapper.writeValueAsString(writer.json(meta, newest));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("feed not serializable", e);
            }
        } else {
            body = writer.rome(type, meta, newest);
        }
        return responses.bytes(
                headers,
                body.getBytes(StandardCharsets.UTF_8),
                mediaType + ";charset=UTF-8",
                CachePolicy.Kind.FEED,
                ArticleKeys.ofForms(SurrogateKeys.FEEDS, newest, ArticleKeys.filterTags(criteria)),
                validator.etag(),
                validator.lastModified(),
                null);
    }

    private static final String TAG = "Tag slugs: `a,b` both, `a|b` either";
    private static final String DESCRIPTION =
            "The newest published articles (scheduled ones once their time has come), "
                    + "newest first, with full sanitized HTML content. Each item's id is `urn:uuid:{article id}`, stable across "
                    + "edits; links point to the configured site (`newsroom.feeds.site-url`) or to the API. Cacheable: "
                    + "`ETag`, `Last-Modified`, `Cache-Control: public, max-age=60` (with stale-while-revalidate and "
                    + "stale-if-error; configurable); conditional requests answer 304. Corrections follow the body as "
                    + "dated paragraphs. Read with a partner key, the feed leaves out articles not allowed for "
                    + "syndication.";
    private static final String RSS_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>newsroom</title><link>https://news.example/</link>
            <description>The latest published articles of newsroom</description>
            <item><title>Syria's interim president meets Putin in Moscow</title>
            <link>https://news.example/syrias-interim-president-meets-putin-in-moscow</link>
            <guid isPermaLink="false">urn:uuid:0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11</guid>
            <category>Syria</category><pubDate>Thu, 26 Nov 2026 09:30:00 GMT</pubDate></item></channel></rss>""";
    private static final String ATOM_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>newsroom</title><id>urn:newsroom:feed:atom_1.0</id>
            <updated>2026-11-26T09:30:00Z</updated>
            <entry><title>Syria's interim president meets Putin in Moscow</title>
            <id>urn:uuid:0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11</id><updated>2026-11-26T09:30:00Z</updated>
            <content type="html">&lt;p&gt;…&lt;/p&gt;</content></entry></feed>""";
    private static final String JSON_EXAMPLE = """
            { "version": "https://jsonfeed.org/version/1.1", "title": "newsroom",
              "home_page_url": "https://news.example/", "feed_url": "https://api.news.example/api/v1/feeds/json",
              "description": "The newest published articles of newsroom",
              "items": [ { "id": "urn:uuid:0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11",
                           "url": "https://news.example/syrias-interim-president-meets-putin-in-moscow",
                           "title": "Syria's interim president meets Putin in Moscow", "content_html": "<p>…</p>",
                           "summary": "Ahmed al-Sharaa's first visit to the Kremlin since Assad fell",
                           "date_published": "2026-11-26T09:30:00Z", "date_modified": "2026-11-26T09:45:00Z",
                           "authors": [ { "name": "Staff reporter" } ], "tags": [ "Syria", "Russia" ],
                           "language": "en" } ] }""";
}
