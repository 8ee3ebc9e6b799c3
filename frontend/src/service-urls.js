// Where the service's other endpoints are, given the metrics URL the ticker polls (pure).

/**
 * `/api/ui-config` of the service behind the metrics URL, kept under any path prefix the
 * service is mounted at: `https://host/ticker/api/metrics` → `https://host/ticker/api/ui-config`.
 */
export function uiConfigUrl(metricsUrl) {
  const url = new URL(metricsUrl);
  const api = url.pathname.lastIndexOf('/api/');
  return new URL(`${api >= 0 ? url.pathname.slice(0, api) : ''}/api/ui-config`, url);
}

/**
 * The history of what the metrics URL shows, by day from `from` (a date): `/api/metrics/history`
 * (the sum over all sources) for `/api/metrics`, `/api/metrics/{id}/history` for one source's
 * `/api/metrics/{id}`. Null for a metrics URL of another shape, whose history is unknown.
 * `sources` limits the sum to those ids (a partial growth's sources, so the line does not jump
 * where another source's history begins); one source's history ignores it.
 * @param {string|URL} metricsUrl
 * @param {string} from YYYY-MM-DD
 * @param {readonly string[]|null} [sources]
 */
export function historyUrl(metricsUrl, from, sources = null) {
  const url = new URL(metricsUrl);
  const match = /^(.*\/api\/metrics)(\/[a-z0-9][a-z0-9-]{0,62})?\/?$/.exec(url.pathname);
  if (!match) return null;
  const history = new URL(`${match[1]}${match[2] ?? ''}/history`, url);
  /** @type {Record<string, string>} */
  const query = { step: 'day', from };
  if (sources?.length && !match[2]) query.sources = sources.join(',');
  history.search = new URLSearchParams(query).toString();
  return history;
}

/**
 * One source's metrics URL beside the summed one: `https://host/api/metrics` and `acme` →
 * `https://host/api/metrics/acme`. Null for a metrics URL of another shape.
 * @param {string|URL} metricsUrl
 * @param {string} id
 */
export function sourceUrl(metricsUrl, id) {
  const url = new URL(metricsUrl);
  const match = /^(.*\/api\/metrics)\/?$/.exec(url.pathname);
  if (!match || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) return null;
  return new URL(`${match[1]}/${id}`, url);
}
