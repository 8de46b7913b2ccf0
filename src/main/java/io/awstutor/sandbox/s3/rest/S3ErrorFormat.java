package io.awstutor.sandbox.s3.rest;

import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;
import io.awstutor.sandbox.protocol.AwsException;
import io.awstutor.sandbox.protocol.XmlWriter;

import java.nio.charset.StandardCharsets;

/**
 * S3's error document: {@code <Error><Code/><Message/>…extra fields…<RequestId/><HostId/></Error>}
 * with no namespace (unlike its success documents). The HTTP layer drops the body of HEAD answers.
 */
public final class S3ErrorFormat implements ErrorFormat {
    @Override
    public SandboxResponse encode(AwsException error, String requestId) {
        XmlWriter xml = new XmlWriter().start("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage());
        error.extraFields().forEach(xml::element);
        xml.element("RequestId", requestId).element("HostId", hostId(requestId)).end();
        SandboxResponse response = SandboxResponse.bytes(error.status(), "application/xml",
                xml.toString().getBytes(StandardCharsets.UTF_8));
        error.extraHeaders().forEach(response::withHeader);
        return response;
    }

    static String hostId(String requestId) {
        return java.util.Base64.getEncoder().encodeToString(("awstutor/" + requestId).getBytes(StandardCharsets.UTF_8));
    }
}
