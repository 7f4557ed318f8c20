import { fixed } from "../format.js";
import type { ImageRef } from "../result.js";
import { html, type SafeHtml } from "./template.js";

/** path -> small image as a data: URI; anything else is ignored so the page never loads from elsewhere. */
export type Thumbnails = ReadonlyMap<string, string>;

const DATA_URI = /^data:image\/(?:jpeg|png|webp|gif);base64,[A-Za-z0-9+/]*={0,2}$/;

export function thumbnailFor(thumbnails: Thumbnails | undefined, path: string): string | undefined {
  const uri = thumbnails?.get(path);
  return typeof uri === "string" && DATA_URI.test(uri) ? uri : undefined;
}

/** One example image: its thumbnail when there is one, its path, label and score. */
export function figure(ref: ImageRef, thumbnails: Thumbnails | undefined, caption = ""): SafeHtml {
  const uri = thumbnailFor(thumbnails, ref.path);
  const image = uri
    ? html`<img class="sc-thumb" src="${uri}" alt="${ref.path}" title="Click to enlarge">`
    : "";
  const label = ref.label === null ? "" : html` · ${ref.label}`;
  return html`<figure>${image}<figcaption>${caption ? html`<b>${caption}</b> ` : ""}<code>${ref.path}</code>${label} · ${fixed(ref.score)}</figcaption></figure>`;
}
