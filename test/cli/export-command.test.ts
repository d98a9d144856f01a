import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli-harness.js';
import { useTempDir } from '../helpers/temp-dir.js';

const tempDir = useTempDir();
let dialogues = '';

beforeAll(async () => {
  const result = await cli(['generate', '--count', '12', '--seed', '4', '--quiet']);
  expect(result.code).toBe(0);
  dialogues = result.stdout;
});

describe('icer export', () => {
  it('writes each format, reading .jsonl.gz and reporting a broken line by file and line', async () => {
    const { dir, write } = tempDir();
    const lines = dialogues.trimEnd().split('\n');
    write('cut.jsonl', [lines[0], '{"turns": 1', ...lines.slice(1)].join('\n'));
    write('all.jsonl.gz', gzipSync(dialogues) as unknown as string);

    const chat = await cli(['export', 'cut.jsonl', '--format', 'chat', '--out', 'chat.jsonl'], dir);
    expect(chat.code).toBe(0);
    expect(chat.stderr).toMatch(/^icer export: cut\.jsonl:2: skipped, not JSON \(.+\)\n/);
    expect(chat.stderr).toMatch(/wrote chat\.jsonl \(12 conversations; 1 broken lines skipped\)\n$/);
    expect(readFileSync(join(dir, 'chat.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(12);

    const redial = await cli(['export', 'all.jsonl.gz', '--format', 'redial', '--out', 'redial.jsonl'], dir);
    expect(redial.stderr).toBe('icer export: wrote redial.jsonl (12 dialogues)\n');
    expect(JSON.parse(readFileSync(join(dir, 'redial.jsonl'), 'utf8').split('\n')[0] as string)).toHaveProperty(
      'movieMentions',
    );

    const kit = await cli(['export', 'all.jsonl.gz', '--format', 'dialoguekit', '--out', 'kit.json'], dir);
    expect(kit.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'kit.json'), 'utf8'))).toHaveLength(12);

    const hf = await cli(
      ['export', 'all.jsonl.gz', '--format', 'hf', '--split', '2,1,1', '--seed', '9', '--out', 'ds'],
      dir,
    );
    expect(hf.stderr).toMatch(
      /wrote ds \(12 dialogues; train 6 \(6 users\), validation 3 \(3 users\), test 3 \(3 users\)\)/,
    );
    expect(existsSync(join(dir, 'ds', 'README.md'))).toBe(true);

    const user = await cli(
      ['export', 'all.jsonl.gz', '--format', 'chat', '--as', 'user', '--no-system', '--bare', '--out', 'user.jsonl'],
      dir,
    );
    expect(user.code).toBe(0);
    const first = JSON.parse(readFileSync(join(dir, 'user.jsonl'), 'utf8').split('\n')[0] as string);
    expect(Object.keys(first)).toEqual(['messages']);
    expect(first.messages[0].role).toBe('user');
  });

  it('writes gzip to a .gz name, which icer reads back as the plain export', async () => {
    const { dir, write } = tempDir();
    write('d.jsonl', dialogues);
    for (const out of ['chat.jsonl', 'chat.jsonl.gz', 'redial.jsonl.gz']) {
      const format = out.startsWith('chat') ? 'chat' : 'redial';
      expect((await cli(['export', 'd.jsonl', '--format', format, '--out', out], dir)).code).toBe(0);
    }
    const plain = readFileSync(join(dir, 'chat.jsonl'), 'utf8');
    expect(gunzipSync(readFileSync(join(dir, 'chat.jsonl.gz'))).toString('utf8')).toBe(plain);
    // A human or synthetic corpus set beside icer's, as stats reads it.
    const stats = await cli(['stats', 'd.jsonl', '--reference', 'redial=redial.jsonl.gz'], dir);
    expect(stats.code, stats.stderr).toBe(0);
    expect(stats.stdout).toMatch(/format\s+icer\s+redial/);
  });

  it('refuses an existing output unless --force, and replaces it with --force', async () => {
    const { dir, write } = tempDir();
    write('d.jsonl', dialogues);
    write('out.jsonl', 'mine\n');
    const refused = await cli(['export', 'd.jsonl', '--format', 'redial', '--out', 'out.jsonl'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/out\.jsonl: It already exists\. Choose another path, or add --force/);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('mine\n');
    const folder = await cli(['export', 'd.jsonl', '--format', 'hf', '--force', '--out', 'out.jsonl'], dir);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/It is a file, not a folder/);
    const forced = await cli(['export', 'd.jsonl', '--format', 'redial', '--force', '--out', 'out.jsonl'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n')).toHaveLength(13);
  });

  it('says what is wrong with the command line, never with a stack trace', async () => {
    const { dir, write } = tempDir();
    write('d.jsonl', dialogues);
    const cases: [string[], RegExp][] = [
      [['export', 'd.jsonl', '--out', 'x'], /Say which format: --format chat, redial, hf or dialoguekit/],
      [
        ['export', 'd.jsonl', '--format', 'csv', '--out', 'x'],
        /--format takes one of chat, redial, hf, dialoguekit, got "csv"/,
      ],
      [['export', 'd.jsonl', '--format', 'chat'], /Say where to write: --out FILE/],
      [['export', '--format', 'chat', '--out', 'x'], /Name one dialogue file/],
      [['export', 'd.jsonl', '--format', 'hf', '--as', 'user', '--out', 'x'], /--as applies to --format chat/],
      [['export', 'd.jsonl', '--format', 'chat', '--seed', '1', '--out', 'x'], /--seed applies to --format hf/],
      [['export', 'd.jsonl', '--format', 'hf', '--split', '0.8,0.2', '--out', 'x'], /--split takes three shares/],
      [['export', 'd.jsonl', '--format', 'hf', '--split', '0,0,0', '--out', 'x'], /--split needs a share above zero/],
      [
        ['export', 'd.jsonl', '--format', 'chat', '--as', 'critic', '--out', 'x'],
        /--as takes one of recommender, user/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    const missing = await cli(['export', 'nope.jsonl', '--format', 'chat', '--out', 'x.jsonl'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jsonl: The file does not exist/);
    expect(existsSync(join(dir, 'x.jsonl'))).toBe(false);
  });

  it('names the file and the dialogue of an item no catalog has', async () => {
    const { dir, write } = tempDir();
    const record = JSON.parse(dialogues.split('\n')[0] as string);
    const turn = record.turns.find((t: { acts: { type: string }[] }) => t.acts.some((a) => a.type === 'recommend'));
    turn.acts.find((a: { type: string }) => a.type === 'recommend').items[0] = 'no-such-film';
    write('odd.jsonl', `${JSON.stringify(record)}\n`);
    const result = await cli(['export', 'odd.jsonl', '--format', 'redial', '--out', 'r.jsonl'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /odd\.jsonl: Dialogue "4-0": The item "no-such-film" is in no catalog given\. .*--movielens DIR or --catalog FILE.*\[UNKNOWN_ITEM\]/,
    );
    expect(existsSync(join(dir, 'r.jsonl'))).toBe(false);
  });
});
