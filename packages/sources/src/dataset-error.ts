export type DatasetErrorCode = "not-found" | "unsupported" | "empty" | "malformed";

/** Thrown when a whole dataset cannot be opened; the message names the location and the reason. */
export class DatasetError extends Error {
  override readonly name = "DatasetError";

  constructor(
    readonly location: string,
    readonly code: DatasetErrorCode,
    readonly reason: string,
  ) {
    super(`${location}: ${reason}`);
  }
}

/** The message of anything thrown, for problem reports. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
