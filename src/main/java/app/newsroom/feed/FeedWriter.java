package app.newsroom.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsoup.nodes.Entities;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import app.newsroom.article.ArticleDtos.ArticleResponse;

/** Renders articles as RSS 2.0 and Atom 1.0 (Rome) or JSON Feed 1.1 (records). */
@ApplicationScoped
class FeedWriter {

    /** What every feed says about itself. */
    record FeedMeta(
            String title,
            String description,
            String homeUrl,
            String selfUrl,
            String id,
            Instant updated,
            Function<ArticleResponse, String> itemUrl) {}

    String rome(String type, FeedMeta meta, List<ArticleResponse> articles) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(meta.title());
        feed.setDescription(meta.description());
        feed.setLink(meta.homeUrl());
        feed.setUri(meta.id());
        feed.setPublishedDate(Date.from(meta.updated()));
        feed.setLanguage(null);
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(meta.selfUrl());
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(meta.homeUrl());
        feed.setLinks(List.of(alternate, self));
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleResponse a : articles) {
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:uuid:" + a.id());
            entry.setTitle(a.headline());
            entry.setLink(meta.itemUrl().apply(a));
            if (a.standfirst() != null) {
                SyndContent summary = new SyndContentImpl();
                summary.setType("text/plain");
                summary.setValue(a.standfirst());
                entry.setDescription(summary);
            }
            SyndContent content = new SyndContentImpl();
            content.setType("html");
            content.setValue(html(a));
            entry.setContents(List.of(content));
            entry.setPublishedDate(Date.from(a.publishedAt()));
            entry.setUpdatedDate(Date.from(a.updatedAt()));
            if (a.byline() != null) {
                entry.setAuthor(a.byline());
            }
            List<SyndCategory> categories = new ArrayList<>();
            a.tags().forEach(t -> {
                SyndCategory c = new SyndCategoryImpl();
                c.setName(t.name());
                categories.add(c);
            });
            entry.setCategories(categories);
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("feed not writable", e);
        }
    }

    /** The item's HTML: the body, then each correction as a paragraph of its own. */
    static String html(ArticleResponse a) {
        if (a.corrections().isEmpty()) {
            return a.body();
        }
        StringBuilder html = new StringBuilder(a.body());
        a.corrections()
                .forEach(c -> html.append("<p><em>Correction (")
                        .append(c.at().toString(), 0, 10)
                        .append("):</em> ")
                        .append(Entities.escape(c.text()))
                        .append("</p>"));
        return html.toString();
    }

    JsonFeed json(FeedMeta meta, List<ArticleResponse> articles) {
        List<JsonFeed.Item> items = articles.stream()
                .map(a -> new JsonFeed.Item(
                        "urn:uuid:" + a.id(),
                        meta.itemUrl().apply(a),
                        a.headline(),
                        html(a),
                        a.standfirst(),
                        a.publishedAt(),
                        a.updatedAt(),
                        a.byline() == null ? null : List.of(new JsonFeed.Author(a.byline())),
                        a.tags().stream().map(t -> t.name()).toList(),
                        a.language()))
                .toList();
        return new JsonFeed(
                JsonFeed.VERSION, meta.title(), meta.homeUrl(), meta.selfUrl(), meta.description(), null, items);
    }
}
