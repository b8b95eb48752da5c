/**
 * What fails the check. What is reported never depends on these settings: the report lists every
 * change; the gate only decides which of them make the verdict "fail".
 */
import { newWaiverAcceptances, waiversOf } from './new-waivers.js'
import type { Failure, PrivilegeWidening, ServiceReport } from './report.js'

export interface GateSettings {
  /** Fail when a service can hold a capability it could not before (default on). */
  readonly failOnCapabilityWidening: boolean
  /**
   * Fail when a widening is accepted only by a waiver the change itself adds: a pull request
   * cannot accept its own widening (default off: such a waiver is reported and marked instead).
   */
  readonly failOnNewWaiver: boolean
  /** Fail when a service's exposure after the change is above this score (0.0–10.0). */
  readonly maxExposure: number | null
  /** Fail when a service's exposure rises by more than this. */
  readonly maxExposureIncrease: number | null
  /** Fail on any row that got worse. */
  readonly failOnRegression: boolean
  /** Fail when a changed unit cannot be loaded in head (systemd would refuse it). */
  readonly failOnInvalidUnit: boolean
  /**
   * Fail when a changed unit cannot be read in full in head — what the tool cannot see, it does
   * not pass (default on).
   */
  readonly failOnUnreadableUnit: boolean
}

export const DEFAULT_GATE: GateSettings = {
  failOnCapabilityWidening: true,
  failOnNewWaiver: false,
  maxExposure: null,
  maxExposureIncrease: null,
  failOnRegression: false,
  failOnInvalidUnit: false,
  failOnUnreadableUnit: true,
}

// Scores are compared as systemd's integers (tenths), never as floats.
const tenths = (x: number): number => Math.round(x * 10)

export function gateFailures(services: readonly ServiceReport[], gate: GateSettings): Failure[] {
  const failures: Failure[] = []
  for (const s of services) {
    const at = { unit: s.unit, path: s.path }
    // One failure per finding: what nothing accepts, else what only the change's own waivers do.
    for (const w of s.capabilities.widened) {
      if (gate.failOnCapabilityWidening && w.unaccepted.length > 0) {
        failures.push({ kind: 'capability-widening', ...at, message: wideningMessage(s.unit, w) })
      } else if (gate.failOnNewWaiver && newWaiverAcceptances(w).length > 0) {
        failures.push({ kind: 'new-waiver', ...at, message: newWaiverMessage(s.unit, w) })
      }
    }
    if (gate.maxExposure !== null && s.after && tenths(s.after.exposure) > tenths(gate.maxExposure)) {
      failures.push({
        kind: 'max-exposure',
        ...at,
        message: `${s.unit} exposure ${s.after.exposure.toFixed(1)} is above the maximum ${gate.maxExposure.toFixed(1)}`,
      })
    }
    if (gate.maxExposureIncrease !== null && s.delta !== null && tenths(s.delta) > tenths(gate.maxExposureIncrease)) {
      failures.push({
        kind: 'exposure-increase',
        ...at,
        message: `${s.unit} exposure rose by ${s.delta.toFixed(1)}, more than ${gate.maxExposureIncrease.toFixed(1)}`,
      })
    }
    if (gate.failOnRegression && s.regressions.length > 0) {
      failures.push({
        kind: 'regression',
        ...at,
        message: `${s.unit} regressed on ${s.regressions.map((r) => r.id).join(', ')}`,
      })
    }
    const unreadable = s.status !== 'removed' && s.unreadable.after !== null
    if (gate.failOnUnreadableUnit && unreadable) {
      failures.push({ kind: 'unreadable-unit', ...at, message: `${s.unit} cannot be assessed: ${s.unreadable.after}` })
    }
    if (
      gate.failOnInvalidUnit &&
      s.status !== 'removed' &&
      s.errors.after !== null &&
      !(gate.failOnUnreadableUnit && unreadable)
    ) {
      failures.push({ kind: 'invalid-unit', ...at, message: `${s.unit}: ${s.errors.after}` })
    }
  }
  return failures
}

/** "caddy.service now holds CAP_NET_RAW at start (AmbientCapabilities=, init/caddy.service:14)". */
export function wideningMessage(unit: string, w: PrivilegeWidening): string {
  const partly = w.accepted.length > 0 && w.unaccepted.length > 0 ? `; not accepted: ${w.unaccepted.join(', ')}` : ''
  return `${unit} ${w.what}${where(w)}${partly}`
}

/** "api.service now holds CAP_SYS_ADMIN at start (…): accepted only by a waiver this change adds, at units/api.service:8". */
export function newWaiverMessage(unit: string, w: PrivilegeWidening): string {
  const waivers = waiversOf(newWaiverAcceptances(w))
  const places = waivers.map((x) => `${x.file}:${x.line}`).join(', ')
  return `${unit} ${w.what}${where(w)}: accepted only by ${waivers.length === 1 ? 'a waiver' : 'waivers'} this change adds, at ${places}`
}

function where(w: PrivilegeWidening): string {
  if (w.file === null) return ''
  return ` (${w.directive ? `${w.directive}${w.removedLine ? ' removed' : ''}, ` : ''}${w.file}${w.line !== null ? `:${w.line}` : ''}${w.removedLine ? ' in base' : ''})`
}
