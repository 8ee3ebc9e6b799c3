// The status console's admin actions, with no DOM: the request each makes through the existing admin
// API, and what its answer means to the operator. Pure, unit-tested (test/unit/status-admin.test.js).
// The token is the caller's to keep: the console keeps it in the tab's memory only.

/** What an operator can do to one source, each one call of the admin API (docs/api.md, "Admin"). */
export const ADMIN_ACTIONS = Object.freeze({
  refresh: Object.freeze({ label: 'Refresh', method: 'POST', path: (id) => `/api/admin/refresh/${encodeURIComponent(id)}` }),
  forget: Object.freeze({ label: 'Forget', method: 'DELETE', path: (id) => `/api/admin/cache/${encodeURIComponent(id)}` }),
  backfill: Object.freeze({ label: 'Backfill', method: 'POST', path: (id) => `/api/admin/history/${encodeURIComponent(id)}` }),
});

/**
 * The request of an action on a source.
 * @param {keyof typeof ADMIN_ACTIONS} action
 * @param {string} id the source's id
 * @param {string} token the admin token as entered
 * @param {string} [csv] the backfill's file
 * @returns {{path: string, init: RequestInit}}
 */
export function adminRequest(action, id, token, csv) {
  const { method, path } = ADMIN_ACTIONS[action];
  /** @type {Record<string, string>} */
  const headers = { Authorization: `Bearer ${token.trim()}`, Accept: 'application/json' };
  if (action === 'backfill') headers['Content-Type'] = 'text/csv';
  return { path: path(id), init: { method, headers, body: action === 'backfill' ? csv : undefined } };
}

/**
 * What an answer of the admin API tells the operator.
 * @param {keyof typeof ADMIN_ACTIONS} action
 * @param {string} id
 * @param {number} status the HTTP status
 * @param {any} body the answer's JSON, or null: `{id, days, added, …}` of a backfill, `{error: {code, message}}`
 * @returns {{text: string, ok: boolean, tokenRefused: boolean}}
 */
export function adminOutcome(action, id, status, body) {
  // The service's errors are {"error": {"code", "message"}} (docs/api.md).
  const code = typeof body?.error?.code === 'string' ? body.error.code : '';
  const said = typeof body?.error?.message === 'string' ? body.error.message : '';
  if (status === 401) return { text: 'The admin token was refused: enter it again.', ok: false, tokenRefused: true };
  if (status === 404 && code !== 'SOURCE_NOT_FOUND') {
    // Nothing served at the admin path: the service runs without ticker.admin.token.
    return { text: 'The admin API is off on this service (ticker.admin.token is not set).', ok: false, tokenRefused: true };
  }
  if (action === 'refresh' && status === 202) {
    return { text: `A refresh of ${id} was started; the table shows its outcome within 10 seconds.`, ok: true, tokenRefused: false };
  }
  if (action === 'forget' && status === 204) {
    return { text: `${id} was forgotten; it has no data until its next refresh.`, ok: true, tokenRefused: false };
  }
  if (action === 'backfill' && status === 200 && body) {
    return {
      text: `${id}: ${body.days} days read, ${body.added} added, ${body.updated} updated, ${body.unchanged} unchanged, `
        + `${body.keptLive} kept as read live.`,
      ok: true,
      tokenRefused: false,
    };
  }
  return {
    text: `${ADMIN_ACTIONS[action].label} of ${id} failed (HTTP ${status}${code ? `, ${code}` : ''})${said ? `: ${said}` : '.'}`,
    ok: false,
    tokenRefused: false,
  };
}
