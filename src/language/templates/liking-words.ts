import type { SeededRandom } from '../../random/seeded-random.js';
import { pickOf } from './draw-from.js';
import type { Template } from './template.js';

// The words a user voices a taste with, or stresses it with: said twice in one turn they read as a form filled in
// ("I love dramas, and I loved The Searchers", "I just love X. Oh, and I just love Y", "I'd love a film suggestion.
// I love westerns", "I hate mysteries, plus I hated Heat"). Each matches whatever its tense; "like" and "enjoy" are
// left out, as "I'd like a film" and "What's it like?" are no tastes.
const WORDS: readonly RegExp[] = [
  /\blov(?:e|ed|es|ing)\b/i,
  /\bhat(?:e|ed|es)\b/i,
  /\bador(?:e|ed|es)\b/i,
  /\bfans?\b/i,
  /\bthought\b/i,
  /\binto\b/i,
  /\babsolutely\b/i,
  /\breally\b/i,
  /\bjust\b/i,
  /\bhonest(?:ly)?\b/i,
  /\balways\b/i,
];

/** The liking words a text says, one bit per word of {@link WORDS}: a turn's are the union of its parts'. */
export function likingWordsOf(text: string): number {
  let words = 0;
  for (let k = 0; k < WORDS.length; k++) if ((WORDS[k] as RegExp).test(text)) words |= 1 << k;
  return words;
}

// A template's own words, its slots aside (a title may say "Love", and does not make the wording say it), worked
// out once: the lists are fixed.
const ownWords = new WeakMap<Template<never>, number>();

function wordsOfTemplate<W>(template: Template<W>, probe: W): number {
  let words = ownWords.get(template as Template<never>);
  if (words === undefined) {
    words = likingWordsOf(template(probe));
    ownWords.set(template as Template<never>, words);
  }
  return words;
}

function unsaid<W>(list: readonly Template<W>[], said: number, probe: W): readonly Template<W>[] {
  return said === 0 ? list : list.filter((template) => (wordsOfTemplate(template, probe) & said) === 0);
}

/**
 * A template drawn evenly from two lists as {@link pickOf} does, of those whose own wording (filled with `probe`)
 * says no word of `said`; from all of them if none is left, as a turn must say its opinion somehow.
 */
export function pickUnsaid<W>(
  random: SeededRandom,
  said: number,
  probe: W,
  a: readonly Template<W>[],
  b: readonly Template<W>[] = [],
): Template<W> {
  const freshA = unsaid(a, said, probe);
  const freshB = unsaid(b, said, probe);
  return freshA.length + freshB.length > 0 ? pickOf(random, freshA, freshB) : pickOf(random, a, b);
}

/** A phrase (an ending, a lead, an opener) that says no word of `said`; any if each does. */
export function pickUnsaidText(random: SeededRandom, said: number, list: readonly string[]): string {
  const fresh = said === 0 ? list : list.filter((text) => (likingWordsOf(text) & said) === 0);
  return random.pick(fresh.length > 0 ? fresh : list);
}
