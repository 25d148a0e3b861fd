package app.newsroom.common;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
    /** ICU transliteration for non-Latin scripts: correct, but ~100 µs a call. */
    private static final Slugify TRANSLITERATING = Slugify.builder()
            .transliterator(true)
            .lowerCase(true)
            .locale(Locale.ROOT)
            .build();
    /** Latin text only needs its accents folded, which the plain builder does (Unicode NFKD) a hundred times faster. */
    private static final Slugify LATIN = Slugify.builder()
            .transliterator(false)
            .lowerCase(true)
            .locale(Locale.ROOT)
            .customReplacements(Map.ofEntries(
                    Map.entry("ß", "ss"),
                    Map.entry("ẞ", "SS"),
                    Map.entry("æ", "ae"),
                    Map.entry("Æ", "AE"),
                    Map.entry("œ", "oe"),
                    Map.entry("Œ", "OE"),
                    Map.entry("ø", "o"),
                    Map.entry("Ø", "O"),
                    Map.entry("đ", "d"),
                    Map.entry("Đ", "D"),
                    Map.entry("ł", "l"),
                    Map.entry("Ł", "L"),
                    Map.entry("þ", "th"),
                    Map.entry("Þ", "TH"),
                    Map.entry("ð", "d"),
                    Map.entry("Ð", "D"),
                    Map.entry("ı", "i"),
                    Map.entry("ħ", "h"),
                    Map.entry("Ħ", "H")))
            .build();

    private Slugs() {}

    /** Recent slugs of short texts (tag names repeat across a bulk import); cleared when full. */
    private static final Map<String, String> MEMO = new ConcurrentHashMap<>();

    private static final int MEMO_SIZE = 20_000;

    /** The slug for a text, or an empty string when the text has no letters or digits at all. */
    public static String slugify(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > 200) {
            return compute(text);
        }
        String known = MEMO.get(text);
        if (known == null) {
            if (MEMO.size() >= MEMO_SIZE) {
                MEMO.clear();
            }
            known = compute(text);
            MEMO.put(text, known);
        }
        return known;
    }

    private static String compute(String text) {
        // apostrophes join their word ("Syria's" gives "syrias", not "syria-s")
        String joined = text.replace("'", "").replace("\u2019", "").replace("\u02BC", "");
        String slug = (latin(joined) ? LATIN : TRANSLITERATING)
                .slugify(joined)
                .replaceAll("[^a-z0-9-]", "")
                .replaceAll("-{2,}", "-");
        slug = trimDashes(slug);
        if (slug.length() > MAX_LENGTH) {
            slug = trimDashes(cutAtWord(slug, MAX_LENGTH));
        }
        return slug;
    }

    /** The first of {@code base}, {@code base-2}, {@code base-3}... that is not taken. */
    public static String firstFree(String base, Set<String> taken) {
        for (int n = 1; ; n++) {
            String candidate = withSuffix(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
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
        return slug != null
                && slug.length() <= MAX_LENGTH
                && VALID.matcher(slug).matches();
    }

    /** Only Latin letters (with their accents), digits, punctuation and symbols: no transliteration needed. */
    static boolean latin(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
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
