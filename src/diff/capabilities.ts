/**
 * Capability widening: what a unit's processes can do with privileges in head that they could
 * not in base, at each level of the privilege profile (src/service/privileges.ts) — held at
 * start, reachable through set-user-ID/file-capability programs, and per elevated command.
 *
 * Each new privilege is reported once, at the strongest level of the ordinary processes (a
 * capability newly held is not reported again as newly reachable), and each elevated command
 * is its own finding. A unit without a base (new) is compared with nothing: everything it can
 * hold is new, and a new root unit is one finding, not one per capability.
 */
import { capabilityName, CAPABILITY_NAMES } from '../model/linux-names.js'
import type { VersionTraits } from '../model/versions.js'
import {
  implicitHelper,
  KNOWN_CAPS,
  privilegeProfile,
  type ElevatedCommand,
  type ElevationKind,
  type PrivilegeProfile,
} from '../service/privileges.js'
import type { LoadedService } from '../unit/load.js'
import { basename } from '../unit/source.js'
import type { Acceptance, PrivilegeSummary, PrivilegeWidening } from './report.js'
import { blame, type LineRef } from './trace.js'
import type { AllowEntry, Waiver } from './waivers.js'

export { capabilityBit, capabilityNames } from '../model/linux-names.js'

/** Set bits of a capability set as `CAP_*` names, in number order. */
function names(caps: bigint): string[] {
  const out: string[] = []
  for (let i = 0; i < CAPABILITY_NAMES.length; i++) if (caps & (1n << BigInt(i))) out.push(capabilityName(i))
  return out
}

/** The pseudo-privilege "runs as uid 0" in lists of what is new or accepted. */
export const ROOT = 'root'

const BOUNDING_KEYS = ['CapabilityBoundingSet', 'PrivateDevices', 'ProtectKernelModules', 'ProtectKernelLogs', 'ProtectClock']
const IDENTITY_KEYS = ['User', 'DynamicUser']
const SECCOMP_KEYS = [
  'LockPersonality', 'MemoryDenyWriteExecute', 'PrivateDevices', 'ProtectClock', 'ProtectHostname', 'ProtectKernelTunables',
  'ProtectKernelModules', 'ProtectKernelLogs', 'RestrictAddressFamilies', 'RestrictNamespaces', 'RestrictRealtime',
  'RestrictSUIDSGID', 'SystemCallArchitectures', 'SystemCallFilter',
]

export function profileOf(svc: LoadedService, traits: VersionTraits): PrivilegeProfile {
  return privilegeProfile(svc.state, svc.unit, traits)
}

/** The profile as the report shows it. */
export function summarize(p: PrivilegeProfile): PrivilegeSummary {
  return {
    startsProcesses: p.startsProcesses,
    user: p.user.name,
    root: p.user.root,
    userFromInstance: p.user.fromInstance,
    held: names(p.held.caps),
    reachable: names(p.reachable),
    noNewPrivileges: p.noNewPrivileges,
    elevated: p.elevated.map((e) => ({
      directive: e.command.directive,
      command: e.command.text,
      kind: e.kind,
      root: e.privileges.root,
      capabilities: names(e.privileges.caps),
      file: e.command.source.file,
      line: e.command.source.line,
    })),
  }
}

export interface Acceptor {
  readonly waivers: readonly Waiver[]
  /** Waivers base already had (a waiver this change adds is marked as such). */
  readonly baseWaivers: readonly Waiver[]
  readonly allow: readonly AllowEntry[]
  /** Names the allow-list may use for this unit: the loaded name and the file's name. */
  readonly unitNames: readonly string[]
}

