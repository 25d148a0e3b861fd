package app.newsroom.common;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON input rules shared by every request body: a string with a NUL character, which PostgreSQL cannot store, is
 * rejected as a 400 that names the field, before it can reach the database.
 */
@Singleton
public class JsonSetup implements ObjectMapperCustomizer {

    public static final String NUL_MESSAGE = "must not contain the NUL character";

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("newsroom-strings");
        module.addDeserializer(String.class, new NulRejectingStringDeserializer());
        mapper.registerModule(module);
    }

    static final class NulRejectingStringDeserializer extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, NUL_MESSAGE, value, String.class);
            }
            return value;
        }
    }
}
