// The status console (/status): every source as /api/status reports it, asked again every 10
// seconds; sortable by any column, filterable to the failing ones or by name. Read-only: it shows
// what anyone may read, never a secret.
import { followTheme } from './page-theme.js';
import { sparklinePath } from './sparkline.js';
import { countStates, filterRows, sortRows } from './status-table.js';

const EVERY_MS = 10_000;
const params = new URLSearchParams(location.search);
const locale = params.get('locale') || undefined;
const $ = (selector) => document.querySelector(selector);
const numbers = new Intl.NumberFormat(locale);
const times = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
const SVG = 'http://www.w3.org/2000/svg';

const view = {
  /** @type {any[]} the rows of the last report */
  rows: [],
  sort: { column: 'state', direction: /** @type {'ascending'|'descending'} */ ('ascending') },
  failingOnly: params.get('failing') === 'true',
  text: params.get('find') ?? '',
};

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function days(values) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'days');
  svg.setAttribute('viewBox', '0 0 96 20');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('aria-hidden', 'true');
  const shape = sparklinePath(values.map((count, t) => ({ t, count })), { width: 96, height: 20 });
  if (shape) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', shape.line);
    svg.append(path);
  }
  return svg;
}

function row(source) {
  const tr = document.createElement('tr');
  tr.dataset.id = source.id;
  tr.dataset.state = source.state;
  const name = source.profile && source.profile !== source.id ? `${source.id} (${source.profile})` : source.id;
  const failure = source.error ? `${source.error.code}: ${source.error.message}` : '';
  const recent = document.createElement('td');
  recent.append(days(source.days ?? []));
  if ((source.days ?? []).length > 1) {
    recent.setAttribute('aria-label', `from ${numbers.format(source.days[0])} to ${numbers.format(source.days.at(-1))}`);
  }
  tr.append(
    cell(name),
    cell(source.provider),
    cell(source.state, `state state-${source.state}`),
    cell(Number.isFinite(source.total) ? numbers.format(source.total) : '—', 'number'),
    cell(source.refreshedAt ? times.format(new Date(source.refreshedAt)) : '—'),
    cell(source.refreshing ? 'now' : times.format(new Date(source.nextAttemptAt))),
    cell(failure, 'reason'),
    cell(Number.isFinite(source.quotaUsedPercent) ? `${source.quotaUsedPercent}%` : '—', 'number'),
    recent,
  );
  return tr;
}

function render() {
  const shown = sortRows(filterRows(view.rows, view), view.sort.column, view.sort.direction);
  $('#sources tbody').replaceChildren(...shown.map(row));
  const counts = countStates(view.rows);
  const sources = (n) => `${numbers.format(n)} source${n === 1 ? '' : 's'}`;
  $('#summary').textContent = `${sources(view.rows.length)}: ${counts.failing} failing, ${counts['no-data']} without data, `
    + `${counts.stale} stale, ${counts.live} live`;
  $('#caption').textContent = shown.length === view.rows.length
    ? 'Every source, as of its last report'
    : `${numbers.format(shown.length)} of ${sources(view.rows.length)}`;
  for (const th of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('th[data-sort]'))) {
    th.setAttribute('aria-sort', th.dataset.sort === view.sort.column ? view.sort.direction : 'none');
  }
  document.documentElement.dataset.rows = String(shown.length); // for whoever waits on the page (its tests)
}

async function load() {
  try {
    const response = await fetch('/api/status', { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    if (!response.ok) throw new Error(`the service answered HTTP ${response.status}`);
    view.rows = (await response.json()).sources ?? [];
    $('#status').textContent = '';
    render();
  } catch (error) {
    $('#status').textContent = `Could not read the status: ${error instanceof Error ? error.message : error}; trying again`;
  }
}

function start() {
  followTheme($('#theme-toggle'), params.get('theme'));
  $('#failing-only').checked = view.failingOnly;
  $('#find').value = view.text;
  $('#failing-only').addEventListener('change', () => { view.failingOnly = $('#failing-only').checked; render(); });
  $('#find').addEventListener('input', () => { view.text = $('#find').value; render(); });
  $('#filters').addEventListener('submit', (event) => event.preventDefault());
  for (const th of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('th[data-sort]'))) {
    th.querySelector('button').addEventListener('click', () => {
      const same = view.sort.column === th.dataset.sort;
      view.sort = {
        column: th.dataset.sort,
        direction: same && view.sort.direction === 'ascending' ? 'descending' : 'ascending',
      };
      render();
    });
  }
  load();
  setInterval(load, EVERY_MS);
}

start();
