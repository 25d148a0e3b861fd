package app.newsroom;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile input, driven by the service's own OpenAPI document: every operation, each of its parameters and each
 * field of its example body in turn given boundary and odd values (empty, huge, negative, NUL, invalid UTF-8,
 * another JSON type, deep nesting), plus bodies that are not JSON at all. Fails on any 5xx, on an error answer that
 * is not problem+json, and on anything in a body that looks like a stack trace or SQL. Sent with an admin key, so
 * that every operation is reached past authorization. Bounded: a few thousand requests, under a minute.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What must never be in an answer: a stack frame, an exception class, SQL or a database's own message. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat (app|org|io|java|jdk|com)\\.[\\w.$]+\\(|Exception\\b|\\bSELECT\\b|\\bINSERT INTO\\b|\\bSQLSTATE\\b"
                    + "|org\\.hibernate|org\\.postgresql|PSQL|syntax error at or near|jdbc:");

    /** Odd values of a query, path or header parameter; already percent-encoded where they go in the URL. */
    private static final List<String> ODD_PARAMETERS = List.of(
            "",
            "%00",
            "-1",
            "0",
            "2147483648",
            "-9223372036854775809",
            "1e309",
            "NaN",
            "%FF%FE",
            "%F0%9F%93%B0",
            "..%2F..%2Fetc%2Fpasswd",
            "%27%3B%20DROP%20TABLE%20article%3B--",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "a".repeat(5000),
            "true",
            "%5B%5D",
            "2026-13-45",
            "9999-12-31T23:59:60Z",
            "%2C%2C%2C",
            "%7C%7C");

    @TestHTTPResource("/")
    URL root;

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void shouldNeverAnswerHostileInputWithA5xxOrALeak() throws Exception {
        JsonNode document = JSON.readTree(ContractValidation.fetch(base() + "/q/openapi?format=json"));
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                fuzz(document, path.getKey(), op.getKey().toUpperCase(), op.getValue());
            }
        }
        System.out.printf("OpenAPI fuzz: %d requests, %d failures%n", requests, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " failures, first ones:\n" + String.join("\n", first(20)));
    }

    private List<String> first(int n) {
        return failures.subList(0, Math.min(n, failures.size()));
    }

    private void fuzz(JsonNode document, String template, String method, JsonNode operation) throws Exception {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            parameters.add(resolve(document, parameter));
        }
        JsonNode example = exampleBody(document, operation);
        String contentType = bodyType(operation);
        // each parameter in turn takes each odd value, the others their plain value
        for (JsonNode parameter : parameters) {
            for (String odd : ODD_PARAMETERS) {
                send(
                        method,
                        url(template, parameters, parameter, odd),
                        headers(parameter, odd),
                        contentType,
                        body(example));
            }
        }
        if (contentType == null) {
            return;
        }
        String url = url(template, parameters, null, null);
        // bodies that are not what the operation takes
        for (byte[] odd : List.of(
                new byte[0],
                "null".getBytes(),
                "[]".getBytes(),
                "\"a string\"".getBytes(),
                "{".getBytes(),
                "{\"a\":1,}".getBytes(),
                new byte[] {'{', '"', 'h', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                ("[".repeat(5000) + "]".repeat(5000)).getBytes(),
                ("{\"a\":".repeat(3000) + "1" + "}".repeat(3000)).getBytes())) {
            send(method, url, Map.of(), contentType, odd);
        }
        // each field of the example in turn takes each odd JSON value
        if (example instanceof ObjectNode object) {
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                for (JsonNode odd : oddJsonValues()) {
                    ObjectNode changed = object.deepCopy();
                    changed.set(field, odd);
                    send(method, url, Map.of(), contentType, body(changed));
                }
            }
        }
    }

    private static List<JsonNode> oddJsonValues() {
        ArrayNode deep = NODES.arrayNode();
        ArrayNode inner = deep;
        for (int i = 0; i < 200; i++) {
            inner = inner.addArray();
        }
        ObjectNode nested = NODES.objectNode();
        nested.putObject("a").putObject("b").put("c", 1);
        return List.of(
                NODES.nullNode(),
                NODES.textNode(""),
                NODES.textNode(" "),
                NODES.textNode("a\u0000b"),
                NODES.textNode("x".repeat(600_000)),
                NODES.textNode("\uD800"),
                NODES.textNode("<script>alert(1)</script><img src=x onerror=alert(1)>"),
                NODES.numberNode(-1),
                NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(new java.math.BigDecimal("1e400")),
                NODES.booleanNode(true),
                NODES.arrayNode(),
                NODES.arrayNode().add("x".repeat(300)).add(5).addNull(),
                nested,
                deep);
    }

    private void send(String method, String url, Map<String, String> headers, String contentType, byte[] body)
            throws InterruptedException {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + Fixtures.key("admin"));
        headers.forEach(request::header);
        if (contentType != null && body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        String label = method + " " + (url.length() > 150 ? url.substring(0, 150) + "…" : url)
                + (body == null ? "" : " body " + preview(body));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            check(label, response);
        } catch (IOException e) {
            failures.add(label + " → no answer: " + e);
        } catch (IllegalArgumentException e) {
            // a URL or header the client library itself refuses to send: nothing reached the service
        }
    }

    private void check(String label, HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body();
        if (status >= 500) {
            failures.add(label + " → " + status + " " + preview(body.getBytes()));
            return;
        }
        if (LEAK.matcher(body).find() && status >= 400) {
            failures.add(label + " → leaks internals: " + preview(body.getBytes()));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                failures.add(label + " → " + status + " is not problem+json (" + type + ")");
                return;
            }
            try {
                JsonNode problem = JSON.readTree(body);
                if (!problem.path("type").isTextual()
                        || !problem.path("title").isTextual()
                        || problem.path("status").asInt() != status) {
                    failures.add(label + " → " + status + " problem without type, title or status: " + body);
                }
            } catch (IOException e) {
                failures.add(label + " → " + status + " problem is not JSON: " + preview(body.getBytes()));
            }
        }
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 100), StandardCharsets.UTF_8);
        return bytes.length > 100 ? text + "…(" + bytes.length + " bytes)" : text;
    }

    private String base() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The URL with every path parameter filled (the fuzzed one with its odd value) and the fuzzed query one. */
    private String url(String template, List<JsonNode> parameters, JsonNode fuzzed, String odd) {
        String path = template;
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            boolean isFuzzed = parameter == fuzzed;
            if (in.equals("path")) {
                String value = isFuzzed ? odd : plain(parameter);
                path = path.replace("{" + name + "}", value.isEmpty() ? "%20" : value);
            } else if (in.equals("query") && isFuzzed) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                        .append('=')
                        .append(odd);
            }
        }
        return base() + path + query;
    }

    private static Map<String, String> headers(JsonNode parameter, String odd) {
        if (!parameter.path("in").asText().equals("header") || odd.contains("%")) {
            return Map.of();
        }
        return Map.of(parameter.path("name").asText(), odd);
    }

    /** A well-formed value for a path parameter that is not the one fuzzed: its example, or an unknown id. */
    private static String plain(JsonNode parameter) {
        JsonNode example = parameter.path("example");
        if (example.isTextual()) {
            return URLEncoder.encode(example.asText(), StandardCharsets.UTF_8);
        }
        return "0193a4e2-7c1a-7b3e-9d0f-2f6c1e0a5b11";
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }

    private static String bodyType(JsonNode operation) {
        Iterator<String> types = operation.path("requestBody").path("content").fieldNames();
        return types.hasNext() ? types.next() : null;
    }

    /** The first example of the request body, or of its schema; an empty object when there is none. */
    private static JsonNode exampleBody(JsonNode document, JsonNode operation) throws IOException {
        Iterator<JsonNode> media = operation.path("requestBody").path("content").elements();
        if (!media.hasNext()) {
            return null;
        }
        JsonNode type = media.next();
        Iterator<JsonNode> examples = type.path("examples").elements();
        if (examples.hasNext()) {
            JsonNode value = examples.next().path("value");
            return value.isTextual() && value.asText().startsWith("{") ? JSON.readTree(value.asText()) : value;
        }
        JsonNode schema = resolve(document, type.path("schema"));
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        return NODES.objectNode();
    }

    private static byte[] body(JsonNode example) {
        if (example == null) {
            return null;
        }
        try {
            return JSON.writeValueAsBytes(example);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
