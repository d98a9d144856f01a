// A custom LMAdapter is a small object: a name and a verbalize(request) method. This one wraps the template
// adapter and signs the user's turns; a real one would call a model (see the `icer/ai` entry point).
// Run: npm run build && node examples/custom-adapter.mjs
import { builtinCatalog, DialogueGenerator, syntheticProfile, TemplateAdapter } from 'icer';

const template = new TemplateAdapter();
const signed = {
  name: 'custom:signed',
  async verbalize(request) {
    const { text } = await template.verbalize(request);
    return { text: request.speaker === 'user' ? `${text} — ${request.persona?.verbosity ?? 'normal'} user` : text };
  },
};

const catalog = builtinCatalog();
const record = await new DialogueGenerator({ catalog, adapter: signed, seed: 1, maxTurns: 8 }).generate(
  syntheticProfile(catalog, 0, { seed: 1 }),
);
for (const turn of record.turns) console.log(`${turn.speaker.padEnd(9)} ${turn.text}`);
console.log(`lm: ${record.generator.lm}, violations: ${record.consistency.violations.length}`);
