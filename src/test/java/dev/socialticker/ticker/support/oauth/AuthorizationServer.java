package dev.socialticker.ticker.support.oauth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A real OAuth 2.0 authorization server on loopback for the sign-in tests: Spring Authorization
 * Server, as a provider runs one. A person signs in on its form and consents on its page; it issues
 * authorization codes only with PKCE (S256), opaque access tokens, and refresh tokens that rotate
 * (each refresh answers a new one, and the old one is refused with {@code invalid_grant}). One
 * confidential client, {@value #CLIENT_ID}, whose redirect is any loopback port's {@code /callback}
 * or the service's admin callback (RFC 8252: the port of a loopback redirect is not compared).
 *
 * <p>It runs in the test's JVM without Boot's auto-configuration of security (which the tests keep
 * out of the service's contexts, {@link NoSecurityAutoConfiguration}) and without Boot's logging
 * set-up, which would reset the log capture of the test that starts it.
 */
public final class AuthorizationServer implements AutoCloseable {
    public static final String CLIENT_ID = "ticker-app";
    public static final String CLIENT_SECRET = "app-secret-9f8e7d";
    /**
     * A client given no refresh token, as LinkedIn treats all but its partners' apps. Its secret is
     * {@link #CLIENT_SECRET} with this suffix (the server refuses two clients one secret).
     */
    public static final String CLIENT_WITHOUT_REFRESH = "ticker-app-without-refresh";

    public static final String SECRET_SUFFIX_WITHOUT_REFRESH = "-without-refresh";
    public static final String USER = "creator";
    public static final String PASSWORD = "sign-in-password";
    public static final List<String> SCOPES = List.of("user.info.basic", "user.info.stats");
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(2);

    private final ConfigurableApplicationContext context;
    private final int port;

    private AuthorizationServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts one on a free loopback port. */
    public static AuthorizationServer start() {
        SpringApplication application = new SpringApplicationBuilder(ServerConfiguration.class)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // Its own settings only: not the service's application.properties on the class path.
                .properties(Map.of(
                        "spring.config.name", "authorization-server",
                        "server.port", "0",
                        "server.address", "127.0.0.1",
                        "spring.jmx.enabled", "false"))
                .build();
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener))
                .toList());
        return new AuthorizationServer(application.run());
    }

    public String authorizationUrl() {
        return origin() + "/oauth2/authorize";
    }

    public String tokenUrl() {
        return origin() + "/oauth2/token";
    }

    public String origin() {
        return "http://127.0.0.1:" + port;
    }

    /** The token endpoint's calls so far, by grant type, in order. */
    public List<String> grants() {
        return List.copyOf(context.getBean(GrantLog.class).grants);
    }

    /** How each call of the token endpoint named its client, in order: basic, post or none. */
    public List<String> clientAuthentications() {
        return List.copyOf(context.getBean(GrantLog.class).clientAuthentications);
    }

    @Override
    public void close() {
        context.close();
    }

    @EnableWebSecurity
    @ImportAutoConfiguration({
        ServletWebServerFactoryAutoConfiguration.class,
        DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class,
        HttpMessageConvertersAutoConfiguration.class,
        JacksonAutoConfiguration.class
    })
    static class ServerConfiguration {

        @Bean
        @Order(1)
        SecurityFilterChain authorizationEndpoints(HttpSecurity http) throws Exception {
            OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
            http.securityMatcher(server.getEndpointsMatcher())
                    .with(server, Customizer.withDefaults())
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    // A person who has not signed in is sent to the sign-in form.
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people() {
            return new InMemoryUserDetailsManager(User.withUsername(USER)
                    .password("{noop}" + PASSWORD)
                    .roles("USER")
                    .build());
        }

        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(
                    client(CLIENT_ID, true), client(CLIENT_WITHOUT_REFRESH, false));
        }

        private static RegisteredClient client(String id, boolean refreshTokens) {
            RegisteredClient.Builder client = RegisteredClient.withId(
                            UUID.randomUUID().toString())
                    .clientId(id)
                    .clientSecret("{noop}" + CLIENT_SECRET + (refreshTokens ? "" : SECRET_SUFFIX_WITHOUT_REFRESH))
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .redirectUri("http://127.0.0.1/callback")
                    .redirectUri("http://127.0.0.1/api/authorize/creatorhub/callback")
                    .clientSettings(ClientSettings.builder()
                            .requireProofKey(true)
                            .requireAuthorizationConsent(true)
                            .build())
                    .tokenSettings(TokenSettings.builder()
                            .accessTokenFormat(OAuth2TokenFormat.REFERENCE)
                            .accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME)
                            .refreshTokenTimeToLive(Duration.ofDays(365))
                            .reuseRefreshTokens(false)
                            .build());
            SCOPES.forEach(client::scope);
            if (refreshTokens) {
                client.authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN);
            }
            return client.build();
        }

        /** Asks for consent at every sign-in: a test's person decides each time, whatever the test before did. */
        @Bean
        OAuth2AuthorizationConsentService consentAskedEveryTime() {
            return new OAuth2AuthorizationConsentService() {
                @Override
                public void save(OAuth2AuthorizationConsent consent) {
                    // not remembered
                }

                @Override
                public void remove(OAuth2AuthorizationConsent consent) {
                    // nothing remembered
                }

                @Override
                public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
                    return null;
                }
            };
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        @Bean
        GrantLog grantLog() {
            return new GrantLog();
        }
    }

    /** Notes each call of the token endpoint by its grant type, before security reads it. */
    static final class GrantLog extends OncePerRequestFilter implements Ordered {
        final List<String> grants = new CopyOnWriteArrayList<>();
        final List<String> clientAuthentications = new CopyOnWriteArrayList<>();

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getRequestURI().equals("/oauth2/token")) {
                grants.add(String.valueOf(request.getParameter("grant_type")));
                String authorization = String.valueOf(request.getHeader("Authorization"));
                clientAuthentications.add(
                        authorization.startsWith("Basic ")
                                ? "basic"
                                : request.getParameter("client_secret") != null ? "post" : "none");
            }
            chain.doFilter(request, response);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }
}
