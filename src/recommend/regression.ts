/**
 * A targeted fix for one row the diff found regressed: restore what the base had, or a narrower
 * alternative (keep the capabilities the head evidently added on purpose, drop the ones that
 * regressed the row). Each fix is checked with the engine on a copy of the head plus the fix, so
 * it is only called verified when the row really returns to the base's badness. Pure.
 */
import { assessLoaded } from '../engine.js'
import { ASSESSORS } from '../model/assessors.js'
import type { Row } from '../model/exposure.js'
import { CAPABILITY_NAMES, capabilityNames as capNames, KNOWN_CAPS } from '../model/linux-names.js'
import { VERSION_TRAITS, type SystemdVersion } from '../model/versions.js'
import { loadService, type LoadedService } from '../service/load.js'
import { basename, dirname, joinPath, memorySource } from '../unit/source.js'
import type { Assignment } from '../unit/syntax.js'

export interface RegressionFix {
  readonly rowId: string
  /** restore: put the base's setting back; narrow: a smaller change than the head's; remove: delete head lines. */
  readonly kind: 'restore' | 'narrow' | 'remove'
  /** Lines for a drop-in (restore, narrow), in order. */
  readonly lines: readonly string[]
  /** Head lines to delete (remove). */
  readonly remove: readonly { readonly file: string; readonly line: number; readonly text: string }[]
  readonly reason: string
  /** The row's badness in the base, in the head, and with the fix applied (null: not applicable). */
  readonly badness: { readonly base: number | null; readonly head: number | null; readonly fixed: number | null }
  /** The engine confirmed the fix brings the row back to the base's badness or better. */
  readonly verified: boolean
}

/** One side as it was scored: the loaded service and its rows (a ServiceAssessment is one). */
export interface ScoredService {
  readonly service: LoadedService
  readonly rows: readonly Row[]
}

export interface RegressionInput {
  readonly base: ScoredService
  readonly head: ScoredService
  /** The assessor row id as systemd prints it, e.g. `CapabilityBoundingSet=~CAP_SYS_ADMIN`. */
  readonly rowId: string
  readonly version: SystemdVersion
}

/** Settings whose lines accumulate until an empty assignment resets them. */
const LIST_KEYS = new Set([
  'SystemCallFilter',
  'SystemCallArchitectures',
  'RestrictAddressFamilies',
  'RestrictNamespaces',
  'IPAddressAllow',
  'IPAddressDeny',
  'IPIngressFilterPath',
  'IPEgressFilterPath',
  'DeviceAllow',
  'SupplementaryGroups',
  'MountImages',
  'LoadCredentialEncrypted',
  'SetCredentialEncrypted',
])

type Proposal = Omit<RegressionFix, 'badness' | 'verified' | 'rowId'>

/** Suggests how to undo a regressed row; null when the row id is unknown or did not regress. */
export function suggestRegressionFix(input: RegressionInput): RegressionFix | null {
  const { rowId, version } = input
  const base = input.base.service
  const head = input.head.service
  const assessor = ASSESSORS.find((a) => a.id === rowId)
  if (!assessor) return null
  // Both sides were scored by the caller; only a fix is assessed here.
  const baseBadness = rowBadness(input.base.rows, rowId)
  const headBadness = rowBadness(input.head.rows, rowId)
  if ((headBadness ?? -1) <= (baseBadness ?? -1)) return null

  const proposals: Proposal[] = []
  if (rowId.startsWith('CapabilityBoundingSet=~')) proposals.push(...capabilityFixes(base, head, rowId))
  if (rowId === 'AmbientCapabilities=') {
    // Lines the head added are removed, not "restored" to an empty value the base never wrote.
    const added =
      effectiveLines(base, 'AmbientCapabilities').length === 0 ? settingFix(base, head, 'AmbientCapabilities') : null
    proposals.push(
      added ??
        setFix(
          'AmbientCapabilities',
          base.state.ambientCapabilities,
          'restore',
          'the base granted no more ambient capabilities than this',
        ),
    )
  }
  for (const key of assessor.reads) {
    if (key === 'CapabilityBoundingSet' || key === 'AmbientCapabilities') continue
    const p = settingFix(base, head, key)
    if (p) proposals.push(p)
  }

  let first: RegressionFix | null = null
  for (const p of proposals) {
    const fixed = fixedBadness(applyFix(head, p, version), input.head.rows, rowId, version)
    const verified = fixed !== null ? baseBadness !== null && fixed <= baseBadness : baseBadness === null
    const fix: RegressionFix = { rowId, ...p, badness: { base: baseBadness, head: headBadness, fixed }, verified }
    if (verified) return fix
    first ??= fix
  }
  return first
}

function rowBadness(rows: readonly Row[], rowId: string): number | null {
  return rows.find((x) => x.id === rowId)?.badness ?? null
}

/** The row's badness with the fix applied: a fix after which the head no longer loads changes nothing. */
function fixedBadness(
  fixed: LoadedService | null,
  headRows: readonly Row[],
  rowId: string,
  version: SystemdVersion,
): number | null {
  if (fixed === null) return rowBadness(headRows, rowId)
  const r = assessLoaded(fixed, fixed.fragmentPath, { version })
  return r.ok ? rowBadness(r.rows, rowId) : null
}

