// Whether the page should reload for a new release of its scripts (pure). The page compares the
// version it loaded with what the service serves now, by the files' ETags (or Last-Modified).
// It reloads only when it must:
// - a version it cannot read (offline, an error page, no validator) changes nothing;
// - a new version must be seen twice in a row: during a rolling deploy, instances behind one
//   address serve old and new files by turns, and a screen must not reload at each turn;
// - never twice within MIN_RELOAD_GAP_MS, whatever the service serves.

export const MIN_RELOAD_GAP_MS = 10 * 60_000;

/** What the page knew before this check: nothing yet, the version it loaded, and one seen since. */
export const FIRST_CHECK = Object.freeze({ loaded: null, seen: null });

/**
 * @param {{loaded: string|null, seen: string|null}} state
 * @param {string|null} version what the service serves now, null when it could not be read
 * @param {{nowMs: number, reloadedAtMs: number|null}} times when the page last reloaded for a release
 * @returns {{state: {loaded: string|null, seen: string|null}, reload: boolean}}
 */
export function releaseCheck(state, version, { nowMs, reloadedAtMs = null }) {
  if (version === null) return { state, reload: false };
  // The first version read is the one the page runs: it was just loaded with it.
  if (state.loaded === null) return { state: { loaded: version, seen: null }, reload: false };
  if (version === state.loaded) return { state: { ...state, seen: null }, reload: false };
  if (version !== state.seen) return { state: { ...state, seen: version }, reload: false };
  const tooSoon = reloadedAtMs !== null && nowMs - reloadedAtMs < MIN_RELOAD_GAP_MS;
  return { state, reload: !tooSoon };
}
