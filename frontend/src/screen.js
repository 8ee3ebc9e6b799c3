// The screen view (/screen): a <social-ticker layout="screen"> filling the viewport, showing the
// total with each source's share (show=total), or one ticker per source shown in turn
// (show=rotate). The page, not the element, keeps the display awake, hides a resting cursor and
// reloads itself for a new release: an embedded ticker must never do any of that to the page it
// sits in. Settings come from the query (screen-settings.js; frontend/README.md, "The big screen").

import './ticker.js';
import { FIRST_CHECK, releaseCheck } from './release-check.js';
import { screenSettings } from './screen-settings.js';
import { sourceUrl } from './service-urls.js';
import { WakeLockKeeper } from './wake-lock.js';

// How often show=rotate asks the service which sources there are once it knows them (a restart
// with another configuration changes them), and how it backs off while it cannot ask.
const SOURCES_RECHECK_MS = 10 * 60_000;
const SOURCES_RETRY_MIN_MS = 5_000;
const SOURCES_RETRY_MAX_MS = 5 * 60_000;
const REQUEST_TIMEOUT_MS = 15_000;
// How long a setting's problem stays on screen after the page loads.
const PROBLEMS_SHOWN_MS = 60_000;
// When the page last reloaded itself for a release (see release-check.js MIN_RELOAD_GAP_MS).
const RELOADED_AT_KEY = 'social-ticker.screen.reloadedAt';

const settings = screenSettings(location.search);
const root = document.documentElement;
const main = document.querySelector('#screen');

/** The summed metrics URL the screen shows, as the element resolves its src. */
const metricsUrl = settings.attributes.src
  ? new URL(settings.attributes.src, document.baseURI)
  : new URL('/api/metrics', import.meta.url);

function tickerFor(src) {
  const ticker = document.createElement('social-ticker');
  for (const [name, value] of Object.entries(settings.attributes)) ticker.setAttribute(name, value);
  ticker.setAttribute('layout', 'screen');
  if (src) ticker.setAttribute('src', src);
  return ticker;
}

/**
 * show=rotate: one ticker per source, each polling its own /api/metrics/{id} (its own growth,
 * sparkline and milestones), shown in turn. Until the sources are known (the service is not
 * reachable yet) the summed ticker stands in, so the screen is never blank; a source's ticker is
 * shown only once it has something to show.
 */
class Rotation {
  #everyMs;
  #tickers = new Map();
  #standIn;
  #shown;
  #timer = null;
  #heldUntil = 0;

