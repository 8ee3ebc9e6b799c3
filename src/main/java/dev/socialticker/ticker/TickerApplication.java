package dev.socialticker.ticker;

import dev.socialticker.ticker.authorize.AuthorizeCommand;
import dev.socialticker.ticker.trial.ProviderTrialCommand;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TickerApplication {
    public static void main(String[] args) {
        if (ProviderTrialCommand.requested(args)) {
            // --try <file> --account <account>: one call of one provider file, then exit (routes/README.md).
            System.exit(ProviderTrialCommand.run(args, System.out));
        }
        if (AuthorizeCommand.requested(args)) {
            // --authorize <provider>: a person signs in once; the tokens are kept for the service (docs/connect.md).
            System.exit(AuthorizeCommand.run(args, System.in, System.out));
        }
        SpringApplication.run(TickerApplication.class, args);
    }

    /** The one source of "now", so tests can move time instead of waiting for it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
