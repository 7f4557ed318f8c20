// Module hooks that let Node 20 run this package's TypeScript directly (no build step), so fuzz
// cases always exercise the current sources: `.js` specifiers resolve to the `.ts` file beside
// them, and `.ts` files are transpiled (types erased) with the TypeScript compiler already installed.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export async function resolve(specifier, context, nextResolve) {
  if (specifier.endsWith(".js") && context.parentURL?.endsWith(".ts")) {
    const asTs = new URL(specifier.replace(/\.js$/, ".ts"), context.parentURL);
    if (existsSync(fileURLToPath(asTs))) return { url: asTs.href, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith(".ts")) return nextLoad(url, context);
  const { source } = await nextLoad(url, { ...context, format: "module" });
  const { outputText } = ts.transpileModule(String(source), {
    fileName: fileURLToPath(url),
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: true,
      sourceMap: false,
    },
  });
  return { format: "module", source: outputText, shortCircuit: true };
}
