// Keeps a screen awake while its page is visible (the Screen Wake Lock API). The browser releases a
// lock whenever the page is hidden (another tab, a minimised window, a locked screen) and may
// release or refuse one at any time (battery saver, a policy); a kiosk must not go dark for that.
// So the keeper asks again as soon as the page is visible, and after a release or a refusal while
// visible it asks again with back-off. Document, API and timers are injected for unit tests.

export const RETRY_MIN_MS = 5_000;
export const RETRY_MAX_MS = 5 * 60_000;

/** States reported to onState (and shown on the page as data-wake-lock). */
export const WAKE_LOCK_STATES = Object.freeze(['unsupported', 'held', 'released', 'refused']);

export class WakeLockKeeper {
  #wakeLock;
  #document;
  #timers;
  #onState;
  #sentinel = null;
  #requesting = false;
  #retryTimer = null;
  #failures = 0;
  #running = false;
  #onVisibility = () => {
    if (this.#document.visibilityState === 'visible') this.#request();
  };

  /**
   * @param {object} options
   * @param {{request: (type: 'screen') => Promise<EventTarget & {release: () => Promise<void>}>}|undefined} options.wakeLock
   *   navigator.wakeLock, undefined where the browser has none
   * @param {Document} options.document
   * @param {{setTimeout: Function, clearTimeout: Function}} [options.timers]
   * @param {(state: string) => void} [options.onState]
   */
  constructor({ wakeLock, document, timers = globalThis, onState = () => {} }) {
    this.#wakeLock = wakeLock;
    this.#document = document;
    this.#timers = timers;
    this.#onState = onState;
  }

  start() {
    if (this.#running) return;
    this.#running = true;
    if (!this.#wakeLock || typeof this.#wakeLock.request !== 'function') {
      this.#onState('unsupported');
      return;
    }
    this.#document.addEventListener('visibilitychange', this.#onVisibility);
    this.#request();
  }

  stop() {
    this.#running = false;
    this.#document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    const sentinel = this.#sentinel;
    this.#sentinel = null;
    sentinel?.release().catch(() => {});
  }

  async #request() {
    if (!this.#running || this.#sentinel || this.#requesting || this.#document.visibilityState !== 'visible') return;
    this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = null;
    this.#requesting = true;
    let sentinel;
    try {
      sentinel = await this.#wakeLock.request('screen');
    } catch {
      // Refused (NotAllowedError: battery saver, a policy, a hidden page): asked again later.
      this.#requesting = false;
      this.#failures += 1;
      this.#onState('refused');
      this.#retryLater();
      return;
    }
    this.#requesting = false;
    if (!this.#running) {
      sentinel.release().catch(() => {});
      return;
    }
    this.#failures = 0;
    this.#sentinel = sentinel;
    sentinel.addEventListener('release', () => {
      if (this.#sentinel !== sentinel) return;
      this.#sentinel = null;
      this.#onState('released');
      // Hidden: asked again when visible. Visible (the system took it back): asked again soon.
      if (this.#document.visibilityState === 'visible') this.#retryLater();
    }, { once: true });
    this.#onState('held');
  }

  #retryLater() {
    if (!this.#running || this.#retryTimer !== null) return;
    const delay = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** Math.max(0, this.#failures - 1));
    this.#retryTimer = this.#timers.setTimeout(() => {
      this.#retryTimer = null;
      this.#request();
    }, delay);
  }
}
