package app.newsroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A PostgreSQL of its own for an integration test class: the packaged service connects to it like to any other. */
final class ItDatabase implements AutoCloseable {

    private final Path data;
    private final int port;
    private final String jdbcUrl;
    private EmbeddedPostgres postgres;

    ItDatabase() {
        try {
            data = Files.createTempDirectory("newsroom-it-pg");
            postgres = builder(false).start();
            port = postgres.getPort();
            jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /** Kept on close, so that the server can stop and start again on its data; {@link #close} deletes it. */
    private EmbeddedPostgres.Builder builder(boolean restart) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "off");
        return restart ? builder.setPort(port) : builder;
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    /** Stops the server as an administrator would ({@code pg_ctl stop -m fast}): sessions are terminated. */
    void stop() throws IOException {
        postgres.close();
    }

    /** Starts it again on the same data and port. */
    void start() throws IOException {
        postgres = builder(true).start();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
