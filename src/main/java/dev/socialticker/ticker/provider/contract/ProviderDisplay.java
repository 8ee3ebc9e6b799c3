package dev.socialticker.ticker.provider.contract;

import dev.socialticker.ticker.routefile.YamlParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a provider shows itself to people, as its file's {@code display} parameter says: its name
 * ("YouTube"), its icon (a Material Design Icons name, {@code mdi:youtube}, which Home Assistant
 * draws; the page draws the brand's own mark, shipped with it), and what it counts ("subscriber",
 * "subscribers"). Messages, the badge's label, Home Assistant's unit and the page all read it from
 * here; a file that says nothing gets {@link #defaults}.
 *
 * @param name   the provider's name for people
 * @param icon   an {@code mdi:} icon name
 * @param counts the noun of what it counts, singular and plural
 */
public record ProviderDisplay(String name, String icon, Counts counts) {
    /** The icon of a provider that names none: a group of people. */
    public static final String DEFAULT_ICON = "mdi:account-group";
    /** What a provider counts unless its file says otherwise. */
    public static final Counts FOLLOWERS = new Counts("follower", "followers");

    private static final Set<String> KEYS = Set.of("name", "icon", "counts");
    private static final Pattern ICON = Pattern.compile("mdi:[a-z0-9]+(?:-[a-z0-9]+)*");
    /** A noun or two ("member", "video view"): letters, spaces, apostrophes and hyphens, not markup. */
    private static final Pattern NOUN = Pattern.compile("\\p{L}[\\p{L} '’-]{0,29}");

    /**
     * What a count is of, in English: {@code one} for exactly one, {@code other} for any other count
     * (English has those two plural forms; the nouns are English whatever the reader's language).
     */
    public record Counts(String one, String other) {
        /** "1 member", "0 members", "12,345 members": the noun for {@code count}. */
        public String of(long count) {
            return count == 1 ? one : other;
        }
    }

    /**
     * The display of a provider whose file says nothing: its name with a capital ({@code pixelfed} →
     * "Pixelfed"), a group of people, followers.
     */
    public static ProviderDisplay defaults(String provider) {
        String name = provider == null || provider.isEmpty()
                ? ""
                : provider.substring(0, 1).toUpperCase(Locale.ROOT) + provider.substring(1);
        return new ProviderDisplay(name, DEFAULT_ICON, FOLLOWERS);
    }

    /**
     * Reads the {@code display} parameter, a YAML map; a key left out keeps its default.
     *
     * @throws IllegalArgumentException naming every key that is wrong
     */
    public static ProviderDisplay parse(String provider, String yaml) {
        ProviderDisplay defaults = defaults(provider);
        if (yaml == null || yaml.isBlank()) {
            return defaults;
        }
        Object parsed = YamlParameter.load("display", yaml);
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("parameter 'display' must be a YAML map such as '{ name: YouTube, icon:"
                    + " mdi:youtube, counts: { one: subscriber, other: subscribers } }'");
        }
        List<String> problems = new ArrayList<>();
        map.keySet().stream()
                .map(String::valueOf)
                .filter(key -> !KEYS.contains(key))
                .sorted()
                .forEach(
                        key -> problems.add("display." + key + " is not a key of display (known: counts, icon, name)"));
        String name = text(map.get("name"));
        if (name != null
                && (name.isBlank() || name.length() > 40 || name.chars().anyMatch(c -> c == '<' || c == '>'))) {
            problems.add("display.name must be 1 to 40 characters without < or >, not '" + name + "'");
        }
        String icon = text(map.get("icon"));
        if (icon != null && !ICON.matcher(icon).matches()) {
            problems.add("display.icon must be a Material Design Icons name such as mdi:youtube"
                    + " (pictogrammers.com/library/mdi), not '" + icon + "'");
        }
        Counts counts = counts(map.get("counts"), problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ProviderDisplay(
                name == null ? defaults.name() : name.strip(),
                icon == null ? defaults.icon() : icon,
                counts == null ? defaults.counts() : counts);
    }

    private static Counts counts(Object value, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)
                || !map.keySet().stream().map(String::valueOf).allMatch(Set.of("one", "other")::contains)) {
            problems.add("display.counts must be a map of 'one' and 'other', such as { one: member, other: members }");
            return null;
        }
        String one = text(map.get("one"));
        String other = text(map.get("other"));
        for (String noun : new String[] {one, other}) {
            if (noun == null || !NOUN.matcher(noun).matches()) {
                problems.add("display.counts needs 'one' and 'other', each a noun of letters (up to 30), not '" + noun
                        + "'");
                return null;
            }
        }
        return new Counts(one, other);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
