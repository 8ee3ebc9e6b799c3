package dev.socialticker.ticker.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.domain.SourceChanged;
import dev.socialticker.ticker.domain.SourceState;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.store.BackingStore;
import dev.socialticker.ticker.store.StoredState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The shared backing store: each source's state as a JSON value in Redis (the file store's
 * document). After each change this instance makes, a message on the changes channel
 * ({@link #announce}, route {@code fleet-announce}) lets the other instances update their own
 * Caffeine copy within moments ({@link SharedStateSync}). Reads never wait on Redis: they
 * are served from the local copy.
 */
@Component
@SharedMode
class RedisSnapshots implements BackingStore {
    private static final Logger log = LoggerFactory.getLogger(RedisSnapshots.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final ObjectMapper json;
    private final RedisLink link;
    private final FleetInstance instance;

    RedisSnapshots(
            StringRedisTemplate redis, RedisKeys keys, ObjectMapper json, RedisLink link, FleetInstance instance) {
        this.redis = redis;
        this.keys = keys;
        this.json = json;
        this.link = link;
        this.instance = instance;
    }

    @Override
    public Map<String, SourceState> readAll(List<TickerSource> sources) {
        return tryReadAll(sources).orElseGet(Map::of);
    }

    /** The shared states of the sources, or empty when Redis cannot be read now (not: "it holds none"). */
    Optional<Map<String, SourceState>> tryReadAll(List<TickerSource> sources) {
        if (sources.isEmpty()) {
            return Optional.of(Map.of());
        }
        List<String> values;
        try {
            values = redis.opsForValue()
                    .multiGet(sources.stream()
                            .map(source -> keys.state(source.id()))
                            .toList());
            link.reached();
        } catch (DataAccessException unreachable) {
            link.failed("reading the shared snapshots", unreachable);
            return Optional.empty();
        }
        Map<String, SourceState> states = new LinkedHashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            TickerSource source = sources.get(i);
            String value = values == null ? null : values.get(i);
            decode(source, value).ifPresent(state -> states.put(source.id(), state));
        }
        return Optional.of(states);
    }

    /** One source's shared state; empty when Redis holds none or cannot be read. */
    Optional<SourceState> read(TickerSource source) {
        try {
            String value = redis.opsForValue().get(keys.state(source.id()));
            link.reached();
            return decode(source, value);
        } catch (DataAccessException unreachable) {
            link.failed("reading the shared snapshot of " + source.id(), unreachable);
            return Optional.empty();
        }
    }

    @Override
    public void write(SourceState state) {
        String id = state.source().id();
        try {
            redis.opsForValue().set(keys.state(id), json.writeValueAsString(StoredState.of(state)));
            link.reached();
        } catch (DataAccessException unreachable) {
            link.failed("storing the snapshot of " + id, unreachable);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("Cannot write the state of " + id + " as JSON", impossible);
        }
    }

    @Override
    public void delete(String sourceId) {
        try {
            redis.delete(keys.state(sourceId));
            link.reached();
        } catch (DataAccessException unreachable) {
            link.failed("deleting the snapshot of " + sourceId, unreachable);
        }
    }

    /** Tells the other instances that this one changed a source: they read it from Redis. */
    void announce(SourceChanged change) {
        String id = change.source().id();
        boolean deleted = !change.current().hasData() && change.current().failure() == null;
        try {
            redis.convertAndSend(keys.changes(), instance.message(deleted ? "deleted" : "stored", id, change.took()));
            link.reached();
        } catch (DataAccessException unreachable) {
            link.failed("announcing the change of " + id, unreachable);
        }
    }

    @Override
    public String description() {
        return "Redis, keys " + keys.state("<id>") + " (ticker.store.type=redis)";
    }

    private Optional<SourceState> decode(TickerSource source, String value) {
        if (value == null) {
            return Optional.empty();
        }
        StoredState stored;
        try {
            stored = json.readValue(value, StoredState.class);
        } catch (JsonProcessingException unreadable) {
            log.warn(
                    "Redis key {} is not a snapshot: not used, and replaced at the next refresh",
                    keys.state(source.id()));
            return Optional.empty();
        }
        Optional<String> why = stored.unreadableBecause();
        if (why.isPresent()) {
            log.warn(
                    "Redis key {} is unreadable: {}; not used, and replaced at the next refresh",
                    keys.state(source.id()),
                    why.get());
            return Optional.empty();
        }
        return stored.stateFor(source);
    }
}
