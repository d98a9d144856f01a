import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DialogueRecordSchema } from '../../src/generation/dialogue-record.js';
import { cli } from '../helpers/cli-harness.js';

// Debian's chromium, which .ci/run installs when it is absent; CHROMIUM_PATH points elsewhere.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.warn(`[report-page] SKIPPED: no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);

// One directory for the whole file (the page is built once, then read by every test).
const dir = mkdtempSync(join(tmpdir(), 'icer-report-test-'));
const write = (name: string, content: string) => writeFileSync(join(dir, name), content);
let page = '';
let html = '';
let browser: Browser | undefined;
// A dialogue line written to break out of the page.
const HOSTILE = '</script><script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">';

// A judge report in the documented shape (as `icer judge --json` writes it), for the judge chart.
const JUDGE = {
  model: 'mock:judge',
  promptVersion: 'icer-dataset-judge/1',
  sample: { records: 80, requested: 20, judged: 20, failures: 0, skipped: 0, seed: 0, resamples: 200 },
  criteria: Object.fromEntries(
    ['fluency', 'naturalness', 'consistency', 'factuality'].map((criterion, i) => [
      criterion,
      {
        share: { mean: 0.6 + i * 0.1, ci: [0.4 + i * 0.1, 0.8 + i * 0.05] },
        meanScore: 3.8 + i * 0.1,
        counts: [0, 2, 4, 8, 6],
      },
    ]),
  ),
  dialogues: [],
  failed: [],
  missingItems: [],
  usage: { calls: 20, retries: 0, cacheHits: 0, invalidReplies: 0, inputTokens: 20000, outputTokens: 1200, cost: null },
};

beforeAll(async () => {
  const generated = await cli(['generate', '--count', '80', '--seed', '3', '--quiet', '--out', 'icer.jsonl'], dir);
  expect(generated.code).toBe(0);
  // Every record's second turn is planted, so whichever dialogues the sample holds carry it.
  const records = readFileSync(join(dir, 'icer.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const record = DialogueRecordSchema.parse(JSON.parse(line));
      (record.turns[1] as { text: string }).text = HOSTILE;
      return JSON.stringify(record);
    });
  write('icer.jsonl', `${records.join('\n')}\n`);
  write(
    'redial.jsonl',
    JSON.stringify({ movieMentions: {}, messages: [{ text: 'any comedy tips?', senderWorkerId: 0, messageId: 1 }] }),
  );
  const evaluation = await cli(['evaluate', '--dialogues', 'icer.jsonl', '--resamples', '100', '--json'], dir);
  expect(evaluation.code).toBe(0);
  write('eval.json', evaluation.stdout);
  write('judge.json', JSON.stringify(JUDGE));
  const report = await cli(
    [
      'report',
      'icer.jsonl',
      '--reference',
      'human=redial.jsonl',
      '--evaluation',
      'eval.json',
      '--judge',
      'judge.json',
      '--browse',
      '50',
      '--out',
      'report.html',
    ],
    dir,
  );
  expect(report.stderr).toMatch(/^icer report: wrote report\.html \(\d\.\d MB; 2 corpora, 50 dialogues to browse\)\n$/);
  expect(report.code).toBe(0);
  page = join(dir, 'report.html');
  html = readFileSync(page, 'utf8');
  if (hasChromium) browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('icer report', () => {
  it('writes one self-contained page: no external script, style, image or link, and a policy that forbids requests', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    // The hostile line is data inside the JSON block, never markup.
    expect(html).not.toContain('<script>window.pwned');
  });

  it.skipIf(!hasChromium)(
    'renders in chromium: charts, figures, a browser whose filters work, no errors, no requests',
    async () => {
      const tab = await (browser as Browser).newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      const requests: string[] = [];
      tab.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      tab.on('pageerror', (error) => errors.push(String(error)));
      tab.on('request', (request) => requests.push(request.url()));
      await tab.goto(pathToFileURL(page).href);

      // Charts: corpora (turns, lengths, diversity, acts, outcomes), the study (metrics, prefix curve), the judge.
      const charts = await tab
        .locator('figure.chart')
        .evaluateAll((figures) =>
          figures.map((figure) => [figure.id, figure.querySelectorAll('svg path, svg rect, svg line').length]),
        );
      expect(charts.map(([id]) => id)).toEqual([
        'chart-turns',
        'chart-lengths',
        'chart-diversity',
        'chart-acts',
        'chart-outcomes',
        'chart-metrics',
        'chart-prefix',
        'chart-judge',
      ]);
      for (const [id, marks] of charts) expect(marks, `${id} draws marks`).toBeGreaterThan(5);
      await expect(tab.locator('table.figures th').nth(2).textContent()).resolves.toBe('human');

      // The browser: 50 sampled dialogues; filtering by outcome shows only those, and clearing it shows all again.
      const items = tab.locator('#b-list li');
      expect(await items.count()).toBe(50);
      await tab.selectOption('#f-outcome', 'gave-up');
      const gaveUp = await items.allTextContents();
      expect(gaveUp.length).toBeGreaterThan(0);
      expect(gaveUp.length).toBeLessThan(50);
      for (const text of gaveUp) expect(text).toContain('gave-up');
      await expect(tab.locator('#b-count').textContent()).resolves.toBe(`${gaveUp.length} of 50 dialogues`);
      await tab.selectOption('#f-outcome', '');
      await tab.fill('#f-search', 'no line says this');
      expect(await items.count()).toBe(0);
      await tab.fill('#f-search', '');
      expect(await items.count()).toBe(50);

      // A dialogue is shown with its hidden profile and its acts; the hostile line is shown as text, and ran nothing.
      await items.first().click();
      await expect(tab.locator('.profile h4').textContent()).resolves.toMatch(/^Hidden profile: /);
      expect(await tab.locator('.turn .act').count()).toBeGreaterThan(3);
      expect(await tab.locator('.turn .words p:first-child').allTextContents()).toContain(HOSTILE);
      expect(await tab.evaluate(() => (globalThis as { pwned?: number }).pwned)).toBeUndefined();
      await tab.fill('#f-search', 'window.pwned');
      expect(await items.count()).toBe(50);
      await tab.fill('#f-search', '');

      expect(errors).toEqual([]);
      expect(requests).toEqual([pathToFileURL(page).href]);
      mkdirSync(ARTIFACTS, { recursive: true });
      await tab.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
      writeFileSync(join(ARTIFACTS, 'report.html'), html);
      await tab.close();
    },
  );
});
