import { describe, expect, it } from 'vitest';
import { auditTextAgainstProfile } from '../../src/consistency/profile-audit.js';
import { statedTastes } from '../../src/consistency/stated-tastes.js';
import { builtinCatalog } from '../../src/data/builtin/builtin-catalog.js';
import type { Turn } from '../../src/dialogue/turn.js';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';

const catalog = builtinCatalog();
const id = (title: string) => catalog.resolveTitle(title).id;
const profile = new PreferenceProfile({
  id: 'u',
  liked: [{ item: id('Alien'), strength: 1 }],
  disliked: [{ item: id('Heat'), strength: 1 }],
  affinities: { 'genre:Horror': -0.8, 'genre:Sci-Fi': 0.9 },
  heldOut: [id('The Matrix')],
});
const turns = (...texts: string[]): Turn[] =>
  texts.map((text, index) => ({ index, speaker: index % 2 === 0 ? 'assistant' : 'user', text, acts: [] }));

describe('statedTastes', () => {
  it('reads each clause: its stance, the titles and the attributes it names', () => {
    const clauses = statedTastes('I loved Alien (1979), but horror is not for me.', catalog);
    expect(clauses.map((c) => [c.stance, c.items, c.attributes.map((a) => catalog.attributeKeyAt(a.id))])).toEqual([
      ['positive', [id('Alien')], []],
      ['negative', [], ['genre:Horror']],
    ]);
  });
});

describe('auditTextAgainstProfile', () => {
  it('passes free text that agrees with the profile', () => {
    const text = turns('Hi! What do you like?', 'I loved Alien (1979) and I really enjoy sci-fi, but I hate horror.');
    expect(auditTextAgainstProfile(text, catalog, profile)).toEqual([]);
  });

  it('catches stances against the profile, leaked targets and invented titles', () => {
    const text = turns(
      'Hi! Have you seen Starlight Voyage (2003)?',
      'I loved Heat (1995), and I adore horror. The Matrix (1999) is on my list too.',
    );
    const found = auditTextAgainstProfile(text, catalog, profile).map((v) => [v.turn, v.rule, v.evidence]);
    expect(found).toEqual([
      [0, 'text-unknown-title', { text: 'Starlight Voyage (2003)' }],
      [1, 'held-out-leak', { items: [id('The Matrix')], text: 'The Matrix (1999)' }],
      [1, 'user-contradicts-profile', { items: [id('Heat')], text: text[1]?.text }],
      [1, 'user-contradicts-profile', { attribute: 'genre:Horror', text: text[1]?.text }],
    ]);
  });

  it('does not count a target the assistant named first, nor a title named with no opinion', () => {
    const text = turns('How about The Matrix (1999)?', 'The Matrix (1999)? Sure, and what is Heat (1995) about?');
    expect(auditTextAgainstProfile(text, catalog, profile)).toEqual([]);
  });
});
