import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closest } from '../validation/parse-options.js';
import { UsageError } from './cli-io.js';

type FlagOptions = NonNullable<ParseArgsConfig['options']>;

// "-5", "-0.5", "-.5", "-1,2": a value, not a cluster of short options.
const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/**
 * The flags of a command, parsed strictly (unknown flags and positionals are usage errors). A negative number after
 * a flag that takes a value is that value (`--seed -5`), where node's parseArgs would call it ambiguous; any other
 * value starting with a dash still needs `--flag=value`. An empty value is refused: no flag means anything by it,
 * and read as a path it would silently be the working directory.
 */
export function parseFlags<const O extends FlagOptions>(args: readonly string[], options: O) {
  return parseCommandLine(args, options, false).values;
}

/** {@link parseFlags} for a command that also takes operands (`icer stats FILE...`): its flags and its operands. */
export function parseFlagsAndOperands<const O extends FlagOptions>(args: readonly string[], options: O) {
  const { values, positionals } = parseCommandLine(args, options, true);
  return { values, operands: positionals };
}

function parseCommandLine<const O extends FlagOptions>(args: readonly string[], options: O, operands: boolean) {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) if (option.type === 'string') takesValue.add(`--${name}`);
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (arg === '--') {
      joined.push(...args.slice(i));
      break;
    }
    if (takesValue.has(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else {
      joined.push(arg);
    }
  }
  const parsed = parsedArgs(joined, options, operands);
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === '') throw new UsageError(`--${name} takes a value, got an empty one.`);
  }
  return parsed;
}

/** node's parseArgs, with a misspelt flag answered by the one meant: "Unknown option '--cout'. Did you mean --count?" */
function parsedArgs<const O extends FlagOptions>(args: string[], options: O, operands: boolean) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: operands });
  } catch (error) {
    const unknown = /^Unknown option '--([^'=]+)'/.exec((error as Error).message)?.[1];
    const meant = unknown === undefined ? undefined : closest(unknown, Object.keys(options));
    if (meant !== undefined) throw new UsageError(`Unknown option '--${unknown}'. Did you mean --${meant}?`);
    throw error;
  }
}
