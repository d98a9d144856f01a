import { IcerError } from '../errors.js';

/**
 * Library hints name the option a program would pass ("pass { unknownItems: 'skip' }"); on the command line the
 * same advice is a flag. Each rule finds a hint by the option it names and gives the command line's wording.
 */
const RULES: ReadonlyArray<{ names: RegExp; hint: string }> = [
  {
    names: /\bunknownItems\b/,
    hint: 'Use the movies.csv of the same release, or add --unknown-items skip to drop such rows.',
  },
  {
    names: /\b(?:minRating|maxRating)\b/,
    hint: "Fix the row, or give the data's scale with --min-rating and --max-rating (and, if the scale moves them, --like-threshold and --dislike-threshold).",
  },
  {
    names: /\btimeoutMs\b/,
    hint: 'Raise --timeout-ms (0 waits as long as it takes), or check that the server is reachable and not overloaded.',
  },
  { names: /\bmaxRetries\b/, hint: 'The server kept failing: try again later, or raise --max-retries.' },
  {
    names: /\bbaseURL\b/,
    hint: "Nothing answered at its address: check --base-url (or the provider's own URL) and that the server is running and reachable.",
  },
];

/** The error as the command line shows it: the same code, place and problem, with advice the user can follow there. */
export function forCommandLine(error: IcerError): IcerError {
  const hint = error.hint;
  const rule = hint === undefined ? undefined : RULES.find(({ names }) => names.test(hint));
  if (!rule) return error;
  return new IcerError(error.code, error.problem, {
    ...(error.location ? { location: error.location } : {}),
    hint: rule.hint,
    cause: error,
  });
}
