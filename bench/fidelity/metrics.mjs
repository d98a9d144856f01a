// The fidelity measures of bench/fidelity.mjs, computed from dialogue records alone: their acts, their text and the
// catalog. Written apart from the consistency tracker on purpose (nothing from src/consistency, no use of
// record.consistency): a second, independent reading of what the dialogues say.

/** Lowercase, accents stripped (NFD, combining marks removed), maximal runs of a–z and 0–9. */
export function tokenize(text) {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[a-z0-9]+/g) ?? []
  );
}

/**
 * distinct-n over the first `limit` tokens of the utterances, in record and turn order. N-grams are formed WITHIN an
 * utterance only: an utterance of k tokens gives max(0, k − n + 1) n-grams, none spans two utterances (the last
 * utterance is cut where the token budget ends). distinct-n = distinct n-grams / all n-grams. `acrossUtterances`
 * gives the same figure with the tokens as one stream (n-grams may span utterance boundaries), for comparison.
 */
export function distinctN(utterances, { limit = 50_000, orders = [1, 2, 3] } = {}) {
  const lists = [];
  let taken = 0;
  for (const text of utterances) {
    if (taken >= limit) break;
    const tokens = tokenize(text).slice(0, limit - taken);
    taken += tokens.length;
    if (tokens.length > 0) lists.push(tokens);
  }
  const count = (sequences, n) => {
    const seen = new Set();
    let total = 0;
    for (const tokens of sequences) {
      for (let i = 0; i + n <= tokens.length; i++) {
        seen.add(tokens.slice(i, i + n).join(' '));
        total++;
      }
    }
    return total === 0 ? 0 : seen.size / total;
  };
  const stream = [lists.flat()];
  return {
    tokens: taken,
    within: Object.fromEntries(orders.map((n) => [n, count(lists, n)])),
    acrossUtterances: Object.fromEntries(orders.map((n) => [n, count(stream, n)])),
  };
}

/** Share of utterances whose exact text occurs more than once among them (per speaker too). */
export function repeatedShare(turns) {
  const counts = new Map();
  for (const turn of turns) counts.set(turn.text, (counts.get(turn.text) ?? 0) + 1);
  const share = (list) => (list.length === 0 ? 0 : list.filter((t) => counts.get(t.text) > 1).length / list.length);
  return {
    utterances: turns.length,
    share: share(turns),
    assistant: share(turns.filter((t) => t.speaker === 'assistant')),
    user: share(turns.filter((t) => t.speaker === 'user')),
  };
}

const isWordChar = (ch) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * Finds catalog display titles ("Heat (1995)") in text without the project's mention finder: every "(YYYY)" in the
 * text is tried against the titles of that year ending there (the longest wins, and it must start at a word
 * boundary); titles without a year are searched for as they are, unless a longer title begins there as a user writes
 * it, without its year ("Babylon 5" inside "Babylon 5: Thirdspace").
 */
export function titleIndex(catalog, displayTitle) {
  const byYear = new Map();
  const yearless = [];
  for (const item of catalog.items()) {
    const entry = { id: item.id, display: displayTitle(item) };
    if (item.year === undefined) {
      yearless.push(entry);
      continue;
    }
    const list = byYear.get(item.year) ?? [];
    list.push(entry);
    byYear.set(item.year, list);
  }
  for (const list of byYear.values()) list.sort((a, b) => b.display.length - a.display.length);
  const written = catalog.items().map((item) => item.title);
  for (const entry of yearless) {
    entry.longer = written.filter(
      (title) =>
        title.length > entry.display.length &&
        title.startsWith(entry.display) &&
        !isWordChar(title[entry.display.length]),
    );
  }
  const startsAtBoundary = (text, start) => start === 0 || !isWordChar(text[start - 1]);
  return {
    display: (id) => displayTitle(catalog.get(id)),
    /** id → how many times its display title occurs in the text. */
    mentions(text) {
      const found = new Map();
      const add = (id) => found.set(id, (found.get(id) ?? 0) + 1);
      // Spans of titles found with their year: a yearless title inside one of them is part of it, not a mention.
      const spans = [];
      for (const match of text.matchAll(/\((\d{4})\)/g)) {
        const end = match.index + match[0].length;
        for (const entry of byYear.get(Number(match[1])) ?? []) {
          const start = end - entry.display.length;
          if (start >= 0 && text.startsWith(entry.display, start) && startsAtBoundary(text, start)) {
            add(entry.id);
            spans.push([start, end]);
            break;
          }
        }
      }
      const inside = (at) => spans.some(([start, end]) => at >= start && at < end);
      for (const entry of yearless) {
        let at = text.indexOf(entry.display);
        while (at >= 0) {
          const partOfLonger = entry.longer.some((title) => text.startsWith(title, at));
          if (
            startsAtBoundary(text, at) &&
            !isWordChar(text[at + entry.display.length]) &&
            !inside(at) &&
            !partOfLonger
          )
            add(entry.id);
          at = text.indexOf(entry.display, at + entry.display.length);
        }
      }
      return found;
    },
  };
}

