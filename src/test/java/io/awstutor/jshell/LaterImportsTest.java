package io.awstutor.jshell;

import io.awstutor.sandbox.Sandbox;
import io.awstutor.sandbox.SandboxOptions;
import io.awstutor.target.TargetSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session imports a service's model when a snippet first names its client: a variable the
 * learner declared before, with a name that model shares ({@code Filter}), keeps its value,
 * stays the learner's in /list, and /vars lists every variable, even one JShell cannot show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first runs before any snippet made the session import every model
class LaterImportsTest {
    private static Sandbox sandbox;
    private static JShellEngine engine;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.inMemory());
        TargetSettings settings = TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, sandbox.endpoint(),
                "us-east-1", "test", "test");
        engine = new JShellEngine(settings, new PrintStream(new ByteArrayOutputStream(), true),
                new ByteArrayInputStream(new byte[0]), Map.of("prefix", "learn-test")).start();
    }

    @AfterAll
    static void stop() {
        engine.close();
        sandbox.close();
    }

    @Test
    @Order(1)
    void aVariableKeepsItsMeaningWhenAnotherServicesModelIsImported() {
        engine.eval("import software.amazon.awssdk.services.ec2.model.*;");
        SnippetOutcome declared = engine.eval("Filter f = Filter.builder().name(\"isDefault\").values(\"true\").build();").get(0);
        assertInstanceOf(SnippetOutcome.Value.class, declared, declared::toString);
        // naming rds with a type imports RDS's model, which has a Filter too
        SnippetOutcome rds = engine.eval("rds.describeDBInstances(DescribeDbInstancesRequest.builder().build()).dbInstances().size()").get(0);
        assertInstanceOf(SnippetOutcome.Value.class, rds, rds::toString);

        List<String> vars = engine.variables();
        assertTrue(vars.contains("Filter f = Filter(Name=isDefault, Values=[true])"), vars::toString);
        assertTrue(engine.learnerSnippets().stream().anyMatch(s -> s.endsWith("Filter f = Filter.builder().name(\"isDefault\").values(\"true\").build();")),
                engine.learnerSnippets()::toString);
        SnippetOutcome.Value used = assertInstanceOf(SnippetOutcome.Value.class,
                engine.eval("ec2.describeVpcs(b -> b.filters(f)).vpcs().size()").get(0));
        assertEquals("1", used.value());
    }

    @Test
    @Order(2)
    void varsListsAVariableThatLostItsTypeAsNotActive() {
        engine.eval("List<String> names = new ArrayList<>(List.of(\"a\"));");
        engine.eval("import java.awt.*;"); // java.awt.List: now List is ambiguous, as in jshell
        List<String> vars = engine.variables();
        assertTrue(vars.contains("List<String> names = (not-active)"), vars::toString);
        engine.eval("import java.util.List;");
    }
}
