package app.newsroom.dev;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.article.ArticleDtos.ArticleRequest;
import app.newsroom.article.ArticleDtos.RelatedLinkRequest;
import app.newsroom.article.ArticleRepository;
import app.newsroom.article.ArticleService;
import app.newsroom.article.ArticleStatus;
import app.newsroom.author.AuthorDtos.AuthorRequest;
import app.newsroom.author.AuthorService;
import app.newsroom.image.ImageDtos.ImageRequest;
import app.newsroom.tag.TagDtos.TagRequest;
import app.newsroom.tag.TagService;
import app.newsroom.tag.TagType;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/** Loads a few sample articles into an empty database in dev mode only, through the same services as the API. */
@Singleton
@IfBuildProfile("dev")
class DevSampleData {

    private final ArticleService articles;
    private final ArticleRepository repository;
    private final TagService tags;
    private final AuthorService authors;
    private final ObjectMapper mapper;

    DevSampleData(
            ArticleService articles,
            ArticleRepository repository,
            TagService tags,
            AuthorService authors,
            ObjectMapper mapper) {
        this.authors = authors;
        this.articles = articles;
        this.repository = repository;
        this.tags = tags;
        this.mapper = mapper;
    }

    void load(@Observes StartupEvent event) throws IOException {
        if (QuarkusTransaction.requiringNew().call(repository::count) > 0) {
            return;
        }
        JsonNode data;
        try (InputStream in = getClass().getResourceAsStream("/dev/sample-data.json")) {
            data = mapper.readTree(in);
        }
        for (JsonNode tag : data.get("tags")) {
            tags.create(new TagRequest(
                    null,
                    tag.get("name").asText(),
                    TagType.fromJson(tag.get("type").asText()),
                    tag.get("description").isNull()
                            ? null
                            : tag.get("description").asText()));
        }
        for (JsonNode author : data.get("authors")) {
            authors.create(mapper.treeToValue(author, AuthorRequest.class));
        }
        Map<String, UUID> ids = new HashMap<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        for (JsonNode a : data.get("articles")) {
            List<RelatedLinkRequest> links = new ArrayList<>();
            a.path("related").forEach(key -> links.add(new RelatedLinkRequest(null, null, ids.get(key.asText()))));
            a.path("externalLinks")
                    .forEach(l -> links.add(new RelatedLinkRequest(
                            l.get("title").asText(), l.get("url").asText(), null)));
            ArticleStatus status = a.has("status")
                    ? ArticleStatus.valueOf(a.get("status").asText().toUpperCase())
                    : ArticleStatus.PUBLISHED;
            List<String> tagSlugs = new ArrayList<>();
            a.get("tags").forEach(t -> tagSlugs.add(t.asText()));
            ArticleRequest request = new ArticleRequest(
                    null,
                    null,
                    a.get("headline").asText(),
                    a.get("standfirst").asText(),
                    a.get("body").asText(),
                    a.hasNonNull("byline") ? a.get("byline").asText() : null,
                    a.get("section").asText(),
                    "en",
                    status,
                    a.has("hoursAgo")
                            ? now.minus(a.get("hoursAgo").asLong(), ChronoUnit.HOURS)
                                    .atOffset(ZoneOffset.UTC)
                            : null,
                    tagSlugs,
                    links,
                    null,
                    null,
                    a.has("mainImage") ? mapper.treeToValue(a.get("mainImage"), ImageRequest.class) : null,
                    a.has("authors") ? List.of(mapper.treeToValue(a.get("authors"), String[].class)) : null);
            ids.put(a.get("key").asText(), articles.create(request).id());
        }
        Log.infof("Loaded %d sample articles for dev mode", ids.size());
    }
}
