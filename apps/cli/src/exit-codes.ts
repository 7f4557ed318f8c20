/** The `sc` exit-code contract (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  unexpected: 1,
  usage: 2,
  flagged: 3,
  interrupted: 130,
} as const;

/** A problem with how `sc` was called or with the dataset location: exit 2 with this message. */
export class UsageError extends Error {
  override name = "UsageError";
}
