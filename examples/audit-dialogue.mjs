// The consistency tracker on a hand-written dialogue: the user claims to love horror, which its profile denies,
// then accepts a horror film after saying it hates them, in words that never name the film its act accepts.
// Run: npm run build && node examples/audit-dialogue.mjs
import { auditDialogue, builtinCatalog, profileFromSpec } from 'icer';

const catalog = builtinCatalog();
const user = profileFromSpec(
  { id: 'ana', liked: ['The Matrix'], affinities: { Horror: -0.8, 'Sci-Fi': 0.7 } },
  catalog,
);
const alien = catalog.resolveTitle('Alien (1979)');

const turns = [
  {
    index: 0,
    speaker: 'assistant',
    text: 'Hi! Do you like horror?',
    acts: [{ type: 'ask-attribute', items: [], facet: 'genre', attribute: 'genre:Horror' }],
  },
  {
    index: 1,
    speaker: 'user',
    text: 'I love horror!',
    acts: [{ type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'positive', strength: 0.9 }],
  },
  {
    index: 2,
    speaker: 'assistant',
    text: 'Then try Alien (1979).',
    acts: [{ type: 'recommend', items: [alien.id], reasons: ['genre:Horror'] }],
  },
  {
    index: 3,
    speaker: 'user',
    text: 'Actually I hate horror.',
    acts: [{ type: 'disclose', items: [], attribute: 'genre:Horror', polarity: 'negative', strength: 0.9 }],
  },
  {
    index: 4,
    speaker: 'assistant',
    text: 'Then try Alien (1979) after all?',
    acts: [{ type: 'recommend', items: [alien.id], reasons: [] }],
  },
  { index: 5, speaker: 'user', text: "Sure, I'll watch it.", acts: [{ type: 'accept', items: [alien.id] }] },
];

for (const violation of auditDialogue(turns, catalog, user)) {
  console.log(`turn ${violation.turn} [${violation.rule}] ${violation.message}`);
}
