import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers = useOpenAICompatibleServers();
// Signals need a real process: the built command line (npm run build runs before these tests in CI).
const CLI = join(process.cwd(), 'dist', 'cli.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('icer generate --unconstrained, written like any run', () => {
  it('asks again on --resume for a dialogue the model could not write, though its answers were cached', async () => {
    // Requests 3 to 5 (dialogue 2 and its re-asks) get one utterance, fewer than a dialogue needs; the rest are fine.
    const server = await servers(({ index }) => ({
      kind: 'text',
      content: JSON.stringify({
        utterances: index >= 2 && index < 5 ? ['Hi!'] : ['Hi! What do you like?', 'Sci-fi.', 'Try Alien.', 'Great!'],
      }),
      usage: { prompt_tokens: 50, completion_tokens: 20 },
    }));
    const { dir } = tempDir();
    const args = ['generate', '--unconstrained', '--model', 'w', '--base-url', server.url, '--count', '4'];
    const run = () =>
      cli([...args, '--seed', '2', '--cache', 'cache', '--out', 'out.jsonl', '--resume', '--quiet'], dir);
    const failed = await run();
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/The model's dialogue 2-2 could not be used after \d+ attempts: it had 1 utterance/);
    expect(failed.stderr).toMatch(/run the same command with --resume to go on/);
    const asked = server.requests.length;
    // Resumed with the same cache: the unusable answers are not replayed, the model is asked again, and it answers.
    const resumed = await run();
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(server.requests.length).toBeGreaterThan(asked);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(4);
  });

  it('appends to --out, stops at a budget, and --resume finishes it to the bytes of an unbroken run', async () => {
    const server = await servers(() => ({
      kind: 'text',
      content: JSON.stringify({
        utterances: ['Hi! What do you like?', 'Sci-fi, mostly.', 'Try Alien (1979).', 'Great!'],
      }),
      usage: { prompt_tokens: 50, completion_tokens: 20 },
    }));
    const { dir } = tempDir();
    const run = (...extra: string[]) =>
      cli(
        [
          'generate',
          '--unconstrained',
          '--model',
          'w',
          '--base-url',
          server.url,
          '--count',
          '9',
          '--seed',
          '2',
          ...extra,
        ],
        dir,
      );
    const whole = await run('--out', 'whole.jsonl', '--quiet');
    expect(whole.code, whole.stderr).toBe(0);

    const stopped = await run('--out', 'out.jsonl', '--max-calls', '4');
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toMatch(/stopped: --max-calls 4 reached \(4 calls\); 4 dialogues written\. Resume with/);
    expect(stopped.stderr).toMatch(/4 dialogues with openai-compatible:w: 4 model calls/);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    expect(manifest).toMatchObject({ complete: false, records: 4, nextIndex: 4, extra: { usage: { calls: 4 } } });

    // Other settings are another run; the same ones continue it.
    const other = await run('--out', 'out.jsonl', '--resume', '--max-turns', '6');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/settings differ from the one being resumed/);
    const resumed = await run('--out', 'out.jsonl', '--resume', '--quiet');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole.jsonl'), 'utf8'));
    // The manifest counts what the whole run spent, over both starts: 9 calls of 50 + 20 tokens.
    const after = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    expect(after).toMatchObject({
      complete: true,
      extra: { usage: { calls: 9, inputTokens: 450, outputTokens: 180 } },
    });

    const again = await run('--out', 'out.jsonl', '--force', '--quiet');
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole.jsonl'), 'utf8'));
  });

  it.skipIf(!existsSync(CLI))('stops the model call under way on a second signal, and exits 130', async () => {
    // A model that takes a minute to answer: only the second signal can end the run soon.
    const server = await servers(() => ({ kind: 'text', content: '{}', delayMs: 60_000 }));
    const { dir } = tempDir();
    const args = ['generate', '--unconstrained', '--model', 'w', '--base-url', server.url, '--count', '3'];
    const child = spawn(process.execPath, [CLI, ...args, '--out', 'out.jsonl'], { cwd: dir });
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString('utf8');
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    while (server.requests.length === 0) await sleep(20);
    child.kill('SIGINT');
    while (!said.includes('again to stop them now')) await sleep(20);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    // Nothing of the run was written: there is nothing to resume.
    expect(said).toMatch(/interrupted \(SIGINT\); 0 dialogues written\. Run the same command to start it again\./);
  });

  it('refuses --estimate and --concurrency, which apply to simulated dialogues', async () => {
    const concurrent = await cli(['generate', '--unconstrained', '--model', 'w', '--concurrency', '4']);
    expect(concurrent.code).toBe(2);
    expect(concurrent.stderr).toMatch(/--concurrency applies to simulated runs/);
    const result = await cli(['generate', '--unconstrained', '--model', 'w', '--estimate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--estimate samples simulated dialogues; --unconstrained has none/);
  });
});
