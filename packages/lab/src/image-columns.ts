import { type DatasetScorer, type ImageScores, ISSUE_NAMES } from "@sc/properties";
import type { ImageRecord, ImageRef, IssueName } from "@sc/report";
import type { MeasuredTable } from "./measured-table.js";
import type { RowBlocks } from "./row-blocks.js";

/** Row slots: the seven scores in ISSUE_NAMES order, then the flagged issues as one bit each. */
const FLAGS_SLOT = ISSUE_NAMES.length;

/**
 * Scored images, kept in the measured table's own rows: each row's raw numbers are overwritten by its
 * scores and issue bits, so scoring needs no memory beside the table's, and an image costs no more
 * than it did while measured (96 bytes besides its path, where an ImageRecord object with its
 * scores object and boxed numbers takes about 440). The result's `images` builds records from here
 * when they are read.
 */
export class ImageColumns {
  readonly length: number;
  /** The issues whose scores the records hold, in record order. */
  readonly reported: readonly IssueName[];
  readonly #rows: RowBlocks;

  /** Scores every row of `table` in place; the table is empty afterwards. */
  static score(table: MeasuredTable, scorer: DatasetScorer, reported: readonly IssueName[]): ImageColumns {
    const { rows, length } = table.rewrite((raw, numbers) => write(scorer.score(raw), numbers));
    return new ImageColumns(rows, length, reported);
  }

  private constructor(rows: RowBlocks, length: number, reported: readonly IssueName[]) {
    if (rows.stride <= FLAGS_SLOT)
      throw new RangeError(`rows of ${rows.stride} numbers cannot hold the scores`);
    this.#rows = rows;
    this.length = length;
    this.reported = reported;
  }

  get labelNames(): readonly string[] {
    return this.#rows.labelNames;
  }

  /** The row's label as an index into {@link labelNames}, -1 for none. */
  labelCode(row: number): number {
    return this.#rows.labelCode(row);
  }

  /**
   * The label codes of `rows` (default: every row), in a new array: 4 bytes per image, where an array
   * of the label strings takes 8 and a lookup per image to encode.
   */
  labelCodes(rows?: Int32Array): { names: readonly string[]; codes: Int32Array } {
    const codes = this.#gather(new Int32Array(this.#count(rows)), rows, (row) => this.labelCode(row));
    return { names: this.#rows.labelNames, codes };
  }

  hasIssue(row: number, issue: IssueName): boolean {
    return (this.#rows.number(row, FLAGS_SLOT) & issueBit(issue)) !== 0;
  }

  score(row: number, issue: IssueName): number {
    return this.#rows.number(row, this.#slot(issue));
  }

  /**
   * One issue's scores of `rows` (default: every row), written into `into` when given, else into a
   * new array. Reusing one array matters: each column dropped leaves megabytes outside the heap that
   * only a full collection frees, and they piled up by a column per property.
   */
  column(issue: IssueName, rows?: Int32Array, into?: Float64Array): Float64Array {
    const slot = this.#slot(issue);
    const column = into ?? new Float64Array(this.#count(rows));
    return this.#gather(column, rows, (row) => this.#rows.number(row, slot));
  }

  #count(rows: Int32Array | undefined): number {
    return rows?.length ?? this.length;
  }

  /** `read` of each of `rows` (default: every row), in row order, into `out`, of their length. */
  #gather<T extends Int32Array | Float64Array>(
    out: T,
    rows: Int32Array | undefined,
    read: (row: number) => number,
  ): T {
    if (out.length !== this.#count(rows))
      throw new RangeError(`an array of ${out.length} cannot hold ${this.#count(rows)} rows`);
    for (let i = 0; i < out.length; i++) out[i] = read(rows === undefined ? i : (rows[i] as number));
    return out;
  }

  /** A new record of one row, equal to the one the columns were filled from. */
  record(row: number): ImageRecord {
    if (!(Number.isInteger(row) && row >= 0 && row < this.length))
      throw new RangeError(`no image in row ${row}`);
    const scores = {} as Record<IssueName, number>;
    for (const issue of this.reported) scores[issue] = this.#rows.number(row, ISSUE_NAMES.indexOf(issue));
    const { width, height } = this.#rows.size(row);
    return {
      path: this.#rows.path(row),
      label: this.#rows.label(row),
      width,
      height,
      scores,
      issues: ISSUE_NAMES.filter((issue) => this.hasIssue(row, issue)),
    };
  }

  #slot(issue: IssueName): number {
    if (!this.reported.includes(issue)) throw new RangeError(`the images hold no ${issue} score`);
    return ISSUE_NAMES.indexOf(issue);
  }

  ref(row: number, issue: IssueName): ImageRef {
    return {
      path: this.#rows.path(row),
      label: this.#rows.label(row),
      score: this.score(row, issue),
    };
  }
}

function write(scored: ImageScores, numbers: Float64Array): void {
  ISSUE_NAMES.forEach((issue, slot) => {
    numbers[slot] = scored.scores[issue];
  });
  let flags = 0;
  for (const issue of scored.issues) flags |= issueBit(issue);
  numbers[FLAGS_SLOT] = flags;
}

function issueBit(issue: IssueName): number {
  return 1 << ISSUE_NAMES.indexOf(issue);
}
