package app.newsroom.common.error;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.ClientProxy;

/**
 * The methods each resource path supports, read once from the JAX-RS annotations of the resource beans, so that a 405
 * carries the {@code Allow} header RFC 9110 requires (the framework's own 405 has none).
 */
@Singleton
public class AllowedMethods {

    private final BeanManager beans;
    private volatile List<Route> routes;

    AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The Allow header value for a path relative to the REST root ({@code /articles/x}), or null when none matches. */
    public String forPath(String path) {
        Set<String> methods = new TreeSet<>();
        String normalized = ("/" + path).replaceAll("/+", "/");
        for (Route route : routes()) {
            if (route.pattern.matcher(normalized).matches()) {
                methods.add(route.method);
            }
        }
        if (methods.isEmpty()) {
            return null;
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        methods.add("OPTIONS");
        return String.join(", ", methods);
    }

    private List<Route> routes() {
        List<Route> result = routes;
        if (result == null) {
            result = new ArrayList<>();
            for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
                Class<?> type = bean.getBeanClass();
                Path base = type.getAnnotation(Path.class);
                if (base == null || ClientProxy.class.isAssignableFrom(type)) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String http = httpMethod(m);
                    if (http != null) {
                        Path sub = m.getAnnotation(Path.class);
                        result.add(new Route(http, template(base.value() + (sub == null ? "" : "/" + sub.value()))));
                    }
                }
            }
            routes = result;
        }
        return result;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    static Pattern template(String path) {
        String normalized = ("/" + path).replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex + "/?");
    }

    private record Route(String method, Pattern pattern) {}
}
