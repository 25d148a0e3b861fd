package app.newsroom.devdb;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies {@code quarkus.datasource.jdbc.url} from an embedded PostgreSQL in the {@code dev} and {@code test}
 * profiles when none is configured, so that {@code ./mvnw quarkus:dev} and {@code ./mvnw verify} need no installed
 * database and no Docker. In {@code prod}, or when a URL is given (e.g. {@code QUARKUS_DATASOURCE_JDBC_URL}), it
 * does nothing: the embedded server's classes are only on the dev and test class paths.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!dev && !test) {
            return List.of();
        }
        ConfigValue configured = context.getValue(URL);
        if (configured != null
                && configured.getValue() != null
                && !configured.getValue().isBlank()) {
            return List.of();
        }
        ConfigValue dir = context.getValue("newsroom.dev-db.directory");
        String url = EmbeddedPostgresServer.jdbcUrl(test, dir == null ? null : dir.getValue());
        return List.of(new PropertiesConfigSource(
                Map.of(URL, url, "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres"),
                "embedded-postgresql",
                150));
    }
}
