package dev.socialticker.ticker.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The relative links of a repository's Markdown files, checked as GitHub resolves them: the file (or
 * folder) must exist, and a {@code #fragment} into a Markdown file must name one of its headings by
 * GitHub's slug. External links (any scheme) are left alone: checking them needs the network.
 */
final class MarkdownLinks {
    /** Folders that hold other projects' files or build output, not this repository's documents. */
    private static final Set<String> SKIPPED = Set.of("node_modules", "target", ".git");

    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```+|~~~+)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?s).+?\\1");
    private static final Pattern INLINE_LINK =
            Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*(<[^>]*>|[^\\s)]+)(?:\\s+[\"'(][^)]*)?\\)");
    private static final Pattern REFERENCE = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern HTML_LINK =
            Pattern.compile("<(?:a|img)\\b[^>]*?\\b(?:href|src)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML_ANCHOR =
            Pattern.compile("<[a-z][^>]*?\\b(?:name|id)\\s*=\\s*\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?\\s*$");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    /** A broken link: where it is, what it says, and why it does not lead anywhere. */
    record Broken(Path file, int line, String link, String reason) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + link + " (" + reason + ")";
        }
    }

    private final Path root;
    private final Map<Path, Set<String>> anchors = new HashMap<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every Markdown file of the repository, build output and installed packages aside. */
    List<Path> files() {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(path -> path.toString().endsWith(".md") && Files.isRegularFile(path))
                    .filter(path -> root.relativize(path).getNameCount() == 1
                            || !skipped(root.relativize(path).getParent()))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static boolean skipped(Path folder) {
        for (Path name : folder) {
            if (SKIPPED.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    /** The broken relative links of every Markdown file. */
    List<Broken> broken() {
        List<Broken> broken = new ArrayList<>();
        for (Path file : files()) {
            broken.addAll(broken(file));
        }
        return broken;
    }

    /** The broken relative links of one file. */
    List<Broken> broken(Path file) {
        List<Broken> broken = new ArrayList<>();
        List<String> lines = prose(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = CODE_SPAN.matcher(lines.get(i)).replaceAll("");
            for (Pattern pattern : List.of(INLINE_LINK, REFERENCE, HTML_LINK)) {
                Matcher link = pattern.matcher(line);
                while (link.find()) {
                    String reason = check(file, link.group(1));
                    if (reason != null) {
                        broken.add(new Broken(root.relativize(file), i + 1, link.group(1), reason));
                    }
                }
            }
        }
        return broken;
    }

    /** Why a link leads nowhere, or null when it leads where it says (or outside, which is not checked). */
    private String check(Path file, String link) {
        String target = link.startsWith("<") ? link.substring(1, link.length() - 1) : link;
        if (SCHEME.matcher(target).find() || target.startsWith("//")) {
            return null;
        }
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String fragment = hash < 0 ? "" : URLDecoder.decode(target.substring(hash + 1), StandardCharsets.UTF_8);
        Path resolved = path.isEmpty()
                ? file
                : (path.startsWith("/")
                                ? root.resolve(path.substring(1))
                                : file.getParent().resolve(path))
                        .normalize();
        if (!resolved.startsWith(root)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + root.relativize(resolved);
        }
        if (fragment.isEmpty() || !resolved.toString().endsWith(".md") || !Files.isRegularFile(resolved)) {
            return null; // a fragment into code (#L10) or a folder is GitHub's, not a heading
        }
        if (!anchors(resolved).contains(fragment)) {
            return "no heading with the anchor #" + fragment + " in " + root.relativize(resolved);
        }
        return null;
    }

    /** The anchors GitHub gives a Markdown file: one per heading (repeats numbered), and HTML ids. */
    Set<String> anchors(Path file) {
        return anchors.computeIfAbsent(file.toAbsolutePath().normalize(), MarkdownLinks::readAnchors);
    }

    private static Set<String> readAnchors(Path file) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        List<String> lines = prose(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String heading = null;
            Matcher atx = ATX.matcher(line);
            if (atx.matches() && !line.isBlank()) {
                heading = atx.group(1) == null ? "" : atx.group(1);
            } else if (i + 1 < lines.size()
                    && !line.isBlank()
                    && SETEXT.matcher(lines.get(i + 1)).matches()
                    && !line.trim().startsWith("|")
                    && !line.trim().startsWith("-")) {
                heading = line.trim();
            }
            if (heading != null) {
                String slug = slug(heading);
                int repeat = seen.merge(slug, 1, Integer::sum) - 1;
                anchors.add(repeat == 0 ? slug : slug + "-" + repeat);
            }
            Matcher html = HTML_ANCHOR.matcher(line);
            while (html.find()) {
                anchors.add(html.group(1));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading anchor: the heading's text (links and images by their text, no code marks or
     * tags), lower-cased, punctuation other than '-' and '_' removed, each space a '-'.
     */
    static String slug(String heading) {
        String text = heading.replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1").replaceAll("<[^>]+>", "");
        return text.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "")
                .replace(' ', '-');
    }

    /** A file's lines with fenced code blocks blanked (kept as empty lines, so line numbers stay true). */
    private static List<String> prose(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        List<String> prose = new ArrayList<>(lines.size());
        String fence = null;
        for (String line : lines) {
            Matcher opening = FENCE.matcher(line);
            if (fence == null && opening.find()) {
                fence = opening.group(1);
                prose.add("");
            } else if (fence != null) {
                if (line.trim().startsWith(fence)
                        && line.trim().replace(fence.substring(0, 1), "").isBlank()) {
                    fence = null;
                }
                prose.add("");
            } else {
                prose.add(line);
            }
        }
        return prose;
    }
}
