package dev.socialticker.ticker.trial;

import static dev.socialticker.ticker.provider.contract.TickerHeaders.ACCOUNT;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.NOT_MODIFIED;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.PROFILE;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.PROVIDER;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.RAW_TOTAL;
import static dev.socialticker.ticker.provider.contract.TickerHeaders.SOURCE_ID;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.QuotaUsage;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.logging.SecretMasking;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import dev.socialticker.ticker.provider.contract.ProviderEndpoints;
import dev.socialticker.ticker.provider.file.ProviderCatalog;
import dev.socialticker.ticker.provider.http.JsonOverHttpSpec;
import dev.socialticker.ticker.provider.http.QuotaHeaders;
import dev.socialticker.ticker.refresh.Classification;
import dev.socialticker.ticker.refresh.FailureClassifier;
import dev.socialticker.ticker.routefile.RouteFile;
import dev.socialticker.ticker.store.FollowerCountValidator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.ExchangeBuilder;

/**
 * One refresh of one account through the provider route of the file being tried, judged as the
 * refresh route judges it (the same classifier, the same count validation), and printed: the
 * request, the status, the quota, then the count and profile or the failure's code and message.
 * Nothing is stored, retried or alerted.
 */
class ProviderTrial {
    private final CamelContext camel;
    private final TrialFileLoading loading;
    private final ProviderCatalog providers;
    private final SourceCatalog sources;
    private final FailureClassifier classifier;
    private final UpstreamCallRecorder calls;
    private final Clock clock;

    ProviderTrial(
            CamelContext camel,
            TrialFileLoading loading,
            ProviderCatalog providers,
            SourceCatalog sources,
            FailureClassifier classifier,
            UpstreamCallRecorder calls,
            Clock clock) {
        this.camel = camel;
        this.loading = loading;
        this.providers = providers;
        this.sources = sources;
        this.classifier = classifier;
        this.calls = calls;
        this.clock = clock;
    }

    /** The provider a file name stands for, or null when it is not {@code <name>.camel.yaml}. */
    static String providerName(Path file) {
        return RouteFile.nameOf(file.getFileName().toString());
    }

    int run(PrintStream out) {
        RouteFile file = loading.file();
        TickerSource source = sources.all().get(0);
        Optional<ProviderCatalog.Loaded> loaded = providers.find(file.name());
        if (loaded.isEmpty()) {
            String reason = providers
                    .findBroken(file.name())
                    .map(broken -> broken.reason())
                    .orElse("it was not loaded");
            return usage(out, file.location() + " is refused: " + reason);
        }
        out.println("Trying provider '" + file.name() + "' from " + file.location() + ", account '" + source.account()
                + "'");

        Exchange exchange = ExchangeBuilder.anExchange(camel)
                .withHeader(SOURCE_ID, source.id())
                .withHeader(PROVIDER, source.provider())
                .withHeader(ACCOUNT, source.account())
                .build();
        ProducerTemplate template = camel.createProducerTemplate();
        try {
            exchange = template.send(ProviderEndpoints.of(file.name()), exchange);
        } finally {
            template.stop();
        }
        if (calls.calls().isEmpty()) {
            out.println("> (no request was sent: see the failure below)");
        }
        printCalls(out);

        return judge(out, exchange, source.account(), loaded.get().spec());
    }

    /** The result as the refresh route would take it: a count and profile, or a classified failure. */
    private int judge(PrintStream out, Exchange exchange, String account, JsonOverHttpSpec spec) {
        Message answer = exchange.getMessage();
        if (exchange.getException() != null) {
            printFailure(out, classifier.classify(exchange.getException()));
            return ProviderTrialCommand.FAILED;
        }
        if (Boolean.TRUE.equals(answer.getHeader(NOT_MODIFIED, Boolean.class))) {
            out.println("not modified: the upstream answered 304 (the stored count still holds)");
            return ProviderTrialCommand.COUNT;
        }
        Object raw = answer.getHeader(RAW_TOTAL);
        long count;
        try {
            count = FollowerCountValidator.coerce(raw);
        } catch (PayloadRejectedException rejected) {
            printFailure(out, classifier.classify(rejected));
            if (spec != null) {
                // What a drift check needs to name: the field that is no longer where the file looks.
                out.println("field: count " + spec.count()
                        + (raw == null ? " found nothing in the answer" : " found " + shortened(raw)));
            }
            return ProviderTrialCommand.FAILED;
        }
        Object profile = answer.getHeader(PROFILE);
        out.println("count: " + count);
        out.println("profile: " + FollowerCountValidator.profileOr(profile, account));
        if (profile == null && spec != null && !spec.profile().isEmpty()) {
            out.println("note: profile " + spec.profile() + " found nothing in the answer; the account is shown");
        }
        return ProviderTrialCommand.COUNT;
    }

    private void printCalls(PrintStream out) {
        for (UpstreamCallRecorder.Call call : calls.calls()) {
            out.println("> " + call.method() + " " + masked(call.uri()));
            call.headers().forEach(header -> out.println("> " + masked(header[0] + ": " + header[1])));
            if (call.status() == null) {
                out.println("< no answer");
                continue;
            }
            out.println("< HTTP " + call.status());
            // The headers the service reads quota facts and waits from (QuotaHeaders, Retry-After).
            call.answerHeaders().stream()
                    .filter(header -> QuotaHeaders.isRead(header[0]))
                    .forEach(header -> out.println("< " + masked(header[0] + ": " + header[1])));
            QuotaUsage quota = QuotaHeaders.read(call::answerHeader, clock.instant());
            out.println("quota: " + describe(quota));
        }
    }

    private static String describe(QuotaUsage quota) {
        if (quota == null) {
            return "none reported";
        }
        StringBuilder text = new StringBuilder();
        text.append(quota.usedPercent() == null ? "unknown share" : quota.usedPercent() + "%")
                .append(" used");
        if (!quota.usedPercentByKind().isEmpty()) {
            text.append(" ").append(quota.usedPercentByKind());
        }
        if (quota.regainAccessMinutes() != null) {
            text.append(", access regained in ")
                    .append(quota.regainAccessMinutes())
                    .append(" min");
        }
        return text.toString();
    }

    private static void printFailure(PrintStream out, Classification failure) {
        out.println(failure.code() + ": " + masked(failure.message()));
        if (failure.retryAfter() != null) {
            out.println("wait: " + failure.retryAfter().toSeconds()
                    + " s (the service makes no call to this provider before then)");
        }
    }

    private static String shortened(Object value) {
        String text = value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
        return masked(text.length() > 80 ? text.substring(0, 77) + "..." : text);
    }

    private static String masked(String text) {
        return SecretMasking.mask(text);
    }

    private static int usage(PrintStream out, String message) {
        out.println("error: " + masked(message));
        return ProviderTrialCommand.USAGE;
    }
}
