// The charts page (/charts, /charts?src=<source id or ticker name>&range=90d&view=compare&locale=de-DE&theme=dark):
// a source's or a named ticker's count over time and its gains per day (week, month), drawn by uPlot from the
// service's history API; a range switches without a reload; several sources are drawn as their sum,
// a line each (compare) or stacked; the same data as a table, and as CSV. The drawing is
// chart-draw.js', which <social-ticker-chart> shares.
import {
  DEFAULT_RANGE, DEFAULT_VIEW, MAX_SERIES, RANGES, VIEWS, alignSeries, bodyHistoryUrl, milestonesShown, periodGains, rangeQuery,
  seriesCsv, seriesShown,
} from './chart-data.js';
import {
  addSwatches, countDescription, countPlot, drawPlot, formats, gainsPlot, legendItems, loadSeries, milestonePlugin,
  sourceLabel, swatchColours, tableData, tableRows, tableTime,
} from './chart-draw.js';
import { followTheme } from './page-theme.js';
import { countNoun, displayName, readProviders } from './provider-display.js';

const params = new URLSearchParams(location.search);
const src = params.get('src');
const locale = params.get('locale') || undefined;
/** @returns {HTMLElement} */
const $ = (selector) => document.querySelector(selector);
const BASE = new URL('/', location.origin);

const { numbers, compact, signed } = formats(locale);
const colour = swatchColours(document);

const state = {
  range: RANGES[params.get('range')] ? params.get('range') : DEFAULT_RANGE,
  view: VIEWS[params.get('view')] ? params.get('view') : DEFAULT_VIEW,
  /** @type {string[]} the source ids whose history is shown (their sum, or each) */
  ids: [],
  /** @type {URL | null} the body `src` names (a source, a ticker, every source): its history is the sum's */
  address: null,
  /** @type {{id: string, label: string}[]} the sources drawn one by one (at most MAX_SERIES) */
  each: [],
  /** @type {import('./chart-draw.js').Series[]} what is drawn: one series (a source, a sum), or one per source */
  series: [],
  /** @type {'sum'|'compare'|'stacked'} the view of `series` */
  drawn: 'sum',
  /** @type {{value: number, ms: number}[]} */
  milestones: [],
  /** @type {number[]} the service's milestones */
  ladder: [],
  /** @type {((n: number) => string) | null} what is counted, singular or plural for n */
  noun: null,
};
let request = null;
/** The CSV of the sources drawn one by one, made in the page; revoked when another replaces it. */
let csvBlob = null;
/** The two charts, made on the first data and given new data after. */
const charts = { count: null, gains: null };

/**
 * What `src` names: a source (its own body) or a named ticker (the sources it sums); nothing is every
 * source. Source ids and ticker names look alike, so the source is asked first.
 */
async function resolve() {
  const tries = src
    ? [`/api/metrics/${encodeURIComponent(src)}`, `/api/tickers/${encodeURIComponent(src)}`]
    : ['/api/metrics'];
  for (const path of tries) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    // 503 is a body without data yet: the source or ticker exists.
    if (response.ok || response.status === 503) return { body: await response.json(), address: new URL(path, BASE) };
  }
  throw new Error(`No source or ticker is named ${src}`);
}

/** The service's ui-config: the providers' names and nouns, and the milestone ladder. */
async function uiConfig() {
  try {
    const response = await fetch('/api/ui-config', { headers: { Accept: 'application/json' } });
    const config = response.ok ? await response.json() : {};
    return { shown: readProviders(config?.providers), ladder: Array.isArray(config?.milestones) ? config.milestones : [] };
  } catch {
    // A convenience: names fall back to ids, the noun to followers, and no milestone is marked.
    return { shown: readProviders(null), ladder: [] };
  }
}

function describe(body, shown) {
  /** @type {{id: string, provider: string, profile?: string, total?: number}[]} a ticker's sources, or the one */
  const sources = body.sources ?? [body];
  const ids = sources.map((source) => source.id);
  const providerIds = sources.map((source) => source.provider);
  const noun = (n) => countNoun(shown, providerIds, n);
  const who = body.profile
    ? `${body.profile} on ${displayName(shown, providerIds[0])}`
    : src ?? 'All sources';
  $('#title').textContent = `${who}: ${noun(2)}`;
  document.title = `${who} · Growth · Social Ticker`;
  const growth = body.growth ?? {};
  const parts = [];
  if (Number.isFinite(body.total)) parts.push(`${numbers.format(body.total)} ${noun(body.total)} now`);
  for (const [key, label] of [['oneDay', 'today'], ['sevenDays', 'in 7 days'], ['thirtyDays', 'in 30 days']]) {
    if (Number.isFinite(growth[key])) parts.push(`${signed.format(growth[key])} ${label}`);
  }
  const next = body.nextMilestone;
  if (next && Number.isFinite(next.value)) {
    const eta = next.eta ? ` around ${new Date(next.eta).toLocaleDateString(locale, { dateStyle: 'medium' })}` : '';
    parts.push(`next milestone ${numbers.format(next.value)}${eta}`);
  }
  $('#figures').textContent = parts.join(' · ');
  // Each source by its profile and provider, as the legend and the table's columns name it.
  const each = seriesShown(sources).map((source) => ({ id: source.id, label: sourceLabel(source, shown) }));
  return { ids, noun, each };
}

/** A group of toggle buttons, one pressed: the ranges, the views. */
function renderToggles(group, entries, pressed, key, choose) {
  group.replaceChildren(...entries.map(([value, { label }]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset[key] = value;
    button.setAttribute('aria-pressed', String(value === pressed));
    button.addEventListener('click', () => choose(value));
    return button;
  }));
}

