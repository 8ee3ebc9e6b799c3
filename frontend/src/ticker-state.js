// What the ticker shows, decided from what the last poll saw. Pure: no DOM, no clock (the
// time is an argument), so every state a reader can meet is covered by unit tests.
//
// States (also the host's data-state attribute):
//   loading  nothing known yet
//   fresh    the service has a current count, not past its staleAt
//   stale    the count is older than the service's stale-after: the body said so, or its
//            staleAt has passed by the service's clock (a copy from a cache can be hours old)
//            and a request sent after that still brought nothing newer (or none answered
//            within STALE_GRACE_MS): see viewAt
//   error    the latest refresh failed; the last-known count stays on screen
//   offline  the service cannot be reached; the last-known count stays on screen
//   nodata   the service has never had a count (503): the fallback message is shown

export const STATES = Object.freeze(['loading', 'fresh', 'stale', 'error', 'offline', 'nodata']);

export const INITIAL_VIEW = Object.freeze({
  state: 'loading',
  total: null,
  profile: null,
  // The provider of a one-source body (e.g. "github"); null for the sum of several.
  provider: null,
  refreshedAt: null,
  staleAt: null,
  errorCode: null,
  dataState: null,
  dataErrorCode: null,
  sources: Object.freeze([]),
  // The body's growth ({oneDay, sevenDays, thirtyDays, approximate, partial}) and next milestone
  // ({value, eta}), each null when the body has none (history off, no data, above the ladder).
  growth: null,
  nextMilestone: null,
  // The service's clock minus the page's, from the last answer's Date (and Age) headers.
  skewMs: 0,
  // When (service clock) the request behind the last answer was sent, or null when unknown.
  checkedAtMs: null,
  // When (service clock) the last request was sent, answered or not, or null when unknown.
  askedAtMs: null,
});

/**
 * How long past staleAt a count still shows as current while the request that would confirm it
 * has not been answered (a hung service, a slow network). An answer to a request sent after
 * staleAt decides at once; this only bounds the wait for one.
 */
export const STALE_GRACE_MS = 5_000;

// Codes the service does not send: the ticker's own view of a broken response.
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
export const INVALID_RESPONSE = 'INVALID_RESPONSE';

// One short phrase per failure, in the reader's words rather than the provider's.
const PROBLEMS = Object.freeze({
  UPSTREAM_UNAVAILABLE: 'Provider is unavailable',
  TIMEOUT: 'Provider is not answering in time',
  RATE_LIMITED: 'Provider is rate-limiting',
  AUTH_FAILED: 'Provider refused access',
  NOT_FOUND: 'Account not found at the provider',
  INVALID_PAYLOAD: 'Provider sent an unreadable count',
  NO_DATA: 'No count received yet',
  [SERVICE_UNAVAILABLE]: 'Ticker service is unavailable',
  [INVALID_RESPONSE]: 'Ticker service sent an unreadable answer',
});
const UNKNOWN_PROBLEM = 'Count could not be refreshed';

/** "Provider is rate-limiting; showing last known count" — never the raw code. */
export function problemMessage(code, { hasValue = false } = {}) {
  const problem = PROBLEMS[code] ?? UNKNOWN_PROBLEM;
  return hasValue ? `${problem}; showing last known count` : problem;
}

export function offlineMessage({ hasValue = false } = {}) {
  return hasValue ? 'Offline; showing last known count' : 'Offline';
}

const isCount = (value) => Number.isSafeInteger(value) && value >= 0;

/** Accepts the contract's body shape only; anything else is reported as unreadable. */
export function isMetricsBody(body) {
  return body !== null && typeof body === 'object' && !Array.isArray(body)
    && (body.total === null || isCount(body.total))
    && (body.sources === undefined || Array.isArray(body.sources));
}

function sourceState(source) {
  if (!isCount(source.total)) return 'nodata';
  if (source.error) return 'error';
  if (source.stale) return 'stale';
  return 'fresh';
}

function sourcesOf(body) {
  return Object.freeze((body.sources ?? [])
    .filter((source) => source && typeof source === 'object')
    .map((source) => Object.freeze({
      id: String(source.id ?? ''),
      provider: String(source.provider ?? ''),
      profile: source.profile ?? null,
      total: isCount(source.total) ? source.total : null,
      refreshedAt: timestamp(source.refreshedAt),
      staleAt: timestamp(source.staleAt),
      state: sourceState(source),
      errorCode: source.error?.code ?? null,
    })));
}

