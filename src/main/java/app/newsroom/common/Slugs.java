package app.newsroom.common;

import java.util.Locale;
import java.util.regex.Pattern;

import com.github.slugify.Slugify;

/**
 * Slugs: lowercase ASCII words joined by '-', at most 120 characters. Non-Latin text is transliterated by ICU4J
 * (through Slugify), so an Arabic or Cyrillic headline gives a readable ASCII slug.
 */
public final class Slugs {

    public static final int MAX_LENGTH = 120;
    public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final Slugify SLUGIFY = Slugify.builder().transliterator(true).lowerCase(true)
            .locale(Locale.ROOT).build();

    private Slugs() {
    }

    /** The slug for a text, or an empty string when the text has no letters or digits at all. */
    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        String slug = SLUGIFY.slugify(text).replaceAll("[^a-z0-9-]", "").replaceAll("-{2,}", "-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimDashes(cutAtWord(slug, MAX_LENGTH));
        }
        return slug;
    }

    /** The slug with a numeric suffix ({@code -2}, {@code -3}...), cut so that the result still fits. */
    public static String withSuffix(String slug, int n) {
        if (n <= 1) {
            return slug;
        }
        String suffix = "-" + n;
        String base = slug.length() + suffix.length() > MAX_LENGTH
                ? trimDashes(slug.substring(0, MAX_LENGTH - suffix.length()))
                : slug;
        return base + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String cutAtWord(String slug, int max) {
        int cut = slug.lastIndexOf('-', max);
        return cut > max / 2 ? slug.substring(0, cut) : slug.substring(0, max);
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }
}
