import { createRequire } from "node:module";

const { version } = createRequire(import.meta.url)("../package.json") as { version: string };

/** How results name the program that made them. */
export const TOOL = { name: "sc", version } as const;
