// What the status console (/status) does with /api/status's rows, with no DOM: which rows a filter
// keeps and the order a column sorts them in. Pure, unit-tested (test/unit/status-table.test.js).

/** The worst first: what an operator looks at when sorting by state. */
const STATE_ORDER = Object.freeze({ failing: 0, 'no-data': 1, stale: 2, live: 3 });

/**
 * The columns one can sort by: each a key of a row, read so that a missing value sorts last
 * whichever way.
 */
export const SORTS = Object.freeze({
  id: (row) => row.id,
  provider: (row) => row.provider,
  state: (row) => STATE_ORDER[row.state] ?? 4,
  total: (row) => row.total,
  refreshedAt: (row) => (row.refreshedAt ? Date.parse(row.refreshedAt) : null),
  nextAttemptAt: (row) => (row.nextAttemptAt ? Date.parse(row.nextAttemptAt) : null),
  error: (row) => row.error?.code ?? null,
  quota: (row) => row.quotaUsedPercent,
});

/**
 * The rows a reader asked for: only the failing ones (a failing refresh, or no data yet) when
 * `failingOnly`, and those whose id, profile or provider contains `text` (any case).
 * @param {Array<{id: string, provider: string, profile?: string|null, state: string}>} rows
 * @param {{failingOnly?: boolean, text?: string}} filter
 */
export function filterRows(rows, { failingOnly = false, text = '' } = {}) {
  const wanted = text.trim().toLowerCase();
  return rows.filter((row) => (!failingOnly || row.state === 'failing' || row.state === 'no-data')
    && (!wanted || [row.id, row.profile, row.provider].some((value) => String(value ?? '').toLowerCase().includes(wanted))));
}

/**
 * The rows in a column's order, ascending or descending; rows without a value last either way, and
 * equal ones in their configured order (the sort is stable).
 * @param {object[]} rows
 * @param {string} column a key of SORTS (anything else keeps the configured order)
 * @param {'ascending'|'descending'} direction
 */
export function sortRows(rows, column, direction = 'ascending') {
  const key = SORTS[column];
  if (!key) return [...rows];
  const sign = direction === 'descending' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    const missingX = x === null || x === undefined;
    const missingY = y === null || y === undefined;
    if (missingX || missingY) return missingX === missingY ? 0 : missingX ? 1 : -1;
    return sign * (typeof x === 'string' ? x.localeCompare(y) : x - y);
  });
}

/**
 * How many rows are in each state: the console's summary line.
 * @param {Array<{state: string}>} rows
 */
export function countStates(rows) {
  const counts = { failing: 0, 'no-data': 0, stale: 0, live: 0 };
  for (const { state } of rows) if (state in counts) counts[state] += 1;
  return counts;
}

/**
 * An output's or an alert channel's last delivery and why it last failed, as the console writes them:
 * a refused file's reason; a failure's code, message, attempts and time; nothing when it never failed.
 * @param {{state: string, lastDeliveredAt?: string|null, lastDelivered?: string|null, reason?: string|null,
 *   lastFailure?: {code: string, message: string, attempts: number, at: string}|null}} destination
 * @param {(at: string) => string} when how a time reads
 * @returns {{last: string, why: string}}
 */
export function deliveryText(destination, when) {
  const failure = destination.lastFailure;
  const last = destination.lastDeliveredAt ? `${when(destination.lastDeliveredAt)} (${destination.lastDelivered})` : '—';
  if (destination.state === 'refused') return { last, why: destination.reason ?? '' };
  if (!failure) return { last, why: '' };
  const attempts = `${failure.attempts} attempt${failure.attempts === 1 ? '' : 's'}`;
  return { last, why: `${failure.code}: ${failure.message} (${attempts}, ${when(failure.at)})` };
}

/**
 * In the shared mode one instance of the fleet delivers to the outputs and one sends the alerts: what
 * the console says under a kind's table when the instance answering is not that one. Null alone, or
 * when the instance answering delivers them.
 * @param {{members?: {instance: string, host: string, answering: boolean, delivers?: string[]}[]}|null} fleet
 * @param {'outputs'|'alertChannels'} field the kind, as /api/status names it
 * @returns {string|null}
 */
export function deliveredElsewhere(fleet, field) {
  if (!fleet) return null;
  const by = (fleet.members ?? []).find((member) => (member.delivers ?? []).includes(field));
  if (by?.answering) return null;
  if (!by) return 'No instance of the fleet delivers them at this moment: the next change or tick takes the turn. The records below are this instance\'s own.';
  return `Instance ${by.instance.slice(0, 8)} on ${by.host} delivers them now: the records below are this instance's own, `
    + 'from when it last did. That instance\'s console shows the current ones.';
}

/**
 * How many rows the console draws before "Show more": Chromium lays a table of 2,000 sources out in
 * 0.3–0.6 s at every sort or filter (measured: src/test/bench/pages.sh), 250 in a fraction of that.
 * Sorting and filtering still take every source: only the drawing stops.
 */
export const ROWS_AT_ONCE = 250;

/**
 * The rows drawn, the first `limit` of those a reader asked for, and how many more there are.
 * @template T
 * @param {T[]} rows sorted and filtered
 * @param {number} limit
 * @returns {{drawn: T[], more: number}}
 */
export function firstRows(rows, limit) {
  return { drawn: rows.slice(0, Math.max(0, limit)), more: Math.max(0, rows.length - Math.max(0, limit)) };
}
