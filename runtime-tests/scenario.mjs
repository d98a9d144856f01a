// The one runtime smoke scenario, shared by every runtime entry (node-esm, node-cjs, deno, bun).
//
// Plain JavaScript with no imports at all: each entry file loads `icer` by its own runtime's mechanism (ESM
// `import`, CJS `require`) and hands the module object in, so this file only exercises the public API. It uses
// nothing but what all four runtimes share (TextEncoder, globalThis.crypto.subtle).
//
// The result is one line of JSON, `{ runtime, catalogSize, digest }`, printed by the entry file. The digest is
// SHA-256 of the seeded outputs: the same seed must give the same bytes on every runtime, so run-all.mjs demands
// that every runtime report the same digest.

/** Thrown by a failed check; the runner reports each one by name. */
class CheckFailure extends Error {}

function assert(condition, message) {
  if (!condition) throw new CheckFailure(message);
}

function assertEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  assert(a === e, `${what}: expected ${e}, got ${a}`);
}

/** Runs `fn`, expecting it to throw (or reject with) an IcerError with `code`; returns that error. */
async function expectIcerError(icer, code, fn, what) {
  let caught;
  try {
    await fn();
  } catch (error) {
    caught = error;
  }
  assert(caught !== undefined, `${what}: expected an IcerError ${code}, but nothing was thrown`);
  assert(icer.IcerError.isInstance(caught), `${what}: expected an IcerError, got ${caught?.name}: ${caught?.message}`);
  assert(caught instanceof Error, `${what}: an IcerError should be an Error`);
  assert(caught.name === 'IcerError', `${what}: error.name is ${JSON.stringify(caught.name)}, not "IcerError"`);
  assertEqual(caught.code, code, `${what}: error.code`);
  assert(typeof caught.message === 'string' && caught.message.length > 0, `${what}: empty message`);
  assert(!/\bat .+:\d+:\d+/.test(caught.message), `${what}: message contains a stack trace`);
  return caught;
}

async function sha256Hex(text) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new CheckFailure('globalThis.crypto.subtle is not available in this runtime');
  const bytes = new TextEncoder().encode(text);
  const hash = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Runs the scenario against an imported icer module.
 *
 * @param {string} runtime name reported in the result line
 * @param {object} icer the module namespace (ESM) or exports object (CJS)
 * @param {string} fixtureDir absolute path of runtime-tests/fixtures/mini-movielens
 * @returns {Promise<{ result: { runtime: string, catalogSize: number | null, digest: string | null },
 *   passed: string[], failures: Array<{ name: string, message: string }> }>}
 */
