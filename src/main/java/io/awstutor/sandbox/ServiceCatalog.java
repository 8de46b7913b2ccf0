package io.awstutor.sandbox;

import io.awstutor.sandbox.http.ServiceHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the sandbox's services are built and wired to each other (IAM's
 * credentials and evaluator for everyone, EC2's security groups for RDS). Each service adds
 * its construction here; nothing else knows the full list.
 */
final class ServiceCatalog {
    private ServiceCatalog() {
    }

    static List<ServiceHandler> create(SandboxContext context) {
        List<ServiceHandler> handlers = new ArrayList<>();
        handlers.add(new io.awstutor.sandbox.s3.rest.S3Handler(context));
        return handlers;
    }
}
