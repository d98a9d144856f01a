// The layer rules of docs/architecture.md, checked by `npm run lint` (type-only imports count too).
//
// Each row is a rank; a folder (or top-level file) of src/ may import what is in a lower rank, and of its own rank only
// the peers listed for it. Folders not listed yet must get a row before they can import
// anything: an unknown folder matches no rule and fails the `unlisted-folder` check below.
const RANKS = [
  ['errors', 'version'],
  ['abort', 'validation', 'random', 'dialogue'],
  ['catalog'],
  ['lexicon', 'profile', 'io'],
  ['data'],
  ['simulation'],
  // The tracker judges text without knowing who wrote it: consistency and language never import each other.
  ['language', 'consistency'],
  ['generation'],
  ['evaluation'],
  // Formats other tools read: plain data in, files out; light enough for the core entry.
  ['export'],
  // The optional entries, each behind its own peer dependency: never each other.
  ['ai', 'report', 'queue'],
  ['cli'],
];
// Same-rank imports that are allowed: everything at rank 1 may report errors, and so on.
const PEERS = {};

const ALL = RANKS.flat();
const path = (names) => `^src/(${names.join('|')})([/.])`;

const layerRules = RANKS.flatMap((rank, level) =>
  rank.map((name) => {
    const forbidden = [
      ...rank.filter((peer) => peer !== name && !(PEERS[name] ?? []).includes(peer)),
      ...RANKS.slice(level + 1).flat(),
    ];
    return {
      name: `layer-${name}`,
      comment: `src/${name} may not import ${forbidden.join(', ')}: a lower layer never imports a higher one (see docs/architecture.md).`,
      severity: 'error',
      from: { path: path([name]) },
      to: { path: path(forbidden.length > 0 ? forbidden : ['(?!)']) },
    };
  }),
);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: 'unlisted-folder',
      comment:
        'Every folder and top-level file of src/ has a rank in .dependency-cruiser.cjs (index.ts is the public surface).',
      severity: 'error',
      from: { path: '^src/', pathNot: [path([...ALL, 'index']), '^src/index[.]ts$'] },
      to: {},
    },
    {
      name: 'no-circular',
      comment: 'Modules that import each other cannot be read or changed one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing.',
      severity: 'error',
      from: { path: '^src/' },
      to: { couldNotResolve: true, pathNot: ['^(ai|@ai-sdk/.*)$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
