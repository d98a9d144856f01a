// The recommender's styles side by side: questions before the first suggestion, critiques, and slates that ask what
// the user would change (`invitesCritique`), over the same synthetic users; then one critiquing-heavy dialogue.
// Run: npm run build && node examples/policy-styles.mjs
import { builtinCatalog, DialogueGenerator, syntheticProfiles } from 'icer';

const catalog = builtinCatalog();
const users = [...syntheticProfiles(catalog, { count: 200, seed: 'styles' })];
const policies = {
  balanced: { style: 'balanced' },
  'elicitation-heavy': { style: 'elicitation-heavy' },
  'critiquing-heavy': { style: 'critiquing-heavy' },
  // Any style's numbers can be overridden: balanced questions, with every other slate asking what to change.
  'balanced, inviteCritique 0.5': { style: 'balanced', inviteCritique: 0.5 },
};

let shown;
for (const [name, policy] of Object.entries(policies)) {
  const count = { questions: 0, critiques: 0, invitations: 0, accepted: 0 };
  for await (const record of new DialogueGenerator({ catalog, seed: 'styles', policy }).generateMany(users)) {
    const acts = record.turns.flatMap((turn) => turn.acts);
    const first = acts.findIndex((act) => act.type === 'recommend');
    count.questions += acts
      .slice(0, first < 0 ? acts.length : first)
      .filter((act) => act.type.startsWith('ask-')).length;
    count.critiques += acts.filter((act) => act.type === 'critique').length;
    count.invitations += acts.filter((act) => act.type === 'recommend' && act.invitesCritique).length;
    if (record.outcome.reason === 'accepted') count.accepted++;
    if (name === 'critiquing-heavy' && !shown && count.invitations > 0 && acts.some((act) => act.type === 'critique'))
      shown = record;
  }
  const per = (n) => (n / users.length).toFixed(2);
  console.log(
    `${name.padEnd(30)} ${per(count.questions)} questions first, ${per(count.critiques)} critiques, ` +
      `${per(count.invitations)} invitations a dialogue; ${Math.round((100 * count.accepted) / users.length)}% accepted`,
  );
}
console.log(`\n# ${shown.id} (critiquing-heavy): ${shown.outcome.reason}`);
for (const turn of shown.turns) console.log(`${turn.speaker === 'user' ? 'USER' : 'REC '}  ${turn.text}`);
