// The status console (/status): every source as /api/status reports it, asked again every 10
// seconds; sortable by any column, filterable to the failing ones or by name; below, the outputs and
// alert channels with their delivery state, and the fleet's members in the shared mode. Read-only: it
// shows what anyone may read, never a secret. Once an admin token is entered (kept in this tab's
// memory only), each source gets the admin API's actions: refresh, forget, backfill.
import { followTheme } from './page-theme.js';
import { sparklinePath } from './sparkline.js';
import { ADMIN_ACTIONS, adminOutcome, adminRequest } from './status-admin.js';
import {
  ROWS_AT_ONCE, countStates, deliveredElsewhere, deliveryText, filterRows, firstRows, sortRows,
} from './status-table.js';

const EVERY_MS = 10_000;
const params = new URLSearchParams(location.search);
const locale = params.get('locale') || undefined;
const $ = (selector) => document.querySelector(selector);
const numbers = new Intl.NumberFormat(locale);
const times = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
const clock = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' });
const SVG = 'http://www.w3.org/2000/svg';

const view = {
  /** @type {any[]} the rows of the last report */
  rows: [],
  sort: { column: 'state', direction: /** @type {'ascending'|'descending'} */ ('ascending') },
  failingOnly: params.get('failing') === 'true',
  text: params.get('find') ?? '',
  /** @type {any} the last report, for the outputs, channels and fleet */
  report: null,
  /** How many of the rows asked for are drawn ("Show more" adds ROWS_AT_ONCE). */
  limit: ROWS_AT_ONCE,
};
/** The admin token as entered; null until then. In memory only: a reload forgets it. */
let adminToken = null;
/** The source a backfill's file is being chosen for. */
let backfillFor = null;

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
    cell(when(source.refreshedAt)),
    cell(source.refreshing ? 'now' : when(source.nextAttemptAt)),
    cell(failure, 'reason'),
    cell(Number.isFinite(source.quotaUsedPercent) ? `${source.quotaUsedPercent}%` : '—', 'number'),
    recent,
  );
  // Beside the name, where the eye is, before the wide columns that may scroll.
  if (adminToken) tr.firstElementChild.after(actions(source.id));
  return tr;
}

/** A source's admin buttons; their clicks are handled once, on the table (see start). */
function actions(id) {
  const td = document.createElement('td');
  td.className = 'actions';
  for (const [action, { label }] of Object.entries(ADMIN_ACTIONS)) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.dataset.action = action;
    button.dataset.id = id;
    button.setAttribute('aria-label', `${label} ${id}`);
    td.append(button);
  }
  return td;
}

/** A time as the console writes it: today's by the clock alone, to keep the rows narrow. */
function when(at) {
  if (!at) return '—';
  const date = new Date(at);
  return (date.toDateString() === new Date().toDateString() ? clock : times).format(date);
}

/** An output's or a channel's row: its state, its last delivery and its last failure. */
function destinationRow(destination) {
  const tr = document.createElement('tr');
  tr.dataset.name = destination.name;
  tr.dataset.state = destination.state;
  const { last, why } = deliveryText(destination, when);
  tr.append(
    cell(destination.name),
    cell(destination.template ?? '—'),
    // The records live in memory: "idle" means nothing was sent since this instance started.
    cell(destination.state === 'idle' ? 'nothing since start' : destination.state, `state delivery-${destination.state}`),
    cell(last),
    cell(why, 'reason'),
    cell(numbers.format(destination.pending ?? 0), 'number'),
  );
  return tr;
}

/** The outputs' and the channels' tables share their columns, written once; the first named by data-noun. */
const DESTINATION_COLUMNS = ['Template', 'State', 'Last delivery', 'Last failure', 'Waiting'];

function renderDestinations(table, destinations, elsewhere) {
  const section = table.closest('section');
  section.querySelector('.elsewhere').textContent = elsewhere ?? '';
  if (!table.tHead.rows.length) {
    const tr = table.tHead.insertRow();
    for (const [i, label] of [table.dataset.noun, ...DESTINATION_COLUMNS].entries()) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = label;
      if (i === DESTINATION_COLUMNS.length) th.className = 'number';
      tr.append(th);
    }
  }
  table.querySelector('tbody').replaceChildren(...destinations.map(destinationRow));
  table.hidden = destinations.length === 0;
  section.querySelector('.none').hidden = destinations.length > 0;
}

/** The fleet's members, in the shared mode only. */
function renderFleet(fleet) {
  const section = $('#fleet');
  section.hidden = !fleet;
  if (!fleet) return;
  const members = fleet.members ?? [];
  $('#fleet-summary').textContent = fleet.reachable
    ? `${numbers.format(members.length)} instance${members.length === 1 ? '' : 's'} heard from in the last 15 seconds.`
    : 'This instance cannot reach Redis now: it serves and refreshes alone, and cannot list the others.';
  section.querySelector('tbody').replaceChildren(...members.map((member) => {
    const tr = document.createElement('tr');
    tr.append(
      cell(`${member.instance.slice(0, 8)}${member.answering ? ' (this one)' : ''}`),
      cell(member.host),
      cell(when(member.startedAt)),
      cell(when(member.seenAt)),
    );
    tr.title = member.instance;
    return tr;
  }));
}

