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
  // Entering digit cells waiting for their first paint at 0, with the digit to roll to.
  #pending = new Map();

  #animate;

  /**
   * @param {HTMLElement} root element the cells are rendered into
   * @param {{animate?: () => boolean}} [options] false while motion is unwanted
   */
  constructor(root, { animate = () => true } = {}) {
    this.#root = root;
    this.#animate = animate;
  }

  /**
   * Shows `text` (an already formatted number), rolling the digits that changed.
   * @param {string} text
   * @param {readonly string[]} glyphs the locale's digits 0..9 (see format.js digitGlyphs)
   */
  show(text, glyphs) {
    if (this.#glyphs !== glyphs) {
      // Another numbering system: the strips' glyphs no longer fit, start over.
      this.clear();
      this.#glyphs = glyphs;
    }
    // The first number on an empty display is painted as it is: rolling up from 0 would show a
    // count that never was (00,000 under a "Live" badge). Only changes roll.
    const first = this.#cells.length === 0;
    const chars = [...text];
    const length = Math.max(chars.length, this.#cells.length);
    const next = [];
    let entered = false;
    for (let fromRight = 0; fromRight < length; fromRight += 1) {
      const char = chars[chars.length - 1 - fromRight];
      const cell = this.#cells[this.#cells.length - 1 - fromRight];
      if (char === undefined) {
        this.#pending.delete(cell.element);
        cell.element.remove();
        continue;
      }
      const digit = glyphs.indexOf(char);
      const kind = digit >= 0 ? DIGIT : SYMBOL;
      if (cell && cell.kind === kind) {
        if (kind === DIGIT) this.#setDigit(cell.element, digit);
        else if (cell.element.textContent !== char) cell.element.textContent = char;
        next.unshift(cell);
        continue;
      }
      const created = kind === DIGIT ? this.#digitCell(first ? digit : 0) : symbolCell(char);
      if (cell) {
        this.#pending.delete(cell.element);
        cell.element.replaceWith(created.element);
      } else {
        this.#root.prepend(created.element);
      }
      if (kind === DIGIT && !first) {
        this.#pending.set(created.element, digit);
        entered = true;
      }
      next.unshift(created);
    }
    this.#cells = next;
    if (entered) this.#rollIn();
  }

  /** Empties the display (no value to show). */
  clear() {
    this.#root.replaceChildren();
    this.#cells = [];
    this.#pending.clear();
  }

  #setDigit(cell, digit) {
    if (this.#pending.has(cell)) this.#pending.set(cell, digit);
    else setDigit(cell, digit);
  }

  // Digits entering a shown number start at 0 and roll to their value once the browser has painted the 0;
  // without a painted "from" state there is nothing to transition from.
  #rollIn() {
    const settle = () => {
      for (const [cell, digit] of this.#pending) setDigit(cell, digit);
      this.#pending.clear();
    };
    if (!this.#animate() || typeof requestAnimationFrame !== 'function') settle();
    else requestAnimationFrame(() => requestAnimationFrame(settle));
  }

  #digitCell(digit) {
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
    setDigit(element, digit);
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
