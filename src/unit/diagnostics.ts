/** A problem found while reading or loading a unit, reported the way systemd logs it: file:line. */
export interface Diagnostic {
  readonly file: string
  /** 1-based physical line; 0 when the problem concerns the whole file. */
  readonly line: number
  readonly severity: 'warning' | 'error'
  readonly message: string
  /** systemd logs it without a location (valid_user_group_name()'s notice is not about a line). */
  readonly unlocated?: boolean
}

export function formatDiagnostic(d: Diagnostic): string {
  if (d.unlocated) return d.message
  return d.line > 0 ? `${d.file}:${d.line}: ${d.message}` : `${d.file}: ${d.message}`
}
