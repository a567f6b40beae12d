/**
 * Header sets merged case-insensitively, later sets winning: `Authorization` given per call
 * replaces the client's `authorization` instead of being sent joined to it. Names come out in
 * lower case, as HTTP/2 sends them.
 */
export function mergeHeaders(...sets: Array<Record<string, string> | undefined>): Record<string, string> {
  const merged: Record<string, string> = {}
  for (const set of sets) {
    if (set) for (const name of Object.keys(set)) merged[name.toLowerCase()] = set[name]!
  }
  return merged
}
