package io.awstutor.jshell;

import io.awstutor.jshell.SnippetOutcome.CompileError;
import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.target.TargetSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The learner's Java session against a real sandbox: completion, documentation, values, failures. */
class JShellEngineTest {
    private static Sandbox sandbox;
    private static JShellEngine engine;
    private static final ByteArrayOutputStream OUT = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.inMemory());
        TargetSettings settings = TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, sandbox.endpoint(),
                "us-east-1", "test", "test");
        engine = new JShellEngine(settings, new PrintStream(OUT, true), new ByteArrayInputStream(new byte[0]),
                Map.of("prefix", "learn-test")).start();
    }

    @AfterAll
    static void stop() {
        engine.close();
        sandbox.close();
    }

    @Test
    void completesSdkMethodsAndBuilderMethods() {
        List<String> methods = engine.complete("s3.cre", 6);
        assertTrue(methods.contains("s3.createBucket("), methods::toString);
        assertTrue(methods.stream().allMatch(m -> m.startsWith("s3.cre")), methods::toString);
        String lambda = "iam.createUser(b -> b.user";
        List<String> builder = engine.complete(lambda, lambda.length());
        assertTrue(builder.contains("iam.createUser(b -> b.userName("), builder::toString);
    }

    @Test
    void documentsTheMethodUnderTheCursor() {
        String source = "sts.getCallerIdentity(";
        List<String> docs = engine.documentation(source, source.length());
        assertFalse(docs.isEmpty());
        assertTrue(docs.get(0).contains("GetCallerIdentityResponse"), docs::toString);
    }

    @Test
    void evaluatesWithTheClientsReadyAndRecordsCalls() {
        engine.drainCalls();
        List<SnippetOutcome> outcomes = engine.eval("sts.getCallerIdentity().account()");
        SnippetOutcome.Value value = assertInstanceOf(SnippetOutcome.Value.class, outcomes.get(0));
        assertEquals("\"000000000000\"", value.value());
        var calls = engine.drainCalls();
        assertEquals(1, calls.size());
        assertEquals("GetCallerIdentity", calls.get(0).operation());
        assertTrue(calls.get(0).ok());
        SnippetOutcome.Value prefix = assertInstanceOf(SnippetOutcome.Value.class, engine.eval("prefix").get(0));
        assertEquals("\"learn-test\"", prefix.value());
    }

    @Test
    void anAwsErrorIsRecordedWithItsCodeAndStatus() {
        engine.drainCalls();
        SnippetOutcome.Failed failed = assertInstanceOf(SnippetOutcome.Failed.class,
                engine.eval("iam.getUser(b -> b.userName(\"nobody\"))").get(0));
        assertTrue(failed.awsError());
        var call = engine.drainCalls().get(0);
        assertFalse(call.ok());
        assertEquals("NoSuchEntity", call.errorCode());
        assertEquals(404, call.status());
        assertTrue(engine.lastTrace().orElseThrow().contains("NoSuchEntityException"));
    }

    @Test
    void aModelClassWorksBeforeItsClientWasNamed() {
        SnippetOutcome outcome = engine.eval("var r = ListRolesRequest.builder().maxItems(5).build();").get(0);
        assertInstanceOf(SnippetOutcome.Value.class, outcome, outcome::toString);
    }

    @Test
    void multipleSnippetsOnOneLineRunInOrder() {
        List<SnippetOutcome> outcomes = engine.eval("int a = 2; int b = a * 21;");
        assertEquals(2, outcomes.size());
        assertEquals("42", ((SnippetOutcome.Value) outcomes.get(1)).value());
    }

    @Test
    void aBuilderLambdaOffersTheRequestsFieldsNotObjectsMethods() {
        String lambda = "s3.createBucket(b -> b.";
        List<String> builder = engine.complete(lambda, lambda.length());
        assertTrue(builder.contains(lambda + "bucket("), builder::toString);
        assertTrue(builder.contains(lambda + "createBucketConfiguration("), builder::toString);
        for (String noise : List.of("hashCode()", "notifyAll()", "equalsBySdkFields(", "sdkFields()", "getClass()")) {
            assertFalse(builder.contains(lambda + noise), noise + " is not offered: " + builder);
        }
    }

    @Test
    void shiftTabInsideABuilderLambdaDocumentsTheBuildersMethod() {
        String source = "s3.createBucket(b -> b.bucket";
        List<String> docs = engine.documentation(source, source.length());
        assertEquals(List.of("CreateBucketRequest.Builder CreateBucketRequest.Builder.bucket(String)"), docs);
    }

    @Test
    void aMisspelledNameGetsADidYouMeanAndNoEmptyLocation() {
        CompileError variable = assertInstanceOf(CompileError.class, engine.eval("var me = st.getCallerIdentity();").get(0));
        assertTrue(variable.message().endsWith("\nDid you mean sts?"), variable.message());
        assertFalse(variable.message().contains("location: class\n"), variable.message());
        CompileError method = assertInstanceOf(CompileError.class, engine.eval("sts.getCallerIdentity().acount()").get(0));
        assertTrue(method.message().contains("location: class GetCallerIdentityResponse"), method.message());
        assertTrue(method.message().endsWith("\nDid you mean account(...)?"), method.message());
    }

    /** The getter or call written without parentheses: javac says "private access" or "cannot find symbol variable". */
    @Test
    void aMethodNamedWithoutParenthesesIsCalledAMethod() {
        CompileError field = assertInstanceOf(CompileError.class,
                engine.eval("String id = sts.getCallerIdentity().account;").get(0));
        assertTrue(field.message().startsWith("account has private access"), field.message());
        assertTrue(field.message().endsWith("\nDid you mean account()? It is a method: a call needs its parentheses."),
                field.message());
        CompileError call = assertInstanceOf(CompileError.class, engine.eval("var answer = sts.getCallerIdentity;").get(0));
        assertTrue(call.message().endsWith("\nDid you mean getCallerIdentity()? It is a method: a call needs its parentheses."),
                call.message());
    }
}
