// The rolling number. Each digit is a vertical strip of the ten digit glyphs inside a
// one-line window; showing a digit sets --digit on the strip, and CSS translates it
// (a composited transform: no layout per frame). Cells are matched from the right, so
// units stay units when the number grows a digit, and an existing cell is never moved
// in the DOM: moving a node would cancel its running transition.

const DIGIT = 'digit';
const SYMBOL = 'symbol';

export class Odometer {
  #root;
  #glyphs = null;
  #cells = [];

  /** @param {HTMLElement} root element the cells are rendered into */
  constructor(root) {
    this.#root = root;
  }

  /**
   * Shows `text` (an already formatted number), rolling the digits that changed.
   * @param {string} text
   * @param {readonly string[]} glyphs the locale's digits 0..9 (see format.js digitGlyphs)
   */
  show(text, glyphs) {
    if (this.#glyphs !== glyphs) {
      // Another numbering system: the strips' glyphs no longer fit, start over.
      this.#root.replaceChildren();
      this.#cells = [];
      this.#glyphs = glyphs;
    }
    const chars = [...text];
    const length = Math.max(chars.length, this.#cells.length);
    const next = [];
    const entering = [];
    for (let fromRight = 0; fromRight < length; fromRight += 1) {
      const char = chars[chars.length - 1 - fromRight];
      const cell = this.#cells[this.#cells.length - 1 - fromRight];
      if (char === undefined) {
        cell.element.remove();
        continue;
      }
      const digit = glyphs.indexOf(char);
      const kind = digit >= 0 ? DIGIT : SYMBOL;
      if (cell && cell.kind === kind) {
        if (kind === DIGIT) setDigit(cell.element, digit);
        else if (cell.element.textContent !== char) cell.element.textContent = char;
        next.unshift(cell);
        continue;
      }
      const created = kind === DIGIT ? this.#digitCell() : symbolCell(char);
      if (cell) cell.element.replaceWith(created.element);
      else this.#root.prepend(created.element);
      if (kind === DIGIT) entering.push([created.element, digit]);
      next.unshift(created);
    }
    this.#cells = next;
    if (entering.length > 0) rollIn(entering);
  }

  /** Empties the display (no value to show). */
  clear() {
    this.#root.replaceChildren();
    this.#cells = [];
  }

  #digitCell() {
    const element = document.createElement('span');
    element.className = 'cell digit';
    const strip = document.createElement('span');
    strip.className = 'strip';
    for (const glyph of this.#glyphs) {
      const face = document.createElement('span');
      face.textContent = glyph;
      strip.append(face);
    }
    element.append(strip);
    setDigit(element, 0);
    return { kind: DIGIT, element };
  }
}

function symbolCell(char) {
  const element = document.createElement('span');
  element.className = 'cell symbol';
  element.textContent = char;
  return { kind: SYMBOL, element };
}

function setDigit(cell, digit) {
  const value = String(digit);
  if (cell.style.getPropertyValue('--digit') !== value) cell.style.setProperty('--digit', value);
}

// New digits start at 0 and roll to their value once the browser has painted the 0,
// otherwise there is no "from" state to transition from.
function rollIn(entering) {
  const settle = () => {
    for (const [cell, digit] of entering) setDigit(cell, digit);
  };
  if (typeof requestAnimationFrame !== 'function') {
    settle();
    return;
  }
  requestAnimationFrame(() => requestAnimationFrame(settle));
}
