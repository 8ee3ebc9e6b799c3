package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.WhenTheServiceStops;
import dev.socialticker.ticker.delivery.DeliveryMeters;
import dev.socialticker.ticker.delivery.Destinations;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The fleet's roster in Redis: a sorted set {@code ticker:members} of instance names scored by when
 * each last said it is alive ({@link #beat}, on the resync timer), and beside it each member's
 * {@code ticker:member:<instance>}, "{@code <started at> <what it delivers to, or -> <host>}" (for
 * example {@code 2026-12-07T20:24:00Z OUTPUT,CHANNEL ticker-0}), expiring after {@link #GONE_AFTER}.
 * A member not heard from for that long is left out and pruned by the next beat of any instance: an
 * instance that died leaves by itself, one that stops leaves at once ({@link #leave}).
 */
@Component
@SharedMode
class RedisFleetRoster implements FleetRoster {
    /** Three resync periods: a member that missed two beats is still listed, one that missed three is gone. */
    static final Duration GONE_AFTER = Duration.ofMillis(3 * FleetRoutes.RESYNC_MILLIS);

    private static final String NOTHING = "-";

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RedisLink link;
    private final FleetInstance instance;
    private final Clock clock;
    private final Instant startedAt;
    private final String host = hostName();
    private final List<Destinations> destinations;

    RedisFleetRoster(
            StringRedisTemplate redis,
            RedisKeys keys,
            RedisLink link,
            FleetInstance instance,
            Clock clock,
            List<Destinations> destinations) {
        this.redis = redis;
        this.destinations = destinations;
        this.keys = keys;
        this.link = link;
        this.instance = instance;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Says this instance is alive, and prunes the members that stopped saying so. */
    public void beat() {
        Instant now = clock.instant();
        try {
            redis.opsForValue().set(keys.member(instance.id()), startedAt + " " + delivers() + " " + host, GONE_AFTER);
            redis.opsForZSet().add(keys.members(), instance.id(), now.toEpochMilli());
            redis.opsForZSet()
                    .removeRangeByScore(keys.members(), 0, now.minus(GONE_AFTER).toEpochMilli());
            link.reached();
        } catch (DataAccessException unreachable) {
            link.failed("saying this instance is alive", unreachable);
        }
    }

    @Override
    public Optional<List<Member>> members() {
        Instant now = clock.instant();
        try {
            var heard = redis.opsForZSet()
                    .rangeByScoreWithScores(
                            keys.members(), now.minus(GONE_AFTER).toEpochMilli(), Double.POSITIVE_INFINITY);
            List<Member> members = new ArrayList<>();
            if (heard != null && !heard.isEmpty()) {
                List<String> names =
                        heard.stream().map(member -> member.getValue()).toList();
                List<String> details = redis.opsForValue()
                        .multiGet(names.stream().map(keys::member).toList());
                int i = 0;
                for (var member : heard) {
                    String about = details == null ? null : details.get(i++);
                    member(member.getValue(), about, member.getScore()).ifPresent(members::add);
                }
            }
            link.reached();
            members.sort(Comparator.comparing(Member::startedAt).thenComparing(Member::instance));
            return Optional.of(members);
        } catch (DataAccessException unreachable) {
            link.failed("reading the fleet's members", unreachable);
            return Optional.empty();
        }
    }

    /** A member whose details expired between the two reads, or that another version wrote, is left out. */
    private Optional<Member> member(String name, String about, Double seen) {
        String[] parts = about == null ? new String[0] : about.split(" ", 3);
        if (parts.length < 3 || seen == null) {
            return Optional.empty();
        }
        try {
            Set<DeliveryMeters.Kind> delivers = EnumSet.noneOf(DeliveryMeters.Kind.class);
            if (!parts[1].equals(NOTHING)) {
                for (String kind : parts[1].split(",")) {
                    delivers.add(DeliveryMeters.Kind.valueOf(kind));
                }
            }
            return Optional.of(new Member(
                    name,
                    parts[2],
                    Instant.parse(parts[0]),
                    Instant.ofEpochMilli(seen.longValue()),
                    name.equals(instance.id()),
                    delivers));
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /** What this instance delivers to now, as the member key says it: "OUTPUT,CHANNEL", or "-". */
    private String delivers() {
        String kinds = destinations.stream()
                .filter(Destinations::deliveredHere)
                .map(of -> of.kind().name())
                .sorted()
                .collect(Collectors.joining(","));
        return kinds.isEmpty() ? NOTHING : kinds;
    }

    /** A stopping instance leaves the roster at once, rather than being listed until it is missed. */
    @WhenTheServiceStops
    void leave() {
        try {
            redis.opsForZSet().remove(keys.members(), instance.id());
            redis.delete(Set.of(keys.member(instance.id())));
        } catch (DataAccessException unreachable) {
            // It expires by itself; the link has said Redis is away.
            link.failed("leaving the fleet's roster", unreachable);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            return "unknown";
        }
    }
}
