// Memory and time of the Parquet source's uniqueness check: a Set of every path against
// HashedStringSet (doubling from its smallest table, or sized for N up front as the Parquet source
// does), on N distinct ImageNet-like paths. One kind and size per process (needs a build):
//   node --expose-gc bench/path-set-memory.mjs set|hashed|presized 1000000
import { HashedStringSet } from "../dist/hashed-string-set.js";

const [kind, countText] = process.argv.slice(2);
const count = Number(countText);
if (!["set", "hashed", "presized"].includes(kind) || !(count > 0) || typeof gc !== "function") {
  throw new Error("usage: node --expose-gc bench/path-set-memory.mjs set|hashed|presized <count>");
}
const path = (i) => `train/n01440764/n01440764_${i}.JPEG`;

function makeSet() {
  if (kind === "hashed") return new HashedStringSet();
  if (kind === "presized") return new HashedStringSet(count);
  const taken = new Set();
  return {
    add(text) {
      if (taken.has(text)) return false;
      taken.add(text);
      return true;
    },
    get size() {
      return taken.size;
    },
  };
}

const mb = (bytes) => Math.round((bytes / 2 ** 20) * 10) / 10;
gc();
const before = process.memoryUsage();
const start = performance.now();
const set = makeSet();
let added = 0;
for (let i = 0; i < count; i++) if (set.add(path(i))) added++;
const inserted = performance.now();
let repeated = 0;
for (let i = 0; i < count; i++) if (!set.add(path(i))) repeated++;
const looked = performance.now();
gc();
// Freed ArrayBuffer memory is released by a background task after the collection.
await new Promise((resolve) => setTimeout(resolve, 200));
gc();
const after = process.memoryUsage();
if (added !== count || repeated !== count || set.size !== count) throw new Error("wrong answers");
console.log(
  JSON.stringify({
    kind,
    count,
    insertMs: Math.round(inserted - start),
    lookupMs: Math.round(looked - inserted),
    heapGrowthMB: mb(after.heapUsed - before.heapUsed),
    arrayBuffersGrowthMB: mb(after.arrayBuffers - before.arrayBuffers),
    rssGrowthMB: mb(after.rss - before.rss),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    rssBytesPerPath: Math.round((after.rss - before.rss) / count),
  }),
);
