package fitlab.merge;

import fitlab.UserError;
import fitlab.runfolder.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The files of a folder tree as a run folder holds them, compared and copied file by file. */
final class TreeFiles {
    private TreeFiles() {}

    /** Regular files under {@code root}, relative and sorted; lock and torn temp files are not part of a run. */
    static List<Path> list(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).filter(TreeFiles::isRunFile).sorted().toList();
        } catch (IOException e) {
            throw new UserError("cannot read " + root + ": " + e.getMessage());
        }
    }

    private static boolean isRunFile(Path relative) {
        String n = relative.getFileName().toString();
        return !n.equals(RunLock.FILE) && !(n.startsWith(".") && n.endsWith(".tmp"));
    }

    /** The first file that differs between two trees (by name or bytes), or null when they are identical. */
    static String firstDifference(Path a, Path b) {
        List<Path> left = list(a);
        List<Path> right = list(b);
        if (!left.equals(right)) {
            List<Path> onlyLeft = left.stream().filter(p -> !right.contains(p)).toList();
            return onlyLeft.isEmpty() ? right.stream().filter(p -> !left.contains(p)).findFirst().map(Path::toString).orElse("?")
                    : onlyLeft.get(0).toString();
        }
        for (Path p : left) {
            if (!Arrays.equals(bytes(a.resolve(p)), bytes(b.resolve(p)))) {
                return p.toString();
            }
        }
        return null;
    }

    /** Copies every file of {@code from} into {@code to}, each one atomically (temp file, then rename). */
    static void copy(Path from, Path to) {
        for (Path p : list(from)) {
            copyFile(from.resolve(p), to.resolve(p.toString()));
        }
    }

    static void copyFile(Path from, Path to) {
        Path tmp = to.resolveSibling("." + to.getFileName() + ".merge.tmp");
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UserError("cannot copy " + from + " to " + to + ": " + e.getMessage());
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
