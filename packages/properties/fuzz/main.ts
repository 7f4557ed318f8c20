import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Finding, runFuzz } from "./fuzz.js";

const USAGE = `pnpm fuzz [--seed N] [--iterations N] [--seconds S] [--case-timeout S] [--max-rss-mb N] [--out DIR]
  Mutates valid PNG/JPEG files and measures each in a worker thread; exits 1 when anything other
  than an ImageError is thrown, a case hangs, or memory exceeds the limit. Findings are saved to DIR.`;

const { values } = parseArgs({
  options: {
    seed: { type: "string", default: String(Date.now() % 2 ** 31) },
    iterations: { type: "string", default: "100000" },
    seconds: { type: "string", default: "60" },
    "case-timeout": { type: "string", default: "10" },
    "max-rss-mb": { type: "string", default: "1024" },
    out: { type: "string", default: "fuzz-findings" },
    help: { type: "boolean", default: false },
  },
});

const number = (name: keyof typeof values): number => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`--${name} must be a non-negative number\n${USAGE}`);
    process.exit(2);
  }
  return value;
};

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const seed = number("seed");
const out = values.out as string;
const save = (finding: Finding) => {
  mkdirSync(out, { recursive: true });
  const file = join(out, `${finding.kind}-seed${seed}-case${finding.index}.bin`);
  writeFileSync(file, finding.bytes);
  console.log(
    `${finding.kind} in case ${finding.index} (${finding.seedFile}; ${finding.mutations.join(", ")}), saved to ${file}\n  ${finding.detail.split("\n").slice(0, 4).join("\n  ")}`,
  );
};

console.log(`fuzzing with --seed ${seed} for ${values.iterations} cases or ${values.seconds} s`);
const started = Date.now();
const report = await runFuzz({
  seed,
  iterations: number("iterations"),
  timeMs: number("seconds") * 1000,
  caseTimeoutMs: number("case-timeout") * 1000,
  maxRssBytes: number("max-rss-mb") * 2 ** 20,
  onFinding: save,
});
const seconds = (Date.now() - started) / 1000;
console.log(
  `${report.cases} cases in ${seconds.toFixed(1)} s (${(report.cases / seconds).toFixed(0)}/s): ${report.scored} scored, ${report.refused} refused, ${report.findings.length} findings`,
);
process.exitCode = report.findings.length > 0 ? 1 : 0;