/** Every privilege head's unit has that base's did not, as findings. */
export function privilegeWidenings(
  base: { svc: LoadedService; profile: PrivilegeProfile } | null,
  head: { svc: LoadedService; profile: PrivilegeProfile },
  acceptor: Acceptor,
): PrivilegeWidening[] {
  const h = head.profile
  const b = base?.profile ?? null
  const out: PrivilegeWidening[] = []
  const finding = (
    level: PrivilegeWidening['level'],
    caps: bigint,
    root: boolean,
    what: string,
    cause: string,
    line: LineRef | null,
    command: PrivilegeWidening['command'] = null,
  ): void => {
    const capabilities = names(caps)
    const wanted = root ? [ROOT, ...capabilities] : capabilities
    const { accepted, unaccepted } = accept(wanted, acceptor)
    out.push({
      level,
      capabilities,
      root,
      command,
      what,
      cause,
      file: line?.file ?? null,
      line: line?.line ?? null,
      removedLine: line?.removed ?? false,
      directive: line ? line.text.slice(0, line.text.indexOf('=') + 1) : null,
      accepted,
      unaccepted,
    })
  }

  // Held at start.
  const heldCaps = h.held.caps & ~(b?.held.caps ?? 0n)
  const heldRoot = h.held.root && !(b?.held.root ?? false) && h.startsProcesses
  if (heldCaps !== 0n || heldRoot) {
    const why = heldCause(base?.svc ?? null, b, head.svc, h)
    finding('held', heldCaps, heldRoot, heldWhat(b, h, heldCaps, heldRoot), why.text, why.line)
  }

  // Reachable through set-user-ID and file-capability programs, beyond what it now holds.
  const reach = h.reachable & ~(b?.reachable ?? 0n) & ~h.held.caps
  if (reach !== 0n) {
    const why = reachCause(base?.svc ?? null, b, head.svc, h)
    finding('reachable', reach, false, `${b ? 'can now gain' : 'is new and can gain'} ${capList(reach)} through set-user-ID or file-capability programs`, why.text, why.line)
  }

  // Elevated commands, each compared with the same command in base (or with base's ordinary
  // processes when base had no such elevated command).
  const baseElevated = [...(b?.elevated ?? [])]
  for (const e of h.elevated) {
    const i = baseElevated.findIndex((x) => commandKey(x) === commandKey(e))
    const matched = i >= 0 ? baseElevated.splice(i, 1)[0]! : null
    const before = matched?.privileges ?? b?.held ?? { root: false, caps: 0n }
    const caps = e.privileges.caps & ~before.caps
    const root = e.privileges.root && !before.root
    if (caps === 0n && !root) continue
    const why = commandCause(base?.svc ?? null, head.svc, e, matched)
    const cmd = { directive: e.command.directive, text: e.command.text, kind: e.kind, file: e.command.source.file, line: e.command.source.line }
    finding('command', caps, root, `runs ${e.command.directive}=${e.command.text} ${KIND_PHRASE[e.kind]}: ${privilegeList(caps, root)}`, why.text, why.line, cmd)
  }
  return out
}

const KIND_PHRASE: Record<ElevationKind, string> = {
  'full-privileges': 'with full privileges (+ prefix)',
  'root-credentials': 'as root within the bounding set (! prefix)',
  'permissions-start-only': 'with full privileges (PermissionsStartOnly=yes)',
}

/**
 * Which elevated command of base a head command is: the same directive and executable. For
 * shells and interpreters the program is in the arguments, so the whole command line counts.
 */
function commandKey(e: ElevatedCommand): string {
  const c = e.command
  const program = basename(c.path)
  const args = SHELLS.test(program) ? c.text.slice(c.text.search(/[ \t]/) + 1 || c.text.length).trim() : ''
  return `${c.directive}\0${c.path}\0${args}`
}
const SHELLS = /^(sh|bash|dash|zsh|ksh|mksh|ash|busybox|env|python[0-9.]*|perl[0-9.]*|ruby[0-9.]*|node|nodejs|php[0-9.]*|lua[0-9.]*|tclsh[0-9.]*)$/

function heldWhat(b: PrivilegeProfile | null, h: PrivilegeProfile, caps: bigint, root: boolean): string {
  const instance = h.user.fromInstance ? ' (for an instance named root)' : ''
  if (!b) {
    if (h.user.root && h.held.caps === h.bounding && caps !== 0n) {
      const set = h.bounding === KNOWN_CAPS ? `its full bounding set, ${capCount(caps)}` : `its bounding set, ${capList(caps)}`
      return `is new and runs as root${instance}: ${set}`
    }
    return `is new and holds ${privilegeList(caps, root)} at start${instance}`
  }
  if (root) return `now runs as root${instance}: ${caps === 0n ? 'uid 0 without capabilities' : capList(caps)} at start`
  return `now holds ${capList(caps)} at start`
}

function heldCause(base: LoadedService | null, b: PrivilegeProfile | null, head: LoadedService, h: PrivilegeProfile): { text: string; line: LineRef | null } {
  if (!b) {
    const helper = implicitHelper(head.unit)
    const line = blame(null, head, [...IDENTITY_KEYS, 'AmbientCapabilities', ...BOUNDING_KEYS, 'SecureBits']) ?? firstCommand(head)
    const who = h.user.fromInstance
      ? 'User= comes from the instance name'
      : h.user.root
        ? `no User= (or User=root)${helper ? `; the manager runs ${helper} for it` : ''}`
        : 'AmbientCapabilities='
    return { text: `new unit: ${who}`, line }
  }
  if (h.user.root && !b.user.root) {
    const text = h.user.fromInstance ? 'User= now comes from the instance name (%i): an instance named root runs as root' : 'the unit now runs as root (User= removed or set to root)'
    return { text, line: blame(base, head, IDENTITY_KEYS) }
  }
  if (h.user.root) {
    return { text: 'the bounding set of this root unit grew', line: blame(base, head, [...BOUNDING_KEYS, 'SecureBits']) }
  }
  return {
    text: 'new ambient capabilities',
    line: blame(base, head, ['AmbientCapabilities']) ?? blame(base, head, ['CapabilityBoundingSet', 'SecureBits']),
  }
}

