import "./app.css";
import "virtual:report.css";
import { defaultWasmUrl } from "@sc/core-wasm";
import type { AuditResult } from "@sc/lab";
import { enhanceReport, renderCsv, renderHtmlReport, renderJson, thumbnailPaths } from "@sc/report";
import { type AuditSource, auditSource, folderSource, parquetSource } from "./audit-source.js";
import { type DroppedEntry, listDropped } from "./drop-entries.js";
import { folderDataset } from "./folder-dataset.js";
import { frameThrottle, progressText } from "./progress.js";
import { makeThumbnails } from "./thumbnails.js";
import { poolSize, WorkerPool } from "./worker-pool.js";

const MAX_PIXELS = 100_000_000;

const element = <T extends HTMLElement>(id: string): T => {
  const found = document.getElementById(id);
  if (!found) throw new Error(`index.html lacks #${id}`);
  return found as T;
};
const ui = {
  drop: element("drop"),
  folder: element<HTMLInputElement>("folder"),
  parquet: element<HTMLInputElement>("parquet"),
  progress: element<HTMLProgressElement>("progress"),
  status: element("status"),
  cancel: element<HTMLButtonElement>("cancel"),
  exportJson: element<HTMLButtonElement>("export-json"),
  exportCsv: element<HTMLButtonElement>("export-csv"),
  report: element("report"),
};

function setStatus(text: string, error = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle("app-error", error);
}

/**
 * Everything the page fetches is fetched here, at start: the kernels are compiled once and handed to
 * every worker, and the workers are spawned before the user picks anything. Afterwards a second CSP
 * forbids connections altogether, so the audit itself cannot reach the network.
 */
async function start(): Promise<WorkerPool> {
  const response = await fetch(defaultWasmUrl);
  if (!response.ok) throw new Error(`cannot load kernels.wasm (HTTP ${response.status})`);
  const wasmModule = await WebAssembly.compile(await response.arrayBuffer());
  const pool = new WorkerPool(
    () => new Worker(new URL("./measure-worker.ts", import.meta.url), { type: "module" }),
    { type: "init", wasmModule, maxPixels: MAX_PIXELS },
    poolSize(navigator.hardwareConcurrency),
  );
  const lock = document.createElement("meta");
  lock.httpEquiv = "Content-Security-Policy";
  lock.content = "connect-src 'none'";
  document.head.append(lock);
  return pool;
}

let current: { result: AuditResult; root: string } | null = null;
let running: AbortController | null = null;

async function run(pool: WorkerPool, open: () => Promise<AuditSource>): Promise<void> {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  current = null;
  ui.exportJson.disabled = ui.exportCsv.disabled = true;
  ui.report.replaceChildren();
  document.documentElement.dataset.state = "running";
  try {
    const source = await open();
    const started = performance.now();
    const show = frameThrottle((done: number) => {
      setStatus(progressText(done, source.total, performance.now() - started));
      ui.progress.value = done;
    });
    ui.progress.hidden = ui.cancel.hidden = false;
    if (source.total !== null) ui.progress.max = Math.max(1, source.total);
    else ui.progress.removeAttribute("value");
    show(0);
    const result = await auditSource(source, {
      measure: (item) => pool.measure(item),
      concurrency: pool.size * 2,
      onProgress: show,
      signal: controller.signal,
    });
    const elapsed = performance.now() - started;
    if (result.images.length === 0 && result.errors.length === 0)
      throw new Error(`${source.root}: no images found`);
    const thumbnails = await makeThumbnails(source.items(), thumbnailPaths(result));
    if (controller.signal.aborted) return;
    ui.report.innerHTML = renderHtmlReport(result, { thumbnails });
    enhanceReport(ui.report);
    current = { result, root: source.root };
    ui.exportJson.disabled = ui.exportCsv.disabled = false;
    const flagged = result.correlations.filter((c) => c.flagged).map((c) => c.property);
    setStatus(
      `${progressText(result.images.length + result.errors.length, null, elapsed)} · ` +
        (flagged.length > 0
          ? `possible spurious correlations: ${flagged.join(", ")}`
          : "no spurious correlation flagged"),
    );
    document.documentElement.dataset.state = "done";
    document.documentElement.dataset.imagesPerSecond = String((result.images.length * 1000) / elapsed);
  } catch (error) {
    if (!controller.signal.aborted) setStatus(error instanceof Error ? error.message : String(error), true);
    else setStatus("Cancelled.");
  } finally {
    ui.progress.hidden = ui.cancel.hidden = true;
    if (running === controller) running = null;
  }
}

function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function exportName(extension: string): string {
  const base = (current?.root ?? "audit").replace(/[^\w.-]+/g, "_").replace(/\.parquet$/, "");
  return `${base}-audit.${extension}`;
}

function wire(pool: WorkerPool): void {
  ui.folder.addEventListener("change", () => {
    const files = Array.from(ui.folder.files ?? []).map((file) => ({
      path: file.webkitRelativePath || file.name,
      file,
    }));
    ui.folder.value = "";
    void run(pool, async () => folderSource(folderDataset(files)));
  });
  ui.parquet.addEventListener("change", () => {
    const files = Array.from(ui.parquet.files ?? []);
    ui.parquet.value = "";
    void run(pool, () => parquetSource(files));
  });
  ui.drop.addEventListener("dragover", (event) => {
    event.preventDefault();
    ui.drop.classList.add("app-over");
  });
  ui.drop.addEventListener("dragleave", () => ui.drop.classList.remove("app-over"));
  ui.drop.addEventListener("drop", (event) => {
    event.preventDefault();
    ui.drop.classList.remove("app-over");
    // Entries must be taken synchronously: the DataTransfer is emptied after the event.
    const entries = Array.from(event.dataTransfer?.items ?? [])
      .map((item) => item.webkitGetAsEntry() as DroppedEntry | null)
      .filter((entry) => entry !== null);
    void run(pool, async () => {
      const listing = await listDropped(entries);
      const parquet = listing.files.filter((f) => f.path.toLowerCase().endsWith(".parquet"));
      if (parquet.length > 0 && parquet.length === listing.files.length) {
        return parquetSource(parquet.map((f) => f.file as File));
      }
      const source = folderSource(folderDataset(listing.files));
      source.problems.unshift(...listing.problems);
      return source;
    });
  });
  ui.cancel.addEventListener("click", () => running?.abort());
  ui.exportJson.addEventListener("click", () => {
    if (current) download(renderJson(current.result), exportName("json"), "application/json");
  });
  ui.exportCsv.addEventListener("click", () => {
    if (current) download(renderCsv(current.result), exportName("csv"), "text/csv");
  });
}

start().then(
  (pool) => {
    wire(pool);
    setStatus(`Ready: ${pool.size} decoder workers. Pick a folder.`);
    document.documentElement.dataset.state = "ready";
  },
  (error: unknown) =>
    setStatus(`Cannot start: ${error instanceof Error ? error.message : String(error)}`, true),
);
