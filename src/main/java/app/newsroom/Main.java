package app.newsroom;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service. Before Quarkus starts, it turns off the HTTP layer's own URL check
 * ({@code vertx.disableURIValidation}), which answers a URL that does not parse with an empty 400 before any handler
 * of ours can run; the router then fails such a request and {@code RouteFailures} answers it with problem+json. Tests
 * and dev mode set the same property from the build (pom.xml).
 */
@QuarkusMain
public final class Main {

    static final String URI_VALIDATION = "vertx.disableURIValidation";

    Main() {}

    public static void main(String... args) {
        System.setProperty(URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
