import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { brandIcon } from '../../src/brand-icons.js';
import {
  DEFAULT_COUNTS, countNoun, displayName, providerIcon, readProviders, shownProviders,
} from '../../src/provider-display.js';

// /api/ui-config's `providers`, as the service sends it (each provider file describes itself).
const PROVIDERS = Object.freeze({
  github: { name: 'GitHub', icon: 'mdi:github', counts: { one: 'follower', other: 'followers' } },
  youtube: { name: 'YouTube', icon: 'mdi:youtube', counts: { one: 'subscriber', other: 'subscribers' } },
  discord: { name: 'Discord', icon: 'mdi:forum', counts: { one: 'member', other: 'members' } },
  demo: { name: 'Demo', icon: 'mdi:account-group', counts: { one: 'follower', other: 'followers' } },
  mastodon: { name: 'Mastodon', icon: 'mdi:mastodon', counts: { one: 'follower', other: 'followers' } },
  telegram: { name: 'Telegram', icon: 'mdi:send', counts: { one: 'member', other: 'members' } },
  pixelfed: { name: 'Pixelfed', icon: 'mdi:camera', counts: { one: 'follower', other: 'followers' } },
  'peertube-channel': { name: 'PeerTube', icon: 'mdi:play-box', counts: { one: 'subscriber', other: 'subscribers' } },
});

// Every provider the service ships a file for: each has a mark on the page.
const BUILT_IN = Object.freeze([
  'instagram', 'github', 'mastodon', 'bluesky', 'youtube', 'threads', 'twitch', 'tiktok', 'facebook', 'x', 'reddit',
  'discord', 'telegram', 'spotify', 'peertube', 'peertube-channel', 'linkedin',
]);

// Documents a service may send, or a proxy or an older service may stand in with.
const UNUSABLE = Object.freeze([undefined, null, 'GitHub', 42, true, [], [PROVIDERS.github]]);

describe('brandIcon', () => {
  it('draws every built-in provider as a 24×24 SVG path', () => {
    for (const id of BUILT_IN) assert.match(brandIcon(id) ?? '', /^M[\d.\s,-]/, id);
  });

  it('gives both PeerTube providers the same mark, and distinct marks otherwise', () => {
    assert.equal(brandIcon('peertube-channel'), brandIcon('peertube'));
    const others = BUILT_IN.filter((id) => id !== 'peertube-channel');
    assert.equal(new Set(others.map(brandIcon)).size, others.length);
  });

  it('has no mark for an integrator’s provider, a prototype’s name or what is not an id', () => {
    for (const id of ['pixelfed', 'demo', 'constructor', 'toString', '__proto__', 'GitHub', '', null, undefined, 7]) {
      assert.equal(brandIcon(id), null, String(id));
    }
  });
});

describe('displayName', () => {
  it('is the name the provider gives itself', () => {
    assert.equal(displayName(PROVIDERS, 'github'), 'GitHub');
    assert.equal(displayName(PROVIDERS, 'peertube-channel'), 'PeerTube');
    assert.equal(displayName(readProviders(PROVIDERS), 'youtube'), 'YouTube');
  });

  it('is the id as sent when the providers do not name it', () => {
    assert.equal(displayName(PROVIDERS, 'instagram'), 'instagram', 'not in the document');
    assert.equal(displayName({ github: { name: '  ' } }, 'github'), 'github', 'a blank name');
    assert.equal(displayName({ github: { name: 7 } }, 'github'), 'github', 'a name that is not text');
    assert.equal(displayName({ github: 'GitHub' }, 'github'), 'github', 'an entry that is not an object');
    assert.equal(displayName(PROVIDERS, 'constructor'), 'constructor', 'a prototype’s name is not an entry');
    for (const providers of UNUSABLE) assert.equal(displayName(providers, 'github'), 'github', JSON.stringify(providers));
  });

  it('is empty for no id at all', () => {
    assert.equal(displayName(PROVIDERS, null), '');
    assert.equal(displayName(PROVIDERS, undefined), '');
    assert.equal(displayName(null, ''), '');
  });
});

