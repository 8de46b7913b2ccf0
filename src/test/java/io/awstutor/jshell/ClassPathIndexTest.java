package io.awstutor.jshell;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compiler's class path read from {@link ClassPathIndex}: snippets compile (or not)
 * exactly as they do with javac's own reading, for a jar with and without the build's
 * listing, a multi-release jar, a folder before a jar, and a class path changed afterwards.
 */
class ClassPathIndexTest {
    @TempDir
    static Path dir;
    static Path jar;
    static Path listedJar;
    static Path folder;

    @BeforeAll
    static void build() throws Exception {
        Path base = compile("base", """
                package demo; public class Greeter { public static String hello() { return "hi"; }
                  public static class Inner { public static int n() { return 1; } } }""", """
                package demo; public class Version { public static String base() { return "base"; } }""", """
                package demo.deep; public class Below { public static int depth() { return 2; } }""", """
                package demo; public class Dup { public static int fromJar() { return 1; } }""");
        Path eleven = compile("eleven", """
                package demo; public class Version { public static String base() { return "base"; }
                  public static String eleven() { return "11"; } }""");
        Path future = compile("future", """
                package demo; public class Version { public static String fromTheFuture() { return "999"; } }""");
        jar = dir.resolve("demo.jar");
        writeJar(jar, base, eleven, future, null);
        listedJar = dir.resolve("listed.jar");
        writeJar(listedJar, base, eleven, future, null);
        JarListing.main(new String[]{listedJar.toString()});
        folder = compile("folder", """
                package demo; public class Dup { public static int fromFolder() { return 2; } }""");
    }

    @Test
    void aJarWithoutTheBuildsListingIsReadFromItsCentralDirectory() throws Exception {
        assertCompilesAsJavacDoes(jar.toString());
    }

    @Test
    void aJarWithTheBuildsListingIsReadFromIt() throws Exception {
        assertCompilesAsJavacDoes(listedJar.toString());
    }

    @Test
    void aFolderEarlierOnTheClassPathWinsAsWithJavac() throws Exception {
        String classPath = folder + File.pathSeparator + listedJar;
        assertEquals(List.of(Snippet.Status.VALID, Snippet.Status.REJECTED),
                statuses(classPath, true, "int a = demo.Dup.fromFolder();", "int b = demo.Dup.fromJar();"));
        assertEquals(statuses(classPath, false, "int a = demo.Dup.fromFolder();", "int b = demo.Dup.fromJar();"),
                statuses(classPath, true, "int a = demo.Dup.fromFolder();", "int b = demo.Dup.fromJar();"));
    }

    @Test
    void aJarThatNamesAClassPathInItsManifestIsLeftToJavac() throws Exception {
        Path withClassPath = dir.resolve("with-class-path.jar");
        writeJar(withClassPath, compile("cp", "package other; public class O { }"), null, null, "listed.jar");
        assertTrue(ClassPathIndex.of(withClassPath.toString()).isEmpty());
    }

