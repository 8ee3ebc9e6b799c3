package dev.socialticker.ticker.config;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the other formats of the count show besides it ({@code ticker.formats.*}): the badges' label
 * and the devices' icons.
 *
 * @param label        the left text of the SVG badge and of the shields.io endpoint badge; unset: what the
 *                     sources' providers count ("subscribers"), "followers" when they count different things
 * @param lametricIcon the icon of the LaMetric frames (format=lametric): an icon id from
 *                     developer.lametric.com/icons, i (static) or a (animated) and its number, e.g.
 *                     i3389; unset = no icon
 * @param awtrixIcon   the icon of the AWTRIX app (format=awtrix): the id or file name (without
 *                     extension) of an icon on the clock; unset = no icon
 */
@Validated
@ConfigurationProperties("ticker.formats")
public record FormatProperties(
        @Pattern(regexp = ".*\\S.*", message = "must not be blank")
        String label,

        String lametricIcon,
        String awtrixIcon) {}
