package io.awstutor.jshell.agent;

import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;

/** What the SDK tells an interceptor about a call: service, operation, region, plain fields. */
final class CallFacts {
    private CallFacts() {
    }

    static Map<String, Object> fieldsOf(Object pojo) {
        return pojo instanceof SdkPojo sdkPojo ? SdkFieldExtractor.fields(sdkPojo) : Map.of();
    }

    static String service(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return name == null ? "?" : name;
    }

    static String operation(ExecutionAttributes attributes) {
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        return name == null ? "?" : name;
    }

    static String region(ExecutionAttributes attributes) {
        var region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        return region == null ? null : region.id();
    }
}
