// What the ticker shows, decided from what the last poll saw. Pure: no DOM, no clock,
// so every state a reader can meet is covered by unit tests.
//
// States (also the host's data-state attribute):
//   loading  nothing known yet
//   fresh    the service has a current count
//   stale    the count is older than the service's stale-after
//   error    the latest refresh failed; the last-known count stays on screen
//   offline  the service cannot be reached; the last-known count stays on screen
//   nodata   the service has never had a count (503): the fallback message is shown

export const STATES = Object.freeze(['loading', 'fresh', 'stale', 'error', 'offline', 'nodata']);

export const INITIAL_VIEW = Object.freeze({
  state: 'loading',
  total: null,
  profile: null,
  refreshedAt: null,
  errorCode: null,
  sources: Object.freeze([]),
});

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
      refreshedAt: source.refreshedAt ?? null,
      state: sourceState(source),
      errorCode: source.error?.code ?? null,
    })));
}

function fromBody(body) {
  const base = {
    total: body.total,
    profile: body.profile ?? null,
    refreshedAt: body.refreshedAt ?? null,
    errorCode: body.error?.code ?? null,
    sources: sourcesOf(body),
  };
  let state = 'fresh';
  if (base.errorCode) state = 'error';
  else if (body.stale) state = 'stale';
  return Object.freeze({ ...base, state });
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
 *   {type: 'data', body}                     a 200 with a body (changed or not)
 *   {type: 'unavailable', status, body}      any other status; body parsed when it was JSON
 *   {type: 'invalid'}                        a 200 whose body is not the contract's shape
 *   {type: 'offline'}                        the request itself failed (network, CORS, timeout)
 */
export function nextView(prev, outcome) {
  switch (outcome.type) {
    case 'data':
      if (!isMetricsBody(outcome.body)) return keepingValue(prev, 'error', INVALID_RESPONSE);
      if (outcome.body.total === null) {
        return keepingValue(prev, prev.total === null ? 'nodata' : 'error',
          outcome.body.error?.code ?? 'NO_DATA');
      }
      return fromBody(outcome.body);
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
      return fallbackMessage;
    default:
      return '';
  }
}

function joinNonEmpty(...parts) {
  return parts.filter(Boolean).join(' · ');
}
