package dev.socialticker.ticker.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

/**
 * Alertmanager's webhook payload as its source declares it, field for field: {@code notify/webhook/webhook.go}
 * ({@code Message}: the embedded {@code *template.Data}, {@code version}, {@code groupKey},
 * {@code truncatedAlerts}) and {@code template/template.go} ({@code Data}, {@code Alert}). Read strictly
 * (unknown fields refused), a body that reads into it has Alertmanager's names and types.
 * {@code routeLabels} and {@code notification_reason}, newer than version 4's documentation, are
 * declared so a body may carry them; the service sends neither.
 */
final class AlertmanagerPayload {
    private AlertmanagerPayload() {}

    record Message(
            String receiver,
            String status,
            List<Alert> alerts,
            Map<String, String> groupLabels,
            Map<String, String> commonLabels,
            Map<String, String> commonAnnotations,
            String externalURL,
            Map<String, String> routeLabels,
            String notification_reason,
            String version,
            String groupKey,
            Long truncatedAlerts) {

        /** Every field of version 4's documented payload is there. */
        void assertComplete() {
            assertThat(List.of(
                            receiver,
                            status,
                            alerts,
                            groupLabels,
                            commonLabels,
                            commonAnnotations,
                            externalURL,
                            version,
                            groupKey,
                            truncatedAlerts))
                    .doesNotContainNull();
            alerts.forEach(alert -> assertThat(List.of(
                            alert.status(),
                            alert.labels(),
                            alert.annotations(),
                            alert.startsAt(),
                            alert.endsAt(),
                            alert.generatorURL(),
                            alert.fingerprint()))
                    .doesNotContainNull());
        }
    }

    record Alert(
            String status,
            Map<String, String> labels,
            Map<String, String> annotations,
            String startsAt,
            String endsAt,
            String generatorURL,
            String fingerprint) {}
}
