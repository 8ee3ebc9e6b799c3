package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class BadgeSvgTest {
    /** The rendered example docs/api.md and the README show; rewrite with -Dbadge.example.write=true. */
    static final Path EXAMPLE = Path.of("docs/images/badge-example.svg");

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static int width(String svg) throws Exception {
        return Integer.parseInt(parse(svg).getDocumentElement().getAttribute("width"));
    }

    @Test
    void isAnSvgDocumentWithATitleAndALabelForScreenReaders() throws Exception {
        String svg = BadgeSvg.of(Readings.fresh(), "followers", "acme");

        Document document = parse(svg);
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("followers: 12.3k");
        assertThat(document.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("followers: 12,345 (acme)");
        assertThat(root.getAttribute("height")).isEqualTo("20");
    }

    @Test
    void growsWithTheLengthOfTheNumber() throws Exception {
        List<Integer> widths = List.of(
                width(BadgeSvg.of(Readings.of(7, CountState.FRESH), "followers", null)),
                width(BadgeSvg.of(Readings.of(999, CountState.FRESH), "followers", null)),
                width(BadgeSvg.of(Readings.of(12_345, CountState.FRESH), "followers", null)),
                width(BadgeSvg.of(Readings.of(2_480_000, CountState.FRESH), "followers", null)));

        assertThat(widths).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
        // Verdana's digits are 0.636 em: 7 px at 11 px, so "7" and "999" differ by 14 px.
        assertThat(widths.get(1) - widths.get(0)).isEqualTo(14);
        // The label: "followers" is about 49 px, and 10 px of padding.
        assertThat(BadgeSvg.sectionWidth("followers")).isBetween(55, 62);
    }

    @ParameterizedTest
    @EnumSource(CountState.class)
    void coloursEachStateDarkEnoughForWhiteText(CountState state) throws Exception {
        Reading reading = state == CountState.NO_COUNT ? Reading.none() : Readings.of(12_345, state);
        String svg = BadgeSvg.of(reading, "followers", null);

        assertThat(svg).contains("fill=\"" + BadgeSvg.colour(state) + "\"");
        assertThat(contrastWithWhite(BadgeSvg.colour(state)))
                .as("WCAG AA for normal text")
                .isGreaterThanOrEqualTo(4.5);
        assertThat(contrastWithWhite(BadgeSvg.LABEL_COLOUR)).isGreaterThanOrEqualTo(4.5);
        parse(svg);
    }

    @Test
    void saysNoDataAndHowStaleItIsInTheTitle() throws Exception {
        assertThat(parse(BadgeSvg.of(Reading.none(), "followers", null))
                        .getElementsByTagNameNS("*", "title")
                        .item(0)
                        .getTextContent())
                .isEqualTo("followers: no data");
        assertThat(BadgeSvg.of(Readings.of(12_345, CountState.STALE), "followers", null))
                .contains("<title>followers: 12,345, not updated recently</title>")
                .contains(">12.3k</text>");
    }

    @Test
    void escapesWhatItShows() throws Exception {
        String svg = BadgeSvg.of(Readings.fresh(), "<fans & \"friends\">", "a&b");

        Document document = parse(svg);
        assertThat(document.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("<fans & \"friends\">: 12,345 (a&b)");
    }

    /** The example kept in the docs is what the badge draws today. */
    @Test
    void theKeptExampleIsCurrent() throws Exception {
        String svg = BadgeSvg.of(Readings.fresh(), "followers", "acme") + "\n";
        if (Boolean.getBoolean("badge.example.write")) {
            Files.createDirectories(EXAMPLE.getParent());
            Files.writeString(EXAMPLE, svg);
        }
        assertThat(EXAMPLE)
                .as("rewrite with ./mvnw test -Dtest=BadgeSvgTest -Dbadge.example.write=true")
                .hasContent(svg);
    }

    /** WCAG 2's contrast ratio of a colour #RRGGBB with white. */
    static double contrastWithWhite(String hex) {
        double luminance = 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(String hex, int at) {
        double c = Integer.parseInt(hex.substring(at, at + 2), 16) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
