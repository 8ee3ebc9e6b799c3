package dev.socialticker.ticker.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BadgeSvgTest {
    /** The rendered example docs/api.md and the README show; rewrite with -Dbadge.example.write=true. */
    static final Path EXAMPLE = Path.of("docs/images/badge-example.svg");
    /** badge-maker's badges for the same texts, kept and checked by frontend/test/unit/badge-maker.test.js. */
    static final Path BADGE_MAKER = Path.of("src/test/resources/badge-maker/badges.json");

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
                width(BadgeSvg.of(Readings.of(1_234_567, CountState.FRESH), "followers", null)));

        assertThat(widths).isSortedAccordingTo(Integer::compare).doesNotHaveDuplicates();
        // Verdana's digits are all 6.99 px at 11 px: "7" measures 6 px, made odd 7; "999" 20, made odd 21.
        assertThat(widths.get(1) - widths.get(0)).isEqualTo(14);
    }

    /** Issue 35 measured badge-maker's followers | 16.6k at 100 px, and this badge at 102. */
    @Test
    void isAsWideAsBadgeMakersForTheSameTexts() throws Exception {
        assertThat(width(BadgeSvg.of(Readings.of(16_649, CountState.FRESH), "followers", null)))
                .isEqualTo(100);
    }

    /**
     * badge-maker's flat badges for the texts the service draws, as badge-maker 6 renders them
     * (src/test/resources/badge-maker/badges.json, which frontend/test/unit/badge-maker.test.js
     * checks against the npm package): the same width, sections, text centres and text lengths.
     */
    @ParameterizedTest(name = "{0} | {1}")
    @MethodSource("badgeMakers")
    void isLaidOutAsBadgeMakerLaysOutTheSameTexts(String label, String message, JsonNode badgeMaker) throws Exception {
        Document ours = parse(BadgeSvg.draw(label, message, "#2E7D32", ""));

        assertThat(geometry(ours))
                .isEqualTo(Map.of(
                        "width", badgeMaker.path("width").asInt(),
                        "labelWidth", badgeMaker.path("labelWidth").asInt(),
                        "messageWidth", badgeMaker.path("messageWidth").asInt(),
                        "labelX", badgeMaker.path("labelX").asInt(),
                        "labelTextLength", badgeMaker.path("labelTextLength").asInt(),
                        "messageX", badgeMaker.path("messageX").asInt(),
                        "messageTextLength",
                                badgeMaker.path("messageTextLength").asInt()));
    }

    /** The kept badges hold every kind of text the service draws, so the comparison above covers them. */
    @Test
    void badgeMakersTextsAreTheOnesTheServiceDraws() throws Exception {
        Set<String> messages = new HashSet<>();
        badgeMakers().forEach(arguments -> messages.add((String) arguments.get()[1]));
        for (long count : new long[] {0, 7, 42, 999, 1_000, 1_200, 9_999, 12_345, 123_456, 1_234_567, Long.MAX_VALUE}) {
            assertThat(messages).contains(CompactNumber.compact(count));
        }
        assertThat(messages).contains("no data", "not found", "invalid id", "invalid name");
        assertThat(BadgeSvg.of(Reading.none(), "followers", null)).contains(">no data</text>");
    }

    static Stream<Arguments> badgeMakers() throws Exception {
        JsonNode kept = new ObjectMapper().readTree(Files.readString(BADGE_MAKER));
        assertThat(kept.path("style").asText()).isEqualTo("flat");
        return StreamSupport.stream(kept.path("badges").spliterator(), false)
                .map(badge -> Arguments.of(
                        badge.path("label").asText(), badge.path("message").asText(), badge));
    }

    /** A badge's width, its two sections' and each text's centre and length (×10, as drawn). */
    static Map<String, Integer> geometry(Document svg) {
        NodeList rects = svg.getElementsByTagNameNS("*", "rect");
        // The first rect is the clip path's; then the label's section and the count's.
        Element label = (Element) rects.item(1);
        Element message = (Element) rects.item(2);
        List<Element> texts = new ArrayList<>();
        NodeList all = svg.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < all.getLength(); i++) {
            Element text = (Element) all.item(i);
            if (!text.hasAttribute("aria-hidden")) {
                texts.add(text);
            }
        }
        assertThat(texts).hasSize(2);
        assertThat(message.getAttribute("x")).isEqualTo(label.getAttribute("width"));
        return Map.of(
                "width", Integer.parseInt(svg.getDocumentElement().getAttribute("width")),
                "labelWidth", Integer.parseInt(label.getAttribute("width")),
                "messageWidth", Integer.parseInt(message.getAttribute("width")),
                "labelX", Integer.parseInt(texts.get(0).getAttribute("x")),
                "labelTextLength", Integer.parseInt(texts.get(0).getAttribute("textLength")),
                "messageX", Integer.parseInt(texts.get(1).getAttribute("x")),
                "messageTextLength", Integer.parseInt(texts.get(1).getAttribute("textLength")));
    }

    @Test
    void measuresAsBadgeMakersTableDoes() {
        // Verdana's digits, from the table: 6.99 px each.
        assertThat(BadgeTextWidth.of("0123456789")).isCloseTo(69.9, within(1e-9));
        // Control characters are 0 wide; a code point the table lacks (private use) is as wide as m.
        assertThat(BadgeTextWidth.of("a\tb")).isEqualTo(BadgeTextWidth.of("ab"));
        assertThat(BadgeTextWidth.of("\uE000")).isEqualTo(BadgeTextWidth.of("m"));
        // Cut to whole pixels and made odd: 20.97 is 21, 13.98 is 13, 6.99 is 7; no text is 0.
        assertThat(BadgeTextWidth.preferred("999")).isEqualTo(21);
        assertThat(BadgeTextWidth.preferred("99")).isEqualTo(13);
        assertThat(BadgeTextWidth.preferred("9")).isEqualTo(7);
        assertThat(BadgeTextWidth.preferred("")).isZero();
    }

    @Test
    void trimsItsTextsAsBadgeMakerDoes() {
        assertThat(BadgeSvg.trimmed("\u00a0 followers\t\n\uFEFF")).isEqualTo("followers");
        assertThat(BadgeSvg.trimmed("a b")).isEqualTo("a b");
        assertThat(BadgeSvg.trimmed(" \u3000")).isEmpty();
    }

    @Test
    void aRefusedRequestHasABadgeSayingWhy() throws Exception {
        String svg = BadgeSvg.refused("followers", "not found", "No source has the id 'nobody'");

        Document document = parse(svg);
        assertThat(document.getDocumentElement().getAttribute("aria-label")).isEqualTo("followers: not found");
        assertThat(document.getElementsByTagNameNS("*", "title").item(0).getTextContent())
                .isEqualTo("followers: not found. No source has the id 'nobody'");
        assertThat(svg).contains("fill=\"" + BadgeSvg.colour(CountState.NO_COUNT) + "\"");
        assertThat(width(svg)).isEqualTo(122);
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
