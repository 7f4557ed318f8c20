import { DEFAULT_ALPHA, DEFAULT_MAX_PIXELS, DEFAULT_THRESHOLD } from "@sc/lab";
import { showControls } from "@sc/report";
import { SpillError } from "@sc/spill";
import { Command, CommanderError, Option } from "commander";
import { runDemo } from "./demo.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { scan } from "./scan.js";
import { DEFAULT_TIMEOUT_S, FORMATS, parseScanOptions, type RawScanOptions } from "./scan-options.js";
import { TOOL } from "./tool.js";

const SCAN_EXAMPLES = `
Datasets:
  a folder with one subfolder per class (labels = folder names; images directly in
  the folder = unlabeled), a CSV/JSONL manifest with path and label columns, or a
  Hugging Face Parquet file or folder of shards.

Examples:
  $ sc scan ./photos                                   report on the terminal
  $ sc scan ./photos --format json --out result.json   machine-readable result
  $ sc scan ./photos --format html --out report.html   self-contained HTML report
  $ sc scan train.csv --path-column file --label-column class
  $ sc scan ./hf/train-00000-of-00002.parquet --issues dark,blurry --fail-on flagged

Exit codes: 0 done (unreadable files are listed under errors), 1 unexpected failure,
2 usage error or dataset not found or empty, 3 a property is flagged (--fail-on flagged),
130 interrupted.`;

function addScanOptions(command: Command): Command {
  return command
    .addOption(new Option("-f, --format <format>", "report format").choices(FORMATS).default("text"))
    .option("-o, --out <file>", "write the report to a file (atomically) instead of stdout")
    .option("-q, --quiet", "no progress or summary on stderr")
    .option("-w, --workers <n>", "worker threads (default: number of cores)")
    .option(
      "--threshold <x>",
      "flag properties whose label uncorrelatedness is below x",
      String(DEFAULT_THRESHOLD),
    )
    .option("--alpha <p>", "... and whose p-value is below p", String(DEFAULT_ALPHA))
    .addOption(
      new Option("--compat <mode>", "reproduce cleanlab 2.7's scores (Gaussian naive Bayes)").choices([
        "cleanlab",
      ]),
    )
    .option("--issues <list>", "comma-separated issue types to check (default: all)")
    .option("--max-pixels <n>", "refuse images with more pixels than this", String(DEFAULT_MAX_PIXELS))
    .addOption(new Option("--fail-on <what>", "exit 3 when any property is flagged").choices(["flagged"]))
    .option("--timeout <seconds>", "give up on a single image after this long", String(DEFAULT_TIMEOUT_S))
    .option(
      "--decoder <kind>",
      "auto (libjpeg addon, else sharp, else wasm), libjpeg, sharp, wasm (libjpeg-turbo in WebAssembly) or portable (jpeg-js/pngjs)",
      "auto",
    )
    .option("--path-column <name>", "manifest column with the image path (default: path)")
    .option("--label-column <name>", "manifest/Parquet column with the label (default: label)")
    .option("--image-column <name>", "Parquet struct column {bytes, path} with the image (default: image)")
    .option("--no-color", "no colour in the terminal report")
    .option("--debug", "print stack traces of unexpected failures");
}

/** Runs the `sc` command line and resolves to the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const controller = new AbortController();
  const interrupt = () => controller.abort(new Interrupted());
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  const io = { stdout: process.stdout, stderr: process.stderr, signal: controller.signal };
  let debug = argv.includes("--debug");
  let code: number = EXIT.ok;
  const program = new Command("sc")
    .description("Audit a labeled image dataset for spurious correlations and problem images.")
    .version(TOOL.version)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText(
      "after",
      `
Examples:
  $ sc demo                                            scan a generated demo dataset
  $ sc scan ./photos --format html --out report.html   audit a folder with one subfolder per class
  $ sc scan --help                                     every scan option, with examples`,
    );
  addScanOptions(
    program
      .command("scan")
      .description("scan a dataset and report image issues and properties that predict the label")
      .argument("<dataset>", "folder, CSV/JSONL manifest, or Parquet file/folder")
      .addHelpText("after", SCAN_EXAMPLES),
  ).action(async (location: string, raw: RawScanOptions) => {
    debug = raw.debug === true;
    code = await scan(location, parseScanOptions(raw), io);
  });
  addScanOptions(
    program
      .command("demo")
      .description("build a small demo dataset (one class photographed in the dark) and scan it")
      .option("--out-dir <dir>", "where to write the demo dataset (default: a temporary folder)")
      .addHelpText("after", "\nExample:\n  $ sc demo --format html --out demo.html"),
  ).action(async (raw: RawScanOptions & { outDir?: string }) => {
    debug = raw.debug === true;
    code = await runDemo(raw.outDir ?? null, parseScanOptions(raw), io);
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    return handleFailure(error, debug, io.stderr);
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
  }
}

class Interrupted extends Error {
  override name = "Interrupted";
  constructor() {
    super("interrupted");
  }
}

function handleFailure(error: unknown, debug: boolean, stderr: NodeJS.WriteStream): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  // The reader went away (`sc scan ... | head`): what it wanted it has; nothing to report.
  if ((error as NodeJS.ErrnoException | null)?.code === "EPIPE") return EXIT.ok;
  if (error instanceof Interrupted || (error instanceof Error && error.cause instanceof Interrupted)) {
    stderr.write("sc: interrupted; no report written\n");
    return EXIT.interrupted;
  }
  // Messages can quote the dataset (file names, manifest headers): no terminal escapes get through.
  if (error instanceof UsageError) {
    stderr.write(`sc: ${showControls(error.message)}\n`);
    return EXIT.usage;
  }
  if (error instanceof SpillError) {
    stderr.write(
      `sc: ${showControls(error.message)}\n(a scan keeps about 120 bytes per image in temporary files; set TMPDIR to a folder with room)\n`,
    );
    return EXIT.unexpected;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`sc: unexpected failure: ${showControls(message)}\n`);
  if (debug && error instanceof Error && error.stack) stderr.write(`${error.stack}\n`);
  else stderr.write("(run again with --debug for details)\n");
  return EXIT.unexpected;
}
