package dev.socialticker.ticker.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A history's document in the state repository: JSON, each resolution one flat array of numbers,
 * each number the difference from the one before it (keys and counts), so a year of a source costs
 * a few kilobytes. Days also carry how far their lowest and highest counts lay from their last one.
 *
 * <pre>{"version":1,"celebrated":10000,"liveSinceDay":20400,
 *  "raw":[second,count, Δsecond,Δcount, …],"hour":[hour,count, Δhour,Δcount, …],
 *  "day":[day,count,count-min,max-count, Δday,Δcount,count-min,max-count, …]}</pre>
 */
final class HistoryCodec {
    static final int VERSION = 1;
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper READER = new ObjectMapper();

    private HistoryCodec() {}

    static byte[] encode(SourceHistory history) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        synchronized (history) {
            try (JsonGenerator json = FACTORY.createGenerator(out)) {
                json.writeStartObject();
                json.writeNumberField("version", VERSION);
                json.writeNumberField("celebrated", history.celebrated);
                if (history.liveSinceDay != Long.MAX_VALUE) {
                    json.writeNumberField("liveSinceDay", history.liveSinceDay);
                }
                writeSeries(json, "raw", history.raw, false);
                writeSeries(json, "hour", history.hours, false);
                writeSeries(json, "day", history.days, true);
                json.writeEndObject();
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
        }
        return out.toByteArray();
    }

    private static void writeSeries(JsonGenerator json, String name, Series series, boolean withRange)
            throws IOException {
        json.writeArrayFieldStart(name);
        long key = 0;
        long count = 0;
        for (int i = 0; i < series.size(); i++) {
            json.writeNumber(series.key(i) - key);
            json.writeNumber(series.last(i) - count);
            key = series.key(i);
            count = series.last(i);
            if (withRange) {
                json.writeNumber(count - series.min(i));
                json.writeNumber(series.max(i) - count);
            }
        }
        json.writeEndArray();
    }

    /**
     * Reads a document.
     *
     * @throws IOException when it is not a history this version can read
     */
    static SourceHistory decode(byte[] document) throws IOException {
        JsonNode root = READER.readTree(document);
        if (root == null || !root.isObject()) {
            throw new IOException("not a JSON object");
        }
        if (root.path("version").asInt() != VERSION) {
            throw new IOException("version " + root.path("version") + ", this service reads " + VERSION);
        }
        SourceHistory history = new SourceHistory();
        history.celebrated = root.path("celebrated").asLong(0);
        if (history.celebrated < 0) {
            throw new IOException("\"celebrated\" is negative");
        }
        history.liveSinceDay = root.path("liveSinceDay").asLong(Long.MAX_VALUE);
        readSeries(root, "raw", history.raw, false);
        readSeries(root, "hour", history.hours, false);
        readSeries(root, "day", history.days, true);
        return history;
    }

    private static void readSeries(JsonNode root, String name, Series series, boolean withRange) throws IOException {
        JsonNode numbers = root.path(name);
        if (!numbers.isArray()) {
            throw new IOException("\"" + name + "\" is not an array");
        }
        int width = withRange ? 4 : 2;
        if (numbers.size() % width != 0) {
            throw new IOException("\"" + name + "\" holds " + numbers.size() + " numbers, not a multiple of " + width);
        }
        long key = 0;
        long count = 0;
        for (int i = 0; i < numbers.size(); i += width) {
            long keyStep = number(numbers, i, name);
            if (i > 0 && keyStep <= 0) {
                throw new IOException("\"" + name + "\" is not in ascending order at " + i);
            }
            key += keyStep;
            count += number(numbers, i + 1, name);
            long below = withRange ? number(numbers, i + 2, name) : 0;
            long above = withRange ? number(numbers, i + 3, name) : 0;
            if (count < 0 || below < 0 || above < 0 || below > count) {
                throw new IOException("\"" + name + "\" holds an impossible count at " + i);
            }
            series.append(key, count, count - below, count + above);
        }
    }

    private static long number(JsonNode numbers, int index, String name) throws IOException {
        JsonNode number = numbers.get(index);
        if (!number.isIntegralNumber() || !number.canConvertToLong()) {
            throw new IOException("\"" + name + "\" holds " + number + " at " + index + ", not a whole number");
        }
        return number.asLong();
    }
}
