// The dynamic part of linear memory: everything from __heap_base on is laid out afresh for each image
// (input first, then size-dependent scratch). Memory therefore only grows to the largest image's need.
// Nothing here uses the AssemblyScript allocator, which is why the stub runtime is enough.

const ALIGN: usize = 16;

export function alignUp(n: u64): u64 {
  return (n + <u64>(ALIGN - 1)) & ~(<u64>(ALIGN - 1));
}

export function arenaStart(): usize {
  return <usize>alignUp(<u64>__heap_base);
}

// Linear memory of wasm32 ends at 4 GiB; keep a page of headroom so `end` arithmetic cannot wrap.
const MAX_END: u64 = 0xffff0000;

/** Grows memory so that [0, end) is addressable; false when the host refuses or end is out of range. */
export function ensureEnd(end: u64): bool {
  if (end > MAX_END) return false;
  const have = (<u64>memory.size()) << 16;
  if (end <= have) return true;
  const pages = <i32>((end - have + 0xffff) >> 16);
  return memory.grow(pages) >= 0;
}
