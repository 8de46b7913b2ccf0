package io.awstutor.sandbox.protocol;

import io.awstutor.sandbox.http.ErrorFormat;
import io.awstutor.sandbox.http.SandboxResponse;

/**
 * EC2's own error document, which differs from the other query services':
 * {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 */
public record Ec2ErrorFormat() implements ErrorFormat {
    @Override
    public SandboxResponse encode(AwsException error, String requestId) {
        XmlWriter xml = new XmlWriter().start("Response").start("Errors").start("Error")
                .element("Code", error.code())
                .element("Message", error.getMessage())
                .end().end()
                .element("RequestID", requestId)
                .end();
        SandboxResponse response = SandboxResponse.xml(error.status(), xml.toString());
        error.extraHeaders().forEach(response::withHeader);
        return response;
    }
}
