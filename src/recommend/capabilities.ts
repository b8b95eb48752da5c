/**
 * The bounding set: empty (or the ambient capabilities) for a service with its own user; for one
 * that starts as root, an allow-list when it switches users itself, else a deny-list of what it
 * has no evident use for — never wider than what is in effect (docs/directives.md,
 * CapabilityBoundingSet=/AmbientCapabilities=). Pure.
 */
import { capabilityNames, capabilitySet, capabilitySetOf } from '../model/linux-names.js'
import type { Risk } from './catalogue.js'
import type { UnitContext } from './context.js'
import type { Category } from './programs.js'
import { isSet } from './unit-text.js'

export type CapabilityPlan =
  | {
      readonly kind: 'set'
      readonly value: string
      readonly caps: bigint
      readonly deny: boolean
      readonly risk: Risk
      readonly reason: string
    }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'in-effect' }

/** What a privilege-dropping root daemon needs to switch users and manage its files and workers. */
const DROPPER_CAPS = [
  'CAP_SETUID',
  'CAP_SETGID',
  'CAP_CHOWN',
  'CAP_DAC_OVERRIDE',
  'CAP_FOWNER',
  'CAP_KILL',
  'CAP_SYS_RESOURCE',
]

/** Capabilities a root service rarely needs (docs/directives.md, CapabilityBoundingSet=). */
const RARELY_NEEDED = [
  'CAP_SYS_ADMIN',
  'CAP_SYS_PTRACE',
  'CAP_SYS_MODULE',
  'CAP_SYS_RAWIO',
  'CAP_SYS_BOOT',
  'CAP_MKNOD',
  'CAP_MAC_ADMIN',
  'CAP_MAC_OVERRIDE',
  'CAP_AUDIT_CONTROL',
  'CAP_AUDIT_READ',
  'CAP_LINUX_IMMUTABLE',
  'CAP_SYS_PACCT',
  'CAP_SYS_TTY_CONFIG',
  'CAP_BPF',
  'CAP_PERFMON',
  'CAP_BLOCK_SUSPEND',
  'CAP_WAKE_ALARM',
  'CAP_SYS_TIME',
  'CAP_SYSLOG',
]

const KEPT_BY_CATEGORY: readonly [Category, readonly string[]][] = [
  ['time', ['CAP_SYS_TIME']],
  ['network-manager', ['CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_NET_BIND_SERVICE', 'CAP_NET_BROADCAST', 'CAP_SYS_MODULE']],
  ['packet', ['CAP_NET_RAW']],
  ['tun', ['CAP_NET_ADMIN']],
  ['log-collector', ['CAP_SYSLOG', 'CAP_DAC_READ_SEARCH']],
  ['backup', ['CAP_DAC_READ_SEARCH']],
  ['monitoring', ['CAP_SYS_PTRACE', 'CAP_DAC_READ_SEARCH', 'CAP_SYS_RAWIO', 'CAP_PERFMON', 'CAP_BPF']],
  ['device', ['CAP_SYS_RAWIO', 'CAP_MKNOD', 'CAP_SYS_ADMIN']],
  ['mounter', ['CAP_SYS_ADMIN']],
  [
    'security-agent',
    [
      'CAP_SYS_ADMIN',
      'CAP_DAC_READ_SEARCH',
      'CAP_SYS_PTRACE',
      'CAP_AUDIT_CONTROL',
      'CAP_AUDIT_READ',
      'CAP_AUDIT_WRITE',
    ],
  ],
  ['modules', ['CAP_SYS_MODULE']],
  ['audio', ['CAP_SYS_NICE']],
  ['realtime', ['CAP_SYS_NICE']],
  ['chroot', ['CAP_SYS_CHROOT']],
]

