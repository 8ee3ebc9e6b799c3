package dev.socialticker.ticker.support.oauth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An integrator's provider file for an upstream whose accounts sign in at {@link AuthorizationServer}:
 * {@code creatorhub}, {@code kind: oauth2}, the count at {@code GET <api>/api/users/{account}}.
 */
public final class CreatorHub {
    public static final String PROVIDER = "creatorhub";

    private CreatorHub() {}

    /** Writes {@code routes/creatorhub.camel.yaml} under {@code dir}; returns the routes folder. */
    public static Path providerFile(Path dir, AuthorizationServer server, String apiBaseUrl) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve(PROVIDER + ".camel.yaml"), """
                - templatedRoute:
                    routeTemplateRef: json-over-http
                    routeId: provider-creatorhub
                    parameters:
                      - { name: name, value: creatorhub }
                      - { name: baseUrl, value: "%s" }
                      - { name: path, value: "/api/users/{account}" }
                      - name: token
                        value: |
                          kind: oauth2
                          url: "%2$s/oauth2/token"
                          authorizeUrl: "%2$s/oauth2/authorize"
                          scopes: [user.info.basic, user.info.stats]
                          clientId: client-id
                          clientSecret: client-secret
                      - { name: accountPattern, value: "[a-z]+" }
                      - { name: accountHint, value: "a login" }
                      - { name: count, value: "$.followers" }
                """.formatted(apiBaseUrl, server.origin()));
        return routes;
    }
}
