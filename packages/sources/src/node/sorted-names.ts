import { PackedStrings } from "@sc/packed-strings";
import type { SpillFiles } from "@sc/spill";
import { compareCodeUnits } from "../code-unit-order.js";

/** Names sorted at once: their strings, about 40 bytes each, are the only ones held. */
export const RUN_NAMES = 131_072;

/**
 * Any number of names, given back in code-unit order. They are sorted in runs of {@link RUN_NAMES},
 * each run packed (into spill files when given), and the runs merged: listing a folder of millions
 * of files holds one run's name strings at most, where one array of them took about 40 bytes a name.
 */
export class SortedNames {
  readonly #runs: PackedStrings[] = [];
  #run: string[] = [];
  #length = 0;

  constructor(private readonly spill?: SpillFiles) {}

  get length(): number {
    return this.#length;
  }

  add(name: string): void {
    this.#run.push(name);
    this.#length++;
    if (this.#run.length === RUN_NAMES) this.#pack();
  }

  /** Every name added, in code-unit order; nothing may be added afterwards. */
  sorted(): Iterable<string> {
    if (this.#runs.length === 0) return this.#run.sort(compareCodeUnits);
    if (this.#run.length > 0) this.#pack();
    return merge(this.#runs);
  }

  #pack(): void {
    const run = new PackedStrings({ spill: this.spill });
    for (const name of this.#run.sort(compareCodeUnits)) run.add(name);
    this.#runs.push(run);
    this.#run = [];
  }
}

/** The runs' names in code-unit order: each run is read in order, so a spilled chunk is read once. */
function* merge(runs: readonly PackedStrings[]): Generator<string> {
  const read = new Int32Array(runs.length);
  const heads = runs.map((run) => run.at(0));
  // A binary min-heap of run indices, by head.
  const heap = runs.map((_, run) => run);
  const less = (a: number, b: number) => compareCodeUnits(heads[a] as string, heads[b] as string) < 0;
  const siftDown = (from: number) => {
    for (let i = from; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && less(heap[left] as number, heap[least] as number)) least = left;
      if (right < heap.length && less(heap[right] as number, heap[least] as number)) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least] as number, heap[i] as number];
      i = least;
    }
  };
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftDown(i);
  while (heap.length > 0) {
    const run = heap[0] as number;
    yield heads[run] as string;
    const next = (read[run] as number) + 1;
    read[run] = next;
    if (next < (runs[run] as PackedStrings).length) {
      heads[run] = (runs[run] as PackedStrings).at(next);
    } else {
      const last = heap.pop() as number;
      if (heap.length === 0) return;
      heap[0] = last;
    }
    siftDown(0);
  }
}
