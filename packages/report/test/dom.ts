import { parse, parseFragment } from "parse5";

/** Just the parts of parse5's tree the tests read. */
export interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  value?: string;
}

export interface Parsed {
  root: Node;
  errors: string[];
}

/** Parses with parse5 and collects every spec parse error (any error means malformed output). */
export function parseDocument(markup: string): Parsed {
  const errors: string[] = [];
  const root = parse(markup, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startOffset}`),
  });
  return { root: root as unknown as Node, errors };
}

export function parseFragmentTree(markup: string): Parsed {
  const errors: string[] = [];
  const root = parseFragment(markup, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startOffset}`),
  });
  return { root: root as unknown as Node, errors };
}

export function elements(node: Node): Node[] {
  const out: Node[] = [];
  const visit = (current: Node) => {
    if (current.tagName) out.push(current);
    for (const child of current.childNodes ?? []) visit(child);
  };
  visit(node);
  return out;
}

export function attr(node: Node, name: string): string | undefined {
  return node.attrs?.find((a) => a.name === name)?.value;
}

export function hasClass(node: Node, name: string): boolean {
  return (attr(node, "class") ?? "").split(/\s+/).includes(name);
}

export function text(node: Node): string {
  if (node.nodeName === "#text") return node.value ?? "";
  return (node.childNodes ?? []).map(text).join("");
}
