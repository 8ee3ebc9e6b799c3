package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.WhenTheServiceStops;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The fleet's roster in Redis: a sorted set {@code ticker:members} of instance names scored by when
 * each last said it is alive ({@link #beat}, on the resync timer), and beside it each member's
 * {@code ticker:member:<instance>}, "{@code <started at> <host>}", expiring after {@link #GONE_AFTER}.
 * A member not heard from for that long is left out and pruned by the next beat of any instance: an
 * instance that died leaves by itself, one that stops leaves at once ({@link #leave}).
 */
@Component
@SharedMode
class RedisFleetRoster implements FleetRoster {
    /** Three resync periods: a member that missed two beats is still listed, one that missed three is gone. */
    static final Duration GONE_AFTER = Duration.ofMillis(3 * FleetRoutes.RESYNC_MILLIS);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RedisLink link;
    private final FleetInstance instance;
    private final Clock clock;
    private final Instant startedAt;
    private final String host = hostName();

    RedisFleetRoster(StringRedisTemplate redis, RedisKeys keys, RedisLink link, FleetInstance instance, Clock clock) {
        this.redis = redis;
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
            redis.opsForValue().set(keys.member(instance.id()), startedAt + " " + host, GONE_AFTER);
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
        if (about == null || seen == null) {
            return Optional.empty();
        }
        int space = about.indexOf(' ');
        try {
            Instant started = Instant.parse(space < 0 ? about : about.substring(0, space));
            String hostName = space < 0 ? "" : about.substring(space + 1);
            return Optional.of(new Member(
                    name, hostName, started, Instant.ofEpochMilli(seen.longValue()), name.equals(instance.id())));
        } catch (java.time.format.DateTimeParseException unreadable) {
            return Optional.empty();
        }
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
