package app.newsroom.tag;

import java.util.Locale;

import jakarta.persistence.Converter;

import com.fasterxml.jackson.annotation.JsonValue;

import app.newsroom.common.LowercaseEnumConverter;

/** What a tag names. Serialized in lowercase. */
public enum TagType {
    TOPIC,
    PERSON,
    PLACE,
    ORGANIZATION,
    EVENT;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TagType fromJson(String value) {
        for (TagType type : values()) {
            if (type.toString().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown tag type");
    }

    @Converter(autoApply = true)
    static class JpaConverter extends LowercaseEnumConverter<TagType> {
        JpaConverter() {
            super(TagType.class);
        }
    }
}
