import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunEstimateSchema } from '../../src/cli/run-estimate.js';
import { cli } from '../helpers/cli-harness.js';
import { type ChatCompletionRequestBody, useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers = useOpenAICompatibleServers();

// A model that says each turn's template draft, reporting 100 input and 10 output tokens per call.
function draftOf(body: ChatCompletionRequestBody): string {
  const last = (body.messages ?? []).filter((message) => message.role === 'user').pop();
  const text = typeof last?.content === 'string' ? last.content : '';
  const data = JSON.parse(/<icer-data>\n([\s\S]*?)\n<\/icer-data>/.exec(text)?.[1] ?? '{}') as { draft?: string };
  return data.draft ?? '';
}
const honest = (delayMs = 0) =>
  servers(({ body }) => ({
    kind: 'text',
    content: draftOf(body),
    usage: { prompt_tokens: 100, completion_tokens: 10 },
    delayMs,
  }));

const CLI = join(process.cwd(), 'dist', 'cli.js');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The built command line in a child process: what it has said on stderr so far, and its exit code. */
function started(dir: string, args: string[]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  let said = '';
  child.stderr.on('data', (chunk: Buffer) => {
    said += chunk.toString('utf8');
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stderr: () => said, exited };
}

describe('icer generate budgets', () => {
  it('says what a model run spent when a budget stops it, and a resumed one what the whole run spent so far, every token priced', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const run = (...extra: string[]) =>
      cli(
        [
          'generate',
          '--count',
          '6',
          '--seed',
          '5',
          '--base-url',
          server.url,
          '--model',
          'fake',
          '--out',
          'out.jsonl',
          ...extra,
        ],
        dir,
      );
    const stopped = await run('--max-calls', '10', '--concurrency', '1');
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(Number(/stopped: .*\n.*: (\d+) model calls/.exec(stopped.stderr)?.[1])).toBe(server.requests.length);
    // Resumed with prices the first start did not have: its tokens are priced too.
    const resumed = await run('--resume', '--prices', '1,2');
    expect(resumed.code, resumed.stderr).toBe(0);
    const calls = server.requests.length;
    const whole = /the whole run so far: (\d+) model calls, (\d+) input \+ (\d+) output tokens, cost ([\d.]+)/.exec(
      resumed.stderr,
    );
    expect(whole?.slice(1).map(Number)).toEqual([
      calls,
      100 * calls,
      10 * calls,
      Number(((120 * calls) / 1e6).toFixed(4)),
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'));
    expect(manifest.extra.usage).toMatchObject({ calls, inputTokens: 100 * calls, outputTokens: 10 * calls });
    expect(manifest.extra.usage.cost).toBeCloseTo((120 * calls) / 1e6, 12);
  });

  it('stops cleanly at --max-calls with whole records, and --resume finishes the run to the bytes of an unbudgeted one', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const run = (...extra: string[]) =>
      cli(
        ['generate', '--count', '12', '--seed', '5', '--base-url', server.url, '--model', 'fake', '--quiet', ...extra],
        dir,
      );
    const whole = await run('--out', 'whole.jsonl');
    expect(whole.code, whole.stderr).toBe(0);
    const calls = server.requests.length;

    const stopped = await run('--out', 'out.jsonl', '--max-calls', '40', '--concurrency', '1');
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toMatch(
      /stopped: --max-calls 40 reached \(\d+ calls\); \d+ dialogues? written\. Resume with the same command and --resume/,
    );
    const partial = readFileSync(join(dir, 'out.jsonl'), 'utf8');
    const written = partial.split('\n').filter(Boolean).length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(12);
    // Stopping happens between dialogues: no more than one dialogue's calls past the budget (the longest one's, at
    // most, as the uninterrupted run's records count them).
    const perDialogue = readFileSync(join(dir, 'whole.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { generator: { calls: number } }).generator.calls);
    expect(server.requests.length - calls).toBeLessThanOrEqual(40 + Math.max(...perDialogue));
    expect(JSON.parse(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8'))).toMatchObject({
      complete: false,
      records: written,
    });

    // Estimated before resuming, the run is what is left of it.
    const left = await run('--out', 'out.jsonl', '--resume', '--estimate', '--json');
    expect(RunEstimateSchema.parse(JSON.parse(left.stdout)).dialogues).toBe(12 - written);
    // Not from the manifest of another run: its next index says nothing of this one.
    const other = await run('--out', 'out.jsonl', '--resume', '--estimate', '--json', '--seed', '6');
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/settings differ from the one being resumed \(seed: 5 then, 6 now\)/);
    // A first start with --resume (a script that always passes it) estimates the whole run, as it would run it.
    const fresh = await run('--out', 'new.jsonl', '--resume', '--estimate', '--json');
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(RunEstimateSchema.parse(JSON.parse(fresh.stdout)).dialogues).toBe(12);

    // The same model served at another address (a server restarted on another port) goes on with the run.
    const moved = await honest();
    const elsewhere = ['--count', '12', '--seed', '5', '--base-url', moved.url, '--model', 'fake', '--quiet'];
    const resumed = await cli(['generate', ...elsewhere, '--out', 'out.jsonl', '--resume'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(moved.requests.length).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'whole.jsonl'), 'utf8'));
    // Resumed again once complete (a retried job), it keeps what the run spent.
    const manifest = readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8');
    expect(JSON.parse(manifest).extra.usage.calls).toBeGreaterThan(40);
    expect((await run('--out', 'out.jsonl', '--resume')).stderr).toMatch(/already complete/);
    expect(readFileSync(join(dir, 'out.jsonl.icer-run.json'), 'utf8')).toBe(manifest);
    // With dialogues running side by side when the limit is reached, the count said is the calls made in all.
    const before = server.requests.length;
    const busy = await run('--out', 'busy.jsonl', '--max-calls', '40', '--concurrency', '4');
    expect(Number(/--max-calls 40 reached \((\d+) calls\)/.exec(busy.stderr)?.[1])).toBe(
      server.requests.length - before,
    );
  });

  it('starts no dialogue once a budget is reached: it goes over by at most the dialogues under way', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const args = ['generate', '--count', '60', '--seed', '5', '--base-url', server.url, '--model', 'fake', '--quiet'];
    const whole = await cli([...args, '--out', 'whole.jsonl'], dir);
    expect(whole.code, whole.stderr).toBe(0);
    const perDialogue = readFileSync(join(dir, 'whole.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { generator: { calls: number } }).generator.calls);
    const before = server.requests.length;
    const stopped = await cli([...args, '--out', 'out.jsonl', '--max-calls', '10', '--concurrency', '8'], dir);
    expect(stopped.code, stopped.stderr).toBe(0);
    // Eight dialogues under way when the tenth call is made, at most: no ninth starts after it.
    const written = readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    expect(written).toBeLessThanOrEqual(8);
    expect(server.requests.length - before).toBeLessThanOrEqual(10 + 8 * Math.max(...perDialogue));
  });

  it('stops a run whose server reports no token usage when a token or cost budget cannot see it, and says why', async () => {
    const server = await servers(({ body }) => ({ kind: 'text', content: draftOf(body), usage: 'none' }));
    const { dir } = tempDir();
    const args = ['generate', '--count', '6', '--seed', '5', '--base-url', server.url, '--model', 'fake'];
    const limited = ['--concurrency', '1', '--max-tokens', '100000'];
    const stopped = await cli([...args, ...limited, '--out', 'out.jsonl'], dir);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(stopped.stderr).toMatch(
      /stopped: --max-tokens 100000 cannot be kept, as the model's server reports no token usage \(\d+ replies without token usage\); limit the run with --max-calls instead; 1 dialogue written/,
    );
    expect(stopped.stderr).toMatch(
      /Resume with --resume, limited by --max-calls in place of --max-tokens or --max-cost\./,
    );
    expect(stopped.stderr).toMatch(/0 input \+ 0 output tokens \(\d+ replies without token usage: counted as 0\)/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1);
    // The estimate does not pass 0 tokens off as a figure, nor when its sample is replayed from the cache.
    for (const round of ['asked', 'replayed']) {
      const estimated = await cli([...args, '--count', '40', '--estimate', '--cache', 'cache'], dir);
      expect(estimated.stderr, round).toMatch(/tokens and cost unknown: the model's server reports no token usage/);
    }
    const json = await cli([...args, '--count', '40', '--estimate', '--json'], dir);
    expect(RunEstimateSchema.parse(JSON.parse(json.stdout)).unmeasuredReplies).toBeGreaterThan(0);
    // --max-calls counts calls, which need no usage: the run resumes under it to the end.
    const resumed = await cli([...args, '--max-calls', '1000', '--out', 'out.jsonl', '--resume', '--quiet'], dir);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').filter(Boolean)).toHaveLength(6);
  });

  it('tells a run whose model fails midway to go on with --resume, keeping what it wrote', async () => {
    // Honest for the first dialogues, then a server error on every call (retries included).
    const server = await servers(({ index, body }) =>
      index < 30
        ? { kind: 'text', content: draftOf(body), usage: { prompt_tokens: 100, completion_tokens: 10 } }
        : { kind: 'status', status: 500 },
    );
    const { dir } = tempDir();
    const args = ['generate', '--count', '12', '--seed', '5', '--base-url', server.url, '--model', 'fake', '--quiet'];
    const failed = await cli([...args, '--out', 'out.jsonl', '--concurrency', '1', '--max-retries', '0'], dir);
    expect(failed.code).toBe(1);
    const written = readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n').filter(Boolean).length;
    expect(written).toBeGreaterThan(0);
    expect(failed.stderr).toMatch(/What was written stays: run the same command with --resume to go on from there\./);
    expect(failed.stderr).not.toMatch(/\n\s+at /);
    // Not --quiet: a failed run says what it spent too, before the error.
    const loud = args.filter((arg) => arg !== '--quiet');
    const told = await cli([...loud, '--out', 'more.jsonl', '--concurrency', '1', '--max-retries', '0'], dir);
    expect(told.code).toBe(1);
    expect(told.stderr).toMatch(
      /^icer generate: openai-compatible:fake: 1 model calls \(0 retries, 1 failed\), 0 from cache/m,
    );
  });

  it('stops at --max-tokens and --max-cost, and refuses budgets without a model or --max-cost without prices', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const base = [
      'generate',
      '--count',
      '8',
      '--base-url',
      server.url,
      '--model',
      'fake',
      '--quiet',
      '--concurrency',
      '1',
    ];
    const tokens = await cli([...base, '--max-tokens', '500'], dir);
    expect(tokens.stderr).toMatch(/stopped: --max-tokens 500 reached \((5\d\d|6\d\d|[7-9]\d\d|\d{4,}) tokens\)/);
    const cost = await cli([...base, '--prices', '1000,1000', '--max-cost', '0.5'], dir);
    expect(cost.stderr).toMatch(/stopped: --max-cost 0\.5 reached \(cost \d+\.\d{4}\)/);
    expect((await cli(['generate', '--max-calls', '3'], dir)).stderr).toMatch(/limit a model run: add --model/);
    expect((await cli([...base, '--max-cost', '1'], dir)).stderr).toMatch(/--max-cost needs --prices/);
    const free = await cli([...base, '--max-cost', '1', '--prices', '0,0'], dir);
    expect(free.code).toBe(2);
    expect(free.stderr).toMatch(/--max-cost 1 is never reached at --prices 0,0/);
  });

  it('--estimate words a seeded sample and scales what it spent to the whole run, writing nothing', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const result = await cli(
      ['generate', '--count', '200', '--base-url', server.url, '--model', 'fake', '--prices', '1,2', '--estimate'],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('');
    const match =
      /estimate from 20 of 200 dialogues \(seeded sample, (\d+) calls made\): about ([\d,]+) model calls, ([\d,]+) input and ([\d,]+) output tokens, cost about ([\d.]+)/.exec(
        result.stderr,
      );
    expect(match, result.stderr).not.toBeNull();
    const made = Number(match?.[1]);
    expect(made).toBe(server.requests.length);
    const number = (text: string | undefined) => Number(text?.replace(/,/g, ''));
    expect(number(match?.[2])).toBe(made * 10);
    expect(number(match?.[3])).toBe(made * 100 * 10);
    expect(number(match?.[4])).toBe(made * 10 * 10);
    expect(Number(match?.[5])).toBeCloseTo((made * 10 * (100 * 1 + 10 * 2)) / 1e6, 2);
  });

  it('--estimate --json prints the same estimate as one JSON document on stdout', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const args = ['generate', '--count', '200', '--base-url', server.url, '--model', 'fake', '--estimate'];
    const json = await cli([...args, '--json'], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe('');
    const estimate = RunEstimateSchema.parse(JSON.parse(json.stdout));
    expect(estimate).toMatchObject({
      dialogues: 200,
      sampled: 20,
      callsMade: server.requests.length,
      expected: { cost: null },
    });
    expect(estimate.expected.calls).toBe(estimate.callsMade * 10);
    expect(estimate.expected.inputTokens).toBe(estimate.callsMade * 100 * 10);
    const text = await cli(args, dir);
    expect(text.stderr).toContain(
      `about ${estimate.expected.calls.toLocaleString('en')} model calls, ${estimate.expected.inputTokens.toLocaleString('en')} input`,
    );
  });

  it('--estimate with --cache counts only the dialogues the run will pay for, the same once the sample is cached', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const args = ['generate', '--count', '40', '--base-url', server.url, '--model', 'fake', '--prices', '1,2'];
    const estimateOf = async (...extra: string[]) =>
      RunEstimateSchema.parse(JSON.parse((await cli([...args, ...extra, '--estimate', '--json'], dir)).stdout));
    const uncached = await estimateOf();
    const cold = await estimateOf('--cache', 'cache');
    // The run replays the 20 sampled dialogues from the cache: it pays for the other 20 only.
    expect(cold.expected.calls).toBe(cold.callsMade);
    expect(uncached.expected.calls).toBe(uncached.callsMade * 2);
    const warm = await estimateOf('--cache', 'cache');
    expect(warm.callsMade).toBe(0);
    expect(warm.expected).toEqual(cold.expected);
    expect(warm.expected.cost).toBeCloseTo((warm.expected.calls * (100 * 1 + 10 * 2)) / 1e6, 6);
  });

  it('--estimate under a budget spends no more on its sample than the budget allows', async () => {
    const server = await honest();
    const { dir } = tempDir();
    const result = await cli(
      ['generate', '--count', '200', '--base-url', server.url, '--model', 'fake', '--estimate', '--max-calls', '5'],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    // The budget is checked before each sampled dialogue: the first runs whole, then the sample stops.
    expect(result.stderr).toMatch(/estimate from 1 of 200 dialogues/);
    expect(result.stderr).toMatch(/the sample stopped early: --max-calls 5 reached \(\d+ calls\)/);
  });
});

describe('icer generate killed', () => {
  it.skipIf(!existsSync(CLI))(
    "keeps a model run's spending in its manifest within a second, records or not: a SIGKILL loses none of it",
    async () => {
      // 30 calls answered, then none: no record follows the last ones, which only the manifest's heartbeat can keep.
      let taken = 0;
      const server = await servers(({ body }) =>
        taken++ < 30
          ? { kind: 'text', content: draftOf(body), usage: { prompt_tokens: 100, completion_tokens: 10 } }
          : { kind: 'hang' },
      );
      const { dir } = tempDir();
      const args = ['generate', '--count', '10', '--seed', '2', '--base-url', server.url, '--model', 'fake', '--quiet'];
      const child = spawn(process.execPath, [CLI, ...args, '--concurrency', '1', '--out', 'out.jsonl'], {
        cwd: dir,
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      while (server.requests.length <= 30) await sleep(50);
      // Every call asked (the one left hanging too), and the tokens of the 30 answered: in the manifest within a
      // couple of seconds (waited for up to 15, for a loaded machine), though no record follows the last calls.
      const expected = { calls: server.requests.length, inputTokens: 3000, outputTokens: 300 };
      const manifestFile = join(dir, 'out.jsonl.icer-run.json');
      const usage = () => (existsSync(manifestFile) ? JSON.parse(readFileSync(manifestFile, 'utf8')).extra.usage : {});
      const matches = () => Object.entries(expected).every(([key, value]) => usage()?.[key] === value);
      for (let waited = 0; waited < 15_000 && !matches(); waited += 100) await sleep(100);
      child.kill('SIGKILL');
      await exited;
      expect(JSON.parse(readFileSync(manifestFile, 'utf8')).records).toBeGreaterThan(0);
      expect(usage()).toMatchObject(expected);
    },
  );
});

describe('icer generate interrupted twice', () => {
  it.skipIf(!existsSync(CLI))(
    'stopped before its first record, says there is nothing to resume and leaves nothing behind',
    async () => {
      const server = await honest(300);
      const { dir } = tempDir();
      const args = ['generate', '--count', '4', '--seed', '2', '--base-url', server.url, '--model', 'fake'];
      const { child, stderr, exited } = started(dir, [...args, '--out', 'out.jsonl']);
      // A few slow calls into the first dialogues, none of them done.
      while (server.requests.length < 2) await sleep(20);
      await sleep(1500);
      child.kill('SIGINT');
      while (!stderr().includes('again to stop them now')) await sleep(10);
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      expect(stderr()).toMatch(
        /interrupted \(SIGINT\); 0 dialogues written\. Run the same command to start it again\./,
      );
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it.skipIf(!existsSync(CLI))(
    'a second SIGINT stops the dialogues under way: whole lines, exit 130, and --resume finishes the run',
    async () => {
      const server = await honest(100);
      const { dir } = tempDir();
      const args = ['generate', '--count', '10', '--seed', '2', '--base-url', server.url, '--model', 'fake', '--quiet'];
      const whole = { ...(await cli([...args, '--out', 'whole.jsonl'], dir)), calls: server.requests.length };
      expect(whole.code, whole.stderr).toBe(0);
      // Not --quiet: an interrupted run says what it spent.
      const loud = args.filter((arg) => arg !== '--quiet');
      const { child, stderr: said, exited } = started(dir, [...loud, '--out', 'out.jsonl']);
      // Once the first dialogue is written, with others under way (each takes a dozen slow calls).
      const out = join(dir, 'out.jsonl');
      while (!existsSync(out) || readFileSync(out, 'utf8') === '') await sleep(50);
      child.kill('SIGINT');
      await sleep(100);
      const asked = server.requests.length;
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      const stderr = said();
      // Stopped at once: the dialogues under way did not go on to ask for all their turns.
      expect(server.requests.length - asked).toBeLessThan(8);
      expect(stderr).toMatch(/SIGINT: finishing the dialogues under way \(again to stop them now\)/);
      expect(stderr).toMatch(
        /interrupted \(SIGINT\); \d+ dialogues? written\. Resume with the same command and --resume\.\n.*: (\d+) model calls/,
      );
      expect(Number(/: (\d+) model calls/.exec(stderr)?.[1])).toBe(server.requests.length - whole.calls);
      // Stopped mid-dialogue, the run has no counts of its own to give: not "0 dialogues …, 0 violations left".
      expect(stderr).not.toMatch(/\b0 dialogues with|violations left/);
      const partial = readFileSync(out, 'utf8');
      expect(partial.endsWith('\n')).toBe(true);
      const done = readFileSync(join(dir, 'whole.jsonl'), 'utf8');
      expect(done.startsWith(partial)).toBe(true);
      expect(partial.length).toBeLessThan(done.length);
      const resumed = await cli([...args, '--out', 'out.jsonl', '--resume'], dir);
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(done);
    },
  );
});
