/**
 * Which User= values make a process root. Names are taken at their word: a host user such as
 * "toor" with uid 0 cannot be known offline; of numbers only "0" is uid 0 (parse_uid() refuses
 * "00").
 */

/** User= names root itself: `root` or `0`. */
export function namesRoot(user: string | null): boolean {
  return user === 'root' || user === '0'
}

/** User= leaves the process root: it names root, or is unset or empty (the manager's own user). */
export function isRootUser(user: string | null): boolean {
  return user === null || user === '' || namesRoot(user)
}
