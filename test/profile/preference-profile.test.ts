import { describe, expect, it } from 'vitest';
import { PreferenceProfile } from '../../src/profile/preference-profile.js';
import { smallCatalog } from '../helpers/small-catalog.js';
import { thrown } from '../helpers/thrown.js';

const input = {
  id: 'u1',
  liked: [
    { item: 'm1', strength: 1 },
    { item: 'm8', strength: 0.6 },
  ],
  disliked: [{ item: 'm6', strength: 0.8 }],
  neutral: ['m7'],
  affinities: { 'genre:Sci-Fi': 0.7, 'genre:Horror': -0.6, 'tag:cyberpunk': 0.4, 'genre:Comedy': 0.1 },
  heldOut: ['m2'],
  persona: { verbosity: 'terse' as const, patience: 4 },
};

describe('PreferenceProfile', () => {
  it('answers what the user thinks of items and attributes; held-out items read as unseen', () => {
    const profile = new PreferenceProfile(input);
    expect(profile.opinionOf('m1')).toBe('liked');
    expect(profile.opinionOf('m6')).toBe('disliked');
    expect(profile.opinionOf('m7')).toBe('neutral');
    expect(profile.opinionOf('m2')).toBe('unseen');
    expect(profile.isHeldOut('m2')).toBe(true);
    expect(profile.itemScore('m6')).toBe(-0.8);
    expect(profile.affinity('genre:Horror')).toBe(-0.6);
    expect(profile.affinity('genre:Western')).toBe(0);
    expect(profile.topAffinities('positive', 2).map((a) => a.key)).toEqual(['genre:Sci-Fi', 'tag:cyberpunk']);
    expect(profile.topAffinities('negative').map((a) => a.key)).toEqual(['genre:Horror']);
    expect(profile.hasPreferences).toBe(true);
    expect(new PreferenceProfile({ id: 'empty' }).hasPreferences).toBe(false);
  });

  it('answers for neutral items given in any order, and its neutral list cannot be reordered under it', () => {
    const neutral = ['m3', 'm4', 'm5', 'm7'];
    for (const order of [neutral, [...neutral].reverse(), ['m5', 'm3', 'm7', 'm4']]) {
      const profile = new PreferenceProfile({ ...input, neutral: order });
      for (const id of neutral) expect(profile.opinionOf(id), `${id} of ${order}`).toBe('neutral');
      expect(profile.opinionOf('m9')).toBe('unseen');
      expect(() => (profile.neutral as string[]).reverse()).toThrow(TypeError);
      expect(profile.opinionOf('m3')).toBe('neutral');
    }
    const twice = thrown(() => new PreferenceProfile({ ...input, neutral: ['m3', 'm3'] }));
    expect(twice).toMatchObject({ code: 'INVALID_PROFILE', location: { field: 'neutral[1]' } });
  });

  it('round-trips through JSON', () => {
    const profile = new PreferenceProfile(input);
    const again = PreferenceProfile.fromJSON(JSON.parse(JSON.stringify(profile)));
    expect(again.toJSON()).toEqual(profile.toJSON());
    expect(JSON.stringify(again)).toBe(JSON.stringify(profile));
  });

  it('renders a short text profile without held-out items', () => {
    const text = new PreferenceProfile(input).toText(smallCatalog());
    expect(text).toBe(
      'Liked: The Matrix (1999), Blade Runner (1982). Disliked: The Shining (1980). Enjoys: Sci-Fi (genre), cyberpunk (tag). Avoids: Horror (genre).',
    );
    expect(text).not.toContain('Alien');
    expect(new PreferenceProfile({ id: 'x' }).toText(smallCatalog())).toBe('No known preferences.');
  });

  it('rejects invalid documents naming the field', () => {
    const bad = thrown(() =>
      PreferenceProfile.fromJSON({ ...input, affinities: { 'genre:Horror': -1.5 } }, { source: 'p.json' }),
    );
    expect(bad.code).toBe('INVALID_PROFILE');
    expect(bad.location).toEqual({ file: 'p.json', field: 'affinities.genre:Horror' });
    expect(
      thrown(() => PreferenceProfile.fromJSON({ ...input, liked: [{ item: 'm1', strength: 0 }] })).location?.field,
    ).toBe('liked[0].strength');
    expect(thrown(() => PreferenceProfile.fromJSON({ ...input, extra: 1 })).code).toBe('INVALID_PROFILE');
  });

  it('rejects a profile that contradicts itself or leaks a held-out item', () => {
    const both = thrown(() => new PreferenceProfile({ ...input, disliked: [{ item: 'm1', strength: 0.5 }] }));
    expect(both.message).toContain('both liked and disliked');
    expect(both.location?.field).toBe('disliked[0]');
    const leak = thrown(() => new PreferenceProfile({ ...input, heldOut: ['m1'] }));
    expect(leak.location?.field).toBe('heldOut[0]');
  });

  it('checks itself against a catalog', () => {
    expect(() => new PreferenceProfile(input).assertMatches(smallCatalog())).not.toThrow();
    const missing = thrown(() =>
      new PreferenceProfile({ id: 'u', liked: [{ item: 'zz', strength: 1 }] }).assertMatches(smallCatalog()),
    );
    expect(missing.location?.field).toBe('liked[0]');
    const attribute = thrown(() =>
      new PreferenceProfile({ id: 'u', affinities: { 'genre:Western': 1 } }).assertMatches(smallCatalog()),
    );
    expect(attribute.message).toContain('genre:Western');
  });
});