/** An ISO-8601 instant as sent, or null when absent or unreadable. */
function timestamp(value) {
  return typeof value === 'string' && Number.isFinite(Date.parse(value)) ? value : null;
}

const windowOf = (value) => (Number.isSafeInteger(value) ? value : null);

/** The windows of a growth as the ticker reads them: a number that is not a whole one is none. */
function windowsOf(growth) {
  return {
    oneDay: windowOf(growth.oneDay),
    sevenDays: windowOf(growth.sevenDays),
    thirtyDays: windowOf(growth.thirtyDays),
    approximate: growth.approximate === true,
  };
}

/**
 * The body's growth as the ticker reads it, or null when it has none or an unreadable one. A sum's
 * growth may carry `partial`: the growth of the sources whose history is long enough while the
 * others' is not (their ids in `sources`); null when absent.
 */
function growthOf(growth) {
  if (growth === null || typeof growth !== 'object') return null;
  const partial = growth.partial;
  const readable = partial !== null && typeof partial === 'object' && Array.isArray(partial.sources);
  return Object.freeze({
    ...windowsOf(growth),
    partial: readable
      ? Object.freeze({ ...windowsOf(partial), sources: Object.freeze(partial.sources.filter((id) => typeof id === 'string')) })
      : null,
  });
}

function milestoneOf(milestone) {
  if (milestone === null || typeof milestone !== 'object' || !isCount(milestone.value)) return null;
  return Object.freeze({ value: milestone.value, eta: timestamp(milestone.eta) });
}

const knowsWindow = (growth) => [growth.oneDay, growth.sevenDays, growth.thirtyDays].some((delta) => delta !== null);

/**
 * The growth the ticker shows, and what it covers: the body's growth while it knows a window (the
 * history of every source reaches back a day or more); else, while only some sources' history does
 * (`growth.partial`: a source added lately, another one backfilled), theirs, with `partial` saying
 * which sources it counts (`sources`), how many of the sources with a count that is (`covered` of
 * `of`), and their sum now (`total`, where the sparkline's line ends). Null when there is no window
 * to show.
 * @returns {{growth: {oneDay: number|null, sevenDays: number|null, thirtyDays: number|null, approximate: boolean},
 *   partial: null|{sources: string[], covered: number, of: number, total: number}}|null}
 */
export function trendOf(view) {
  const growth = view.growth;
  if (growth === null) return null;
  if (knowsWindow(growth)) return { growth, partial: null };
  const part = growth.partial;
  if (!part || !knowsWindow(part)) return null;
  const counted = view.sources.filter((source) => source.total !== null);
  const covered = counted.filter((source) => part.sources.includes(source.id));
  if (covered.length === 0 || covered.length === counted.length) return null;
  return {
    growth: part,
    partial: {
      sources: covered.map((source) => source.id),
      covered: covered.length,
      of: counted.length,
      total: covered.reduce((sum, source) => sum + source.total, 0),
    },
  };
}

/**
 * True when the view has a growth to show (trendOf): the history reaches back a day or more, so
 * there is a change to show and a line of at least two days to draw.
 */
export function hasHistory(view) {
  return trendOf(view) !== null;
}

/**
 * The milestone crossed from one view to the next, or null: the count reached (or passed) the
 * next milestone the previous body named. Only between two counts: the first count crosses
 * nothing (it was reached before the page watched), and an older body that arrives late keeps
 * the newer view (see nextView), so it crosses nothing either.
 */
export function crossedMilestone(previous, next) {
  const value = previous.nextMilestone?.value;
  if (value === undefined || previous.total === null || next.total === null) return null;
  return previous.total < value && next.total >= value ? value : null;
}

/** True when `a` (ISO-8601) is strictly earlier than `b`; false when either is unknown. */
function isOlder(a, b) {
  return a !== null && b !== null && Date.parse(a) < Date.parse(b);
}

function fromBody(body, skewMs, checkedAtMs) {
  const base = {
    total: body.total,
    profile: body.profile ?? null,
    provider: typeof body.provider === 'string' && body.provider ? body.provider : null,
    refreshedAt: timestamp(body.refreshedAt),
    staleAt: timestamp(body.staleAt),
    errorCode: body.error?.code ?? null,
    sources: sourcesOf(body),
    growth: growthOf(body.growth),
    nextMilestone: milestoneOf(body.nextMilestone),
    skewMs,
    checkedAtMs,
  };
  let state = 'fresh';
  if (base.errorCode) state = 'error';
  else if (body.stale) state = 'stale';
  // What the body itself said, kept under later transport states (offline, unavailable).
  return Object.freeze({ ...base, state, dataState: state, dataErrorCode: base.errorCode });
}

