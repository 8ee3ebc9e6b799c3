package dev.socialticker.ticker.provider.http;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.socialticker.ticker.domain.FailureCode;
import dev.socialticker.ticker.domain.RetryAfter;
import dev.socialticker.ticker.provider.contract.ProviderFailure;
import dev.socialticker.ticker.routefile.YamlParameter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider file's own error vocabulary (template parameter {@code errors}): which answers mean
 * not found, rate-limited, auth failed or an unusable payload, in the spirit of shields.io's
 * per-service {@code errorMessages}. Each rule is a YAML map:
 * <pre>
 * - when: { status: 400-499, header: Retry-After, body: "$.error[?(@.code == 190)]" }   # all optional, all must hold
 *   code: AUTH_FAILED                                   # NOT_FOUND, RATE_LIMITED, AUTH_FAILED, INVALID_PAYLOAD, UPSTREAM_UNAVAILABLE
 *   message: The access token was rejected              # shown to users: written here, never copied from the upstream
 *   retry: false                                        # worth another attempt in the same refresh (default false)
 *   wait: { header: X-Usage, path: "$..regain", unit: minutes }   # where the upstream says how long to wait
 * </pre>
 * The first rule that matches wins; an answer no rule matches is judged by the shared classifier
 * (HTTP status, Retry-After, rate-limit headers). {@code body} matches when its JSONPath finds
 * something that is not null, false or empty, so a filter such as {@code $[?(@.status == 'fail')]}
 * reads a 200 answer that is an error in disguise. A path that does not fit the body's shape (a
 * filter over a string, HTML, {@code null}) finds nothing: that rule does not match, and a {@code wait}
 * path that does not fit finds no wait, rather than failing the refresh.
 */
final class ErrorRules {
    private static final Set<FailureCode> CODES = EnumSet.of(
            FailureCode.NOT_FOUND,
            FailureCode.RATE_LIMITED,
            FailureCode.AUTH_FAILED,
            FailureCode.INVALID_PAYLOAD,
            FailureCode.UPSTREAM_UNAVAILABLE);
    private static final Pattern STATUS = Pattern.compile("(\\d{3})(?:-(\\d{3}))?|([1-5])xx");
    private static final Set<String> RULE_KEYS = Set.of("when", "code", "message", "retry", "wait");
    private static final Set<String> WHEN_KEYS = Set.of("status", "header", "body");
    private static final Set<String> WAIT_KEYS = Set.of("header", "body", "path", "unit");

    static final ErrorRules NONE = new ErrorRules(List.of());

    private final List<Rule> rules;

    private ErrorRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** How long to wait, read from the answer; {@code unit} is seconds, minutes or epoch-seconds. */
    record Wait(String header, String body, JsonPath path, String unit) {
        Duration read(Function<String, String> headers, Supplier<DocumentContext> answer, Instant now) {
            Object found;
            if (header != null) {
                String value = headers.apply(header);
                if (value == null || value.isBlank()) {
                    return null;
                }
                found = path == null ? value : JsonAnswers.find(JsonAnswers.parse(value), path);
            } else {
                found = JsonAnswers.find(answer.get(), path);
            }
            Double amount = largestNumber(found);
            if (amount == null && found instanceof String date && header != null && path == null) {
                // A header such as Retry-After may hold an HTTP date instead of seconds.
                return RetryAfter.parse(date, now);
            }
            if (amount == null) {
                return null;
            }
            return switch (unit) {
                case "minutes" -> RetryAfter.capped(Duration.ofSeconds(Math.round(amount * 60)));
                case "epoch-seconds" -> RetryAfter.until(Instant.ofEpochSecond(amount.longValue()), now);
                default -> RetryAfter.capped(Duration.ofSeconds(Math.round(amount)));
            };
        }
    }

    record Rule(
            int statusFrom,
            int statusTo,
            String header,
            JsonPath body,
            FailureCode code,
            String message,
            boolean retry,
            Wait waitFrom) {

        boolean matches(int status, Function<String, String> headers, Supplier<DocumentContext> answer) {
            if (status < statusFrom || status > statusTo) {
                return false;
            }
            if (header != null && headers.apply(header) == null) {
                return false;
            }
            // A body of another shape than the rule expects is "no match", never a failure of its own.
            return body == null || isSomething(JsonAnswers.find(answer.get(), body));
        }
    }

