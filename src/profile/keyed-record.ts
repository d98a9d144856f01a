/**
 * An empty object that V8 keeps as a hash table. Objects built key by key get a hidden shape per key sequence; a
 * profile's affinities have a set of keys of their own for nearly every user, and a new shape each was a sixth of a
 * synthetic user's cost. Deleting a property that is not the last one turns an object into a hash table for good.
 */
export function keyedRecord<T>(): Record<string, T> {
  const record: Record<string, T> = { a: undefined as T, b: undefined as T };
  delete record.a;
  delete record.b;
  return record;
}

/**
 * A copy of a record's own keys and values, in their order, as a {@link keyedRecord}: a spread of a hash-table object
 * takes V8's slow path, several times slower than this.
 */
export function copyKeyed<T>(source: Readonly<Record<string, T>>): Record<string, T> {
  const copy = keyedRecord<T>();
  for (const key of Object.keys(source)) copy[key] = source[key] as T;
  return copy;
}
