// Replaced at build time (tsup) and test time (vitest) by package.json's version, so the two cannot drift.
declare const __ICER_VERSION__: string;

/**
 * The package version. Every dialogue record carries it as `generator.version`: it moves whenever what a seed
 * produces or the record format changes (see CHANGELOG.md).
 */
export const VERSION: string = __ICER_VERSION__;
