package dev.socialticker.ticker.command;

import java.util.regex.Pattern;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

/**
 * Leaves out of a one-shot command's component scan what acts on its own or serves readers: the
 * service's application class, the API, alerts, history, outputs, the store, the formats, and the
 * refresh machinery but its failure classifier and call control. Each command's
 * application excludes what else it does not need beside this filter.
 */
public final class CommandScope implements TypeFilter {
    private static final Pattern LEFT_OUT = Pattern.compile(String.join(
            "|",
            "dev\\.socialticker\\.ticker\\.TickerApplication",
            "dev\\.socialticker\\.ticker\\.(api|alert|history|output|store|format)\\..*",
            "dev\\.socialticker\\.ticker\\.refresh\\.(?!FailureClassifier|UpstreamCallControl).*"));

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        return LEFT_OUT.matcher(reader.getClassMetadata().getClassName()).matches();
    }
}
