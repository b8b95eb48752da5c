/**
 * The filesystem phase: ProtectSystem=strict with the write locations the unit mentions, or
 * full when strict cannot be had without opening a shared directory (docs/directives.md,
 * ProtectSystem=). Pure.
 */
import { unitPrefix } from '../unit/names.js'
import type { Risk } from './catalogue.js'
import { category, type UnitContext } from './context.js'
import { isWithin, type WriteTarget } from './paths.js'
import type { Category } from './programs.js'
import { programName } from './programs.js'
import { isSet, listValue, scalarValue } from './unit-text.js'

export type ProtectSystemPlan =
  | {
      readonly kind: 'set'
      readonly value: 'strict' | 'full'
      readonly risk: Risk
      readonly reason: string
      /** Set when the unit does not show where the service keeps its data: strict waits for an answer. */
      readonly deferredBecause?: string
    }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'in-effect' }

/** strict with the unit's write locations, or full when a file is written straight into a shared directory. */
export function protectSystem(c: UnitContext): ProtectSystemPlan {
  const current = c.service.state.protectSystem
  if (current === 'strict') return { kind: 'in-effect' }
  const blocker = c.writeTargets.find((t): t is Extract<WriteTarget, { kind: 'blocker' }> => t.kind === 'blocker')
  if (blocker) {
    const why = `${blocker.path} is written straight into ${blocker.parent}, which strict would make read-only (move it into a directory of its own to use strict)`
    if (current === 'full') return { kind: 'skip', reason: `strict: ${why}` }
    return { kind: 'set', value: 'full', risk: 'medium', reason: why }
  }
  const broad = category(...WRITES_ANYWHERE)(c)
  if (broad) {
    const why = `${broad}: it writes to locations the unit does not list (mail spools, log files, restored files), which strict would make read-only`
    if (current === 'full') return { kind: 'skip', reason: `strict: ${why}` }
    return { kind: 'set', value: 'full', risk: 'medium', reason: why }
  }
  const known =
    c.writeTargets.length > 0 ||
    DIRECTORY_KEYS.some((k) => isSet(c.service, 'Service', k)) ||
    isSet(c.service, 'Service', 'ReadWritePaths')
  if (!known && current !== 'no') {
    return {
      kind: 'skip',
      reason: `strict: the unit chose ProtectSystem=${current} and names none of the locations it writes, which strict would make read-only`,
    }
  }
  const upgrade = current === 'no' ? '' : `upgrades ProtectSystem=${current}; `
  const persistent = persistentLocations(c)
  if (persistent.length === 0) {
    const runtime = c.writeTargets.map((t) => t.path)
    const named = runtime.length > 0 ? `names only ${runtime.join(', ')}` : 'names no write location'
    return {
      kind: 'set',
      value: 'strict',
      risk: 'high',
      reason: `${upgrade}the unit ${named}, not where the service keeps its data`,
      deferredBecause: `the unit ${named}, not where the service keeps its data, cache or logs`,
    }
  }
  return {
    kind: 'set',
    value: 'strict',
    risk: 'high',
    reason: `${upgrade}the unit names where it writes (${persistent.join(', ')}), and those stay writable; anything else it writes becomes read-only`,
  }
}

/** The data, cache and log locations the unit itself declares or mentions (not /run). */
function persistentLocations(c: UnitContext): string[] {
  const out: string[] = []
  for (const t of c.writeTargets) {
    if (t.kind === 'path' || (t.kind === 'directory' && t.directive !== 'RuntimeDirectory')) out.push(t.path)
  }
  for (const [k, root] of [
    ['StateDirectory', '/var/lib'],
    ['CacheDirectory', '/var/cache'],
    ['LogsDirectory', '/var/log'],
  ] as const) {
    for (const v of listValue(c.service, 'Service', k)) out.push(`${root}/${v.split(':')[0]}`)
  }
  for (const v of listValue(c.service, 'Service', 'ReadWritePaths')) out.push(v.replace(/^[-+]+/, ''))
  return [...new Set(out)]
}

