// The dialogue browser, run in the page: plain DOM code over the JSON embedded in it. Every text from the data goes
// in through textContent, never as markup, so a dialogue cannot inject anything into the page.
export const BROWSER_SCRIPT = `
(() => {
  const data = JSON.parse(document.getElementById('icer-dialogues').textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const search = $('f-search'), outcome = $('f-outcome'), flagged = $('f-flagged'), user = $('f-user');
  const minTurns = $('f-min'), maxTurns = $('f-max'), list = $('b-list'), detail = $('b-detail'), count = $('b-count');
  for (const value of [...new Set(data.map((d) => d.outcome))].sort()) outcome.append(new Option(value, value));
  let selected = null;

  function matches(d) {
    const text = search.value.trim().toLowerCase();
    if (outcome.value && d.outcome !== outcome.value) return false;
    if (flagged.checked && d.violations === 0 && d.repairs === 0) return false;
    if (user.value.trim() && !d.user.id.toLowerCase().includes(user.value.trim().toLowerCase())) return false;
    if (minTurns.value && d.turns.length < Number(minTurns.value)) return false;
    if (maxTurns.value && d.turns.length > Number(maxTurns.value)) return false;
    if (text && !d.turns.some((t) => t.text.toLowerCase().includes(text)) && !d.id.toLowerCase().includes(text)) return false;
    return true;
  }

  function show(d) {
    selected = d;
    for (const item of list.children) item.classList.toggle('selected', item.dataset.id === d.id + '|' + d.file);
    detail.replaceChildren();
    const head = el('h3', '', d.id + ' · ' + d.file);
    const meta = el('p', 'meta', d.outcome + (d.accepted ? ': ' + d.accepted : '') + ' · ' + d.turns.length + ' turns' +
      (d.repairs ? ' · ' + d.repairs + ' repaired' : '') + (d.violations ? ' · ' + d.violations + ' violations' : ''));
    const body = el('div', 'dialogue');
    const turns = el('div', 'turns');
    for (const t of d.turns) {
      const turn = el('div', 'turn ' + t.speaker + (t.repair ? ' repaired' : ''));
      turn.append(el('span', 'who', t.speaker === 'user' ? 'U' : 'A'));
      const words = el('div', 'words');
      words.append(el('p', '', t.text));
      const acts = el('p', 'acts');
      for (const act of t.acts) acts.append(el('span', 'act', act));
      if (t.repair) acts.append(el('span', 'act fix', t.repair === 'template' ? 'fallback to template' : 'repaired'));
      words.append(acts);
      turn.append(words);
      turns.append(turn);
    }
    const profile = el('aside', 'profile');
    profile.append(el('h4', '', 'Hidden profile: ' + d.user.id));
    const section = (title, values) => {
      if (values.length === 0) return;
      profile.append(el('h5', '', title));
      const ul = el('ul');
      for (const value of values) ul.append(el('li', '', value));
      profile.append(ul);
    };
    section('Liked', d.user.liked);
    section('Disliked', d.user.disliked);
    section('Seen, no strong view', d.user.neutral);
    section('Strongest affinities', d.user.preferences.map(([key, value]) => key + '  ' + (value > 0 ? '+' : '') + value));
    section('Held out (evaluation targets)', d.user.heldOut);
    section('Persona', Object.entries(d.user.persona).map(([key, value]) => key + ': ' + value));
    body.append(turns, profile);
    detail.append(head, meta, body);
  }

  function render() {
    const shown = data.filter(matches);
    count.textContent = shown.length + ' of ' + data.length + ' dialogues';
    list.replaceChildren();
    for (const d of shown) {
      const item = el('li', '', d.id + ' · ' + d.outcome + ' · ' + d.turns.length + ' turns');
      item.dataset.id = d.id + '|' + d.file;
      if (d.violations || d.repairs) item.classList.add('flagged');
      item.addEventListener('click', () => show(d));
      list.append(item);
    }
    if (shown.length > 0 && (!selected || !shown.includes(selected))) show(shown[0]);
    if (shown.length === 0) detail.replaceChildren(el('p', 'meta', 'No dialogue matches these filters.'));
  }

  for (const input of [search, outcome, flagged, user, minTurns, maxTurns]) input.addEventListener('input', render);
  render();
})();
`;
