package dev.socialticker.ticker.routefile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Files of a watched folder that changed, each handed on once it has been still for a quiet period:
 * no change seen for that long, and its size and modification time as they were when last looked at.
 * A shell redirect ({@code >} empties the file, then writes it) or an editor that saves in several
 * writes is then read once, whole, instead of half-written first.
 */
final class SettlingFiles {
    /** How long a file must be still; a save, a copy or a redirect is over well within it. */
    static final Duration QUIET = Duration.ofMillis(500);

    private record Stamp(boolean exists, long size, FileTime modified) {}

    private record Seen(Instant since, Stamp stamp) {}

    private final Clock clock;
    private final Duration quiet;
    private final Map<Path, Seen> waiting = new LinkedHashMap<>();

    SettlingFiles(Clock clock, Duration quiet) {
        this.clock = clock;
        this.quiet = quiet;
    }

    /** A change was seen (created, written, deleted): the file waits a quiet period from now. */
    synchronized void changed(Path path) {
        waiting.put(path, new Seen(clock.instant(), stamp(path)));
    }

    /**
     * The files still for the quiet period, in the order they first changed; they wait no longer. A
     * file whose size or time moved since it was last looked at (a write whose event has not come yet)
     * waits a quiet period again.
     */
    synchronized List<Path> settled() {
        Instant now = clock.instant();
        List<Path> settled = new ArrayList<>();
        for (Iterator<Map.Entry<Path, Seen>> files = waiting.entrySet().iterator(); files.hasNext(); ) {
            Map.Entry<Path, Seen> file = files.next();
            Stamp stamp = stamp(file.getKey());
            if (!stamp.equals(file.getValue().stamp())) {
                file.setValue(new Seen(now, stamp));
            } else if (!file.getValue().since().plus(quiet).isAfter(now)) {
                settled.add(file.getKey());
                files.remove();
            }
        }
        return settled;
    }

    /** The files waiting to be still. */
    synchronized Set<Path> waiting() {
        return Set.copyOf(waiting.keySet());
    }

    private static Stamp stamp(Path path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return new Stamp(true, attributes.size(), attributes.lastModifiedTime());
        } catch (IOException gone) {
            return new Stamp(false, -1, null);
        }
    }
}
