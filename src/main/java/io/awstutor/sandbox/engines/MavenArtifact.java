package io.awstutor.sandbox.engines;

import java.net.URI;

/** A jar on a Maven repository, by its coordinates. */
record MavenArtifact(String groupId, String artifactId, String version) {

    String fileName() {
        return artifactId + "-" + version + ".jar";
    }

    URI in(URI repository) {
        String base = repository.toString().endsWith("/") ? repository.toString() : repository + "/";
        return URI.create(base + groupId.replace('.', '/') + "/" + artifactId + "/" + version + "/" + fileName());
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version;
    }
}