function reachCause(base: LoadedService | null, b: PrivilegeProfile | null, head: LoadedService, h: PrivilegeProfile): { text: string; line: LineRef | null } {
  if (!b) {
    return {
      text: 'new unit: NoNewPrivileges= is not in force, so set-user-ID and file-capability programs can raise it to its bounding set',
      line: blame(null, head, ['NoNewPrivileges', ...BOUNDING_KEYS]) ?? firstCommand(head),
    }
  }
  if (b.noNewPrivileges !== null && h.noNewPrivileges === null) {
    switch (b.noNewPrivileges) {
      case 'setting':
        return { text: 'NoNewPrivileges= is no longer in force', line: blame(base, head, ['NoNewPrivileges']) ?? blame(base, head, IDENTITY_KEYS) }
      case 'dynamic-user':
        return { text: 'DynamicUser= (which sets NoNewPrivileges=) is gone', line: blame(base, head, ['DynamicUser', 'NoNewPrivileges']) }
      case 'seccomp':
        return {
          text: 'no setting forces NoNewPrivileges= any more (seccomp-based settings force it for a unit that is not root on this systemd)',
          line: blame(base, head, [...SECCOMP_KEYS, 'NoNewPrivileges', ...IDENTITY_KEYS]),
        }
    }
  }
  if (h.user.root && !b.user.root) return { text: 'the unit now runs as root', line: blame(base, head, IDENTITY_KEYS) }
  return { text: 'the bounding set grew', line: blame(base, head, BOUNDING_KEYS) }
}

/** Where a new unit's processes are defined, when no setting explains its privileges: its first command, else its file. */
function firstCommand(svc: LoadedService): LineRef {
  const a = svc.state.applied.find((x) => x.key.startsWith('Exec'))
  return a ? { file: a.file, line: a.line, removed: false, text: `${a.key}=${a.value}` } : { file: svc.fragmentPath, line: 1, removed: false, text: '' }
}

function commandCause(base: LoadedService | null, head: LoadedService, e: ElevatedCommand, matched: ElevatedCommand | null): { text: string; line: LineRef | null } {
  const own: LineRef = { file: e.command.source.file, line: e.command.source.line, removed: false, text: `${e.command.directive}=${e.command.source.value}` }
  if (!matched) {
    if (e.kind === 'permissions-start-only') {
      const pso = blame(base, head, ['PermissionsStartOnly'])
      if (pso) return { text: 'PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root', line: pso }
    }
    const text = e.kind === 'full-privileges'
      ? 'the + prefix runs the command with full privileges: no User=, no bounding set, no sandbox'
      : e.kind === 'root-credentials'
        ? 'the ! prefix skips User=/Group=: the command runs as root, within the bounding set'
        : 'PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root'
    return { text, line: own }
  }
  return { text: 'the bounding set its elevated command runs within grew', line: blame(base, head, BOUNDING_KEYS) ?? own }
}

/**
 * Which of the new privileges a waiver or the allow-list accepts. The acceptance that does not
 * come from the change itself is preferred — a waiver base already had, then the workflow's
 * allow-list, and only then a waiver this change adds — so `addedInChange` means that nothing
 * but the change's own waiver accepts the privilege.
 */
function accept(wanted: readonly string[], a: Acceptor): { accepted: Acceptance[]; unaccepted: string[] } {
  const accepted: Acceptance[] = []
  const unaccepted: string[] = []
  const covers = (list: readonly string[], name: string): boolean => list.includes('ALL') || (name !== ROOT && list.includes(name))
  const known = (w: Waiver): boolean => a.baseWaivers.some((b) => sameWaiver(b, w))
  const byWaiver = (w: Waiver, name: string, addedInChange: boolean): Acceptance => ({ privilege: name, by: 'waiver', reason: w.reason, file: w.file, line: w.line, addedInChange })
  for (const name of wanted) {
    const waivers = a.waivers.filter((w) => covers(w.capabilities, name))
    const old = waivers.find(known)
    if (old) {
      accepted.push(byWaiver(old, name, false))
      continue
    }
    const entry = a.allow.find((e) => covers([e.capability], name) && (e.unit === null || a.unitNames.includes(e.unit)))
    if (entry) {
      accepted.push({ privilege: name, by: 'allow-list', reason: `allowed by configuration (${entry.unit ? `${entry.unit}:` : ''}${entry.capability})`, addedInChange: false })
      continue
    }
    if (waivers.length > 0) {
      accepted.push(byWaiver(waivers[0]!, name, true))
      continue
    }
    unaccepted.push(name)
  }
  return { accepted, unaccepted }
}

/** The same waiver on both sides: same role of file, same capabilities and reason. */
function sameWaiver(x: Waiver, y: Waiver): boolean {
  return basename(x.file) === basename(y.file) && x.reason === y.reason && x.capabilities.join(' ') === y.capabilities.join(' ')
}

/** `CAP_A, CAP_B` for a few; a count for many. */
export function capList(caps: bigint): string {
  const list = names(caps)
  if (list.length === 0) return 'no capability'
  if (list.length <= 6) return list.join(', ')
  return capCount(caps)
}

function capCount(caps: bigint): string {
  const n = names(caps).length
  return caps === KNOWN_CAPS ? `all ${n} capabilities` : `${n} capabilities`
}

function privilegeList(caps: bigint, root: boolean): string {
  if (!root) return capList(caps)
  return caps === 0n ? 'uid 0' : `uid 0 and ${capList(caps)}`
}
