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
