package app.newsroom.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: UTC instants with millisecond precision, so what a client reads back is what it wrote. */
public final class Times {

    private Times() {}

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }
}
