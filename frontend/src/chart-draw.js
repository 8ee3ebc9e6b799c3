// What the charts page (charts.js) and the embeddable <social-ticker-chart> (ticker-chart.js) draw
// alike with uPlot: the colours as the theme resolves them, the axes in the reader's locale, the
// count and the gains (per day, week or month) in each view (one line, a line per source, stacked areas), milestones,
// and the same data as table rows. One module, so the page and the element cannot drift apart.
// Imports are relative: the element loads this from the service on another site's page.
import {
  alignGains, alignSeries, bodyHistoryUrl, countColumns, historyUrl, periodGains, pointsOf, stackColumns, sumOfAligned,
} from './chart-data.js';
import { displayName } from './provider-display.js';
import uPlot from './uplot.js';

const DAY_MS = 86_400_000;
/** As many series colours as chart-colours.css has (MAX_SERIES). */
const SERIES_COLOURS = 8;

/** The swatches chart-colours.css colours. */
const SWATCHES = ['line', 'fill', 'gain', 'milestone', 'ink', 'grid',
  ...Array.from({ length: SERIES_COLOURS }, (_, i) => `series-${i + 1}`)];

/**
 * Hidden swatches, one per colour, appended to `container` (the page's main, an element's shadow
 * root), where chart-colours.css colours them.
 * @param {Element|ShadowRoot} container
 */
export function addSwatches(container) {
  container.append(...SWATCHES.map((name) => {
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.dataset.swatch = name;
    swatch.setAttribute('aria-hidden', 'true');
    return swatch;
  }));
}

/**
 * Reads a colour as the theme resolves it now (a canvas takes no CSS): `colour('grid')`,
 * `colour('series-2')`.
 * @param {Document|ShadowRoot} root where addSwatches put the swatches
 * @returns {(name: string) => string}
 */
export function swatchColours(root) {
  return (name) => getComputedStyle(/** @type {HTMLElement} */ (root.querySelector(`[data-swatch="${name}"]`))).color;
}

/** The colour of the i-th source (0-based), as the legend and the lines show it. */
export function seriesColour(colour, i) {
  return colour(`series-${(i % SERIES_COLOURS) + 1}`);
}

/** `rgb(1, 2, 3)` as `rgba(1, 2, 3, alpha)`, for a fill under a line of that colour. */
function withAlpha(colour, alpha) {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(colour);
  return match ? `rgba(${match[1]}, ${match[2]}, ${match[3]}, ${alpha})` : colour;
}

/**
 * The number formats of a locale: whole numbers, compact (axes, milestones), signed (gains).
 * @param {string} [locale]
 */
export function formats(locale) {
  return {
    numbers: new Intl.NumberFormat(locale),
    compact: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }),
    signed: new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }),
  };
}

/**
 * The time axis' labels, as fine as the ticks are apart: hours within days, days within months,
 * months within years, years beyond; in the reader's locale.
 * @param {string} [locale]
 */
function timeLabels(locale) {
  return (u, splits) => {
    const apart = splits.length > 1 ? (splits[1] - splits[0]) * 1000 : DAY_MS;
    /** @type {Intl.DateTimeFormatOptions} */
    const fields = apart >= 300 * DAY_MS ? { year: 'numeric' }
      : apart >= 28 * DAY_MS ? { month: 'short', year: 'numeric' }
        : apart >= DAY_MS ? { month: 'short', day: 'numeric' }
          : { month: 'short', day: 'numeric', hour: 'numeric' };
    const format = new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'UTC' });
    return splits.map((s) => format.format(s * 1000));
  };
}

/**
 * uPlot's options for a chart filling `element`: the axes in the theme's colours and the locale, no
 * legend of uPlot's (the page and the element write their own), no zoom by dragging.
 * @param {HTMLElement} element
 * @param {{colour: (name: string) => string, locale?: string, series: object[], bands?: object[], fromZero?: boolean, plugins?: object[]}} how
 */
export function chartOptions(element, { colour, locale, series, bands = [], fromZero = false, plugins = [] }) {
  const ink = colour('ink');
  const grid = { stroke: colour('grid') };
  const { compact } = formats(locale);
  return {
    width: element.clientWidth,
    height: element.clientHeight,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    // Bars and a stack's bands are read from zero: an axis cut above it would shorten every bar and
    // hide part of the first source's share.
    scales: { x: { time: true }, ...(fromZero ? { y: { range: (u, min, max) => [Math.min(0, min), max * 1.05 || 1] } } : {}) },
    axes: [
      { stroke: ink, grid, ticks: grid, space: 90, values: timeLabels(locale) },
      { stroke: ink, grid, ticks: grid, size: 60, values: (u, splits) => splits.map((v) => compact.format(v)) },
    ],
    series: [{}, ...series],
    bands,
    plugins,
  };
}

/**
 * Draws each milestone crossed as a dashed vertical line with its value.
 * @param {(name: string) => string} colour
 * @param {Intl.NumberFormat} compact
 * @param {() => {value: number, ms: number}[]} milestones read at each draw
 */
