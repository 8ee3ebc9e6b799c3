// <social-ticker-chart>: a source's or a ticker's count over time, for another site's page, beside
// <social-ticker>. Embed with:
//   <script type="module" src="https://host/ticker-chart.js"></script>
//   <social-ticker-chart src="https://host/api/metrics/<id>" range="30d"></social-ticker-chart>
// Attributes: src (a metrics address: /api/metrics, /api/metrics/<id>, /api/tickers/<name>), range
// (7d, 30d, 90d, 1y, all), view (sum, compare, stacked: for several sources), theme (light, dark;
// the reader's own without it), locale (the reader's without it). Imports are relative, so they
// resolve against this script's own URL on any page; the service must list the page's origin in
// ticker.cors.allowed-origins. The drawing is chart-draw.js', which the charts page (/charts) shares.
import { DEFAULT_RANGE, DEFAULT_VIEW, RANGES, VIEWS, milestonesShown, rangeQuery, seriesShown, serviceBase } from './chart-data.js';
import {
  addSwatches, countDescription, countPlot, drawPlot, formats, legendItems, loadSeries, milestonePlugin, sourceLabel,
  swatchColours, tableData, tableRows, tableTime,
} from './chart-draw.js';
import { constructedSheet } from './constructed-sheet.js';
import { countNoun, displayName, readProviders } from './provider-display.js';
import { uiConfigUrl } from './service-urls.js';
import { UPLOT_STYLESHEET } from './uplot.js';

const styles = `
  :host { display: block; color-scheme: light dark; font-family: inherit; color: light-dark(#1d2130, #e6e8ef); }
  :host([theme="light"]) { color-scheme: light; }
  :host([theme="dark"]) { color-scheme: dark; }
  :host([hidden]) { display: none; }
  .card { background: light-dark(#ffffff, #12141b); border-radius: 12px; padding: 12px 16px; }
  .title { margin: 0 0 8px; font-size: 1rem; font-weight: 600; }
  .legend { display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; margin: 0 0 6px; padding: 0; list-style: none; font-size: 0.85rem; }
  .legend:empty, .status:empty { display: none; }
  .key { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; border-radius: 2px; }
  .chart { height: var(--ticker-chart-height, 240px); }
  .status { margin: 0; color: light-dark(#5d6473, #a3aaba); }
  details { margin-top: 6px; font-size: 0.85rem; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  th, td { padding: 0.15rem 0.7rem; text-align: right; }
  th:first-child, td:first-child { text-align: left; }
  /* uPlot draws no animation and this element has no transition: reduced motion needs nothing more. */
`;

/** One stylesheet shared by every chart on the page, where the browser can construct one. */
const SHARED_SHEET = constructedSheet(styles);

const template = document.createElement('template');
template.innerHTML = `
  <link rel="stylesheet" href="${UPLOT_STYLESHEET}">
  <link rel="stylesheet" href="${new URL('./chart-colours.css', import.meta.url).href}">
  <section class="card" part="card">
    <h2 class="title" part="title"></h2>
    <ul class="legend" part="legend" aria-label="Sources"></ul>
    <p class="status" role="status"></p>
    <div class="chart" part="chart" role="img"></div>
    <details part="table">
      <summary>The same data as a table</summary>
      <table><caption></caption><thead></thead><tbody></tbody></table>
    </details>
  </section>
`;

const prefersDark = matchMedia('(prefers-color-scheme: dark)');

export class TickerChart extends HTMLElement {
  static observedAttributes = ['src', 'range', 'view', 'theme', 'locale'];

  #root;
  #chart = null;
  #request = null;
  #drawn = null;
  #resize = new ResizeObserver(() => this.#fit());
  #themeChanged = () => this.#redraw();

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    if (SHARED_SHEET) this.#root.adoptedStyleSheets = [SHARED_SHEET];
    else this.#root.innerHTML = `<style>${styles}</style>`;
    this.#root.append(template.content.cloneNode(true));
    addSwatches(this.#root);
  }

