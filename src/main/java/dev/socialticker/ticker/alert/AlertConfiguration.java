package dev.socialticker.ticker.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.socialticker.ticker.config.TickerConfigurationException;
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
        checkEmail(alerts.email());
        return new Incidents(
                alerts.repeatAfter(), alerts.resolveAfter(), new IncidentState(state, json, speaker::speaks));
    }

    @Bean
    AlertConditions alertConditions(AlertProperties alerts, RefreshSchedule schedule) {
        return new AlertConditions(alerts.rules(), schedule.staleness());
    }

    @Bean
    AlertMessages alertMessages(AlertProperties alerts, ObjectMapper json) {
        return new AlertMessages(json, alerts.publicUrl());
    }

    /** {@code /actuator/health} component {@code alertChannels} (the bean's name less "HealthIndicator"). */
    @Bean
    AlertChannelsHealthIndicator alertChannels(AlertProperties alerts) {
        return new AlertChannelsHealthIndicator(alerts);
    }

    private static void checkEmail(AlertProperties.Email email) {
        if (!email.enabled()) {
            return;
        }
        if (email.from() == null || email.from().isBlank()) {
            throw new TickerConfigurationException(
                    "ticker.alerts.email.from: required when ticker.alerts.email.host is set (the sender address)");
        }
        if (email.to().isEmpty()) {
            throw new TickerConfigurationException(
                    "ticker.alerts.email.to: required when ticker.alerts.email.host is set (one or more addresses)");
        }
        if (email.username() != null && email.password() == null) {
            throw new TickerConfigurationException(
                    "ticker.alerts.email.password: required when ticker.alerts.email.username is set");
        }
    }
}