export function milestonePlugin(colour, compact, milestones) {
  return {
    hooks: {
      draw: [(u) => {
        const { ctx } = u;
        const { top, height } = u.bbox;
        ctx.save();
        ctx.strokeStyle = colour('milestone');
        ctx.fillStyle = colour('milestone');
        ctx.setLineDash([4 * devicePixelRatio, 4 * devicePixelRatio]);
        ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
        for (const { value, ms } of milestones()) {
          const x = Math.round(u.valToPos(ms / 1000, 'x', true));
          ctx.beginPath();
          ctx.moveTo(x, top);
          ctx.lineTo(x, top + height);
          ctx.stroke();
          ctx.fillText(compact.format(value), x + 4 * devicePixelRatio, top + 14 * devicePixelRatio);
        }
        ctx.restore();
      }],
    },
  };
}

/**
 * The usable points of one history answer (pointsOf's); an answer that is no 200 is an error
 * naming its status.
 * @param {URL} url
 * @param {AbortSignal} [signal]
 */
export async function fetchPoints(url, signal) {
  const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`the history answered HTTP ${response.status}`);
  return pointsOf(await response.json());
}

/**
 * @typedef {{label: string, points: {ms: number, count: number}[]}} Series one source's points, or a sum's
 * @typedef {{data: (number|null)[][], series: object[], bands?: object[], fromZero?: boolean}} Plot uPlot's data and series
 */

/**
 * The count chart of a view. `sum` draws its one series (a source, or the service's sum) as a line
 * over a light fill; `compare` a line per series, each in its colour; `stacked` each series' band on
 * those before it (filled between them), so the top line is their sum.
 * @param {'sum'|'compare'|'stacked'} view
 * @param {Series[]} series
 * @param {(name: string) => string} colour
 * @returns {Plot}
 */
export function countPlot(view, series, colour) {
  if (view === 'sum' || series.length === 1) {
    return {
      data: countColumns(series[0]?.points ?? []),
      series: [{ label: series[0]?.label, stroke: colour('line'), fill: colour('fill'), width: 2, points: { show: false } }],
    };
  }
  const { times, columns } = alignSeries(series.map(({ points }) => points));
  const seconds = times.map((ms) => ms / 1000);
  if (view === 'compare') {
    return {
      data: [seconds, ...columns],
      series: series.map(({ label }, i) => ({ label, stroke: seriesColour(colour, i), width: 2, points: { show: false } })),
    };
  }
  return {
    data: [seconds, ...stackColumns(columns)],
    series: series.map(({ label }, i) => ({
      label, stroke: seriesColour(colour, i), fill: withAlpha(seriesColour(colour, i), 0.35), width: 1, points: { show: false },
    })),
    // uPlot fills a band's upper series down to its lower one only (series 1 down to zero).
    bands: series.slice(1).map((_, i) => ({ series: [i + 2, i + 1] })),
    fromZero: true,
  };
}

/**
 * The gains chart of a view, per day, week or month: bars of the one series' gains (`sum`); a line per source
 * (`compare`: bars side by side would be too thin to read past a few sources); stacked bars
 * (`stacked`: drawn from the last series to the first, each from zero to its stacked top, so each
 * shows its share; losses stack below zero).
 * @param {'sum'|'compare'|'stacked'} view
 * @param {Series[]} series
 * @param {(name: string) => string} colour
 * @param {'day'|'week'|'month'} [period] the range's (RANGES' `gains`)
 * @returns {Plot}
 */
export function gainsPlot(view, series, colour, period = 'day') {
  const bars = uPlot.paths.bars({ size: [0.7, 40] });
  if (view === 'sum' || series.length === 1) {
    const gains = periodGains(series[0]?.points ?? [], period);
    return {
      data: [gains.map(({ ms }) => ms / 1000), gains.map(({ gain }) => gain)],
      series: [{ label: `gain per ${period}`, stroke: colour('gain'), fill: colour('gain'), paths: bars, points: { show: false } }],
      fromZero: true,
    };
  }
  const { times, columns } = alignGains(series.map(({ points }) => points), period);
  const seconds = times.map((ms) => ms / 1000);
  if (view === 'compare') {
    return {
      data: [seconds, ...columns],
      series: series.map(({ label }, i) => ({
        label, stroke: seriesColour(colour, i), width: 1.5, points: { show: times.length <= 120, size: 4 },
      })),
    };
  }
  const stacked = stackColumns(columns);
  const order = series.map((_, i) => i).reverse();
  return {
    data: [seconds, ...order.map((i) => stacked[i])],
    series: order.map((i) => ({
      label: series[i].label, stroke: seriesColour(colour, i), fill: seriesColour(colour, i), paths: bars, points: { show: false },
    })),
    fromZero: true,
  };
}

/**
 * Draws a plot into `element`, replacing what it held.
 * @param {HTMLElement} element
 * @param {Plot} plot
 * @param {{colour: (name: string) => string, locale?: string, plugins?: object[]}} how
 */
