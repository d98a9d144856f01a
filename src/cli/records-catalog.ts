import type { ItemCatalog } from '../catalog/item-catalog.js';
import { BuiltinDomainSchema, builtinDomainCatalog } from '../data/builtin/builtin-domains.js';
import { readDialogueFile } from '../evaluation/read-dialogue-file.js';

/**
 * The built-in catalog a dialogue file's records were generated from, by the domain its first record names: the books
 * catalog for `icer generate --domain books` output, the movie catalog otherwise (and for a file with no record).
 */
export async function builtinCatalogOfRecords(file: string): Promise<ItemCatalog> {
  // Broken lines are the command's to report when it reads the file for real.
  for await (const record of readDialogueFile(file, () => {})) {
    const domain = BuiltinDomainSchema.safeParse(record.domain);
    return builtinDomainCatalog(domain.success ? domain.data : 'movies');
  }
  return builtinDomainCatalog('movies');
}
