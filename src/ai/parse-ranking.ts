import { z } from 'zod';
import { displayTitle } from '../catalog/item.js';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { type ParsedReply, parseJsonReply } from './parse-reply.js';

/** The structured output of a ranking question: the candidates' ids (or titles), best first. */
export const RankingReplySchema = z.object({
  /** Candidate ids, the one the user would like most first. */
  ranking: z.array(z.string()).describe('Candidate ids, the one the user would like most first.'),
});

// Titles compared as a person reads them: case, accents, punctuation and spacing aside.
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A ranking reply read robustly: each entry may be a candidate's id, its display title ("Heat (1995)") or its bare
 * title; repeats and anything that is not a candidate are dropped (a title two candidates share counts for neither).
 * Usable when it names at least one candidate; candidates it leaves out share the remaining places.
 */
export function parseRanking(text: string, candidates: readonly string[], catalog: ItemCatalog): ParsedReply<string[]> {
  const json = parseJsonReply(text);
  if (!json.ok) return json;
  const parsed = RankingReplySchema.safeParse(json.value);
  if (!parsed.success) return { ok: false, problem: 'was not a JSON object of the form {"ranking": ["id", …]}' };
  const byName = new Map<string, string | null>();
  const name = (key: string, id: string) => byName.set(key, byName.has(key) && byName.get(key) !== id ? null : id);
  for (const id of candidates) {
    const item = catalog.get(id);
    name(folded(id), id);
    if (item) {
      name(folded(displayTitle(item)), id);
      name(folded(item.title), id);
    }
  }
  const ranked: string[] = [];
  for (const entry of parsed.data.ranking) {
    const id = candidates.includes(entry) ? entry : byName.get(folded(entry));
    if (id && !ranked.includes(id)) ranked.push(id);
  }
  if (ranked.length === 0) return { ok: false, problem: 'named none of the candidates by their ids' };
  return { ok: true, value: ranked };
}
