package dev.socialticker.ticker.provider.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Finds the provider files to load: those packaged in the jar ({@value #PACKAGED}, built from the
 * repository's {@code routes/}) and those in {@code ticker.routes.dir}. A file in the folder
 * replaces the packaged file of the same name, so an integrator can change a built-in provider
 * without a rebuild.
 */
@Component
class ProviderRouteFiles {
    static final String PACKAGED = "classpath*:providers/*" + ProviderFile.SUFFIX;

    private final Path dir;

    ProviderRouteFiles(RoutesProperties routes) {
        this.dir = Path.of(routes.dir());
    }

    Path dir() {
        return dir;
    }

    /** Every provider file, one per name (the folder's wins), in name order. */
    List<ProviderFile> all() {
        Map<String, ProviderFile> byName = new TreeMap<>();
        packaged().forEach(file -> byName.put(file.name(), file));
        inDir().forEach(file -> byName.put(file.name(), file));
        return new ArrayList<>(byName.values());
    }

    /** Files in the routes folder, including misnamed ones (name null) so they can be reported. */
    List<Path> filesInDir() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".yaml")
                            || file.getFileName().toString().endsWith(".yml"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot list " + dir, unreadable);
        }
    }

    /** The file for a path in the routes folder, or null when its name is not {@code <name>.camel.yaml}. */
    ProviderFile inDir(Path file) {
        String name = ProviderFile.providerName(file.getFileName().toString());
        if (name == null) {
            return null;
        }
        return new ProviderFile(
                name,
                dir.resolve(file.getFileName()).toString(),
                "file:" + file.toAbsolutePath().normalize(),
                false);
    }

    /** The packaged file of that name, or null when the jar has none. */
    ProviderFile packaged(String name) {
        return packaged().stream()
                .filter(file -> file.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private List<ProviderFile> inDir() {
        return filesInDir().stream()
                .map(this::inDir)
                .filter(file -> file != null)
                .toList();
    }

    private List<ProviderFile> packaged() {
        try {
            List<ProviderFile> files = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PACKAGED)) {
                String name = ProviderFile.providerName(resource.getFilename());
                if (name != null) {
                    files.add(new ProviderFile(
                            name,
                            "built-in " + resource.getFilename(),
                            "classpath:providers/" + resource.getFilename(),
                            true));
                }
            }
            return files;
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot list the packaged provider files", unreadable);
        }
    }
}