/**
 * A body can arrive older than the one on screen (another cache node, a stale copy served
 * after a fresher one): it never takes the place of newer data, for the whole count and for
 * each source row alike.
 */
function newestOf(prev, next) {
  if (prev.total !== null && isOlder(next.refreshedAt, prev.refreshedAt)) {
    // The service answered, so no transport state holds: the newer data shows as its body said.
    return Object.freeze({
      ...prev, state: prev.dataState, errorCode: prev.dataErrorCode, skewMs: next.skewMs, checkedAtMs: next.checkedAtMs,
    });
  }
  const shown = new Map(prev.sources.map((source) => [source.id, source]));
  let keptAny = false;
  const sources = next.sources.map((source) => {
    const old = shown.get(source.id);
    if (old && old.total !== null && isOlder(source.refreshedAt, old.refreshedAt)) {
      keptAny = true;
      return old;
    }
    return source;
  });
  return keptAny ? Object.freeze({ ...next, sources: Object.freeze(sources) }) : next;
}

/**
 * When the request behind an answer was sent, by the service's clock as the page knew it then:
 * the same estimate the page judged staleAt by when it sent the request (this answer's Date may
 * correct the skew by up to a second, which must not turn a request sent after staleAt into one
 * sent before it). The first answer has no earlier estimate and uses its own.
 */
function checkedAt(prev, outcome) {
  if (!Number.isFinite(outcome.requestedAtMs)) return null;
  const skewMs = prev.checkedAtMs === null && Number.isFinite(outcome.skewMs) ? outcome.skewMs : prev.skewMs;
  return outcome.requestedAtMs + skewMs;
}

/** Keeps the last-known count and its age on screen, under a new state. */
function keepingValue(prev, state, errorCode) {
  if (prev.total === null) {
    return Object.freeze({ ...INITIAL_VIEW, state, errorCode });
  }
  return Object.freeze({ ...prev, state, errorCode });
}

/**
 * The next view after a poll outcome (see poller.js):
 *   {type: 'data', body, skewMs, requestedAtMs}
 *                                            a 200 with a body (changed or not); skewMs is the
 *                                            service's clock minus the page's, when known;
 *                                            requestedAtMs when the request was sent (page clock)
 *   {type: 'unavailable', status, body}      any other status; body parsed when it was JSON
 *   {type: 'invalid'}                        a 200 whose body is not the contract's shape
 *   {type: 'offline'}                        the request itself failed (network, CORS, timeout)
 */
export function nextView(prev, outcome) {
  const next = viewAfter(prev, outcome);
  const askedAtMs = checkedAt(prev, outcome) ?? prev.askedAtMs;
  return next.askedAtMs === askedAtMs ? next : Object.freeze({ ...next, askedAtMs });
}

function viewAfter(prev, outcome) {
  switch (outcome.type) {
    case 'data':
      if (!isMetricsBody(outcome.body)) return keepingValue(prev, 'error', INVALID_RESPONSE);
      if (outcome.body.total === null) {
        return keepingValue(prev, prev.total === null ? 'nodata' : 'error',
          outcome.body.error?.code ?? 'NO_DATA');
      }
      return newestOf(prev, fromBody(outcome.body, Number.isFinite(outcome.skewMs) ? outcome.skewMs : prev.skewMs,
        checkedAt(prev, outcome)));
    case 'unavailable': {
      const contractBody = isMetricsBody(outcome.body) ? outcome.body : null;
      if (outcome.status === 503 && contractBody) {
        // The service is up but has never had a count: the fallback message, unless a
        // count was already on screen (the service restarted), which is worth keeping.
        return keepingValue(prev, prev.total === null ? 'nodata' : 'error',
          contractBody.error?.code ?? 'NO_DATA');
      }
      return keepingValue(prev, 'error', SERVICE_UNAVAILABLE);
    }
    case 'invalid':
      return keepingValue(prev, 'error', INVALID_RESPONSE);
    case 'offline':
      return keepingValue(prev, 'offline', null);
    default:
      return prev;
  }
}