  connectedCallback() {
    this.#resize.observe(this);
    prefersDark.addEventListener('change', this.#themeChanged);
    this.#load();
  }

  disconnectedCallback() {
    this.#resize.disconnect();
    prefersDark.removeEventListener('change', this.#themeChanged);
    this.#request?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    // The colours are read from the swatches as the theme resolves them: a new theme is a redraw.
    if (name === 'theme') this.#redraw();
    else this.#load();
  }

  #$(selector) {
    return /** @type {HTMLElement} */ (this.#root.querySelector(selector));
  }

  /** Reads the source or ticker, then its history over the range, and draws it. */
  async #load() {
    const src = this.getAttribute('src');
    if (!src) return;
    this.#request?.abort();
    this.#request = new AbortController();
    const { signal } = this.#request;
    delete this.dataset.shown;
    const range = RANGES[this.getAttribute('range')] ? this.getAttribute('range') : DEFAULT_RANGE;
    try {
      const [body, config] = await Promise.all([this.#json(src, signal), this.#uiConfig(src, signal)]);
      const shown = readProviders(config?.providers);
      /** @type {{id: string, provider: string, profile?: string, total?: number}[]} */
      const sources = body.sources ?? [body];
      const ids = sources.map(({ id }) => id);
      const noun = (n) => countNoun(shown, sources.map(({ provider }) => provider), n);
      const asked = VIEWS[this.getAttribute('view')] ? this.getAttribute('view') : DEFAULT_VIEW;
      const view = ids.length > 1 ? asked : 'sum';
      const each = seriesShown(sources).map((source) => ({ id: source.id, label: sourceLabel(source, shown) }));
      const series = await loadSeries(serviceBase(src), { body: src, each, view, sumLabel: noun(2) }, rangeQuery(range, Date.now()), signal);
      const ticker = /\/api\/tickers\/([^/]+)$/.exec(new URL(src).pathname)?.[1];
      const who = body.profile ? `${body.profile} on ${displayName(shown, sources[0].provider)}` : ticker ?? 'All sources';
      const ladder = Array.isArray(config?.milestones) ? config.milestones : [];
      this.#drawn = { view, series, range, noun, who, milestones: milestonesShown(view, series.map(({ points }) => points), each.length === ids.length, ladder) };
      this.#$('.status').textContent = series.some(({ points }) => points.length) ? '' : 'No history in this range yet.';
      this.#redraw();
      this.dataset.view = view;
      this.dataset.shown = range; // for whoever waits on the element (its tests)
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') return;
      this.#$('.status').textContent = `Could not load the chart: ${error instanceof Error ? error.message : error}`;
      this.dataset.shown = 'error';
    }
  }

  async #json(url, signal) {
    const response = await fetch(url, { headers: { Accept: 'application/json' }, signal });
    // 503 is a body without data yet: the source or ticker exists.
    if (!response.ok && response.status !== 503) throw new Error(`${url} answered HTTP ${response.status}`);
    return response.json();
  }

  /** The providers' names and nouns and the milestones; a convenience, so a failure is no error. */
  async #uiConfig(src, signal) {
    try {
      return await this.#json(uiConfigUrl(src), signal);
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') throw error;
      return null;
    }
  }

  #redraw() {
    if (!this.#drawn) return;
    const { view, series, range, noun, who, milestones } = this.#drawn;
    const locale = this.getAttribute('locale') || undefined;
    const { numbers, compact } = formats(locale);
    const colour = swatchColours(this.#root);
    const label = RANGES[range].label;
    this.#$('.title').textContent = `${who}: ${noun(2)}, ${label}`;
    this.#$('.legend').replaceChildren(...legendItems(view === 'sum' ? [] : series, colour));
    const element = this.#$('.chart');
    this.#chart?.destroy();
    this.#chart = drawPlot(element, countPlot(view, series, colour), {
      colour, locale, plugins: [milestonePlugin(colour, compact, () => milestones)],
    });
    element.setAttribute('aria-label', `${countDescription(view, series, label, { numbers, noun })}; the table after the chart has every point`);
    const { aligned, labels } = tableData(view, series);
    const { head, rows } = tableRows(aligned, labels, { time: tableTime(RANGES[range].step === 'hour', locale), numbers });
    this.#$('caption').textContent = `${noun(2)} over ${label} (UTC)`;
    this.#$('thead').replaceChildren(head);
    this.#$('tbody').replaceChildren(...rows);
  }

  #fit() {
    const element = this.#$('.chart');
    this.#chart?.setSize({ width: element.clientWidth, height: element.clientHeight });
  }
}

if (!customElements.get('social-ticker-chart')) customElements.define('social-ticker-chart', TickerChart);
