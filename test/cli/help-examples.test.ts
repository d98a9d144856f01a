import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers = useOpenAICompatibleServers();
const MOVIELENS = join(process.cwd(), '..', 'shared', 'data', 'movielens-latest-small');

/** The command lines of a help text's "Examples:" section, without their comments. */
function examples(help: string): string[] {
  const section = help.split('\nExamples:\n')[1];
  if (section === undefined) return [];
  const lines: string[] = [];
  for (const line of section.split('\n')) {
    if (!line.startsWith('  ')) break;
    lines.push(line.replace(/\s+#.*$/, '').trim());
  }
  return lines;
}

// What an example needs that a test does not have: a hosted language model, a Redis server. An example of a local
// OpenAI-compatible server runs against a stand-in judge on 127.0.0.1.
const LOCAL_SERVER = 'http://127.0.0.1:11434/v1';
const OFFLINE_ONLY = /--model|--provider|--queue|redis-server/;
const rating = { rationale: 'Reads well.', score: 5 };
const JUDGE_ANSWER = JSON.stringify({ fluency: rating, naturalness: rating, consistency: rating, factuality: rating });

/**
 * Runs an example as a shell would in `dir` (words split at spaces, `> FILE` writing stdout to FILE), with
 * `ml-latest-small` standing for the MovieLens directory beside the project. Returns false when it cannot run here.
 */
async function run(line: string, dir: string, localServer?: string): Promise<boolean> {
  const local = localServer !== undefined && line.includes(`--base-url ${LOCAL_SERVER}`);
  if ((OFFLINE_ONLY.test(line) && !local) || (line.includes('ml-latest-small') && !existsSync(MOVIELENS))) return false;
  const [command, redirect] = line.split(' > ') as [string, string | undefined];
  const stands = new Map([
    ['ml-latest-small', MOVIELENS],
    [LOCAL_SERVER, localServer ?? LOCAL_SERVER],
  ]);
  const words = command.split(/\s+/).map((word) => stands.get(word) ?? word);
  expect(words[0]).toBe('icer');
  const result = await cli(words.slice(1), dir);
  expect(result.code, `${line}\n${result.stderr}`).toBe(0);
  if (redirect !== undefined) writeFileSync(join(dir, redirect), result.stdout);
  return true;
}

// In the order a user would meet them, each command reading what the ones before wrote.
const COMMANDS = ['profiles', 'generate', 'merge', 'evaluate', 'export', 'stats', 'report', 'judge', 'worker'];

describe('the examples of every --help', () => {
  it('every command has two to four examples, each an icer command line of that command', async () => {
    for (const command of COMMANDS) {
      const help = (await cli([command, '--help'])).stdout;
      const lines = examples(help);
      expect(lines.length, command).toBeGreaterThanOrEqual(2);
      expect(lines.length, command).toBeLessThanOrEqual(4);
      const last = help.trimEnd().split('\n').at(-1) as string;
      expect(last.replace(/\s+#.*$/, '').trim(), `${command}: the examples end the help`).toBe(lines.at(-1));
      expect(
        lines.some((line) => line.startsWith(`icer ${command} `)),
        command,
      ).toBe(true);
    }
    expect(examples((await cli(['--help'])).stdout).length).toBeGreaterThanOrEqual(2);
  });

  it('the examples that need no hosted model and no Redis run and exit 0', { timeout: 120_000 }, async () => {
    const { dir } = tempDir();
    // The MovieLens example of evaluate reads the dialogues of a MovieLens run.
    if (existsSync(MOVIELENS)) await run('icer generate --movielens ml-latest-small --count 20 --out ml.jsonl', dir);
    const judge = await servers(() => ({ kind: 'text', content: JUDGE_ANSWER }));
    let ran = 0;
    for (const command of COMMANDS) {
      for (const line of examples((await cli([command, '--help'])).stdout)) if (await run(line, dir, judge.url)) ran++;
    }
    expect(ran).toBeGreaterThanOrEqual(19);
    expect(judge.requests.length).toBeGreaterThan(0);
    // The shards merged are the run one machine writes.
    expect(readFileSync(join(dir, 'merged.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'dialogues.jsonl'), 'utf8'));
    expect(JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8'))).toHaveProperty('corpora');
    expect(JSON.parse(readFileSync(join(dir, 'eval.json'), 'utf8'))).toHaveProperty('task');
  });

  it('so do those of icer --help', { timeout: 60_000 }, async () => {
    const { dir } = tempDir();
    let ran = 0;
    for (const line of examples((await cli(['--help'])).stdout)) if (await run(line, dir)) ran++;
    expect(ran).toBe(4);
  });
});
