package dev.socialticker.ticker.api;

import dev.socialticker.ticker.config.SourceCatalog;
import dev.socialticker.ticker.domain.TickerSource;
import dev.socialticker.ticker.provider.contract.ProviderDisplays;
import dev.socialticker.ticker.refresh.RefreshEndpoints;
import dev.socialticker.ticker.token.Connection;
import dev.socialticker.ticker.token.PendingSignIns;
import dev.socialticker.ticker.token.SignIn;
import dev.socialticker.ticker.token.SignInPage;
import dev.socialticker.ticker.token.TokenKeeper;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The admin sign-in, the authorize command's flow behind the service's public URL: an admin starts
 * it ({@code GET /api/admin/authorize/{provider}}, with the admin token) and is sent to the
 * provider's sign-in; the provider sends the browser back to
 * {@code /api/authorize/{provider}/callback}, outside {@code /api/admin} as it carries no admin token
 * (a provider cannot send one) and is taken only with the {@code state} of a sign-in an admin
 * started, once, within {@link PendingSignIns#PENDING_FOR}; in the shared mode on any instance of the
 * fleet (the pending sign-ins are kept in Redis). Once
 * connected, the provider's sources are refreshed (through the same gate as any refresh), so the
 * count shows without waiting for the next period.
 */
@Component
class AdminSignIns {
    private final TokenKeeper keeper;
    private final PendingSignIns pending;
    private final SourceCatalog catalog;
    private final ProviderDisplays displays;
    /** {@code ticker.alerts.public-url}: where the service is reached from outside; empty: the request's own origin. */
    private final String publicUrl;

    AdminSignIns(
            TokenKeeper keeper,
            PendingSignIns pending,
            SourceCatalog catalog,
            ProviderDisplays displays,
            @Value("${ticker.alerts.public-url:}") String publicUrl) {
        this.displays = displays;
        this.keeper = keeper;
        this.pending = pending;
        this.catalog = catalog;
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
        Instant until;
        try {
            until = pending.keep(signIn);
        } catch (IOException unreachable) {
            throw new ApiRejection(
                    503, "STORE_UNAVAILABLE", "The shared state (Redis) is unreachable: the sign-in cannot be kept");
        }
        in.removeHeaders("*");
        in.setHeader("Cache-Control", "no-store");
        if (accept.contains("application/json")) {
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            in.setBody(new SignInDocument(provider, signIn.address().toString(), signIn.redirectUri(), until));
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
        Optional<SignIn> started;
        try {
            started = pending.take(in.getHeader("state", String.class));
        } catch (IOException unreachable) {
            started = Optional.empty(); // Redis says why (once); the person is told to start again
        }
        Connection connection = started.filter(signIn -> signIn.provider().equals(provider))
                .map(signIn -> keeper.complete(signIn, "?" + (query == null ? "" : query), exchange.getContext()))
                .orElseGet(() -> new Connection(
                        "this answer belongs to no sign-in started in the last "
                                + PendingSignIns.PENDING_FOR.toMinutes() + " minutes: start again at"
                                + " /api/admin/authorize/" + provider,
                        null,
                        null,
                        null,
                        null));
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
        in.setBody(SignInPage.html(SignInPage.sentence(displays.of(provider).name(), connection)));
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
