import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtinBooksCatalog } from '../../src/data/builtin/builtin-books-catalog.js';
import { EvaluationReportSchema } from '../../src/evaluation/evaluation-report.js';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { cli, cliOnTerminal } from '../helpers/cli-harness.js';
import { useOpenAICompatibleServers } from '../helpers/openai-compatible-server.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
const servers = useOpenAICompatibleServers();
let dialogues = '';

beforeAll(async () => {
  const result = await cli(['generate', '--count', '12', '--seed', '4', '--quiet']);
  expect(result.code).toBe(0);
  dialogues = result.stdout;
});

describe('icer evaluate', () => {
  it("scores the dialogues of the built-in books against the books catalog, which their records' domain names", async () => {
    const { dir } = tempDir();
    const made = await cli(['generate', '--domain', 'books', '--count', '6', '--seed', '2', '--out', 'b.jsonl'], dir);
    expect(made.code, made.stderr).toBe(0);
    const result = await cli(['evaluate', 'b.jsonl', '--negatives', '5', '--resamples', '50', '--json'], dir);
    expect(result.code, result.stderr).toBe(0);
    const report = EvaluationReportSchema.parse(JSON.parse(result.stdout));
    expect(report.task.targets).toBeGreaterThan(0);
    expect(report.task.skipped['unknown-item']).toBeUndefined();
    // And its exports name the books by their titles.
    const exported = await cli(['export', 'b.jsonl', '--format', 'redial', '--out', 'r.jsonl'], dir);
    expect(exported.code, exported.stderr).toBe(0);
    const books = new Set(
      builtinBooksCatalog()
        .items()
        .map((item) => (item.year === undefined ? item.title : `${item.title} (${item.year})`)),
    );
    const mentioned = readFileSync(join(dir, 'r.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .flatMap((line) => Object.values((JSON.parse(line) as { movieMentions: Record<string, string> }).movieMentions));
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter((title) => !books.has(title))).toEqual([]);
  });

  it('says why when there is nothing to score, and exits 1: an empty file', async () => {
    const { dir, write } = tempDir();
    write('empty.jsonl', '');
    const result = await cli(['evaluate', 'empty.jsonl'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/hold no records.*NOTHING_TO_EVALUATE/);
  });

  it('prints the study as JSON, skipping a broken line with its file and line number', async () => {
    const lines = dialogues.trim().split('\n');
    const { dir, write } = tempDir();
    write('icer.jsonl', [lines[0], '{"id": "cut short', ...lines.slice(1)].join('\n'));
    const result = await cli(
      [
        'evaluate',
        '--dialogues',
        'icer.jsonl',
        '--negatives',
        '9',
        '--prefixes',
        '2,4',
        '--resamples',
        '100',
        '--json',
      ],
      dir,
    );
    expect(result.code).toBe(0);
    // The engine's own wording of the JSON error follows; it differs between Node versions.
    expect(result.stderr).toMatch(/^icer evaluate: icer\.jsonl:2: skipped, not JSON \(.+\)\n$/);
    const report = EvaluationReportSchema.parse(JSON.parse(result.stdout));
    expect(report.task).toMatchObject({ candidates: 10, skipped: { 'broken-line': 1 } });
    expect(report.results.map((row) => [row.condition, row.source, row.turns])).toEqual([
      ['none', null, null],
      ['profile', null, null],
      ['dialogue', 'icer', null],
      ['prefix', 'icer', 2],
      ['prefix', 'icer', 4],
    ]);
  });

  it("draws a progress bar over the files' lines on a terminal, saying skipped lines after it; none with --quiet", async () => {
    const lines = dialogues.trim().split('\n');
    const { dir, write } = tempDir();
    write('icer.jsonl', [lines[0], '{"id": "cut short', ...lines.slice(1)].join('\n'));
    const args = ['evaluate', 'icer.jsonl', '--negatives', '9', '--resamples', '100', '--json'];
    const shown = await cliOnTerminal(args, dir);
    expect(shown.code).toBe(0);
    // Twelve records and the broken line: the bar ends full, then the skip is said on a line of its own.
    const [bar, after] = shown.stderr.split(`${String.fromCharCode(27)}[K\n`).slice(-2);
    expect(bar).toMatch(/\r\[#+\] 13\/13 {2}100% .* records\/s {2}ETA 0:00$/);
    expect(after).toMatch(/^icer evaluate: icer\.jsonl:2: skipped, not JSON/);
    const quiet = await cliOnTerminal([...args, '--quiet'], dir);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toMatch(/^icer evaluate: icer\.jsonl:2: skipped, not JSON \(.+\)\n$/);
    expect(quiet.stdout).toBe(shown.stdout);
  });

  it('prints a table with the random floor and the paired differences', async () => {
    const { dir, write } = tempDir();
    write('a.jsonl', dialogues);
    const result = await cli(
      ['evaluate', '--dialogues', 'tmpl=a.jsonl', '--recommender', 'acts', '--resamples', '100'],
      dir,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/recommender acts/);
    expect(result.stdout).toMatch(/^random floor +0\.050 /m);
    expect(result.stdout).toMatch(/^dialogue\/tmpl +\d+ +\d\.\d{3} \(/m);
    expect(result.stdout).toMatch(/dialogue\/tmpl − profile/);
  });

  it('says what is wrong with its flags', async () => {
    expect((await cli(['evaluate'])).stderr).toMatch(/Name at least one dialogue file: icer evaluate FILE/);
    const { dir, write } = tempDir();
    write('a.jsonl', dialogues);
    const unknown = await cli(['evaluate', '--dialogues', 'a.jsonl', '--recommender', 'magic'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /--recommender takes content, acts or a model \(provider:model, e\.g\. openai:gpt-4o-mini\), got "magic"/,
    );
    const negatives = await cli(['evaluate', '--dialogues', 'a.jsonl', '--negatives', 'many'], dir);
    expect(negatives.stderr).toMatch(/--negatives takes a number or uniform or popular, got "many"/);
    const missing = await cli(['evaluate', '--dialogues', 'nope.jsonl'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl/);
  });

  it('weighs popularity as --popularity-weight says, for the offline readers only', async () => {
    // A small MovieLens directory: films 1–8 rated by every user (popular), 9–40 by one user each (obscure).
    const genres = ['Drama', 'Comedy', 'Sci-Fi', 'Horror', 'Crime'];
    const movies = Array.from({ length: 40 }, (_, i) => `${i + 1},Film ${i + 1} (${1960 + i}),${genres[i % 5]}`);
    const ratings: string[] = [];
    for (let user = 1; user <= 12; user++) {
      for (let film = 1; film <= 8; film++) ratings.push(`${user},${film},${(user + film) % 3 === 0 ? 2 : 4.5}`);
      ratings.push(`${user},${8 + user},3`);
    }
    const { dir, write } = tempDir();
    mkdirSync(join(dir, 'ml'));
    write('ml/movies.csv', `movieId,title,genres\n${movies.join('\n')}\n`);
    write('ml/ratings.csv', `userId,movieId,rating\n${ratings.join('\n')}\n`);
    const generated = await cli(
      ['generate', '--movielens', 'ml', '--count', '12', '--quiet', '--out', 'ml.jsonl'],
      dir,
    );
    expect(generated.code).toBe(0);
    const none = async (...flags: string[]) => {
      const args = ['evaluate', '--dialogues', 'ml.jsonl', '--movielens', 'ml', '--resamples', '50', '--json'];
      const result = await cli([...args, ...flags], dir);
      expect(result.stderr).toBe('');
      const report = EvaluationReportSchema.parse(JSON.parse(result.stdout));
      return report.results.find((row) => row.condition === 'none')?.metrics.ndcg.mean as number;
    };
    // Held-out favourites are popular films and the negatives obscure ones: the prior alone ranks them first.
    expect(await none()).toBe(1);
    expect(await none('--popularity-weight', '0')).toBeLessThan(0.9);

    const negative = await cli(['evaluate', '--dialogues', 'ml.jsonl', '--popularity-weight', '-1'], dir);
    expect(negative.code).toBe(2);
    expect(negative.stderr).toMatch(/--popularity-weight takes a number ≥ 0, got "-1"/);
    const model = await cli(
      ['evaluate', '--dialogues', 'ml.jsonl', '--recommender', 'openai:gpt-4o-mini', '--popularity-weight', '2'],
      dir,
    );
    expect(model.code).toBe(2);
    expect(model.stderr).toMatch(/--popularity-weight applies to the offline recommenders \(content, acts\)/);
  });

  /** `icer evaluate` of three dialogues with a model that ranks the candidates in the order given. */
  const rankWithModel = async (usage?: 'none') => {
    const server = await servers(({ body }) => {
      const prompt = String(body.messages?.at(-1)?.content ?? '');
      const ids = [...prompt.matchAll(/"id":"([^"]+)"/g)].map((match) => match[1]);
      return { kind: 'text', content: JSON.stringify({ ranking: ids }), ...(usage && { usage }) };
    });
    const { dir, write } = tempDir();
    write('a.jsonl', dialogues.trim().split('\n').slice(0, 3).join('\n'));
    const result = await cli(
      ['evaluate', '--dialogues', 'a.jsonl', '--recommender', 'ranker', '--base-url', server.url, '--json'],
      dir,
    );
    return { server, result };
  };

  it('ranks with a model on an OpenAI-compatible server, and reports the calls it made', async () => {
    const { server, result } = await rankWithModel();
    expect(result.code).toBe(0);
    const report = EvaluationReportSchema.parse(JSON.parse(result.stdout));
    expect(report.results[0]?.recommender).toBe('openai-compatible:ranker');
    expect(report.results.every((row) => row.failures === 0 && row.n > 0)).toBe(true);
    expect(result.stderr).toMatch(
      new RegExp(
        `^icer evaluate: ${server.requests.length} model calls \\(0 from the cache, 0 failed, 0 unusable answers\\), \\d+ input and \\d+ output tokens\\n$`,
      ),
    );
  });

  it('says how many answers of the model came without token usage', async () => {
    const { server, result } = await rankWithModel('none');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `icer evaluate: ${server.requests.length} model calls (0 from the cache, 0 failed, 0 unusable answers), 0 input and 0 output tokens (${server.requests.length} replies without token usage: counted as 0)\n`,
    );
  });

  it('sets the unconstrained baseline beside ICER: generate --unconstrained, then evaluate both files', async () => {
    const server = await servers(() => ({
      kind: 'text',
      content: JSON.stringify({
        utterances: ['Hi! What do you like?', 'I love sci-fi, honestly.', 'Try Alien (1979).', 'Great, thanks!'],
      }),
    }));
    const { dir, write } = tempDir();
    write('icer.jsonl', dialogues);
    const generated = await cli(
      ['generate', '--unconstrained', '--model', 'writer', '--base-url', server.url, '--count', '12', '--seed', '4'],
      dir,
    );
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(/icer generate: 12 dialogues with openai-compatible:writer: 12 model calls/);
    const records = generated.stdout
      .trim()
      .split('\n')
      .map((line) => DialogueRecordSchema.parse(JSON.parse(line)));
    expect(records.map((record) => record.id)).toEqual(Array.from({ length: 12 }, (_, i) => `4-${i}`));
    expect(records.every((record) => record.generator.policy === 'unconstrained')).toBe(true);
    write('free.jsonl', generated.stdout);
    const result = await cli(
      ['evaluate', '--dialogues', 'icer=icer.jsonl', '--dialogues', 'free=free.jsonl', '--resamples', '100', '--json'],
      dir,
    );
    expect(result.code).toBe(0);
    const report = EvaluationReportSchema.parse(JSON.parse(result.stdout));
    const between = report.comparisons.find(
      (c) => c.a === 'dialogue/icer' && c.b === 'dialogue/free' && c.metric === 'ndcg',
    );
    expect(between?.n).toBe(report.task.targets);
  });

  it('refuses --unconstrained without a model, or with simulator flags', async () => {
    const none = await cli(['generate', '--unconstrained']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--unconstrained needs --model/);
    const styled = await cli([
      'generate',
      '--unconstrained',
      '--model',
      'm',
      '--base-url',
      'http://127.0.0.1:9/v1',
      '--style',
      'balanced',
    ]);
    expect(styled.stderr).toMatch(/--style and --mode shape simulated dialogues/);
  });
});
