package app.newsroom.security;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import app.newsroom.common.LowercaseEnumConverter;

/** An API key. The secret itself is never stored: only its SHA-256. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    public UUID id;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(nullable = false, length = 16)
    @Convert(converter = RoleConverter.class)
    public Role role;

    @Column(name = "key_hash", nullable = false)
    public byte[] keyHash;

    @Column(nullable = false)
    public boolean bootstrap;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Converter
    static class RoleConverter extends LowercaseEnumConverter<Role> {
        RoleConverter() {
            super(Role.class);
        }
    }
}
