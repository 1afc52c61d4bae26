/**
 * The id a location's `#fragment` names, decoded; null when there is none or it is not valid
 * percent-encoding (`#%E0%A4%A` in a hand-made link), which decodeURIComponent would throw on.
 */
export function fragmentId(hash: string): string | null {
  if (hash.length <= 1) return null;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return null;
  }
}
