import { describe, expect, it } from 'vitest';
import { profileFromSpec } from '../../src/profile/from-spec.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { thrown } from '../helpers/thrown.js';

describe('profileFromSpec', () => {
  it('resolves titles and bare attribute names, and derives affinities it was not given', () => {
    const profile = profileFromSpec(
      {
        id: 'ana',
        liked: ['Matrix, The', { item: 'blade runner', strength: 0.5 }, 'm7'],
        disliked: ['The Shining (1980)'],
        heldOut: ['Alien'],
        affinities: { horror: -0.9 },
        persona: { verbosity: 'chatty' },
      },
      smallCatalog(),
    );
    expect(profile.liked).toEqual([
      { item: 'm1', strength: 1 },
      { item: 'm8', strength: 0.5 },
      { item: 'm7', strength: 1 },
    ]);
    expect(profile.disliked).toEqual([{ item: 'm6', strength: 1 }]);
    expect(profile.heldOut).toEqual(['m2']);
    expect(profile.affinity('genre:Horror')).toBe(-0.9);
    // Sci-Fi derived from The Matrix (1) and Blade Runner (0.5): 1.5 / (2 + 2).
    expect(profile.affinity('genre:Sci-Fi')).toBe(0.375);
    expect(Object.keys(profile.affinities)).toEqual([...Object.keys(profile.affinities)].sort());
    expect(profile.persona).toEqual({ verbosity: 'chatty' });
  });

  it('keeps only the given affinities when derivation is off', () => {
    const profile = profileFromSpec(
      { id: 'b', liked: ['Heat (1995)'], affinities: { 'genre:Crime': 0.5 }, deriveAffinities: false },
      smallCatalog(),
    );
    expect(profile.affinities).toEqual({ 'genre:Crime': 0.5 });
    expect(profile.liked[0]?.item).toBe('m3');
  });

  it('names the field that cannot be resolved', () => {
    const unknown = thrown(() => profileFromSpec({ id: 'c', liked: ['The Matrix', 'Matrixx'] }, smallCatalog()));
    expect(unknown.code).toBe('UNKNOWN_TITLE');
    expect(unknown.location?.field).toBe('liked[1]');
    expect(unknown.message).toContain('field "liked[1]"');
    const ambiguous = thrown(() => profileFromSpec({ id: 'c', disliked: ['Heat'] }, smallCatalog()));
    expect(ambiguous.location?.field).toBe('disliked[0]');
    expect(ambiguous.message).toContain('Add the year');
    expect(
      thrown(() => profileFromSpec({ id: 'c', affinities: { Westerns: 1 } }, smallCatalog())).location?.field,
    ).toBe('affinities.Westerns');
    expect(thrown(() => profileFromSpec({ id: '' }, smallCatalog())).code).toBe('INVALID_PROFILE');
    expect(thrown(() => profileFromSpec({ id: 'd', liked: ['Alien'], disliked: ['alien'] }, smallCatalog())).code).toBe(
      'INVALID_PROFILE',
    );
  });

  it('names a misspelt field as the field at fault, and the one meant', () => {
    const error = thrown(() => profileFromSpec({ id: 'c', likes: ['Alien'] } as never, smallCatalog()));
    expect(error.code).toBe('INVALID_PROFILE');
    expect(error.location?.field).toBe('likes');
    expect(error.message).toContain('likes: no such field');
    expect(error.hint).toMatch(/^Did you mean "liked"\? A spec's fields: id, liked, disliked/);
  });
});
