package app.newsroom.common.error;

import java.nio.channels.ClosedChannelException;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import app.newsroom.common.JsonSetup;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where exceptions become RFC 9457 problem+json responses. Messages are written here for clients:
 * no exception message, class name, SQL or stack trace is ever echoed.
 */
class ProblemMappers {

    /** Seconds a client is asked to wait after a 503: about the time the service takes to notice a recovery. */
    static final String RETRY_AFTER = "2";

    private final AllowedMethods allowedMethods;
    private final Event<DatabaseUnavailable> unavailable;

    ProblemMappers(AllowedMethods allowedMethods, Event<DatabaseUnavailable> unavailable) {
        this.allowedMethods = allowedMethods;
        this.unavailable = unavailable;
    }

    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(400, "Bad request"),
            Map.entry(401, "Unauthorized"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not found"),
            Map.entry(405, "Method not allowed"),
            Map.entry(406, "Not acceptable"),
            Map.entry(409, "Conflict"),
            Map.entry(412, "Precondition failed"),
            Map.entry(413, "Payload too large"),
            Map.entry(414, "URI too long"),
            Map.entry(415, "Unsupported media type"),
            Map.entry(429, "Too many requests"),
            Map.entry(431, "Request header fields too large"),
            Map.entry(500, "Internal server error"),
            Map.entry(503, "Service unavailable"));

    private static final Map<Integer, String> DETAILS = Map.ofEntries(
            Map.entry(404, "No resource at this path. The API lives under /api/v1; see /q/openapi."),
            Map.entry(405, "This method is not supported on this resource; see the Allow header."),
            Map.entry(406, "This resource cannot produce the media type named in the Accept header."),
            Map.entry(415, "This resource does not accept the request's Content-Type; send application/json."));

