package dev.socialticker.ticker.refresh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.provider.contract.PayloadRejectedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Test;

class FailureClassifierTest {
    final FailureClassifier classifier =
            new FailureClassifier(Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void findsTheCauseInsideCamelsWrappers() {
        Classification refused = classifier.classify(
                new CamelExecutionException("wrapped", null, new ConnectException("Connection refused")));
        assertThat(refused.code()).isEqualTo(FailureCode.UPSTREAM_UNAVAILABLE);
        assertThat(refused.retryable()).isTrue();
        assertThat(classifier
                        .classify(new SocketTimeoutException("Read timed out"))
                        .code())
                .isEqualTo(FailureCode.TIMEOUT);
        assertThat(classifier
                        .classify(new PayloadRejectedException("the follower count is negative"))
                        .retryable())
                .isFalse();
    }

    @Test
    void messagesNeverCarryTheRequestUrl() {
        HttpOperationFailedException failure = new HttpOperationFailedException(
                "https://graph.facebook.com/v25.0/1?access_token=SECRET", 500, "Internal", null, Map.of(), "oops");
        assertThat(classifier.classify(failure).message()).doesNotContain("SECRET", "graph.facebook.com");
    }
}
