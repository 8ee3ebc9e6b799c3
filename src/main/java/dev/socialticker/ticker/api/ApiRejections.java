package dev.socialticker.ticker.api;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * The error handling of the API's routes, declared once: a request the API refuses (bad id, unknown
 * source, wrong token, unknown format) answers with its status and a JSON problem; anything else
 * stays a 500 without a stack trace (the REST configuration's muteException).
 */
@Component
class ApiRejections extends RouteConfigurationBuilder {
    static final String ID = "api-rejections";

    private final ApiProblems problems;

    ApiRejections(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID).onException(ApiRejection.class).handled(true).process(problems::reject);
    }
}
