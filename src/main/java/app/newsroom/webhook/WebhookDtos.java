package app.newsroom.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/** The webhook API's records. */
public final class WebhookDtos {

    private WebhookDtos() {}

    @Schema(name = "WebhookPayloadForm", description = "Which form of the article a delivery carries")
    public enum PayloadForm {
        SUMMARY,
        FULL;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Schema(name = "WebhookRequest", description = "An endpoint to register")
    public record WebhookRequest(
            @Schema(
                    description = "Where to POST events: https, and a public address unless the service "
                            + "allows private targets",
                    example = "https://partner.example.com/hooks/newsroom",
                    required = true)
            @NotBlank
            @Size(max = 2000)
            String url,

            @Schema(description = "What the endpoint is for", nullable = true, example = "Example Daily CMS")
            @Size(max = 200)
            String description,

            @Schema(description = "Events to receive; absent or empty: all of them", nullable = true) @Size(max = 10)
            List<WebhookEvent> events,

            @Schema(
                    description = "Only articles with at least one of these tag slugs; absent or empty: any",
                    nullable = true,
                    example = "[\"syria\"]")
            @Size(max = 50)
            List<@NotBlank @Size(max = 120) String> tags,

            @Schema(
                    description = "Only articles in one of these sections or below them; absent or empty: any",
                    nullable = true,
                    example = "[\"world\"]")
            @Size(max = 50)
            List<@NotBlank @Size(max = 200) String> sections,

            @Schema(description = "The article's form in each delivery; default summary", nullable = true)
            PayloadForm payload) {}

    @Schema(name = "Webhook", description = "A registered endpoint; it never shows its secret again")
    public record WebhookResponse(
            UUID id,
            String url,
            @Schema(nullable = true) String description,
            List<WebhookEvent> events,
            List<String> tags,
            List<String> sections,
            PayloadForm payload,
            Instant createdAt,

            @Schema(description = "Since when deliveries to it have been failing", nullable = true)
            Instant failingSince,

            @Schema(description = "When it was disabled for failing too long", nullable = true)
            Instant disabledAt,

            @Schema(nullable = true) String disabledReason) {}

    @Schema(name = "CreatedWebhook", description = "A registered endpoint with its signing secret, shown this once")
    public record CreatedWebhook(
            UUID id,
            String url,
            @Schema(nullable = true) String description,
            List<WebhookEvent> events,
            List<String> tags,
            List<String> sections,
            PayloadForm payload,
            Instant createdAt,

            @Schema(
                    description = "The Standard Webhooks signing secret (`whsec_` + base64); store it, it is "
                            + "never shown again",
                    example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
            String secret) {}

    @Schema(name = "WebhookList", description = "The endpoints the caller may see")
    public record WebhookList(List<WebhookResponse> items) {}

    @Schema(name = "WebhookAttempt", description = "One try to deliver an event")
    public record Attempt(
            int attempt,
            Instant at,

            @Schema(description = "The endpoint's HTTP status; null when it did not answer", nullable = true)
            Integer status,

            long latencyMs,

            @Schema(description = "Why it failed, when it did", nullable = true)
            String error) {}

    @Schema(name = "WebhookDelivery", description = "An event queued for one endpoint, and its attempts")
    public record Delivery(
            long id,

            @Schema(description = "The `webhook-id` header: the same on every attempt")
            UUID eventId,

            WebhookEvent type,
            UUID articleId,
            String slug,

            @Schema(enumeration = {"pending", "delivered", "failed"})
            String state,

            @Schema(description = "When the next attempt is due (pending only)", nullable = true)
            Instant nextAttemptAt,

            Instant createdAt,
            @Schema(nullable = true) Instant finishedAt,
            List<Attempt> attempts) {}

    @Schema(name = "WebhookDeliveryList", description = "The newest deliveries of an endpoint, newest first")
    public record DeliveryList(List<Delivery> items) {}

    /** The body of a delivery (Standard Webhooks' recommended shape: type, timestamp, data). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Payload(String type, Instant timestamp, PayloadData data) {}

    record PayloadData(
            UUID articleId, String slug, String cursor, Object article, String reason, Instant embargoedUntil) {}
}
