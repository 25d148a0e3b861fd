package app.newsroom.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of draft preview tokens. */
final class PreviewDtos {

    private PreviewDtos() {}

    @Schema(name = "PreviewTokenRequest", description = "How long the preview link should work")
    record PreviewTokenRequest(
            @Schema(
                    description = "Seconds from now; default newsroom.previews.default-ttl (1 hour), at most "
                            + "newsroom.previews.max-ttl (7 days unless configured otherwise)",
                    minimum = "60",
                    example = "86400",
                    nullable = true)
            @Min(60)
            Long expiresInSeconds) {}

    @Schema(
            name = "PreviewToken",
            description = "A new preview token: shown once (only its hash is kept). Anyone holding it may read this "
                    + "article, whatever its status, until it expires or is revoked; it grants nothing else.")
    record PreviewTokenCreated(
            UUID id,

            @Schema(description = "The secret; send it as `?preview=` or `Authorization: Preview <token>`")
            String token,

            Instant expiresAt,

            @Schema(description = "The article with this token, ready to open")
            String url) {}

    @Schema(name = "PreviewTokenInfo", description = "A preview token as listed: never the secret itself")
    record PreviewTokenInfo(
            UUID id,
            Instant createdAt,
            Instant expiresAt,
            @Schema(nullable = true) Instant revokedAt,

            @Schema(description = "Neither expired nor revoked")
            boolean active) {}

    @Schema(name = "PreviewTokenList", description = "An article's preview tokens, newest first")
    record PreviewTokenList(List<PreviewTokenInfo> items) {}
}
