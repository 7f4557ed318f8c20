/**
 * Neutralising user strings (file names, labels, error messages) before they reach a terminal or a page.
 * A hostile file name may carry ANSI escape sequences, newlines that fake report lines, or bidi overrides
 * that make `gpj.exe` read as `exe.jpg`; all of them are shown as visible escapes instead.
 */

// C0 controls, DEL, C1 controls, bidi embeddings/overrides/isolates, LRM/RLM/ALM, line/paragraph separators.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the purpose.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const HAS_INVISIBLE = new RegExp(INVISIBLE.source);

function visibleEscape(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, "0")}`
    : `\\u{${code.toString(16).toUpperCase()}}`;
}

/** Replaces control and bidi characters with visible `\xHH` / `\u{HHHH}` escapes. */
export function showControls(value: string): string {
  const text = String(value);
  return HAS_INVISIBLE.test(text) ? text.replace(INVISIBLE, visibleEscape) : text;
}

const MARKUP = /[&<>"']/;
const MARKUP_ALL = /[&<>"']/g;

const HTML_ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes a user string for HTML text and for quoted attribute values (control characters made visible). */
export function escapeHtml(value: string): string {
  const text = showControls(value);
  // Most cells (numbers, plain file names) need nothing; skipping the replace callback halves HTML time.
  return MARKUP.test(text) ? text.replace(MARKUP_ALL, (ch) => HTML_ENTITIES[ch] ?? ch) : text;
}
