package io.awstutor.sandbox.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who the engines run as. PostgreSQL refuses to run as root and has no switch to allow it, so
 * when the tutor is root (CI, containers) engines run as the system's {@code nobody} through
 * util-linux's {@code setpriv}, and their files must be owned by, and reachable for, nobody.
 * Either way {@code setpriv --pdeathsig KILL} (where it exists) ends an engine when the tutor
 * dies, even by kill -9; the pid registry cleans up where it does not.
 */
final class EngineUser {
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private final boolean root;
    private final boolean setpriv;
    private final String nobodyUid;
    private final String nobodyGid;

    private EngineUser(boolean root, boolean setpriv, String nobodyUid, String nobodyGid) {
        this.root = root;
        this.setpriv = setpriv;
        this.nobodyUid = nobodyUid;
        this.nobodyGid = nobodyGid;
    }

    static EngineUser detect() {
        boolean root = "root".equals(System.getProperty("user.name")) || uid() == 0;
        String[] nobody = nobodyIds().orElse(new String[] {"65534", "65534"});
        return new EngineUser(root, Files.isExecutable(SETPRIV), nobody[0], nobody[1]);
    }

    boolean root() {
        return root;
    }

    /** Why engines cannot run here, if they cannot: root without setpriv cannot give PostgreSQL a user. */
    Optional<String> problem() {
        if (root && !setpriv) {
            return Optional.of("the tutor runs as root and PostgreSQL refuses root; install util-linux's setpriv (/usr/bin/setpriv) "
                    + "so the sandbox can run engines as nobody");
        }
        return Optional.empty();
    }

    /** The engine's command line, run as nobody when we are root, and ended with the tutor. */
    List<String> command(List<String> command) {
        List<String> full = new ArrayList<>();
        if (setpriv) {
            full.add(SETPRIV.toString());
            if (root) {
                full.addAll(List.of("--reuid=" + nobodyUid, "--regid=" + nobodyGid, "--clear-groups"));
            }
            full.addAll(List.of("--pdeathsig", "KILL"));
        }
        full.addAll(command);
        return full;
    }

    /** Gives a folder (and everything in it) to the engine's user. */
    void hand(Path dir) throws IOException {
        if (!root) {
            return;
        }
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        var user = users.lookupPrincipalByName(nobodyUid);
        var group = users.lookupPrincipalByGroupName(nobodyGid);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    /**
     * A folder the engine's user can reach: {@code preferred} when every folder above it lets
     * others pass (or we are not root), else one under /var/tmp (root's home is closed to nobody).
     */
    Path reachable(Path preferred, String fallbackName) throws IOException {
        if (!root || passable(preferred.toAbsolutePath())) {
            return preferred;
        }
        Path base = Path.of(Files.isDirectory(Path.of("/var/tmp")) ? "/var/tmp" : System.getProperty("java.io.tmpdir"), "awstutor-engines");
        Files.createDirectories(base);
        Files.setPosixFilePermissions(base, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return base.resolve(fallbackName);
    }

    private static boolean passable(Path path) throws IOException {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        // the folders the engine's user will pass, behind any symbolic link on the way
        Path real = existing == null ? path : existing.toRealPath().resolve(existing.relativize(path));
        for (Path p = real; p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private static long uid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (Exception e) {
            return -1;
        }
    }

    private static Optional<String[]> nobodyIds() {
        try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.filter(l -> l.startsWith("nobody:")).map(l -> l.split(":")).filter(f -> f.length > 3)
                    .map(f -> new String[] {f[2], f[3]}).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
