/**
 * Every source's history of counts (raw, hourly, daily), its growth and milestones.
 *
 * <p><b>Listens to</b> {@code SourceChanged} on the hub (route {@code history-record}: records the
 * count). <b>Publishes</b> {@code SourceReported} (every change, once, with the facts of its count:
 * growth, next milestone, recent days), {@code HistoryChanged} (a backfill, a compaction, the fleet's
 * copy read again: the new facts) and {@code MilestoneReached} (once per milestone and source, once
 * for a fleet). Only this package uses {@code HistoryBook}; a request for a range of history or a
 * backfill asks {@code HistoryArchive}.
 */
package dev.socialticker.ticker.history;
