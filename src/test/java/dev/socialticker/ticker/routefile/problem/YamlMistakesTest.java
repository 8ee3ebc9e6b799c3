package dev.socialticker.ticker.routefile.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A route file that is not YAML is described as {@code file:line:column}, with the line as written, a
 * caret under the place and a plain hint: the usual mistakes of hand-written YAML each get their own
 * words, and a good file is read without complaint.
 */
class YamlMistakesTest {
    static final String FILE = "routes/acme.camel.yaml";

    @Test
    void aTabIsShownWithItsLineAndTheFix() {
        RouteFileProblem tab = mistake("""
                - templatedRoute:
                    routeTemplateRef: json-over-http
                    parameters:
                      - name: baseUrl
                \tvalue: https://api.acme.example
                """);

        assertThat(tab.block(FILE)).isEqualTo("""
                        routes/acme.camel.yaml:5:1: a tab character
                          5 | →value: https://api.acme.example
                            | ^
                          hint: YAML indents with spaces only: replace the tab with spaces""");
        assertThat(tab.oneLine(FILE))
                .isEqualTo("routes/acme.camel.yaml:5:1: a tab character"
                        + " (YAML indents with spaces only: replace the tab with spaces)");
    }

    @Test
    void aLineIndentedUnlikeItsBlockSaysHowFarItIsIndented() {
        RouteFileProblem indentation = mistake("""
                - route:
                    id: provider-broken
                    from:
                      uri: direct:provider-broken
                      steps:
                        - setHeader:
                          name: TickerRawTotal
                       - log: "misindented"
                """);

        assertThat(indentation.line()).isEqualTo(8);
        assertThat(indentation.column()).isEqualTo(8);
        assertThat(indentation.message()).isEqualTo("this line's indentation does not match the lines around it");
        assertThat(indentation.hint())
                .isEqualTo(
                        "entries of one block start in the same column: this line has 7 spaces, line 7 above has 10");
        assertThat(indentation.text()).isEqualTo("       - log: \"misindented\"");
    }

    @Test
    void aColonInAValueThatIsNotQuotedIsToldApartFromAKeyIndentedTooFar() {
        RouteFileProblem colon = mistake("""
                - templatedRoute:
                    parameters:
                      - name: accountHint
                        value: a handle: like this
                """);
        assertThat(colon.line()).isEqualTo(4);
        assertThat(colon.message()).isEqualTo("a ': ' inside a value that is not quoted");
        assertThat(colon.hint()).contains("quotes");

        RouteFileProblem deeper = mistake("""
                - templatedRoute:
                    routeId: output-x
                      parameters:
                      - { name: name, value: x }
                """);
        assertThat(deeper.line()).isEqualTo(3);
        assertThat(deeper.column()).isEqualTo(7);
        assertThat(deeper.message()).startsWith("this line is indented further than the one above");
        assertThat(deeper.hint()).startsWith("line it up with line 2 (4 spaces)");
    }

    @Test
    void insideBracesAColonAMissingCommaAndAnOpenBraceEachGetTheirWords() {
        RouteFileProblem colon = mistake("""
                - templatedRoute:
                    parameters:
                      - { name: accountHint, value: a handle: like this }
                """);
        assertThat(colon.message()).isEqualTo("a ':' inside a value that is not quoted");
        assertThat(colon.column()).isEqualTo(45);

        RouteFileProblem comma = mistake("""
                - templatedRoute:
                    parameters:
                      - { name: count value: x }
                """);
        assertThat(comma.message()).isEqualTo("a ',' is missing before this entry");

        RouteFileProblem open = mistake("""
                - templatedRoute:
                    parameters:
                      - { name: count, value: x
                """);
        assertThat(open.message()).isEqualTo("a '{' that is never closed");
        assertThat(open.line()).isEqualTo(3);
        assertThat(open.column()).isEqualTo(9);
    }

    @Test
    void aQuoteLeftOpenAnEscapeAndAMissingSpaceAreNamed() {
        RouteFileProblem quote = mistake("""
                - templatedRoute:
                    parameters:
                      - { name: url, value: "http://x }
                """);
        assertThat(quote.message()).isEqualTo("a quoted value that is never closed");
        assertThat(quote.line()).isEqualTo(3);
        assertThat(quote.column()).isEqualTo(29);

        RouteFileProblem escape = mistake("""
                - templatedRoute:
                    parameters:
                      - { name: accountPattern, value: "[a-z]\\d+" }
                """);
        assertThat(escape.message()).isEqualTo("'\\d' is not an escape YAML knows in double quotes");
        assertThat(escape.hint()).contains("single quotes");

        RouteFileProblem space = mistake("""
                - templatedRoute:
                    routeId:output-x
                    parameters: []
                """);
        assertThat(space.message()).isEqualTo("a ':' without a space after it");
        assertThat(space.line()).isEqualTo(2);
    }

    @Test
    void anEmptyFileAndASecondDocumentAreNamed() {
        assertThat(mistake("").message()).isEqualTo("the file is empty");
        assertThat(mistake("# nothing yet\n").message()).isEqualTo("the file holds only comments");
        RouteFileProblem second = mistake("- route: {}\n---\n- route: {}\n");
        assertThat(second.message()).isEqualTo("a second YAML document: a route file is one document");
        assertThat(second.line()).isEqualTo(2);
    }

    @Test
    void aGoodFileIsRead() throws RouteFileException {
        RouteFileText text = RouteFileText.of(FILE, """
                - templatedRoute:
                    routeTemplateRef: json-over-http
                    parameters:
                      - { name: accountHint, value: "a handle: like this" }
                """);

        assertThat(text.location()).isEqualTo(FILE);
        assertThat(text.atKey("parameters", "here", null).line()).isEqualTo(3);
    }

    private static RouteFileProblem mistake(String yaml) {
        RouteFileException refused =
                (RouteFileException) org.assertj.core.api.Assertions.catchThrowable(() -> RouteFileText.of(FILE, yaml));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.problems()).hasSize(1);
        return refused.problems().get(0);
    }

    @Test
    void theParsersOwnWordsStayForAMistakeWithoutWordsOfItsOwn() {
        assertThatThrownBy(() -> RouteFileText.of(FILE, "- &a x\n- *b\n"))
                .isInstanceOf(RouteFileException.class)
                .satisfies(refused -> assertThat(
                                ((RouteFileException) refused).problems().get(0).line())
                        .isEqualTo(2));
    }
}
