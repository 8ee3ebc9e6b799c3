package dev.socialticker.ticker.provider.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code display} parameter of a provider file: read, defaulted key by key, and refused naming the key. */
class ProviderDisplayTest {

    @Test
    void aFileSaysItsNameIconAndWhatItCounts() {
        ProviderDisplay youtube = ProviderDisplay.parse(
                "youtube", "name: YouTube\nicon: mdi:youtube\ncounts: { one: subscriber, other: subscribers }");

        assertThat(youtube)
                .isEqualTo(new ProviderDisplay(
                        "YouTube", "mdi:youtube", new ProviderDisplay.Counts("subscriber", "subscribers")));
        assertThat(youtube.counts().of(1)).isEqualTo("subscriber");
        assertThat(youtube.counts().of(0)).isEqualTo("subscribers");
        assertThat(youtube.counts().of(12_345)).isEqualTo("subscribers");
    }

    @Test
    void eachKeyLeftOutKeepsItsDefault() {
        assertThat(ProviderDisplay.parse("pixelfed", null))
                .isEqualTo(new ProviderDisplay("Pixelfed", "mdi:account-group", ProviderDisplay.FOLLOWERS));
        assertThat(ProviderDisplay.parse("pixelfed", "icon: mdi:camera"))
                .isEqualTo(new ProviderDisplay("Pixelfed", "mdi:camera", ProviderDisplay.FOLLOWERS));
        assertThat(ProviderDisplay.parse("forum", "counts: { one: member, other: members }")
                        .name())
                .isEqualTo("Forum");
        assertThat(ProviderDisplay.defaults("demo").name()).isEqualTo("Demo");
    }

    @Test
    void aMistakeIsRefusedNamingEveryWrongKey() {
        assertThatThrownBy(() -> ProviderDisplay.parse(
                        "x", "name: <b>X</b>\nicon: youtube\ncounts: { one: member }\ncolour: red"))
                .hasMessageContaining("display.colour is not a key of display (known: counts, icon, name)")
                .hasMessageContaining("display.name must be 1 to 40 characters without < or >")
                .hasMessageContaining("display.icon must be a Material Design Icons name such as mdi:youtube")
                .hasMessageContaining("display.counts needs 'one' and 'other'");
        assertThatThrownBy(() -> ProviderDisplay.parse("x", "counts: [member, members]"))
                .hasMessageContaining("display.counts must be a map of 'one' and 'other'");
        assertThatThrownBy(() -> ProviderDisplay.parse("x", "counts: { one: \"<script>\", other: members }"))
                .hasMessageContaining("each a noun of letters");
        assertThatThrownBy(() -> ProviderDisplay.parse("x", "just a name"))
                .hasMessageContaining("parameter 'display' must be a YAML map");
        assertThatThrownBy(() -> ProviderDisplay.parse("x", "name: [unclosed"))
                .hasMessageContaining("parameter 'display' is not YAML");
    }
}
