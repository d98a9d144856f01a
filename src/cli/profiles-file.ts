import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { ItemCatalog } from '../catalog/item-catalog.js';
import { IcerError } from '../errors.js';
import { readJsonLines, readJsonLinesFrom } from '../io/json-lines-file.js';
import { PreferenceProfile } from '../profile/preference-profile.js';

/** What `--invalid-profiles` does with a line that is not a profile of the catalog. */
export const InvalidProfileLinesSchema = z.enum(['skip', 'stop']);

/** The profiles of a JSON Lines file (as `icer profiles` writes them), and the lines left out. */
export interface ProfilesFile {
  readonly profiles: PreferenceProfile[];
  /** One line of stderr per profile left out, naming its line and what is wrong with it. */
  readonly skipped: string[];
}

/**
 * Reads every profile of `file` (`-`: standard input) and checks each against the catalog. A line that is not JSON,
 * not a profile, or names items the catalog lacks is an error naming the file and line: thrown with `stop`, and
 * with `skip` reported and left out. A file with no usable profile is an error either way.
 */
export async function readProfilesFile(
  file: string,
  options: { catalog: ItemCatalog; invalid: z.output<typeof InvalidProfileLinesSchema>; stdin: Readable },
): Promise<ProfilesFile> {
  const name = file === '-' ? 'standard input' : file;
  const lines = file === '-' ? readJsonLinesFrom(options.stdin, name) : readJsonLines(file);
  const profiles: PreferenceProfile[] = [];
  const skipped: string[] = [];
  // The first lines left out, said in the error when none is left: what is wrong with the file is in them.
  const first: string[] = [];
  for await (const { number, text } of lines) {
    try {
      profiles.push(profileOf(text, options.catalog, { file: name, line: number }));
    } catch (error) {
      if (options.invalid === 'stop' || !IcerError.isInstance(error)) throw error;
      skipped.push(`icer generate: skipped ${name}:${number}: ${error.problem} [${error.code}]`);
      if (first.length < SHOWN_LINES) first.push(`line ${number}: ${error.problem.replace(/\.$/, '')}`);
    }
  }
  if (profiles.length === 0) {
    const why =
      skipped.length === 0
        ? ''
        : ` (${skipped.length === 1 ? 'its one line was' : `all ${skipped.length} lines were`} left out: ${first.join('; ')}${skipped.length > first.length ? '; …' : ''})`;
    throw new IcerError('INVALID_PROFILE', `It holds no profile to generate from${why}.`, {
      location: { file: name },
      hint: 'Give --profiles the JSON Lines that icer profiles writes, one profile per line, made from the same catalog.',
    });
  }
  return { profiles, skipped };
}

const SHOWN_LINES = 3;

function profileOf(text: string, catalog: ItemCatalog, location: { file: string; line: number }): PreferenceProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new IcerError('MALFORMED_JSON', `The line is not JSON (${(error as Error).message}).`, {
      location,
      cause: error,
      hint: 'Each line must hold one whole profile as JSON, as icer profiles writes them.',
    });
  }
  try {
    const profile = PreferenceProfile.fromJSON(value, { source: location.file });
    profile.assertMatches(catalog);
    return profile;
  } catch (error) {
    throw IcerError.isInstance(error) ? error.withLocation(location) : error;
  }
}
