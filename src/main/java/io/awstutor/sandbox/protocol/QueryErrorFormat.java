package io.awstutor.sandbox.protocol;

import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;

/**
 * The AWS query protocol's error document (IAM, STS, RDS, SES):
 * {@code <ErrorResponse xmlns=…><Error><Type>Sender</Type><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 */
public record QueryErrorFormat(String namespace) implements ErrorFormat {
    @Override
    public SandboxResponse encode(AwsException error, String requestId) {
        XmlWriter xml = new XmlWriter().start("ErrorResponse", namespace).start("Error")
                .element("Type", error.senderFault() ? "Sender" : "Receiver")
                .element("Code", error.code())
                .element("Message", error.getMessage());
        error.extraFields().forEach(xml::element);
        xml.end().element("RequestId", requestId).end();
        SandboxResponse response = SandboxResponse.xml(error.status(), xml.toString());
        error.extraHeaders().forEach(response::withHeader);
        return response;
    }
}