describe('providerIcon', () => {
  it('draws a built-in provider’s mark, whatever the providers say or do not', () => {
    assert.deepEqual(providerIcon(PROVIDERS, 'github'), { path: brandIcon('github') });
    assert.deepEqual(providerIcon(null, 'linkedin'), { path: brandIcon('linkedin') });
    assert.deepEqual(providerIcon({}, 'peertube-channel'), { path: brandIcon('peertube') });
  });

  it('gives a provider without a mark the first letter of its name, upper case', () => {
    assert.deepEqual(providerIcon(PROVIDERS, 'demo'), { letter: 'D' });
    assert.deepEqual(providerIcon({ acme: { name: 'Ma Chaîne' } }, 'acme'), { letter: 'M' }, 'its name, not its id');
    assert.deepEqual(providerIcon({ acme: { name: 'ïle' } }, 'acme'), { letter: 'Ï' });
    // English case rules whatever the reader's: a Turkish upper-casing would give "İ".
    assert.deepEqual(providerIcon({ acme: { name: 'instance' } }, 'acme'), { letter: 'I' });
    assert.deepEqual(providerIcon({ acme: { name: '  zebra' } }, 'acme'), { letter: 'Z' }, 'leading spaces are not a letter');
  });

  it('takes the first letter of the id while the providers do not name it', () => {
    assert.deepEqual(providerIcon(null, 'pixelfed'), { letter: 'P' });
    assert.deepEqual(providerIcon({ pixelfed: { name: '' } }, 'pixelfed'), { letter: 'P' });
  });

  it('is null when there is no provider at all', () => {
    assert.equal(providerIcon(PROVIDERS, null), null);
    assert.equal(providerIcon(PROVIDERS, undefined), null);
    assert.equal(providerIcon(PROVIDERS, ''), null);
  });
});

describe('shownProviders', () => {
  it('is the providers of a sum’s sources, each once, in order', () => {
    const sources = [{ provider: 'github' }, { provider: 'youtube' }, { provider: 'github' }];
    assert.deepEqual(shownProviders({ provider: null, sources }), ['github', 'youtube']);
  });

  it('is the provider of a one-source body, which lists no sources', () => {
    assert.deepEqual(shownProviders({ provider: 'youtube', sources: [] }), ['youtube']);
    assert.deepEqual(shownProviders({ provider: 'youtube', sources: [{ provider: 'youtube' }] }), ['youtube']);
  });

  it('is empty before anything is known, and skips a source without a provider', () => {
    assert.deepEqual(shownProviders({ provider: null, sources: [] }), []);
    assert.deepEqual(shownProviders({}), []);
    assert.deepEqual(shownProviders({ sources: [{ provider: '' }, {}, null, { provider: 'discord' }] }), ['discord']);
  });
});

