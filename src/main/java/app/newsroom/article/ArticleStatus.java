package app.newsroom.article;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

/** Editorial status. A published article with a future publishedAt is scheduled: public only from then on. */
public enum ArticleStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    static class JpaConverter implements AttributeConverter<ArticleStatus, String> {
        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.toString();
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : ArticleStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
