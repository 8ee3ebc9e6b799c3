/**
 * The count in the shapes the places where tickers live read: the contract's JSON documents, made
 * by {@link dev.socialticker.ticker.format.MetricsDocuments} from sources' states and their
 * history's facts, and every other format, pure functions of one {@link
 * dev.socialticker.ticker.format.Reading} (a source's or a sum's count, profile, state, milestones
 * and recent daily counts), with no Spring, no Camel and no I/O but the badge's width table, read
 * from the jar once, so the API (which renders them ahead of reads) and the push outputs (which
 * render what they send with them) build the same bytes.
 *
 * <p>The stable public API:
 *
 * <ul>
 *   <li>{@link dev.socialticker.ticker.format.Reading} and {@link
 *       dev.socialticker.ticker.format.CountState}: what every builder reads;
 *   <li>{@link dev.socialticker.ticker.format.CompactNumber}: {@code 12.3k}, {@code 12,345};
 *   <li>{@link dev.socialticker.ticker.format.ShieldsEndpoint#of}: shields.io's endpoint-badge JSON;
 *   <li>{@link dev.socialticker.ticker.format.LametricFrames#of}: LaMetric "My Data (DIY)" frames;
 *   <li>{@link dev.socialticker.ticker.format.AwtrixApp#of}: an AWTRIX 3 custom app;
 *   <li>{@link dev.socialticker.ticker.format.BadgeSvg#of}: a flat SVG badge.
 * </ul>
 *
 * The JSON builders return records that Jackson writes in the published field names (absent fields
 * are left out, as the devices treat a missing key as "not used").
 */
package dev.socialticker.ticker.format;