function renderControls() {
  renderToggles($('#ranges'), Object.entries(RANGES), state.range, 'range', (range) => show(range, state.view));
  // The views only where there are several sources to draw.
  $('#views').hidden = state.ids.length < 2;
  if (state.ids.length > 1) renderToggles($('#views'), Object.entries(VIEWS), state.view, 'view', (view) => show(state.range, view));
}

/** The legend of the sources drawn one by one; empty for one line. */
function renderLegend() {
  const several = state.drawn !== 'sum';
  $('#legend').replaceChildren(...legendItems(several ? state.series : [], colour));
  const capped = several && state.ids.length > state.each.length;
  $('#series-note').textContent = capped
    ? `Showing the ${state.each.length} largest of ${state.ids.length} sources one by one (at most ${MAX_SERIES}); the Sum view counts all ${state.ids.length}.`
    : '';
}

function draw() {
  const { drawn, series } = state;
  state.milestones = milestonesShown(drawn, series.map(({ points }) => points), state.each.length === state.ids.length, state.ladder);
  for (const chart of Object.values(charts)) chart?.destroy();
  const countElement = $('#count-chart');
  charts.count = drawPlot(countElement, countPlot(drawn, series, colour), {
    colour, locale, plugins: [milestonePlugin(colour, compact, () => state.milestones)],
  });
  const gainsElement = $('#gains-chart');
  const { gains: period } = RANGES[state.range];
  $('#gains-heading').textContent = `Gains per ${period}`;
  charts.gains = drawPlot(gainsElement, gainsPlot(drawn, series, colour, period), { colour, locale });
  renderLegend();
  const range = RANGES[state.range].label;
  countElement.setAttribute('aria-label', `${countDescription(drawn, series, range, { numbers, noun: state.noun })}; the table below has every point`);
  // Each series' own gains (a stack's columns are running tops, not gains).
  const gainedInAll = series.reduce((sum, { points }) => sum + periodGains(points, period).reduce((all, { gain }) => all + gain, 0), 0);
  gainsElement.setAttribute('aria-label', `Gains per ${period} over ${range}: ${signed.format(gainedInAll)} in all`);
  if (/** @type {HTMLDetailsElement} */ ($('#data')).open) renderTable();
}

function renderTable() {
  if (!state.series.length) return;
  const time = tableTime(RANGES[state.range].step === 'hour', locale);
  $('#table-caption').textContent = `${state.noun(2)} over ${RANGES[state.range].label} (UTC)`;
  const { aligned, labels } = tableData(state.drawn, state.series);
  const { head, rows } = tableRows(aligned, labels, { time, numbers });
  $('#data thead').replaceChildren(head);
  $('#data tbody').replaceChildren(...rows);
}

/** The download: the service's CSV of one line; the page's own of the sources drawn one by one. */
function offerCsv(query, eachData) {
  const link = /** @type {HTMLAnchorElement} */ ($('#csv'));
  if (csvBlob) URL.revokeObjectURL(csvBlob);
  csvBlob = null;
  link.download = `${src ?? 'all'}-${state.range}${state.drawn === 'sum' ? '' : `-${state.drawn}`}.csv`;
  if (!eachData) {
    const csv = bodyHistoryUrl(state.address, query, 'csv');
    link.href = csv.pathname + csv.search;
    return;
  }
  csvBlob = URL.createObjectURL(new Blob([seriesCsv(state.each.map(({ id }) => id), alignSeries(eachData))], { type: 'text/csv' }));
  link.href = csvBlob;
}

/**
 * Shows `range` in `view`: its history fetched (the previous request abandoned; one request for a
 * line, one per source drawn, in parallel, for the others), the charts redrawn.
 */
async function show(range, view) {
  state.range = range;
  state.view = view;
  const url = new URL(location.href);
  url.searchParams.set('range', range);
  if (state.ids.length > 1) url.searchParams.set('view', view);
  history.replaceState(null, '', url);
  renderControls();
  delete document.documentElement.dataset.shown;
  const query = rangeQuery(range, Date.now());
  const drawn = state.ids.length > 1 ? view : 'sum';
  request?.abort();
  request = new AbortController();
  const { signal } = request;
  try {
    const series = await loadSeries(BASE, { body: state.address, each: state.each, view: drawn, sumLabel: state.noun(2) }, query, signal);
    Object.assign(state, { series, drawn });
    offerCsv(query, drawn === 'sum' ? null : series.map(({ points }) => points));
    $('#status').textContent = series.some(({ points }) => points.length) ? '' : 'No history in this range yet.';
    draw();
    // For whoever waits on the page (its tests).
    document.documentElement.dataset.drawn = drawn;
    document.documentElement.dataset.shown = range;
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'AbortError') {
      $('#status').textContent = `Could not load the history: ${error instanceof Error ? error.message : error}`;
    }
  }
}

async function start() {
  addSwatches($('main'));
  followTheme($('#theme-toggle'), params.get('theme'), () => { if (state.series.length) draw(); });
  $('#data').addEventListener('toggle', () => { if (/** @type {HTMLDetailsElement} */ ($('#data')).open) renderTable(); });
  try {
    const [{ body, address }, { shown, ladder }] = await Promise.all([resolve(), uiConfig()]);
    Object.assign(state, { ladder, address }, describe(body, shown));
    await show(state.range, state.view);
    new ResizeObserver(() => {
      for (const [name, chart] of Object.entries(charts)) {
        const element = $(`#${name}-chart`);
        chart?.setSize({ width: element.clientWidth, height: element.clientHeight });
      }
    }).observe($('main'));
  } catch (error) {
    $('#status').textContent = error instanceof Error ? error.message : String(error);
  }
}

start();
