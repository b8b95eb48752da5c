/** Shared helpers for the recommender tests: in-memory units and an independent re-check. */
import { assessUnitFile } from '../../src/engine.js'
import { formatExposure } from '../../src/model/exposure.js'
import type { SystemdVersion } from '../../src/model/versions.js'
import { VERSION_TRAITS } from '../../src/model/versions.js'
import { readContext, type UnitContext } from '../../src/recommend/context.js'
import { recommendUnitFile, type Recommendation } from '../../src/recommend/recommend.js'
import { loadService } from '../../src/service/load.js'
import { dirname, joinPath, memorySource } from '../../src/unit/source.js'

export type Files = Record<string, string>

/** A one-file unit at `u/<name>`. */
export const unit = (name: string, text: string): Files => ({ [`u/${name}`]: text })

export function recommend(files: Files, path: string, version: SystemdVersion = '252'): Recommendation {
  const r = recommendUnitFile(memorySource(files), path, { version })
  if (!r.ok) throw new Error(r.error)
  return r
}

export function contextOf(files: Files, path: string, version: SystemdVersion = '252'): UnitContext {
  const loaded = loadService(memorySource(files), path, VERSION_TRAITS[version])
  if (!loaded.ok) throw new Error(loaded.error)
  return readContext(loaded, version)
}

/** `Directive=value` of every suggested line, in order. */
export const lines = (r: Recommendation): string[] =>
  r.phases.flatMap((p) => p.directives.map((d) => `${d.directive}=${d.value}`))

/** `Directive=value` of every deferred (commented-out) line, in order. */
export const deferredLines = (r: Recommendation): string[] =>
  r.phases.flatMap((p) => p.deferred.map((d) => `${d.directive}=${d.value}`))

/** The question a deferred directive waits for, after why it waits: "<because> ? <question>". */
export const question = (r: Recommendation, directive: string): string | undefined => {
  const d = r.phases.flatMap((p) => p.deferred).find((x) => x.directive === directive)
  return d && `${d.because} ? ${d.question}`
}

export const suggested = (r: Recommendation, directive: string): string | undefined =>
  r.phases.flatMap((p) => p.directives).find((d) => d.directive === directive)?.value

export const skipReason = (r: Recommendation, directive: string): string | undefined =>
  r.skipped.find((s) => s.directive === directive)?.reason

/** The drop-in cut after phase k (1-based), as a user applying one phase at a time would have it. */
export function upToPhase(content: string, k: number): string {
  const all = content.split('\n')
  const starts = all.map((l, i) => (/^# Phase \d+:/.test(l) ? i : -1)).filter((i) => i >= 0)
  return all.slice(0, k < starts.length ? starts[k] : all.length).join('\n') + '\n'
}

/**
 * Applies the drop-in (whole, and cut after each phase) next to the unit and re-assesses with the
 * engine from scratch: every predicted score must come out exactly, without a single warning.
 */
export function verifyPredictions(files: Files, path: string, r: Recommendation, version: SystemdVersion): void {
  const at = joinPath(dirname(path), r.dropin.path)
  const check = (content: string, expected: number): void => {
    const a = assessUnitFile(memorySource({ ...files, [at]: content }), path, { version })
    if (!a.ok) throw new Error(`${path}: ${a.error}`)
    const warnings = a.diagnostics.filter((d) => d.file === at)
    if (warnings.length > 0) throw new Error(`${path}: ${warnings.map((w) => w.message).join('; ')}`)
    if (formatExposure(a.exposure) !== expected.toFixed(1)) {
      throw new Error(
        `${path} (${version}): engine says ${formatExposure(a.exposure)}, predicted ${expected.toFixed(1)}`,
      )
    }
    if (!a.service.dropInPaths.includes(at)) throw new Error(`${at} is not read by systemd`)
  }
  check(r.dropin.content, r.predicted)
  r.phases.forEach((p, i) => check(upToPhase(r.dropin.content, i + 1), p.exposure))
}
