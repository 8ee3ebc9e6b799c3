// What the charts page shows, computed from the service's history API, with no DOM: the ranges and
// the query each asks, the columns a time-series chart draws, the gains per day, week or month, the milestones
// crossed. Pure, so each rule is unit-tested (test/unit/chart-data.test.js).

const DAY_MS = 86_400_000;

/**
 * The ranges a reader picks. Hourly points where there are few enough to read (the service keeps
 * them 90 days); daily beyond. The gains are bars per day up to 90 days, per week over a year and per
 * month over all: 365 or 3,650 daily bars would be thinner than a pixel, a solid block. "all" is the longest span one daily request may ask: 13 years
 * (4,749 days), under the service's default `ticker.history.max-points` of 5,000.
 */
export const RANGES = Object.freeze({
  '7d': Object.freeze({ label: '7 days', days: 7, step: 'hour', gains: 'day' }),
  '30d': Object.freeze({ label: '30 days', days: 30, step: 'hour', gains: 'day' }),
  '90d': Object.freeze({ label: '90 days', days: 90, step: 'day', gains: 'day' }),
  '1y': Object.freeze({ label: '1 year', days: 365, step: 'day', gains: 'week' }),
  all: Object.freeze({ label: 'All', days: 4_749, step: 'day', gains: 'month' }),
});

/** The range shown first and whenever the address names none the page knows. */
export const DEFAULT_RANGE = '30d';

/** The UTC date (YYYY-MM-DD) of an instant in ms. */
export function utcDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The history query of a range at `nowMs`: its step and its first day, as a date, so the address
 * stays the same all day and a cache can keep the answer (the service defaults `to` to now).
 * @param {string} range a key of RANGES (anything else is the default)
 * @param {number} nowMs
 * @returns {{step: 'hour'|'day', from: string}}
 */
export function rangeQuery(range, nowMs) {
  const { days, step } = RANGES[range] ?? RANGES[DEFAULT_RANGE];
  return { step, from: utcDate(nowMs - (days - 1) * DAY_MS) };
}

/**
 * The service's address from one of its metrics addresses, with any path prefix it is mounted at
 * kept: `https://host/ticker/api/tickers/lobby` → `https://host/ticker/`. The page's own is its
 * origin's `/`; an embedded chart's is its `src`'s.
 * @param {string|URL} metricsUrl
 */
export function serviceBase(metricsUrl) {
  const url = new URL(metricsUrl);
  const api = url.pathname.lastIndexOf('/api/');
  return new URL(`${api >= 0 ? url.pathname.slice(0, api) : ''}/`, url);
}

/**
 * One source's history address.
 * @param {URL} base the service's address, ending in / (the page's origin, or serviceBase's)
 * @param {string} id the source's id
 * @param {{step: string, from: string}} query rangeQuery's
 * @param {string} [format] 'csv' for the download; JSON otherwise
 */
export function historyUrl(base, id, query, format) {
  return withQuery(new URL(`api/metrics/${encodeURIComponent(id)}/history`, base), query, format);
}

/**
 * The history of what a metrics address answers, as one line: `/api/metrics` → every source's sum,
 * `/api/metrics/{id}` → the source's own, `/api/tickers/{name}` → the ticker's sum. The body's own
 * address plus `/history`, so a ticker of any number of sources fits in it (a list of their ids in
 * the query would not, past a few hundred).
 * @param {string|URL} metricsUrl the body's address
 * @param {{step: string, from: string}} query rangeQuery's
 * @param {string} [format] 'csv' for the download; JSON otherwise
 */
