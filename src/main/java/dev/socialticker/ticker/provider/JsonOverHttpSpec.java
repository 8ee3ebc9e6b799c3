package dev.socialticker.ticker.provider;

import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The parameters of one "JSON over HTTP" provider (template {@value JsonOverHttpTemplate#ID}),
 * checked as a whole when its file is loaded, so a typo is reported against the file instead of
 * failing the first refresh. Parameter names and meanings are documented in routes/README.md.
 *
 * @param name             the provider name: route {@code provider-<name>} from {@code direct:provider-<name>}
 * @param baseUrl          the upstream's public base URL; {@code {host}} is the host of a {@code user@host}
 *                         account; {@code ticker.providers.<name>.base-url} overrides it
 * @param path             appended to the base URL; {@code {account}}, {@code {user}}, {@code {host}} are
 *                         replaced by the URL-encoded account, or its parts
 * @param query            query string without the credential, same placeholders; may be empty
 * @param count            JSONPath of the follower count
 * @param profile          JSONPath of the profile name; empty means the account is shown
 * @param accountPath      JSONPath that finds the account in the answer; when it finds nothing the
 *                         account does not exist ({@code NOT_FOUND}); empty means no such check
 * @param hiddenFlag       JSONPath of a boolean that, when true, means the count is hidden: an error, never zero
 * @param credential       the setting under {@code ticker.providers.<name>} holding a secret; empty means none
 * @param credentialIn     {@code bearer} (Authorization header) or {@code query:<parameter>}
 * @param credentialRequired whether a source of this provider may run without the credential
 * @param accountPattern   regular expression every configured account must match, checked at start-up
 * @param accountHint      what an account looks like, for the start-up error message
 * @param errors           the upstream's own error vocabulary ({@link ErrorRules}); none by default
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
        String credential,
        String credentialIn,
        boolean credentialRequired,
        Pattern accountPattern,
        String accountHint,
        ErrorRules errors) {

    /** Parameters and their defaults; a null default means the parameter is required. */
    static final Map<String, String> PARAMETERS = parameters();

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}");

    private static Map<String, String> parameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("name", null);
        parameters.put("baseUrl", null);
        parameters.put("path", null);
        parameters.put("query", "");
        parameters.put("count", null);
        parameters.put("profile", "");
        parameters.put("accountPath", "");
        parameters.put("hiddenFlag", "");
        parameters.put("credential", "");
        parameters.put("credentialIn", "bearer");
        parameters.put("credentialRequired", "true");
        parameters.put("accountPattern", ".+");
        parameters.put("accountHint", "");
        parameters.put("errors", "");
        return parameters;
    }

    /**
     * Reads and checks the parameters; {@code lookup} returns null for a parameter not given.
     *
     * @throws IllegalArgumentException listing every problem found
     */
    static JsonOverHttpSpec from(Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        PARAMETERS.forEach((key, fallback) -> {
            String value = lookup.apply(key);
            if (value == null || value.isBlank()) {
                if (fallback == null) {
                    problems.add("parameter '" + key + "' is required");
                }
                value = fallback == null ? "" : fallback;
            }
            values.put(key, value.trim());
        });
        String name = values.get("name");
        if (!name.isEmpty() && !NAME.matcher(name).matches()) {
            problems.add("parameter 'name' must match " + NAME.pattern() + ", not '" + name + "'");
        }
        String baseUrl = values.get("baseUrl");
        if (!baseUrl.isEmpty() && !baseUrl.matches("https?://.+")) {
            problems.add("parameter 'baseUrl' must start with http:// or https://, not '" + baseUrl + "'");
        }
        if (!values.get("path").isEmpty() && !values.get("path").startsWith("/")) {
            problems.add("parameter 'path' must start with /");
        }
        if (values.get("query").startsWith("?")) {
            problems.add("parameter 'query' is the query string without the leading ?");
        }
        for (String jsonPath : List.of("count", "profile", "accountPath", "hiddenFlag")) {
            String expression = values.get(jsonPath);
            if (!expression.isEmpty()) {
                try {
                    JsonPath.compile(expression);
                } catch (InvalidPathException | IllegalArgumentException invalid) {
                    problems.add("parameter '" + jsonPath + "' is not a JSONPath: " + invalid.getMessage());
                }
            }
        }
        String credentialIn = values.get("credentialIn");
        if (!credentialIn.equals("bearer") && !credentialIn.matches("query:[A-Za-z0-9_.-]+")) {
            problems.add("parameter 'credentialIn' must be 'bearer' or 'query:<parameter name>', not '"
                    + credentialIn + "'");
        }
        String required = values.get("credentialRequired");
        if (!required.equals("true") && !required.equals("false")) {
            problems.add("parameter 'credentialRequired' must be true or false");
        }
        Pattern accountPattern = null;
        try {
            accountPattern = Pattern.compile(values.get("accountPattern"));
        } catch (PatternSyntaxException invalid) {
            problems.add("parameter 'accountPattern' is not a regular expression: " + invalid.getDescription());
        }
        ErrorRules errors = ErrorRules.NONE;
        try {
            errors = ErrorRules.parse(lookup.apply("errors"));
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new JsonOverHttpSpec(name, baseUrl, values.get("path"), values.get("query"), values.get("count"),
                values.get("profile"), values.get("accountPath"), values.get("hiddenFlag"), values.get("credential"),
                credentialIn, Boolean.parseBoolean(required), accountPattern, values.get("accountHint"), errors);
    }

    boolean hasCredential() {
        return !credential.isEmpty();
    }

    /** The query parameter carrying the credential, or null when it travels as a bearer token. */
    String credentialQueryParameter() {
        return credentialIn.startsWith("query:") ? credentialIn.substring("query:".length()) : null;
    }

    boolean accepts(String account) {
        return accountPattern.matcher(account).matches();
    }
}
