import type { DecodedImage } from "@sc/properties";
import type { AuditResult, CorrelationEntry, ImageRecord, IssueName } from "@sc/report";
import { renderText } from "@sc/report";
import { type AuditOptions, audit } from "./audit.js";
import type { LabItem } from "./items.js";

/** A dataset row: any object holding the image (bytes, a loader or decoded pixels) and a label. */
export type LabRecord = Record<string, unknown>;

export interface LabInit {
  /** Rows of the dataset, in order. */
  data: Iterable<LabRecord> | AsyncIterable<LabRecord>;
  /** Key of the class label in each row; omit for an unlabeled dataset. */
  labelName?: string;
  /** Key of the image: Uint8Array/ArrayBuffer bytes, a `() => Promise<Uint8Array>` loader, or decoded pixels. */
  imageKey?: string;
  /** Key of the identifier shown in reports (default "path"; rows without one are named by index). */
  pathKey?: string;
}

export interface SpuriousCorrelationsInfo {
  threshold: number;
  alpha: number;
  correlations: CorrelationEntry[];
}

export interface IssueInfo {
  issue: IssueName;
  count: number;
  threshold: number;
  images: ImageRecord[];
}

/**
 * Datalab-style entry point:
 * `const lab = new Lab({ data, labelName: "label", imageKey: "image" }); await lab.findIssues(); lab.report()`.
 */
export class Lab {
  #result: AuditResult | null = null;

  constructor(private readonly init: LabInit) {}

  /** Measures every image, scores the issues and tests every property against the labels. */
  async findIssues(options: AuditOptions = {}): Promise<AuditResult> {
    this.#result = await audit(this.#items(), options);
    return this.#result;
  }

  /** The result of the last `findIssues()`. */
  get result(): AuditResult {
    if (this.#result === null) throw new Error("call findIssues() first");
    return this.#result;
  }

  /** A plain-text report (Datalab's `report()`). */
  report(options: { color?: boolean } = {}): string {
    return renderText(this.result, { color: options.color ?? false });
  }

  /** Datalab's `get_info`: "spurious_correlations" or an issue name. */
  getInfo(name: "spurious_correlations"): SpuriousCorrelationsInfo;
  getInfo(name: IssueName): IssueInfo;
  getInfo(name: "spurious_correlations" | IssueName): SpuriousCorrelationsInfo | IssueInfo {
    const { settings, correlations, images } = this.result;
    if (name === "spurious_correlations") {
      return { threshold: settings.threshold, alpha: settings.alpha, correlations };
    }
    if (!settings.issues.includes(name)) throw new RangeError(`issue type ${name} was not checked`);
    const flagged = images.filter((image) => image.issues.includes(name));
    return { issue: name, count: flagged.length, threshold: settings.issueThresholds[name], images: flagged };
  }

  /** Datalab's `get_issues`: every image, or only those flagged for `issue`. */
  getIssues(issue?: IssueName): readonly ImageRecord[] {
    const { images } = this.result;
    return issue === undefined ? images : images.filter((image) => image.issues.includes(issue));
  }

  async *#items(): AsyncIterable<LabItem> {
    const { data, labelName, imageKey = "image", pathKey = "path" } = this.init;
    let index = 0;
    for await (const row of data) {
      const path = typeof row[pathKey] === "string" ? (row[pathKey] as string) : `#${index}`;
      const label = labelName === undefined ? null : labelOf(row[labelName]);
      yield { path, label, ...imageOf(row[imageKey], path) };
      index++;
    }
  }
}

function labelOf(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}

function imageOf(value: unknown, path: string): Pick<LabItem, "read" | "image"> {
  if (value instanceof Uint8Array) return { read: async () => value };
  if (value instanceof ArrayBuffer) return { read: async () => new Uint8Array(value) };
  if (typeof value === "function") return { read: value as () => Promise<Uint8Array> };
  if (isDecoded(value)) return { image: value };
  return {
    read: async () => {
      throw new TypeError(`${path}: no image bytes, loader or pixels in this row`);
    },
  };
}

function isDecoded(value: unknown): value is DecodedImage {
  const v = value as DecodedImage | null;
  return typeof v === "object" && v !== null && v.data instanceof Uint8Array && typeof v.width === "number";
}
