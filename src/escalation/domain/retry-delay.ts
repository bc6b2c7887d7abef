/**
 * The wait before attempt `attempt + 1` (attempt counts from 1): `baseMs` doubling per attempt, with
 * "full jitter" in its upper half, capped at one hour; a longer `Retry-After` from the upstream wins.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  retryAfterMs: number | undefined,
  random: number,
): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), 3_600_000);
  const jittered = Math.round(exponential / 2 + (exponential / 2) * Math.min(Math.max(random, 0), 1));
  return Math.max(jittered, retryAfterMs ?? 0);
}
