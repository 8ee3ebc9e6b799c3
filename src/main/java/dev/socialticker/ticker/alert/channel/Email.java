package dev.socialticker.ticker.alert.channel;

import dev.socialticker.ticker.alert.Alert;
import dev.socialticker.ticker.alert.AlertMessages;
import dev.socialticker.ticker.alert.ChannelSettings;
import dev.socialticker.ticker.alert.ChannelSpec;
import dev.socialticker.ticker.alert.ChannelTemplate;
import dev.socialticker.ticker.delivery.Destination;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Template {@code email}: a plain-text message ({@link AlertMessages#subject}, {@link AlertMessages#emailBody})
 * through camel-mail's SMTP producer. STARTTLS is required, not merely tried, unless {@code starttls} is
 * false: the password never travels in clear text. Camel sets both of JavaMail's timeouts from
 * {@code connectionTimeout}: the connection, and each answer after it.
 */
@Component
class Email implements ChannelTemplate {
    /** The SMTP endpoint of one message (exchange property). */
    static final String ENDPOINT = "TickerSmtpEndpoint";

    private final TemplateDefinition definition = TemplateDefinition.load("alert/email.definition.yaml", Map.of());
    private final ChannelSettings settings;
    private final AlertMessages messages;

    Email(ChannelSettings settings, AlertMessages messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @Override
    public String id() {
        return "email";
    }

    @Override
    public TemplateDefinition definition() {
        return definition;
    }

    @Override
    public Destination destination(String name, Map<String, String> values, ChannelSettings.Named named) {
        return Destination.server(values.get("host"), Integer.parseInt(values.get("port")), named.parameter("host"));
    }

    @Override
    public List<ParameterProblem> problems(ChannelSpec spec) {
        List<ParameterProblem> problems = new ArrayList<>();
        String password = spec.value("password");
        if (!password.isEmpty() && settings.secret(spec.settings(), password) == null) {
            problems.add(settings.notSet(spec.settings(), password, "password"));
        }
        if (!spec.value("username").isEmpty() && password.isEmpty()) {
            problems.add(new ParameterProblem(
                    "password",
                    "parameter 'password' is required with a login (parameter 'username'): it names the setting"
                            + " that holds the password",
                    "password: password"));
        }
        return problems;
    }

    /** Subject, type and text on the message, the SMTP endpoint aside. */
    void message(ChannelSpec spec, Exchange exchange) {
        Alert alert = exchange.getIn().getBody(Alert.class);
        Message message = exchange.getIn();
        message.removeHeaders("*");
        message.setHeader("Subject", messages.subject(alert));
        message.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=UTF-8");
        message.setBody(messages.emailBody(alert));
        exchange.setProperty(ENDPOINT, smtpUri(spec));
    }

    private String smtpUri(ChannelSpec spec) {
        StringBuilder uri = new StringBuilder("smtp://")
                .append(spec.value("host"))
                .append(':')
                .append(spec.value("port"))
                .append("?from=")
                .append(encode(spec.value("from")))
                .append("&to=")
                .append(encode(spec.value("to").replaceAll("\\s*,\\s*", ",")))
                .append("&connectionTimeout=")
                .append(spec.timeout().toMillis());
        if (!spec.value("username").isEmpty()) {
            uri.append("&username=")
                    .append(encode(spec.value("username")))
                    .append("&password=RAW(")
                    .append(settings.secret(spec.settings(), spec.value("password")))
                    .append(')');
        }
        if (Boolean.parseBoolean(spec.value("starttls"))) {
            // Required, not merely tried: the password never travels in clear text.
            uri.append("&mail.smtp.starttls.enable=true&mail.smtp.starttls.required=true");
        }
        return uri.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