    /**
     * Parses and checks the {@code errors} parameter.
     *
     * @throws IllegalArgumentException naming each rule's problem ({@code errors[2].code: ...})
     */
    static ErrorRules parse(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return NONE;
        }
        Object parsed = YamlParameter.load("errors", yaml);
        if (!(parsed instanceof List<?> list)) {
            throw new IllegalArgumentException("parameter 'errors' must be a YAML list of rules");
        }
        List<String> problems = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "errors[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> rule)) {
                problems.add(at + " must be a map with when, code and message");
                continue;
            }
            Rule parsedRule = rule(at, rule, problems);
            if (parsedRule != null) {
                rules.add(parsedRule);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ErrorRules(rules);
    }

    /** The failure the first matching rule names, if any. */
    Optional<ProviderFailure> match(
            int status, Function<String, String> headers, Supplier<DocumentContext> answer, Instant now) {
        for (Rule rule : rules) {
            if (rule.matches(status, headers, answer)) {
                Duration wait = rule.waitFrom() == null ? null : rule.waitFrom().read(headers, answer, now);
                return Optional.of(new ProviderFailure(rule.code(), rule.message(), status, rule.retry(), wait));
            }
        }
        return Optional.empty();
    }

    private static Rule rule(String at, Map<?, ?> rule, List<String> problems) {
        int before = problems.size();
        unknownKeys(at, rule, RULE_KEYS, problems);
        Map<?, ?> when = map(at + ".when", rule.get("when"), problems);
        unknownKeys(at + ".when", when, WHEN_KEYS, problems);
        int[] status = status(at + ".when.status", when.get("status"), problems);
        String header = text(when.get("header"));
        JsonPath body = jsonPath(at + ".when.body", when.get("body"), problems);
        FailureCode code = null;
        String codeText = text(rule.get("code"));
        try {
            code = codeText == null ? null : FailureCode.valueOf(codeText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // reported below
        }
        if (code == null || !CODES.contains(code)) {
            problems.add(at + ".code must be one of " + CODES + ", not '" + codeText + "'");
        }
        String message = text(rule.get("message"));
        if (message == null || message.isBlank()) {
            problems.add(at + ".message is required: what a reader of the ticker's API is told");
        }
        Object retry = rule.get("retry");
        if (retry != null && !(retry instanceof Boolean)) {
            problems.add(at + ".retry must be true or false");
        }
        Wait wait = wait(at + ".wait", rule.get("wait"), problems);
        if (problems.size() > before) {
            return null;
        }
        return new Rule(status[0], status[1], header, body, code, message.trim(), Boolean.TRUE.equals(retry), wait);
    }

    private static Wait wait(String at, Object value, List<String> problems) {
        if (value == null) {
            return null;
        }
        Map<?, ?> wait = map(at, value, problems);
        unknownKeys(at, wait, WAIT_KEYS, problems);
        String header = text(wait.get("header"));
        String body = text(wait.get("body"));
        String unit = text(wait.get("unit")) == null ? "seconds" : text(wait.get("unit"));
        if (!List.of("seconds", "minutes", "epoch-seconds").contains(unit)) {
            problems.add(at + ".unit must be seconds, minutes or epoch-seconds, not '" + unit + "'");
        }
        if ((header == null) == (body == null)) {
            problems.add(at + " needs exactly one of header (a response header) or body (a JSONPath)");
            return null;
        }
        JsonPath path = header != null
                ? jsonPath(at + ".path", wait.get("path"), problems)
                : jsonPath(at + ".body", body, problems);
        return new Wait(header, body, path, unit);
    }

    private static int[] status(String at, Object value, List<String> problems) {
        if (value == null) {
            return new int[] {100, 599};
        }
        Matcher matcher = STATUS.matcher(String.valueOf(value).trim());
        if (!matcher.matches()) {
            problems.add(at + " must be a status (404), a range (400-499) or a class (4xx), not '" + value + "'");
            return new int[] {0, 0};
        }
        if (matcher.group(3) != null) {
            int hundreds = Integer.parseInt(matcher.group(3)) * 100;
            return new int[] {hundreds, hundreds + 99};
        }
        int from = Integer.parseInt(matcher.group(1));
        return new int[] {from, matcher.group(2) == null ? from : Integer.parseInt(matcher.group(2))};
    }

    private static JsonPath jsonPath(String at, Object value, List<String> problems) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return JsonPath.compile(text);
        } catch (InvalidPathException | IllegalArgumentException invalid) {
            problems.add(at + " is not a JSONPath: " + invalid.getMessage());
            return null;
        }
    }

    private static Map<?, ?> map(String at, Object value, List<String> problems) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        problems.add(at + " must be a map");
        return Map.of();
    }

    private static void unknownKeys(String at, Map<?, ?> map, Set<String> known, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add(at + " has an unknown key '" + key + "' (known: "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** Not null, not false, not an empty list or string. */
    static boolean isSomething(Object found) {
        if (found == null || Boolean.FALSE.equals(found)) {
            return false;
        }
        if (found instanceof Collection<?> list) {
            return list.stream().anyMatch(ErrorRules::isSomething);
        }
        return !(found instanceof String text) || !text.isBlank();
    }

    private static Double largestNumber(Object found) {
        if (found instanceof Number number) {
            return number.doubleValue();
        }
        if (found instanceof String text && text.trim().matches("\\d+(\\.\\d+)?")) {
            return Double.parseDouble(text.trim());
        }
        if (found instanceof Collection<?> list) {
            return list.stream()
                    .map(ErrorRules::largestNumber)
                    .filter(java.util.Objects::nonNull)
                    .max(Double::compare)
                    .orElse(null);
        }
        return null;
    }
}
