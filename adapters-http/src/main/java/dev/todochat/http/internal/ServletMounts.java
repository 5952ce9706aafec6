package dev.todochat.http.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Servlets and filters an embedder adds beside the API, served on the same port. An exact path wins over the API's
 * routes; the API's own handlers (errors, request log) do not apply to them.
 */
public final class ServletMounts {
    private final Map<String, Servlet> servlets = new LinkedHashMap<>();
    private final Map<String, Filter> filters = new LinkedHashMap<>();

    public void servlet(String pathSpec, Servlet servlet) {
        servlets.put(checked(pathSpec), Objects.requireNonNull(servlet, "servlet"));
    }

    public void filter(String pathSpec, Filter filter) {
        filters.put(checked(pathSpec), Objects.requireNonNull(filter, "filter"));
    }

    public void install(ServletContextHandler context) {
        filters.forEach((path, filter) ->
                context.addFilter(new FilterHolder(filter), path, EnumSet.of(DispatcherType.REQUEST)));
        servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    }

    private static String checked(String pathSpec) {
        if (pathSpec == null || !pathSpec.startsWith("/")) {
            throw new IllegalArgumentException("a path spec starts with /, such as /mcp or /files/*, not " + pathSpec);
        }
        return pathSpec;
    }
}
