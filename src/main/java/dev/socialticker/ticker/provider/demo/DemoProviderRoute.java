package dev.socialticker.ticker.provider.demo;

import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.contract.RefreshStepConfiguration;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:provider-demo}: the simulator, behind the same contract as a provider file. */
@Component
class DemoProviderRoute extends RouteBuilder {
    static final String PROVIDER = "demo";
    private final DemoFollowerSimulator simulator;

    DemoProviderRoute(DemoFollowerSimulator simulator) {
        this.simulator = simulator;
    }

    // spotless:off (the route DSL is indented by its blocks: filter, choice, split ... end)
    @Override
    public void configure() {
        from(ProviderEndpoints.of(PROVIDER))
                .routeId(ProviderEndpoints.routeId(PROVIDER))
                .routeConfigurationId(RefreshStepConfiguration.ID)
                .process(simulator);
    }
    // spotless:on
}
