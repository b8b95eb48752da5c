/** User and group names as systemd accepts them in User=, Group=, SupplementaryGroups=. */

/** parse_uid(): a decimal UID without sign, leading zero or whitespace, not 65535 or 2^32-1. */
function isNumericUid(s: string): boolean {
  if (!/^(0|[1-9][0-9]*)$/.test(s)) return false
  const n = Number(s)
  return n <= 0xffffffff && n !== 0xffff && n !== 0xffffffff
}

/** valid_user_group_name(…, VALID_USER_RELAX | VALID_USER_ALLOW_NUMERIC). */
export function isValidRelaxedUserName(s: string): boolean {
  if (s === '') return false
  if (isNumericUid(s)) return true
  if (s.startsWith(' ') || s.endsWith(' ')) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return false
  }
  if (/[:/]/.test(s)) return false
  if (/^[0-9]+$/.test(s) || /^-[0-9]*$/.test(s)) return false
  return s !== '.' && s !== '..'
}

/** valid_user_group_name(…, 0): the strict form used for names systemd makes up itself. */
export function isValidStrictUserName(s: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,30}$/.test(s)
}
