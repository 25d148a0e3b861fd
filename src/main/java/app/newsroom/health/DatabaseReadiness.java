package app.newsroom.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database answers. The answer names no host, port or driver message (those go to the log): it is
 * served to anyone who can reach {@code /q/health}.
 */
@Readiness
@ApplicationScoped
class DatabaseReadiness implements HealthCheck {

    private final DatabaseGate gate;

    DatabaseReadiness(DatabaseGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Database").status(gate.check()).build();
    }
}
