import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';

import { Odometer } from '../../src/odometer.js';

const LATIN = Object.freeze(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);

/** Just enough of the DOM for the odometer: elements in a tree, inline custom properties, text. */
class FakeElement {
  parent = null;
  children = [];
  className = '';
  #text = '';
  #style = new Map();
  style = {
    setProperty: (name, value) => this.#style.set(name, value),
    getPropertyValue: (name) => this.#style.get(name) ?? '',
  };

  get textContent() {
    return this.children.length ? this.children.map((child) => child.textContent).join('') : this.#text;
  }

  set textContent(text) {
    this.children = [];
    this.#text = text;
  }

  append(...nodes) {
    for (const node of nodes) this.#adopt(node, this.children.length);
  }

  prepend(node) {
    this.#adopt(node, 0);
  }

  replaceWith(node) {
    const { parent } = this;
    const index = parent.children.indexOf(this);
    this.remove();
    parent.#adopt(node, index);
  }

  remove() {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }

  replaceChildren() {
    for (const child of [...this.children]) child.remove();
  }

  #adopt(node, index) {
    const element = typeof node === 'string' ? Object.assign(new FakeElement(), { textContent: node }) : node;
    element.remove();
    element.parent = this;
    this.children.splice(index, 0, element);
  }
}

/** What each cell shows: a digit cell its glyph at --digit, a symbol cell its text. */
function shown(root) {
  return root.children.map((cell) => (cell.className.includes('digit')
    ? cell.children[0].children[Number(cell.style.getPropertyValue('--digit'))].textContent
    : cell.textContent)).join('');
}

describe('Odometer', () => {
  let frames;

  beforeEach(() => {
    frames = [];
    globalThis.document = { createElement: () => new FakeElement() };
    globalThis.requestAnimationFrame = (callback) => frames.push(callback);
  });

  afterEach(() => {
    delete globalThis.document;
    delete globalThis.requestAnimationFrame;
  });

  const nextFrame = () => frames.splice(0).forEach((callback) => callback());

  it('paints the first number as it is, with no roll-up from zero', () => {
    const root = new FakeElement();
    new Odometer(root).show('12,345', LATIN);
    assert.equal(shown(root), '12,345', 'before any frame');
    assert.equal(frames.length, 0, 'nothing waits for a frame to roll');
  });

  it('rolls the digits of a change: an entering digit starts at 0, then rolls to its value', () => {
    const root = new FakeElement();
    const odometer = new Odometer(root);
    odometer.show('999', LATIN);
    odometer.show('1,000', LATIN);
    assert.equal(shown(root), '0,000', 'the new leading digit is painted at 0 first');
    nextFrame();
    nextFrame();
    assert.equal(shown(root), '1,000');
  });

  it('paints the first number at once again after being cleared (a count after no data)', () => {
    const root = new FakeElement();
    const odometer = new Odometer(root);
    odometer.show('7', LATIN);
    odometer.clear();
    odometer.show('4,321', LATIN);
    assert.equal(shown(root), '4,321');
    assert.equal(frames.length, 0);
  });
});
