// The service's SVG badge (dev.socialticker.ticker.format.BadgeSvg, in Java) is sized as shields'
// badge-maker sizes its flat badges. Two files in the Java tree carry that claim, and this test
// checks both against the badge-maker npm package itself:
// - the width table BadgeSvg measures with, which must be the one badge-maker measures with
//   (anafanafo's Verdana 11px table, as badge-maker's own dependency resolves it);
// - badge-maker's geometry for the texts the service draws (src/test/resources/badge-maker/badges.json),
//   which BadgeSvgTest compares the service's badges with.
// Rewrite both after a badge-maker update: BADGE_MAKER_WRITE=true npm test, and review the diff.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { makeBadge } from 'badge-maker';

// badge-maker's package exports its entry point alone: its package.json is read beside it (lib/..).
const badgeMakerEntry = createRequire(import.meta.url).resolve('badge-maker');
const badgeMakerVersion = JSON.parse(readFileSync(new URL('../package.json', pathToFileURL(badgeMakerEntry)), 'utf8')).version;
// The anafanafo that badge-maker itself imports, whichever copy npm installed for it.
const fromBadgeMaker = createRequire(badgeMakerEntry);
const anafanafoVersion = fromBadgeMaker('anafanafo/package.json').version;
const anafanafoLicence = readFileSync(fromBadgeMaker.resolve('anafanafo/LICENSE'), 'utf8');
/** @type {Array<[number, number, number]>} [first code point, last code point, width in px] */
const widths = fromBadgeMaker('anafanafo/data/verdana-11px-normal.json');

const root = new URL('../../../', import.meta.url);
const tablePath = fileURLToPath(new URL('src/main/resources/dev/socialticker/ticker/format/verdana-11px-widths.txt', root));
const badgesPath = fileURLToPath(new URL('src/test/resources/badge-maker/badges.json', root));
const write = process.env.BADGE_MAKER_WRITE === 'true';

/** The table as BadgeSvg reads it: a header of comments, then `first[-last] width` per line, code points in hex. */
function tableText() {
  const header = [
    "The advance widths of Verdana at 11 px that shields' badge-maker measures a badge's texts with:",
    `anafanafo ${anafanafoVersion}'s data/verdana-11px-normal.json (badge-maker ${badgeMakerVersion}), one range`,
    'of code points a line, "first[-last] width", code points in hex, widths in px. A code point not',
    'listed is as wide as "m"; a control character is 0 wide. Checked against the npm package by',
    'frontend/test/unit/badge-maker.test.js; rewrite with BADGE_MAKER_WRITE=true npm test (in frontend/).',
    '',
    'anafanafo is under the MIT License:',
    '',
    ...anafanafoLicence.trim().split('\n'),
  ];
  const ranges = widths.map(([first, last, width]) =>
    `${first.toString(16)}${first === last ? '' : `-${last.toString(16)}`} ${width}`);
  return [...header.map((line) => `#${line ? ` ${line}` : ''}`), ...ranges].join('\n') + '\n';
}

// What the service draws: the default label and others a configuration may set (ticker.formats.label,
// any script; badge-maker trims it), compact counts of every length and the words of its other badges.
const labels = [
  'followers', 'subscribers', 'stars', 'Follower', 'abonnés', 'obserwujący', 'подписчики', '粉丝', '⭐ stars',
  '🐙 followers', '<fans & "friends">', ' followers\u00a0',
];
const messages = [
  '0', '7', '42', '999', '1k', '1.2k', '9.99k', '12.3k', '16.6k', '123k', '1.23M', '2.48M', '1.23B', '9.22E', '-5',
  'no data', 'not found', 'invalid id', 'invalid name',
];
const cases = [
  ...messages.map((message) => ({ label: 'followers', message })),
  ...labels.slice(1).map((label) => ({ label, message: '12.3k' })),
];

/** badge-maker's flat badge for one case: the whole width, each section's, and each text's centre and length (×10, as drawn). */
function geometry({ label, message }) {
  const svg = makeBadge({ label, message, color: '#2e7d32', labelColor: '#555555', style: 'flat' });
  const number = (pattern) => {
    const found = pattern.exec(svg);
    assert.ok(found, `${pattern} in ${svg}`);
    return Number(found[1]);
  };
  const texts = [...svg.matchAll(/<text x="(\d+)" y="140" textLength="(\d+)">/g)];
  assert.equal(texts.length, 2, svg);
  return {
    label,
    message,
    width: number(/^<svg [^>]*width="(\d+)"/),
    labelWidth: number(/<rect width="(\d+)" height="20" fill="#555555"\/>/),
    messageWidth: number(/<rect x="\d+" width="(\d+)" height="20" fill="#2e7d32"\/>/),
    labelX: Number(texts[0][1]),
    labelTextLength: Number(texts[0][2]),
    messageX: Number(texts[1][1]),
    messageTextLength: Number(texts[1][2]),
  };
}

/** The kept geometry: one badge a line, so a change reads as the lines of the texts it changed. */
function badgesText() {
  const lines = cases.map((badge) => ` ${JSON.stringify(geometry(badge))}`);
  return `{"badgeMaker": ${JSON.stringify(badgeMakerVersion)}, "style": "flat", "badges": [\n${lines.join(',\n')}\n]}\n`;
}

describe("the badge's sizes, against badge-maker", () => {
  if (write) {
    writeFileSync(tablePath, tableText());
    writeFileSync(badgesPath, badgesText());
  }

  it('BadgeSvg measures with the width table badge-maker measures with', () => {
    assert.ok(widths.length > 10000, `anafanafo's table has ${widths.length} ranges`);
    assert.equal(readFileSync(tablePath, 'utf8'), tableText(),
      `${tablePath} differs from anafanafo ${anafanafoVersion}'s table: BADGE_MAKER_WRITE=true npm test rewrites it`);
  });

  it("the geometry BadgeSvgTest checks the service's badges with is badge-maker's", () => {
    const kept = JSON.parse(readFileSync(badgesPath, 'utf8'));
    assert.deepEqual(kept, JSON.parse(badgesText()),
      `${badgesPath} differs from badge-maker ${badgeMakerVersion}'s badges: BADGE_MAKER_WRITE=true npm test rewrites it`);
    const followers = kept.badges.find((badge) => badge.message === '16.6k');
    assert.equal(followers.width, 100, 'followers | 16.6k, as issue 35 measured it');
  });
});