export async function runScenario(runtime, icer, fixtureDir) {
  const passed = [];
  const failures = [];
  const state = {};

  async function check(name, fn) {
    try {
      await fn();
      passed.push(name);
    } catch (error) {
      let message;
      if (error instanceof CheckFailure) message = error.message;
      else if (icer.IcerError?.isInstance(error)) message = `unexpected IcerError [${error.code}]: ${error.message}`;
      else message = `unexpected ${error?.stack || error}`;
      failures.push({ name, message });
    }
  }

  await check('exports', () => {
    for (const name of [
      'builtinCatalog',
      'syntheticProfiles',
      'syntheticProfile',
      'loadMovieLens',
      'parseMovieLensTitle',
      'normalizeTitle',
      'PreferenceProfile',
      'ItemCatalog',
      'SeededRandom',
      'IcerError',
      'DialogueGenerator',
      'TemplateAdapter',
      'ConsistencyTracker',
    ]) {
      assert(typeof icer[name] === 'function', `export ${name} is ${typeof icer[name]}, expected a function`);
    }
    assert(typeof icer.VERSION === 'string' && /^\d+\.\d+\.\d+/.test(icer.VERSION), `VERSION is ${icer.VERSION}`);
    assert(
      Array.isArray(icer.ICER_ERROR_CODES) && icer.ICER_ERROR_CODES.includes('FILE_NOT_FOUND'),
      'ICER_ERROR_CODES',
    );
    assert(!('default' in icer) || icer.default === undefined, 'the package should have named exports only');
  });

  await check('builtin catalog', () => {
    const catalog = icer.builtinCatalog();
    assert(catalog.size > 250, `builtinCatalog().size is ${catalog.size}, expected > 250`);
    assert(icer.builtinCatalog() === catalog, 'builtinCatalog() should return the same (cached) catalog');
    state.catalog = catalog;
  });

  await check('resolveTitle("matrix, the (1999)")', () => {
    assert(state.catalog, 'no catalog');
    const item = state.catalog.resolveTitle('matrix, the (1999)');
    assertEqual(item.title, 'The Matrix', 'title');
    assertEqual(item.year, 1999, 'year');
  });

  await check('resolveTitle variants', () => {
    assert(state.catalog, 'no catalog');
    for (const query of ['Matrix, The (1999)', 'The Matrix', 'the matrix!']) {
      const item = state.catalog.resolveTitle(query);
      assertEqual([item.title, item.year], ['The Matrix', 1999], `resolveTitle(${JSON.stringify(query)})`);
    }
  });

  await check('resolveTitle of an unknown title throws UNKNOWN_TITLE', async () => {
    assert(state.catalog, 'no catalog');
    await expectIcerError(
      icer,
      'UNKNOWN_TITLE',
      () => state.catalog.resolveTitle('No Such Film Anywhere (1901)'),
      'resolveTitle',
    );
  });

  await check('synthetic profiles', () => {
    assert(state.catalog, 'no catalog');
    const profiles = [...icer.syntheticProfiles(state.catalog, { count: 5, seed: 7 })];
    assertEqual(profiles.length, 5, 'number of profiles');
    for (const [i, profile] of profiles.entries()) {
      assertEqual(profile.id, `synthetic-${i}`, 'profile id');
      assert(profile.liked.length > 0, `${profile.id} likes nothing`);
      assert(Object.keys(profile.affinities).length > 0, `${profile.id} has no affinities`);
      for (const opinion of profile.liked)
        assert(state.catalog.has(opinion.item), `${profile.id} likes unknown ${opinion.item}`);
      for (const item of profile.heldOut) assertEqual(profile.opinionOf(item), 'unseen', `held-out ${item} opinion`);
      profile.assertMatches(state.catalog);
    }
    const json = JSON.stringify(profiles);
    // Same seed, same bytes, within one runtime too; and a JSON round trip gives the same document.
    const again = JSON.stringify([...icer.syntheticProfiles(state.catalog, { count: 5, seed: 7 })]);
    assert(json === again, 'syntheticProfiles is not deterministic for a fixed seed');
    const single = JSON.stringify(icer.syntheticProfile(state.catalog, 3, { seed: 7 }));
    assert(
      single === JSON.stringify(profiles[3]),
      'syntheticProfile(catalog, 3) differs from the 4th of syntheticProfiles',
    );
    const roundTrip = JSON.stringify(
      profiles.map((p) => icer.PreferenceProfile.fromJSON(JSON.parse(JSON.stringify(p)))),
    );
    assert(roundTrip === json, 'PreferenceProfile.fromJSON(toJSON()) does not round-trip');
    const other = JSON.stringify([...icer.syntheticProfiles(state.catalog, { count: 5, seed: 8 })]);
    assert(other !== json, 'a different seed gave the same profiles');
    state.syntheticJson = json;
  });

  await check('invalid option throws INVALID_ARGUMENT', async () => {
    assert(state.catalog, 'no catalog');
    await expectIcerError(
      icer,
      'INVALID_ARGUMENT',
      () => icer.syntheticProfiles(state.catalog, { count: 0 }),
      'syntheticProfiles({ count: 0 })',
    );
  });

  await check('loadMovieLens(mini fixture)', async () => {
    const dataset = await icer.loadMovieLens(fixtureDir);
    state.dataset = dataset;
    assertEqual(dataset.catalog.size, 10, 'movies');
    assertEqual(dataset.userCount, 3, 'users');
    assertEqual(dataset.ratingCount, 30, 'ratings');
    assertEqual(dataset.userIds(), ['1', '2', '3'], 'userIds()');
  });

  await check('MovieLens titles, genres and tags', () => {
    assert(state.dataset, 'no dataset');
    const { catalog } = state.dataset;
    const keepers = catalog.get('1');
    assertEqual([keepers.title, keepers.year], ['The Lantern Keepers', 1987], 'trailing article moved to the front');
    assertEqual(catalog.get('3').title, 'Salt, Sugar and Smoke', 'quoted title with commas');
    const cafe = catalog.get('4');
    assertEqual([cafe.title, cafe.year], ["Café de l'Étoile", 1962], 'non-ASCII title');
    assertEqual(cafe.aliases, ['The Star Café'], 'alias from the parenthesised title');
    assertEqual(catalog.resolveTitle("Cafe de l'Etoile").id, '4', 'accent-insensitive title lookup');
    assertEqual(catalog.resolveTitle('Lantern Keepers, The (1987)').id, '1', 'MovieLens-style title lookup');
    assertEqual(catalog.get('5').attributes.genre, ['Action', 'Sci-Fi', 'Thriller'], 'genres split on |');
    assertEqual(catalog.get('9').attributes.genre, [], '(no genres listed)');
    assertEqual(catalog.get('7').attributes.tag, ['hand-drawn'], 'tags normalised and de-duplicated');
    assertEqual(
      catalog.get('4').attributes.tag,
      ['Paris, rainy', 'naïve narrator'],
      'quoted and non-ASCII tags, in the spelling people gave them',
    );
    assertEqual(catalog.get('1').attributes.tag, undefined, 'a tag given only once in all is left out');
  });

  await check('MovieLens profiles', () => {
    assert(state.dataset, 'no dataset');
    const profiles = [...state.dataset.profiles({ seed: 3 })];
    assertEqual(
      profiles.map((p) => p.id),
      ['1', '2', '3'],
      'profile ids',
    );
    for (const profile of profiles) {
      assert(profile.liked.length > 0, `user ${profile.id} likes nothing`);
      assert(profile.disliked.length > 0, `user ${profile.id} dislikes nothing`);
      profile.assertMatches(state.dataset.catalog);
      const text = profile.toText(state.dataset.catalog);
      assert(typeof text === 'string' && text.startsWith('Liked: '), `toText gave ${JSON.stringify(text)}`);
    }
    const json = JSON.stringify(profiles);
    assert(json === JSON.stringify([...state.dataset.profiles({ seed: 3 })]), 'dataset.profiles is not deterministic');
    assert(
      json ===
        JSON.stringify([
          state.dataset.profile('1', { seed: 3 }),
          state.dataset.profile('2', { seed: 3 }),
          state.dataset.profile('3', { seed: 3 }),
        ]),
      'profile(id) differs from profiles()',
    );
    state.movieLensJson = json;
  });

  await check('loadMovieLens("/nonexistent") rejects with FILE_NOT_FOUND', async () => {
    const error = await expectIcerError(
      icer,
      'FILE_NOT_FOUND',
      () => icer.loadMovieLens('/nonexistent'),
      'loadMovieLens',
    );
    assert(error.message.includes('/nonexistent'), `the message should name the path: ${error.message}`);
  });

  await check('dataset.profile(unknown user) throws NO_RATINGS', async () => {
    assert(state.dataset, 'no dataset');
    await expectIcerError(icer, 'NO_RATINGS', () => state.dataset.profile('999'), 'dataset.profile("999")');
  });

  await check('DialogueGenerator over the built-in catalog', async () => {
    assert(state.catalog, 'no catalog');
    const generator = new icer.DialogueGenerator({ seed: 11 });
    const turns = [];
    generator.on('turn', ({ turn }) => turns.push(turn.index));
    const records = [];
    for await (const record of generator.generateMany(icer.syntheticProfiles(state.catalog, { count: 4, seed: 11 }), {
      concurrency: 2,
    })) {
      records.push(record);
    }
    assertEqual(records.length, 4, 'dialogues');
    for (const record of records) {
      icer.DialogueRecordSchema.parse(record);
      assertEqual(record.consistency.violations, [], `violations in ${record.id}`);
      assert(record.turns.length >= 2, `${record.id} has ${record.turns.length} turns`);
    }
    assertEqual(
      turns.length,
      records.reduce((n, r) => n + r.turns.length, 0),
      'turn events',
    );
    state.dialoguesJson = JSON.stringify(records);
  });

  await check('DialogueGenerator over MovieLens users, with a custom adapter', async () => {
    assert(state.dataset, 'no dataset');
    const template = new icer.TemplateAdapter();
    const adapter = { name: 'custom:upper', verbalize: async (request) => template.verbalize(request) };
    const generator = new icer.DialogueGenerator({ catalog: state.dataset.catalog, adapter, seed: 5, maxTurns: 12 });
    const record = await generator.generate(state.dataset.profile('1', { seed: 3 }));
    assertEqual(record.generator.lm, 'custom:upper', 'adapter name');
    assertEqual(record.consistency.violations, [], 'violations');
    state.movieLensDialogueJson = JSON.stringify(record);
  });

  let digest = null;
  await check('digest', async () => {
    assert(
      state.syntheticJson && state.movieLensJson && state.dialoguesJson && state.movieLensDialogueJson,
      'missing JSON (an earlier check failed)',
    );
    digest = await sha256Hex(
      [state.syntheticJson, state.movieLensJson, state.dialoguesJson, state.movieLensDialogueJson].join('\n'),
    );
  });

  return {
    result: { runtime, catalogSize: state.catalog ? state.catalog.size : null, digest },
    passed,
    failures,
  };
}

/**
 * Prints the result line on stdout and the check summary on stderr; returns the exit code (0 when every check
 * passed). Shared by the entry files so that they differ only in how they load icer.
 */
export function report(outcome, write = (line) => console.log(line), writeError = (line) => console.error(line)) {
  write(JSON.stringify(outcome.result));
  writeError(`${outcome.result.runtime}: ${outcome.passed.length} checks passed, ${outcome.failures.length} failed`);
  for (const failure of outcome.failures) writeError(`  FAIL ${failure.name}: ${failure.message}`);
  return outcome.failures.length === 0 ? 0 : 1;
}
