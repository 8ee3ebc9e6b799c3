import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
  DEFAULT_RANGE, MAX_SERIES, RANGES, alignGains, alignSeries, bodyHistoryUrl, countColumns, historyUrl, periodGains, milestonesCrossed,
  milestonesShown, pointsOf, rangeQuery, serviceBase, seriesCsv, seriesShown, stackColumns, sumOfAligned, utcDate,
} from '../../src/chart-data.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-07T18:20:00Z');
const at = (iso) => Date.parse(iso);

describe('rangeQuery', () => {
  it('asks hourly points for the short ranges and daily ones beyond, from a date so the address holds all day', () => {
    assert.deepEqual(rangeQuery('7d', NOW), { step: 'hour', from: '2026-12-01' });
    assert.deepEqual(rangeQuery('30d', NOW), { step: 'hour', from: '2026-11-08' });
    assert.deepEqual(rangeQuery('90d', NOW), { step: 'day', from: '2026-09-09' });
    assert.deepEqual(rangeQuery('1y', NOW), { step: 'day', from: '2025-12-08' });
    assert.deepEqual(rangeQuery('7d', NOW + 5 * 3_600_000), rangeQuery('7d', NOW), 'later the same day');
  });

  it('keeps "all" within what one daily request may ask (the service refuses over 5,000 points)', () => {
    const { from } = rangeQuery('all', NOW);
    const days = (NOW - Date.parse(from)) / DAY;
    assert.ok(days > 10 * 365 && days < 5_000, `${days} days`);
  });

  it('takes an unknown range as the default one', () => {
    assert.deepEqual(rangeQuery('forever', NOW), rangeQuery(DEFAULT_RANGE, NOW));
    assert.ok(RANGES[DEFAULT_RANGE]);
  });

  it('writes UTC dates', () => {
    assert.equal(utcDate(at('2026-12-31T23:59:59Z')), '2026-12-31');
  });
});

describe('historyUrl', () => {
  const base = new URL('https://ticker.example/');
  const query = { step: 'day', from: '2026-01-01' };

  it("asks one source's own history, its id encoded, and CSV for the download", () => {
    assert.equal(historyUrl(base, 'github-octo cat', query).href,
      'https://ticker.example/api/metrics/github-octo%20cat/history?step=day&from=2026-01-01');
    assert.equal(historyUrl(base, 'a', query, 'csv').href,
      'https://ticker.example/api/metrics/a/history?step=day&from=2026-01-01&format=csv');
  });

  it('keeps the path the service is mounted at, from any of its metrics addresses (an embedded chart\'s src)', () => {
    const mounted = serviceBase('https://host.example/ticker/api/tickers/lobby');
    assert.equal(mounted.href, 'https://host.example/ticker/');
    assert.equal(historyUrl(mounted, 'a', query).href, 'https://host.example/ticker/api/metrics/a/history?step=day&from=2026-01-01');
    assert.equal(serviceBase('https://host.example/api/metrics').href, 'https://host.example/');
  });
});

describe('bodyHistoryUrl', () => {
  const query = { step: 'hour', from: '2026-01-01' };

  it("asks the history of what the body's address answers: every source, a source, a ticker", () => {
    assert.equal(bodyHistoryUrl('https://t.example/api/metrics', query).href,
      'https://t.example/api/metrics/history?step=hour&from=2026-01-01');
    assert.equal(bodyHistoryUrl('https://t.example/api/metrics/github-octocat', query).href,
      'https://t.example/api/metrics/github-octocat/history?step=hour&from=2026-01-01');
    assert.equal(bodyHistoryUrl(new URL('https://t.example/ticker/api/tickers/lobby/'), query, 'csv').href,
      'https://t.example/ticker/api/tickers/lobby/history?step=hour&from=2026-01-01&format=csv');
  });

  it("drops the body's own query (its format), and never lists the sources", () => {
    const url = bodyHistoryUrl('https://t.example/api/tickers/lobby?format=compact', query);
    assert.equal(url.href, 'https://t.example/api/tickers/lobby/history?step=hour&from=2026-01-01');
    assert.equal(url.searchParams.has('sources'), false);
  });
});

describe('pointsOf', () => {
  it('keeps the usable points oldest first and never draws a missing count as zero', () => {
    const body = { points: [
      { at: '2026-01-02T00:00:00Z', count: 12 },
      { at: '2026-01-01T00:00:00Z', count: 10 },
      { at: 'not a date', count: 11 },
      { at: '2026-01-03T00:00:00Z', count: null },
      { at: '2026-01-04T00:00:00Z', count: '13' },
    ] };
    assert.deepEqual(pointsOf(body), [{ ms: at('2026-01-01T00:00:00Z'), count: 10 }, { ms: at('2026-01-02T00:00:00Z'), count: 12 }]);
  });

  it('reads a foreign or empty answer as no points', () => {
    for (const body of [null, 'text', {}, { points: 'x' }, []]) assert.deepEqual(pointsOf(body), []);
  });
});

