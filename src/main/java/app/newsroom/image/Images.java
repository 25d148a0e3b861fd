package app.newsroom.image;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.newsroom.common.ExternalUrls;
import app.newsroom.common.Html;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.error.ProblemException;
import app.newsroom.image.ImageDtos.FocalPoint;
import app.newsroom.image.ImageDtos.Image;
import app.newsroom.image.ImageDtos.ImageRequest;
import app.newsroom.image.ImageDtos.Rendition;

/**
 * Images from request to storage to answer: the checks Bean Validation cannot express (an http(s) URL, text without
 * markup), the stored form (the request's fields as JSON, in a jsonb column), and the served form with its renditions,
 * computed on every read from the configured template so that a new image server or new widths apply to every image
 * at once.
 */
@ApplicationScoped
public class Images {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<String> template;
    private final List<Integer> widths;

    @Inject // the bean's constructor: the other one is for tests and tools
    Images(NewsroomConfig config) {
        this(config.images().renditionTemplate(), config.images().widths());
    }

    /** With a template (or none) and the widths to render. */
    public Images(Optional<String> template, List<Integer> widths) {
        this.template = template.map(String::trim).filter(t -> !t.isEmpty());
        this.template.ifPresent(Images::requireValidTemplate);
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer w : widths) {
            if (w == null || w < 1 || w > ImageDtos.MAX_SIDE) {
                throw new IllegalStateException(
                        "newsroom.images.widths: every width must be between 1 and " + ImageDtos.MAX_SIDE);
            }
            sorted.add(w);
        }
        this.widths = List.copyOf(sorted);
    }

    private static void requireValidTemplate(String template) {
        if (!template.contains("{width}")) {
            throw new IllegalStateException("newsroom.images.rendition-template must contain {width}");
        }
        String sample = fill(template, "https%3A%2F%2Fexample.org%2Fa.jpg", "a.jpg", 100, 100, 0.5, 0.5);
        if (!ExternalUrls.isHttp(sample)) {
            throw new IllegalStateException(
                    "newsroom.images.rendition-template must give an absolute http or https URL: " + template);
        }
    }

    /**
     * The checks of an image that Bean Validation does not make, each 400 naming the field under {@code field}
     * ({@code mainImage.url}).
     */
    public static void check(ImageRequest image, String field) {
        if (image == null) {
            return;
        }
        if (!ExternalUrls.isHttp(image.url())) {
            throw ProblemException.badRequest(field + ".url", "must be an absolute http or https URL");
        }
        if (Html.isMarkup(image.alt())) {
            throw ProblemException.badRequest(field + ".alt", "must be plain text, without HTML");
        }
        if (Html.isMarkup(image.caption())) {
            throw ProblemException.badRequest(field + ".caption", "must be plain text, without HTML");
        }
        if (Html.isMarkup(image.credit())) {
            throw ProblemException.badRequest(field + ".credit", "must be plain text, without HTML");
        }
    }

    /** Whether plain text reads as markup: plain-text fields (captions, an author's bio) refuse it. */
    /** The JSON kept in the database for a checked image; none for none. */
    public static String stored(ImageRequest image) {
        if (image == null) {
            return null;
        }
        ImageRequest clean = new ImageRequest(
                image.url().trim(),
                image.width(),
                image.height(),
                image.alt().trim(),
                blankToNull(image.caption()),
                blankToNull(image.credit()),
                image.focalPoint());
        try {
            return JSON.writeValueAsString(clean);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("image not serializable", e);
        }
    }

    /** The image as written, from its stored JSON; none for none (a client writes back what it read). */
    public static ImageRequest written(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return JSON.readValue(stored, ImageRequest.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("a stored image is not the JSON newsroom writes", e);
        }
    }

    /** The served form of a stored image, with its renditions; none for none. */
    public Image served(String stored) {
        return served(written(stored));
    }

    /** The served form of an image, with its renditions; none for none. */
    public Image served(ImageRequest image) {
        if (image == null) {
            return null;
        }
        List<Rendition> renditions = renditions(image);
        StringBuilder srcset = new StringBuilder();
        for (Rendition r : renditions) {
            if (!srcset.isEmpty()) {
                srcset.append(", ");
            }
            // a URL in a srcset cannot hold a raw comma or space: they would split it
            srcset.append(r.url().replace(",", "%2C").replace(" ", "%20"))
                    .append(' ')
                    .append(r.width())
                    .append('w');
        }
        return new Image(
                image.url(),
                image.width(),
                image.height(),
                image.alt(),
                image.caption(),
                image.credit(),
                image.focalPoint(),
                renditions,
                srcset.toString());
    }

    private List<Rendition> renditions(ImageRequest image) {
        int width = image.width();
        int height = image.height();
        if (template.isEmpty()) {
            return List.of(new Rendition(width, height, image.url()));
        }
        FocalPoint focus = image.focalPoint();
        double fx = focus == null ? 0.5 : focus.x();
        double fy = focus == null ? 0.5 : focus.y();
        String encoded = URLEncoder.encode(image.url(), StandardCharsets.UTF_8);
        String path = pathOf(image.url());
        List<Rendition> out = new ArrayList<>();
        for (int w : widths) {
            if (w < width) {
                int h = Math.max(1, (int) Math.round((double) height * w / width));
                out.add(new Rendition(w, h, fill(template.get(), encoded, path, w, h, fx, fy)));
            }
        }
        out.add(new Rendition(width, height, fill(template.get(), encoded, path, width, height, fx, fy)));
        return out;
    }

    /** The original's path without its leading slash, with its query. */
    static String pathOf(String url) {
        URI uri = URI.create(url.trim());
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.startsWith("/") ? path.substring(1) : path;
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String fill(String template, String url, String path, int w, int h, double fx, double fy) {
        return template.replace("{url}", url)
                .replace("{path}", path)
                .replace("{width}", Integer.toString(w))
                .replace("{height}", Integer.toString(h))
                .replace("{fx}", decimal(fx))
                .replace("{fy}", decimal(fy));
    }

    private static String decimal(double d) {
        String s = String.format(Locale.ROOT, "%.4f", d);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
