package app.newsroom.search;

/**
 * Turns ts_headline output into safe HTML: the database marks matches with two private-use characters (which are
 * removed from the source text first, so the text cannot forge them); everything is HTML-escaped, then the marks
 * become {@code <mark>} elements.
 */
final class Highlights {

    static final char START = '\uE000';
    static final char STOP = '\uE001';
    /**
     * ts_headline options: the marks, and every word that matches marked (the text given is the fragment to show:
     * the headline, or the body's fragment around the first match).
     */
    static final String OPTIONS = "StartSel=" + START + ", StopSel=" + STOP + ", HighlightAll=true";
    /** The body's fragment: this many characters, starting this many before the first match (cut to whole words). */
    static final int FRAGMENT = 170;

    static final int BEFORE = 50;

    private Highlights() {}

    static String toHtml(String marked) {
        if (marked == null) {
            return null;
        }
        StringBuilder html = new StringBuilder(marked.length() + 32);
        boolean open = false;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            switch (c) {
                case START -> {
                    if (!open) {
                        html.append("<mark>");
                        open = true;
                    }
                }
                case STOP -> {
                    if (open) {
                        html.append("</mark>");
                        open = false;
                    }
                }
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        if (open) {
            html.append("</mark>");
        }
        return html.toString();
    }
}
