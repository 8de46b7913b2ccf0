package io.awstutor.web;

/** What answers one route. An exception becomes a 500 page that names no internals. */
@FunctionalInterface
public interface Page {
    WebResponse handle(WebRequest request) throws Exception;
}
