package io.awstutor.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The lessons available: from the jar (the ones we ship) or from a folder an instructor
 * gives with {@code --lessons DIR}. A file that fails to parse is reported with its line
 * and left out; the others still load.
 */
public record LessonCatalog(List<Lesson> lessons, List<LessonFormatException> problems) {

    public Optional<Lesson> find(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public static LessonCatalog fromFolder(Path folder) throws IOException {
        if (!java.nio.file.Files.isDirectory(folder)) {
            // the file system's own exception says only the path, which `awstutor: /nonexistent` left a riddle
            throw new IOException("no lesson folder at " + folder);
        }
        List<LessonFormatException> unreadable = new ArrayList<>();
        LessonCatalog catalog = fromFiles(folderFiles(folder, unreadable));
        if (unreadable.isEmpty()) {
            return catalog;
        }
        List<LessonFormatException> problems = new ArrayList<>(unreadable);
        problems.addAll(catalog.problems());
        return new LessonCatalog(catalog.lessons(), List.copyOf(problems));
    }

    /** The lessons shipped in the jar under {@code lessons/}. */
    public static LessonCatalog bundled() {
        try {
            return fromFiles(bundledFiles());
        } catch (IOException | URISyntaxException e) {
            return new LessonCatalog(List.of(), List.of(
                    new LessonFormatException("lessons", 0, "the bundled lessons could not be read: " + e.getMessage())));
        }
    }

    /** One lesson file as written: what a workshop hands its learners. */
    public record LessonFile(String name, String text) {
    }

    /** Parses the files; one that fails is reported and left out. */
    public static LessonCatalog fromFiles(List<LessonFile> files) {
        List<Lesson> lessons = new ArrayList<>();
        List<LessonFormatException> problems = new ArrayList<>();
        for (LessonFile file : files) {
            load(file.name(), file.text(), lessons, problems);
        }
        return sorted(lessons, problems);
    }

    /** The {@code .md} files of a folder, by name; one that is not UTF-8 fails with its name. */
    public static List<LessonFile> folderFiles(Path folder) throws IOException {
        List<LessonFormatException> unreadable = new ArrayList<>();
        List<LessonFile> files = folderFiles(folder, unreadable);
        if (!unreadable.isEmpty()) {
            throw new IOException(unreadable.get(0).getMessage());
        }
        return files;
    }

    /** The folder's {@code .md} files; one that is not UTF-8 goes to {@code unreadable} by name, the others still load. */
    private static List<LessonFile> folderFiles(Path folder, List<LessonFormatException> unreadable) throws IOException {
        List<LessonFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                try {
                    files.add(new LessonFile(name, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (java.nio.charset.CharacterCodingException e) {
                    unreadable.add(new LessonFormatException(name, 0, "the file is not UTF-8 text; save it as UTF-8"));
                }
            }
        }
        return files;
    }

    /** The lesson files shipped in the jar (or the classes folder, when run from a build). */
    public static List<LessonFile> bundledFiles() throws IOException, URISyntaxException {
        URL location = LessonCatalog.class.getProtectionDomain().getCodeSource().getLocation();
        Path path = Path.of(location.toURI());
        if (Files.isDirectory(path)) {
            Path folder = path.resolve("lessons");
            return Files.isDirectory(folder) ? folderFiles(folder) : List.of();
        }
        List<LessonFile> files = new ArrayList<>();
        try (JarFile jar = new JarFile(path.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith("lessons/") && entry.getName().endsWith(".md")) {
                    entries.add(entry);
                }
            }
            entries.sort(Comparator.comparing(JarEntry::getName));
            for (JarEntry entry : entries) {
                try (InputStream in = jar.getInputStream(entry)) {
                    files.add(new LessonFile(entry.getName().substring("lessons/".length()),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return files;
    }

    private static void load(String name, String text, List<Lesson> lessons, List<LessonFormatException> problems) {
        try {
            Lesson lesson = LessonParser.parse(name, text);
            if (lessons.stream().anyMatch(l -> l.id().equals(lesson.id()))) {
                problems.add(new LessonFormatException(name, 2, "another lesson already has the id '" + lesson.id() + "'"));
            } else {
                lessons.add(lesson);
            }
        } catch (LessonFormatException e) {
            problems.add(e);
        }
    }

    private static LessonCatalog sorted(List<Lesson> lessons, List<LessonFormatException> problems) {
        lessons.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::id));
        return new LessonCatalog(List.copyOf(lessons), List.copyOf(problems));
    }
}
