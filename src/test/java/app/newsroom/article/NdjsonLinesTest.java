package app.newsroom.article;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NdjsonLinesTest {

    private static List<String> read(String input, int max) throws IOException {
        NdjsonLines lines = new NdjsonLines(new StringReader(input), max);
        List<String> out = new ArrayList<>();
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            out.add(line.tooLong() ? "<too long>" : line.text());
        }
        return out;
    }

    @Test
    void shouldSplitOnNewlinesDroppingCarriageReturns() throws IOException {
        assertEquals(List.of("a", "b", "", "c"), read("a\nb\r\n\nc", 10));
        assertEquals(List.of("a"), read("a\n", 10));
        assertEquals(List.of(), read("", 10));
    }

    @Test
    void shouldSkipALineLongerThanTheLimitAndGoOn() throws IOException {
        String longLine = "x".repeat(20_000); // longer than the reader's buffer too
        assertEquals(List.of("ok", "<too long>", "next"), read("ok\n" + longLine + "\nnext", 100));
        assertEquals(List.of("<too long>"), read(longLine, 100));
        assertEquals(List.of("x".repeat(100)), read("x".repeat(100), 100));
    }
}
