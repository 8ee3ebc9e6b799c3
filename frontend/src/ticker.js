// <social-ticker>: a live follower count that polls the Social Ticker service.
// Embed with:
//   <script type="module" src="https://host/ticker.js"></script>
//   <social-ticker src="https://host/api/metrics"></social-ticker>
// Imports are relative, so they resolve against this script's own URL on any page.

import { constructedSheet } from './constructed-sheet.js';
import { fittedSize, roomFor } from './fit-text.js';
import { announceCount, digitGlyphs, formatCount, formatShare, growthLine, updatedAgo } from './format.js';
import { Odometer } from './odometer.js';
import { Poller, REQUEST_TIMEOUT_MS } from './poller.js';
import { countNoun, displayName, providerIcon, readProviders, shownProviders } from './provider-display.js';
import { pollIntervalMs } from './schedule.js';
import {
  SPARKLINE_DAYS, dayStart, historyPoints, sparklineFrom, sparklineLabel, sparklinePath, withLiveCount,
} from './sparkline.js';
import {
  INITIAL_VIEW, awaitsCheck, crossedMilestone, msUntilStale, nextView, statusText, trendOf, viewAt,
} from './ticker-state.js';
import { tickerStyles } from './ticker-styles.js';
import { historyUrl, uiConfigUrl } from './service-urls.js';

/** One stylesheet shared by every ticker on the page, where the browser can construct one. */
const SHARED_SHEET = constructedSheet(tickerStyles);

const DEFAULT_FALLBACK_MESSAGE = 'Follower count coming soon';
// How often the "updated 5 minutes ago" text is recomputed while it is shown.
const AGE_REFRESH_MS = 15_000;
const STATES_WITH_AGE = new Set(['stale', 'error', 'offline']);
// A re-render due at staleAt waits this much longer, so it lands after the instant, not before.
const STALE_MARGIN_MS = 50;
// Timers longer than about 24.8 days fire at once in browsers; a far staleAt is checked again.
const MAX_TIMER_MS = 2 ** 31 - 1;
// The sparkline's history changes by the day: it is read again at most this often, however often
// the count is polled (today's point follows the count on screen in between).
export const HISTORY_REFRESH_MS = 5 * 60_000;
// How long a milestone's celebration stays on screen.
const CELEBRATION_MS = 8_000;
// The sparkline's drawing box; the SVG stretches it to the card's width and its CSS height.
const SPARK_WIDTH = 300;
const SPARK_HEIGHT = 48;
const SVG_NS = 'http://www.w3.org/2000/svg';

// The layouts: a card to embed in a page, or the whole viewport of a screen (see screen.html).
const LAYOUTS = new Set(['card', 'screen']);

const template = `
  <section class="card" part="card" role="group" aria-label="Follower count">
    <div class="profile" part="profile"><span class="provider-icon" aria-hidden="true"></span><span class="profile-text"></span></div>
    <div class="figure" part="figure">
      <span class="total" part="total" aria-hidden="true"></span>
      <span class="skeleton" part="skeleton" role="img" aria-label="Loading follower count"></span>
      <p class="fallback" part="fallback"></p>
    </div>
    <div class="label" part="label" aria-hidden="true"></div>
    <span class="sr-only value"></span>
    <p class="growth" part="growth"><span class="growth-text" aria-hidden="true"></span><span class="sr-only growth-speech"></span></p>
    <div class="sparkline" part="sparkline"></div>
    <p class="celebration" part="celebration" role="status" aria-live="polite" aria-atomic="true"></p>
    <p class="badge" part="badge"><span class="dot" aria-hidden="true"></span><span class="badge-text"></span></p>
    <ul class="sources" part="sources" aria-label="Sources"></ul>
    <div class="sr-only announcer" aria-live="polite" aria-atomic="true"></div>
  </section>
`;