  constructor(everyMs) {
    this.#everyMs = everyMs;
    this.#standIn = tickerFor(null);
    this.#shown = this.#standIn;
    main.append(this.#standIn);
    main.addEventListener('social-ticker:milestone', (event) => {
      if (event instanceof CustomEvent && event.target instanceof HTMLElement) this.#feature(event.target, event.detail.durationMs);
    });
  }

  /** Makes one ticker per source id (and removes those of ids gone), then rotates through them. */
  sources(ids) {
    for (const [id, ticker] of this.#tickers) {
      if (ids.includes(id)) continue;
      this.#tickers.delete(id);
      if (this.#shown === ticker) this.#shown = null;
      ticker.remove();
    }
    for (const id of ids) {
      if (this.#tickers.has(id)) continue;
      const ticker = tickerFor(sourceUrl(metricsUrl, id).href);
      ticker.hidden = true;
      ticker.dataset.source = id;
      this.#tickers.set(id, ticker);
      main.append(ticker);
    }
    this.#schedule(0);
  }

  #schedule(delayMs) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#advance(), delayMs);
  }

  #advance() {
    const now = Date.now();
    if (now < this.#heldUntil) {
      this.#schedule(this.#heldUntil - now);
      return;
    }
    const order = [...this.#tickers.values()];
    const from = order.indexOf(this.#shown);
    // The next source with a count or a state to show; a ticker still loading is passed over.
    const next = [...order.slice(from + 1), ...order.slice(0, from + 1)]
      .find((ticker) => ticker.dataset.state && ticker.dataset.state !== 'loading');
    if (next) this.#show(next);
    this.#schedule(next ? this.#everyMs : Math.min(this.#everyMs, 1_000));
  }

  #show(ticker) {
    if (ticker === this.#shown) return;
    const previous = this.#shown;
    ticker.hidden = false;
    // A short fade in, never from nothing (the screen is never blank), unless the reader asked for
    // reduced motion: a Web Animation, which leaves nothing behind when it ends (no class, no
    // listener), however many months the rotation runs.
    if (matchMedia('(prefers-reduced-motion: no-preference)').matches) {
      ticker.animate([{ opacity: 0.35 }, { opacity: 1 }], { duration: 450, easing: 'ease-out' });
    }
    if (previous) previous.hidden = true;
    this.#shown = ticker;
    if (this.#standIn) {
      this.#standIn.remove();
      this.#standIn = null;
    }
  }

  // A source crossing a milestone is shown at once and kept on screen while it celebrates.
  #feature(ticker, durationMs) {
    if (![...this.#tickers.values()].includes(ticker)) return;
    this.#show(ticker);
    this.#heldUntil = Date.now() + durationMs;
    this.#schedule(durationMs);
  }
}

/** Asks the service for its sources' ids: at once, again with back-off while it cannot say. */
function watchSources(rotation) {
  let failures = 0;
  const ask = async () => {
    let ids = null;
    try {
      const response = await fetch(metricsUrl, {
        cache: 'no-cache', headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      // A 503 (no count yet) still lists the sources; only an unreadable answer says nothing.
      const body = await response.json();
      if (Array.isArray(body?.sources)) {
        ids = body.sources.map((source) => source?.id).filter((id) => sourceUrl(metricsUrl, id) !== null);
      }
    } catch {
      // Unreachable or unreadable: asked again below.
    }
    if (ids !== null && ids.length > 0) {
      failures = 0;
      rotation.sources(ids);
      setTimeout(ask, SOURCES_RECHECK_MS);
      return;
    }
    failures += 1;
    setTimeout(ask, Math.min(SOURCES_RETRY_MAX_MS, SOURCES_RETRY_MIN_MS * 2 ** (failures - 1)));
  };
  ask();
}

/** Hides the cursor after `ms` without a mouse move, touch or key; any of them shows it again. */
function hideRestingCursor(ms) {
  let timer = null;
  const wake = () => {
    delete root.dataset.idle;
    clearTimeout(timer);
    timer = setTimeout(() => { root.dataset.idle = ''; }, ms);
  };
  for (const type of ['mousemove', 'mousedown', 'touchstart', 'keydown']) {
    addEventListener(type, wake, { passive: true });
  }
  wake();
}

/**
 * Reloads the page when a new release of its scripts is served (ticker.js and this file, by their
 * ETags; see release-check.js for when exactly). Each check revalidates them with the browser's
 * cache: an unchanged file costs a 304.
 */
function watchReleases(everyMs) {
  const files = [new URL('./ticker.js', import.meta.url), new URL(import.meta.url)];
  let state = FIRST_CHECK;
  const versionOf = async (url) => {
    const response = await fetch(url, { cache: 'no-cache', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.arrayBuffer();
    // A proxy's error page or a login portal is not a release.
    if (!response.ok || !/javascript/.test(response.headers.get('Content-Type') ?? '')) return null;
    return response.headers.get('ETag') ?? response.headers.get('Last-Modified');
  };
  const check = async () => {
    let version = null;
    try {
      const versions = await Promise.all(files.map(versionOf));
      version = versions.includes(null) ? null : versions.join(' ');
    } catch {
      // Offline or the service is away: not a new release.
    }
    const decision = releaseCheck(state, version, { nowMs: Date.now(), reloadedAtMs: lastReload() });
    state = decision.state;
    root.dataset.release = state.seen ? 'pending' : state.loaded ? 'current' : 'unknown';
    if (decision.reload) {
      remember(RELOADED_AT_KEY, String(Date.now()));
      location.reload();
      return;
    }
    setTimeout(check, everyMs);
  };
  check();
}

function lastReload() {
  try {
    const value = Number(sessionStorage.getItem(RELOADED_AT_KEY));
    return value > 0 ? value : null;
  } catch {
    return null;
  }
}

function remember(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // No storage (a locked-down kiosk profile): reloads are then paced by the checks alone.
  }
}

function showProblems(problems) {
  if (problems.length === 0) return;
  const banner = /** @type {HTMLElement} */ (document.querySelector('#screen-problems'));
  banner.textContent = `Screen settings not used: ${problems.join('; ')}.`;
  banner.hidden = false;
  for (const problem of problems) console.warn(`social-ticker screen: ${problem}`);
  setTimeout(() => { banner.hidden = true; }, PROBLEMS_SHOWN_MS);
}

if (settings.attributes.theme) root.dataset.theme = settings.attributes.theme;
const problems = [...settings.problems];
if (settings.show === 'rotate' && sourceUrl(metricsUrl, 'x') === null) {
  problems.push(`show=rotate needs src to be the summed /api/metrics, not '${settings.attributes.src}'; showing it alone`);
}
if (settings.show === 'rotate' && sourceUrl(metricsUrl, 'x') !== null) {
  watchSources(new Rotation(settings.rotateEverySeconds * 1000));
} else {
  main.append(tickerFor(null));
}
showProblems(problems);
hideRestingCursor(settings.cursorHideSeconds * 1000);
new WakeLockKeeper({
  wakeLock: navigator.wakeLock,
  document,
  onState: (state) => { root.dataset.wakeLock = state; },
}).start();
if (settings.releaseCheckSeconds !== null) watchReleases(settings.releaseCheckSeconds * 1000);
