package dev.socialticker.ticker.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fleet's change messages carry the refresh's duration, for the latency rule on the instance
 * that speaks for the alerts; a message of an earlier version, without it, is still applied.
 */
class FleetChangeMessageTest {
    final FleetInstance here = new FleetInstance();
    final FleetInstance other = new FleetInstance();

    @Test
    void aStoredChangeCarriesTheRefreshDuration() {
        String message = other.message("stored", "github-acme", Duration.ofMillis(1234));
        assertThat(message).endsWith(" stored github-acme 1234");
        assertThat(here.changeOf(message))
                .hasValue(new FleetInstance.Change(false, "github-acme", Duration.ofMillis(1234)));
    }

    @Test
    void aMessageWithoutADurationIsStillAChange() {
        assertThat(here.changeOf(other.message("stored", "github-acme")))
                .hasValue(new FleetInstance.Change(false, "github-acme", null));
        assertThat(here.changeOf("older-instance deleted github-acme"))
                .hasValue(new FleetInstance.Change(true, "github-acme", null));
        assertThat(here.changeOf("older-instance stored github-acme soon"))
                .as("an unreadable duration is left out")
                .hasValue(new FleetInstance.Change(false, "github-acme", null));
    }

    @Test
    void ownAndMalformedMessagesAreIgnored() {
        assertThat(here.changeOf(here.message("stored", "github-acme", Duration.ofMillis(5))))
                .isEmpty();
        assertThat(here.changeOf("x renamed github-acme")).isEmpty();
        assertThat(here.changeOf("x stored github-acme 5 more")).isEmpty();
    }
}
