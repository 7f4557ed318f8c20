// `node --import ./fuzz/register.mjs file.ts`: installs ts-loader.mjs for this thread.
import { register } from "node:module";

register("./ts-loader.mjs", import.meta.url);
