package io.awstutor.jshell;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A jar's file entries by package, kept in the jar itself ({@value #ENTRY}): the build writes
 * it into the shaded jar after shading ({@code mvn package}, see pom.xml), so that the shell's
 * compiler finds a package's classes by reading one line instead of the whole jar
 * ({@link ClassPathIndex}). A jar without it (a dependency jar on a test's class path) is
 * listed by reading its central directory.
 *
 * <p>The format, one line per package: the package's name ("" for the unnamed), then its
 * entries, tab-separated; an entry is a file name in the package's folder, or a whole entry
 * name when it is a multi-release version's ({@code META-INF/versions/N/...}), which a reader
 * applies or not by its own release.
 */
public final class JarListing {
    static final String ENTRY = "META-INF/awstutor/class-path.idx";
    private static final String VERSIONS = "META-INF/versions/";

    private JarListing() {
    }

    /** {@code JarListing JAR}: writes the listing of JAR into JAR. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JarListing JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Map<String, List<String>> listing;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            listing = scan(zip);
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(listing).forEach((pkg, names) -> {
            text.append(pkg);
            for (String name : names) {
                text.append('\t').append(name.startsWith(VERSIONS) ? name : name.substring(name.lastIndexOf('/') + 1));
            }
            text.append('\n');
        });
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Path entry = fs.getPath(ENTRY);
            Files.createDirectories(entry.getParent());
            Files.writeString(entry, text, StandardCharsets.UTF_8);
        }
        System.out.println("JarListing: " + listing.size() + " packages listed in " + jar.getFileName() + " (" + ENTRY + ")");
    }

    /** Every file entry of {@code zip} by the package it belongs to (a versioned entry by its base's), whole names. */
    static Map<String, List<String>> scan(ZipFile zip) {
        Map<String, List<String>> byPackage = new HashMap<>();
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (name.endsWith("/") || name.equals(ENTRY)) {
                continue;
            }
            String base = name;
            if (name.startsWith(VERSIONS)) {
                int slash = name.indexOf('/', VERSIONS.length());
                if (slash < 0) {
                    continue;
                }
                base = name.substring(slash + 1);
            }
            byPackage.computeIfAbsent(packageOf(base), p -> new ArrayList<>()).add(name);
        }
        return byPackage;
    }

    /**
     * The listing stored in {@code zip}, package to its raw line (split when the package is
     * asked for: the compiler asks for a few dozen of some thousands); null when there is none.
     */
    static Map<String, String> read(ZipFile zip) throws IOException {
        ZipEntry entry = zip.getEntry(ENTRY);
        if (entry == null) {
            return null;
        }
        String text;
        try (InputStream in = zip.getInputStream(entry)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> lines = new HashMap<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            int tab = text.indexOf('\t', start);
            if (tab >= start && tab < end) {
                lines.put(text.substring(start, tab), text.substring(tab + 1, end));
            }
            start = end + 1;
        }
        return lines;
    }

    /** A raw line's entries as whole entry names. */
    static List<String> names(String pkg, String line) {
        String folder = pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
        List<String> names = new ArrayList<>();
        for (String name : line.split("\t")) {
            names.add(name.startsWith(VERSIONS) ? name : folder + name);
        }
        return names;
    }

    static String packageOf(String baseName) {
        int slash = baseName.lastIndexOf('/');
        return slash < 0 ? "" : baseName.substring(0, slash).replace('/', '.');
    }

    /**
     * The entries of one package as this JVM reads a multi-release jar: each file's base entry,
     * or its highest version up to this release when the jar is multi-release.
     */
    static List<String> resolve(List<String> names, boolean multiRelease) {
        int release = Runtime.version().feature();
        Map<String, String> chosen = new HashMap<>();
        Map<String, Integer> versionOf = new HashMap<>();
        for (String name : names) {
            String base = name;
            int version = 0;
            if (name.startsWith(VERSIONS)) {
                int slash = name.indexOf('/', VERSIONS.length());
                if (!multiRelease || slash < 0) {
                    continue;
                }
                try {
                    version = Integer.parseInt(name.substring(VERSIONS.length(), slash));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (version > release) {
                    continue;
                }
                base = name.substring(slash + 1);
            }
            Integer seen = versionOf.get(base);
            if (seen == null || seen < version) {
                versionOf.put(base, version);
                chosen.put(base, name);
            }
        }
        return new ArrayList<>(chosen.values());
    }
}
