/**
 * The report every renderer reads (terminal, PR comment, job summary, annotations, SARIF).
 * Versioned: fields are only added within a schemaVersion; anything else bumps it.
 */
import type { ServiceStatus } from './affected.js'

export const REPORT_SCHEMA_VERSION = 1

export interface ExposureRef {
  /** The printed score, e.g. 9.6. */
  readonly exposure: number
  readonly verdict: string
}

export interface SourceLine {
  readonly file: string
  readonly line: number
}

export interface WidenedCapability {
  readonly capability: string
  /** What made it reachable, in words. */
  readonly cause: string
  /** The responsible line (in head; in base when head removed it), when one changed. */
  readonly file: string | null
  readonly line: number | null
  readonly removedLine: boolean
  /** Accepted by a waiver or the allow-list: reported, but does not fail the gate. */
  readonly accepted: { readonly reason: string; readonly by: 'waiver' | 'allow-list'; readonly file?: string; readonly line?: number } | null
}

/** A targeted fix for a regressed row, checked with the engine. */
export interface RowFix {
  readonly kind: 'restore' | 'narrow' | 'remove'
  /** Lines for a drop-in (restore, narrow). */
  readonly lines: readonly string[]
  /** Head lines to delete (remove). */
  readonly remove: readonly { readonly file: string; readonly line: number; readonly text: string }[]
  readonly reason: string
}

/** The hardening the recommender suggests for a changed service (issue: phased advice). */
export interface ServiceRecommendation {
  readonly phases: readonly { readonly name: string; readonly risk: string; readonly directives: readonly string[]; readonly exposure: number; readonly verdict: string }[]
  /** Exposure with the whole drop-in applied. */
  readonly predicted: number
  readonly dropin: { readonly path: string; readonly content: string }
}

export interface RowChange {
  /** The row name as systemd prints it, e.g. `PrivateNetwork=`. */
  readonly id: string
  readonly before: number | null
  readonly after: number | null
  readonly range: number
  readonly description: string | null
  readonly file: string | null
  readonly line: number | null
  readonly removedLine: boolean
  /** For regressions: how to undo it (null when no safe fix was found). */
  readonly fix?: RowFix | null
}

export interface ServiceReport {
  readonly unit: string
  readonly status: ServiceStatus
  /** Head path, or base path when removed. */
  readonly path: string
  readonly basePath: string | null
  readonly before: ExposureRef | null
  readonly after: ExposureRef | null
  /** after − before, one decimal; null unless both sides were scored. */
  readonly delta: number | null
  readonly capabilities: {
    readonly added: readonly string[]
    readonly removed: readonly string[]
    readonly widened: readonly WidenedCapability[]
  }
  readonly regressions: readonly RowChange[]
  readonly improvements: readonly RowChange[]
  /** Why a side could not be scored (systemd refuses the unit, the file is not a unit, …). */
  readonly errors: { readonly before: string | null; readonly after: string | null }
  /**
   * Why a side could not be read in full — a link out of the repository, a file over the size
   * limit, an I/O or git error, a build template that cannot be resolved. A side scored anyway
   * (a template, assessed conservatively) has both a score and this. Fails closed.
   */
  readonly unreadable: { readonly before: string | null; readonly after: string | null }
  readonly warnings: readonly { readonly file: string; readonly line: number; readonly message: string }[]
  readonly changedFiles: readonly string[]
  /** Suggested hardening for the service as changed (null when none applies or it is not scored). */
  readonly recommendation: ServiceRecommendation | null
}

export type FailureKind = 'capability-widening' | 'max-exposure' | 'exposure-increase' | 'regression' | 'invalid-unit' | 'unreadable-unit'

export interface Failure {
  readonly kind: FailureKind
  readonly unit: string
  readonly path: string
  readonly message: string
}

export interface DiffReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION
  readonly tool: { readonly name: 'systemd-exposure'; readonly version: string }
  readonly systemdVersion: string
  readonly base: { readonly rev: string | null }
  readonly head: { readonly rev: string | null }
  readonly verdict: 'pass' | 'fail'
  readonly failures: readonly Failure[]
  readonly summary: {
    readonly servicesChanged: number
    readonly capabilitiesWidened: number
    readonly regressions: number
    readonly maxExposureAfter: number | null
    /** Units that could not be read in full after the change. */
    readonly unreadable: number
  }
  /**
   * One per affected unit that starts processes: services, and sockets, mounts and swaps (their
   * commands run too). The name stays `services` within this schema version.
   */
  readonly services: readonly ServiceReport[]
  /** Changed files that look like units but are not reviewed as such, with the reason. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[]
}
