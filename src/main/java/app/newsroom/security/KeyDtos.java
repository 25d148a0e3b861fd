package app.newsroom.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response records of the key resource. */
public final class KeyDtos {

    private KeyDtos() {}

    @Schema(name = "KeyRequest", description = "A key to create", example = """
            { "name": "Partner: Example Daily", "role": "partner" }""")
    public record KeyRequest(
            @Schema(description = "Who the key is for", required = true, maxLength = 200) @NotBlank @Size(max = 200)
            String name,

            @Schema(description = "What the key may do", required = true) @NotNull
            Role role) {}

    @Schema(name = "Key", description = "An API key, without its secret")
    public record KeyResponse(UUID id, String name, Role role, Instant createdAt) {
        static KeyResponse of(ApiKey key) {
            return new KeyResponse(key.id, key.name, key.role, key.createdAt);
        }
    }

    @Schema(name = "CreatedKey", description = "A new API key with its secret, shown this once", example = """
            { "id": "019a2b3c-4d5e-7f60-8a9b-0c1d2e3f4a5b", "name": "Partner: Example Daily", "role": "partner",
              "createdAt": "2026-11-29T09:00:00Z", "key": "nr_3q2-7wQyQ0uXbJz1n8kR4yVf6dL0pT9sA2mC5eH7gB" }""")
    public record CreatedKey(
            UUID id,
            String name,
            Role role,
            Instant createdAt,

            @Schema(description = "The secret: send it as `Authorization: Bearer <key>`. Only its hash is stored.")
            String key) {}

    @Schema(name = "KeyList", description = "All API keys, without secrets")
    public record KeyList(List<KeyResponse> items) {}
}
