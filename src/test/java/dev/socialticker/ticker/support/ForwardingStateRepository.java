package dev.socialticker.ticker.support;

import dev.socialticker.ticker.state.StateKey;
import dev.socialticker.ticker.state.StateRepository;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A state repository that hands every call to another: a test overrides what it watches or breaks. */
public class ForwardingStateRepository implements StateRepository {
    private final StateRepository delegate;

    public ForwardingStateRepository(StateRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<byte[]> read(StateKey key) throws IOException {
        return delegate.read(key);
    }

    @Override
    public Map<StateKey, byte[]> readMany(List<StateKey> keys) throws IOException {
        return delegate.readMany(keys);
    }

    @Override
    public void write(StateKey key, byte[] document) throws IOException {
        delegate.write(key, document);
    }

    @Override
    public void write(StateKey key, byte[] document, Duration expiry) throws IOException {
        delegate.write(key, document, expiry);
    }

    @Override
    public void delete(StateKey key) throws IOException {
        delegate.delete(key);
    }

    @Override
    public String setAside(StateKey key, String suffix) throws IOException {
        return delegate.setAside(key, suffix);
    }

    @Override
    public String where(StateKey key) {
        return delegate.where(key);
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public boolean shared() {
        return delegate.shared();
    }

    @Override
    public void announce(String message) throws IOException {
        delegate.announce(message);
    }

    @Override
    public boolean holdLease(String name, String holder, Duration ttl) throws IOException {
        return delegate.holdLease(name, holder, ttl);
    }

    @Override
    public void releaseLease(String name, String holder) throws IOException {
        delegate.releaseLease(name, holder);
    }
}