const CRITIQUE_DIRECTIONS = ['more', 'less', 'newer', 'older'];
const ASKS = new Set(['ask-attribute', 'ask-item', 'ask-open']);

/** One verdict of a recommended item against the critique of item `anchor`: true (honoured), false, or null. */
function itemHonours(catalog, critique, anchor, id) {
  switch (critique.direction) {
    case 'more':
      return catalog.carries(id, critique.attribute);
    case 'less':
      return !catalog.carries(id, critique.attribute);
    default: {
      const a = catalog.get(anchor)?.year;
      const b = catalog.get(id)?.year;
      if (a === undefined || b === undefined) return null;
      return critique.direction === 'newer' ? b > a : b < a;
    }
  }
}

/**
 * Every figure of one source. `records` in generation order; `catalog` the generator's; `titles` a titleIndex.
 */
export function measure(records, catalog, titles, { repeatedDialogues = 1342, distinctTokens = 50_000 } = {}) {
  const critiques = Object.fromEntries(
    CRITIQUE_DIRECTIONS.map((d) => [d, { acts: 0, honoured: 0, violated: 0, noMatch: 0, asked: 0, other: 0 }]),
  );
  const critiqueExamples = [];
  const misfits = { lessAbsent: 0, moreCarried: 0, lessLiked: 0, moreDisliked: 0 };
  let doubleTitleTurns = 0;
  const doubleTitleExamples = [];
  const questionDialogues = new Map(); // attribute → dialogues asking it
  const facetDialogues = new Map(); // facet → dialogues with a whole-facet question
  const wordings = new Map(); // attribute → text → count
  const outcomes = new Map();
  let accepted = 0;
  let firstSlate = 0;
  let slatesBeforeAccept = 0;
  let turnsTotal = 0;
  let itemsSuggested = 0;
  const leaks = { total: 0, afterAssistantNamedIt: 0, dialogues: 0, examples: [] };

  for (const record of records) {
    const { turns } = record;
    const mentionsOf = turns.map((turn) => titles.mentions(turn.text));
    turnsTotal += turns.length;
    outcomes.set(record.outcome.reason, (outcomes.get(record.outcome.reason) ?? 0) + 1);

    // Critiques and what the assistant's next turn makes of them.
    turns.forEach((turn, index) => {
      if (turn.speaker !== 'user') return;
      for (const act of turn.acts) {
        if (act.type !== 'critique' || !critiques[act.direction]) continue;
        const tally = critiques[act.direction];
        tally.acts++;
        const anchor = act.items[0];
        if (act.attribute !== undefined) {
          const carried = catalog.carries(anchor, act.attribute);
          const affinity = record.user.preferences?.[act.attribute] ?? 0;
          if (act.direction === 'less' && !carried) misfits.lessAbsent++;
          if (act.direction === 'more' && carried) misfits.moreCarried++;
          if (act.direction === 'less' && affinity > 0) misfits.lessLiked++;
          if (act.direction === 'more' && affinity < 0) misfits.moreDisliked++;
        }
        const next = turns.slice(index + 1).find((t) => t.speaker === 'assistant');
        const acts = next?.acts ?? [];
        // A no-match answer is counted as such even when the same turn goes on to recommend (relaxing openly).
        if (acts.some((a) => a.type === 'no-match')) tally.noMatch++;
        else if (acts.some((a) => a.type === 'recommend')) {
          const items = acts.filter((a) => a.type === 'recommend').flatMap((a) => a.items);
          const verdicts = items.map((id) => itemHonours(catalog, act, anchor, id));
          if (verdicts.every((v) => v !== false)) tally.honoured++;
          else {
            tally.violated++;
            if (critiqueExamples.filter((e) => e.direction === act.direction).length < 1) {
              critiqueExamples.push({ direction: act.direction, user: turn.text, assistant: next.text });
            }
          }
        } else if (acts.some((a) => ASKS.has(a.type))) tally.asked++;
        else tally.other++;
      }
    });

    // Titles named twice in one utterance.
    turns.forEach((turn, index) => {
      const twice = [...mentionsOf[index]].filter(([, count]) => count > 1);
      if (twice.length === 0) return;
      doubleTitleTurns++;
      if (doubleTitleExamples.length < 3) doubleTitleExamples.push(`${turn.speaker}: ${turn.text}`);
    });

    // Attribute questions, once per dialogue per attribute.
    const askedHere = new Set();
    const facetsHere = new Set();
    for (const turn of turns) {
      if (turn.speaker !== 'assistant') continue;
      for (const act of turn.acts) {
        if (act.type !== 'ask-attribute') continue;
        if (act.attribute === undefined) {
          facetsHere.add(act.facet);
          continue;
        }
        askedHere.add(act.attribute);
        const texts = wordings.get(act.attribute) ?? new Map();
        texts.set(turn.text, (texts.get(turn.text) ?? 0) + 1);
        wordings.set(act.attribute, texts);
      }
    }
    for (const key of askedHere) questionDialogues.set(key, (questionDialogues.get(key) ?? 0) + 1);
    for (const key of facetsHere) facetDialogues.set(key, (facetDialogues.get(key) ?? 0) + 1);

    // Slates and acceptance.
    const slates = [];
    let acceptedAt = -1;
    turns.forEach((turn, index) => {
      // A slate in two parts (two recommend acts, each with its reason) is one slate.
      const items = turn.acts.flatMap((act) => (act.type === 'recommend' ? act.items : []));
      if (turn.speaker === 'assistant' && items.length > 0) slates.push({ index, items });
      for (const act of turn.acts)
        if (turn.speaker === 'user' && act.type === 'accept' && acceptedAt < 0) acceptedAt = index;
    });
    itemsSuggested += slates.reduce((sum, slate) => sum + slate.items.length, 0);
    if (record.outcome.reason === 'accepted') {
      accepted++;
      const before = slates.filter((slate) => slate.index < acceptedAt);
      slatesBeforeAccept += before.length;
      if (before.length === 1 && before[0].items.includes(record.outcome.accepted)) firstSlate++;
    }

    // Leakage: the user naming a held-out item (acts or display title) before any recommendation of it.
    const heldOut = new Set(record.user.heldOut ?? []);
    const recommendedSoFar = new Set();
    const namedByAssistant = new Set();
    let leaked = false;
    turns.forEach((turn, index) => {
      if (turn.speaker === 'assistant') {
        for (const act of turn.acts) {
          for (const id of act.items) namedByAssistant.add(id);
          if (act.type === 'recommend') for (const id of act.items) recommendedSoFar.add(id);
        }
        for (const id of mentionsOf[index].keys()) namedByAssistant.add(id);
        return;
      }
      const named = new Set(turn.acts.flatMap((act) => act.items));
      for (const id of mentionsOf[index].keys()) named.add(id);
      for (const id of named) {
        if (!heldOut.has(id) || recommendedSoFar.has(id)) continue;
        leaks.total++;
        leaked = true;
        if (namedByAssistant.has(id)) leaks.afterAssistantNamedIt++;
        if (leaks.examples.length < 2) leaks.examples.push(`user: ${turn.text}`);
      }
    });
    if (leaked) leaks.dialogues++;
  }

  const n = records.length;
  const [topAttribute, topCount] = [...questionDialogues].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [
    null,
    0,
  ];
  const [topFacet, topFacetCount] = [...facetDialogues].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  const topWordings = topAttribute
    ? [...wordings.get(topAttribute)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3)
    : [];
  const firstRecords = records.slice(0, repeatedDialogues);
  const utterances = records.flatMap((record) => record.turns.map((turn) => turn.text));

  return {
    dialogues: n,
    critiques,
    critiqueExamples,
    misfits,
    doubleTitleTurns,
    doubleTitleExamples,
    repeated: { dialogues: firstRecords.length, ...repeatedShare(firstRecords.flatMap((record) => record.turns)) },
    distinct: distinctN(utterances, { limit: distinctTokens }),
    topQuestion: {
      attribute: topAttribute,
      share: n === 0 ? 0 : topCount / n,
      wordings: topWordings,
      distinctWordings: topAttribute ? wordings.get(topAttribute).size : 0,
    },
    topFacetQuestion: { facet: topFacet, share: n === 0 ? 0 : topFacetCount / n },
    acceptance: {
      share: n === 0 ? 0 : accepted / n,
      firstSlate: n === 0 ? 0 : firstSlate / n,
      firstSlateOfAccepted: accepted === 0 ? 0 : firstSlate / accepted,
      slatesBeforeAccept: accepted === 0 ? 0 : slatesBeforeAccept / accepted,
    },
    turnsPerDialogue: n === 0 ? 0 : turnsTotal / n,
    itemsSuggestedPerDialogue: n === 0 ? 0 : itemsSuggested / n,
    outcomes: Object.fromEntries([...outcomes].sort((a, b) => b[1] - a[1])),
    leaks,
  };
}
