package app.newsroom.cache;

import java.util.Locale;

/**
 * The two request headers a kept answer must agree with before it is sent from memory: {@code Accept} (a client that
 * accepts no JSON gets the framework's 406, not a kept JSON body) and {@code Accept-Encoding} (gzip).
 */
final class Negotiation {

    private Negotiation() {}

    /** Whether an answer of this media type satisfies the Accept header (absent: anything does). */
    static boolean acceptable(String accept, String contentType) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        String type = baseType(contentType);
        int slash = type.indexOf('/');
        String major = slash < 0 ? type : type.substring(0, slash);
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String wanted = parts[0].trim().toLowerCase(Locale.ROOT);
            if (quality(parts) <= 0) {
                continue;
            }
            if (wanted.equals("*/*") || wanted.equals(type) || wanted.equals(major + "/*")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the client takes gzip (a coding with q=0 is refused; {@code *} counts). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].trim().toLowerCase(Locale.ROOT);
            if ((name.equals("gzip") || name.equals("x-gzip") || name.equals("*")) && quality(parts) > 0) {
                return true;
            }
        }
        return false;
    }

    private static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .trim()
                .toLowerCase(Locale.ROOT);
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String p = parameters[i].trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
