package dev.socialticker.ticker.alert;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.socialticker.ticker.support.Fixtures;
import dev.socialticker.ticker.support.UpstreamServiceTest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The stand-ins the whole-application alert tests share, on one WireMock: the Graph API answering
 * well, with a given count, or rejecting the token (an incident of the {@code auth} rule), and the
 * Slack webhook whose messages are read back as their kinds or texts.
 */
final class AlertStandIns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertStandIns() {}

    static void answerWell(WireMockExtension upstream) throws IOException {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson(Fixtures.read("instagram", "ig-user.json"))));
    }

    /** The Graph API's answer for the account "acme" with {@code followers} followers. */
    static void answerCount(Stubbing upstream, long followers) {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(okJson("{\"followers_count\": " + followers + ", \"username\": \"acme\", \"id\": \""
                        + UpstreamServiceTest.IG_USER + "\"}")));
    }

    /** The {@code text} of each message the Slack webhook at {@code path} received, in order. */
    static List<String> slackTexts(Stubbing upstream, String path) throws IOException {
        List<String> texts = new ArrayList<>();
        for (LoggedRequest post : upstream.findAll(postRequestedFor(urlPathEqualTo(path)))) {
            texts.add(JSON.readTree(post.getBodyAsString()).get("text").asText());
        }
        return texts;
    }

    /** The Graph API's answer to an expired token (error 190): AUTH_FAILED. */
    static void answerExpiredToken(WireMockExtension upstream) {
        upstream.stubFor(get(urlPathEqualTo(UpstreamServiceTest.GRAPH_PATH))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Error validating access token: Session has expired.\","
                                + " \"type\": \"OAuthException\", \"code\": 190, \"fbtrace_id\": \"AbCdEf123\"}}")));
    }

    /**
     * The kinds (ALERT, REMINDER, RESOLVED) of the messages about {@code source} the Slack webhook at
     * {@code path} received, in order.
     */
    static List<String> slackKinds(WireMockExtension upstream, String path, String source) throws IOException {
        List<String> kinds = new ArrayList<>();
        for (LoggedRequest post : upstream.findAll(postRequestedFor(urlPathEqualTo(path)))) {
            kinds.add(kindIn(JSON.readTree(post.getBodyAsString()).get("text").asText(), source));
        }
        return kinds;
    }

    /**
     * The kind of a message about {@code source}, from its first line or subject
     * (":red_circle: ALERT instagram-…", "[Social Ticker] ALERT instagram-…").
     */
    static String kindIn(String text, String source) {
        for (Alert.Kind kind : Alert.Kind.values()) {
            if (text.contains(" " + kind.name() + " " + source)) {
                return kind.name();
            }
        }
        throw new AssertionError("not an alert about " + source + ": " + text);
    }
}
