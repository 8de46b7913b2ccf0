package io.awstutor.web;

import io.awstutor.sandbox.http.Frontend;
import io.awstutor.sandbox.http.SandboxRequest;
import io.awstutor.sandbox.http.SandboxResponse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A set of pages under one path prefix, served on the sandbox's own listener (one port for
 * the AWS APIs, the console and a workshop's dashboard). It reads as the API it serves:
 * a route table, {@code get("/s3/{bucket}", page)}.
 *
 * <p>Two guards stand in front of every route, because these pages act with the account's
 * root power and any web page the learner visits could otherwise use them: a request whose
 * Host is not this machine's (DNS rebinding) is refused, and so is a state-changing request
 * (POST, PUT, DELETE) that a browser sent from another site's page (its Origin or Referer
 * names another host). Browsers always send Origin with such requests; scripts such as curl
 * send neither header and are let through, as they cannot be tricked by a page.
 */
public final class WebApp implements Frontend {
    private final String prefix;
    private final String name;
    private final List<Route> routes = new ArrayList<>();
    private Predicate<String> hosts = WebApp::isLoopbackName;

    /** {@code prefix} like "/_console"; {@code name} the service the sandbox logs answers under. */
    public WebApp(String prefix, String name) {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("a prefix starts with '/' and does not end with one: " + prefix);
        }
        this.prefix = prefix;
        this.name = name;
    }

    public WebApp get(String pattern, Page page) {
        return add("GET", pattern, page);
    }

    public WebApp post(String pattern, Page page) {
        return add("POST", pattern, page);
    }

    public WebApp put(String pattern, Page page) {
        return add("PUT", pattern, page);
    }

    public WebApp delete(String pattern, Page page) {
        return add("DELETE", pattern, page);
    }

    /** Server-sent events from {@code hub} at {@code pattern}. */
    public WebApp events(String pattern, EventHub hub) {
        return get(pattern, request -> WebResponse.events(hub));
    }

    /**
     * Which Host names this app answers; loopback names by default. A workshop server on a
     * classroom network answers its LAN address too (its pages need a token).
     */
    public WebApp allowHosts(Predicate<String> hostNames) {
        this.hosts = hostNames;
        return this;
    }

    public String prefix() {
        return prefix;
    }

    private WebApp add(String method, String pattern, Page page) {
        routes.add(Route.of(method, pattern, page));
        return this;
    }

    @Override
    public String service() {
        return name;
    }

    @Override
    public boolean claims(SandboxRequest request) {
        String path = request.rawPath();
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    @Override
    public SandboxResponse serve(SandboxRequest request, Function<SandboxRequest, SandboxResponse> origin) {
        return answer(request).toSandboxResponse();
    }

    private WebResponse answer(SandboxRequest request) {
        String host = request.hostName().toLowerCase(Locale.ROOT);
        if (!hosts.test(host)) {
            return error(403, "This page answers only at this machine's own address, not at “" + host + "”.");
        }
        if (!safeMethod(request.method()) && !sameSite(request)) {
            return error(403, "Refused: this request came from another site's page.");
        }
        String below = request.rawPath().substring(prefix.length());
        if (below.isEmpty()) {
            return WebResponse.redirect(prefix + "/" + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
        }
        boolean pathKnown = false;
        for (Route route : routes) {
            Optional<Map<String, String>> params;
            try {
                params = route.match(below);
            } catch (WebException malformed) {
                return error(malformed.status(), malformed.getMessage());
            }
            if (params.isEmpty()) {
                continue;
            }
            pathKnown = true;
            if (!route.method().equals(request.method()) && !(route.method().equals("GET") && request.method().equals("HEAD"))) {
                continue;
            }
            try {
                return route.page().handle(new WebRequest(request, below, params.get()));
            } catch (WebException refused) {
                return error(refused.status(), refused.getMessage());
            } catch (Exception | StackOverflowError unexpected) {
                System.err.println("awstutor " + name + ": " + request.method() + " " + request.rawPath() + " failed: " + unexpected);
                return error(500, "Something went wrong on this page; the sandbox's log says what.");
            }
        }
        return pathKnown ? error(405, "This page does not accept " + request.method() + ".")
                : error(404, "There is no page at this address.");
    }

    private static WebResponse error(int status, String message) {
        return WebResponse.html(status, Layout.document("Error " + status,
                Html.of("<main id=\"main\" class=\"error-page\"><h1>{}</h1><p>{}</p></main>", "Error " + status, message)));
    }

    private static boolean safeMethod(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    }

    /** True unless the browser names another host as the page that sent this request. */
    static boolean sameSite(SandboxRequest request) {
        Optional<String> source = request.header("origin").or(() -> request.header("referer"));
        if (source.isEmpty()) {
            return request.header("sec-fetch-site").map(s -> s.equals("same-origin") || s.equals("none")).orElse(true);
        }
        if (source.get().equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(source.get());
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(request.header("host").orElse(""));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** 127.0.0.1, ::1, localhost and *.localhost (which resolve to this machine only). */
    public static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
                || host.equals("[::1]") || host.equals("::1");
    }
}
