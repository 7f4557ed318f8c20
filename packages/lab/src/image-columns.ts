import { type ImageScores, ISSUE_NAMES } from "@sc/properties";
import type { ImageRecord, ImageRef, IssueName } from "@sc/report";

/**
 * Scored images as columns: a Float64Array per reported score, sizes in a Uint32Array and the flagged
 * issues as one bit each. About 90 bytes per image besides the path, where an ImageRecord object with
 * its scores object and boxed numbers takes about 440; the result's `images` builds records from here
 * when they are read.
 */
export class ImageColumns {
  readonly length: number;
  readonly paths: readonly string[];
  readonly labels: readonly (string | null)[];
  /** The score columns, in the order records list their scores. */
  readonly scores: ReadonlyMap<IssueName, Float64Array>;
  readonly #sizes: Uint32Array;
  readonly #flags: Uint8Array;

  /** `reported`: the issues whose scores the records hold, in record order. */
  constructor(
    identity: { paths: readonly string[]; labels: readonly (string | null)[] },
    reported: readonly IssueName[],
  ) {
    this.length = identity.paths.length;
    this.paths = identity.paths;
    this.labels = identity.labels;
    this.scores = new Map(reported.map((issue) => [issue, new Float64Array(this.length)]));
    this.#sizes = new Uint32Array(this.length * 2);
    this.#flags = new Uint8Array(this.length);
  }

  set(row: number, size: { width: number; height: number }, scored: ImageScores): void {
    this.#sizes[2 * row] = size.width;
    this.#sizes[2 * row + 1] = size.height;
    for (const [issue, column] of this.scores) column[row] = scored.scores[issue];
    let flags = 0;
    for (const issue of scored.issues) flags |= issueBit(issue);
    this.#flags[row] = flags;
  }

  hasIssue(row: number, issue: IssueName): boolean {
    return ((this.#flags[row] as number) & issueBit(issue)) !== 0;
  }

  score(row: number, issue: IssueName): number {
    const column = this.scores.get(issue);
    if (column === undefined) throw new RangeError(`the images hold no ${issue} score`);
    return column[row] as number;
  }

  /** A new record of one row, equal to the one the columns were filled from. */
  record(row: number): ImageRecord {
    if (!(Number.isInteger(row) && row >= 0 && row < this.length))
      throw new RangeError(`no image in row ${row}`);
    const scores = {} as Record<IssueName, number>;
    for (const [issue, column] of this.scores) scores[issue] = column[row] as number;
    return {
      path: this.paths[row] as string,
      label: this.labels[row] ?? null,
      width: this.#sizes[2 * row] as number,
      height: this.#sizes[2 * row + 1] as number,
      scores,
      issues: ISSUE_NAMES.filter((issue) => this.hasIssue(row, issue)),
    };
  }

  ref(row: number, issue: IssueName): ImageRef {
    return {
      path: this.paths[row] as string,
      label: this.labels[row] ?? null,
      score: this.score(row, issue),
    };
  }
}

function issueBit(issue: IssueName): number {
  return 1 << ISSUE_NAMES.indexOf(issue);
}