describe('countNoun', () => {
  it('is the provider’s own noun, singular or plural by English rules', () => {
    assert.equal(countNoun(PROVIDERS, ['youtube'], 12_345), 'subscribers');
    assert.equal(countNoun(PROVIDERS, ['youtube'], 1), 'subscriber');
    assert.equal(countNoun(PROVIDERS, ['youtube'], 0), 'subscribers');
    assert.equal(countNoun(PROVIDERS, ['discord'], 2), 'members');
    assert.equal(countNoun(PROVIDERS, ['discord'], 1), 'member');
    assert.equal(countNoun(PROVIDERS, ['github'], 1), 'follower');
  });

  it('is plural while the count is not known', () => {
    assert.equal(countNoun(PROVIDERS, ['youtube'], null), 'subscribers');
    assert.equal(countNoun(PROVIDERS, ['youtube'], Number.NaN), 'subscribers');
  });

  it('is the shared noun of several providers that count the same thing', () => {
    assert.equal(countNoun(PROVIDERS, ['discord', 'telegram'], 3_000), 'members');
    assert.equal(countNoun(PROVIDERS, ['discord', 'telegram'], 1), 'member');
    assert.equal(countNoun(PROVIDERS, ['github', 'mastodon', 'demo'], 17_653), 'followers');
  });

  it('is "followers" for providers that count different things', () => {
    assert.equal(countNoun(PROVIDERS, ['github', 'youtube'], 17_653), 'followers');
    assert.equal(countNoun(PROVIDERS, ['youtube', 'discord'], 17_653), 'followers', 'neither subscribers nor members');
    assert.equal(countNoun(PROVIDERS, ['youtube', 'discord'], 1), 'follower');
    assert.equal(countNoun(PROVIDERS, ['youtube', 'peertube-channel'], 10), 'subscribers', 'the same words, another provider');
  });

  it('is "followers" when a provider shown does not say what it counts', () => {
    assert.equal(countNoun(PROVIDERS, ['youtube', 'instagram'], 10), 'followers', 'one of two not in the document');
    assert.equal(countNoun(PROVIDERS, ['instagram'], 10), 'followers');
    assert.equal(countNoun(PROVIDERS, [], 10), 'followers', 'nothing shown yet');
    assert.equal(countNoun(PROVIDERS, null, 1), 'follower');
  });

  it('falls back to "followers" for a missing, malformed or partial document, never throwing', () => {
    for (const providers of UNUSABLE) {
      assert.equal(countNoun(providers, ['youtube'], 5), 'followers', JSON.stringify(providers));
      assert.equal(countNoun(providers, ['youtube'], 1), 'follower', JSON.stringify(providers));
    }
    for (const counts of [undefined, null, 'subscribers', [], {}, { one: 'subscriber' }, { other: 'subscribers' },
      { one: '', other: 'subscribers' }, { one: 'subscriber', other: ' ' }, { one: 1, other: 2 }]) {
      assert.equal(countNoun({ youtube: { name: 'YouTube', counts } }, ['youtube'], 5), 'followers', JSON.stringify(counts));
    }
    assert.equal(countNoun({ youtube: null }, ['youtube'], 5), 'followers');
  });

  it('reads the same from the map the ticker keeps', () => {
    const kept = readProviders(PROVIDERS);
    assert.equal(countNoun(kept, ['youtube'], 1), 'subscriber');
    assert.equal(countNoun(kept, ['github', 'youtube'], 2), 'followers');
  });
});

describe('readProviders', () => {
  it('keeps each provider’s name and nouns, and what the page does not use is left out', () => {
    const kept = readProviders({ ...PROVIDERS, odd: { name: 'Odd', counts: { one: 'fan' } }, blank: {}, bad: 'Bad' });
    assert.deepEqual(kept.youtube, { name: 'YouTube', counts: { one: 'subscriber', other: 'subscribers' } });
    assert.deepEqual(kept.odd, { name: 'Odd', counts: null }, 'half a counts is none');
    assert.equal(Object.hasOwn(kept, 'blank'), false);
    assert.equal(Object.hasOwn(kept, 'bad'), false);
    assert.ok(Object.isFrozen(kept) && Object.isFrozen(kept.youtube) && Object.isFrozen(kept.youtube.counts));
  });

  it('is an empty map for a missing or malformed member', () => {
    for (const providers of UNUSABLE) assert.deepEqual(readProviders(providers), {}, JSON.stringify(providers));
  });

  it('keeps a key that a plain object would take from its prototype as an ordinary id', () => {
    const kept = readProviders(JSON.parse('{"__proto__": {"name": "Proto"}, "constructor": {"name": "Maker"}}'));
    assert.equal(displayName(kept, '__proto__'), 'Proto');
    assert.equal(displayName(kept, 'constructor'), 'Maker');
    assert.equal(displayName(readProviders({}), 'constructor'), 'constructor');
  });

  it('says "followers" by default, as the ticker did before providers named their counts', () => {
    assert.deepEqual(DEFAULT_COUNTS, { one: 'follower', other: 'followers' });
  });
});