    @Test
    void aClassPathChangedLaterIsReadByJavacAgain() throws Exception {
        Path later = compile("later", "package added; public class Later { public static int n() { return 3; } }");
        var standard = ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null);
        try (ClassPathIndex index = ClassPathIndex.of(listedJar.toString()).orElseThrow();
             IndexedClassPath files = new IndexedClassPath(standard, CompletableFuture.completedFuture(Optional.of(index)))) {
            files.setLocationFromPaths(javax.tools.StandardLocation.CLASS_PATH, List.of(listedJar));
            var greeter = files.list(javax.tools.StandardLocation.CLASS_PATH, "demo", java.util.Set.of(javax.tools.JavaFileObject.Kind.CLASS), false);
            assertTrue(java.util.stream.StreamSupport.stream(greeter.spliterator(), false)
                    .anyMatch(f -> f instanceof ClassPathIndex.ClassPathFile c && c.binaryName().equals("demo.Greeter")));
            files.setLocationFromPaths(javax.tools.StandardLocation.CLASS_PATH, List.of(later));
            var added = files.list(javax.tools.StandardLocation.CLASS_PATH, "added", java.util.Set.of(javax.tools.JavaFileObject.Kind.CLASS), false);
            List<String> names = java.util.stream.StreamSupport.stream(added.spliterator(), false)
                    .map(f -> files.inferBinaryName(javax.tools.StandardLocation.CLASS_PATH, f)).toList();
            assertEquals(List.of("added.Later"), names);
        }
    }

    /**
     * What the shell's Tab and Shift+Tab show (JShell's completion and documentation) reads the
     * index too: a package's classes and a method's signature. Not asserted: the completion of
     * a top-level package's members ({@code demo.}), which JShell sometimes leaves empty for
     * good in a fresh session, with the index and without it (seen in full-suite and single runs).
     */
    @Test
    void completionAndDocumentationFindTheIndexedClasses() throws Exception {
        List<List<String>> withIndex = completionsAndDocs(listedJar.toString(), true);
        assertEquals(List.of("Below"), withIndex.get(1), withIndex.toString());
        assertEquals(List.of("String demo.Greeter.hello()"), withIndex.get(2), withIndex.toString());
    }

    /** Tab completion of two packages' classes, and Shift+Tab's signature of a method. */
    private static List<List<String>> completionsAndDocs(String classPath, boolean indexed) throws Exception {
        Optional<ClassPathIndex> index = indexed ? ClassPathIndex.of(classPath) : Optional.empty();
        try (JShell shell = shell(classPath, index.orElse(null))) {
            var analysis = shell.sourceCodeAnalysis();
            int[] anchor = new int[1];
            String classes = "demo.";
            List<String> names = analysis.completionSuggestions(classes, classes.length(), anchor).stream()
                    .map(jdk.jshell.SourceCodeAnalysis.Suggestion::continuation).sorted().toList();
            String packages = "demo.deep.";
            List<String> below = List.of();
            // the first Tab may come back empty (JShell's own indexing): asked again, as a learner presses Tab again
            for (long until = System.nanoTime() + 10_000_000_000L; below.isEmpty() && System.nanoTime() < until; Thread.sleep(50)) {
                below = analysis.completionSuggestions(packages, packages.length(), anchor).stream()
                        .map(jdk.jshell.SourceCodeAnalysis.Suggestion::continuation).sorted().toList();
            }
            String call = "demo.Greeter.hello(";
            List<String> docs = analysis.documentation(call, call.length(), false).stream()
                    .map(jdk.jshell.SourceCodeAnalysis.Documentation::signature).sorted().toList();
            return List.of(names, below, docs);
        } finally {
            index.ifPresent(ClassPathIndex::close);
        }
    }

    /** The index compiles what javac compiles and refuses what it refuses. */
    private static void assertCompilesAsJavacDoes(String classPath) throws Exception {
        String[] snippets = {
                "String h = demo.Greeter.hello();",
                "int n = demo.Greeter.Inner.n();",
                "int d = demo.deep.Below.depth();",
                // the jar is multi-release: version 11 of the class replaces its base on this JVM
                "String e = demo.Version.eleven();",
                // a version newer than this JVM is not read
                "String f = demo.Version.fromTheFuture();",
                "demo.Missing m = null;",
                "import demo.*;",
                "Greeter g = null;"};
        List<Snippet.Status> withIndex = statuses(classPath, true, snippets);
        assertEquals(List.of(Snippet.Status.VALID, Snippet.Status.VALID, Snippet.Status.VALID, Snippet.Status.VALID,
                Snippet.Status.REJECTED, Snippet.Status.REJECTED, Snippet.Status.VALID, Snippet.Status.VALID), withIndex);
        assertEquals(statuses(classPath, false, snippets), withIndex);
    }

    private static List<Snippet.Status> statuses(String classPath, boolean indexed, String... snippets) throws Exception {
        Optional<ClassPathIndex> index = indexed ? ClassPathIndex.of(classPath) : Optional.empty();
        assertEquals(indexed, index.isPresent());
        try (JShell shell = shell(classPath, index.orElse(null))) {
            return Stream.of(snippets).map(s -> status(shell, s)).toList();
        } finally {
            index.ifPresent(ClassPathIndex::close);
        }
    }

    private static JShell shell(String classPath, ClassPathIndex index) {
        JShell.Builder builder = JShell.builder().executionEngine("local").compilerOptions("--class-path", classPath)
                .out(new java.io.PrintStream(OutputStream.nullOutputStream())).err(new java.io.PrintStream(OutputStream.nullOutputStream()));
        if (index != null) {
            builder.fileManager(standard -> new IndexedClassPath(standard, CompletableFuture.completedFuture(Optional.of(index))));
        }
        return builder.build();
    }

    private static Snippet.Status status(JShell shell, String snippet) {
        List<SnippetEvent> events = shell.eval(snippet);
        return events.get(0).status();
    }

    private static Path compile(String name, String... sources) throws IOException {
        Path src = dir.resolve("src-" + name);
        Path out = dir.resolve("classes-" + name);
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int i = 0;
        List<String> args = new java.util.ArrayList<>(List.of("-d", out.toString()));
        for (String source : sources) {
            String pkg = source.substring(source.indexOf("package ") + 8, source.indexOf(';'));
            String cls = source.substring(source.indexOf("class ") + 6).split("[ {]")[0];
            Path file = src.resolve(i++ + "/" + pkg.replace('.', '/') + "/" + cls + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source);
            args.add(file.toString());
        }
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)));
        return out;
    }

    /** The base classes, version 11's and version 999's of a multi-release jar; or a plain jar naming a Class-Path. */
    private static void writeJar(Path jarFile, Path base, Path eleven, Path future, String classPath) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        } else {
            manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jarFile), manifest)) {
            add(out, base, "");
            if (eleven != null) {
                add(out, eleven, "META-INF/versions/11/");
            }
            if (future != null) {
                add(out, future, "META-INF/versions/999/");
            }
        }
    }

    private static void add(JarOutputStream out, Path root, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(prefix + root.relativize(file).toString().replace(File.separatorChar, '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
    }
}
