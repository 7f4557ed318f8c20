import type { LabItem } from "@sc/lab";
import type { RawProperties } from "@sc/properties";
import { describe, expect, it } from "vitest";
import type { FromWorker, ToWorker } from "../src/pool-protocol.js";
import { poolSize, type WorkerLike, WorkerPool } from "../src/worker-pool.js";

/** A worker that records what it gets and answers when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: { message: ToWorker; transfer?: Transferable[] }[] = [];
  terminated = false;
  postMessage(message: ToWorker, transfer?: Transferable[]): void {
    this.received.push({ message, transfer });
  }
  terminate(): void {
    this.terminated = true;
  }
  get jobs() {
    return this.received.flatMap(({ message }) => (message.type === "measure" ? [message] : []));
  }
  reply(data: FromWorker): void {
    this.onmessage?.({ data } as MessageEvent<FromWorker>);
  }
  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

const raw = (width: number) => ({ width }) as RawProperties;
const item = (path: string, bytes = new Uint8Array([path.length])): LabItem => ({
  path,
  label: null,
  read: async () => bytes,
});
const init = { type: "init", wasmModule: {} as WebAssembly.Module, maxPixels: 1000 } as const;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function makePool(size: number) {
  const workers: FakeWorker[] = [];
  const pool = new WorkerPool(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    init,
    size,
  );
  return { pool, workers };
}

describe("poolSize", () => {
  it("uses one worker per core, between 1 and 16", () => {
    expect([
      poolSize(8),
      poolSize(0),
      poolSize(undefined),
      poolSize(Number.NaN),
      poolSize(64),
      poolSize(2.5),
    ]).toEqual([8, 1, 1, 1, 16, 2]);
  });
});

describe("WorkerPool", () => {
  it("initialises every worker once, gives each one image at a time and queues the rest", async () => {
    const { pool, workers } = makePool(2);
    expect(workers.map((w) => w.received.map((r) => r.message))).toEqual([[init], [init]]);
    const results = ["a", "bb", "ccc"].map((path) => pool.measure(item(path)));
    await settle();
    expect(workers.map((w) => w.jobs.map((j) => j.path))).toEqual([["a"], ["bb"]]);
    const first = workers[0] as FakeWorker;
    first.reply({ id: first.jobs[0]?.id ?? -1, raw: raw(1) });
    await settle();
    expect(first.jobs.map((j) => j.path)).toEqual(["a", "ccc"]);
    const second = workers[1] as FakeWorker;
    second.reply({ id: second.jobs[0]?.id ?? -1, raw: raw(2) });
    first.reply({ id: first.jobs[1]?.id ?? -1, error: "truncated JPEG" });
    await expect(results[0]).resolves.toEqual(raw(1));
    await expect(results[1]).resolves.toEqual(raw(2));
    await expect(results[2]).rejects.toThrow("truncated JPEG");
  });

  it("transfers whole buffers and copies views into larger ones", async () => {
    const { pool, workers } = makePool(1);
    const whole = new Uint8Array([1, 2, 3]);
    const shared = new Uint8Array([9, 8, 7, 6]);
    void pool.measure(item("whole", whole));
    await settle();
    const worker = workers[0] as FakeWorker;
    expect(worker.received[1]?.transfer).toEqual([whole.buffer]);
    worker.reply({ id: worker.jobs[0]?.id ?? -1, raw: raw(1) });
    void pool.measure(item("view", shared.subarray(1, 3)));
    await settle();
    const sent = worker.jobs[1]?.bytes;
    expect(sent).toEqual(new Uint8Array([8, 7]));
    expect(sent?.buffer).not.toBe(shared.buffer);
  });

  it("fails the image of a crashed worker, replaces the worker and carries on", async () => {
    const { pool, workers } = makePool(1);
    const lost = pool.measure(item("bomb"));
    const next = pool.measure(item("next"));
    await settle();
    (workers[0] as FakeWorker).crash("out of memory");
    await expect(lost).rejects.toThrow("decoder worker crashed (out of memory)");
    expect(workers[0]?.terminated).toBe(true);
    const replacement = workers[1] as FakeWorker;
    expect(replacement.received[0]?.message).toEqual(init);
    expect(replacement.jobs.map((j) => j.path)).toEqual(["next"]);
    replacement.reply({ id: replacement.jobs[0]?.id ?? -1, raw: raw(5) });
    await expect(next).resolves.toEqual(raw(5));
  });

  it("ignores stray replies and rejects everything pending on close", async () => {
    const { pool, workers } = makePool(1);
    const running = pool.measure(item("a"));
    const queued = pool.measure(item("b"));
    await settle();
    (workers[0] as FakeWorker).reply({ id: 12345, raw: raw(1) });
    pool.close();
    await expect(running).rejects.toThrow("worker pool closed");
    await expect(queued).rejects.toThrow("worker pool closed");
    await expect(pool.measure(item("c"))).rejects.toThrow("worker pool is closed");
    expect(workers[0]?.terminated).toBe(true);
  });

  it("refuses items without bytes", async () => {
    const { pool } = makePool(1);
    await expect(pool.measure({ path: "x", label: null })).rejects.toThrow("item has no bytes");
  });
});