/**
 * Each source's row as last built, with what it was built from: a sort, a filter, or a report in
 * which the source did not change, moves the row instead of building it again (with 2,000 sources
 * a sort took a second when every row was rebuilt). Within one report the entry itself says it is
 * the same; across reports its JSON does.
 * @type {Map<string, {source: object, admin: boolean, json: string, tr: HTMLTableRowElement}>}
 */
const built = new Map();

function rowOf(source) {
  const admin = Boolean(adminToken);
  const kept = built.get(source.id);
  if (kept?.admin === admin && kept.source === source) return kept.tr;
  const json = JSON.stringify(source);
  if (kept?.admin === admin && kept.json === json) {
    kept.source = source;
    return kept.tr;
  }
  const tr = row(source);
  built.set(source.id, { source, admin, json, tr });
  return tr;
}

function render() {
  const shown = sortRows(filterRows(view.rows, view), view.sort.column, view.sort.direction);
  const { drawn, more } = firstRows(shown, view.limit);
  $('#sources tbody').replaceChildren(...drawn.map(rowOf));
  $('#more').hidden = more === 0;
  $('#show-more').textContent = `Show ${numbers.format(Math.min(more, ROWS_AT_ONCE))} more`;
  $('#show-all').textContent = `Show all ${numbers.format(shown.length)}`;
  $('#not-drawn').textContent = `${numbers.format(more)} more match; the filters and the sort take them all.`;
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
  // For whoever waits on the page (its tests, its benchmark): the rows that match, and those drawn.
  document.documentElement.dataset.rows = String(shown.length);
  document.documentElement.dataset.drawnRows = String(drawn.length);
}

function renderReport() {
  render();
  const fleet = view.report?.fleet ?? null;
  renderDestinations($('#outputs'), view.report?.outputs ?? [], deliveredElsewhere(fleet, 'outputs'));
  renderDestinations($('#channels'), view.report?.alertChannels ?? [], deliveredElsewhere(fleet, 'alertChannels'));
  renderFleet(view.report?.fleet ?? null);
  document.documentElement.dataset.reportedAt = view.report?.generatedAt ?? ''; // for its tests, as rows
}

async function load() {
  try {
    const response = await fetch('/api/status', { headers: { Accept: 'application/json' }, cache: 'no-cache' });
    if (!response.ok) throw new Error(`the service answered HTTP ${response.status}`);
    view.report = await response.json();
    view.rows = view.report.sources ?? [];
    const ids = new Set(view.rows.map(({ id }) => id));
    for (const id of built.keys()) if (!ids.has(id)) built.delete(id); // a source removed
    $('#status').textContent = '';
    renderReport();
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
  $('#show-more').addEventListener('click', () => { view.limit += ROWS_AT_ONCE; render(); });
  $('#show-all').addEventListener('click', () => { view.limit = Infinity; render(); });
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
  startAdmin();
  load();
  setInterval(load, EVERY_MS);
}

/** Admin mode: on once a token is entered, off when it is forgotten or refused. */
function setAdmin(token) {
  adminToken = token;
  $('#admin-on').hidden = !token;
  $('#admin-form').hidden = Boolean(token);
  /** @type {HTMLElement} */ ($('#sources th.admin-column')).hidden = !token;
  render();
}

async function act(action, id, csv) {
  const { path, init } = adminRequest(action, id, adminToken, csv);
  let outcome;
  try {
    const response = await fetch(path, init);
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      body = null; // not the service's JSON: said by its status alone
    }
    outcome = adminOutcome(action, id, response.status, body);
  } catch (error) {
    outcome = { text: `${ADMIN_ACTIONS[action].label} of ${id} failed: ${error instanceof Error ? error.message : error}`, ok: false, tokenRefused: false };
  }
  $('#admin-result').textContent = outcome.text;
  $('#admin-result').dataset.ok = String(outcome.ok);
  if (outcome.tokenRefused) {
    setAdmin(null);
    /** @type {HTMLElement} */ ($('#admin-token')).focus();
  }
  load();
}

function startAdmin() {
  $('#admin-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('#admin-token').value.trim();
    $('#admin-token').value = '';
    $('#admin-result').textContent = '';
    if (token) setAdmin(token);
  });
  $('#admin-forget-token').addEventListener('click', () => {
    setAdmin(null);
    $('#admin-result').textContent = 'The token is forgotten.';
  });
  $('#sources tbody').addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!(button instanceof HTMLElement) || !adminToken) return;
    const { action, id } = button.dataset;
    if (action === 'backfill') {
      backfillFor = id;
      $('#backfill-file').click();
    } else if (action === 'forget' && !confirm(`Forget ${id}'s count? It has no data until its next refresh.`)) {
      // kept
    } else {
      act(/** @type {keyof typeof ADMIN_ACTIONS} */ (action), id);
    }
  });
  $('#backfill-file').addEventListener('change', async () => {
    const input = /** @type {HTMLInputElement} */ ($('#backfill-file'));
    const [file] = input.files ?? [];
    input.value = '';
    if (file && backfillFor) await act('backfill', backfillFor, await file.text());
  });
}

start();