export function bodyHistoryUrl(metricsUrl, query, format) {
  const url = new URL(metricsUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/history`;
  url.search = '';
  return withQuery(url, query, format);
}

function withQuery(url, { step, from }, format) {
  url.searchParams.set('step', step);
  url.searchParams.set('from', from);
  if (format) url.searchParams.set('format', format);
  return url;
}

/**
 * The points of a history answer that are usable, oldest first: `{at, count}` with a finite
 * count and a readable time; anything else (an older or a foreign answer) is left out, never drawn
 * as zero.
 * @param {unknown} body the parsed JSON
 * @returns {{ms: number, count: number}[]}
 */
export function pointsOf(body) {
  const points = body && typeof body === 'object' && 'points' in body && Array.isArray(body.points) ? body.points : [];
  return points
    .map((point) => ({ ms: Date.parse(point?.at), count: point?.count }))
    .filter(({ ms, count }) => Number.isFinite(ms) && Number.isFinite(count))
    .sort((a, b) => a.ms - b.ms);
}

/**
 * The columns a time-series chart draws: times in seconds (uPlot's unit) and counts.
 * @param {{ms: number, count: number}[]} points
 * @returns {[number[], number[]]}
 */
export function countColumns(points) {
  return [points.map(({ ms }) => ms / 1000), points.map(({ count }) => count)];
}

/** How gains are bucketed: the start (UTC, in ms) of the day, the ISO week (from Monday) or the month of an instant. */
const PERIOD_START = Object.freeze({
  day: (ms) => Math.floor(ms / DAY_MS) * DAY_MS,
  // 1970-01-01 was a Thursday: days since then, shifted to count from Monday, floored to 7.
  week: (ms) => (Math.floor((Math.floor(ms / DAY_MS) + 3) / 7) * 7 - 3) * DAY_MS,
  month: (ms) => {
    const date = new Date(ms);
    return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  },
});

/**
 * The gain of each UTC day (or ISO week, or month): its last count less the period before's last
 * count. The first period shown has no period before it in the range, so no bar; a period with no
 * reading has none either (its gain lands on the next that has one, as the counts say).
 * @param {{ms: number, count: number}[]} points hourly or daily, oldest first
 * @param {'day'|'week'|'month'} [period]
 * @returns {{ms: number, gain: number}[]} one per period after the first, at the period's start
 */
export function periodGains(points, period = 'day') {
  const start = PERIOD_START[period] ?? PERIOD_START.day;
  const lastOf = new Map();
  for (const { ms, count } of points) lastOf.set(start(ms), count);
  const periods = [...lastOf.entries()].sort(([a], [b]) => a - b);
  return periods.slice(1).map(([ms, count], i) => ({ ms, gain: count - periods[i][1] }));
}

/**
 * The milestones (the service's ladder, from /api/ui-config) the count crossed within the points,
 * each once, where it first did: the first point at or above it after one below it (a count that
 * dips and passes it again is not a new milestone, as the service's milestone alert says).
 * @param {{ms: number, count: number}[]} points oldest first
 * @param {number[]} ladder the milestones, any order
 * @returns {{value: number, ms: number}[]}
 */
export function milestonesCrossed(points, ladder) {
  const rungs = [...new Set((ladder ?? []).filter(Number.isFinite))].sort((a, b) => a - b);
  const crossed = new Map();
  for (let i = 1; i < points.length; i++) {
    const before = points[i - 1].count;
    const after = points[i].count;
    for (const value of rungs) {
      if (value > before && value <= after && !crossed.has(value)) crossed.set(value, points[i].ms);
    }
  }
  return [...crossed].map(([value, ms]) => ({ value, ms }));
}

/**
 * How several sources are drawn: their sum as one line (the service's own sum), one line each
 * (compare), or stacked areas whose top is the sum (stacked).
 */
export const VIEWS = Object.freeze({
  sum: Object.freeze({ label: 'Sum' }),
  compare: Object.freeze({ label: 'Compare' }),
  stacked: Object.freeze({ label: 'Stacked' }),
});

/** The view shown first and whenever the address names none the page knows. */
export const DEFAULT_VIEW = 'sum';

/**
 * The most sources drawn one by one: each is a request of its own and a colour of its own, and past
 * eight neither the legend nor the colours can be told apart. A ticker of more shows its largest.
 */
export const MAX_SERIES = 8;

/**
 * The sources drawn one by one: the `max` largest by their count now (a source without a count is
 * smallest), in the order given (the configuration's), so the colours stay with the sources.
 * @template {{id: string, total?: number}} S
 * @param {S[]} sources
 * @param {number} [max]
 * @returns {S[]}
 */
export function seriesShown(sources, max = MAX_SERIES) {
  if (sources.length <= max) return sources;
  const size = (source) => (Number.isFinite(source.total) ? source.total : -Infinity);
  const largest = new Set([...sources].sort((a, b) => size(b) - size(a)).slice(0, max));
  return sources.filter((source) => largest.has(source));
}

/**
 * Several sources' points on one time axis, as the service sums them: at every instant any source
 * has a point, each source's latest count so far (a count carries until its next point); `null`
 * before a source's first point, which is no count rather than zero.
 * @param {{ms: number, count: number}[][]} series each oldest first
 * @returns {{times: number[], columns: (number|null)[][]}} times in ms; one column per series
 */
export function alignSeries(series) {
  const times = [...new Set(series.flatMap((points) => points.map(({ ms }) => ms)))].sort((a, b) => a - b);
  const columns = series.map((points) => {
    let next = 0;
    let latest = null;
    return times.map((ms) => {
      while (next < points.length && points[next].ms <= ms) latest = points[next++].count;
      return latest;
    });
  });
  return { times, columns };
}

/**
 * The tops of stacked columns, series by series: a positive value stacks up from the positives
 * below it, a negative one down from the negatives below it, so a day one source lost and another
 * gained draws both. `null` adds nothing. Drawn from the last series to the first, each from zero,
 * every series shows its own share.
 * @param {(number|null)[][]} columns aligned (alignSeries')
 * @returns {number[][]}
 */
export function stackColumns(columns) {
  const up = new Array(columns[0]?.length ?? 0).fill(0);
  const down = [...up];
  return columns.map((column) => column.map((value, i) => {
    if (value === null || value >= 0) return (up[i] += value ?? 0);
    return (down[i] += value);
  }));
}

/**
 * Several sources' gains on one axis of periods: each source's gain in the periods it has one
 * (periodGains'), `null` in the others.
 * @param {{ms: number, count: number}[][]} series each oldest first
 * @param {'day'|'week'|'month'} [period]
 * @returns {{times: number[], columns: (number|null)[][]}} the periods' starts in ms; one column per series
 */
export function alignGains(series, period = 'day') {
  const gains = series.map((points) => new Map(periodGains(points, period).map(({ ms, gain }) => [ms, gain])));
  const times = [...new Set(gains.flatMap((byDay) => [...byDay.keys()]))].sort((a, b) => a - b);
  return { times, columns: gains.map((byDay) => times.map((ms) => byDay.get(ms) ?? null)) };
}

/**
 * The CSV of several sources aligned: `at` (ISO-8601) and a column per source, named by its id, then
 * `total` (the sum of the counts known at that instant); an unknown count is left empty.
 * @param {string[]} ids
 * @param {{times: number[], columns: (number|null)[][]}} aligned alignSeries'
 */
export function seriesCsv(ids, { times, columns }) {
  const totals = sumOfAligned({ times, columns });
  const lines = times.map((ms, i) => [
    new Date(ms).toISOString(), ...columns.map((column) => (column[i] === null ? '' : String(column[i]))), String(totals[i].count),
  ].join(','));
  return `${['at', ...ids, 'total'].join(',')}\n${lines.map((line) => `${line}\n`).join('')}`;
}

/**
 * The sum of several sources at each instant of alignSeries' axis (an unknown count adds nothing), as
 * the service's sum answers it.
 * @param {{times: number[], columns: (number|null)[][]}} aligned
 * @returns {{ms: number, count: number}[]}
 */
export function sumOfAligned({ times, columns }) {
  return times.map((ms, i) => ({ ms, count: columns.reduce((sum, column) => sum + (column[i] ?? 0), 0) }));
}

/**
 * The milestones a view marks. They are the total's (the service's ladder is the total's): the one
 * line's crossings in the sum view, the stack's top's when the stack holds every source; none for a
 * line per source, or for a stack of only some (past MAX_SERIES), whose top is not the total.
 * @param {string} view 'sum', 'compare' or 'stacked'
 * @param {{ms: number, count: number}[][]} series the points drawn: one series for 'sum'
 * @param {boolean} everySource whether the series are all the sources
 * @param {number[]} ladder
 */
export function milestonesShown(view, series, everySource, ladder) {
  if (view === 'sum') return milestonesCrossed(series[0] ?? [], ladder);
  if (view === 'stacked' && everySource) return milestonesCrossed(sumOfAligned(alignSeries(series)), ladder);
  return [];
}