describe('PreferenceProfile options', () => {
  it('refuses an unknown option of the constructor and of fromJSON(), naming it and the option meant', () => {
    const made = thrown(() => new PreferenceProfile(input, { sorce: 'users.json' } as never));
    expect(made.code).toBe('INVALID_ARGUMENT');
    expect(made.message).toContain('"sorce" (did you mean "source"?)');
    expect(made.location?.field).toBe('sorce');
    const parsed = thrown(() => PreferenceProfile.fromJSON(input, { sorce: 'users.json' } as never));
    expect(parsed.code).toBe('INVALID_ARGUMENT');
    expect(parsed.message).toContain('PreferenceProfile.fromJSON()');
    expect(parsed.location?.field).toBe('sorce');
  });

  it('refuses an ill-typed source', () => {
    const error = thrown(() => PreferenceProfile.fromJSON(input, { source: 3 } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.location?.field).toBe('source');
  });

  it('still names the source of an invalid profile', () => {
    const error = thrown(() => PreferenceProfile.fromJSON({ id: '' }, { source: 'users.json' }));
    expect(error.code).toBe('INVALID_PROFILE');
    expect(error.location?.file).toBe('users.json');
  });

  it('refuses unknown and ill-typed options of toText()', () => {
    const profile = new PreferenceProfile(input);
    const misspelt = thrown(() => profile.toText(smallCatalog(), { maxitems: 1 } as never));
    expect(misspelt.code).toBe('INVALID_ARGUMENT');
    expect(misspelt.message).toContain('"maxitems" (did you mean "maxItems"?)');
    expect(misspelt.location?.field).toBe('maxitems');
    const illTyped = thrown(() => profile.toText(smallCatalog(), { minAffinity: 'high' } as never));
    expect(illTyped.code).toBe('INVALID_ARGUMENT');
    expect(illTyped.location?.field).toBe('minAffinity');
  });

  it('lets toText() list everything with Infinity', () => {
    const many = new PreferenceProfile({
      id: 'many',
      liked: ['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((item) => ({ item, strength: 1 })),
    });
    expect(many.toText(smallCatalog(), { maxItems: Infinity })).toContain('Toy Story');
    expect(many.toText(smallCatalog())).not.toContain('Toy Story');
  });
});
