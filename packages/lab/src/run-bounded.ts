/**
 * Runs `work` over `items` with at most `limit` calls in flight and hands each result to `onResult`
 * with the item's position, so results can be stored in input order whatever order they finish in.
 * Pulling items lazily keeps memory bounded for sources that stream. The bookkeeping per item is a
 * counter and one promise chain, whatever the limit (a worker pool may keep dozens in flight). A
 * limit below 1 runs one call at a time: waiting for room that never comes would hang.
 */
export async function runBounded<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  onResult: (result: R, index: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const most = Math.max(1, Math.floor(limit) || 1);
  let inFlight = 0;
  let index = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const finished = () => {
    inFlight--;
    wake?.();
  };
  /** Resolves once a call in flight has finished. */
  const oneFinished = () =>
    new Promise<void>((resolve) => {
      wake = () => {
        wake = null;
        resolve();
      };
    });
  for await (const item of items) {
    signal?.throwIfAborted();
    if (failure !== null) break;
    const position = index++;
    inFlight++;
    work(item, position)
      .then((result) => onResult(result, position))
      .then(finished, (error: unknown) => {
        failure ??= error;
        finished();
      });
    while (inFlight >= most) await oneFinished();
  }
  while (inFlight > 0) await oneFinished();
  if (failure !== null) throw failure;
  signal?.throwIfAborted();
  return index;
}
