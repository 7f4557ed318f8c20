/**
 * Plain UTF-16 code-unit comparison: the same order on every machine and locale,
 * unlike localeCompare.
 */
export function compareCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
