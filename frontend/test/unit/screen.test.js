import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { FILL, fittedSize, roomFor } from '../../src/fit-text.js';
import { formatShare } from '../../src/format.js';
import { FIRST_CHECK, MIN_RELOAD_GAP_MS, releaseCheck } from '../../src/release-check.js';
import { SCREEN_DEFAULTS, screenSettings } from '../../src/screen-settings.js';
import { sourceUrl } from '../../src/service-urls.js';

describe('fittedSize', () => {
  it('fills the box’s width but for the margin when the text is wide', () => {
    // "123,462,097" measured 1000×110 px at 100 px, in a 1920×900 box: the width decides.
    const size = fittedSize({ size: 100, width: 1000, height: 110 }, { boxWidth: 1920, boxHeight: 900 });
    assert.equal(size, Math.floor(100 * 1920 * FILL / 1000 * 100) / 100);
    assert.ok(size * 10 <= 1920 && size * 10 >= 0.8 * 1920);
  });

  it('never passes the box’s height when the text is short', () => {
    // "42" measured 120×110 px at 100 px in a 1920×500 box: the height decides.
    const size = fittedSize({ size: 100, width: 120, height: 110 }, { boxWidth: 1920, boxHeight: 500 });
    assert.equal(size, Math.floor(100 * 500 / 110 * 100) / 100);
    assert.ok(size * 1.1 <= 500);
  });

  it('is null while the text or the box is not laid out (hidden, empty)', () => {
    assert.equal(fittedSize({ size: 100, width: 0, height: 110 }, { boxWidth: 1920, boxHeight: 900 }), null);
    assert.equal(fittedSize({ size: 100, width: 500, height: 110 }, { boxWidth: 0, boxHeight: 0 }), null);
    assert.equal(fittedSize({ size: Number.NaN, width: 500, height: 110 }, { boxWidth: 10, boxHeight: 10 }), null);
  });
});

describe('roomFor', () => {
  it('gives the number’s row the height the rows leave free in the box', () => {
    // A 1080×1920 screen: heading 60, number 280, label 43, badge 56; 16 px between rows; an inner
    // height of 1800. The number may grow into what is left: 1800 − (439 + 48) + 280.
    assert.equal(roomFor(280, { innerHeight: 1800, rows: [60, 280, 43, 56], gap: 16 }), 1593);
  });

  it('is its own height when the rows fill the box, and less when they overflow it', () => {
    assert.equal(roomFor(300, { innerHeight: 400, rows: [50, 300, 50], gap: 0 }), 300);
    assert.equal(roomFor(300, { innerHeight: 380, rows: [50, 300, 50], gap: 0 }), 280);
  });

  it('is null while a measure is missing', () => {
    assert.equal(roomFor(280, { innerHeight: 1800, rows: [Number.NaN], gap: 16 }), null);
    assert.equal(roomFor(280, { innerHeight: 1800, rows: [], gap: 16 }), null);
  });
});

describe('screenSettings', () => {
  it('has defaults for everything', () => {
    assert.deepEqual(screenSettings(''), { attributes: {}, ...SCREEN_DEFAULTS, problems: [] });
  });

  it("passes the ticker's attributes through and reads the screen's own", () => {
    const settings = screenSettings('?src=/api/metrics&format=compact&locale=de-DE&label=fans&theme=dark'
      + '&show=rotate&rotate-every=20&release-check=off&cursor-hide=5&unknown=1');
    assert.deepEqual(settings.attributes, {
      src: '/api/metrics', format: 'compact', locale: 'de-DE', label: 'fans', theme: 'dark',
    });
    assert.equal(settings.show, 'rotate');
    assert.equal(settings.rotateEverySeconds, 20);
    assert.equal(settings.releaseCheckSeconds, null);
    assert.equal(settings.cursorHideSeconds, 5);
    assert.deepEqual(settings.problems, []);
  });

  it('says why a value is not used, and keeps the default', () => {
    const settings = screenSettings('?show=carousel&rotate-every=1&release-check=soon&cursor-hide=-3&theme=sepia');
    assert.equal(settings.show, 'total');
    assert.equal(settings.rotateEverySeconds, SCREEN_DEFAULTS.rotateEverySeconds);
    assert.equal(settings.releaseCheckSeconds, SCREEN_DEFAULTS.releaseCheckSeconds);
    assert.equal(settings.cursorHideSeconds, SCREEN_DEFAULTS.cursorHideSeconds);
    assert.equal(settings.attributes.theme, undefined);
    assert.deepEqual(settings.problems, [
      "theme must be light or dark, not 'sepia'",
      "show must be total or rotate, not 'carousel'",
      "rotate-every must be a whole number of seconds from 3 to 3600, not '1'",
      "release-check must be a whole number of seconds from 2 to 86400, or off, not 'soon'",
      "cursor-hide must be a whole number of seconds from 1 to 3600, not '-3'",
    ]);
  });
});

