// Providers as a reader sees them: a name, a mark, and the word for what is counted ("followers",
// "subscribers", "members"). Each provider describes itself in its own file; the service hands
// that to the page in /api/ui-config's `providers`, keyed by provider id:
//   {"youtube": {"name": "YouTube", "icon": "mdi:youtube", "counts": {"one": "subscriber", "other": "subscribers"}}}
// (`icon` names a Material Design icon for Home Assistant; the page draws the brand's own mark,
// brand-icons.js). ui-config is a convenience: without it, or with a part of it missing or
// unreadable, the page names a provider by its id and counts followers. Pure, no DOM.

import { brandIcon } from './brand-icons.js';

/** What is counted when the providers do not say, or do not agree: today's words. */
export const DEFAULT_COUNTS = Object.freeze({ one: 'follower', other: 'followers' });

// The nouns are English, so English plural rules choose between them, whatever the reader's
// locale: a Polish locale's "few" or an Arabic one's "two" has no English word to pick. One
// instance: the ticker chooses at every render.
const ENGLISH_PLURALS = new Intl.PluralRules('en');

const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isWord = (value) => typeof value === 'string' && value.trim() !== '';

/**
 * One provider's entry as the page uses it: its name and its counts' nouns, each null when the
 * document does not give a usable one; null when it says nothing usable of that provider. Only
 * the document's own keys count, so an id such as "constructor" is not read off a prototype.
 * @returns {{name: string|null, counts: {one: string, other: string}|null}|null}
 */
function entryOf(providers, id) {
  if (!isRecord(providers) || typeof id !== 'string' || !Object.hasOwn(providers, id)) return null;
  const entry = providers[id];
  if (!isRecord(entry)) return null;
  const name = isWord(entry.name) ? entry.name : null;
  const counts = isRecord(entry.counts) && isWord(entry.counts.one) && isWord(entry.counts.other)
    ? Object.freeze({ one: entry.counts.one, other: entry.counts.other }) : null;
  return name === null && counts === null ? null : Object.freeze({ name, counts });
}

/**
 * ui-config's `providers`, kept for the page: each provider with a usable name or counts, as
 * entryOf reads it; an empty map when the member is missing or is not an object. Frozen, so the
 * ticker can keep it as it keeps the rest of its config.
 * @param {unknown} providers the document's `providers` member, as parsed
 * @returns {Readonly<Record<string, {name: string|null, counts: {one: string, other: string}|null}>>}
 */
export function readProviders(providers) {
  if (!isRecord(providers)) return Object.freeze({});
  const entries = Object.keys(providers)
    .map((id) => [id, entryOf(providers, id)])
    .filter(([, entry]) => entry !== null);
  return Object.freeze(Object.fromEntries(entries));
}

/**
 * The provider's display name ("GitHub"), or its id as sent when the providers do not name it
 * (an older service, ui-config not read yet or not at all).
 * @param {unknown} providers ui-config's `providers` (readProviders' map, or the member as parsed)
 * @param {unknown} id the provider's id ("github")
 * @returns {string}
 */
export function displayName(providers, id) {
  return entryOf(providers, id)?.name ?? String(id ?? '');
}

/**
 * What draws the provider's icon: {path} for a 24×24 SVG path (a built-in provider's mark), or
 * {letter} for one without a mark (the first letter of its display name, upper case), or null
 * when there is no provider at all.
 * @param {unknown} providers ui-config's `providers`
 * @param {unknown} id the provider's id
 * @returns {{path?: string, letter?: string}|null} one of the two, never both
 */
export function providerIcon(providers, id) {
  if (!id) return null;
  const path = brandIcon(id);
  if (path) return { path };
  const letter = [...displayName(providers, id).trim()][0];
  return letter ? { letter: letter.toLocaleUpperCase('en') } : null;
}

/**
 * The providers on screen: the sources' providers of a summed body, or the provider of a
 * one-source body (which lists no sources), each once, in order.
 * @param {{provider?: string|null, sources?: ReadonlyArray<{provider?: string}>}} view
 * @returns {string[]}
 */
export function shownProviders({ provider = null, sources = [] } = {}) {
  const ids = [provider, ...sources.map((source) => source?.provider)];
  return [...new Set(ids.filter((id) => typeof id === 'string' && id !== ''))];
}

/**
 * The word for what a count counts: its providers' own nouns when every provider shown names the
 * same ones ("subscribers" for YouTube alone, "followers" for GitHub and Mastodon), else
 * "followers": a sum of subscribers and members is neither. Singular or plural for `count` by
 * English rules; a count not known yet is plural.
 * @param {unknown} providers ui-config's `providers`
 * @param {ReadonlyArray<string>} ids the providers shown (shownProviders)
 * @param {number|null} count the number the word goes with
 * @returns {string}
 */
export function countNoun(providers, ids, count) {
  const named = (ids ?? []).map((id) => entryOf(providers, id)?.counts ?? DEFAULT_COUNTS);
  const [first = DEFAULT_COUNTS] = named;
  const agreed = named.every((counts) => counts.one === first.one && counts.other === first.other);
  const counts = agreed ? first : DEFAULT_COUNTS;
  return Number.isFinite(count) && ENGLISH_PLURALS.select(count) === 'one' ? counts.one : counts.other;
}