export function drawPlot(element, { data, series, bands, fromZero }, { colour, locale, plugins }) {
  return new uPlot(chartOptions(element, { colour, locale, series, bands, fromZero, plugins }), data, element);
}

/**
 * The table of the same data: a header row (`Time`, then a column per label) and a row per time.
 * @param {{times: number[], columns: (number|null)[][]}} aligned times in ms
 * @param {string[]} labels one per column
 * @param {{time: Intl.DateTimeFormat, numbers: Intl.NumberFormat}} format
 * @returns {{head: HTMLTableRowElement, rows: HTMLTableRowElement[]}}
 */
export function tableRows({ times, columns }, labels, { time, numbers }) {
  const cell = (tag, text) => {
    const element = document.createElement(tag);
    element.textContent = text;
    if (tag === 'th') element.setAttribute('scope', 'col');
    return element;
  };
  const head = document.createElement('tr');
  head.append(cell('th', 'Time'), ...labels.map((label) => cell('th', label)));
  const rows = times.map((ms, i) => {
    const row = document.createElement('tr');
    row.append(cell('td', time.format(ms)), ...columns.map((column) => cell('td', column[i] === null ? '–' : numbers.format(column[i]))));
    return row;
  });
  return { head, rows };
}

/**
 * The time format of a table: to the minute for hourly points, to the day for daily ones; UTC, as the
 * service's days are.
 * @param {boolean} hourly
 * @param {string} [locale]
 */
export function tableTime(hourly, locale) {
  return new Intl.DateTimeFormat(locale, hourly
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' });
}

/**
 * A source as the legend and the table name it: its profile (its id without one) on its provider.
 * @param {{id: string, provider: string, profile?: string}} source
 * @param {object} providers readProviders'
 */
export function sourceLabel(source, providers) {
  return `${source.profile ?? source.id} on ${displayName(providers, source.provider)}`;
}

/**
 * The series a view draws: for `sum`, one request (the history of the body at `body`: one source's,
 * a ticker's sum, every source's sum) labelled `sumLabel`; otherwise one request per source of
 * `each`, in parallel.
 * @param {URL} base the service (serviceBase's)
 * @param {{body: string|URL, each: {id: string, label: string}[], view: string, sumLabel: string}} what
 * @param {{step: string, from: string}} query rangeQuery's
 * @param {AbortSignal} [signal]
 * @returns {Promise<Series[]>}
 */
export async function loadSeries(base, { body, each, view, sumLabel }, query, signal) {
  if (view === 'sum') return [{ label: sumLabel, points: await fetchPoints(bodyHistoryUrl(body, query), signal) }];
  const points = await Promise.all(each.map(({ id }) => fetchPoints(historyUrl(base, id, query), signal)));
  return each.map(({ label }, i) => ({ label, points: points[i] }));
}

/**
 * What a screen reader says of the count chart: each series' first and last count over the range.
 * @param {'sum'|'compare'|'stacked'} view
 * @param {Series[]} series
 * @param {string} range the range's label
 * @param {{numbers: Intl.NumberFormat, noun: (n: number) => string}} words
 */
export function countDescription(view, series, range, { numbers, noun }) {
  const span = ({ points }) => {
    const first = points[0];
    const last = points.at(-1);
    return first ? `${numbers.format(first.count)} to ${numbers.format(last.count)} ${noun(last.count)}` : 'no data';
  };
  return view === 'sum'
    ? `Count over ${range}: ${span(series[0])}`
    : `Count over ${range}, ${view === 'compare' ? 'a line' : 'a stacked band'} per source: ${series.map((s) => `${s.label} ${span(s)}`).join('; ')}`;
}

/**
 * What the table (and the page's CSV) hold: the one series as `Count`; or every source aligned, a
 * column each, and their `Total`.
 * @param {'sum'|'compare'|'stacked'} view
 * @param {Series[]} series
 * @returns {{aligned: {times: number[], columns: (number|null)[][]}, labels: string[]}}
 */
export function tableData(view, series) {
  if (view === 'sum') {
    const { points } = series[0];
    return { aligned: { times: points.map(({ ms }) => ms), columns: [points.map(({ count }) => count)] }, labels: ['Count'] };
  }
  const aligned = alignSeries(series.map(({ points }) => points));
  return {
    aligned: { times: aligned.times, columns: [...aligned.columns, sumOfAligned(aligned).map(({ count }) => count)] },
    labels: [...series.map(({ label }) => label), 'Total'],
  };
}

/**
 * The legend's items: each series' colour and label.
 * @param {Series[]} series
 * @param {(name: string) => string} colour
 */
export function legendItems(series, colour) {
  return series.map(({ label }, i) => {
    const item = document.createElement('li');
    const key = document.createElement('span');
    key.className = 'key';
    key.setAttribute('aria-hidden', 'true');
    // The CSSOM, which a Content-Security-Policy allows (a style attribute it would not).
    key.style.backgroundColor = seriesColour(colour, i);
    item.append(key, label);
    return item;
  });
}
