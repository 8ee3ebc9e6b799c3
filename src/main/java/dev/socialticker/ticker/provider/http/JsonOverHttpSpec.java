package dev.socialticker.ticker.provider.http;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import dev.socialticker.ticker.provider.contract.ProviderDisplay;
import dev.socialticker.ticker.routefile.TemplateDefinition;
import dev.socialticker.ticker.routefile.problem.InvalidParametersException;
import dev.socialticker.ticker.routefile.problem.ParameterProblem;
import dev.socialticker.ticker.token.TokenPolicy;
import dev.socialticker.ticker.token.TokenStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parameters of one "JSON over HTTP" provider (template {@value JsonOverHttpTemplate#ID}), typed,
 * checked as a whole against their one declaration ({@link TemplateDefinition}, which says what each
 * means) when its file is loaded, so a typo is reported against the file instead of failing the first
 * refresh. One component per declared parameter, of the same name: the catalog test keeps them equal.
 */
public record JsonOverHttpSpec(
        String name,
        String baseUrl,
        String path,
        String query,
        String count,
        String profile,
        String accountPath,
        String hiddenFlag,
        boolean roundedCounts,
        String credential,
        String credentialIn,
        boolean credentialRequired,
        TokenPolicy token,
        RequestHeaders headers,
        Pattern accountPattern,
        String accountHint,
        ErrorRules errors,
        ProviderDisplay display) {

    /** Where {@code credentialIn: path} puts the credential in the path (Telegram: {@code /bot{credential}/…}). */
    static final String CREDENTIAL = "{credential}";

    /** The template's parameters, declared once (src/main/resources/provider/json-over-http.definition.yaml). */
    public static final TemplateDefinition DEFINITION = TemplateDefinition.load(
            "provider/json-over-http.definition.yaml",
            Map.of(
                    "jsonpath",
                    JsonOverHttpSpec::jsonPathProblem,
                    "error-rules",
                    JsonOverHttpSpec::errorRulesProblem,
                    "token-policy",
                    (parameter, value) -> problem(() -> TokenPolicy.parse(value)),
                    "headers",
                    (parameter, value) -> problem(() -> RequestHeaders.parse(value)),
                    "display",
                    (parameter, value) -> problem(() -> ProviderDisplay.parse("", value))));

    private static String problem(Runnable parse) {
        try {
            parse.run();
            return null;
        } catch (IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
    }

    private static String jsonPathProblem(String parameter, String value) {
        try {
            JsonPath.compile(value);
            return null;
        } catch (InvalidPathException | IllegalArgumentException invalid) {
            return "parameter '" + parameter + "' is not a JSONPath: " + invalid.getMessage();
        }
    }

    private static String errorRulesProblem(String parameter, String value) {
        try {
            ErrorRules.parse(value);
            return null;
        } catch (IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
    }

    /**
     * Reads and checks the parameters against their declaration; {@code lookup} returns null for a
     * parameter not given.
     *
     * @throws InvalidParametersException listing every problem found
     */
    public static JsonOverHttpSpec from(Function<String, String> lookup) {
        List<ParameterProblem> problems = new ArrayList<>();
        Map<String, String> values = DEFINITION.read(lookup, problems);
        // How the token and the credential go together, once the token itself reads: reported with the rest.
        if (problems.stream().noneMatch(problem -> "token".equals(problem.parameter()))) {
            TokenPolicy token = TokenPolicy.parse(values.get("token"));
            String credential = values.get("credential");
            if (token.kind() == TokenPolicy.Kind.REFRESH && !TokenStatus.CREDENTIAL.equals(credential)) {
                problems.add(new ParameterProblem(
                        "token",
                        "parameter 'token': kind refresh renews the setting " + TokenStatus.CREDENTIAL
                                + "; set parameter 'credential' to " + TokenStatus.CREDENTIAL));
            }
            if (token.obtained() && !credential.isEmpty()) {
                problems.add(new ParameterProblem(
                        "credential",
                        "parameter 'credential' is not used with token kind client-credentials (the token is"
                                + " obtained, not configured); leave it out"));
            }
        }
        credentialPathProblem(values).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
        return new JsonOverHttpSpec(
                values.get("name"),
                values.get("baseUrl"),
                values.get("path"),
                values.get("query"),
                values.get("count"),
                values.get("profile"),
                values.get("accountPath"),
                values.get("hiddenFlag"),
                Boolean.parseBoolean(values.get("roundedCounts")),
                values.get("credential"),
                values.get("credentialIn"),
                Boolean.parseBoolean(values.get("credentialRequired")),
                TokenPolicy.parse(values.get("token")),
                RequestHeaders.parse(values.get("headers")),
                Pattern.compile(values.get("accountPattern")),
                values.get("accountHint"),
                ErrorRules.parse(values.get("errors")),
                ProviderDisplay.parse(values.get("name"), values.get("display")));
    }

    /**
     * A credential in the path goes in the one place the path marks for it, is never optional (the
     * path would lose a segment), and {@code {credential}} means nothing elsewhere.
     */
    private static Optional<ParameterProblem> credentialPathProblem(Map<String, String> values) {
        String path = values.get("path");
        String placement = values.get("credentialIn");
        if (path == null || placement == null) {
            return Optional.empty(); // already reported as missing or invalid
        }
        int marks = path.split(Pattern.quote(CREDENTIAL), -1).length - 1;
        if (!"path".equals(placement)) {
            return marks == 0
                    ? Optional.empty()
                    : problem("path", "parameter 'path': " + CREDENTIAL + " is replaced with credentialIn: path only");
        }
        if (marks != 1) {
            return problem(
                    "path",
                    "parameter 'path': credentialIn: path needs " + CREDENTIAL
                            + " exactly once in the path, where the credential goes (/bot" + CREDENTIAL + "/getMe)");
        }
        if (values.get("credential").isEmpty()) {
            return problem(
                    "credential",
                    "parameter 'credential': credentialIn: path needs the setting that holds" + " the credential");
        }
        if (!Boolean.parseBoolean(values.get("credentialRequired"))) {
            return problem(
                    "credentialRequired",
                    "parameter 'credentialRequired': a credential in the path cannot"
                            + " be left out; leave credentialRequired at true");
        }
        return Optional.empty();
    }

    private static Optional<ParameterProblem> problem(String parameter, String message) {
        return Optional.of(new ParameterProblem(parameter, message));
    }

    /** True when the credential is a segment of the path ({@code credentialIn: path}). */
    boolean credentialInPath() {
        return "path".equals(credentialIn);
    }

    /** True when a setting holds the credential (as opposed to none, or a token obtained by the service). */
    public boolean hasCredential() {
        return !credential.isEmpty();
    }

    /** The query parameter carrying the credential, or null when it travels as a bearer token. */
    String credentialQueryParameter() {
        return credentialIn.startsWith("query:") ? credentialIn.substring("query:".length()) : null;
    }

    /**
     * The settings under {@code ticker.providers.<name>} this file names: its credential, the settings
     * its headers read, the app id and secret its token is obtained with.
     */
    public Set<String> settings() {
        Set<String> names = new TreeSet<>();
        if (hasCredential()) {
            names.add(credential);
        }
        headers.settings().forEach(setting -> names.add(setting.name()));
        names.addAll(token.settings());
        return names;
    }

    public boolean accepts(String account) {
        return accountPattern.matcher(account).matches();
    }
}
