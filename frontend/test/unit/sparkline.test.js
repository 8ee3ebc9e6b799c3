import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  SPARKLINE_DAYS, dayStart, historyPoints, sparklineFrom, sparklineLabel, sparklinePath, withLiveCount,
} from '../../src/sparkline.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-28T10:00:00Z');
const TODAY = Date.parse('2026-11-28T00:00:00Z');
const box = { width: 300, height: 48, inset: 2 };
const day = (n) => TODAY - n * DAY;

/** The path's coordinates as numbers, [[x, y], …]. */
function coordinates(path) {
  return [...path.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map(([, x, y]) => [Number(x), Number(y)]);
}

describe('sparklinePath', () => {
  it('runs from left to right, the lowest count at the bottom and the highest at the top', () => {
    const path = sparklinePath([{ t: day(2), count: 100 }, { t: day(1), count: 150 }, { t: day(0), count: 200 }], box);
    assert.equal(path.line, 'M0,46L150,24L300,2');
    assert.equal(path.area, 'M0,46L150,24L300,2L300,48L0,48Z');
  });

  it('places points by time, so a missing day shows as a longer segment', () => {
    const path = sparklinePath([{ t: day(30), count: 10 }, { t: day(3), count: 20 }, { t: day(0), count: 30 }],
      { ...box, domain: [day(SPARKLINE_DAYS), day(0)] });
    assert.deepEqual(coordinates(path.line).map(([x]) => x), [0, 270, 300]);
  });

  it('starts partway along the 30 days when the history is shorter', () => {
    const path = sparklinePath([{ t: day(6), count: 10 }, { t: day(0), count: 20 }],
      { ...box, domain: [day(SPARKLINE_DAYS), day(0)] });
    assert.equal(path.line, 'M240,46L300,2');
  });

  it('draws a single point as a level line across the middle', () => {
    const path = sparklinePath([{ t: day(0), count: 12345 }], box);
    assert.equal(path.line, 'M0,24L300,24');
  });

  it('draws a flat history as a level line across the middle, not a division by zero', () => {
    const path = sparklinePath([{ t: day(2), count: 500 }, { t: day(1), count: 500 }, { t: day(0), count: 500 }], box);
    assert.equal(path.line, 'M0,24L150,24L300,24');
  });

  it('shows a small change on a very large count at full height', () => {
    const big = Number.MAX_SAFE_INTEGER - 10;
    const path = sparklinePath([{ t: day(1), count: big }, { t: day(0), count: big + 3 }], box);
    assert.equal(path.line, 'M0,46L300,2');
    const billions = sparklinePath([{ t: day(2), count: 2_000_000_000 }, { t: day(1), count: 2_000_000_050 },
      { t: day(0), count: 2_000_000_100 }], box);
    assert.equal(billions.line, 'M0,46L150,24L300,2');
  });

  it('rounds coordinates to hundredths', () => {
    const path = sparklinePath([{ t: day(2), count: 0 }, { t: day(1), count: 1 }, { t: day(0), count: 3 }], box);
    assert.equal(path.line, 'M0,46L150,31.33L300,2');
  });

  it('draws nothing without points', () => {
    assert.equal(sparklinePath([], box), null);
  });
});

describe('historyPoints', () => {
  it("reads the history answer's points in time order", () => {
    const body = {
      id: 'instagram-acme', step: 'day', from: '2026-10-29T00:00:00Z', to: '2026-11-28T23:59:59Z',
      points: [
        { at: '2026-11-28T00:00:00Z', count: 12345, min: 12300, max: 12345 },
        { at: '2026-11-27T00:00:00Z', count: 12000, min: 11990, max: 12010 },
      ],
    };
    assert.deepEqual(historyPoints(body), [{ t: day(1), count: 12000 }, { t: day(0), count: 12345 }]);
  });

  it('leaves out points it cannot read, and reads an empty history as no points', () => {
    const body = { points: [{ at: 'yesterday', count: 1 }, { at: '2026-11-28T00:00:00Z', count: -1 },
      { at: '2026-11-28T00:00:00Z', count: '5' }, null, { at: '2026-11-28T00:00:00Z', count: 7 }] };
    assert.deepEqual(historyPoints(body), [{ t: day(0), count: 7 }]);
    assert.deepEqual(historyPoints({ points: [] }), []);
  });

  it('is null for anything that is not a history', () => {
    assert.equal(historyPoints(null), null);
    assert.equal(historyPoints({ total: 5 }), null);
    assert.equal(historyPoints([]), null);
  });
});

describe('withLiveCount', () => {
  it("sets today's point to the count on screen", () => {
    assert.deepEqual(withLiveCount([{ t: day(1), count: 10 }, { t: day(0), count: 11 }], 15, NOW),
      [{ t: day(1), count: 10 }, { t: day(0), count: 15 }]);
  });

  it('adds today when the history has no point for it yet', () => {
    assert.deepEqual(withLiveCount([{ t: day(1), count: 10 }], 15, NOW), [{ t: day(1), count: 10 }, { t: day(0), count: 15 }]);
  });

  it('leaves the points alone without a count, or when they run past today (a page clock behind)', () => {
    const points = [{ t: day(-1), count: 10 }];
    assert.equal(withLiveCount(points, 15, NOW), points);
    assert.equal(withLiveCount(points, null, NOW), points);
  });
});

describe('sparklineFrom', () => {
  it('is the date 30 days before today, UTC, the same all day', () => {
    assert.equal(sparklineFrom(NOW), '2026-10-29');
    assert.equal(sparklineFrom(TODAY + DAY - 1), '2026-10-29');
    assert.equal(dayStart(NOW), TODAY);
  });
});

describe('sparklineLabel', () => {
  it('says what the line shows: the label, the span, from which count to which', () => {
    const points = [{ t: day(30), count: 11900 }, { t: day(10), count: 12100 }, { t: day(0), count: 12345 }];
    assert.equal(sparklineLabel(points, { locale: 'en-US', nowMs: NOW }),
      'Followers over the last 30 days: from 11,900 to 12,345');
    assert.equal(sparklineLabel(points, { locale: 'de-DE', label: 'Abonnenten', nowMs: NOW }),
      'Abonnenten over the last 30 days: from 11.900 to 12.345');
  });

  it('says how many of the sources a partial line adds up', () => {
    const points = [{ t: day(30), count: 15700 }, { t: day(0), count: 16918 }];
    assert.equal(sparklineLabel(points, { locale: 'en-US', nowMs: NOW, partial: { covered: 1, of: 2 } }),
      'Followers of 1 of 2 sources over the last 30 days: from 15,700 to 16,918');
  });

  it('says how many days a shorter history covers', () => {
    assert.equal(sparklineLabel([{ t: day(6), count: 1 }, { t: day(0), count: 2 }], { locale: 'en-US', nowMs: NOW }),
      'Followers over the last 6 days: from 1 to 2');
    assert.equal(sparklineLabel([{ t: day(1), count: 1 }, { t: day(0), count: 2 }], { locale: 'en-US', nowMs: NOW }),
      'Followers over the last day: from 1 to 2');
  });
});
