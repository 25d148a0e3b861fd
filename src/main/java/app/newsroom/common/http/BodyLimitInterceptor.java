package app.newsroom.common.http;

import java.io.IOException;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Counts every request body as it is read, so one without a Content-Length (chunked) is held to the operation's limit
 * too: a 413 the moment it passes it ({@link BodyLimit}). Bodies with a Content-Length were checked before
 * ({@link RequestLimits}); counting them again costs nothing.
 */
@Provider
class BodyLimitInterceptor implements ReaderInterceptor {

    // looked up on first use: interceptors are made while the REST layer is set up, before configuration is
    private final Instance<RequestLimits> limits;
    private final UriInfo uri;

    BodyLimitInterceptor(Instance<RequestLimits> limits, UriInfo uri) {
        this.limits = limits;
        this.uri = uri;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException, WebApplicationException {
        context.setInputStream(
                new BodyLimit(context.getInputStream(), limits.get().bodyLimit(uri.getPath())));
        return context.proceed();
    }
}
