import { describe, expect, it } from 'vitest';
import { copyKeyed, keyedRecord } from '../../src/profile/keyed-record.js';

describe('keyed records', () => {
  it('start empty, as ordinary objects, and keep keys in the order they were set', () => {
    const record = keyedRecord<number>();
    expect(Object.keys(record)).toEqual([]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    record['genre:Sci-Fi'] = 0.8;
    record['cast:Gene Hackman'] = -0.4;
    expect(JSON.stringify(record)).toBe('{"genre:Sci-Fi":0.8,"cast:Gene Hackman":-0.4}');
  });

  it('copy own keys and values in order, apart from the source', () => {
    const source = { b: 1, a: 2 };
    const copy = copyKeyed(source);
    expect(JSON.stringify(copy)).toBe('{"b":1,"a":2}');
    copy.a = 3;
    expect(source.a).toBe(2);
    expect(copyKeyed(Object.create({ inherited: 1 }))).toEqual({});
  });
});
