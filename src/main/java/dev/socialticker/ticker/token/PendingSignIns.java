package dev.socialticker.ticker.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The sign-ins an admin started through the service, each until the provider answers it or
 * {@link #PENDING_FOR} has passed, taken once by its {@code state}. In the shared mode they are kept
 * in Redis with that expiry, so the provider's answer may reach any instance behind the load
 * balancer; alone, in this instance's memory.
 */
@Component
public class PendingSignIns {
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private record Pending(SignIn signIn, Instant until) {}

    private final StateRepository state;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, Pending> here = new ConcurrentHashMap<>();

    PendingSignIns(StateRepository state, ObjectMapper json, Clock clock) {
        this.state = state;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Keeps the sign-in until it is answered.
     *
     * @return until when
     * @throws IOException when the shared state cannot keep it now (Redis unreachable)
     */
    public Instant keep(SignIn signIn) throws IOException {
        Instant until = clock.instant().plus(PENDING_FOR);
        if (state.shared()) {
            state.write(StateKey.signIn(signIn.state()), json.writeValueAsBytes(signIn), PENDING_FOR);
        } else {
            here.values().removeIf(old -> old.until().isBefore(clock.instant()));
            here.put(signIn.state(), new Pending(signIn, until));
        }
        return until;
    }

    /** The sign-in of this {@code state}, once; empty when none was started, it was answered, or it expired. */
    public Optional<SignIn> take(String stateParameter) throws IOException {
        if (stateParameter == null || stateParameter.isBlank()) {
            return Optional.empty();
        }
        if (!state.shared()) {
            Pending pending = here.remove(stateParameter);
            return pending == null || pending.until().isBefore(clock.instant())
                    ? Optional.empty()
                    : Optional.of(pending.signIn());
        }
        StateKey key = StateKey.signIn(stateParameter);
        Optional<byte[]> document = state.read(key);
        if (document.isEmpty()) {
            return Optional.empty();
        }
        state.delete(key);
        return Optional.of(json.readValue(document.get(), SignIn.class));
    }
}
