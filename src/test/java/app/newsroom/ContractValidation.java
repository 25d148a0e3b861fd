package app.newsroom;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import com.atlassian.oai.validator.whitelist.rule.WhitelistRules;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Proves the OpenAPI document to its consumers: every response a test receives from {@code /api/...} is validated
 * against the running application's own {@code /q/openapi} — its status must be documented for the operation, its
 * Content-Type and body must match the documented schema, and every header it carries must be documented on that
 * response (or be one of the {@link #CROSS_CUTTING} transport and policy headers). An undocumented status, header or
 * field fails the test that received it.
 *
 * <p>Installed before each {@code @QuarkusTest} method by Quarkus (registered in
 * {@code META-INF/services/io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback}), as a global RestAssured
 * filter, so a new test class cannot forget it.
 *
 * <p>What is not validated, and why:
 * <ul>
 * <li>Requests. Tests send malformed JSON, unknown fields, bad parameters and wrong media types on purpose; what
 * they prove is the answer, so request findings are only reported at INFO level. Two exceptions stay errors: a
 * request to a path or method the document does not have — unless the application agrees and answers 404 or 405,
 * the framework's problem+json answer the tests themselves assert (there is no operation to validate it against).
 * So an endpoint that is served but missing from the document fails.</li>
 * <li>CORS preflights ({@code OPTIONS} with {@code Access-Control-Request-Method}): answered by the framework's
 * CORS handler from configuration, not API operations; HeadersAndCorsTest asserts them.</li>
 * <li>Paths outside {@code /api/} ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}, {@code /q/swagger-ui}):
 * the framework's endpoints, not part of the API document.</li>
 * <li>Requests sent with another client than RestAssured (a raw HTTP/1.1 request in HeadersAndCorsTest).</li>
 * </ul>
 * Feeds are validated like everything else (status, headers, content type), but the validator cannot read XML or
 * NDJSON bodies (it says so at INFO, which the test profile keeps out of the log): FeedTest and ImportTest parse
 * those.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    /**
     * Headers any response may carry without being documented per operation: HTTP transport, CORS (described in the
     * API's info and README) and the security headers every answer gets.
     */
    static final Set<String> CROSS_CUTTING = Set.of(
            "content-type",
            "content-length",
            "content-encoding",
            "transfer-encoding",
            "connection",
            "keep-alive",
            "date",
            "vary",
            "x-content-type-options",
            "content-security-policy",
            "referrer-policy");

    /** One validator per running application (base URI), built from its document on first use. */
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    /** The operation the validator matched for the current request (validation runs on the test's thread). */
    private static final ThreadLocal<ApiOperation> MATCHED = new ThreadLocal<>();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    /** Adds the filter to RestAssured's global filters unless it is there already. */
    public static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(ContractFilter.class::isInstance)) {
            RestAssured.filters(new ContractFilter());
        }
    }

    static final class ContractFilter implements OrderedFilter {

        @Override
        public Response filter(
                FilterableRequestSpecification request,
                FilterableResponseSpecification responseSpec,
                FilterContext ctx) {
            URI uri = URI.create(request.getURI());
            if (uri.getPath() == null || !uri.getPath().startsWith("/api/") || isCorsPreflight(request)) {
                return ctx.next(request, responseSpec);
            }
            OpenApiValidationFilter validator =
                    new OpenApiValidationFilter(validator(uri.getScheme() + "://" + uri.getAuthority()));
            MATCHED.remove();
            try {
                Response response = validator.filter(request, responseSpec, ctx);
                checkHeaders(request, response, MATCHED.get());
                return response;
            } finally {
                MATCHED.remove();
            }
        }

        private static boolean isCorsPreflight(FilterableRequestSpecification request) {
            return "OPTIONS".equalsIgnoreCase(request.getMethod())
                    && request.getHeaders().hasHeaderWithName("Access-Control-Request-Method");
        }

        /** Runs after the other filters (last before the request is sent), so it sees what is really sent. */
        @Override
        public int getOrder() {
            return OrderedFilter.LOWEST_PRECEDENCE;
        }
    }

    private static OpenApiInteractionValidator build(String base) {
        String document = fetch(base + "/q/openapi?format=json");
        LevelResolver levels = LevelResolver.create()
                .withLevel("validation.request", ValidationReport.Level.INFO)
                .withLevel("validation.request.path.missing", ValidationReport.Level.ERROR)
                .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.ERROR)
                .withLevel("validation.response", ValidationReport.Level.ERROR)
                .build();
        ValidationErrorsWhitelist unknownRoutes = ValidationErrorsWhitelist.create()
                .withRule(
                        "no such path, and the application answers 404",
                        WhitelistRules.allOf(
                                WhitelistRules.messageHasKey("validation.request.path.missing"),
                                WhitelistRules.responseStatusIs(404)))
                .withRule(
                        "no such method on this path, and the application answers 405",
                        WhitelistRules.allOf(
                                WhitelistRules.messageHasKey("validation.request.operation.notAllowed"),
                                WhitelistRules.responseStatusIs(405)));
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels)
                .withWhitelist(unknownRoutes)
                .withCustomResponseValidation((response, operation) -> {
                    MATCHED.set(operation);
                    return ValidationReport.empty();
                })
                .build();
    }

    /** Every header of the response is documented on the matched response, or cross-cutting. */
    private static void checkHeaders(
            FilterableRequestSpecification request, Response response, ApiOperation operation) {
        if (operation == null) {
            return; // an unknown route the application answered 404/405 to (see the whitelist)
        }
        Set<String> undocumented = undocumentedHeaders(
                operation.getOperation(),
                response.statusCode(),
                response.getHeaders().asList().stream().map(Header::getName).toList());
        if (!undocumented.isEmpty()) {
            throw new AssertionError("Response " + response.statusCode() + " of " + request.getMethod() + " "
                    + operation.getApiPath().original() + " carries headers its OpenAPI response does not document: "
                    + undocumented);
        }
    }

    /** The names among {@code headers} that the operation's response with this status does not document. */
    static Set<String> undocumentedHeaders(Operation operation, int status, Collection<String> headers) {
        ApiResponse documented = operation.getResponses().get(String.valueOf(status));
        if (documented == null) {
            documented = operation.getResponses().get("default");
        }
        Set<String> allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        allowed.addAll(CROSS_CUTTING);
        if (documented != null && documented.getHeaders() != null) {
            allowed.addAll(documented.getHeaders().keySet());
        }
        Set<String> undocumented = new TreeSet<>();
        for (String name : headers) {
            if (!allowed.contains(name) && !name.toLowerCase(Locale.ROOT).startsWith("access-control-")) {
                undocumented.add(name);
            }
        }
        return undocumented;
    }

    /** The validator the filter uses for the application at this base URI ({@code http://localhost:8081}). */
    static OpenApiInteractionValidator validator(String base) {
        return VALIDATORS.computeIfAbsent(base, ContractValidation::build);
    }

    static String fetch(String url) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .header("Accept", "application/json")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
