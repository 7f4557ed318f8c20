// CleanVision's blur preprocessing size: the longer side becomes 64 when it is longer.

export const MAX_SIDE = 64;

/** Python's float `a // b` for positive operands (fmod-based, as CPython computes it). */
function pyFloorDiv(a: f64, b: f64): f64 {
  const mod = a % b;
  const div = (a - mod) / b;
  if (div === 0) return 0;
  let floored = Math.floor(div);
  if (div - floored > 0.5) floored += 1;
  return floored;
}

/** Target length of one side: max(int(side // ratio), 1), or the side itself when no shrink is needed. */
export function shrunkSide(side: i32, longer: i32): i32 {
  if (longer <= MAX_SIDE) return side;
  const ratio = <f64>longer / <f64>MAX_SIDE;
  const n = <i32>pyFloorDiv(<f64>side, ratio);
  return max(n, 1);
}
