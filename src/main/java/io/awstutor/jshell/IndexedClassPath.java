package io.awstutor.jshell;

import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The compiler's file manager with the class path answered from a {@link ClassPathIndex};
 * every other location, and the class path when there is no index or it is not the indexed
 * one, is the standard manager's. The index may still be in the making when JShell builds
 * its compiler (which is also when it launches the session's JVM): the first listing waits
 * for it, the build does not.
 */
final class IndexedClassPath extends ForwardingJavaFileManager<StandardJavaFileManager> implements StandardJavaFileManager {
    private final CompletableFuture<Optional<ClassPathIndex>> index;
    /** the compiler's class path last looked at, and whether the index covers it */
    private volatile Checked checked = new Checked(null, false);

    private record Checked(Iterable<? extends Path> classPath, boolean covered) {
    }

    IndexedClassPath(StandardJavaFileManager standard, CompletableFuture<Optional<ClassPathIndex>> index) {
        super(standard);
        this.index = index;
    }

    private Optional<ClassPathIndex> indexFor(Location location) {
        if (location != StandardLocation.CLASS_PATH) {
            return Optional.empty();
        }
        Optional<ClassPathIndex> made;
        try {
            made = index.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return Optional.empty();
        }
        Iterable<? extends Path> classPath = fileManager.getLocationAsPaths(StandardLocation.CLASS_PATH);
        // javac lists the class path hundreds of times a compilation; its location object changes only when set anew
        Checked last = checked;
        if (last.classPath() != classPath) {
            last = new Checked(classPath, classPath != null && made.isPresent() && made.get().covers(classPath));
            checked = last;
        }
        return last.covered() ? made : Optional.empty();
    }

    @Override
    public Iterable<JavaFileObject> list(Location location, String packageName, Set<JavaFileObject.Kind> kinds, boolean recurse)
            throws IOException {
        Optional<ClassPathIndex> indexed = indexFor(location);
        return indexed.isPresent() ? indexed.get().list(packageName, kinds, recurse) : super.list(location, packageName, kinds, recurse);
    }

    @Override
    public String inferBinaryName(Location location, JavaFileObject file) {
        return file instanceof ClassPathIndex.ClassPathFile indexed ? indexed.binaryName() : super.inferBinaryName(location, file);
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
        if (a instanceof ClassPathIndex.ClassPathFile || b instanceof ClassPathIndex.ClassPathFile) {
            return a.toUri().equals(b.toUri());
        }
        return super.isSameFile(a, b);
    }

    @Override
    public boolean contains(Location location, FileObject file) throws IOException {
        if (file instanceof ClassPathIndex.ClassPathFile) {
            return location == StandardLocation.CLASS_PATH;
        }
        return super.contains(location, file);
    }

    // StandardJavaFileManager's own methods: the standard manager's

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromFiles(Iterable<? extends File> files) {
        return fileManager.getJavaFileObjectsFromFiles(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromPaths(Collection<? extends Path> paths) {
        return fileManager.getJavaFileObjectsFromPaths(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(File... files) {
        return fileManager.getJavaFileObjects(files);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(Path... paths) {
        return fileManager.getJavaFileObjects(paths);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjectsFromStrings(Iterable<String> names) {
        return fileManager.getJavaFileObjectsFromStrings(names);
    }

    @Override
    public Iterable<? extends JavaFileObject> getJavaFileObjects(String... names) {
        return fileManager.getJavaFileObjects(names);
    }

    @Override
    public void setLocation(Location location, Iterable<? extends File> files) throws IOException {
        fileManager.setLocation(location, files);
    }

    @Override
    public void setLocationFromPaths(Location location, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationFromPaths(location, paths);
    }

    @Override
    public void setLocationForModule(Location location, String moduleName, Collection<? extends Path> paths) throws IOException {
        fileManager.setLocationForModule(location, moduleName, paths);
    }

    @Override
    public Iterable<? extends File> getLocation(Location location) {
        return fileManager.getLocation(location);
    }

    @Override
    public Iterable<? extends Path> getLocationAsPaths(Location location) {
        return fileManager.getLocationAsPaths(location);
    }

    @Override
    public Path asPath(FileObject file) {
        return fileManager.asPath(file);
    }

    @Override
    public void setPathFactory(PathFactory factory) {
        fileManager.setPathFactory(factory);
    }
}
