/** Fitting text into a terminal width. Lengths count code points; wide CJK glyphs are not measured. */

/** Our own SGR colour codes take no columns (user strings never hold ESC: they pass showControls). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the ESC of our own colour codes.
const SGR = /\u001b\[[0-9;]*m/g;

export function length(text: string): number {
  let count = 0;
  for (const _ of text.replace(SGR, "")) count++;
  return count;
}

/** Shortens in the middle so both the folder and the file name stay readable. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  if (max <= 1) return "…".slice(0, Math.max(0, max));
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${chars.slice(0, head).join("")}…${tail > 0 ? chars.slice(-tail).join("") : ""}`;
}

/** Greedy word wrap; words longer than the line are shortened rather than overflowing. */
export function wrap(text: string, width: number, indent = ""): string[] {
  const room = Math.max(10, width - length(indent));
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const piece = shorten(word, room);
    if (current && length(current) + 1 + length(piece) > room) {
      lines.push(indent + current);
      current = piece;
    } else {
      current = current ? `${current} ${piece}` : piece;
    }
  }
  if (current) lines.push(indent + current);
  return lines;
}

export function padEnd(text: string, size: number): string {
  return text + " ".repeat(Math.max(0, size - length(text)));
}

export function padStart(text: string, size: number): string {
  return " ".repeat(Math.max(0, size - length(text))) + text;
}

/** Column width for a list of cells: the widest one, at most `cap` (no spread: lists may be huge). */
export function widest(texts: readonly string[], cap: number, floor = 0): number {
  return Math.min(
    cap,
    texts.reduce((max, text) => Math.max(max, length(text)), floor),
  );
}
