import { SingleBar } from "cli-progress";

export interface Progress {
  /** Called after each image, with the number done so far. */
  update(done: number): void;
  stop(): void;
}

export type ProgressMode = "bar" | "lines" | "none";

/** Picks the progress display: a bar on a terminal, periodic plain lines in logs, nothing with --quiet. */
export function progressMode(quiet: boolean, stream: NodeJS.WriteStream): ProgressMode {
  if (quiet) return "none";
  return stream.isTTY ? "bar" : "lines";
}

export function createProgress(
  mode: ProgressMode,
  total: number | null,
  stream: NodeJS.WriteStream,
  lineIntervalMs = 5000,
): Progress {
  if (mode === "none") return { update() {}, stop() {} };
  const started = Date.now();
  const rate = (done: number) => done / Math.max((Date.now() - started) / 1000, 1e-3);
  if (mode === "bar") {
    const bar = new SingleBar({
      stream,
      format:
        total === null
          ? "scanning {value} images | {rate} img/s"
          : "scanning [{bar}] {value}/{total} | {rate} img/s | ETA {eta_formatted}",
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 200,
    });
    bar.start(total ?? 0, 0, { rate: "0" });
    return {
      update(done) {
        bar.update(done, { rate: rate(done).toFixed(0) });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let lastLine = started;
  return {
    update(done) {
      const now = Date.now();
      if (done !== 1 && done !== total && now - lastLine < lineIntervalMs) return;
      lastLine = now;
      const of = total === null ? "" : `/${total}`;
      stream.write(`scanned ${done}${of} images (${rate(done).toFixed(0)} img/s)\n`);
    },
    stop() {},
  };
}
