package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.routefile.RouteFolder;
import dev.socialticker.ticker.routefile.RoutesProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    static final String PACKAGED = "classpath*:providers/*" + RouteFile.SUFFIX;

    private final RouteFolder folder;

    ProviderRouteFiles(RoutesProperties routes) {
        this.folder = new RouteFolder(Path.of(routes.dir()));
    }

    Path dir() {
        return folder.dir();
    }

    RouteFolder folder() {
        return folder;
    }

    /** Every provider file, one per name (the folder's wins), in name order. */
    List<RouteFile> all() {
        Map<String, RouteFile> byName = new TreeMap<>();
        packaged().forEach(file -> byName.put(file.name(), file));
        inDir().forEach(file -> byName.put(file.name(), file));
        return new ArrayList<>(byName.values());
    }

    /** Files in the routes folder, including misnamed ones (name null) so they can be reported. */
    List<Path> filesInDir() {
        return folder.files();
    }

    /** The file for a path in the routes folder, or null when its name is not {@code <name>.camel.yaml}. */
    RouteFile inDir(Path file) {
        return folder.file(file);
    }

    /** The packaged file of that name, or null when the jar has none. */
    RouteFile packaged(String name) {
        return packaged().stream()
                .filter(file -> file.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    private List<RouteFile> inDir() {
        return folder.routeFiles();
    }

    private List<RouteFile> packaged() {
        try {
            List<RouteFile> files = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PACKAGED)) {
                String name = RouteFile.nameOf(resource.getFilename());
                if (name != null) {
                    files.add(new RouteFile(
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
