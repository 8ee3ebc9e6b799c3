package dev.socialticker.ticker.provider.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parameters of one "JSON over HTTP" provider (template {@value JsonOverHttpTemplate#ID}),
 * checked as a whole against their one declaration ({@link TemplateDefinition}) when its file is
 * loaded, so a typo is reported against the file instead of failing the first refresh.
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

    /** The template's parameters, declared once (src/main/resources/provider/json-over-http.definition.yaml). */
    public static final TemplateDefinition DEFINITION = TemplateDefinition.JSON_OVER_HTTP;

    /**
     * Reads and checks the parameters against their declaration; {@code lookup} returns null for a
     * parameter not given.
     *
     * @throws IllegalArgumentException listing every problem found
     */
    public static JsonOverHttpSpec from(Function<String, String> lookup) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = DEFINITION.read(lookup, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new JsonOverHttpSpec(values.get("name"), values.get("baseUrl"), values.get("path"), values.get("query"),
                values.get("count"), values.get("profile"), values.get("accountPath"), values.get("hiddenFlag"),
                values.get("credential"), values.get("credentialIn"), Boolean.parseBoolean(values.get("credentialRequired")),
                Pattern.compile(values.get("accountPattern")), values.get("accountHint"), ErrorRules.parse(values.get("errors")));
    }

    public boolean hasCredential() {
        return !credential.isEmpty();
    }

    /** The query parameter carrying the credential, or null when it travels as a bearer token. */
    String credentialQueryParameter() {
        return credentialIn.startsWith("query:") ? credentialIn.substring("query:".length()) : null;
    }

    public boolean accepts(String account) {
        return accountPattern.matcher(account).matches();
    }
}
