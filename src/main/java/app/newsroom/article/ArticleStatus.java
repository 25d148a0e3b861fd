package app.newsroom.article;

import java.util.Locale;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.newsroom.common.LowercaseEnumConverter;

/**
 * Editorial status. A published article with a future publishedAt is scheduled: public only from then on. A killed
 * one was withdrawn (POST /articles/{id}/kill) and stays so until an admin un-kills it.
 */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED,
    ARCHIVED,
    KILLED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    static class JpaConverter extends LowercaseEnumConverter<ArticleStatus> {
        JpaConverter() {
            super(ArticleStatus.class);
        }
    }
}
