package dev.socialticker.ticker.provider.file;

import dev.socialticker.ticker.provider.contract.CountPrecision;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * The provider files this instance runs, and those it refused with the reason. Start-up checks,
 * {@code /actuator/health} and reloads all read it.
 */
@Component
public class ProviderCatalog implements CountPrecision {
    /** A provider route that is running; {@code spec} is null when it is not built on the template. */
    public record Loaded(String name, String location, JsonOverHttpSpec spec) {}

    /** A file that was not loaded (or, on reload, not applied), with a reason fit for an operator. */
    public record Broken(String key, String location, String reason) {}

    private final Map<String, Loaded> loaded = new TreeMap<>();
    private final Map<String, Broken> broken = new TreeMap<>();

    synchronized void loaded(Loaded provider) {
        loaded.put(provider.name(), provider);
        broken.remove(provider.name());
    }

    /** Records a refused file under its provider name (or file name, when it has no usable one). */
    synchronized void broken(Broken file) {
        broken.put(file.key(), file);
    }

    synchronized void removed(String name) {
        loaded.remove(name);
        broken.remove(name);
    }

    synchronized void forgetBroken(String key) {
        broken.remove(key);
    }

    public synchronized Optional<Loaded> find(String name) {
        return Optional.ofNullable(loaded.get(name));
    }

    public synchronized Optional<Broken> findBroken(String key) {
        return Optional.ofNullable(broken.get(key));
    }

    public synchronized Map<String, Loaded> loaded() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(loaded));
    }

    /** As the provider's file declares (parameter {@code roundedCounts}); false for a provider without one. */
    @Override
    public synchronized boolean rounded(String provider) {
        Loaded file = loaded.get(provider);
        return file != null && file.spec() != null && file.spec().roundedCounts();
    }

    public synchronized Map<String, Broken> broken() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(broken));
    }
}
