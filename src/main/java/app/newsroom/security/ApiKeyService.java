package app.newsroom.security;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import app.newsroom.common.Ids;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.Secrets;
import app.newsroom.common.Times;
import app.newsroom.security.KeyDtos.CreatedKey;
import app.newsroom.security.KeyDtos.KeyRequest;
import app.newsroom.security.KeyDtos.KeyResponse;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * API keys: a random 256-bit secret shown once, stored only as its SHA-256 (random secrets need no slow hash), looked
 * up by that hash and compared in constant time. No cache: a deleted key stops working with the next request.
 */
@ApplicationScoped
public class ApiKeyService {

    static final String PREFIX = "nr_";
    private static final int MIN_BOOTSTRAP_LENGTH = 24;

    private final ApiKeyRepository keys;
    private final NewsroomConfig config;

    ApiKeyService(ApiKeyRepository keys, NewsroomConfig config) {
        this.keys = keys;
        this.config = config;
    }

    @Transactional
    public CreatedKey create(KeyRequest request) {
        String key = Secrets.newSecret(PREFIX);
        ApiKey entity = new ApiKey();
        entity.id = Ids.newId();
        entity.name = request.name().trim();
        entity.role = request.role();
        entity.keyHash = hash(key);
        entity.createdAt = Times.now();
        keys.persist(entity);
        Log.infof("Created %s key %s (%s)", entity.role, entity.id, entity.name);
        return new CreatedKey(entity.id, entity.name, entity.role, entity.createdAt, key);
    }

    @Transactional
    public List<KeyResponse> list() {
        return keys.find("ORDER BY createdAt, id").list().stream()
                .map(KeyResponse::of)
                .toList();
    }

    @Transactional
    public boolean revoke(UUID id) {
        boolean deleted = keys.deleteById(id);
        if (deleted) {
            Log.infof("Revoked key %s", id);
        }
        return deleted;
    }

    /** The key's id and role when the secret is a live key. */
    @Transactional
    public Optional<KeyIdentity> verify(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > 200) {
            return Optional.empty();
        }
        byte[] hash = hash(secret);
        return keys.findByHash(hash)
                .filter(k -> MessageDigest.isEqual(k.keyHash, hash))
                .map(k -> new KeyIdentity(k.id, k.role));
    }

    /** Installs the key in NEWSROOM_ADMIN_KEY as an admin key, replacing an earlier bootstrap key. */
    @Transactional
    void bootstrap(@Observes StartupEvent event) {
        Optional<String> configured = config.adminKey().map(String::trim).filter(s -> !s.isEmpty());
        if (configured.isEmpty()) {
            return;
        }
        String key = configured.get();
        if (key.length() < MIN_BOOTSTRAP_LENGTH) {
            Log.errorf("NEWSROOM_ADMIN_KEY is ignored: it must have at least %d characters", MIN_BOOTSTRAP_LENGTH);
            return;
        }
        byte[] hash = hash(key);
        if (keys.findByHash(hash).isPresent()) {
            return;
        }
        keys.delete("bootstrap", true);
        ApiKey entity = new ApiKey();
        entity.id = Ids.newId();
        entity.name = "bootstrap admin (NEWSROOM_ADMIN_KEY)";
        entity.role = Role.ADMIN;
        entity.keyHash = hash;
        entity.bootstrap = true;
        entity.createdAt = Times.now();
        keys.persist(entity);
        Log.infof("Installed the bootstrap admin key %s", entity.id);
    }

    static byte[] hash(String secret) {
        return Secrets.sha256(secret);
    }

    public record KeyIdentity(UUID id, Role role) {}
}
