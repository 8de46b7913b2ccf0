package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.protocol.XmlDocuments;
import io.awstutor.sandbox.s3.S3Errors;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Request XML documents (CreateBucketConfiguration, Tagging, Delete, ...), read by the
 * sandbox's one safe XML reader ({@link XmlDocuments}) with S3's own answer to a document
 * that is too large or does not parse: MalformedXML.
 */
final class XmlInput {
    private XmlInput() {
    }

    static byte[] readBody(InputStream in) throws IOException {
        return XmlDocuments.readBody(in, S3Errors::malformedXml);
    }

    static Optional<Element> parseOptional(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(bytes));
    }

    static Element parse(byte[] bytes) {
        return XmlDocuments.parse(bytes, S3Errors::malformedXml);
    }

    static String name(Node node) {
        return XmlDocuments.name(node);
    }

    static List<Element> children(Element parent, String name) {
        return XmlDocuments.children(parent, name);
    }

    static Optional<Element> child(Element parent, String name) {
        return XmlDocuments.child(parent, name);
    }

    static String text(Element parent, String name) {
        return XmlDocuments.text(parent, name);
    }

    static void expectRoot(Element root, String name) {
        if (!name.equals(name(root))) {
            throw S3Errors.malformedXml();
        }
    }
}
