package dev.socialticker.ticker.fleet;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.Destinations;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The fleet's roster, one document of the state repository ({@link StateKey#roster()}, Redis
 * {@code ticker:members}): each instance with its start, host, what it delivers to and when it last
 * said it is alive. Each instance says so on the resync timer ({@link #beat}), dropping those not heard
 * from for {@link #GONE_AFTER}, and leaves as it stops ({@link #leave}); the document expires when
 * no instance has beaten for that long.
 *
 * <p>A beat reads, changes and writes the document: two instances beating at once can lose one
 * another's beat. Harmless by design: a member is listed while its last beat is younger than three
 * periods, and it beats again within one.
 */
@Component
@SharedMode
class FleetMembers implements FleetRoster {
    /** Three resync periods: a member that missed two beats is still listed, one that missed three is gone. */
    static final Duration GONE_AFTER = Duration.ofMillis(3 * FleetRoutes.RESYNC_MILLIS);

    private static final TypeReference<Map<String, Entry>> ROSTER = new TypeReference<>() {};

    private final StateRepository state;
    private final ObjectMapper json;
    private final FleetInstance instance;
    private final Clock clock;
    private final List<Destinations> destinations;
    private final Instant startedAt;
    private final String host = hostName();

    FleetMembers(
            StateRepository state,
            ObjectMapper json,
            FleetInstance instance,
            Clock clock,
            List<Destinations> destinations) {
        this.state = state;
        this.json = json;
        this.instance = instance;
        this.clock = clock;
        this.destinations = destinations;
        this.startedAt = clock.instant();
    }

    /** One member as the roster keeps it. */
    record Entry(Instant startedAt, Instant seenAt, String host, Set<DeliveryMeters.Kind> delivers) {}

    /** Says this instance is alive, and drops the members that stopped saying so. */
    public void beat() {
        Instant now = clock.instant();
        try {
            Map<String, Entry> members = heard(read(), now);
            members.put(instance.id(), new Entry(startedAt, now, host, delivers()));
            state.write(StateKey.roster(), json.writeValueAsBytes(members), GONE_AFTER);
        } catch (IOException unreachable) {
            // The link has said Redis is away (once); the next beat says it again.
        }
    }

    @Override
    public Optional<List<Member>> members() {
        Instant now = clock.instant();
        try {
            return Optional.of(heard(read(), now).entrySet().stream()
                    .map(entry -> new Member(
                            entry.getKey(),
                            entry.getValue().host(),
                            entry.getValue().startedAt(),
                            entry.getValue().seenAt(),
                            entry.getKey().equals(instance.id()),
                            entry.getValue().delivers()))
                    .sorted(Comparator.comparing(Member::startedAt).thenComparing(Member::instance))
                    .toList());
        } catch (IOException unreachable) {
            return Optional.empty();
        }
    }

    /** A stopping instance leaves the roster at once, rather than being listed until it is missed. */
    @WhenTheServiceStops
    void leave() {
        try {
            Map<String, Entry> members = heard(read(), clock.instant());
            if (members.remove(instance.id()) != null) {
                state.write(StateKey.roster(), json.writeValueAsBytes(members), GONE_AFTER);
            }
        } catch (IOException unreachable) {
            // Its entry is dropped by the others' beats within GONE_AFTER.
        }
    }

    /** The roster as stored; empty when there is none, or another version wrote one this cannot read. */
    private Map<String, Entry> read() throws IOException {
        Optional<byte[]> document = state.read(StateKey.roster());
        if (document.isEmpty()) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(json.readValue(document.get(), ROSTER));
        } catch (JacksonException unreadable) {
            return new LinkedHashMap<>();
        }
    }

    /** The members heard from within GONE_AFTER. */
    private static Map<String, Entry> heard(Map<String, Entry> members, Instant now) {
        members.values()
                .removeIf(entry -> entry == null
                        || entry.seenAt() == null
                        || entry.startedAt() == null
                        || entry.seenAt().isBefore(now.minus(GONE_AFTER)));
        return members;
    }

    /** What this instance delivers to now. */
    private Set<DeliveryMeters.Kind> delivers() {
        Set<DeliveryMeters.Kind> kinds = EnumSet.noneOf(DeliveryMeters.Kind.class);
        destinations.stream().filter(Destinations::deliveredHere).forEach(of -> kinds.add(of.kind()));
        return kinds;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown";
        }
    }
}
