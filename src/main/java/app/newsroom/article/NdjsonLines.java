package app.newsroom.article;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads NDJSON lines of at most {@code maxChars} characters each: a longer line is skipped to its end and reported as
 * too long, so that one endless line cannot fill the heap. Lines end at {@code \n}; a {@code \r} before it is dropped.
 */
final class NdjsonLines {

    /** A line, or the marker of a line that was too long (its text is not kept). */
    record Line(String text, boolean tooLong) {}

    private final Reader reader;
    private final int maxChars;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;

    NdjsonLines(Reader reader, int maxChars) {
        this.reader = reader;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? finish(line, tooLong) : null;
                }
            }
            any = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (!tooLong) {
                line.append(buffer, start, position - start);
                if (line.length() > maxChars) {
                    tooLong = true;
                    line.setLength(0);
                }
            }
            if (position < limit) { // at the '\n'
                position++;
                return finish(line, tooLong);
            }
        }
    }

    private static Line finish(StringBuilder line, boolean tooLong) {
        if (tooLong) {
            return new Line(null, true);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return new Line(line.substring(0, end), false);
    }
}
