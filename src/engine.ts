/**
 * The exposure engine: unit file path → loaded service → the 81 assessments → systemd's score.
 * Pure apart from the UnitSource it is given.
 */
import { ASSESSORS, type Assessment } from './model/assessors.js'
import { PolicyRangeError, score, type Score } from './model/exposure.js'
import type { SecurityPolicy } from './model/policy.js'
import type { SecurityInfo } from './model/security-info.js'
import { syscallTable } from './model/syscalls.js'
import { VERSION_TRAITS, type SystemdVersion } from './model/versions.js'
import { loadService, type LoadedService } from './service/load.js'
import { securityInfo } from './service/security-info.js'
import type { Diagnostic } from './unit/diagnostics.js'
import { UnreadableFile, type UnitSource } from './unit/source.js'
import type { LoadLocation } from './unit/unit-files.js'

export interface AssessOptions {
  readonly version: SystemdVersion
  readonly policy?: SecurityPolicy
  /** Where systemd-analyze would run (how links read): see LoadLocation. */
  readonly location?: LoadLocation
}

export interface ServiceAssessment extends Score {
  readonly ok: true
  readonly path: string
  readonly unit: string
  readonly service: LoadedService
  readonly info: SecurityInfo
  readonly diagnostics: readonly Diagnostic[]
}

export interface AssessmentFailure {
  readonly ok: false
  readonly path: string
  readonly unit: string | null
  readonly error: string
  readonly diagnostics: readonly Diagnostic[]
  /** What systemd-analyze prints about the failure after the warnings, in its words (absent or empty: a failure of our own). */
  readonly log?: readonly Diagnostic[]
}

export type AssessResult = ServiceAssessment | AssessmentFailure

export function assessUnitFile(source: UnitSource, path: string, options: AssessOptions): AssessResult {
  const traits = VERSION_TRAITS[options.version]
  let loaded
  try {
    loaded = loadService(source, path, traits, options.location)
  } catch (e) {
    // A source that cannot read a file (too large, unreadable) refuses that unit only; anything
    // else is a bug, and says so instead of passing for a unit that failed.
    if (!(e instanceof UnreadableFile)) throw e
    return { ok: false, path, unit: null, error: e.message, diagnostics: [], log: [] }
  }
  if (!loaded.ok)
    return { ok: false, path, unit: loaded.unit, error: loaded.error, diagnostics: loaded.diagnostics, log: loaded.log }
  return assessLoaded(loaded, path, options)
}

export function assessLoaded(service: LoadedService, path: string, options: AssessOptions): AssessResult {
  const info = securityInfo(service.state)
  const ctx = { info, syscalls: syscallTable(options.version) }
  const results = new Array<Assessment>(ASSESSORS.length)
  for (let i = 0; i < ASSESSORS.length; i++) results[i] = ASSESSORS[i]!.assess(ctx)
  try {
    const s = score(
      ASSESSORS,
      results,
      info.defaultDependencies,
      options.policy,
      VERSION_TRAITS[options.version].nullDescriptionRowFirst,
    )
    return { ok: true, path, unit: service.unit, service, info, diagnostics: service.diagnostics, ...s }
  } catch (e) {
    // A policy systemd-analyze would abort on refuses the unit, as it does.
    if (!(e instanceof PolicyRangeError)) throw e
    return { ok: false, path, unit: service.unit, error: e.message, diagnostics: service.diagnostics, log: [] }
  }
}
