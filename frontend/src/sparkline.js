// The 30-day sparkline's data and drawing: the history answer read into points, today's point
// kept level with the count on screen, and the SVG path through them. Pure: no DOM, no clock.

import { formatCount } from './format.js';

/** How many days the sparkline covers, up to today. */
export const SPARKLINE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * @typedef {{t: number, count: number}} Point epoch milliseconds and the count then
 */

/** The start (00:00 UTC) of the day that holds `ms`. */
export function dayStart(ms) {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

/**
 * The history query's `from` for the sparkline: the date SPARKLINE_DAYS days before today (UTC),
 * as a date, so the URL stays the same all day long and the browser's cache can revalidate it.
 * @param {number} nowMs the service's time
 */
export function sparklineFrom(nowMs) {
  return new Date(dayStart(nowMs) - SPARKLINE_DAYS * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The points of a history answer (`{"points": [{"at", "count", …}]}`) in time order; anything
 * unreadable is left out. Null when the answer is not a history at all.
 * @param {unknown} body
 * @returns {Point[]|null}
 */
export function historyPoints(body) {
  if (body === null || typeof body !== 'object' || !Array.isArray(/** @type {any} */ (body).points)) return null;
  return /** @type {any} */ (body).points
    .map((point) => ({ t: Date.parse(point?.at), count: point?.count }))
    .filter((point) => Number.isFinite(point.t) && Number.isSafeInteger(point.count) && point.count >= 0)
    .sort((a, b) => a.t - b.t);
}

/**
 * The points with today's (the last day's count so far) set to the count on screen: the history is
 * fetched every few minutes, the count every few seconds, and the line must end where the number is.
 * @param {Point[]} points day points (each at its day's 00:00 UTC)
 * @param {number|null} total the count shown, or null
 * @param {number} nowMs the service's time
 * @returns {Point[]}
 */
export function withLiveCount(points, total, nowMs) {
  if (!Number.isSafeInteger(total)) return points;
  const today = dayStart(nowMs);
  const last = points[points.length - 1];
  if (last && last.t > today) return points;
  if (last && last.t === today) return [...points.slice(0, -1), { t: today, count: total }];
  return [...points, { t: today, count: total }];
}

/**
 * The line (and the area under it) through `points` in a `width` × `height` box, x by time and y by
 * count; `inset` keeps the stroke off the top and bottom edges. The x range is `domain` (the 30 days)
 * when given, else the points' own; the y range is the points' lowest to highest count, so a small
 * change on a large count still shows. A single point or a flat history is a level line across the
 * middle. Coordinates are rounded to 0.01. Null without points.
 * @param {Point[]} points in time order
 * @param {{width: number, height: number, inset?: number, domain?: [number, number]}} box
 * @returns {{line: string, area: string}|null}
 */
export function sparklinePath(points, { width, height, inset = 2, domain }) {
  if (!points.length) return null;
  const [t0, t1] = domain ?? [points[0].t, points[points.length - 1].t];
  const counts = points.map((point) => point.count);
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  const x = (t) => (t1 > t0 ? ((t - t0) / (t1 - t0)) * width : width);
  // Counts are safe integers, so `count - low` is exact however large the count.
  const y = (count) => (high > low ? height - inset - ((count - low) / (high - low)) * (height - 2 * inset) : height / 2);
  const round = (value) => String(Math.round(value * 100) / 100);
  const coordinates = points.length === 1
    ? [[0, y(points[0].count)], [width, y(points[0].count)]]
    : points.map((point) => [x(point.t), y(point.count)]);
  const line = coordinates.map(([px, py], i) => `${i ? 'L' : 'M'}${round(px)},${round(py)}`).join('');
  const first = coordinates[0][0];
  const last = coordinates[coordinates.length - 1][0];
  return { line, area: `${line}L${round(last)},${round(height)}L${round(first)},${round(height)}Z` };
}

/**
 * What a screen reader hears for the sparkline: "Followers over the last 30 days: from 11,900 to
 * 12,345". A history shorter than the window says how many days it covers; the line of only some of
 * the sources (`partial`) says how many: "Followers of 1 of 2 sources over …".
 * @param {Point[]} points in time order, at least one
 * @param {{locale?: string, label?: string, nowMs: number, partial?: {covered: number, of: number}|null}} options
 */
export function sparklineLabel(points, { locale, label = 'followers', nowMs, partial = null }) {
  const days = Math.min(SPARKLINE_DAYS, Math.round((dayStart(nowMs) - dayStart(points[0].t)) / DAY_MS));
  const span = days >= SPARKLINE_DAYS ? `the last ${SPARKLINE_DAYS} days`
    : days <= 1 ? (days === 1 ? 'the last day' : 'today') : `the last ${days} days`;
  const count = (value) => formatCount(value, { locale, format: 'full' });
  const name = label ? label.charAt(0).toUpperCase() + label.slice(1) : 'Count';
  const of = partial ? ` of ${count(partial.covered)} of ${count(partial.of)} sources` : '';
  return `${name}${of} over ${span}: from ${count(points[0].count)} to ${count(points[points.length - 1].count)}`;
}
