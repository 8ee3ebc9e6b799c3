// The charts page (/charts, /charts?src=<source id or ticker name>&range=90d&locale=de-DE&theme=dark):
// a source's or a named ticker's count over time and its daily gains, drawn by uPlot from the
// service's history API; a range switches without a reload; the same data as a table, and as CSV.
import {
  DEFAULT_RANGE, RANGES, countColumns, dailyGains, historyUrl, milestonesCrossed, pointsOf, rangeQuery,
} from './chart-data.js';
import { followTheme } from './page-theme.js';
import { countNoun, displayName, readProviders } from './provider-display.js';
import uPlot from './uplot.js';

const params = new URLSearchParams(location.search);
const src = params.get('src');
const locale = params.get('locale') || undefined;
const $ = (selector) => document.querySelector(selector);
const DAY_MS = 86_400_000;

const numbers = new Intl.NumberFormat(locale);
const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });

const state = {
  range: RANGES[params.get('range')] ? params.get('range') : DEFAULT_RANGE,
  /** @type {string[]} the source ids whose history is shown (their sum when several) */
  ids: [],
  /** @type {{ms: number, count: number}[]} */
  points: [],
  /** @type {{value: number, ms: number}[]} */
  milestones: [],
  /** @type {number[]} the service's milestones */
  ladder: [],
  /** @type {((n: number) => string) | null} what is counted, singular or plural for n */
  noun: null,
};
let request = null;
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
    if (response.ok || response.status === 503) return response.json();
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
  const ids = body.sources ? body.sources.map((source) => source.id) : [body.id];
  const providerIds = body.sources ? body.sources.map((source) => source.provider) : [body.provider];
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
  return { ids, noun };
}

function renderRanges() {
  const group = $('#ranges');
  group.replaceChildren(...Object.entries(RANGES).map(([key, { label }]) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.range = key;
    button.setAttribute('aria-pressed', String(key === state.range));
    button.addEventListener('click', () => show(key));
    return button;
  }));
}

/** A colour as the current theme resolves it (uPlot draws on a canvas, which takes no CSS). */
function colour(name) {
  return getComputedStyle($(`[data-swatch="${name}"]`)).color;
}

/** Draws each milestone crossed as a dashed vertical line with its value. */
function milestonePlugin() {
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
        for (const { value, ms } of state.milestones) {
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
 * The time axis' labels, as fine as the ticks are apart: hours within days, days within months,
 * months within years, years beyond; in the reader's locale.
 */
function timeLabels(u, splits) {
  const apart = splits.length > 1 ? (splits[1] - splits[0]) * 1000 : DAY_MS;
  /** @type {Intl.DateTimeFormatOptions} */
  const fields = apart >= 300 * DAY_MS ? { year: 'numeric' }
    : apart >= 28 * DAY_MS ? { month: 'short', year: 'numeric' }
      : apart >= DAY_MS ? { month: 'short', day: 'numeric' }
        : { month: 'short', day: 'numeric', hour: 'numeric' };
  const format = new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'UTC' });
  return splits.map((s) => format.format(s * 1000));
}

function axes() {
  const ink = colour('ink');
  const grid = { stroke: colour('grid') };
  return [
    { stroke: ink, grid, ticks: grid, space: 90, values: timeLabels },
    { stroke: ink, grid, ticks: grid, size: 60, values: (u, splits) => splits.map((v) => compact.format(v)) },
  ];
}

function options(element, series, plugins = []) {
  return {
    width: element.clientWidth,
    height: element.clientHeight,
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: true } },
    axes: axes(),
    series: [{}, series],
    plugins,
  };
}

function draw(noun) {
  const counts = countColumns(state.points);
  const gains = dailyGains(state.points);
  const gainColumns = [gains.map(({ ms }) => ms / 1000), gains.map(({ gain }) => gain)];
  state.milestones = milestonesCrossed(state.points, state.ladder);
  for (const chart of Object.values(charts)) chart?.destroy();
  const countElement = $('#count-chart');
  charts.count = new uPlot(options(countElement, {
    label: noun(2), stroke: colour('line'), fill: colour('fill'), width: 2, points: { show: false },
  }, [milestonePlugin()]), counts, countElement);
  const gainsElement = $('#gains-chart');
  charts.gains = new uPlot(options(gainsElement, {
    label: 'daily gain',
    stroke: colour('gain'),
    fill: colour('gain'),
    paths: uPlot.paths.bars({ size: [0.7, 40] }),
    points: { show: false },
  }), gainColumns, gainsElement);
  const first = state.points[0];
  const last = state.points.at(-1);
  const span = first ? `${numbers.format(first.count)} to ${numbers.format(last.count)} ${noun(last.count)}` : 'no data';
  countElement.setAttribute('aria-label', `Count over ${RANGES[state.range].label}: ${span}; the table below has every point`);
  const total = gains.reduce((sum, { gain }) => sum + gain, 0);
  gainsElement.setAttribute('aria-label', `Daily gains over ${RANGES[state.range].label}: ${signed.format(total)} in all`);
  if ($('#data').open) renderTable(noun);
}

function renderTable(noun) {
  const hourly = RANGES[state.range].step === 'hour';
  const time = new Intl.DateTimeFormat(locale, hourly
    ? { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }
    : { dateStyle: 'medium', timeZone: 'UTC' });
  $('#table-caption').textContent = `${noun(2)} over ${RANGES[state.range].label} (UTC)`;
  const rows = state.points.map(({ ms, count }) => {
    const row = document.createElement('tr');
    const at = document.createElement('td');
    at.textContent = time.format(ms);
    const value = document.createElement('td');
    value.textContent = numbers.format(count);
    row.append(at, value);
    return row;
  });
  $('#data tbody').replaceChildren(...rows);
}

/** Shows `range`: its history fetched (the previous request abandoned), the charts redrawn. */
async function show(range) {
  state.range = range;
  const url = new URL(location.href);
  url.searchParams.set('range', range);
  history.replaceState(null, '', url);
  renderRanges();
  const query = rangeQuery(range, Date.now());
  const csv = historyUrl(new URL(location.origin), state.ids, query, 'csv');
  $('#csv').href = csv.pathname + csv.search;
  $('#csv').download = `${src ?? 'all'}-${range}.csv`;
  request?.abort();
  request = new AbortController();
  try {
    const json = historyUrl(new URL(location.origin), state.ids, query);
    const response = await fetch(json, { headers: { Accept: 'application/json' }, signal: request.signal });
    if (!response.ok) throw new Error(`the history answered HTTP ${response.status}`);
    state.points = pointsOf(await response.json());
    $('#status').textContent = state.points.length ? '' : 'No history in this range yet.';
    draw(state.noun);
    document.documentElement.dataset.shown = range; // for whoever waits on the page (its tests)
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'AbortError') {
      $('#status').textContent = `Could not load the history: ${error instanceof Error ? error.message : error}`;
    }
  }
}

async function start() {
  followTheme($('#theme-toggle'), params.get('theme'), () => { if (state.noun) draw(state.noun); });
  $('#data').addEventListener('toggle', () => { if ($('#data').open) renderTable(state.noun); });
  try {
    const [body, { shown, ladder }] = await Promise.all([resolve(), uiConfig()]);
    const { ids, noun } = describe(body, shown);
    state.ladder = ladder;
    state.ids = ids;
    state.noun = noun;
    await show(state.range);
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
