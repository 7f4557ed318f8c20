export { PackedStrings } from "./packed-strings.js";
