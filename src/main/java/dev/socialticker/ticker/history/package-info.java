/**
 * Every source's history of counts (raw, hourly, daily), its growth and milestones.
 *
 * <p><b>Listens to</b> {@code SourceChanged} on the hub (route {@code history-record}: records the
 * count). <b>Publishes</b> {@code HistoryChanged} (a reading, a backfill, a compaction, the fleet's
 * copy read again) and {@code MilestoneReached} (once per milestone and source, once for a fleet).
 */
package dev.socialticker.ticker.history;
