package app.newsroom.security;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ApiKeyRepository implements PanacheRepositoryBase<ApiKey, UUID> {

    Optional<ApiKey> findByHash(byte[] hash) {
        return find("keyHash", hash).firstResultOptional();
    }
}
