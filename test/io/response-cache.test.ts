import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CorruptEntryEvent, ResponseCache } from '../../src/io/response-cache.js';
import { useTempDir } from '../helpers/temp-dir.js';
import { rejected, thrown } from '../helpers/thrown.js';

const tempDir = useTempDir();

/** Every file under `dir`, recursively, relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .sort();
}

describe('ResponseCache.key', () => {
  const request = {
    model: 'openai:gpt-4o-mini',
    seed: 7,
    messages: [{ role: 'user', content: 'Recommend a film', name: 'u' }],
    options: { temperature: 0, maxOutputTokens: 200 },
  };

  it('is the sha256 hex of JSON with keys sorted at every depth', () => {
    const key = ResponseCache.key({ b: 2, a: { d: [1, { y: 1, x: 2 }], c: 'z' } });
    const canonical = '{"a":{"c":"z","d":[1,{"x":2,"y":1}]},"b":2}';
    expect(key).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on the order of object keys', () => {
    const reordered = {
      options: { maxOutputTokens: 200, temperature: 0 },
      messages: [{ name: 'u', content: 'Recommend a film', role: 'user' }],
      seed: 7,
      model: 'openai:gpt-4o-mini',
    };
    expect(ResponseCache.key(reordered)).toBe(ResponseCache.key(request));
  });

  it('changes when any value changes, including types and array order', () => {
    const base = ResponseCache.key(request);
    const variants = [
      { ...request, seed: 8 },
      { ...request, seed: '7' },
      { ...request, model: 'openai:gpt-4o' },
      { ...request, options: { ...request.options, temperature: 0.1 } },
      { ...request, messages: [{ role: 'user', content: 'Recommend a film!', name: 'u' }] },
      { ...request, messages: [...request.messages, { role: 'user', content: 'x', name: 'u' }] },
      { ...request, extra: null },
    ];
    const keys = new Set([base, ...variants.map((variant) => ResponseCache.key(variant))]);
    expect(keys.size).toBe(variants.length + 1);
    expect(ResponseCache.key([1, 2])).not.toBe(ResponseCache.key([2, 1]));
  });

  it('rejects parts that JSON cannot encode', () => {
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(thrown(() => ResponseCache.key(cycle)).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => ResponseCache.key({ seed: 1n })).code).toBe('INVALID_ARGUMENT');
    expect(thrown(() => ResponseCache.key(undefined)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('ResponseCache', () => {
  it('stores and returns values, across instances, under dir/ab/abcdef….json', async () => {
    const { dir } = tempDir();
    const cache = new ResponseCache(dir);
    const values: unknown[] = [
      { text: 'Try Amélie — it’s charming 🎬', usage: { inputTokens: 12, outputTokens: 9 } },
      ['a', 1, true, null],
      'plain text',
      0,
      false,
      null,
    ];
    const keys = values.map((_, index) => ResponseCache.key({ index }));
    for (const [index, value] of values.entries()) await cache.set(keys[index] ?? '', value);

    const reopened = new ResponseCache(dir);
    for (const [index, value] of values.entries()) expect(await reopened.get(keys[index] ?? '')).toEqual(value);

    const key = keys[0] ?? '';
    expect(listFiles(dir)).toContain(join(key.slice(0, 2), `${key}.json`));
    expect(reopened.file(key)).toBe(join(dir, key.slice(0, 2), `${key}.json`));
  });

  it('returns undefined for a missing entry, even when the directory does not exist yet', async () => {
    const { dir } = tempDir();
    const directory = join(dir, 'not', 'yet', 'there');
    const cache = new ResponseCache(directory);
    const key = ResponseCache.key('question');
    expect(await cache.get(key)).toBeUndefined();
    expect(existsSync(directory)).toBe(false);

    await cache.set(key, 'answer');
    expect(await cache.get(key)).toBe('answer');
  });

  it('replaces an entry that is set again', async () => {
    const cache = new ResponseCache(tempDir().dir);
    const key = ResponseCache.key('q');
    await cache.set(key, 'first');
    await cache.set(key, 'second');
    expect(await cache.get(key)).toBe('second');
  });

  it('treats a truncated or garbled entry as a miss, reports it, and is repaired by the next set', async () => {
    const { dir } = tempDir();
    const reports: CorruptEntryEvent[] = [];
    const cache = new ResponseCache(dir, { onCorrupt: (event) => reports.push(event) });
    const key = ResponseCache.key({ prompt: 'p' });
    await cache.set(key, { text: 'a complete answer' });
    const file = cache.file(key);
    const whole = readFileSync(file, 'utf8');
    writeFileSync(file, whole.slice(0, whole.length - 8));

    expect(await cache.get(key)).toBeUndefined();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ key, file });
    expect(reports[0]?.error).toBeInstanceOf(SyntaxError);

    writeFileSync(file, '');
    expect(await cache.get(key)).toBeUndefined();
    expect(reports).toHaveLength(2);

    await cache.set(key, { text: 'again' });
    expect(await cache.get(key)).toEqual({ text: 'again' });
    expect(reports).toHaveLength(2);
  });

  it('does not answer for an entry copied under another key', async () => {
    const { dir } = tempDir();
    const reports: CorruptEntryEvent[] = [];
    const cache = new ResponseCache(dir, { onCorrupt: (event) => reports.push(event) });
    const original = ResponseCache.key('original prompt');
    const other = ResponseCache.key('another prompt');
    await cache.set(original, 'answer to the original');
    mkdirSync(dirname(cache.file(other)), { recursive: true });
    writeFileSync(cache.file(other), readFileSync(cache.file(original)));

    expect(await cache.get(other)).toBeUndefined();
    expect(reports.map((report) => report.key)).toEqual([other]);
    expect(await cache.get(original)).toBe('answer to the original');
  });

  it('never shows a reader a partial entry while writers replace it', async () => {
    const { dir } = tempDir();
    const reports: CorruptEntryEvent[] = [];
    const cache = new ResponseCache(dir, { onCorrupt: (event) => reports.push(event) });
    const key = ResponseCache.key('big');
    // Large enough that a non-atomic write is spread over several chunks a reader could see half of.
    const values = Array.from({ length: 6 }, (_, index) => String(index).repeat(2_000_000));
    const seen = new Set<string>();
    let writing = true;
    const writers = (async () => {
      for (let round = 0; round < 3; round++) await Promise.all(values.map((value) => cache.set(key, value)));
      writing = false;
    })();
    const readers = Array.from({ length: 3 }, async () => {
      while (writing) {
        const value = await cache.get<string>(key);
        if (value !== undefined) seen.add(value);
      }
    });
    await Promise.all([writers, ...readers]);

    expect(reports).toEqual([]);
    for (const value of seen) expect(values).toContain(value);
    expect(values).toContain(await cache.get(key));
  });

  it('ends with one whole entry, and no temporary files, when many promises set the same key at once', async () => {
    const { dir } = tempDir();
    const cache = new ResponseCache(dir);
    const key = ResponseCache.key({ prompt: 'same' });
    const values = Array.from({ length: 50 }, (_, index) => ({ text: `answer ${index}`, padding: 'x'.repeat(10_000) }));
    await Promise.all(values.map((value) => cache.set(key, value)));

    const stored = JSON.parse(readFileSync(cache.file(key), 'utf8')) as { key: string; value: unknown };
    expect(stored.key).toBe(key);
    expect(values).toContainEqual(stored.value);
    expect(await cache.get(key)).toEqual(stored.value);
    expect(listFiles(dir)).toEqual([join(key.slice(0, 2), `${key}.json`)]);
  });

  it('rejects keys that are not digests, so that no key can point outside the directory', async () => {
    const cache = new ResponseCache(tempDir().dir);
    for (const key of ['../../etc/passwd', 'abc', ResponseCache.key('x').toUpperCase(), '']) {
      expect((await rejected(() => cache.get(key))).code).toBe('INVALID_ARGUMENT');
      expect((await rejected(() => cache.set(key, 'v'))).code).toBe('INVALID_ARGUMENT');
    }
  });

  it('refuses values that JSON cannot store', async () => {
    const cache = new ResponseCache(tempDir().dir);
    const key = ResponseCache.key('v');
    expect((await rejected(() => cache.set(key, undefined))).code).toBe('INVALID_ARGUMENT');
    expect((await rejected(() => cache.set(key, { n: 1n }))).code).toBe('INVALID_ARGUMENT');
    expect(await cache.get(key)).toBeUndefined();
  });

  it('never shows a temporary file between turns, so a process ending mid-write leaves none', async () => {
    const { dir } = tempDir();
    const cache = new ResponseCache(dir);
    const keys = Array.from({ length: 20 }, (_, at) => ResponseCache.key(`q${at}`));
    // Everything in the cache as it stands now: what a process.exit() here would leave.
    const seen = new Set<string>();
    const look = () => {
      for (const folder of existsSync(dir) ? readdirSync(dir) : []) {
        for (const name of readdirSync(join(dir, folder))) seen.add(name);
      }
    };
    let writing = true;
    const written = Promise.all(keys.map((key) => cache.set(key, 'x'.repeat(100_000)))).finally(() => {
      writing = false;
    });
    while (writing) {
      look();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await written;
    look();
    expect([...seen].filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(seen.size).toBe(keys.length);
  });

  it('reports FILE_NOT_WRITABLE, naming the file, when the entry cannot be written', async () => {
    const { write } = tempDir();
    const notADirectory = write('cache', 'a file where the cache directory should be');
    const cache = new ResponseCache(notADirectory);
    const key = ResponseCache.key('q');
    const failure = await rejected(() => cache.set(key, 'answer'));
    expect(failure.code).toBe('FILE_NOT_WRITABLE');
    expect(failure.location?.file).toBe(cache.file(key));
  });

  it('needs a directory', () => {
    expect(thrown(() => new ResponseCache('')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('ResponseCache.key on awkward data', () => {
  it('keeps an own "__proto__" key as data, and refuses Maps and Sets instead of colliding with {}', () => {
    expect(ResponseCache.key(JSON.parse('{"__proto__":{"x":1},"b":1}'))).not.toBe(ResponseCache.key({ b: 1 }));
    expect(() => ResponseCache.key({ a: new Map([[1, 2]]) })).toThrow(/plain data/);
    expect(() => ResponseCache.key({ a: new Set([1]) })).toThrow(/plain data/);
  });
});

describe('ResponseCache options', () => {
  it('refuses an unknown option, naming it and the option meant', () => {
    const error = thrown(() => new ResponseCache(tempDir().dir, { onCorupt: () => {} } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain('"onCorupt" (did you mean "onCorrupt"?)');
    expect(error.location?.field).toBe('onCorupt');
  });

  it('refuses an onCorrupt that is not a function', () => {
    const error = thrown(() => new ResponseCache(tempDir().dir, { onCorrupt: 'warn' } as never));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.location?.field).toBe('onCorrupt');
  });
});
