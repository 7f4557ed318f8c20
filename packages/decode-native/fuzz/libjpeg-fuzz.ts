// Mutation fuzzing of the libjpeg decoder: mutated JPEGs (the mutations of @sc/properties' fuzzer)
// go one at a time to a child process (case-child.ts). A case must decode or be refused with an
// ImageError: a child killed by a signal (crash), a case over the time limit (hang), anything else
// thrown, or the child's memory peak over the limit is a finding. The WebAssembly libjpeg and sharp
// decoders run on every case too (anything but an ImageError thrown by them is a finding as well), and
// the summary counts where each disagrees with the addon.
// Usage: pnpm fuzz [--seed N] [--cases N] (after pnpm build, which builds the addon).
import { type ChildProcess, fork } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { caseSeed } from "../../properties/fuzz/fuzz.js";
import { mutate, Random } from "../../properties/fuzz/mutate.js";
import { smallJpeg } from "../../properties/test-support/hostile-corpus.js";
import type { ChildResult, Outcome } from "./case-child.js";

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: "20261203" },
    cases: { type: "string", default: "5000" },
    "case-timeout": { type: "string", default: "10" },
    "max-rss-mb": { type: "string", default: "1024" },
  },
});
const seed = Number(values.seed);
const cases = Number(values.cases);
const caseTimeoutMs = Number(values["case-timeout"]) * 1000;
const maxRssBytes = Number(values["max-rss-mb"]) * 2 ** 20;

const fixtures = new URL("../test/fixtures/", import.meta.url);
const goldenDay = new URL("../../../../shared/golden/images/day/", import.meta.url);
const seeds: Uint8Array[] = [
  smallJpeg,
  ...readdirSync(fixtures).map((name) => readFileSync(new URL(name, fixtures))),
  ...["001-near_blank-none.progressive.jpg", "023-gray_L-blur6.jpg", "012-color-none.jpg"].map((name) =>
    readFileSync(new URL(name, goldenDay)),
  ),
];

const REGISTER = new URL("../../properties/fuzz/register.mjs", import.meta.url).href;

function startChild(): Promise<ChildProcess> {
  const child = fork(new URL("./case-child.ts", import.meta.url), {
    execArgv: ["--import", REGISTER],
    serialization: "advanced",
  });
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code, signal) =>
      reject(new Error(`case child exited (${signal ?? code}) at start-up`)),
    );
  });
}

type Settled = ChildResult | { index: number; failed: string };

function runCase(child: ChildProcess, index: number, bytes: Uint8Array): Promise<Settled> {
  return new Promise((resolve) => {
    const done = (settled: Settled) => {
      clearTimeout(timer);
      child.off("message", onMessage).off("exit", onExit);
      resolve(settled);
    };
    const onMessage = (result: ChildResult) => done(result);
    const onExit = (code: number | null, signal: string | null) =>
      done({ index, failed: `crash: child exited with ${signal ?? `code ${code}`}` });
    const timer = setTimeout(
      () => done({ index, failed: `hang: no answer after ${caseTimeoutMs} ms` }),
      caseTimeoutMs,
    );
    child.on("message", onMessage).on("exit", onExit);
    child.send({ index, bytes });
  });
}

const label = (o: Outcome | undefined): string =>
  o === undefined ? "n/a" : o.kind === "refused" ? `refused:${o.code}` : o.kind;

const tally = new Map<string, number>();
const count = (key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
const findings: string[] = [];
/** The first cases of each kind of disagreement between the decoders, with their reasons. */
const differences = new Map<string, string[]>();
const reasonOf = (o: Outcome): string => (o.kind === "refused" ? ` (${o.reason})` : "");
let peakRss = 0;
let child = await startChild();
const started = process.cpuUsage();
for (let index = 0; index < cases; index++) {
  const random = new Random(caseSeed(seed, index));
  const { bytes, mutations } = mutate(random.pick(seeds), random);
  const settled = await runCase(child, index, bytes);
  if ("failed" in settled) {
    findings.push(`case ${index} (${mutations.join("+")}): ${settled.failed}`);
    child.kill("SIGKILL");
    child = await startChild();
    continue;
  }
  const { libjpeg, others } = settled;
  peakRss = Math.max(peakRss, settled.peakRssBytes);
  for (const [name, outcome] of [["libjpeg", libjpeg] as const, ...Object.entries(others)]) {
    if (outcome.kind === "thrown")
      findings.push(`case ${index} (${mutations.join("+")}): ${name} threw ${outcome.error}`);
  }
  count(`libjpeg ${label(libjpeg)}`);
  for (const [name, other] of Object.entries(others)) {
    const bothDecoded = libjpeg.kind === "decoded" && other.kind === "decoded";
    const agree = bothDecoded ? libjpeg.digest === other.digest : libjpeg.kind === other.kind;
    const difference = `libjpeg ${label(libjpeg)}, ${name} ${label(other)}${bothDecoded ? " (pixels)" : ""}`;
    count(agree ? `agree with ${name}` : `differ: ${difference}`);
    const examples = differences.get(difference) ?? [];
    if (!agree && examples.length < 4) {
      examples.push(`case ${index}: libjpeg${reasonOf(libjpeg)}, ${name}${reasonOf(other)}`);
      differences.set(difference, examples);
    }
  }
}
child.kill();
if (peakRss > maxRssBytes) findings.push(`memory: child peak ${Math.round(peakRss / 2 ** 20)} MiB`);
const cpu = process.cpuUsage(started);
console.log(
  `seed ${seed}, ${cases} cases, child peak RSS ${Math.round(peakRss / 2 ** 20)} MiB, parent CPU ${Math.round((cpu.user + cpu.system) / 1000)} ms`,
);
for (const [key, n] of [...tally].sort()) console.log(`  ${key}: ${n}`);
for (const [difference, examples] of differences) console.log(`${difference}:\n  ${examples.join("\n  ")}`);
console.log(findings.length === 0 ? "no findings" : `${findings.length} findings:\n${findings.join("\n")}`);
process.exitCode = findings.length === 0 ? 0 : 1;
