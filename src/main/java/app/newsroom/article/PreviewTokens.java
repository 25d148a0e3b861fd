package app.newsroom.article;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import app.newsroom.article.PreviewDtos.PreviewTokenInfo;
import app.newsroom.common.Ids;
import app.newsroom.common.NewsroomConfig;
import app.newsroom.common.Secrets;
import app.newsroom.common.Times;
import app.newsroom.common.error.ProblemException;
import io.quarkus.logging.Log;

/**
 * Draft preview tokens: minted by editors for one article, stored as their SHA-256, looked up by it. A token names its
 * article, not a version: the holder sees the article as it is when they look.
 */
@ApplicationScoped
class PreviewTokens {

    static final String PREFIX = "pv_";

    private static final String LIST = """
            SELECT id, created_at, expires_at, revoked_at FROM preview_token
             WHERE article_id = :article ORDER BY created_at DESC, id""";

    private final EntityManager em;
    private final NewsroomConfig config;

    PreviewTokens(EntityManager em, NewsroomConfig config) {
        this.em = em;
        this.config = config;
        if (config.previews().defaultTtl().compareTo(config.previews().maxTtl()) > 0) {
            throw new IllegalStateException("newsroom.previews.default-ttl is longer than newsroom.previews.max-ttl");
        }
    }

    record Minted(UUID id, String token, Instant expiresAt) {}

    /** A new token for an existing article, working for this long (or the default); none if there is no article. */
    @Transactional
    Optional<Minted> mint(UUID articleId, Long seconds) {
        Duration ttl = seconds == null ? config.previews().defaultTtl() : Duration.ofSeconds(seconds);
        if (ttl.compareTo(config.previews().maxTtl()) > 0) {
            throw ProblemException.badRequest(
                    "expiresInSeconds",
                    "must be at most " + config.previews().maxTtl().toSeconds());
        }
        if (em.find(Article.class, articleId) == null) {
            return Optional.empty();
        }
        String token = Secrets.newSecret(PREFIX);
        UUID id = Ids.newId();
        Instant now = Times.now();
        Instant expires = now.plus(ttl);
        em.createNativeQuery("""
                INSERT INTO preview_token (id, article_id, token_hash, created_at, expires_at)
                VALUES (:id, :article, :hash, :now, :expires)""")
                .setParameter("id", id)
                .setParameter("article", articleId)
                .setParameter("hash", Secrets.sha256(token))
                .setParameter("now", now)
                .setParameter("expires", expires)
                .executeUpdate();
        Log.infof("Minted preview token %s for article %s, until %s", id, articleId, expires);
        return Optional.of(new Minted(id, token, expires));
    }

    /** The article a live token shows; none for an unknown, expired or revoked one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<UUID> articleOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = Secrets.sha256(token);
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery("""
                SELECT article_id, token_hash FROM preview_token
                 WHERE token_hash = :hash AND revoked_at IS NULL AND expires_at > :now""", Tuple.class)
                .setParameter("hash", hash)
                .setParameter("now", Instant.now())
                .getResultList();
        return rows.stream()
                .filter(r -> Secrets.sameHash(r.get("token_hash", byte[].class), hash))
                .map(r -> r.get("article_id", UUID.class))
                .findFirst();
    }

    /** An article's tokens, newest first; none if there is no article. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<List<PreviewTokenInfo>> list(UUID articleId) {
        if (em.find(Article.class, articleId) == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Tuple> rows = em.createNativeQuery(LIST, Tuple.class)
                .setParameter("article", articleId)
                .getResultList();
        return Optional.of(rows.stream()
                .map(r -> {
                    Instant expires = instant(r.get("expires_at"));
                    Instant revoked = instant(r.get("revoked_at"));
                    return new PreviewTokenInfo(
                            r.get("id", UUID.class),
                            instant(r.get("created_at")),
                            expires,
                            revoked,
                            revoked == null && expires.isAfter(now));
                })
                .toList());
    }

    /** Revokes one of an article's tokens at once; false if the article has no such token. */
    @Transactional
    boolean revoke(UUID articleId, UUID tokenId) {
        int found = em.createNativeQuery("""
                UPDATE preview_token SET revoked_at = COALESCE(revoked_at, :now)
                 WHERE id = :id AND article_id = :article""")
                .setParameter("now", Times.now())
                .setParameter("id", tokenId)
                .setParameter("article", articleId)
                .executeUpdate();
        if (found > 0) {
            Log.infof("Revoked preview token %s of article %s", tokenId, articleId);
        }
        return found > 0;
    }

    private static Instant instant(Object value) {
        return ArticleSummaries.instant(value);
    }
}
