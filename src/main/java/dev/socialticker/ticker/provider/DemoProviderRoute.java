package dev.socialticker.ticker.provider;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** {@code direct:provider-demo}: the simulator, behind the same contract as a provider file. */
@Component
class DemoProviderRoute extends RouteBuilder {
    private final DemoFollowerSimulator simulator;

    DemoProviderRoute(DemoFollowerSimulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public void configure() {
        from("direct:provider-demo")
                .routeId("provider-demo")
                .routeConfigurationId(ProviderRouteConfiguration.ID)
                .process(simulator);
    }
}
