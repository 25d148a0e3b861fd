package app.newsroom.common;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The key under which the answer of a statement is kept (list totals, search counts): its SQL and its parameters, in
 * name order, without {@code now}, which changes with every request and changes nothing that matters for a total kept
 * a few seconds.
 */
public final class StatementKeys {

    private StatementKeys() {}

    public static String of(String sql, Map<String, Object> params) {
        StringBuilder key = new StringBuilder(sql);
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("now")) {
                key.append('\n')
                        .append(name)
                        .append('=')
                        .append(value instanceof Object[] array ? Arrays.toString(array) : String.valueOf(value));
            }
        });
        return key.toString();
    }
}