/** Capabilities the context says a root service keeps, each with its reason. */
export function keptCapabilities(c: UnitContext, removed: ReadonlySet<string> = new Set()): Map<string, string> {
  const kept = new Map<string, string>()
  const keep = (name: string, why: string): void => void (kept.has(name) || removed.has(name) || kept.set(name, why))
  const port = c.privilegedPorts[0]
  if (port) keep('CAP_NET_BIND_SERVICE', port.evidence)
  for (const [cat, caps] of KEPT_BY_CATEGORY) {
    const e = c.categories.get(cat)
    if (e) for (const k of caps) keep(k, e)
  }
  for (const k of capabilityNames(c.service.state.ambientCapabilities)) keep(k, 'AmbientCapabilities= grants it')
  // A root daemon that drops privileges itself binds its listening ports first, often below 1024.
  const drops = c.startsAsRootDespiteUser ?? c.dropsPrivileges
  const socketActivated = c.sockets.some((x) => x.listens.length > 0)
  if (drops && c.network && !socketActivated)
    keep(
      'CAP_NET_BIND_SERVICE',
      `${c.network}, and it may bind a port below 1024 per its configuration before it drops privileges`,
    )
  return kept
}

/**
 * The bounding set: empty (or just the ambient capabilities) for a service that runs as its own
 * user; for one that starts as root, an allow-list when it drops privileges itself, otherwise a
 * deny-list of capabilities it has no evident use for. Never wider than what is in effect.
 */
export function capabilities(
  c: UnitContext,
  nonRoot: boolean,
  ambientAfter: bigint,
  removed: ReadonlySet<string> = new Set(),
): CapabilityPlan {
  const current = c.service.state.capabilityBoundingSet
  if (isSet(c.service, 'Service', 'CapabilityBoundingSet')) {
    return {
      kind: 'skip',
      reason: 'the unit already limits its capabilities; narrowing the set further needs knowledge of the daemon',
    }
  }
  if (nonRoot && !c.startsAsRootDespiteUser) {
    const helper = c.categories.get('setuid-helper')
    if (helper) return { kind: 'skip', reason: `${helper}: setuid/setgid helpers are limited by the bounding set too` }
    const wanted = ambientAfter & current
    if (wanted === current) return { kind: 'in-effect' }
    const names = capabilityNames(wanted)
    return {
      kind: 'set',
      value: names.join(' '),
      caps: wanted,
      deny: false,
      risk: 'medium',
      reason:
        names.length === 0
          ? 'a non-root service holds no capabilities; an empty bounding set only stops it regaining some through setuid or file-capability binaries'
          : `a non-root service needs only its ambient capabilities (${names.join(' ')})`,
    }
  }
  if (c.runtime.kind === 'shell') {
    return { kind: 'skip', reason: `${c.runtime.evidence}: what a script running as root needs is unknown` }
  }
  const kept = keptCapabilities(c, removed)
  const why = [...kept].map(([k, e]) => `${k} (${e})`).join('; ')
  const drops = c.startsAsRootDespiteUser ?? c.dropsPrivileges
  if (drops) {
    const allowed =
      (capabilitySetOf(DROPPER_CAPS) | capabilitySetOf([...kept.keys()])) & current & ~capabilitySetOf([...removed])
    if (allowed === current) return { kind: 'in-effect' }
    return {
      kind: 'set',
      value: capabilityNames(allowed).join(' '),
      caps: allowed,
      deny: false,
      risk: 'high',
      reason: `${drops}: keeps what switching users and managing its files need (${DROPPER_CAPS.join(' ')})${why ? `, plus ${why}` : ''}`,
    }
  }
  const denied = capabilitySetOf(RARELY_NEEDED.filter((k) => !kept.has(k))) & current
  if (denied === 0n) return { kind: 'in-effect' }
  return {
    kind: 'set',
    value: `~${capabilityNames(denied).join(' ')}`,
    caps: denied,
    deny: true,
    risk: 'high',
    reason: `a root service with no known capability list: denies the ones it has no evident use for${why ? `; keeps ${why}` : ''}`,
  }
}

/** Ambient capabilities a service needs once it no longer runs as root. */
export function ambientCapabilities(c: UnitContext): { names: string[]; reason: string } | null {
  const port = c.privilegedPorts[0]
  if (!port) return null
  if ((c.service.state.ambientCapabilities & capabilitySet('CAP_NET_BIND_SERVICE')) !== 0n) return null
  return {
    names: ['CAP_NET_BIND_SERVICE'],
    reason: `${port.evidence}: a non-root service needs CAP_NET_BIND_SERVICE to bind ports below 1024`,
  }
}
