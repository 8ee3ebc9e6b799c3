package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.ProviderNames;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.token.Connection;
import dev.socialticker.ticker.token.SignIn;
import dev.socialticker.ticker.token.SignInPage;
import dev.socialticker.ticker.token.TokenKeeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The admin sign-in, the authorize command's flow behind the service's public URL: an admin starts
 * it ({@code GET /api/admin/authorize/{provider}}, with the admin token) and is sent to the
 * provider's sign-in; the provider sends the browser back to
 * {@code /api/authorize/{provider}/callback}, outside {@code /api/admin} as it carries no admin token
 * (a provider cannot send one) and is taken only with the {@code state} of a sign-in an admin started here, once, within
 * {@link #PENDING_FOR}. Pending sign-ins are this instance's: behind a load balancer with several
 * instances, the callback must reach the one that started it (or use the authorize command). Once
 * connected, the provider's sources are refreshed (through the same gate as any refresh), so the
 * count shows without waiting for the next period.
 */
@Component
class AdminSignIns {
    static final Duration PENDING_FOR = Duration.ofMinutes(10);

    private record Pending(SignIn signIn, Instant startedAt) {}

    private final TokenKeeper keeper;
    private final SourceCatalog catalog;
    private final Clock clock;
    /** {@code ticker.alerts.public-url}: where the service is reached from outside; empty: the request's own origin. */
    private final String publicUrl;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    AdminSignIns(
            TokenKeeper keeper,
            SourceCatalog catalog,
            Clock clock,
            @Value("${ticker.alerts.public-url:}") String publicUrl) {
        this.keeper = keeper;
        this.catalog = catalog;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /**
     * Sends the admin to the provider's sign-in: 302 with its address, or 200 with a
     * {@link SignInDocument} when the request accepts JSON (a script).
     */
    void start(Exchange exchange) {
        Message in = exchange.getIn();
        String accept = in.getHeader("Accept", "", String.class);
        String provider = in.getHeader("provider", String.class);
        String origin = publicUrl.isEmpty() ? origin(in.getHeader(Exchange.HTTP_URL, String.class)) : publicUrl;
        SignIn signIn;
        try {
            signIn = keeper.signIn(provider, origin + "/api/authorize/" + provider + "/callback");
        } catch (IllegalArgumentException none) {
            throw new ApiRejection(404, "SIGN_IN_NOT_AVAILABLE", none.getMessage());
        }
        Instant now = clock.instant();
        pending.values().removeIf(old -> old.startedAt().plus(PENDING_FOR).isBefore(now));
        pending.put(signIn.state(), new Pending(signIn, now));
        in.removeHeaders("*");
        in.setHeader("Cache-Control", "no-store");
        if (accept.contains("application/json")) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            in.setBody(new SignInDocument(
                    provider, signIn.address().toString(), signIn.redirectUri(), now.plus(PENDING_FOR)));
            return;
        }
        in.setBody(null);
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 302);
        in.setHeader("Location", signIn.address().toString());
    }

    /** The provider's answer: the code exchanged and the tokens kept; a page for the person either way. */
    void finish(Exchange exchange) {
        Message in = exchange.getIn();
        String provider = in.getHeader("provider", String.class);
        String query = in.getHeader(Exchange.HTTP_QUERY, String.class);
        Pending started = pending.remove(String.valueOf(in.getHeader("state", String.class)));
        Connection connection;
        if (started == null
                || !started.signIn().provider().equals(provider)
                || started.startedAt().plus(PENDING_FOR).isBefore(clock.instant())) {
            connection = new Connection(
                    "this answer belongs to no sign-in started here in the last " + PENDING_FOR.toMinutes()
                            + " minutes: start again at /api/admin/authorize/" + provider,
                    null,
                    null,
                    null,
                    null);
        } else {
            connection = keeper.complete(started.signIn(), "?" + (query == null ? "" : query), exchange.getContext());
        }
        if (connection.connected()) {
            List<TickerSource> sources = catalog.all().stream()
                    .filter(source -> source.provider().equals(provider))
                    .toList();
            exchange.getContext()
                    .createFluentProducerTemplate()
                    .to(RefreshEndpoints.REFRESH_SOURCES)
                    .withBody(sources)
                    .asyncSend();
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, connection.connected() ? 200 : 400);
        in.setHeader(Exchange.CONTENT_TYPE, "text/html; charset=utf-8");
        in.setHeader("Cache-Control", "no-store");
        in.setHeader("Referrer-Policy", "no-referrer");
        in.setBody(SignInPage.html(SignInPage.sentence(ProviderNames.of(provider), connection)));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
