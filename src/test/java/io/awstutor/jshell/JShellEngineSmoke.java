package io.awstutor.jshell;

import io.awstutor.target.TargetSettings;
import java.net.URI;

public class JShellEngineSmoke {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        var engine = new JShellEngine(TargetSettings.emulator(TargetSettings.TargetKind.SANDBOX, URI.create("http://127.0.0.1:9"), "us-east-1", "test", "test"), System.out, System.in).start();
        engine.jshell();
        long t1 = System.nanoTime();
        System.out.println("ready ms " + (t1 - t0) / 1_000_000);
        System.out.println(engine.eval("int x = 40 + 2;"));
        System.out.println(engine.eval("x * 2"));
        System.out.println(engine.eval("void hi() { System.out.println(\"hi\"); } hi();"));
        System.out.println(engine.eval("Strin y = 1;"));
        System.out.println(engine.eval("1/0"));
        System.out.println(engine.eval("sts.getCallerIdentity()"));
        System.out.println(engine.drainCalls());
        System.out.println(engine.complete("s3.cre", 6).subList(0, 3));
        System.out.println(engine.eval("System.exit(3)"));
        System.out.println(engine.eval("x"));
        System.out.println("total ms " + (System.nanoTime() - t0) / 1_000_000);
        engine.close();
        System.exit(0);
    }
}