/**
 * The data, cache and log directories a daemon conventionally uses, named after its unit and its
 * program (`tailscaled.service` → /var/lib/tailscale): offered, commented out, as the likely
 * answer to "which directories does it write?". A leading `-` makes systemd skip the missing ones.
 */
export function conventionalDirectories(c: UnitContext): string[] {
  const main = c.commands.find((x) => x.directive === 'ExecStart')
  const raw = [unitPrefix(c.service.unit), ...(main ? [programName(main.path)] : [])]
  const names: string[] = []
  for (const n of raw) {
    const base = n.replace(/[-_](server|daemon|agent|service)$/, '')
    for (const x of [n, base, /^[a-z]{4,}d$/.test(base) ? base.slice(0, -1) : base]) {
      if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(x) && !names.includes(x)) names.push(x)
    }
  }
  const taken = new Set(persistentLocations(c))
  return CONVENTIONAL_ROOTS.flatMap((root) => names.slice(0, 3).map((n) => `${root}/${n}`)).filter((p) => !taken.has(p))
}

const CONVENTIONAL_ROOTS = ['/var/lib', '/var/cache', '/var/log'] as const

export const DIRECTORY_KEYS = ['StateDirectory', 'LogsDirectory', 'CacheDirectory', 'RuntimeDirectory'] as const

/** Categories whose services write wherever their configuration says: strict would break them. */
const WRITES_ANYWHERE: readonly Category[] = ['home-data', 'log-collector', 'backup']

export interface WriteDirective {
  readonly directive: string
  readonly value: string
  readonly reason: string
}

/**
 * The write locations ProtectSystem=strict must keep open. A service that will run as its own
 * user gets systemd-managed directories; a root service gets ReadWritePaths=, so systemd does
 * not chown the directories of a daemon that drops privileges to root.
 */
export function writeDirectives(c: UnitContext, nonRoot: boolean, privateTmpAfter: boolean): WriteDirective[] {
  const out: WriteDirective[] = []
  const existing = new Map(DIRECTORY_KEYS.map((k) => [k, new Set(listValue(c.service, 'Service', k))]))
  const writable = listValue(c.service, 'Service', 'ReadWritePaths').map((p) => p.replace(/^[-+]+/, ''))
  const covered = (path: string): boolean => writable.some((w) => isWithin(path, w))
  const pidFile = scalarValue(c.service, 'Service', 'PIDFile')
  let preserve = isSet(c.service, 'Service', 'RuntimeDirectoryPreserve')
  for (const t of c.writeTargets) {
    if (t.kind === 'blocker' || covered(t.path)) continue
    if (t.kind === 'path') {
      out.push({ directive: 'ReadWritePaths', value: `-${t.path}`, reason: `the unit mentions ${t.path}` })
      continue
    }
    if (existing.get(t.directive)!.has(t.name)) continue
    const createdHere =
      c.createdDirs.some((d) => isWithin(d, t.path)) ||
      (pidFile !== null && isWithin(pidFile.replace(/^\/var\/run\//, '/run/'), t.path))
    if (nonRoot || (t.directive === 'RuntimeDirectory' && createdHere)) {
      out.push({ directive: t.directive, value: t.name, reason: `the unit mentions ${t.path}` })
      if (t.directive === 'RuntimeDirectory' && !preserve) {
        preserve = true
        out.push({
          directive: 'RuntimeDirectoryPreserve',
          value: 'yes',
          reason: `keeps ${t.path} when the service stops, as it was before, for sibling units and clients that use it`,
        })
      }
    } else {
      out.push({
        directive: 'ReadWritePaths',
        value: `-${t.path}`,
        reason: `the unit mentions ${t.path}; a root service keeps the directory's owner (${t.directive}= would chown it to root)`,
      })
    }
  }
  if (!privateTmpAfter && !covered('/tmp')) {
    out.push({
      directive: 'ReadWritePaths',
      value: '-/tmp -/var/tmp',
      reason: 'without PrivateTmp=, strict would make the shared /tmp read-only',
    })
  }
  return out
}
