import type { ItemCatalog } from '../catalog/item-catalog.js';
import type { TokenPrices } from '../dialogue/token-usage.js';
import { type BrokenLine, type CorpusDialogue, readCorpusFile } from '../evaluation/corpus-file.js';
import { type CorpusStats, corpusStats } from '../evaluation/dataset-stats.js';
import type { DialogueRecord } from '../generation/dialogue-record.js';
import { type Seed, SeededRandom } from '../random/seeded-random.js';
import { type BrowsedDialogue, browsedDialogue } from './browsed-dialogue.js';

/** A corpus file for the report: `label` names it on the page. */
export interface ReportFile {
  /** Names the corpus on the page. */
  readonly label: string;
  /** The file's path: JSON lines of icer records, ReDial or chat conversations (`.gz` too). */
  readonly file: string;
  /** A reference corpus (human dialogues): figures only, never browsed. */
  readonly reference?: boolean;
}

/** How {@link collectReport} reads the files. */
export interface CollectReportOptions {
  /** The catalogs the records' items come from; each record is read against the first that knows them. */
  readonly catalogs: readonly [ItemCatalog, ...ItemCatalog[]];
  /**
   * How many dialogues the page's browser holds, shared among the icer files; the charts use every record.
   * @default 500
   */
  readonly browse?: number;
  /**
   * The seed of the browser's sample.
   * @default 0
   */
  readonly seed?: Seed;
  /** Token prices for the cost figures; without them, costs are given in tokens only. */
  readonly prices?: TokenPrices;
  /** Lines that are not dialogues; reported, then skipped. */
  readonly onBroken?: (broken: BrokenLine) => void;
}

/**
 * Reads every file once: its figures (every dialogue) and, for icer files, a seeded uniform sample of records for the
 * browser (reservoir sampling, so memory holds only the sample however large the file).
 */
export async function collectReport(
  files: readonly ReportFile[],
  options: CollectReportOptions,
): Promise<{
  /** Each file's figures, in the order given. */
  corpora: CorpusStats[];
  /** The browser's sample of icer dialogues. */
  dialogues: BrowsedDialogue[];
}> {
  const browse = options.browse ?? 500;
  const browsable = files.filter((file) => !file.reference).length;
  const perFile = browsable === 0 ? 0 : Math.ceil(browse / browsable);
  let left = browse;
  const corpora: CorpusStats[] = [];
  const dialogues: BrowsedDialogue[] = [];
  for (const file of files) {
    let broken = 0;
    const reading = readCorpusFile(file.file, (line) => {
      broken++;
      options.onBroken?.(line);
    });
    const keep = file.reference ? 0 : Math.min(perFile, left);
    const sample = new Reservoir(keep, new SeededRandom(`${String(options.seed ?? 0)}/browse/${file.label}`));
    const stats = await corpusStats(
      { format: reading.format, dialogues: sampled(reading.dialogues, sample) },
      {
        name: file.label,
        reference: file.reference ?? false,
        catalog: options.catalogs,
        ...(options.prices ? { prices: options.prices } : {}),
        brokenLines: () => broken,
      },
    );
    corpora.push(stats);
    const records = sample.items();
    left -= records.length;
    for (const record of records) dialogues.push(browsedDialogue(record, file.label, options.catalogs));
  }
  return { corpora, dialogues };
}

async function* sampled(
  dialogues: AsyncIterable<CorpusDialogue> | Iterable<CorpusDialogue>,
  sample: Reservoir,
): AsyncGenerator<CorpusDialogue> {
  for await (const dialogue of dialogues) {
    if (dialogue.record) sample.offer(dialogue.record);
    yield dialogue;
  }
}

/** A uniform sample of `size` records from a stream of unknown length (Algorithm R), kept in stream order. */
class Reservoir {
  readonly #size: number;
  readonly #random: SeededRandom;
  readonly #kept: Array<{ index: number; record: DialogueRecord }> = [];
  #seen = 0;

  constructor(size: number, random: SeededRandom) {
    this.#size = size;
    this.#random = random;
  }

  offer(record: DialogueRecord): void {
    const index = this.#seen++;
    if (this.#size === 0) return;
    if (this.#kept.length < this.#size) {
      this.#kept.push({ index, record });
      return;
    }
    const slot = this.#random.int(0, index);
    if (slot < this.#size) this.#kept[slot] = { index, record };
  }

  items(): DialogueRecord[] {
    return [...this.#kept].sort((a, b) => a.index - b.index).map((entry) => entry.record);
  }
}
