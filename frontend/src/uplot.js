// uPlot (MIT, github.com/leeoniya/uPlot), the charts' time-series chart: served from the jar by its
// WebJar (pom.xml, uplot.version), so a page loads nothing from elsewhere. Its addresses are written
// here and in charts.html only; PagesTest fails when they and the packaged version part. Relative to
// this module, so a service mounted under a path (a proxy's /ticker/) serves it to an embedded chart too.
// @ts-expect-error: the WebJar's address is the service's, not a file the type checker can find.
export { default } from './webjars/uplot/1.6.30/dist/uPlot.esm.js';

/**
 * uPlot's stylesheet, from the service that served this module (an embedded chart's page is on
 * another site; its shadow root links this).
 */
export const UPLOT_STYLESHEET = new URL('./webjars/uplot/1.6.30/dist/uPlot.min.css', import.meta.url).href;
