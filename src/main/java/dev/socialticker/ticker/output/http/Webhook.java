package dev.socialticker.ticker.output.http;

import dev.socialticker.ticker.delivery.HttpCall;
import dev.socialticker.ticker.output.Delivery;
import dev.socialticker.ticker.output.OutputSettings;
import dev.socialticker.ticker.output.OutputSpec;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Template {@code webhook}: POST the source's JSON, the body of {@code GET /api/metrics/{id}}, with an
 * optional bearer token and an optional HMAC-SHA256 signature of the exact body bytes
 * ({@code X-Ticker-Signature: sha256=<hex>}, as GitHub signs its webhooks), so a receiver can tell the
 * push is ours and unaltered.
 */
@Component
class Webhook extends HttpOutput {
    private final OutputSettings settings;

    Webhook(OutputSettings settings) {
        super("output/webhook.definition.yaml");
        this.settings = settings;
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public List<ParameterProblem> problems(OutputSpec spec) {
        List<ParameterProblem> problems = new ArrayList<>();
        for (String setting : List.of("bearer", "signatureSecret")) {
            String named = spec.value(setting);
            if (!named.isEmpty() && settings.secret(spec.name(), named) == null) {
                problems.add(settings.notSet(spec.name(), named, setting));
            }
        }
        return problems;
    }

    @Override
    HttpCall request(OutputSpec spec, Delivery delivery, OutputSettings settings) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = settings.secret(spec.name(), spec.value("bearer"));
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        String secret = settings.secret(spec.name(), spec.value("signatureSecret"));
        if (secret != null) {
            headers.put(spec.value("signatureHeader"), "sha256=" + hmacSha256(secret, delivery.json()));
        }
        headers.put("X-Ticker-Source", delivery.sourceId());
        return new HttpCall("POST", URI.create(spec.value("url")), headers, "application/json", delivery.json());
    }

    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
        }
    }
}
