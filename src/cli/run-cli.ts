import { relative } from 'node:path';
import { IcerError } from '../errors.js';
import { removeUnfinished } from '../io/unfinished-files.js';
import { VERSION } from '../version.js';
import { type CliIo, UsageError } from './cli-io.js';
import { paintFor } from './colour.js';
import { forCommandLine } from './command-line-hints.js';
import { EVALUATE_HELP, evaluateCommand } from './commands/evaluate-command.js';
import { EXPORT_HELP, exportCommand } from './commands/export-command.js';
import { GENERATE_HELP, generateCommand } from './commands/generate-command.js';
import { JUDGE_HELP, judgeCommand } from './commands/judge-command.js';
import { MERGE_HELP, mergeCommand } from './commands/merge-command.js';
import { PROFILES_HELP, profilesCommand } from './commands/profiles-command.js';
import { REPORT_HELP, reportCommand } from './commands/report-command.js';
import { STATS_HELP, statsCommand } from './commands/stats-command.js';
import { WORKER_HELP, workerCommand } from './commands/worker-command.js';

const MAIN_HELP = `icer ${VERSION} — synthetic conversational-recommendation dialogues true to hidden preferences

Usage: icer <command> [options]

Commands:
  generate    generate dialogues as JSON Lines (built-in catalog and synthetic users by default)
  profiles    write hidden user profiles as JSON Lines (synthetic or from MovieLens)
  merge       join the shards of a run (generate --shard i/n) into the one-machine output
  worker      take batches of a run from a Redis work queue (generate --queue) and generate them
  evaluate    the downstream study: how well a recommender ranks each user's held-out items given the dialogue
  judge       rate a sample of dialogues with a language model: fluency, naturalness, consistency, factuality
  stats       describe dialogue corpora side by side: length, diversity, behaviour, consistency, cost
  report      write one self-contained HTML page: figures, charts, the study, and a dialogue browser
  export      write dialogues for other tools: chat fine-tuning JSONL, ReDial, a Hugging Face dataset, DialogueKit

Options:
  -h, --help     show help (also: icer <command> --help)
  -v, --version  print the version

Examples:
  icer generate --count 5 --seed 7
  icer generate --count 100 --seed 7 --out dialogues.jsonl
  icer stats dialogues.jsonl
  icer help generate

Exit codes: 0 success, 1 failure (bad input data, a run that could make nothing), 2 usage error,
130 interrupted (Ctrl-C), 143 terminated (SIGTERM). See docs/cli.md.
`;

interface Command {
  run: (args: string[], io: CliIo) => Promise<number>;
  help: string;
  /** The command handles SIGINT and SIGTERM itself (it finishes what is under way); others are stopped at once. */
  signals?: 'own';
}

const COMMANDS: Record<string, Command> = {
  generate: { run: generateCommand, help: GENERATE_HELP, signals: 'own' },
  profiles: { run: profilesCommand, help: PROFILES_HELP },
  merge: { run: mergeCommand, help: MERGE_HELP },
  worker: { run: workerCommand, help: WORKER_HELP, signals: 'own' },
  evaluate: { run: evaluateCommand, help: EVALUATE_HELP },
  judge: { run: judgeCommand, help: JUDGE_HELP },
  stats: { run: statsCommand, help: STATS_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
};

function isParseArgsError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

function unknownCommand(command: string, io: CliIo): number {
  const paint = paintFor(io.stderr, io.env);
  io.stderr.write(`${paint.red('icer:')} unknown command "${command}". Run "icer --help" for the list of commands.\n`);
  return 2;
}

/**
 * Runs the `icer` command line with the given arguments; returns the exit code. User mistakes print one clear
 * line on stderr (exit 1 for bad input data, 2 for bad usage), never a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  // No command is a usage mistake (exit 2), answered with the help a script's log will show.
  if (command === undefined) {
    io.stderr.write(MAIN_HELP);
    return 2;
  }
  if (command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    if (topic !== undefined && !Object.hasOwn(COMMANDS, topic)) return unknownCommand(topic, io);
    io.stdout.write(topic !== undefined ? (COMMANDS[topic] as { help: string }).help : MAIN_HELP);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  // Own keys only: "icer toString" names no command.
  const entry = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) return unknownCommand(command, io);
  try {
    return entry.signals === 'own' ? await entry.run(rest, io) : await stoppedBySignal(command, entry, rest, io);
  } catch (error) {
    // Colour only marks the line as an error on a terminal; logs and pipes get the same words, plain.
    const paint = paintFor(io.stderr, io.env);
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr.write(
        `${paint.red(`icer ${command}:`)} ${error.message}\n${paint.dim(`Run "icer ${command} --help" for usage.`)}\n`,
      );
      return 2;
    }
    if (IcerError.isInstance(error)) {
      io.stderr.write(`${paint.red(`icer ${command}:`)} ${forCommandLine(error).message} [${error.code}]\n`);
      return 1;
    }
    // Standard output on a full disk (`> /dev/full`) or a broken device: the machine's problem, not icer's.
    if (isWriteFailure(error)) {
      io.stderr.write(`${paint.red(`icer ${command}:`)} ${writeFailure(error)}\n`);
      return 1;
    }
    throw error;
  }
}

/**
 * Runs a command that does not handle signals itself; SIGINT or SIGTERM removes what it was writing (an output is
 * written whole or not at all, and an earlier one is left as it was) and ends it as killed by the signal (a shell's
 * 130 or 143), or returns 130 or 143 where the process is not the command line's own.
 */
async function stoppedBySignal(command: string, entry: Command, args: string[], io: CliIo): Promise<number> {
  let signalled = false;
  let onSignal: (signal: NodeJS.Signals) => void = () => {};
  const stopped = new Promise<number>((resolve) => {
    onSignal = (signal) => {
      if (signalled) return;
      signalled = true;
      const removed = removeUnfinished();
      const named = (files: string[]) => files.map((file) => relative(io.cwd, file) || file).join(', ');
      const what =
        removed.outputs.length === 0
          ? ''
          : `; ${named(removed.outputs)} ${removed.outputs.length === 1 ? 'was' : 'were'} not written`;
      // --force replaced an output in place: saying only "not written" would promise its earlier contents are there.
      const lost =
        removed.replaced.length === 0
          ? ''
          : `, and what ${removed.outputs.length === 1 ? 'it' : named(removed.replaced)} held before was already replaced`;
      io.stderr.write(`icer ${command}: interrupted (${signal})${what}${lost}.\n`);
      // Ended by the signal itself: a read from a FIFO or pipe would hold even process.exit.
      if (io.abandon) void io.abandon(signal);
      else resolve(signal === 'SIGTERM' ? 143 : 130);
    };
  });
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Stopped, the command is left to the process's end: what it does then (fail at a write into a file just removed,
  // or finish) is no outcome of the user's.
  const never = new Promise<number>(() => {});
  const running = entry.run(args, io).then(
    (code) => (signalled ? never : code),
    (error: unknown) => (signalled ? never : Promise.reject(error)),
  );
  try {
    return await Promise.race([running, stopped]);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function isWriteFailure(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && (error as NodeJS.ErrnoException).syscall === 'write';
}

/** The line said when standard output cannot be written: what the system said, and what to do. */
export function writeFailure(error: NodeJS.ErrnoException): string {
  return `The output could not be written (${error.message}). Free some space where it goes, or write to a file elsewhere with --out FILE. [FILE_NOT_WRITABLE]`;
}