/**
 * True when `item` (the view or a source) shows a current count whose staleAt has passed by the
 * service's clock: it is stale once a request sent after staleAt has been answered without
 * anything newer, or STALE_GRACE_MS after staleAt when none has been. Behind a cache, the copy on
 * screen may reach its staleAt just before the next poll would bring the newer copy the cache
 * already holds: the page asks once more (see awaitsCheck) before it calls the count stale.
 */
function isExpired(view, item, serviceNow) {
  if (item.state !== 'fresh' || item.staleAt === null) return false;
  const staleAt = Date.parse(item.staleAt);
  if (staleAt > serviceNow) return false;
  return (view.checkedAtMs !== null && view.checkedAtMs >= staleAt) || serviceNow >= staleAt + STALE_GRACE_MS;
}

/**
 * The view as a reader should see it at `nowMs` (the page's clock): a count that is past its
 * staleAt by the service's clock (the page's corrected by the skew the last answer showed) is
 * stale, even when the body, made earlier, said it was not, once the page has asked again (see
 * isExpired). The aggregate and each source follow the same rule. Returns the same object when
 * nothing has expired.
 */
export function viewAt(view, nowMs) {
  const serviceNow = nowMs + view.skewMs;
  const expired = (item) => isExpired(view, item, serviceNow);
  const expiredSources = view.sources.some(expired);
  if (!expired(view) && !expiredSources) return view;
  return Object.freeze({
    ...view,
    state: expired(view) ? 'stale' : view.state,
    sources: expiredSources
      ? Object.freeze(view.sources.map((source) => (expired(source) ? Object.freeze({ ...source, state: 'stale' }) : source)))
      : view.sources,
  });
}

/**
 * True when a count on screen has passed its staleAt but no request was sent since: the page
 * should poll now, and its answer decides between a newer count and "stale".
 */
export function awaitsCheck(view, nowMs) {
  const serviceNow = nowMs + view.skewMs;
  return [view, ...view.sources].some((item) => {
    if (item.state !== 'fresh' || item.staleAt === null) return false;
    const staleAt = Date.parse(item.staleAt);
    // Asked once already: a request that failed (the service away, the network down) is not
    // repeated here, or every failure would at once ask again; the poller's back-off paces those.
    const asked = view.askedAtMs !== null && view.askedAtMs >= staleAt;
    return staleAt <= serviceNow && !asked && !isExpired(view, item, serviceNow);
  });
}

/**
 * Milliseconds from `nowMs` until the judgement of the view may next change, or null: the next
 * staleAt of a current count (time to ask again), or the end of the grace of one already past it.
 */
export function msUntilStale(view, nowMs) {
  const serviceNow = nowMs + view.skewMs;
  const due = [view, ...view.sources]
    .filter((item) => item.state === 'fresh' && item.staleAt !== null && !isExpired(view, item, serviceNow))
    .map((item) => {
      const staleAt = Date.parse(item.staleAt);
      return (staleAt > serviceNow ? staleAt : staleAt + STALE_GRACE_MS) - serviceNow;
    });
  return due.length ? Math.max(0, Math.min(...due)) : null;
}

/**
 * The badge line for a view: what a reader needs to trust (or not) the number.
 * `age` is the already-formatted "updated 5 minutes ago" text, or ''.
 */
export function statusText(view, { age = '', fallbackMessage = '' } = {}) {
  const hasValue = view.total !== null;
  switch (view.state) {
    case 'fresh':
      return 'Live';
    case 'stale':
      return age || 'Not recently updated';
    case 'error':
      return joinNonEmpty(problemMessage(view.errorCode, { hasValue }), hasValue ? age : '');
    case 'offline':
      return joinNonEmpty(offlineMessage({ hasValue }), hasValue ? age : '');
    case 'nodata':
      // Never had a count: the fallback message says so; a real failure behind it is worth a
      // word too ("Provider is not answering in time"), in the same phrases as elsewhere.
      return hasFailureReason(view) ? problemMessage(view.errorCode) : fallbackMessage;
    default:
      return '';
  }
}

/** A nodata view whose latest refresh failed for a reason, rather than one not yet run. */
export function hasFailureReason(view) {
  return view.errorCode !== null && view.errorCode !== 'NO_DATA';
}

function joinNonEmpty(...parts) {
  return parts.filter(Boolean).join(' · ');
}
