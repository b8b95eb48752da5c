/**
 * What a review is run with — systemd version, gate, path filter, allow-list — read alike from
 * the CLI's `diff` options and from the action's inputs.
 */
import { DEFAULT_FILTER, type PathFilter } from '../diff/affected.js'
import { DEFAULT_TEMPLATE_SUFFIXES } from '../diff/diff.js'
import type { GateSettings } from '../diff/gate.js'
import type { AllowEntry } from '../diff/waivers.js'
import type { SystemdTarget, SystemdVersion } from '../model/versions.js'
import { OPTIONS } from './option-table.js'
import type { ReadOption } from './read-option.js'

export interface ReviewSettings {
  /** The oldest supported version of the target: what scores, rows and the score thresholds use. */
  readonly version: SystemdVersion
  /**
   * The systemd the fleet runs (one version or a range): what advice targets, and the versions
   * the capability gate checks (each supported one in it).
   */
  readonly target: SystemdTarget
  readonly gate: GateSettings
  readonly filter: PathFilter
  readonly allow: readonly AllowEntry[]
  /** Build-template suffixes: `.in` always, and those given. */
  readonly templateSuffixes: readonly string[]
  readonly templatePlaceholders: Readonly<Record<string, string>>
}

export function readReviewSettings(read: ReadOption): ReviewSettings {
  const target = read(OPTIONS.systemdVersion)
  return {
    version: target.versions[0]!,
    target,
    gate: readGate(read),
    filter: readPathFilter(read),
    allow: read(OPTIONS.allowCapabilities),
    templateSuffixes: [...new Set([...DEFAULT_TEMPLATE_SUFFIXES, ...read(OPTIONS.templateSuffixes)])],
    templatePlaceholders: Object.fromEntries(read(OPTIONS.templatePlaceholders).map((p) => [p.name, p.value])),
  }
}

function readGate(read: ReadOption): GateSettings {
  return {
    failOnCapabilityWidening: read(OPTIONS.failOnCapabilityWidening),
    failOnNewWaiver: read(OPTIONS.failOnNewWaiver),
    maxExposure: read(OPTIONS.maxExposure),
    maxExposureIncrease: read(OPTIONS.maxExposureIncrease),
    failOnRegression: read(OPTIONS.failOnRegression),
    failOnInvalidUnit: read(OPTIONS.failOnInvalidUnit),
    failOnUnreadableUnit: read(OPTIONS.failOnUnreadableUnit),
  }
}

/**
 * The CLI has --include and --exclude, the action one `paths` list where `!glob` excludes; each
 * source leaves the others' options at their default (none), so both come down to one filter.
 */
function readPathFilter(read: ReadOption): PathFilter {
  const patterns = read(OPTIONS.paths)
  const include = [...read(OPTIONS.include), ...patterns.filter((p) => !p.exclude).map((p) => p.glob)]
  const exclude = [...read(OPTIONS.exclude), ...patterns.filter((p) => p.exclude).map((p) => p.glob)]
  return {
    include: include.length > 0 ? include : DEFAULT_FILTER.include,
    exclude: [...DEFAULT_FILTER.exclude, ...exclude],
  }
}
