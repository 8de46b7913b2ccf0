package io.awstutor.jshell;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which client a snippet names decides which one is defined before it runs. */
class ClientDefinitionsTest {
    @Test
    void aClientIsNamedOnlyAsAWholeJavaIdentifier() {
        assertTrue(ClientDefinitions.names("s3.listBuckets()", "s3"));
        assertTrue(ClientDefinitions.names("var r = s3.listBuckets();", "s3"));
        assertTrue(ClientDefinitions.names("List.of(iam,s3)", "s3"));
        assertTrue(ClientDefinitions.names("x = s3", "s3"));
        assertFalse(ClientDefinitions.names("mys3.listBuckets()", "s3"));
        assertFalse(ClientDefinitions.names("s3x.listBuckets()", "s3"));
        assertFalse(ClientDefinitions.names("my_s3 + s3_", "s3"));
        assertFalse(ClientDefinitions.names("$s3 + s3$", "s3"), "$ is part of a Java identifier");
        assertFalse(ClientDefinitions.names("S3Client", "s3"));
        assertTrue(ClientDefinitions.names("S3Client c = s3x; c = s3;", "s3"), "a later whole use counts");
    }
}
