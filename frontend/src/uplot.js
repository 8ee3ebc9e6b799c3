// uPlot (MIT, github.com/leeoniya/uPlot), the charts page's time-series chart: served from the jar
// by its WebJar (pom.xml, uplot.version), so the page loads nothing from elsewhere. Its address is
// written here only; PagesTest fails when it and the packaged version part.
// @ts-expect-error: the WebJar's address is the service's, not a file the type checker can find.
export { default } from '/webjars/uplot/1.6.30/dist/uPlot.esm.js';
