package io.awstutor.sandbox.http;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REST service's API as a table, read top to bottom like the service's reference: one row
 * per operation, its method, its path template ({@code /2020-05-31/distribution/{Id}/config})
 * and its name. The first row whose method and template fit answers. (S3, whose bucket may be
 * in the host name and whose operations differ by sub-resource, keeps a table of its own
 * shape, {@code S3Routes}.)
 */
public final class RestRoutes {
    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    /** What answers one row: the call and the template's parameters, percent-decoded. */
    @FunctionalInterface
    public interface Operation {
        SandboxResponse answer(ServiceCall call, Map<String, String> path) throws IOException;
    }

    public record Route(String method, String template, String operation, Pattern pattern, List<String> names, Operation answer) {
    }

    public record Match(Route route, Map<String, String> path) {
        public SandboxResponse answer(ServiceCall call) throws IOException {
            return route.answer().answer(call, path);
        }
    }

    private final List<Route> routes = new ArrayList<>();

    public RestRoutes add(String method, String template, String operation, Operation answer) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, operation, Pattern.compile(regex.toString()), List.copyOf(names), answer));
        return this;
    }

    /** The row for this method and path (a trailing '/' ignored), if any. */
    public Optional<Match> find(String method, String rawPath) {
        String path = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(0, rawPath.length() - 1) : rawPath;
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Matcher m = route.pattern().matcher(path);
            if (m.matches()) {
                Map<String, String> params = new LinkedHashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    params.put(route.names().get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
                }
                return Optional.of(new Match(route, params));
            }
        }
        return Optional.empty();
    }

    /** The operation a request is, by its row (for those who hear of answered calls). */
    public Optional<String> operationOf(SandboxRequest request) {
        return find(request.method(), request.rawPath()).map(m -> m.route().operation());
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
