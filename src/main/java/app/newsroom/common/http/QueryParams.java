package app.newsroom.common.http;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import app.newsroom.common.error.ProblemException;

/**
 * Query parameters arrive as strings and are parsed here, so that an unparsable value is a 400 problem naming the
 * parameter rather than the framework's bare 404.
 */
public final class QueryParams {

    private QueryParams() {}

    /** A client's value as it may be echoed in a problem: cut short, anything but letters, digits and {@code ._~-} as '?'. */
    public static String printable(String value) {
        String cut = value.length() > 120 ? value.substring(0, 120) + "…" : value;
        return cut.replaceAll("[^\\p{L}\\p{N}._~…-]", "?");
    }

    /** Escapes LIKE's wildcards (for {@code ESCAPE '\\'}), so a client's text matches literally. */
    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static int intParam(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, "must be a whole number");
        }
        if (value < min || value > max) {
            throw ProblemException.badRequest(
                    name,
                    max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A plain string parameter, checked for length and for characters PostgreSQL cannot store. */
    public static String text(String name, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (raw.indexOf('\u0000') >= 0) {
            throw ProblemException.badRequest(name, "must not contain the NUL character");
        }
        if (raw.length() > maxLength) {
            throw ProblemException.badRequest(name, "must be at most " + maxLength + " characters");
        }
        return raw.trim();
    }

    /** A boolean query parameter: absent is false; anything but true or false is a 400 naming it. */
    public static boolean flag(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ProblemException.badRequest(name, "must be true or false");
        };
    }

    public static <E extends Enum<E>> E enumParam(String name, String raw, Class<E> type, E defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.toString().equals(raw.trim())) {
                return constant;
            }
        }
        throw ProblemException.badRequest(
                name,
                "must be one of "
                        + String.join(
                                ", ",
                                Arrays.stream(type.getEnumConstants())
                                        .map(Object::toString)
                                        .toList()));
    }

    /** Earliest and latest instants accepted anywhere: years 1 to 9999, which PostgreSQL and RFC 3339 both hold. */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");

    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59Z");

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
    }

    /**
     * A date ({@code 2026-11-26}) or RFC 3339 date-time. A date as the upper bound ({@code endOfDay}) means the end of
     * that day, so {@code from=2026-11-26&to=2026-11-26} covers the whole day.
     */
    public static Instant instant(String name, String raw, boolean endOfDay) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.trim();
        try {
            Instant instant;
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = (endOfDay ? date.plusDays(1) : date)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            } else {
                instant = OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
            }
            if (!inRange(instant)) {
                throw ProblemException.badRequest(name, "must be between the years 1 and 9999");
            }
            return instant;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(
                    name, "must be a date (2026-11-26) or an RFC 3339 date-time " + "(2026-11-26T09:30:00Z)");
        }
    }
}
