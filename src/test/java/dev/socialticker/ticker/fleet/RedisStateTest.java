package dev.socialticker.ticker.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.socialticker.ticker.state.FleetLease;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.support.RedisServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The shared mode's state repository on a real Redis: documents are values under the key prefix, a
 * lease has one holder at a time and passes on when released or expired, and a token rotated before
 * the fleet shared it is carried on from its file.
 */
class RedisStateTest {
    static RedisServer redis;
    LettuceConnectionFactory connections;
    String prefix;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRedis() {
        redis = RedisServer.start("The shared state repository test");
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void connect(TestInfo test) {
        prefix = "t-" + test.getTestMethod().orElseThrow().getName().hashCode() + ":";
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterEach
    void disconnect() {
        connections.destroy();
    }

    RedisState state(Map<String, Path> tokenFiles) {
        StringRedisTemplate template = new StringRedisTemplate(connections);
        template.afterPropertiesSet();
        return new RedisState(template, new RedisKeys(prefix), new RedisLink(), tokenFiles);
    }

    @Test
    void aDocumentIsOneRedisValueUnderTheKeyPrefix() throws Exception {
        RedisState state = state(Map.of());
        StateKey incidents = StateKey.incidents();
        assertThat(state.read(incidents)).isEmpty();

        state.write(incidents, "{\"format\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(redis.command("GET", prefix + "alerts")).isEqualTo("{\"format\":1}");
        assertThat(state.read(incidents))
                .hasValueSatisfying(document ->
                        assertThat(new String(document, StandardCharsets.UTF_8)).isEqualTo("{\"format\":1}"));
        assertThat(state.where(incidents)).isEqualTo("Redis key " + prefix + "alerts");
        assertThat(state.where(StateKey.snapshot("github-acme")))
                .isEqualTo("Redis key " + prefix + "state:github-acme");

        state.delete(incidents);
        assertThat(state.read(incidents)).isEmpty();
    }

    @Test
    void aLeaseHasOneHolderAndPassesOnWhenReleased() throws Exception {
        RedisState a = state(Map.of());
        RedisState b = state(Map.of());
        Duration ttl = Duration.ofMinutes(1);

        assertThat(a.holdLease("alerts-leader", "a", ttl)).isTrue();
        assertThat(b.holdLease("alerts-leader", "b", ttl)).as("held by a").isFalse();
        assertThat(a.holdLease("alerts-leader", "a", ttl))
                .as("renewed by its holder")
                .isTrue();
        b.releaseLease("alerts-leader", "b");
        assertThat(b.holdLease("alerts-leader", "b", ttl))
                .as("only its holder releases it")
                .isFalse();

        a.releaseLease("alerts-leader", "a");
        assertThat(b.holdLease("alerts-leader", "b", ttl))
                .as("taken at once after a release")
                .isTrue();
        assertThat(redis.command("GET", prefix + "alerts-leader")).isEqualTo("b");
    }

    /**
     * A stopping instance hands the turn over and never takes it back: its timers may still tick
     * between the hand-over and their own stop, and a turn it took then would stay with a dead
     * instance until the lease ran out (FleetAlertsTest once waited 20 s for a speaker so).
     */
    @Test
    void aReleasedFleetLeaseIsNotClaimedAgain() throws Exception {
        FleetLease stopping =
                new FleetLease(state(Map.of()), "alerts-leader", Duration.ofMinutes(1), Duration.ofSeconds(10));
        FleetLease other =
                new FleetLease(state(Map.of()), "alerts-leader", Duration.ofMinutes(1), Duration.ofSeconds(10));
        assertThat(stopping.claim()).isTrue();
        assertThat(other.claim()).as("held by the first").isFalse();

        stopping.release();

        assertThat(stopping.claim()).as("the stopping instance's late tick").isFalse();
        assertThat(stopping.holds()).isFalse();
        assertThat(other.claim()).as("free for the others at once").isTrue();
    }

    @Test
    void aLeaseWhoseHolderDiedIsTakenOverWhenItExpires() throws Exception {
        RedisState a = state(Map.of());
        RedisState b = state(Map.of());
        assertThat(a.holdLease("alerts-leader", "a", Duration.ofMillis(300))).isTrue();
        assertThat(b.holdLease("alerts-leader", "b", Duration.ofMinutes(1))).isFalse();

        await().atMost(Duration.ofSeconds(5)).until(() -> b.holdLease("alerts-leader", "b", Duration.ofMinutes(1)));
        assertThat(a.holdLease("alerts-leader", "a", Duration.ofMinutes(1)))
                .as("a comes back too late")
                .isFalse();
    }

    @Test
    void aTokenRotatedBeforeTheFleetSharedItIsReadFromItsFileUntilRedisHoldsOne() throws Exception {
        Path file = dir.resolve("instagram-token.json");
        Files.writeString(file, "{\"accessToken\":\"rotated-alone\",\"expiresAt\":\"2027-01-31T00:00:00Z\"}");
        RedisState state = state(Map.of("instagram", file));
        StateKey token = StateKey.token("instagram");

        assertThat(state.read(token))
                .hasValueSatisfying(document ->
                        assertThat(new String(document, StandardCharsets.UTF_8)).contains("rotated-alone"));

        state.write(token, "{\"accessToken\":\"rotated-by-the-fleet\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(redis.command("GET", prefix + "token:instagram")).contains("rotated-by-the-fleet");
        assertThat(state.read(token))
                .hasValueSatisfying(document ->
                        assertThat(new String(document, StandardCharsets.UTF_8)).contains("rotated-by-the-fleet"));
        assertThat(Files.readString(file))
                .as("the file is not written by the fleet")
                .contains("rotated-alone");
        assertThat(state.where(token))
                .isEqualTo("Redis key " + prefix + "token:instagram")
                .doesNotContain("rotated");
    }
}
