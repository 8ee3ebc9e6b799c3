package dev.socialticker.ticker.provider.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers a provider file sends with every request (template parameter {@code headers}): one
 * {@code Name: value} per line, where {@code {setting:client-id}} stands for the setting
 * {@code ticker.providers.<name>.client-id} (required: a source without it stops start-up) and
 * {@code {setting:client-id?}} for an optional one (the header is left out when it is unset). Values
 * read from settings are masked in logs like the credential.
 */
public final class RequestHeaders {
    private static final Pattern LINE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9-]*)\\s*:\\s*(.*)");
    private static final Pattern SETTING = Pattern.compile("\\{setting:([a-z0-9][a-z0-9-]*)(\\??)}");

    /** One header; {@code value} still holds its {@code {setting:…}} placeholders. */
    record Header(String name, String value) {}

    /** A setting a header names. */
    public record Setting(String header, String name, boolean optional) {}

    static final RequestHeaders NONE = new RequestHeaders(List.of());

    private final List<Header> headers;

    private RequestHeaders(List<Header> headers) {
        this.headers = List.copyOf(headers);
    }

    /**
     * @throws IllegalArgumentException naming each line that is not a header the template may send
     */
    static RequestHeaders parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        List<Header> headers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher header = LINE.matcher(line);
            String where = "headers line " + (i + 1);
            if (!header.matches()) {
                problems.add(where + " must read 'Name: value' (for example Client-Id: {setting:client-id}), not '"
                        + line + "'");
                continue;
            }
            String name = header.group(1);
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("ticker") || lower.startsWith("camel")) {
                problems.add(where + ": headers named Ticker* or Camel* are the service's own, never sent upstream");
            } else if (lower.equals("authorization")) {
                problems.add(where + ": Authorization carries the credential; use parameters credential and"
                        + " credentialIn (or token) for it");
            } else if (headers.stream().anyMatch(known -> known.name().equalsIgnoreCase(name))) {
                problems.add(where + ": header " + name + " is named twice");
            }
            String rest = SETTING.matcher(header.group(2)).replaceAll("");
            if (rest.contains("{setting")) {
                problems.add(where + ": a setting is written {setting:name} or {setting:name?} (lower-case letters,"
                        + " digits and '-')");
            }
            headers.add(new Header(name, header.group(2).strip()));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new RequestHeaders(headers);
    }

    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** Every setting the headers name, in order. */
    public List<Setting> settings() {
        List<Setting> settings = new ArrayList<>();
        for (Header header : headers) {
            Matcher setting = SETTING.matcher(header.value());
            while (setting.find()) {
                settings.add(new Setting(
                        header.name(), setting.group(1), !setting.group(2).isEmpty()));
            }
        }
        return settings;
    }

    /** The header names, for removing them from the message after the call. */
    List<String> names() {
        return headers.stream().map(Header::name).toList();
    }

    /**
     * The headers to send, settings filled in by {@code setting} (null when unset); a header whose
     * optional setting is unset is left out.
     */
    Map<String, String> resolve(Function<String, String> setting) {
        Map<String, String> resolved = new LinkedHashMap<>();
        for (Header header : headers) {
            Matcher placeholder = SETTING.matcher(header.value());
            StringBuilder value = new StringBuilder();
            boolean missing = false;
            while (placeholder.find()) {
                String found = setting.apply(placeholder.group(1));
                missing |= found == null;
                placeholder.appendReplacement(value, Matcher.quoteReplacement(found == null ? "" : found));
            }
            placeholder.appendTail(value);
            if (!missing) {
                resolved.put(header.name(), value.toString());
            }
        }
        return resolved;
    }

    /**
     * The headers a call to the provider's token endpoint carries too: the {@code User-Agent} only, when
     * the file names one (Reddit refuses or throttles calls without its descriptive agent, the token
     * endpoint's included); the others are the API's own ({@code Client-Id}, {@code LinkedIn-Version}).
     */
    public Map<String, String> forTokenCalls(Function<String, String> setting) {
        Map<String, String> resolved = resolve(setting);
        resolved.keySet().removeIf(name -> !name.equalsIgnoreCase("User-Agent"));
        return resolved;
    }
}
