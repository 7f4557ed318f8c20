// Builds the optional libjpeg addon (native/libjpeg_decode.c) with node-gyp against the system
// libjpeg. Without a compiler, jpeglib.h or Node's headers the build still succeeds: it prints one
// line saying why, and the package decodes with sharp or jpeg-js instead.
// node-gyp gets --nodedir so that it never downloads Node's headers: without local headers it skips.

import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const nodeDir = join(dirname(process.execPath), "..");

/** The first known cause in node-gyp's output, or its first error line. */
function reasonFrom(output) {
  if (/jpeglib\.h: No such file/.test(output)) {
    return "jpeglib.h not found (Debian: apt-get install libjpeg62-turbo-dev)";
  }
  if (/cannot find -ljpeg/.test(output)) return "libjpeg not found for linking (Debian: libjpeg62-turbo-dev)";
  if (/find any Python|python.*not found/i.test(output)) return "node-gyp found no Python 3";
  const missingTool = /No such file or directory: '([^']+)'|not found: (make|cc|gcc|g\+\+|c\+\+)\b/.exec(
    output,
  );
  if (missingTool) return `${missingTool[1] ?? missingTool[2]} not found (a C compiler and make are needed)`;
  const firstError = output.split("\n").find((line) => /error/i.test(line));
  return firstError?.trim() ?? "node-gyp failed";
}

function unavailable(reason) {
  rmSync(join(packageDir, "build"), { recursive: true, force: true });
  console.log(`libjpeg decoder unavailable: ${reason}; @sc/decode-native falls back to sharp, then jpeg-js`);
}

/** node-gyp's entry, or undefined when it is not installed (e.g. an install without dev dependencies). */
function findNodeGyp() {
  try {
    return createRequire(import.meta.url).resolve("node-gyp/bin/node-gyp.js");
  } catch {
    return undefined;
  }
}

const nodeGyp = findNodeGyp();
if (!existsSync(join(nodeDir, "include", "node", "node_api.h"))) {
  unavailable(`Node's headers are not in ${join(nodeDir, "include", "node")}`);
} else if (nodeGyp === undefined) {
  unavailable("node-gyp is not installed");
} else {
  const run = spawnSync(process.execPath, [nodeGyp, "rebuild", `--nodedir=${nodeDir}`], {
    cwd: packageDir,
    encoding: "utf8",
  });
  if (run.status === 0) console.log("libjpeg decoder built: build/Release/sc_libjpeg.node");
  else unavailable(reasonFrom(`${run.stdout}\n${run.stderr}\n${run.error?.message ?? ""}`));
}
