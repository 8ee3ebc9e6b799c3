package dev.socialticker.ticker.provider.contract;

/**
 * Where a provider's route starts: {@code direct:provider-<name>}, its route id
 * {@code provider-<name>} (routes/README.md). The refresh route calls it; a provider file must start
 * from it.
 */
public final class ProviderEndpoints {
    /** Route ids of providers start with this. */
    public static final String ROUTE_ID_PREFIX = "provider-";
    /**
     * Where a provider of the first contract handed its count over. No route starts there any more
     * (the refresh route stores); named so that a file still ending there is told how to upgrade.
     */
    public static final String CONTRACT_1_STORE = "direct:store-metrics";

    private ProviderEndpoints() {}

    /** The endpoint of provider {@code name} (a name, or an expression or placeholder that gives one). */
    public static String of(String name) {
        return "direct:" + routeId(name);
    }

    public static String routeId(String name) {
        return ROUTE_ID_PREFIX + name;
    }
}
