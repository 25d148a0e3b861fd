package app.newsroom.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM. Dev mode keeps its data in a folder under the project between runs; tests get a
 * fresh temporary folder. The JDBC URL is remembered in a system property so that dev-mode restarts (new class
 * loaders, same JVM) reuse the running server instead of starting another.
 */
final class EmbeddedPostgresServer {

    private static final String STARTED = "embedded-postgres.newsroom.jdbc-url";

    private EmbeddedPostgresServer() {}

    static synchronized String jdbcUrl(boolean test, String directory) {
        String running = System.getProperty(STARTED);
        if (running != null) {
            return running;
        }
        try {
            Path data = test
                    ? Files.createTempDirectory("newsroom-test-pg")
                    : Path.of(directory == null || directory.isBlank() ? ".dev-db" : directory)
                            .toAbsolutePath();
            Files.createDirectories(data);
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(test)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", test ? "off" : "on")
                    .start();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                try {
                                    pg.close();
                                } catch (IOException e) {
                                    // the JVM is going away; nothing useful left to do
                                }
                            },
                            "embedded-postgres-stop"));
            String url = pg.getJdbcUrl("postgres", "postgres");
            System.setProperty(STARTED, url);
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
