/** Progress text: count, total when known, and throughput since the start. */
export function progressText(done: number, total: number | null, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const count = total === null ? `${done}` : `${done} / ${total}`;
  return `${count} images · ${rate.toFixed(1)} images/s`;
}

/**
 * Calls `render` at most once per animation frame with the latest value, so thousands of progress
 * events cost a handful of DOM updates and the page stays responsive.
 */
export function frameThrottle<T>(
  render: (value: T) => void,
  schedule: (callback: () => void) => void = (callback) => requestAnimationFrame(callback),
): (value: T) => void {
  let latest: { value: T } | null = null;
  return (value) => {
    const pending = latest !== null;
    latest = { value };
    if (pending) return;
    schedule(() => {
      const current = latest;
      latest = null;
      if (current) render(current.value);
    });
  };
}
