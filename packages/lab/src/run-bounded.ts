/**
 * Runs `work` over `items` with at most `limit` calls in flight and hands each result to `onResult`
 * with the item's position, so results can be stored in input order whatever order they finish in.
 * Pulling items lazily keeps memory bounded for sources that stream.
 */
export async function runBounded<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  limit: number,
  work: (item: T, index: number) => Promise<R>,
  onResult: (result: R, index: number) => void,
  signal?: AbortSignal,
): Promise<number> {
  const inFlight = new Set<Promise<void>>();
  let index = 0;
  let failure: unknown = null;
  for await (const item of items) {
    signal?.throwIfAborted();
    if (failure !== null) break;
    const position = index++;
    const task: Promise<void> = work(item, position).then(
      (result) => onResult(result, position),
      (error: unknown) => {
        failure ??= error;
      },
    );
    const tracked = task.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= limit) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure !== null) throw failure;
  signal?.throwIfAborted();
  return index;
}
