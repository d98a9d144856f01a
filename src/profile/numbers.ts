/** Rounds to 3 decimals: profiles are data, and fixed precision keeps their JSON short and byte-stable. */
export function round3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Clamps into [min, max]. */
export function clamp(value: number, min: number, max: number): number {
  return value < min ? min : Math.min(value, max);
}
