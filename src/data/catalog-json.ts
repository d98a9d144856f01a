import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ItemSchema } from '../catalog/item.js';
import { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import { fileError } from '../io/file-error.js';
import { DomainPhrasingSchema } from '../lexicon/domain-phrasing.js';
import { describeZodIssue } from '../validation/describe-zod-issue.js';

/** The format marker of icer's JSON catalog documents. */
export const CATALOG_FORMAT = 'icer.catalog';

/**
 * icer's own JSON catalog format:
 * `{ "format": "icer.catalog", "version": 1, "domain": "movies", "items": [ { "id", "title", "year", "attributes" } ] }`.
 */
export const CatalogDocumentSchema = z.strictObject({
  /** Always `icer.catalog`. */
  format: z.literal(CATALOG_FORMAT),
  /** Format version; only 1 exists. */
  version: z.literal(1),
  /**
   * What the items are, e.g. `movies`.
   * @default 'items'
   */
  domain: z.string().min(1).default('items'),
  /**
   * How dialogues about these items are worded (see docs/domains.md); without it, the built-in phrasing of `domain`
   * (`movies`, `books`), else neutral wording.
   */
  phrasing: DomainPhrasingSchema.optional(),
  /** The items. */
  items: z.array(ItemSchema),
});

/** A catalog document as accepted from JSON. */
export type CatalogDocumentInput = z.input<typeof CatalogDocumentSchema>;
/** A validated catalog document. */
export type CatalogDocument = z.output<typeof CatalogDocumentSchema>;

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Parses a JSON catalog document from text. `source` (a file name) is used in error messages. Throws
 * `MALFORMED_JSON` with the line of a syntax error, `INVALID_CATALOG` naming the field (`items[3].year`) of a schema
 * error, and `DUPLICATE_ITEM_ID`.
 */
export function parseCatalogJson(text: string, source?: string): ItemCatalog {
  let value: unknown;
  try {
    // Editors on Windows like to start files with a byte-order mark; it is not part of the JSON.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(reason);
    throw new IcerError('MALFORMED_JSON', `The catalog is not valid JSON (${reason}).`, {
      location: { file: source, line: position ? lineOfOffset(text, Number(position[1])) : undefined },
      hint: 'Fix the JSON syntax; a catalog looks like { "format": "icer.catalog", "version": 1, "items": [...] }.',
      cause: error,
    });
  }
  const parsed = CatalogDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = describeZodIssue(parsed.error.issues[0]);
    throw new IcerError('INVALID_CATALOG', `The catalog does not match the icer catalog format: ${issue.message}.`, {
      location: { file: source, field: issue.path },
      hint: 'See "JSON catalogs" in the icer docs for the format.',
    });
  }
  // The catalog keeps the phrasing as written (checked here already), so that it saves back unchanged.
  const phrasing = (value as { phrasing?: Record<string, unknown> }).phrasing;
  return new ItemCatalog(parsed.data.items, { source, domain: parsed.data.domain, phrasing });
}

/** Reads and parses a JSON catalog file (see {@link parseCatalogJson}). */
export async function loadCatalogJson(file: string): Promise<ItemCatalog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw fileError(error, file);
  }
  return parseCatalogJson(text, file);
}

/** A catalog as a JSON catalog document, ready for `JSON.stringify`. */
export function catalogToJson(catalog: ItemCatalog): CatalogDocument {
  const phrasing = catalog.phrasing === undefined ? undefined : DomainPhrasingSchema.parse(catalog.phrasing);
  return {
    format: CATALOG_FORMAT,
    version: 1,
    domain: catalog.domain,
    ...(phrasing === undefined ? {} : { phrasing }),
    items: catalog.items(),
  };
}
