package app.newsroom.feed;

import java.net.URI;
import java.net.URLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jsoup.nodes.Entities;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.Text;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEnclosureImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import app.newsroom.article.ArticleDtos.ArticleResponse;
import app.newsroom.image.ImageDtos.Image;

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
                entry.setAuthor(a.byline()); // RSS: dc:creator
            }
            if (!a.authors().isEmpty() && type.startsWith("atom")) {
                entry.setAuthors(a.authors().stream()
                        .map(au -> {
                            SyndPerson person = new SyndPersonImpl();
                            person.setName(au.name());
                            return person;
                        })
                        .toList()); // Atom: an <author> each
            }
            List<SyndCategory> categories = new ArrayList<>();
            a.tags().forEach(t -> {
                SyndCategory c = new SyndCategoryImpl();
                c.setName(t.name());
                categories.add(c);
            });
            entry.setCategories(categories);
            if (a.mainImage() != null) {
                withImage(entry, a.mainImage());
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("feed not writable", e);
        }
    }

    /**
     * The main image as an enclosure (RSS {@code <enclosure>}, Atom {@code <link rel="enclosure">}) and as Media RSS
     * {@code <media:content>} with its size, alt text, caption and credit, which feed readers show as the item's picture.
     */
    private static void withImage(SyndEntry entry, Image image) {
        String type = mediaType(image.url());
        SyndEnclosure enclosure = new SyndEnclosureImpl();
        enclosure.setUrl(image.url());
        enclosure.setType(type);
        enclosure.setLength(0); // unknown: newsroom keeps the image's metadata, not its bytes
        entry.setEnclosures(List.of(enclosure));
        MediaContent content = new MediaContent(new UrlReference(URI.create(image.url())));
        content.setMedium("image");
        content.setType(type);
        content.setWidth(image.width());
        content.setHeight(image.height());
        Metadata metadata = new Metadata();
        metadata.setDescription(image.caption() != null ? image.caption() : image.alt());
        metadata.setText(new Text[] {new Text("plain", image.alt())});
        if (image.credit() != null) {
            metadata.setCredits(new Credit[] {new Credit(null, null, image.credit())});
        }
        content.setMetadata(metadata);
        MediaEntryModuleImpl media = new MediaEntryModuleImpl();
        media.setMediaContents(new MediaContent[] {content});
        entry.getModules().add(media);
    }

    /** The media type an image's file name says, else JPEG (by far the most common for news photos). */
    static String mediaType(String url) {
        String path = URI.create(url).getPath();
        String guessed = path == null ? null : URLConnection.guessContentTypeFromName(path);
        if (guessed != null && guessed.startsWith("image/")) {
            return guessed;
        }
        String lower = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        if (lower.endsWith(".avif")) {
            return "image/avif";
        }
        return "image/jpeg";
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

    /** JSON Feed authors: the article's authors with their portraits, else its byline, else none. */
    private static List<JsonFeed.Author> authors(ArticleResponse a) {
        if (!a.authors().isEmpty()) {
            return a.authors().stream()
                    .map(au -> new JsonFeed.Author(
                            au.name(), au.image() == null ? null : au.image().url()))
                    .toList();
        }
        return a.byline() == null ? null : List.of(new JsonFeed.Author(a.byline(), null));
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
                        authors(a),
                        a.tags().stream().map(t -> t.name()).toList(),
                        a.language(),
                        a.mainImage() == null ? null : a.mainImage().url()))
                .toList();
        return new JsonFeed(
                JsonFeed.VERSION, meta.title(), meta.homeUrl(), meta.selfUrl(), meta.description(), null, items);
    }
}
