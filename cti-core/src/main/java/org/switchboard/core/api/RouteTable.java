package org.switchboard.core.api;

import io.netty.handler.codec.http.HttpMethod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every route the server answers, matched by path template: a literal segment wins over a {@code {variable}} one
 * ({@code /api/wakeups/report} before {@code /api/wakeups/{id}}). A path with a template but not the method is 405
 * with the methods it has; a path with none is 404.
 */
public final class RouteTable {

    /** What a request found. */
    public sealed interface Match permits Found, WrongMethod, NotFound {
    }

    public record Found(Route route, Map<String, String> variables) implements Match {
    }

    /** The path is served, not with this method; {@code open} when none of its routes needs a login. */
    public record WrongMethod(String template, List<HttpMethod> allowed, boolean open) implements Match {
    }

    public record NotFound() implements Match {
    }

    private record Template(String text, String[] segments) {
        /** Literal segments weigh more the further left they stand, so the most specific template scores highest. */
        long specificity() {
            long score = 0;
            for (int i = 0; i < segments.length; i++) {
                score = score * 2 + (isVariable(segments[i]) ? 0 : 1);
            }
            return score;
        }
    }

    private final List<Route> routes;
    private final Map<String, Template> templates = new LinkedHashMap<>();
    private final Map<String, List<Route>> byTemplate = new HashMap<>();

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        Set<String> seen = new HashSet<>();
        for (Route r : this.routes) {
            if (!seen.add(r.method() + " " + r.template())) {
                throw new IllegalStateException("two routes for " + r.method() + " " + r.template());
            }
            templates.computeIfAbsent(r.template(), t -> new Template(t, segments(t)));
            byTemplate.computeIfAbsent(r.template(), t -> new ArrayList<>()).add(r);
        }
    }

    public List<Route> routes() {
        return routes;
    }

    public Match match(HttpMethod method, String path) {
        String[] parts = segments(path);
        Template best = null;
        for (Template t : templates.values()) {
            if (matches(t, parts) && (best == null || t.specificity() > best.specificity())) {
                best = t;
            }
        }
        if (best == null) {
            return new NotFound();
        }
        List<Route> candidates = byTemplate.get(best.text());
        for (Route r : candidates) {
            if (r.method().equals(method)) {
                return new Found(r, variables(best, parts));
            }
        }
        return new WrongMethod(best.text(), candidates.stream().map(Route::method).toList(),
                candidates.stream().noneMatch(r -> r.access().login()));
    }

    /** {@code "GET, POST"}: the methods a 405 names. */
    public static String names(List<HttpMethod> methods) {
        return methods.stream().map(HttpMethod::name).collect(Collectors.joining(", "));
    }

    private static boolean matches(Template t, String[] parts) {
        if (t.segments().length != parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            String s = t.segments()[i];
            if (isVariable(s) ? parts[i].isEmpty() : !s.equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> variables(Template t, String[] parts) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < parts.length; i++) {
            String s = t.segments()[i];
            if (isVariable(s)) {
                vars.put(s.substring(1, s.length() - 1), parts[i]);
            }
        }
        return vars;
    }

    private static boolean isVariable(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        return path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    }
}
