/**
 * Class index of each row, -1 for a row without a usable label: in the narrowest array that holds the
 * classes (a byte for up to 127), as it lives as long as the analysis.
 */
export type Classes = Int8Array | Int16Array | Int32Array;

/** Labels encoded as class indices 0..C-1 in a fixed class order. */
export interface EncodedLabels {
  /** Class names (String(label)) in class order. */
  readonly names: readonly string[];
  readonly classOf: Classes;
}

/**
 * Labels the caller has already coded: `codes[row]` indexes `names`; any other code (-1, say) is a
 * row without a label. A million rows cost a byte or four each instead of a string reference and a
 * lookup by name.
 */
export interface LabelCodes {
  readonly names: readonly string[];
  readonly codes: ArrayLike<number>;
}

/** Whether `labels` are {@link LabelCodes} rather than one label per row. */
export function isLabelCodes(labels: unknown): labels is LabelCodes {
  const l = labels as LabelCodes | null;
  return typeof l === "object" && l !== null && Array.isArray(l.names) && typeof l.codes?.length === "number";
}

/** String class order: by UTF-16 code unit. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Class indices of `rows` rows for `nClasses` classes, in the narrowest array that holds them. */
function classArray(nClasses: number, rows: number): Classes {
  return nClasses <= 127
    ? new Int8Array(rows)
    : nClasses <= 32767
      ? new Int16Array(rows)
      : new Int32Array(rows);
}

/** What {@link encodeLabels} gives for the labels `names[codes[row]]`: the names in use, sorted as strings. */
export function encodeLabelCodes({ names, codes }: LabelCodes): EncodedLabels {
  const valid = (code: number) => Number.isInteger(code) && code >= 0 && code < names.length;
  const used = new Uint8Array(names.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (valid(code)) used[code] = 1;
  }
  const present = [...used.keys()].filter((code) => used[code] === 1);
  present.sort((a, b) => byCodeUnits(names[a] as string, names[b] as string));
  present.forEach((code, i) => {
    if (i > 0 && names[code] === names[present[i - 1] as number])
      throw new TypeError(`@sc/correlation: label name "${names[code]}" is given two codes`);
  });
  const classOfCode = new Int32Array(names.length).fill(-1);
  present.forEach((code, index) => {
    classOfCode[code] = index;
  });
  const classOf = classArray(present.length, codes.length);
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    classOf[row] = valid(code) ? (classOfCode[code] as number) : -1;
  }
  return { names: present.map((code) => names[code] as string), classOf };
}

/**
 * Class order is the sorted order of the labels, whatever order the rows come in, so results do not
 * depend on which class appears first. Numbers sort numerically when every label is a number (as
 * numpy's np.unique does for integer labels, which decides Gaussian naive Bayes ties and cleanlab's
 * baseline); otherwise labels sort as strings by UTF-16 code unit.
 */
export function encodeLabels(labels: ArrayLike<unknown>): EncodedLabels {
  let allNumbers = true;
  const byName = new Map<string, number>();
  // Numeric labels are named once per distinct number, not once per row: a million rows of class
  // numbers are a handful of String calls. Map keys treat -0 as 0, as String does.
  const numberIndex = new Map<number, number>();
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row];
    if (typeof label === "string") {
      allNumbers = false;
      byName.set(label, Number.NaN);
    } else if (typeof label === "number" && Number.isFinite(label) && !numberIndex.has(label)) {
      numberIndex.set(label, -1);
      byName.set(String(label), label);
    }
  }
  const names = [...byName.keys()];
  if (allNumbers) names.sort((a, b) => (byName.get(a) ?? 0) - (byName.get(b) ?? 0));
  else names.sort(byCodeUnits);
  const indexOf = new Map(names.map((name, index) => [name, index]));
  for (const label of numberIndex.keys()) numberIndex.set(label, indexOf.get(String(label)) ?? -1);
  const classOf = classArray(names.length, labels.length);
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row];
    if (typeof label === "number") classOf[row] = numberIndex.get(label) ?? -1;
    else classOf[row] = typeof label === "string" ? (indexOf.get(label) ?? -1) : -1;
  }
  return { names, classOf };
}

/** Number of rows of each class. */
export function countClasses(classOf: Classes, nClasses: number): Int32Array {
  const counts = new Int32Array(nClasses);
  for (let i = 0; i < classOf.length; i++) {
    const c = classOf[i] as number;
    counts[c] = (counts[c] as number) + 1;
  }
  return counts;
}

/** Rank of each class by first appearance in the rows (-1 for a class that does not appear). */
export function appearanceRank(classOf: Classes, nClasses: number): Int32Array {
  const rank = new Int32Array(nClasses).fill(-1);
  let seen = 0;
  for (let i = 0; i < classOf.length && seen < nClasses; i++) {
    const c = classOf[i] as number;
    if (rank[c] === -1) rank[c] = seen++;
  }
  return rank;
}
