/** Why an image could not be used. */
export type ImageErrorCode = "empty" | "unsupported_format" | "corrupt" | "truncated" | "too_large";

/**
 * An image that cannot be decoded or is refused. The message names the file and a reason a person
 * understands, e.g. `photos/a.jpg: truncated JPEG: no end-of-image marker`.
 */
export class ImageError extends Error {
  override readonly name = "ImageError";

  constructor(
    readonly code: ImageErrorCode,
    readonly reason: string,
    readonly path = "<bytes>",
    options?: { cause?: unknown },
  ) {
    super(`${path}: ${reason}`, options);
  }

  /** The same error attributed to another file name. */
  withPath(path: string): ImageError {
    return new ImageError(this.code, this.reason, path, { cause: this.cause });
  }
}