    static Response problem(
            int status, String type, String title, String detail, String instance, List<Problem.FieldError> errors) {
        Problem body = new Problem(
                "urn:newsroom:problem:" + type,
                title,
                status,
                detail,
                instance,
                errors == null || errors.isEmpty() ? null : errors);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    static String typeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "precondition-failed";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal" : "client-error";
        };
    }

    static String titleFor(int status) {
        return TITLES.getOrDefault(status, status >= 500 ? "Server error" : "Client error");
    }

    @ServerExceptionMapper
    Response problemException(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder out =
                Response.fromResponse(problem(e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.errors()));
        e.headers().forEach(out::header);
        return out.build();
    }

    /** A missing key on a protected operation, or a key that is not live: 401 with the Bearer challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        String detail = headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? "This operation needs an API key: send Authorization: Bearer <key>."
                : "The API key is not valid (unknown or revoked), or the Authorization header is not 'Bearer <key>'.";
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized", detail, path(uri), null))
                .header(HttpHeaders.WWW_AUTHENTICATE, Challenges.BEARER)
                .build();
    }

    /** A live key without the role the operation needs. */
    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(
                403, "forbidden", "Forbidden", "This API key's role does not allow this operation.", path(uri), null);
    }

    /** A body that passed its limit while read, also when the JSON parser or the REST layer wrapped it. */
    @ServerExceptionMapper
    Response bodyTooLarge(BodyTooLarge e, UriInfo uri) {
        return Response.fromResponse(
                        problem(413, "payload-too-large", "Payload too large", e.getMessage(), path(uri), null))
                .header("Connection", "close")
                .build();
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri) {
        if (BodyTooLarge.in(e) != null) {
            return bodyTooLarge(BodyTooLarge.in(e), uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        String detail = DETAILS.getOrDefault(
                status, status == 400 ? "The request could not be understood." : titleFor(status) + ".");
        Response.ResponseBuilder out =
                Response.fromResponse(problem(status, typeFor(status), titleFor(status), detail, path(uri), null));
        for (String h : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            if (original != null && original.getHeaderString(h) != null) {
                out.header(h, original.getHeaderString(h));
            }
        }
        if (status == 405 && (original == null || original.getHeaderString(HttpHeaders.ALLOW) == null)) {
            String allow = allowedMethods.forPath(uri.getPath());
            if (allow != null) {
                out.header(HttpHeaders.ALLOW, allow);
            }
        }
        return out.build();
    }

    @ServerExceptionMapper({
        JsonProcessingException.class,
        JsonParseException.class,
        MismatchedInputException.class,
        InvalidFormatException.class,
        UnrecognizedPropertyException.class,
        ValueInstantiationException.class,
        JsonMappingException.class
    })
    Response jsonMapping(JsonProcessingException e, UriInfo uri) {
        return json(e, uri);
    }

    Response json(JsonProcessingException e, UriInfo uri) {
        if (BodyTooLarge.in(e) != null) {
            return bodyTooLarge(BodyTooLarge.in(e), uri);
        }
        Problem.FieldError error = fieldError(e);
        if (error == null) {
            return problem(
                    400,
                    "malformed-json",
                    "Malformed JSON",
                    "The request body is not valid JSON" + where(e) + ".",
                    path(uri),
                    null);
        }
        return problem(
                400,
                "validation",
                "Invalid request",
                "Invalid value for '" + error.field() + "': " + error.message(),
                path(uri),
                List.of(error));
    }

    static String where(JsonProcessingException e) {
        return e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
    }

    /** How Jackson's parser starts the message of a member named twice (STRICT_DUPLICATE_DETECTION). */
    private static final String DUPLICATE = "Duplicate field '";

    /** The field a JSON mapping error is about and what is wrong with it; null when the JSON itself is malformed. */
    static Problem.FieldError fieldError(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (e instanceof JsonParseException && original != null && original.startsWith(DUPLICATE)) {
            int end = original.indexOf('\'', DUPLICATE.length());
            String field = end > 0 ? original.substring(DUPLICATE.length(), end) : "(body)";
            return new Problem.FieldError(field, "appears more than once in the object");
        }
        if (e instanceof JsonParseException
                || e instanceof StreamConstraintsException
                || !(e instanceof JsonMappingException mapping)) {
            return null;
        }
        String field = fieldPath(mapping);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e.getOriginalMessage() != null
                && (e.getOriginalMessage().equals(JsonSetup.NUL_MESSAGE)
                        || e.getOriginalMessage().equals(JsonSetup.SURROGATE_MESSAGE))) {
            message = e.getOriginalMessage();
        } else if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            message = "must be one of " + enumValues(invalid.getTargetType());
        } else if (e instanceof InvalidFormatException invalid
                && invalid.getTargetType() != null
                && Temporal.class.isAssignableFrom(invalid.getTargetType())) {
            message = "must be an RFC 3339 date-time such as 2026-11-26T09:30:00Z";
        } else if (e.getCause() instanceof ProblemException problem
                && !problem.errors().isEmpty()) {
            message = problem.errors().get(0).message();
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            message = "must be " + describe(mismatched.getTargetType());
        } else {
            message = "has an invalid value";
        }
        return new Problem.FieldError(field.isEmpty() ? "(body)" : field, message);
    }

    @ServerExceptionMapper
    Response jsonBody(JsonBody.Invalid e, UriInfo uri) {
        return json(e.json(), uri);
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    Response concurrentUpdate(Exception e, UriInfo uri, HttpHeaders headers) {
        boolean conditional = headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
        int status = conditional ? 412 : 409;
        return problem(
                status,
                typeFor(status),
                titleFor(status),
                "The resource was changed by another request meanwhile; read it again and retry.",
                path(uri),
                null);
    }

    /** Last line of defence: a value the database refused (out of range, bad encoding) is the client's, not ours. */
    @ServerExceptionMapper
    Response dataException(DataException e, UriInfo uri) {
        Log.warnf("Database refused a value while serving %s: SQLState %s", path(uri), e.getSQLState());
        return problem(
                400,
                "validation",
                "Invalid request",
                "A value in the request is out of the range the " + "database can store.",
                path(uri),
                null);
    }

    @ServerExceptionMapper
    Response any(Throwable e, UriInfo uri) {
        if (BodyTooLarge.in(e) != null) {
            return bodyTooLarge(BodyTooLarge.in(e), uri);
        }
        if (clientGone(e)) {
            // the client closed the connection while its body was read: nobody is left to answer, nothing failed
            Log.debugf("Client went away while sending %s: %s", path(uri), e.toString());
            return problem(400, "client-gone", "Client went away", "The request body ended early.", path(uri), null);
        }
        return unexpected(e, uri);
    }

    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            Log.warnf("Database unavailable while serving %s: %s", path(uri), e.toString());
            unavailable.fire(new DatabaseUnavailable(e));
            return Response.fromResponse(problem(
                            503,
                            "service-unavailable",
                            "Service unavailable",
                            "The database is unavailable; retry later.",
                            path(uri),
                            null))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error %s while serving %s", incident, path(uri));
        return problem(
                500,
                "internal",
                "Internal server error",
                "An unexpected error occurred; it has been logged as incident " + incident + ".",
                path(uri),
                null);
    }

    static boolean databaseUnavailable(Throwable e) {
        return DatabaseUnavailable.is(e);
    }

    static String fieldPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String enumValues(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return String.join(", ", names);
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 date-time such as 2026-11-26T09:30:00Z";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "an object";
    }

    static String path(UriInfo uri) {
        try {
            return uri == null ? null : uri.getRequestUri().getRawPath();
        } catch (RuntimeException unparsable) { // RequestLimits refuses such URLs first; never a 500 for the instance
            return null;
        }
    }
}
