package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.s3.S3Errors;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Request XML documents (CreateBucketConfiguration, Tagging, Delete, ...): parsed with DTDs
 * and external entities off, namespaces ignored by matching local names, and any parse
 * failure answered with S3's MalformedXML.
 */
final class XmlInput {
    private static final int MAX_DOCUMENT = 2 * 1024 * 1024;

    private XmlInput() {
    }

    static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_DOCUMENT + 1);
        if (bytes.length > MAX_DOCUMENT) {
            throw S3Errors.malformedXml();
        }
        return bytes;
    }

    static Optional<Element> parseOptional(byte[] bytes) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(bytes));
    }

    static Element parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            Document doc = builder.parse(new ByteArrayInputStream(bytes));
            return doc.getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw S3Errors.malformedXml();
        }
    }

    static String name(Node node) {
        return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(name(e))) {
                out.add(e);
            }
        }
        return out;
    }

    static Optional<Element> child(Element parent, String name) {
        List<Element> list = children(parent, name);
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    static String text(Element parent, String name) {
        return child(parent, name).map(e -> e.getTextContent().trim()).orElse(null);
    }

    static void expectRoot(Element root, String name) {
        if (!name.equals(name(root))) {
            throw S3Errors.malformedXml();
        }
    }
}
