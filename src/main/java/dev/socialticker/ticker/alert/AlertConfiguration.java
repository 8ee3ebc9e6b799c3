package dev.socialticker.ticker.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.refresh.RefreshSchedule;
import dev.socialticker.ticker.state.StateRepository;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The alert routes' parts, from {@code ticker.alerts.*}. */
@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    AlertSpeaker alertSpeaker(StateRepository state) {
        return new AlertSpeaker(state, Duration.ofMillis(AlertRoutes.CHECK_MILLIS));
    }

    /** Incidents outlive a restart where the counts do: beside the snapshots, or in the fleet's Redis. */
    @Bean
    Incidents incidents(AlertProperties alerts, ObjectMapper json, StateRepository state, AlertSpeaker speaker) {
        return new Incidents(
                alerts.repeatAfter(), alerts.resolveAfter(), new IncidentState(state, json, speaker::speaks));
    }

    @Bean
    AlertConditions alertConditions(AlertProperties alerts, RefreshSchedule schedule) {
        return new AlertConditions(alerts.rules(), schedule.staleness());
    }

    @Bean
    AlertMessages alertMessages(AlertProperties alerts, ProviderDisplays displays) {
        return new AlertMessages(alerts.publicUrl(), displays);
    }
}