const reducedMotion = () =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export class SocialTicker extends HTMLElement {
  static observedAttributes = [
    'src', 'poll-interval', 'format', 'locale', 'fallback-message', 'label', 'growth', 'sparkline', 'celebrate', 'layout',
  ];

  #parts;
  #odometer;
  #view = INITIAL_VIEW;
  #config = { pollIntervalSeconds: null, fallbackMessage: null, providers: readProviders(null) };
  #poller = null;
  #configRequest = null;
  #ageTimer = null;
  #staleTimer = null;
  #shown = {};
  // The sparkline's history: the URL it was read from, its points, the sources they add up when
  // only some are drawn (covers, '' for all), when it was last asked for.
  #history = { url: null, points: null, covers: null, askedAt: -Infinity, request: null };
  // The highest milestone celebrated on this page: a dip below and a re-crossing is not news.
  #celebrated = 0;
  #celebrationTimer = null;
  // The screen layout sizes the numerals to its box: watched for size changes while it applies.
  #resizeObserver = null;
  #fittedFor = null;
  #numberText = '';
  #onVisibility = () => {
    if (!this.#poller) return;
    if (document.hidden) this.#poller.pause();
    else this.#poller.resume();
  };

  // Back online: ask now rather than after a back-off of up to 5 minutes (a screen would show
  // "offline" all that while).
  #onOnline = () => this.#poller?.networkBack();

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    // A constructed stylesheet is not an inline <style>: the ticker works under a Content-Security-
    // Policy without 'unsafe-inline' (ours, and an embedding site's). Browsers without constructed
    // stylesheets (before Safari 16.4) get the <style> element.
    if (SHARED_SHEET) {
      root.adoptedStyleSheets = [SHARED_SHEET];
      root.innerHTML = template;
    } else {
      root.innerHTML = `<style>${tickerStyles}</style>${template}`;
    }
    const $ = (selector) => root.querySelector(selector);
    this.#parts = {
      profileText: $('.profile-text'),
      providerIcon: $('.provider-icon'),
      figure: $('.figure'),
      total: $('.total'),
      fallback: $('.fallback'),
      label: $('.label'),
      value: $('.value'),
      badgeText: $('.badge-text'),
      growth: $('.growth'),
      growthText: $('.growth-text'),
      growthSpeech: $('.growth-speech'),
      sparkline: $('.sparkline'),
      celebration: $('.celebration'),
      sources: $('.sources'),
      announcer: $('.announcer'),
    };
    this.#odometer = new Odometer(this.#parts.total, { animate: () => !reducedMotion() });
  }

  /** The current state: loading, fresh, stale, error, offline or nodata. */
  get state() {
    return viewAt(this.#view, Date.now()).state;
  }

  /** The count on screen (the last known one in error and offline states), or null. */
  get total() {
    return this.#view.total;
  }

  connectedCallback() {
    this.#render();
    this.#start();
    document.addEventListener('visibilitychange', this.#onVisibility);
    window.addEventListener('online', this.#onOnline);
    this.#watchSize();
  }

  disconnectedCallback() {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    window.removeEventListener('online', this.#onOnline);
    this.#stop();
    this.#watchSize();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === 'src') {
      this.#stop();
      this.#view = INITIAL_VIEW;
      // Another count: its own history, and its own milestones.
      this.#history = { url: null, points: null, covers: null, askedAt: -Infinity, request: null };
      this.#celebrated = 0;
      this.#start();
    }
    if (name === 'sparkline') this.#loadHistory();
    if (name === 'celebrate' && !this.#on('celebrate')) this.#endCelebration();
    // poll-interval is read at each scheduling (a shorter one at once); the rest only changes how things read.
    if (name === 'poll-interval') this.#poller?.intervalChanged();
    if (name === 'layout') this.#watchSize();
    this.#render();
  }

  /** The layout in use: `card` unless the attribute names another known one. */
  get #layout() {
    const layout = (this.getAttribute('layout') ?? '').trim().toLowerCase();
    return LAYOUTS.has(layout) ? layout : 'card';
  }

  get #metricsUrl() {
    const src = this.getAttribute('src');
    try {
      return new URL(src || '/api/metrics', src ? document.baseURI : import.meta.url);
    } catch {
      return new URL('/api/metrics', import.meta.url);
    }
  }

  #start() {
    const url = this.#metricsUrl;
    this.#loadConfig(uiConfigUrl(url));
    this.#poller = new Poller({
      url,
      fetch: (...args) => fetch(...args),
      intervalMs: () => pollIntervalMs(this.getAttribute('poll-interval'), this.#config.pollIntervalSeconds),
      onOutcome: (outcome) => this.#apply(outcome),
    });
    this.#poller.start();
    if (document.hidden) this.#poller.pause();
  }

  #stop() {
    this.#poller?.stop();
    this.#poller = null;
    this.#configRequest?.abort();
    this.#configRequest = null;
    clearTimeout(this.#ageTimer);
    this.#ageTimer = null;
    clearTimeout(this.#staleTimer);
    this.#staleTimer = null;
    this.#history.request?.abort();
    this.#history.request = null;
    this.#endCelebration();
  }

  /**
   * The word under the number, in announcements and in the growth line and sparkline: the label
   * attribute as written, else what the providers shown count ("subscribers" for YouTube alone;
   * "followers" for a sum of providers that count different things), singular or plural for `count`.
   */
  #label(view, count) {
    return this.getAttribute('label') || countNoun(this.#config.providers, shownProviders(view), count);
  }

  /** A feature attribute (growth, sparkline, celebrate) is on unless it says "off" or "false". */
  #on(name) {
    const value = (this.getAttribute(name) ?? '').trim().toLowerCase();
    return value !== 'off' && value !== 'false';
  }

  // ui-config is a convenience: the ticker works on its defaults when it is missing.
  async #loadConfig(url) {
    const request = new AbortController();
    this.#configRequest = request;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, signal: request.signal });
      if (!response.ok) return;
      const config = await response.json();
      if (request.signal.aborted || config === null || typeof config !== 'object') return;
      this.#config = {
        pollIntervalSeconds: Number.isFinite(config.pollIntervalSeconds) ? config.pollIntervalSeconds : null,
        fallbackMessage: typeof config.fallbackMessage === 'string' && config.fallbackMessage.trim()
          ? config.fallbackMessage : null,
        // Names and counts' nouns; a missing or unreadable member leaves ids and "followers".
        providers: readProviders(config.providers),
      };
      // The first poll was paced on the default interval; a shorter one applies from now.
      this.#poller?.intervalChanged();
      this.#render();
    } catch {
      // Unreachable or unreadable: keep the defaults.
    }
  }

  #apply(outcome) {
    const now = Date.now();
    const previous = viewAt(this.#view, now);
    const before = this.#view;
    this.#view = nextView(this.#view, outcome);
    this.#render();
    this.#announce(previous, viewAt(this.#view, now));
    const milestone = crossedMilestone(before, this.#view);
    if (milestone !== null) this.#celebrate(milestone);
    // Polls pace the history too: it is asked for only while the page polls (not while hidden).
    this.#loadHistory();
  }

  #render() {
    // The count's age is judged here, by the service's clock, not taken from the body: a copy
    // served late by a cache still says "stale" once its staleAt has passed.
    const now = Date.now();
    const view = viewAt(this.#view, now);
    const locale = this.getAttribute('locale') || undefined;
    const format = this.getAttribute('format') === 'compact' ? 'compact' : 'full';
    const label = this.#label(view, view.total);
    const fallbackMessage = this.getAttribute('fallback-message')
      || this.#config.fallbackMessage || DEFAULT_FALLBACK_MESSAGE;
    const age = STATES_WITH_AGE.has(view.state) && view.refreshedAt
      ? updatedAgo(view.refreshedAt, now + view.skewMs, { locale }) : '';

    this.#set('state', view.state, (state) => {
      this.dataset.state = state;
      this.setAttribute('aria-busy', String(state === 'loading'));
    });
    this.#set('error', view.errorCode ?? '', (code) => {
      if (code) this.dataset.error = code;
      else delete this.dataset.error;
    });
    this.#set('total', `${view.total}|${locale}|${format}|${label}`, () => {
      if (view.total === null) {
        this.#odometer.clear();
        this.#numberText = '';
        this.#parts.value.textContent = '';
        delete this.dataset.total;
        return;
      }
      this.#numberText = formatCount(view.total, { locale, format });
      this.#odometer.show(this.#numberText, digitGlyphs(locale));
      this.#parts.value.textContent = announceCount(view.total, { locale, label });
      this.dataset.total = String(view.total);
    });
    this.#fit();
    // Several sources have no single profile; saying how many is the honest heading. On a screen,
    // read from across a room, the source's provider is named (and drawn) too.
    const screen = this.#layout === 'screen';
    const who = view.profile ? `@${view.profile}` : view.sources.length > 1 ? `${view.sources.length} sources` : '';
    const { providers } = this.#config;
    const heading = [screen && view.provider ? displayName(providers, view.provider) : '', who].filter(Boolean).join(' · ');
    const icon = screen ? providerIcon(providers, view.provider) : null;
    // A mark follows from the provider's id; a letter from its name, which ui-config may bring later.
    this.#set('profile', JSON.stringify([heading, screen && view.provider, icon?.letter ?? null]), () => {
      this.#parts.profileText.textContent = heading;
      this.#parts.providerIcon.replaceChildren(...iconOf(icon));
    });
    this.#set('label', label, (text) => { this.#parts.label.textContent = text; });
    this.#set('fallback', fallbackMessage, (text) => { this.#parts.fallback.textContent = text; });
    this.#set('status', statusText(view, { age, fallbackMessage }), (text) => {
      this.#parts.badgeText.textContent = text;
    });
    // Keyed by what the rows show, so an unchanged poll (a new but equal view) is free.
    // The provider's name is in the key: it changes when ui-config arrives, and so may a letter icon.
    const rows = view.sources.map(({ id, provider, profile, total, state }) =>
      [id, provider, displayName(providers, provider), profile, total, state]);
    this.#set('sources', JSON.stringify([rows, view.total, locale, format]), () =>
      this.#renderSources(view.sources, { total: view.total, locale, format }));
    this.#renderTrend(view, { locale, format, label });
    this.#scheduleAgeRefresh(age !== '');
    this.#scheduleStaleCheck(msUntilStale(view, now));
  }

  // Touches the DOM only when what it shows differs from what is shown: an unchanged
  // poll costs no DOM work at all.
  #set(key, value, write) {
    if (Object.is(this.#shown[key], value)) return;
    this.#shown[key] = value;
    write(value);
  }

  #renderSources(sources, { total: sum, locale, format }) {
    const list = this.#parts.sources;
    const several = sources.length > 1;
    list.classList.toggle('several', several);
    if (!several) {
      list.replaceChildren();
      return;
    }
    list.replaceChildren(...sources.map((source) => {
      const item = document.createElement('li');
      item.className = 'source';
      item.setAttribute('part', 'source');
      item.dataset.state = source.state;
      item.dataset.id = source.id;
      const dot = document.createElement('span');
      dot.className = 'dot';
      const stateName = document.createElement('span');
      stateName.className = 'sr-only';
      stateName.textContent = source.state === 'fresh' ? '' : ` (${source.state === 'nodata' ? 'no data' : source.state})`;
      const name = document.createElement('span');
      name.className = 'source-name';
      const provider = document.createElement('span');
      provider.className = 'source-provider';
      provider.textContent = displayName(this.#config.providers, source.provider);
      name.append(source.profile ? `@${source.profile} ` : '', provider, stateName);
      const icon = document.createElement('span');
      icon.className = 'provider-icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.append(...iconOf(providerIcon(this.#config.providers, source.provider)));
      const total = document.createElement('span');
      total.className = 'source-total';
      total.textContent = source.total === null ? '—' : formatCount(source.total, { locale, format });
      // Its share of the sum on screen (the screen layout shows it; the card has no room for it).
      const share = document.createElement('span');
      share.className = 'source-share';
      share.textContent = formatShare(source.total, sum, { locale });
      item.append(dot, icon, name, total, share);
      return item;
    }));
  }

  // The growth line and the sparkline: shown when the history reaches back a day or more, both
  // gone (no empty box) when it does not, when the body has no growth (history off), while there
  // is no count, or when their attribute says off. While only some sources' history does, both
  // show theirs, and say so ("+312 today · 1 of 2 sources").
  #renderTrend(view, { locale, format, label }) {
    const counting = view.total !== null && view.state !== 'nodata';
    const trend = counting ? trendOf(view) : null;
    const partial = trend?.partial ?? null;
    const line = trend && this.#on('growth') ? growthLine(trend.growth, { locale, format, label, partial }) : null;
    this.#set('growth', line ? `${line.text}|${line.speech}|${line.trend}` : '', () => {
      this.#parts.growthText.textContent = line?.text ?? '';
      this.#parts.growthSpeech.textContent = line?.speech ?? '';
      if (line?.note) this.#parts.growth.title = line.note;
      else this.#parts.growth.removeAttribute('title');
      if (line) {
        this.dataset.growth = line.trend;
      } else {
        delete this.dataset.growth;
      }
      if (line?.note) this.dataset.growthPartial = '';
      else delete this.dataset.growthPartial;
    });
    // The box is kept from the moment the body says there is history, so the line drawn into it
    // later (its history arrives after the count) moves nothing on the page.
    const wanted = trend !== null && this.#on('sparkline');
    const nowMs = Date.now() + view.skewMs;
    // The line ends at the count of what it draws: the total, or the sum of the sources it covers.
    // Points read for other sources (the partial growth has just become whole) wait for their own.
    const read = this.#history.covers === coversOf(partial) ? this.#history.points : null;
    const points = wanted && read ? withLiveCount(read, partial ? partial.total : view.total, nowMs) : null;
    const drawable = wanted && (points === null || points.length >= 2);
    const key = !drawable ? '' : points === null ? 'reserved' : JSON.stringify([points, locale, label, partial]);
    this.#set('sparkline', key, () => {
      if (drawable) this.dataset.sparkline = points === null ? 'pending' : 'shown';
      else delete this.dataset.sparkline;
      this.#parts.sparkline.replaceChildren(
        ...(points && drawable ? [sparklineSvg(points, { locale, label, nowMs, partial })] : []));
    });
  }

  /** Reads the sparkline's history when it is wanted and was last asked for HISTORY_REFRESH_MS ago. */
  async #loadHistory() {
    const view = this.#view;
    const trend = trendOf(view);
    if (!this.isConnected || !this.#on('sparkline') || trend === null || this.#history.request) return;
    const now = Date.now();
    // From a date, so the URL stays the same all day and the browser's cache can revalidate it.
    // A partial growth's line is the sum of the sources it covers: no jump where another begins.
    const url = historyUrl(this.#metricsUrl, sparklineFrom(now + view.skewMs), trend.partial?.sources);
    const covers = coversOf(trend.partial);
    if (url === null) return;
    if (this.#history.url === url.href && now - this.#history.askedAt < HISTORY_REFRESH_MS) return;
    const request = new AbortController();
    const timeout = setTimeout(() => request.abort(), REQUEST_TIMEOUT_MS);
    this.#history = { ...this.#history, url: url.href, askedAt: now, request };
    let points = null;
    try {
      // As the polls do: the browser revalidates with the ETag (a 304 costs the service nothing),
      // and no header set by hand makes a cross-origin request need a preflight.
      const response = await fetch(url, { cache: 'no-cache', headers: { Accept: 'application/json' }, signal: request.signal });
      if (response.ok) points = historyPoints(await response.json());
    } catch {
      // Unreachable or unreadable: as a failed answer.
    } finally {
      clearTimeout(timeout);
    }
    if (this.#history.request !== request) return;
    // A failed read keeps the line already drawn (the next try is HISTORY_REFRESH_MS later); with
    // none drawn yet, the kept box goes: no empty space where a line never comes.
    const kept = this.#history.covers === covers ? this.#history.points : null;
    this.#history = { ...this.#history, points: points ?? kept ?? [], covers, request: null };
    this.#render();
  }

  // A milestone crossed between two polls: its text (announced politely, and shown), and a brief
  // burst of colour unless the reader asked for reduced motion.
  #celebrate(milestone) {
    if (!this.#on('celebrate') || milestone <= this.#celebrated) return;
    this.#celebrated = milestone;
    const locale = this.getAttribute('locale') || undefined;
    const label = this.#label(this.#view, milestone);
    this.#endCelebration();
    this.#parts.celebration.textContent = `Milestone reached: ${announceCount(milestone, { locale, label })}!`;
    this.dataset.celebrating = String(milestone);
    if (!reducedMotion()) this.#parts.celebration.parentElement.classList.add('celebrate-motion');
    this.#celebrationTimer = setTimeout(() => this.#endCelebration(), CELEBRATION_MS);
    // A page showing several tickers in turn (the screen's rotation) brings this one forward.
    this.dispatchEvent(new CustomEvent('social-ticker:milestone', {
      bubbles: true, composed: true, detail: { milestone, durationMs: CELEBRATION_MS },
    }));
  }

  #endCelebration() {
    clearTimeout(this.#celebrationTimer);
    this.#celebrationTimer = null;
    if (!this.#parts) return;
    this.#parts.celebration.textContent = '';
    this.#parts.celebration.parentElement.classList.remove('celebrate-motion');
    delete this.dataset.celebrating;
  }

  // The screen layout's numerals: as large as the room the figure has allows, the width filled but
  // for a margin, never past that height. The rows (heading, number, label, growth, sparkline,
  // badge, sources) sit together in the middle of the screen, so the room is the figure's own row
  // and whatever height the rows leave free: on a portrait screen the width decides and the rest
  // stays empty above and below the group, not between the number and its label. Measured once per
  // change of the number's length or of that room: a count that changes digits but not length
  // keeps its size, and nothing jumps.
  #fit() {
    const figure = this.#parts.figure;
    if (this.#layout !== 'screen') {
      if (this.#fittedFor !== null) figure.style.removeProperty('font-size');
      this.#fittedFor = null;
      return;
    }
    const text = this.#numberText;
    const boxWidth = figure.clientWidth;
    const boxHeight = Math.floor(this.#roomForFigure() ?? 0);
    const key = `${[...text].length}|${boxWidth}x${boxHeight}`;
    if (!text || this.#fittedFor === key) return;
    // Layout sizes, not the bounding box: a celebration's bump scales the number for a moment.
    const { offsetWidth: width, offsetHeight: height } = this.#parts.total;
    const size = parseFloat(getComputedStyle(figure).fontSize);
    const fitted = fittedSize({ size, width, height }, { boxWidth, boxHeight });
    if (fitted === null) return;
    figure.style.setProperty('font-size', `${fitted}px`);
    this.#fittedFor = key;
  }

  /** The figure's row and the height the card's rows leave free (its grid's used row sizes). */
  #roomForFigure() {
    const card = this.#parts.figure.parentElement;
    const style = getComputedStyle(card);
    return roomFor(this.#parts.figure.clientHeight, {
      innerHeight: card.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
      rows: style.gridTemplateRows.split(' ').map(parseFloat),
      gap: parseFloat(style.rowGap) || 0,
    });
  }

  // Watched: the card (the screen's size) and every row but the figure (a growth line or a
  // sparkline coming or going changes the room left). Not the figure itself, which the fit resizes.
  #watchSize() {
    const wanted = this.isConnected && this.#layout === 'screen' && typeof ResizeObserver === 'function';
    if (wanted && !this.#resizeObserver) {
      this.#resizeObserver = new ResizeObserver(() => this.#fit());
      const card = this.#parts.figure.parentElement;
      this.#resizeObserver.observe(card);
      for (const row of card.children) if (row !== this.#parts.figure) this.#resizeObserver.observe(row);
    } else if (!wanted && this.#resizeObserver) {
      this.#resizeObserver.disconnect();
      this.#resizeObserver = null;
    }
    this.#fit();
  }

  #announce(previous, next) {
    const locale = this.getAttribute('locale') || undefined;
    const label = this.#label(next, next.total);
    let text = '';
    // The first count is read in flow; only changes are worth interrupting for.
    if (previous.total !== null && next.total !== null && previous.total !== next.total) {
      text = announceCount(next.total, { locale, label });
    } else if (previous.state !== next.state && ['error', 'offline', 'nodata'].includes(next.state)) {
      const fallback = this.#parts.fallback.textContent;
      const badge = this.#parts.badgeText.textContent;
      text = next.state === 'nodata' && badge !== fallback ? `${fallback}. ${badge}` : badge;
    }
    if (text) this.#parts.announcer.textContent = text;
  }

  // At staleAt the page asks the service once more (a cache may already hold a newer copy than the
  // one on screen); its answer, or STALE_GRACE_MS without one, turns "Live" into stale.
  #scheduleStaleCheck(ms) {
    clearTimeout(this.#staleTimer);
    this.#staleTimer = null;
    if (awaitsCheck(this.#view, Date.now())) this.#poller?.pollNow();
    if (ms === null || !this.isConnected) return;
    this.#staleTimer = setTimeout(() => {
      this.#staleTimer = null;
      if (this.isConnected) this.#render();
    }, Math.min(ms + STALE_MARGIN_MS, MAX_TIMER_MS));
  }

  #scheduleAgeRefresh(showsAge) {
    if (!showsAge) {
      clearTimeout(this.#ageTimer);
      this.#ageTimer = null;
      return;
    }
    if (this.#ageTimer !== null) return;
    this.#ageTimer = setTimeout(() => {
      this.#ageTimer = null;
      if (this.isConnected) this.#render();
    }, AGE_REFRESH_MS);
  }
}

/** Which sources a sparkline adds up: '' for all of them, else the partial growth's ids. */
function coversOf(partial) {
  return partial ? partial.sources.join(',') : '';
}

/** A provider's icon (providerIcon) as nodes: its SVG path, or its first letter, or nothing. */
function iconOf(icon) {
  if (icon === null) return [];
  if (icon.letter) {
    const letter = document.createElement('span');
    letter.className = 'icon-letter';
    letter.textContent = icon.letter;
    return [letter];
  }
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('d', icon.path);
  svg.append(path);
  return [svg];
}

/** The sparkline: a line and the area under it, with what it shows said in words. */
function sparklineSvg(points, { locale, label, nowMs, partial }) {
  const to = dayStart(nowMs);
  const path = sparklinePath(points, {
    width: SPARK_WIDTH, height: SPARK_HEIGHT, domain: [to - SPARKLINE_DAYS * 86_400_000, to],
  });
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', sparklineLabel(points, { locale, label, nowMs, partial }));
  svg.setAttribute('focusable', 'false');
  for (const [className, d] of [['area', path.area], ['line', path.line]]) {
    const shape = document.createElementNS(SVG_NS, 'path');
    shape.setAttribute('class', className);
    shape.setAttribute('d', d);
    svg.append(shape);
  }
  return svg;
}

if (!customElements.get('social-ticker')) {
  customElements.define('social-ticker', SocialTicker);
}
