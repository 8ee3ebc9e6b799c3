package dev.socialticker.ticker.routefile;

import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * A catalog as a health component: one detail per running file, not UP while any file is refused, with
 * each mistake as {@code file:line:column: what (hint)} in the status description, which the health endpoint shows even to callers
 * who may not see details (a reason names a file and a line, never a secret).
 */
public final class RouteFilesHealth {
    private RouteFilesHealth() {}

    /** @param refused the status while a file is refused (DOWN for providers: a source may not run) */
    public static <T> void report(
            Health.Builder builder, RouteFileCatalog<T> catalog, Function<T, Object> detail, Status refused) {
        Map<String, RouteFileCatalog.Broken> broken = catalog.broken();
        catalog.loaded().forEach((name, file) -> builder.withDetail(name, detail.apply(file)));
        if (broken.isEmpty()) {
            builder.up();
            return;
        }
        StringBuilder description = new StringBuilder();
        broken.values().forEach(file -> {
            builder.withDetail(file.key(), "refused: " + file.reason());
            description.append(description.isEmpty() ? "" : " | ").append(file.reason());
        });
        builder.status(new Status(refused.getCode(), description.toString()));
    }
}
