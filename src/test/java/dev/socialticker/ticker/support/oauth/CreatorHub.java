package dev.socialticker.ticker.support.oauth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An integrator's provider file for an upstream whose accounts sign in at {@link AuthorizationServer}:
 * {@code creatorhub}, {@code kind: oauth2}, the count at {@code GET <api>/api/users/{account}}.
 */
public final class CreatorHub {
    public static final String PROVIDER = "creatorhub";

    private CreatorHub() {}

    /**
     * The service's arguments for a creatorhub source whose file is in {@code routes}, with the client
     * the server knows.
     */
    public static List<String> arguments(Path routes) {
        return List.of(
                "--ticker.routes.dir=" + routes,
                "--ticker.sources[0].provider=" + PROVIDER,
                "--ticker.sources[0].account=creator",
                "--ticker.providers.creatorhub.client-id=" + AuthorizationServer.CLIENT_ID,
                "--ticker.providers.creatorhub.client-secret=" + AuthorizationServer.CLIENT_SECRET);
    }

    /**
     * The command line of {@code --authorize <provider>} without a browser, for a creatorhub source whose
     * file is under {@code dir}, keeping the tokens in {@code dir/state} (the tests' default store is
     * memory: here the service's default, the folder, as a person has it).
     */
    public static String[] authorize(String provider, Path dir) {
        List<String> arguments = new ArrayList<>(List.of("--authorize", provider, "--no-browser"));
        arguments.addAll(arguments(dir.resolve("routes")));
        arguments.addAll(List.of("--ticker.store.type=file", "--ticker.store.dir=" + dir.resolve("state")));
        return arguments.toArray(String[]::new);
    }

    /** Writes {@code routes/creatorhub.camel.yaml} under {@code dir}; returns the routes folder. */
    public static Path providerFile(Path dir, AuthorizationServer server, String apiBaseUrl) throws IOException {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve(PROVIDER + ".camel.yaml"), """
                - templatedRoute:
                    routeTemplateRef: json-over-http
                    routeId: provider-creatorhub
                    parameters:
                      - { name: name, value: creatorhub }
                      - name: display
                        value: |
                          name: CreatorHub
                          counts: { one: fan, other: fans }
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
