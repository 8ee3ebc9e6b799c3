// A stylesheet for shadow roots, built once and shared by every element of a kind on the page
// (<social-ticker>, <social-ticker-chart>): a constructed sheet, which a page's Content-Security-Policy
// allows without 'unsafe-inline', unlike a <style>.

/**
 * The constructed sheet of `css`, or null where the browser cannot construct one (before Safari
 * 16.4): the element then falls back to a <style> in its shadow root.
 * @param {string} css
 * @returns {CSSStyleSheet|null}
 */
export function constructedSheet(css) {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in Document.prototype)) return null;
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}
