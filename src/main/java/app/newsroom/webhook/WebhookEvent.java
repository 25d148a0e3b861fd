package app.newsroom.webhook;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a public article, as partners are told. */
@Schema(name = "WebhookEvent", description = "An event a webhook endpoint may receive")
public enum WebhookEvent {
    ARTICLE_PUBLISHED,
    ARTICLE_UPDATED,
    ARTICLE_UNPUBLISHED,
    ARTICLE_DELETED,
    ARTICLE_KILLED,
    ARTICLE_CORRECTED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replaceFirst("_", ".");
    }

    static WebhookEvent of(String name) {
        for (WebhookEvent e : values()) {
            if (e.toString().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
