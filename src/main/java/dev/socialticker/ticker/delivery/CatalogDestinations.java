package dev.socialticker.ticker.delivery;

import dev.socialticker.ticker.routefile.RouteFileCatalog;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** The destinations of a kind read from their route files' catalog: the outputs', the alert channels'. */
public class CatalogDestinations<T> implements Destinations {
    private final DeliveryMeters.Kind kind;
    private final RouteFileCatalog<T> catalog;
    private final Function<T, String> template;
    private final ToIntFunction<String> pending;
    private final BooleanSupplier deliveredHere;

    /**
     * @param template the template a loaded file runs
     * @param pending  the deliveries waiting for a destination, by its name
     * @param deliveredHere whether this instance delivers to them now
     */
    public CatalogDestinations(
            DeliveryMeters.Kind kind,
            RouteFileCatalog<T> catalog,
            Function<T, String> template,
            ToIntFunction<String> pending,
            BooleanSupplier deliveredHere) {
        this.kind = kind;
        this.catalog = catalog;
        this.template = template;
        this.pending = pending;
        this.deliveredHere = deliveredHere;
    }

    @Override
    public boolean deliveredHere() {
        return deliveredHere.getAsBoolean();
    }

    @Override
    public DeliveryMeters.Kind kind() {
        return kind;
    }

    @Override
    public List<Running> running() {
        return catalog.loaded().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(entry -> new Running(
                        entry.getKey(), template.apply(entry.getValue()), pending.applyAsInt(entry.getKey())))
                .toList();
    }

    @Override
    public List<Refused> refused() {
        return catalog.broken().values().stream()
                .map(file -> new Refused(file.key(), file.reason()))
                .sorted(Comparator.comparing(Refused::file))
                .toList();
    }
}
