package io.awstutor.jshell;

import javax.tools.JavaFileObject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The Java session's class path, its jars indexed by package, for the compiler.
 *
 * <p>Why: javac opens a class-path jar by walking all of it through the zip file system (an
 * attribute read per entry) before it finds a single class. The shell's jar holds about 50,000
 * entries; on the shell's JVM (C1 only, both cores busy with the start) that walk was about
 * 0.2 s of the first snippet's compilation, the longest step before the first AWS answer.
 * The build stores a listing of the jar by package in the jar ({@link JarListing}); reading
 * it takes about 20 ms, on another thread while JShell builds its compiler, and a package's
 * line is split when the compiler first asks for that package. A jar without the listing (a
 * dependency on a test's class path) is read once from its central directory, which is
 * still cheaper than javac's walk.
 *
 * <p>A jar's versioned entries ({@code META-INF/versions/N/}) replace their base entries for
 * every N up to this JVM's release, as javac reads a multi-release jar. Folders on the class
 * path are listed as the compiler asks (no index). A jar whose manifest names a
 * {@code Class-Path} makes the index decline ({@link #of} returns empty): javac follows that
 * attribute, and the session then compiles with javac's own reading of the class path, as it
 * does when the compiler's class path is no longer the one indexed ({@link IndexedClassPath}).
 */
final class ClassPathIndex implements AutoCloseable {
    private final List<Path> roots;
    private final List<Root> indexed;

    private ClassPathIndex(List<Path> roots, List<Root> indexed) {
        this.roots = roots;
        this.indexed = indexed;
    }

    /** The index of {@code classPath} (entries separated by the platform's path separator), or empty where it declines. */
    static Optional<ClassPathIndex> of(String classPath) {
        List<Path> roots = new ArrayList<>();
        List<Root> indexed = new ArrayList<>();
        try {
            for (String part : classPath.split(File.pathSeparator)) {
                if (part.isEmpty()) {
                    continue;
                }
                Path path = Path.of(part).toAbsolutePath().normalize();
                roots.add(path);
                if (Files.isDirectory(path)) {
                    indexed.add(new Folder(path));
                } else if (Files.isRegularFile(path)) {
                    Optional<Jar> jar = Jar.open(path);
                    if (jar.isEmpty()) {
                        indexed.forEach(Root::close);
                        return Optional.empty();
                    }
                    indexed.add(jar.get());
                }
                // an entry that does not exist is skipped, as javac skips it
            }
        } catch (IOException | RuntimeException e) {
            indexed.forEach(Root::close);
            return Optional.empty();
        }
        return Optional.of(new ClassPathIndex(List.copyOf(roots), List.copyOf(indexed)));
    }

    /**
     * {@link #of} on a thread of its own (not the common pool: on two cores that is one thread,
     * which the session's own start occupies while it waits for the target).
     */
    static java.util.concurrent.CompletableFuture<Optional<ClassPathIndex>> inBackground(String classPath) {
        java.util.concurrent.CompletableFuture<Optional<ClassPathIndex>> index = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                Milestones.reached("class-path-index-start");
                index.complete(of(classPath));
                Milestones.reached("class-path-indexed");
            } catch (Throwable e) {
                index.completeExceptionally(e);
            }
        }, "awstutor-class-path-index");
        thread.setDaemon(true);
        thread.start();
        return index;
    }

    /** Whether this index was made for exactly these class-path entries (the compiler's, which could change). */
    boolean covers(Iterable<? extends Path> classPath) {
        List<Path> given = new ArrayList<>();
        for (Path path : classPath) {
            given.add(path.toAbsolutePath().normalize());
        }
        return given.equals(roots);
    }

    /** The files of a package in class-path order (the compiler takes the first of each name). */
    List<JavaFileObject> list(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse) throws IOException {
        List<JavaFileObject> out = new ArrayList<>();
        for (Root root : indexed) {
            root.list(packageName, kinds, recurse, out);
        }
        return out;
    }

    @Override
    public void close() {
        indexed.forEach(Root::close);
    }

    private sealed interface Root permits Jar, Folder {
        void list(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse, List<JavaFileObject> out) throws IOException;

        default void close() {
        }
    }

    /**
     * A jar: its entries by package, from the listing the build stored in it ({@link JarListing}),
     * else read once from its central directory.
     */
    private static final class Jar implements Root {
        private final Path path;
        private final ZipFile zip;
        private final boolean multiRelease;
        /** package name ("" for the unnamed) to its raw listing line (stored) or whole entry names (scanned) */
        private final Map<String, String> storedLines;
        private final Map<String, List<String>> scanned;
        private final Map<String, List<String>> resolved = new java.util.concurrent.ConcurrentHashMap<>();

        private Jar(Path path, ZipFile zip, boolean multiRelease, Map<String, String> storedLines, Map<String, List<String>> scanned) {
            this.path = path;
            this.zip = zip;
            this.multiRelease = multiRelease;
            this.storedLines = storedLines;
            this.scanned = scanned;
        }

        static Optional<Jar> open(Path path) throws IOException {
            ZipFile zip = new ZipFile(path.toFile());
            try {
                ZipEntry manifest = zip.getEntry(JarFile.MANIFEST_NAME);
                boolean multiRelease = false;
                if (manifest != null) {
                    Attributes main;
                    try (InputStream in = zip.getInputStream(manifest)) {
                        main = new java.util.jar.Manifest(in).getMainAttributes();
                    }
                    if (main.getValue(Attributes.Name.CLASS_PATH) != null) {
                        zip.close();
                        return Optional.empty();
                    }
                    multiRelease = "true".equalsIgnoreCase(main.getValue(Attributes.Name.MULTI_RELEASE));
                }
                Map<String, String> stored = JarListing.read(zip);
                return Optional.of(new Jar(path, zip, multiRelease, stored, stored == null ? JarListing.scan(zip) : null));
            } catch (IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
        }

        private java.util.Collection<String> packages() {
            return storedLines != null ? storedLines.keySet() : scanned.keySet();
        }

        /** The package's entries as this JVM reads the jar, worked out when first asked for. */
        private List<String> entries(String pkg) {
            return resolved.computeIfAbsent(pkg, p -> {
                List<String> names;
                if (storedLines != null) {
                    String line = storedLines.get(p);
                    names = line == null ? List.of() : JarListing.names(p, line);
                } else {
                    names = scanned.getOrDefault(p, List.of());
                }
                return JarListing.resolve(names, multiRelease);
            });
        }

        @Override
        public void list(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse, List<JavaFileObject> out) {
            if (recurse) {
                String prefix = packageName + ".";
                for (String pkg : packages()) {
                    if (packageName.isEmpty() || pkg.equals(packageName) || pkg.startsWith(prefix)) {
                        add(pkg, entries(pkg), kinds, out);
                    }
                }
            } else {
                add(packageName, entries(packageName), kinds, out);
            }
        }

        private void add(String pkg, List<String> names, Set<JavaFileObject.Kind> kinds, List<JavaFileObject> out) {
            for (String name : names) {
                JavaFileObject.Kind kind = kindOf(name);
                if (kinds.contains(kind)) {
                    out.add(new ClassPathFile(uri(path, name), path + "(" + name + ")", binaryName(pkg, name), kind,
                            () -> zip.getInputStream(zip.getEntry(name))));
                }
            }
        }

        @Override
        public void close() {
            try {
                zip.close();
            } catch (IOException e) {
                // nothing was written: nothing to lose
            }
        }
    }

    /** A folder of class files (the build's own, in tests): listed as asked. */
    private record Folder(Path path) implements Root {
        @Override
        public void list(String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse, List<JavaFileObject> out) throws IOException {
            Path dir = packageName.isEmpty() ? path : path.resolve(packageName.replace('.', File.separatorChar));
            if (!Files.isDirectory(dir)) {
                return;
            }
            if (recurse) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                        add(file, kinds, out);
                    }
                }
            } else {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, Files::isRegularFile)) {
                    for (Path file : files) {
                        add(file, kinds, out);
                    }
                }
            }
        }

        private void add(Path file, Set<JavaFileObject.Kind> kinds, List<JavaFileObject> out) {
            String relative = path.relativize(file).toString().replace(File.separatorChar, '/');
            JavaFileObject.Kind kind = kindOf(relative);
            if (kinds.contains(kind)) {
                int slash = relative.lastIndexOf('/');
                String pkg = slash < 0 ? "" : relative.substring(0, slash).replace('/', '.');
                out.add(new ClassPathFile(file.toUri(), file.toString(), binaryName(pkg, relative), kind,
                        () -> Files.newInputStream(file)));
            }
        }
    }

    private static JavaFileObject.Kind kindOf(String name) {
        for (JavaFileObject.Kind kind : List.of(JavaFileObject.Kind.CLASS, JavaFileObject.Kind.SOURCE, JavaFileObject.Kind.HTML)) {
            if (name.endsWith(kind.extension)) {
                return kind;
            }
        }
        return JavaFileObject.Kind.OTHER;
    }

    private static String binaryName(String pkg, String entryName) {
        String file = entryName.substring(entryName.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        String simple = dot < 0 ? file : file.substring(0, dot);
        return pkg.isEmpty() ? simple : pkg + "." + simple;
    }

    /** A hierarchical URI (javac compares file names by its path): the jar's, then "!/" and the entry's name. */
    private static URI uri(Path jar, String entryName) {
        try {
            return new URI("file", null, jar.toUri().getPath() + "!/" + entryName, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** One file of the class path, as the compiler reads it. */
    static final class ClassPathFile extends javax.tools.SimpleJavaFileObject {
        interface Opener {
            InputStream open() throws IOException;
        }

        private final String name;
        private final String binaryName;
        private final Opener opener;

        ClassPathFile(URI uri, String name, String binaryName, Kind kind, Opener opener) {
            super(uri, kind);
            this.name = name;
            this.binaryName = binaryName;
            this.opener = opener;
        }

        String binaryName() {
            return binaryName;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public InputStream openInputStream() throws IOException {
            InputStream in = opener.open();
            return in != null ? in : new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) throws IOException {
            try (InputStream in = openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }
}
