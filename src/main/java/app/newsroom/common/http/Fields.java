package app.newsroom.common.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.newsroom.common.error.ProblemException;

/**
 * Field selection ({@code fields=id,slug,headline}): the top-level fields of an answer — of the article itself, or of
 * each item of a page — that a client wants, so that a list card or a mobile app fetches only what it shows. {@code id}
 * is always included; an unknown field is a 400 that names it. The selection is applied to the serialized answer, so
 * every selected field has exactly the value and form it has in the whole answer.
 */
public final class Fields {

    public static final String PARAMETER = "fields";
    /** Longest accepted value: every field of the full form fits in far less. */
    private static final int MAX_LENGTH = 500;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** Everything: no selection. */
    public static final Fields ALL = new Fields(null, false);

    /** What the selection applies to: the answer's own fields, or those of each element of its {@code items}. */
    public enum Shape {
        ONE,
        ITEMS
    }

    private final Set<String> names;
    private final boolean items;

    private Fields(Set<String> names, boolean items) {
        this.names = names;
        this.items = items;
    }

    /** The {@code fields} query parameter, as a {@code @BeanParam}. */
    public static class Param {

        @Parameter(
                name = PARAMETER,
                in = ParameterIn.QUERY,
                description = "Only these top-level fields, comma-separated (of each item, for a page); `id` is always "
                        + "included; an unknown field is a 400 naming it. The answer is then described by the "
                        + "`...Fields` schema of the response: the same properties, only `id` required.",
                example = "id,slug,headline,mainImage,publishedAt")
        @QueryParam(PARAMETER)
        String fields;

        /** The selection among these known fields (the JSON names of the answer, or of each item). */
        public Fields of(Set<String> known, Shape shape) {
            return parse(fields, known, shape);
        }

        /** Whether a selection was asked for at all. */
        public boolean given() {
            return fields != null;
        }
    }

    /** The JSON names of a record's components (the DTOs' names are their JSON names) and any others given. */
    public static Set<String> namesOf(Class<? extends Record> type, String... more) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(type.getRecordComponents()).forEach(c -> names.add(c.getName()));
        names.addAll(List.of(more));
        return Collections.unmodifiableSet(names);
    }

    static Fields parse(String raw, Set<String> known, Shape shape) {
        if (raw == null) {
            return ALL;
        }
        if (raw.length() > MAX_LENGTH) {
            throw ProblemException.badRequest(PARAMETER, "must be at most " + MAX_LENGTH + " characters");
        }
        Set<String> names = new TreeSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String name = part.trim();
            if (name.isEmpty()) {
                throw ProblemException.badRequest(
                        PARAMETER, "must be field names separated by commas, such as id,slug,headline");
            }
            if (known.contains(name)) {
                names.add(name);
            } else {
                unknown.add(NAME.matcher(name).matches() ? name : QueryParams.printable(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest(
                    PARAMETER,
                    "unknown field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown) + "; known: "
                            + String.join(", ", known));
        }
        names.add("id");
        return new Fields(Collections.unmodifiableSet(names), shape == Shape.ITEMS);
    }

    public boolean all() {
        return names == null;
    }

    /** The selected names, sorted; none for all. */
    public Set<String> names() {
        return names;
    }

    /** The answer to serialize: the body itself, or its tree with only the selected fields. */
    public Object select(ObjectMapper mapper, Object body) {
        if (names == null) {
            return body;
        }
        JsonNode tree = mapper.valueToTree(body);
        if (!items) {
            return ((ObjectNode) tree).retain(names);
        }
        for (JsonNode item : tree.path("items")) {
            ((ObjectNode) item).retain(names);
        }
        return tree;
    }

    /** A validator of the selected form from that of the whole one: a selection is a representation of its own. */
    public String etag(String whole) {
        return names == null || whole == null
                ? whole
                : HttpCaching.etagOf(whole + "|fields=" + String.join(",", names));
    }

    /** For a problem's detail or a log: the selection as written in a URL. */
    @Override
    public String toString() {
        return names == null ? "*" : String.join(",", names);
    }
}
