export { PackedStrings, type PackedStringsOptions } from "./packed-strings.js";
