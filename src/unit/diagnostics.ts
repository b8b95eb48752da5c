/** A problem found while reading or loading a unit, reported the way systemd logs it: file:line. */
export interface Diagnostic {
  readonly file: string
  /** 1-based physical line; 0 when the problem concerns the whole file. */
  readonly line: number
  readonly severity: 'warning' | 'error'
  readonly message: string
}

export function formatDiagnostic(d: Diagnostic): string {
  return d.line > 0 ? `${d.file}:${d.line}: ${d.message}` : `${d.file}: ${d.message}`
}