describe('countColumns', () => {
  it("gives uPlot its columns: seconds and counts", () => {
    assert.deepEqual(countColumns([{ ms: 1_000, count: 5 }, { ms: 61_000, count: 6 }]), [[1, 61], [5, 6]]);
  });
});

describe('periodGains', () => {
  it("is each day's last count less the day before's, hourly or daily", () => {
    const hourly = [
      { ms: at('2026-01-01T10:00:00Z'), count: 100 },
      { ms: at('2026-01-01T23:00:00Z'), count: 110 },
      { ms: at('2026-01-02T05:00:00Z'), count: 115 },
      { ms: at('2026-01-02T22:00:00Z'), count: 130 },
      { ms: at('2026-01-03T01:00:00Z'), count: 125 },
    ];
    assert.deepEqual(periodGains(hourly), [
      { ms: at('2026-01-02T00:00:00Z'), gain: 20 },
      { ms: at('2026-01-03T00:00:00Z'), gain: -5 },
    ]);
  });

  it('gives the first day no bar, and a day without readings none: its gain shows on the next', () => {
    const daily = [
      { ms: at('2026-01-01T00:00:00Z'), count: 100 },
      { ms: at('2026-01-04T00:00:00Z'), count: 160 },
    ];
    assert.deepEqual(periodGains(daily), [{ ms: at('2026-01-04T00:00:00Z'), gain: 60 }]);
    assert.deepEqual(periodGains(daily.slice(0, 1)), []);
    assert.deepEqual(periodGains([]), []);
  });

  it('sums a longer range by ISO week (from Monday, UTC) or by month, at the period\'s start', () => {
    const daily = [
      { ms: at('2025-12-28T00:00:00Z'), count: 90 }, // a Sunday: the week from Monday 22 December
      { ms: at('2025-12-29T00:00:00Z'), count: 100 }, // Monday
      { ms: at('2026-01-04T00:00:00Z'), count: 130 }, // Sunday, the same week
      { ms: at('2026-01-05T00:00:00Z'), count: 135 }, // Monday, the next
      { ms: at('2026-02-01T00:00:00Z'), count: 150 },
    ];
    assert.deepEqual(periodGains(daily, 'week'), [
      { ms: at('2025-12-29T00:00:00Z'), gain: 40 },
      { ms: at('2026-01-05T00:00:00Z'), gain: 5 },
      { ms: at('2026-01-26T00:00:00Z'), gain: 15 },
    ]);
    assert.deepEqual(periodGains(daily, 'month'), [
      { ms: at('2026-01-01T00:00:00Z'), gain: 35 }, // December ended at 100, January at 135
      { ms: at('2026-02-01T00:00:00Z'), gain: 15 },
    ]);
  });

  it('starts a week on Monday on either side of 1970-01-01, a Thursday', () => {
    assert.deepEqual(periodGains([{ ms: at('1969-12-28T12:00:00Z'), count: 1 }, { ms: at('1970-01-01T00:00:00Z'), count: 3 }], 'week'),
      [{ ms: at('1969-12-29T00:00:00Z'), gain: 2 }]);
  });
});

describe('milestonesCrossed', () => {
  const LADDER = [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000];

  it('marks each milestone of the ladder once, at the first point that reached it', () => {
    const points = [
      { ms: 1, count: 9_000 },
      { ms: 2, count: 9_999 },
      { ms: 3, count: 10_000 },
      { ms: 4, count: 26_000 },
      { ms: 5, count: 24_000 },
      { ms: 6, count: 25_500 },
    ];
    assert.deepEqual(milestonesCrossed(points, LADDER), [
      { value: 10_000, ms: 3 },
      { value: 25_000, ms: 4 },
    ]);
  });

  it("reads the service's own ladder, whatever its order, and marks nothing without one", () => {
    const points = [{ ms: 1, count: 90 }, { ms: 2, count: 130 }];
    assert.deepEqual(milestonesCrossed(points, [125, 100, 'x']), [{ value: 100, ms: 2 }, { value: 125, ms: 2 }]);
    assert.deepEqual(milestonesCrossed(points, []), []);
    assert.deepEqual(milestonesCrossed(points, undefined), []);
  });

  it('marks nothing for a count that only fell or stayed', () => {
    assert.deepEqual(milestonesCrossed([{ ms: 1, count: 500 }, { ms: 2, count: 400 }, { ms: 3, count: 400 }], LADDER), []);
  });
});