/** CAP_SET(UID|GID|PCAP) → its capability bits. */
export function rowCapabilities(rowId: string): bigint {
  const expand = (p: string): string[] => {
    const m = /^(.*?)\(([^()]*)\)(.*)$/.exec(p)
    return m ? m[2]!.split('|').flatMap((alt) => expand(`${m[1]}${alt}${m[3]}`)) : [p]
  }
  let mask = 0n
  for (const pattern of expand(rowId.replace(/^CapabilityBoundingSet=~/, ''))) {
    CAPABILITY_NAMES.forEach((n, i) => {
      const name = n.toUpperCase()
      if (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern) mask |= 1n << BigInt(i)
    })
  }
  return mask
}

function setFix(key: string, set: bigint, kind: 'restore' | 'narrow', reason: string): Proposal {
  const list = capNames(set & KNOWN_CAPS)
  return { kind, lines: list.length === 0 ? [`${key}=`] : [`${key}=`, `${key}=${list.join(' ')}`], remove: [], reason }
}

function capabilityFixes(base: LoadedService, head: LoadedService, rowId: string): Proposal[] {
  const row = rowCapabilities(rowId)
  const baseSet = base.state.capabilityBoundingSet & KNOWN_CAPS
  const headSet = head.state.capabilityBoundingSet & KNOWN_CAPS
  const regained = headSet & ~baseSet & row
  const out: Proposal[] = []
  // A sandboxing option that drops this capability implicitly may be what the head lost.
  for (const key of ['PrivateDevices', 'ProtectKernelModules', 'ProtectKernelLogs', 'ProtectClock']) {
    const p = settingFix(base, head, key)
    if (p) out.push(p)
  }
  if (regained === 0n) return out
  const added = headSet & ~baseSet
  const others = added & ~row
  if (others !== 0n && headSet !== KNOWN_CAPS) {
    out.unshift(
      setFix(
        'CapabilityBoundingSet',
        baseSet | others,
        'narrow',
        `the head adds ${capNames(added).join(' ')}; keeping only ${capNames(others).join(' ')} drops ${capNames(regained).join(' ')} again`,
      ),
    )
  }
  out.push(
    setFix(
      'CapabilityBoundingSet',
      baseSet,
      'restore',
      `the head's bounding set regains ${capNames(regained).join(' ')}; if the service needs one privilege, grant that single capability rather than a wider set`,
    ),
  )
  return out
}

/** Restore the base's lines for one setting, or remove the head's when the base had none. */
function settingFix(base: LoadedService, head: LoadedService, key: string): Proposal | null {
  const baseLines = effectiveLines(base, key)
  const headLines = effectiveLines(head, key)
  if (baseLines.map((a) => a.value).join('\n') === headLines.map((a) => a.value).join('\n')) return null
  if (baseLines.length === 0) {
    return {
      kind: 'remove',
      lines: [],
      remove: headLines.map((a) => ({ file: a.file, line: a.line, text: `${a.key}=${a.value}` })),
      reason: `the base does not set ${key}=; the head's ${headLines.map((a) => `${key}=${a.value}`).join(', ')} causes the regression`,
    }
  }
  const lines = LIST_KEYS.has(key)
    ? [`${key}=`, ...baseLines.map((a) => `${key}=${a.value}`)]
    : [`${key}=${baseLines[baseLines.length - 1]!.value}`]
  return {
    kind: 'restore',
    lines,
    remove: [],
    reason: `restores the base's ${baseLines.map((a) => `${key}=${a.value}`).join(', ')}`,
  }
}

/** The lines that decide a setting: the last one for scalars, those after the last reset for lists. */
function effectiveLines(s: LoadedService, key: string): Assignment[] {
  const all = s.state.applied.filter((a) => a.key === key)
  if (!LIST_KEYS.has(key)) return all.slice(-1)
  let from = 0
  all.forEach((a, i) => {
    if (a.value === '') from = i + 1
  })
  return all.slice(from)
}

/** The head rebuilt in memory from its parsed lines, with the fix applied; null if it no longer loads. */
function applyFix(head: LoadedService, fix: Proposal, version: SystemdVersion): LoadedService | null {
  const removed = new Set(fix.remove.map((r) => `${r.file}:${r.line}`))
  const files: Record<string, string> = {}
  for (const f of head.files) {
    const kept = f.assignments.filter((a) => !removed.has(`${a.file}:${a.line}`))
    files[f.file] = serialize(kept)
  }
  // Empty drop-ins are loaded as nothing but still shadow same-named files: keep them.
  for (const p of head.dropInPaths) files[p] ??= ''
  const dir = dirname(head.fragmentPath)
  const path = joinPath(dir, head.unit)
  if (fix.lines.length > 0)
    files[joinPath(joinPath(dir, `${head.unit}.d`), 'zzzz-regression-fix.conf')] =
      `[Service]\n${fix.lines.join('\n')}\n`
  const loaded = loadService(
    memorySource(files),
    basename(path) === basename(head.fragmentPath) ? head.fragmentPath : path,
    VERSION_TRAITS[version],
  )
  return loaded.ok ? loaded : null
}

function serialize(assignments: readonly Assignment[]): string {
  let out = ''
  let section = ''
  for (const a of assignments) {
    if (a.section !== section) {
      section = a.section
      out += `[${section}]\n`
    }
    out += `${a.key}=${a.value}\n`
  }
  return out
}