describe('releaseCheck', () => {
  const at = { nowMs: 50 * 60_000, reloadedAtMs: null };

  it('takes the first version it reads as the one the page runs', () => {
    assert.deepEqual(releaseCheck(FIRST_CHECK, '"a"', at), { state: { loaded: '"a"', seen: null }, reload: false });
  });

  it('changes nothing for a version it could not read (offline, an error page)', () => {
    const state = { loaded: '"a"', seen: '"b"' };
    assert.deepEqual(releaseCheck(state, null, at), { state, reload: false });
    assert.deepEqual(releaseCheck(FIRST_CHECK, null, at), { state: FIRST_CHECK, reload: false });
  });

  it('reloads for a new version seen twice in a row, not once', () => {
    const first = releaseCheck({ loaded: '"a"', seen: null }, '"b"', at);
    assert.deepEqual(first, { state: { loaded: '"a"', seen: '"b"' }, reload: false });
    assert.equal(releaseCheck(first.state, '"b"', at).reload, true);
  });

  it('does not reload while old and new versions are served by turns (a rolling deploy)', () => {
    let state = { loaded: '"a"', seen: null };
    for (const version of ['"b"', '"a"', '"b"', '"a"', '"c"', '"b"']) {
      const decision = releaseCheck(state, version, at);
      assert.equal(decision.reload, false, version);
      state = decision.state;
    }
  });

  it('never reloads twice within the minimum gap', () => {
    const state = { loaded: '"a"', seen: '"b"' };
    assert.equal(releaseCheck(state, '"b"', { nowMs: at.nowMs, reloadedAtMs: at.nowMs - MIN_RELOAD_GAP_MS + 1 }).reload, false);
    assert.equal(releaseCheck(state, '"b"', { nowMs: at.nowMs, reloadedAtMs: at.nowMs - MIN_RELOAD_GAP_MS }).reload, true);
  });
});

describe('formatShare', () => {
  it('is a whole percentage in the reader’s locale', () => {
    assert.equal(formatShare(12_345, 17_653, { locale: 'en-US' }), '70%');
    assert.equal(formatShare(987, 17_653, { locale: 'en-US' }), '6%');
    assert.equal(formatShare(987, 17_653, { locale: 'de-DE' }), '6\u00a0%');
  });

  it('says "<1%" for a small but present share, and "—" when it is unknown', () => {
    assert.equal(formatShare(3, 17_653, { locale: 'en-US' }), '<1%');
    assert.equal(formatShare(0, 17_653, { locale: 'en-US' }), '0%');
    assert.equal(formatShare(null, 17_653, { locale: 'en-US' }), '—');
    assert.equal(formatShare(5, 0, { locale: 'en-US' }), '—');
  });
});

describe('sourceUrl', () => {
  it('is one source’s URL beside the summed one, under any prefix', () => {
    assert.equal(sourceUrl('https://host/api/metrics', 'github-octocat').href, 'https://host/api/metrics/github-octocat');
    assert.equal(sourceUrl('https://host/ticker/api/metrics/', 'a1').href, 'https://host/ticker/api/metrics/a1');
  });

  it('is null for a URL that is not the summed one, or an id that is not a source id', () => {
    assert.equal(sourceUrl('https://host/api/metrics/github-octocat', 'x'), null);
    assert.equal(sourceUrl('https://host/counts.json', 'x'), null);
    assert.equal(sourceUrl('https://host/api/metrics', '../admin'), null);
  });
});
