package app.newsroom.webhook;

/** Examples of the webhook operations in the OpenAPI document. */
final class WebhookExamples {

    private WebhookExamples() {}

    static final String REQUEST = """
            { "url": "https://partner.example.com/hooks/newsroom", "description": "Example Daily CMS",
              "events": ["article.published", "article.updated", "article.unpublished", "article.deleted"],
              "tags": ["syria"], "sections": ["world"], "payload": "summary" }""";

    static final String CREATED = """
            { "id": "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a60", "url": "https://partner.example.com/hooks/newsroom",
              "description": "Example Daily CMS",
              "events": ["article.published", "article.updated", "article.unpublished", "article.deleted"],
              "tags": ["syria"], "sections": ["world"], "payload": "summary", "createdAt": "2026-11-30T09:00:00Z",
              "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }""";

    static final String WEBHOOK = """
            { "id": "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a60", "url": "https://partner.example.com/hooks/newsroom",
              "description": "Example Daily CMS",
              "events": ["article.published", "article.updated", "article.unpublished", "article.deleted"],
              "tags": ["syria"], "sections": ["world"], "payload": "summary", "createdAt": "2026-11-30T09:00:00Z",
              "failingSince": null, "disabledAt": null, "disabledReason": null }""";

    static final String LIST = "{ \"items\": [" + WEBHOOK + "] }";

    static final String DELIVERIES = """
            { "items": [ { "id": 1042, "eventId": "019a2b3d-0a1b-7c2d-8e3f-405162738495", "type": "article.updated",
                           "articleId": "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b12",
                           "slug": "syrias-interim-president-meets-putin-in-moscow", "state": "delivered",
                           "nextAttemptAt": null, "createdAt": "2026-11-30T09:05:00Z",
                           "finishedAt": "2026-11-30T09:05:10Z",
                           "attempts": [ { "attempt": 1, "at": "2026-11-30T09:05:00Z", "status": 503,
                                           "latencyMs": 41, "error": "answered 503" },
                                         { "attempt": 2, "at": "2026-11-30T09:05:10Z", "status": 200,
                                           "latencyMs": 38, "error": null } ] } ] }""";
}
