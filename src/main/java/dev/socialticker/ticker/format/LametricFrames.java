package dev.socialticker.ticker.format;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

/**
 * What LaMetric Time's "My Data (DIY)" app polls (HTTP Poll, data format "Predefined (LaMetric
 * Format)"): the count as text, a goal frame toward the next milestone, a spike chart of recent days.
 *
 * <p>Checked against LaMetric's help article "My Data DIY" (help.lametric.com, solutions article
 * 6000225467): the body is {@code {"frames": [frame, …]}} with 1 to 20 frames shown one by one; a
 * frame has an optional {@code icon} (an icon id from developer.lametric.com/icons, or a
 * {@code data:image/png;base64,…} 8×8 image), {@code text} (scrolls when too long), an optional
 * {@code duration}, and for a goal frame {@code goalData} with the integers {@code start},
 * {@code current} and {@code end}, for a spike-chart frame {@code chartData}, an array of integers
 * scaled by the device. That article lists no {@code unit} in {@code goalData}, so none is sent.
 * Integrations prefix icon ids with {@code i} (static) or {@code a} (animated), e.g. {@code i3389}.
 */
public record LametricFrames(List<Frame> frames) {

    /** The most points a chart frame shows: two weeks and today. */
    public static final int CHART_DAYS = 15;

    /** One screen of the device; unused keys are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Frame(String text, String icon, GoalData goalData, List<Long> chartData) {}

    /** A progress bar from {@code start} to {@code end}, at {@code current}. */
    public record GoalData(long start, long current, long end) {}

    /**
     * The frames of {@code reading}: its whole count ({@code 12,345}, or {@code no data}) with the
     * icon; then, with a count, the goal toward the next milestone when there is one and the last
     * days' counts when there are at least two.
     *
     * @param icon a LaMetric icon id ({@code i3389}); null or blank for none
     */
    public static LametricFrames of(Reading reading, String icon) {
        String shownIcon = icon == null || icon.isBlank() ? null : icon;
        List<Frame> frames = new ArrayList<>();
        if (reading.count() == null) {
            frames.add(new Frame("no data", shownIcon, null, null));
            return new LametricFrames(List.copyOf(frames));
        }
        frames.add(new Frame(CompactNumber.grouped(reading.count()), shownIcon, null, null));
        if (reading.nextMilestone() != null) {
            frames.add(new Frame(
                    null,
                    shownIcon,
                    new GoalData(reading.previousMilestone(), reading.count(), reading.nextMilestone()),
                    null));
        }
        List<Long> days = reading.lastDays(CHART_DAYS);
        if (days.size() >= 2) {
            frames.add(new Frame(null, null, null, days));
        }
        return new LametricFrames(List.copyOf(frames));
    }
}
