package dev.socialticker.ticker.fleet;

import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import dev.socialticker.ticker.state.TokenFileLocations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The shared mode's state repository: every document a Redis value under
 * {@code ticker.store.key-prefix} ({@link RedisKeys}), so every instance reads and writes the same
 * states, histories, incidents and tokens, and the fleet's facts about its refreshes (with an
 * expiry). A change is announced on the fleet's channel ({@link #announce}). A token rotated before the fleet shared it (its {@code token-file}) is read
 * once, when Redis holds none yet. A lease is a key holding its holder's name with an expiry, taken
 * and renewed in one script, so two instances can never both hold it.
 */
@Component
@SharedMode
class RedisState implements StateRepository {
    /** Takes the lease when free, renews it when the caller holds it; 1 when the caller holds it after. */
    private static final RedisScript<Long> HOLD = RedisScript.of("""
            local holder = redis.call('GET', KEYS[1])
            if holder == false or holder == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              return 1
            end
            return 0""", Long.class);

    private static final RedisScript<Long> RELEASE = RedisScript.of("""
            if redis.call('GET', KEYS[1]) == ARGV[1] then
              return redis.call('DEL', KEYS[1])
            end
            return 0""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final RedisLink link;
    /** Where tokens were kept before: read when Redis has none. */
    private final StateRepository tokenFiles;

    @Autowired
    RedisState(StringRedisTemplate redis, RedisKeys keys, RedisLink link, TokenFileLocations tokenFiles) {
        this(redis, keys, link, tokenFiles.byProvider());
    }

    /** @param tokenFiles each provider's {@code token-file}, read when Redis holds no token yet */
    RedisState(StringRedisTemplate redis, RedisKeys keys, RedisLink link, Map<String, Path> tokenFiles) {
        this.redis = redis;
        this.keys = keys;
        this.link = link;
        this.tokenFiles = StateRepository.memory(tokenFiles);
    }

    @Override
    public Optional<byte[]> read(StateKey key) throws IOException {
        String value;
        try {
            value = redis.opsForValue().get(keys.document(key));
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("reading " + keys.document(key), unreachable);
        }
        if (value == null && key.kind() == StateKey.Kind.TOKEN) {
            return tokenFiles.read(key);
        }
        return Optional.ofNullable(value).map(text -> text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Map<StateKey, byte[]> readMany(List<StateKey> wanted) throws IOException {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<String> values;
        try {
            values = redis.opsForValue()
                    .multiGet(wanted.stream().map(keys::document).toList());
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("reading " + wanted.size() + " documents", unreachable);
        }
        Map<StateKey, byte[]> documents = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i++) {
            StateKey key = wanted.get(i);
            String value = values == null ? null : values.get(i);
            if (value != null) {
                documents.put(key, value.getBytes(StandardCharsets.UTF_8));
            } else if (key.kind() == StateKey.Kind.TOKEN) {
                tokenFiles.read(key).ifPresent(token -> documents.put(key, token));
            }
        }
        return documents;
    }

    @Override
    public void write(StateKey key, byte[] document, Duration expiry) throws IOException {
        try {
            redis.opsForValue().set(keys.document(key), new String(document, StandardCharsets.UTF_8), expiry);
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("writing " + keys.document(key), unreachable);
        }
    }

    @Override
    public void announce(String message) throws IOException {
        try {
            redis.convertAndSend(keys.changes(), message);
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("announcing a change to the fleet", unreachable);
        }
    }

    @Override
    public void write(StateKey key, byte[] document) throws IOException {
        try {
            redis.opsForValue().set(keys.document(key), new String(document, StandardCharsets.UTF_8));
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("writing " + keys.document(key), unreachable);
        }
    }

    @Override
    public void delete(StateKey key) throws IOException {
        try {
            redis.delete(keys.document(key));
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("deleting " + keys.document(key), unreachable);
        }
    }

    @Override
    public String setAside(StateKey key, String suffix) throws IOException {
        String aside = keys.document(key) + ":" + suffix;
        try {
            redis.rename(keys.document(key), aside);
            link.reached();
            return aside;
        } catch (DataAccessException unreachable) {
            throw unreachable("setting aside " + keys.document(key), unreachable);
        }
    }

    @Override
    public String description() {
        return "Redis, keys " + keys.prefix() + "… (ticker.store.type=redis)";
    }

    @Override
    public String where(StateKey key) {
        return "Redis key " + keys.document(key);
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public boolean holdLease(String name, String holder, Duration ttl) throws IOException {
        try {
            Long held = redis.execute(HOLD, List.of(keys.lease(name)), holder, String.valueOf(ttl.toMillis()));
            link.reached();
            return held != null && held == 1L;
        } catch (DataAccessException unreachable) {
            throw unreachable("renewing the lease " + keys.lease(name), unreachable);
        }
    }

    @Override
    public void releaseLease(String name, String holder) throws IOException {
        try {
            redis.execute(RELEASE, List.of(keys.lease(name)), holder);
            link.reached();
        } catch (DataAccessException unreachable) {
            throw unreachable("releasing the lease " + keys.lease(name), unreachable);
        }
    }

    private IOException unreachable(String doing, DataAccessException cause) {
        link.failed(doing, cause);
        return new IOException("Redis unreachable while " + doing, cause);
    }
}
