import { describe, expect, it } from 'vitest';
import { checkTurnAttributes } from '../../src/consistency/attribute-rule.js';
import { tokenizeText } from '../../src/consistency/text-tokens.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import { attributeWords, wordStems } from '../../src/lexicon/attribute-words.js';
import { domainPhrasing } from '../../src/lexicon/domain-phrasing.js';
import { SeededRandom } from '../../src/random/seeded-random.js';

// The rule looks a text's words up among each attribute's word forms, on a fast path for ASCII text: it must say
// exactly what stemming every word of the text says (the rule's definition), on either path.
describe('text-missing-attribute', () => {
  it('finds an attribute in a text exactly when a word of the text stems to one of its words, ASCII or not', () => {
    const catalog = builtinCatalog();
    const phrasing = domainPhrasing(catalog);
    const keys = [...new Set(catalog.items().flatMap((item) => catalog.attributeKeysOf(item.id)))];
    const random = new SeededRandom('attribute-rule');
    const endings = ['', 's', 'es', 'ies', "'s", "n't", '-ish'];
    const glue = [' ', ', ', ' & ', '. ', "'", ' — ', '-', '! '];
    const foreign = ['Amélie', 'don’t', 'naïve', 'café'];
    let said = 0;
    for (let round = 0; round < 3000; round++) {
      const key = random.pick(keys);
      // Words of the attribute (cut, or given another ending) and of others, joined as prose or punctuation joins.
      const words = Array.from({ length: 1 + random.int(0, 4) }, () => {
        const word = random.pick([...attributeWords(random.chance(0.5) ? key : random.pick(keys), phrasing)]);
        const cut = random.chance(0.3) ? word.slice(0, -1) : word;
        const cased = random.chance(0.3) ? cut.toUpperCase() : cut;
        return `${cased}${random.pick(endings)}`;
      });
      if (random.chance(0.3)) words.splice(random.int(0, words.length), 0, random.pick(foreign));
      const text = words.map((word, at) => (at === 0 ? word : `${random.pick(glue)}${word}`)).join('');
      const stems = wordStems(text);
      const expected = [...attributeWords(key, phrasing)].some((word) => stems.has(word));
      said += expected ? 1 : 0;
      const turn = {
        index: 1,
        speaker: 'user' as const,
        text,
        acts: [{ type: 'disclose' as const, items: [], attribute: key, polarity: 'positive' as const, strength: 1 }],
      };
      const violations = checkTurnAttributes(turn, [], phrasing, tokenizeText(text));
      expect(violations.length === 0, `${key} in ${JSON.stringify(text)}`).toBe(expected);
    }
    // Both answers were asked for often.
    expect(said).toBeGreaterThan(600);
    expect(said).toBeLessThan(2400);
  });
});
