package app.newsroom.common;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Article bodies: sanitized on write to the contract's safe subset with jsoup's {@link Safelist} (paragraphs,
 * headings, lists, links with http/https/mailto, emphasis, blockquote, figure/img with http/https src), and reduced
 * to plain text for word counts and search.
 */
public final class Html {

    private static final Safelist SAFE = new Safelist()
            .addTags(
                    "p",
                    "br",
                    "h2",
                    "h3",
                    "h4",
                    "h5",
                    "h6",
                    "ul",
                    "ol",
                    "li",
                    "a",
                    "em",
                    "strong",
                    "b",
                    "i",
                    "u",
                    "s",
                    "sub",
                    "sup",
                    "blockquote",
                    "q",
                    "cite",
                    "figure",
                    "figcaption",
                    "img",
                    "hr",
                    "code",
                    "pre")
            .addAttributes("a", "href", "title")
            .addAttributes("blockquote", "cite")
            .addAttributes("q", "cite")
            .addAttributes("img", "src", "alt", "title", "width", "height")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addProtocols("blockquote", "cite", "http", "https")
            .addProtocols("q", "cite", "http", "https")
            .addProtocols("img", "src", "http", "https")
            .addEnforcedAttribute("a", "rel", "noopener noreferrer");

    private static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]");

    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private Html() {}

    /** Sanitized HTML and its plain text, from one parse. */
    public record Clean(String html, String text) {}

    /** Whether plain text (a caption, a bio, a label) holds something that reads as markup: a tag, a comment, a declaration. */
    public static boolean isMarkup(String text) {
        return text != null && MARKUP.matcher(text).find();
    }

    public static Clean clean(String html) {
        if (html == null || html.isBlank()) {
            return new Clean("", "");
        }
        Document dirty = Jsoup.parseBodyFragment(html, "");
        Document clean = new Cleaner(SAFE).clean(dirty);
        clean.outputSettings(OUTPUT);
        return new Clean(clean.body().html().trim(), clean.body().text().trim());
    }

    public static int wordCount(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            boolean letterOrDigit;
            boolean joiner;
            if (c < 0x80) { // most text is ASCII: no code point decoding, no Unicode tables
                char lower = (char) (c | 0x20);
                letterOrDigit = (lower >= 'a' && lower <= 'z') || (c >= '0' && c <= '9');
                joiner = c == '\'' || c == '-';
                i++;
            } else {
                int cp = text.codePointAt(i);
                letterOrDigit = Character.isLetterOrDigit(cp);
                joiner = cp == '\u2019';
                i += Character.charCount(cp);
            }
            if (letterOrDigit && !inWord) {
                count++;
                inWord = true;
            } else if (!letterOrDigit && !joiner) {
                inWord = false;
            }
        }
        return count;
    }
}
