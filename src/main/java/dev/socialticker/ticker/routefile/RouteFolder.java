package dev.socialticker.ticker.routefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder of route files: the routes folder for providers, its {@code outputs/} for outputs. */
public record RouteFolder(Path dir) {

    /** Files in the folder, including misnamed ones so they can be reported; sub-folders are not read. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(RouteFolder::yaml)
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot list " + dir, unreadable);
        }
    }

    /** Every well-named file of the folder, in name order. */
    public List<RouteFile> routeFiles() {
        return files().stream().map(this::file).filter(file -> file != null).toList();
    }

    /** The file for a path in this folder, or null when its name is not {@code <name>.camel.yaml}. */
    public RouteFile file(Path path) {
        String name = RouteFile.nameOf(path.getFileName().toString());
        if (name == null) {
            return null;
        }
        return new RouteFile(
                name,
                dir.resolve(path.getFileName()).toString(),
                "file:" + path.toAbsolutePath().normalize(),
                false);
    }

    /** True when a path (as a watcher reports it) is directly in this folder. */
    public boolean holds(Path path) {
        Path parent = path.toAbsolutePath().normalize().getParent();
        return parent != null && parent.equals(dir.toAbsolutePath().normalize());
    }

    static boolean yaml(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }
}
