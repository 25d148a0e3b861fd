package app.newsroom.health;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Every connection of the pool carries a statement timeout ({@code options=-c statement_timeout=10s}), except while
 * Flyway migrates, which lifts it for the connections it uses ({@code quarkus.flyway.init-sql}). Once started, those
 * connections are closed, so that no request runs on one without the timeout.
 */
@Singleton
class StatementTimeout {

    private final AgroalDataSource dataSource;

    StatementTimeout(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void afterMigrations(@Observes StartupEvent started) {
        dataSource.flush(AgroalDataSource.FlushMode.ALL);
    }
}
