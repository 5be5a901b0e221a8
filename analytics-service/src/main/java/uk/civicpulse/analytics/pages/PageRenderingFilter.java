package uk.civicpulse.analytics.pages;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.StringWriter;

/**
 * Renders each page's template before the response leaves, so a template that fails gives the officer a 500 page at
 * once. Micronaut Views renders lazily while writing the body, and a failure there is logged but never answered: the
 * browser waits until it times out (micronaut-views issue 832, open).
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public class PageRenderingFilter implements HttpServerFilter {

    private static final Logger LOG = LoggerFactory.getLogger(PageRenderingFilter.class);

    static final String FAILED_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a problem with this page</title></head>
            <body><main><h1>Sorry, there is a problem with this page</h1>
            <p lang="en">Try again later. The problem has been logged.</p>
            <p lang="cy">Mae problem gyda'r dudalen hon. Rhowch gynnig arall arni yn nes ymlaen.</p></main></body></html>
            """;

    @Override
    public int getOrder() {
        // Before the views filter on the way in, so after it on the way out: the body is then the view's Writable.
        return ServerFilterPhase.RENDERING.before();
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        return Publishers.map(chain.proceed(request), response -> {
            Object body = response.body();
            return body instanceof Writable view ? rendered(request, response, view) : response;
        });
    }

    @SuppressWarnings("unchecked")
    private static MutableHttpResponse<?> rendered(HttpRequest<?> request, MutableHttpResponse<?> response, Writable body) {
        StringWriter html = new StringWriter();
        try {
            body.writeTo(html);
        } catch (Exception | LinkageError e) {
            LOG.error("The page for {} {} could not be rendered", request.getMethod(), request.getPath(), e);
            return HttpResponse.serverError().contentType(MediaType.TEXT_HTML_TYPE).body(FAILED_PAGE);
        }
        return ((MutableHttpResponse<Object>) response).body(html.toString());
    }
}