describe('seriesShown', () => {
  const sources = [{ id: 'a', total: 5 }, { id: 'b', total: 900 }, { id: 'c' }, { id: 'd', total: 40 }];

  it('keeps every source while there are few enough, in their order', () => {
    assert.deepEqual(seriesShown(sources, 4).map(({ id }) => id), ['a', 'b', 'c', 'd']);
  });

  it('keeps the largest past the cap, still in the configuration\'s order, a source without a count last', () => {
    assert.deepEqual(seriesShown(sources, 2).map(({ id }) => id), ['b', 'd']);
    assert.deepEqual(seriesShown(sources, 3).map(({ id }) => id), ['a', 'b', 'd']);
    assert.equal(seriesShown(Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, total: i }))).length, MAX_SERIES);
  });
});

describe('alignSeries', () => {
  it('puts every source on every instant any has a point, its count carried until its next point', () => {
    const a = [{ ms: 1000, count: 10 }, { ms: 3000, count: 12 }];
    const b = [{ ms: 2000, count: 100 }, { ms: 3000, count: 90 }, { ms: 4000, count: 95 }];
    assert.deepEqual(alignSeries([a, b]), {
      times: [1000, 2000, 3000, 4000],
      columns: [[10, 10, 12, 12], [null, 100, 90, 95]],
    });
  });

  it('leaves a source before its first point unknown, not zero, and copes with a source without points', () => {
    const { columns } = alignSeries([[{ ms: 5, count: 1 }], []]);
    assert.deepEqual(columns, [[1], [null]]);
    assert.deepEqual(alignSeries([]), { times: [], columns: [] });
  });

  it('sums to what the service\'s sum answers at each instant', () => {
    const { columns } = alignSeries([[{ ms: 1, count: 3 }, { ms: 3, count: 4 }], [{ ms: 2, count: 10 }]]);
    const sums = columns[0].map((_, i) => columns.reduce((s, column) => s + (column[i] ?? 0), 0));
    assert.deepEqual(sums, [3, 13, 14]);
  });
});

describe('stackColumns', () => {
  it('stacks each series on those before it, so the last is the sum', () => {
    assert.deepEqual(stackColumns([[1, 2], [10, 20], [100, 200]]), [[1, 2], [11, 22], [111, 222]]);
  });

  it('stacks losses down from zero and gains up, and adds nothing for an unknown value', () => {
    assert.deepEqual(stackColumns([[5, -2], [-3, null], [4, -1]]), [[5, -2], [-3, 0], [9, -3]]);
    assert.deepEqual(stackColumns([]), []);
  });
});

describe('alignGains', () => {
  it('gives each source its daily gains on one axis of days, none where it has no day before', () => {
    const a = [{ ms: 0, count: 10 }, { ms: DAY, count: 15 }, { ms: 2 * DAY, count: 14 }];
    const b = [{ ms: DAY + 5, count: 100 }, { ms: 2 * DAY + 5, count: 130 }];
    assert.deepEqual(alignGains([a, b]), { times: [DAY, 2 * DAY], columns: [[5, -1], [null, 30]] });
  });
});

describe('seriesCsv', () => {
  it('writes a column per source and the total, an unknown count empty', () => {
    const csv = seriesCsv(['insta', 'gh'], { times: [0, DAY], columns: [[10, 12], [null, 7]] });
    assert.equal(csv, 'at,insta,gh,total\n1970-01-01T00:00:00.000Z,10,,10\n1970-01-02T00:00:00.000Z,12,7,19\n');
  });
});

describe('sumOfAligned', () => {
  it('adds the counts known at each instant, an unknown one adding nothing', () => {
    assert.deepEqual(sumOfAligned({ times: [1, 2], columns: [[3, 4], [null, 10]] }), [{ ms: 1, count: 3 }, { ms: 2, count: 14 }]);
  });
});

describe('milestonesShown', () => {
  const a = [{ ms: 1, count: 40 }, { ms: 2, count: 60 }];
  const b = [{ ms: 1, count: 30 }, { ms: 2, count: 45 }];

  it('marks the one line\'s crossings in the sum view', () => {
    assert.deepEqual(milestonesShown('sum', [a], true, [50]), [{ value: 50, ms: 2 }]);
  });

  it('marks the total\'s crossings on a stack of every source (70 to 105 passes 100), not each source\'s', () => {
    assert.deepEqual(milestonesShown('stacked', [a, b], true, [50, 100]), [{ value: 100, ms: 2 }]);
  });

  it('marks none for a line per source, nor for a stack of only some sources, whose top is not the total', () => {
    assert.deepEqual(milestonesShown('compare', [a, b], true, [50, 100]), []);
    assert.deepEqual(milestonesShown('stacked', [a, b], false, [50, 100]), []);
  });
});
