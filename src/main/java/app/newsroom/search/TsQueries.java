package app.newsroom.search;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The text form of tsqueries, as search writes them into its statements: literals, and queries derived from a parsed
 * one (restricted to the headline, all or any of its lexemes with a tier suffix).
 */
final class TsQueries {

    /** A quoted lexeme in the text form of a tsquery ({@code 'it''s'}), with no weight given. */
    static final Pattern LEXEME = Pattern.compile("'(?:[^']|'')*'(?!:)");

    private TsQueries() {}

    /**
     * A PostgreSQL escape-string literal ({@code E'...'}): backslashes and quotes doubled, which reads the same
     * whatever standard_conforming_strings is set to. For text that PostgreSQL itself produced or checked.
     */
    static String literal(String text) {
        return "E'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** The tsquery (as text, from websearch_to_tsquery: no weights or prefixes) with every lexeme restricted to A. */
    static String headlineOnly(String tsquery) {
        return LEXEME.matcher(tsquery).replaceAll(r -> Matcher.quoteReplacement(r.group() + ":A"));
    }

    /** A tsquery (as text) matching all of these lexemes with the suffix: {@code 'a^30' & 'b^30'}. */
    static String allOf(List<String> lexemes, String suffix) {
        return join(lexemes, suffix, " & ");
    }

    /** A tsquery (as text) matching any of these lexemes with the suffix: {@code 'a^30' | 'b^30'}. */
    static String anyOf(List<String> lexemes, String suffix) {
        return join(lexemes, suffix, " | ");
    }

    private static String join(List<String> lexemes, String suffix, String operator) {
        StringBuilder q = new StringBuilder();
        for (String lexeme : lexemes) {
            if (!q.isEmpty()) {
                q.append(operator);
            }
            q.append('\'')
                    .append((lexeme + suffix).replace("\\", "\\\\").replace("'", "''"))
                    .append('\'');
        }
        return q.toString();
    }

    /** A lowercase word as running text writes it: as is, Capitalized, in CAPITALS (Unicode rules, any locale). */
    static Stream<String> caseVariants(String lexeme) {
        if (lexeme.isEmpty()) {
            return Stream.of(lexeme);
        }
        int first = lexeme.codePointAt(0);
        String capitalized = new StringBuilder()
                .appendCodePoint(Character.toTitleCase(first))
                .append(lexeme, Character.charCount(first), lexeme.length())
                .toString();
        return Stream.of(lexeme, capitalized, lexeme.toUpperCase(Locale.ROOT));
    }
}
