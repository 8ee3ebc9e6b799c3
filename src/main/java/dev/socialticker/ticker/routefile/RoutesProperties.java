package dev.socialticker.ticker.routefile;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where provider route files come from, besides the ones packaged in the jar, and output files
 * ({@code ticker.routes.*}).
 *
 * @param dir    folder of provider files (<name>.camel.yaml), relative to the working
 *               directory; a file there replaces the built-in one of the same name. Output files
 *               are in its sub-folder outputs/ (none is built in)
 * @param reload watch the folder (and outputs/) and apply changed, added or deleted provider and
 *               output files without a restart, each once it has been still for 500 ms. Files only:
 *               settings are read at start-up, so a changed one still needs a restart
 */
@Validated
@ConfigurationProperties("ticker.routes")
public record RoutesProperties(
        @NotBlank(message = "must not be blank") @DefaultValue("routes")
        String dir,

        @DefaultValue("false") boolean reload) {}
