/**
 * The directives each phase would add to a unit: for every catalogue value, whether it is already
 * in effect (judged on the effective, patched service state, not on the text), deliberately set
 * otherwise by the unit, vetoed by the context, too new for the target systemd, or a candidate —
 * with the context's adjustments applied. Pure; the engine checks the result (recommend.ts).
 */
import { capabilitySetOf } from '../model/linux-names.js'
import type { ServiceState } from '../service/state.js'
import { parseBoolean } from '../service/words.js'
import { ambientCapabilities, capabilities } from './capabilities.js'
import { catalogueEntry, honouredByFleet, PHASES, type DirectiveEntry, type PhaseId, type Risk } from './catalogue.js'
import { checkOf } from './checks.js'
import {
  addressFamilies,
  ipAddressDeny,
  memoryDenyWriteExecute,
  noNewPrivileges,
  privateTmp,
  protectHome,
  systemCallFilter,
  type Adjustment,
  type UnitContext,
} from './context.js'
import { conventionalDirectories, protectSystem, writeDirectives } from './filesystem.js'
import { identity } from './identity.js'
import { assignmentsOf, scalarValue } from './unit-text.js'

export interface Candidate {
  readonly entry: DirectiveEntry
  readonly directive: string
  readonly value: string
  readonly risk: Risk
  readonly reason: string
  /** Holds on the predicted state when the line took effect (a later drop-in may override it). */
  readonly takesEffect?: (s: ServiceState) => boolean
  /** The suggestion this one only makes sense with (a write location goes with ProtectSystem=strict). */
  readonly companionOf?: Candidate
  /**
   * Set when its safety depends on what the unit does not show: the question to answer first. The
   * line is written commented out and no predicted score counts it.
   */
  readonly question?: string
  /** For a deferred line: what the unit shows (or does not) that makes it depend on the answer. */
  readonly because?: string
}

export interface Skipped {
  readonly directive: string
  readonly value?: string
  readonly reason: string
}

export interface PhaseCandidates {
  readonly phase: PhaseId
  readonly candidates: Candidate[]
}

export interface Plan {
  readonly phases: readonly PhaseCandidates[]
  readonly skipped: readonly Skipped[]
  /** Directives the catalogue would suggest that are already in effect. */
  readonly inEffect: readonly string[]
}

/** The evidence of a suggestion nothing in the context adjusted: what was looked for and not found. */
export const defaultReason = (directive: string): string => `the unit shows no ${checkOf(directive).looked}`

type BoolKey = {
  [K in keyof ServiceState]: ServiceState[K] extends boolean ? K : never
}[keyof ServiceState]

/** Builds the phases in rollout order; each phase only with what the unit lacks. */
export function planPhases(c: UnitContext): Plan {
  const s = c.service.state
  const skipped: Skipped[] = []
  const inEffect: string[] = []
  const phases = new Map<PhaseId, Candidate[]>(PHASES.map((p) => [p.id, []]))

  const skip = (directive: string, reason: string, value?: string): void => {
    if (!skipped.some((x) => x.directive === directive))
      skipped.push(value === undefined ? { directive, reason } : { directive, value, reason })
  }
  /** Offers `entryId` unless vetoed, in effect, set otherwise on purpose, or too new; returns the candidate. */
  const offer = (
    entryId: string,
    o: {
      inEffect: boolean
      deliberate?: string | null
      adjust?: Adjustment
      takesEffect?: (st: ServiceState) => boolean
      value?: string
      deferredBecause?: string
    },
  ): Candidate | null => {
    const entry = catalogueEntry(entryId)
    const veto = c.vetoes.get(entry.directive)
    if (o.inEffect) {
      if (!inEffect.includes(entry.directive)) inEffect.push(entry.directive)
      return null
    }
    if (veto) {
      skip(entry.directive, veto)
      return null
    }
    if (o.deliberate) {
      skip(entry.directive, o.deliberate)
      return null
    }
    if (!honouredByFleet(entry, c.fleet)) {
      const oldest = c.fleet.versions.length > 1 ? ` (the range ${c.fleet.text} starts at ${c.fleet.oldest})` : ''
      skip(
        entry.directive,
        `${entry.id} needs systemd ${c.fleet.versions.length > 1 ? entry.since : entry.minVersion} or newer${oldest}`,
        entry.value,
      )
      return null
    }
    const candidate: Candidate = {
      entry,
      directive: entry.directive,
      value: o.value ?? o.adjust?.value ?? entry.value,
      risk: o.adjust?.risk ?? entry.risk,
      reason: o.adjust?.reason ?? defaultReason(entry.directive),
      ...(o.takesEffect ? { takesEffect: o.takesEffect } : {}),
    }
    const because = c.deferrals.get(entry.directive) ?? o.deferredBecause
    if (because !== undefined) Object.assign(candidate, { question: checkOf(entry.directive).asks, because })
    phases.get(entry.phase)!.push(candidate)
    return candidate
  }
  const attach = (id: string, value: string, reason: string, risk: Risk, to: Candidate): void => {
    const entry = catalogueEntry(id)
    phases.get(entry.phase)!.push({
      entry,
      directive: entry.directive,
      value,
      risk,
      reason,
      companionOf: to,
      ...(to.question === undefined ? {} : { question: to.question, because: to.because }),
    })
  }
  /** A boolean directive: in effect when the state says so; deliberate when the unit turns it off. */
  const bool = (directive: string, key: BoolKey, adjust?: Adjustment): Candidate | null =>
    offer(`${directive}=yes`, {
      inEffect: s[key],
      deliberate: turnedOff(c, directive),
      takesEffect: (st) => st[key],
      ...(adjust ? { adjust } : {}),
    })
  const keyword = (directive: string, key: 'protectControlGroups' | 'protectHostname'): Candidate | null =>
    offer(`${directive}=yes`, {
      inEffect: s[key] !== 'no',
      deliberate: turnedOff(c, directive),
      takesEffect: (st) => st[key] !== 'no',
    })

  // Phase 1: the low-risk trio.
  bool('NoNewPrivileges', 'noNewPrivileges', noNewPrivileges(c))
  const tmp = privateTmp(c)
  const tmpCandidate = offer(`PrivateTmp=${tmp.value}`, {
    inEffect: s.privateTmp !== 'no',
    deliberate: turnedOff(c, 'PrivateTmp'),
    adjust: tmp,
    takesEffect: (st) => st.privateTmp !== 'no',
  })
  const tmpOffered = tmpCandidate !== null && tmpCandidate.question === undefined
  const home = protectHome(c)
  offer(`ProtectHome=${home.value}`, {
    // A read-only/tmpfs value the unit chose is deliberate; the one DynamicUser= implies is not.
    inEffect: s.protectHome === 'yes' || s.protectHome === home.value,
    deliberate:
      s.protectHome !== 'no' && isExplicit(c, 'ProtectHome')
        ? `the unit sets ProtectHome=${s.protectHome} on purpose`
        : turnedOff(c, 'ProtectHome'),
    adjust: home,
    takesEffect: (st) => st.protectHome === home.value,
  })

  // Phase 2: kernel surface.
  bool('ProtectKernelTunables', 'protectKernelTunables')
  // Capabilities these lines take away are not "kept" by the bounding set below.
  const removed = new Map<string, string>()
  const removes = (cand: Candidate | null, inEffect: boolean, caps: readonly string[]): void => {
    if (inEffect || (cand !== null && cand.question === undefined))
      for (const k of caps) removed.set(k, cand ? `${cand.directive}=${cand.value}` : 'a setting in effect')
  }
  removes(bool('ProtectKernelModules', 'protectKernelModules'), s.protectKernelModules, ['CAP_SYS_MODULE'])
  removes(bool('ProtectKernelLogs', 'protectKernelLogs'), s.protectKernelLogs, ['CAP_SYSLOG'])
  keyword('ProtectControlGroups', 'protectControlGroups')
  removes(bool('ProtectClock', 'protectClock'), s.protectClock, ['CAP_SYS_TIME', 'CAP_WAKE_ALARM'])
  keyword('ProtectHostname', 'protectHostname')
  bool('RestrictSUIDSGID', 'restrictSuidSgid')
  bool('RestrictRealtime', 'restrictRealtime')
  bool('LockPersonality', 'lockPersonality')
  offer('SystemCallArchitectures=native', {
    inEffect: s.syscallArchitectures.size === 1 && s.syscallArchitectures.has('native'),
    deliberate:
      s.syscallArchitectures.size > 0
        ? `the unit sets SystemCallArchitectures=${[...s.syscallArchitectures].join(' ')} itself`
        : null,
    takesEffect: (st) => st.syscallArchitectures.size === 1 && st.syscallArchitectures.has('native'),
  })

  // Phase 3: filesystem. Identity is decided first: it picks the form of the write locations.
  const ps = c.vetoes.has('ProtectSystem') ? null : protectSystem(c)
  const strictDeferred = ps?.kind === 'set' && (ps.deferredBecause !== undefined || c.deferrals.has('ProtectSystem'))
  const strictAfter =
    s.protectSystem === 'strict' ||
    (ps?.kind === 'set' && ps.value === 'strict' && !strictDeferred && !turnedOff(c, 'ProtectSystem'))
  const planned = identity(c, strictAfter)
  const identityVeto =
    planned.kind === 'static'
      ? c.vetoes.get('User')
      : planned.kind === 'dynamic'
        ? c.vetoes.get('DynamicUser')
        : undefined
  const who = identityVeto
    ? { kind: 'skip' as const, directive: planned.kind === 'static' ? 'User' : 'DynamicUser', reason: identityVeto }
    : planned
  const nonRootAfter = !c.runsAsRoot || who.kind === 'static' || who.kind === 'dynamic'
  if (ps === null || ps.kind === 'skip') {
    if (ps?.kind === 'skip') skip('ProtectSystem', ps.reason, 'strict')
    else offer('ProtectSystem=strict', { inEffect: s.protectSystem === 'strict' })
  } else if (ps.kind === 'in-effect') inEffect.push('ProtectSystem')
  else {
    // While strict waits for an answer, full already protects /usr, /boot and /etc.
    if (
      ps.deferredBecause !== undefined &&
      (s.protectSystem === 'no' || s.protectSystem === 'yes') &&
      !c.deferrals.has('ProtectSystem')
    ) {
      offer('ProtectSystem=full', {
        inEffect: false,
        deliberate: turnedOff(c, 'ProtectSystem'),
        adjust: {
          value: 'full',
          risk: 'medium',
          reason:
            'only /usr, /boot, /efi and /etc become read-only, and nothing in the unit writes there; strict waits for the question below',
        },
        takesEffect: (st) => st.protectSystem === 'full' || st.protectSystem === 'strict',
      })
    }
    const strict = offer(`ProtectSystem=${ps.value}`, {
      inEffect: false,
      deliberate: turnedOff(c, 'ProtectSystem'),
      adjust: { value: ps.value, risk: ps.risk, reason: ps.reason },
      takesEffect: (st) => st.protectSystem === ps.value || st.protectSystem === 'strict',
      ...(ps.deferredBecause === undefined ? {} : { deferredBecause: ps.deferredBecause }),
    })
    if (strict && ps.value === 'strict') {
      const tmpAfter = s.privateTmp !== 'no' || tmpOffered || who.kind === 'dynamic'
      for (const w of writeDirectives(c, nonRootAfter, tmpAfter)) {
        const id =
          w.directive === 'ReadWritePaths'
            ? 'ReadWritePaths=-<path>'
            : w.directive === 'RuntimeDirectoryPreserve'
              ? 'RuntimeDirectoryPreserve=yes'
              : `${w.directive}=<name>`
        attach(id, w.value, w.reason, ps.risk, strict)
      }
      const usual = strict.question === undefined ? [] : conventionalDirectories(c)
      if (usual.length > 0) {
        attach(
          'ReadWritePaths=-<path>',
          usual.map((p) => `-${p}`).join(' '),
          'the data, cache and log directories a daemon of this name conventionally uses; keep the ones it writes',
          ps.risk,
          strict,
        )
      }
    }
  }
  removes(bool('PrivateDevices', 'privateDevices'), s.privateDevices, ['CAP_MKNOD', 'CAP_SYS_RAWIO'])
  offer('PrivateMounts=yes', {
    inEffect: s.privateMounts !== false,
    deliberate: turnedOff(c, 'PrivateMounts'),
    takesEffect: (st) => st.privateMounts !== false,
  })

  // Phase 4: identity.
  let ambientAfter = s.ambientCapabilities
  if (who.kind === 'skip') skip(who.directive, who.reason)
  else if (who.kind === 'static' || who.kind === 'dynamic') {
    const offered =
      who.kind === 'static'
        ? offer('User=<name>', {
            inEffect: false,
            value: who.user,
            adjust: { value: who.user, reason: who.reason },
            takesEffect: (st) => st.user === who.user,
          })
        : offer('DynamicUser=yes', {
            inEffect: false,
            adjust: { value: 'yes', reason: who.reason },
            takesEffect: (st) => st.dynamicUser,
          })
    const ambient = offered ? ambientCapabilities(c) : null
    if (offered && ambient) {
      ambientAfter |= capabilitySetOf(ambient.names)
      attach('AmbientCapabilities=<capabilities>', ambient.names.join(' '), ambient.reason, 'medium', offered)
    }
  }
  if (nonRootAfter && who.kind !== 'dynamic' && s.user !== 'nobody')
    bool('RemoveIPC', 'removeIpc', {
      value: 'yes',
      reason: "the service user's leftover IPC objects are removed when it stops",
    })
  else if (!nonRootAfter) skip('RemoveIPC', 'applies to non-root services only')
  if (nonRootAfter) {
    offer('ProtectProc=invisible', {
      inEffect: s.protectProc !== 'default',
      adjust: { value: 'invisible', reason: "a non-root service does not see other users' processes" },
      takesEffect: (st) => st.protectProc === 'invisible',
    })
  } else if (s.protectProc === 'default' && !c.vetoes.has('ProtectProc'))
    skip('ProtectProc', 'root bypasses it, so it would change the score but not the protection')

  // Phase 5: capabilities and system calls.
  const caps = capabilities(c, nonRootAfter, ambientAfter, new Set(removed.keys()))
  if (caps.kind === 'in-effect') inEffect.push('CapabilityBoundingSet')
  else if (caps.kind === 'skip') {
    if (!c.vetoes.has('CapabilityBoundingSet')) skip('CapabilityBoundingSet', caps.reason)
  } else {
    const id =
      caps.value === ''
        ? 'CapabilityBoundingSet='
        : caps.deny
          ? 'CapabilityBoundingSet=~<capabilities>'
          : 'CapabilityBoundingSet=<capabilities>'
    offer(id, {
      inEffect: false,
      value: caps.value,
      adjust: { value: caps.value, risk: caps.risk, reason: caps.reason },
      takesEffect: (st) =>
        caps.deny ? (st.capabilityBoundingSet & caps.caps) === 0n : (st.capabilityBoundingSet & ~caps.caps) === 0n,
    })
  }
  offer('RestrictNamespaces=yes', {
    inEffect: s.restrictNamespaces === 0,
    deliberate: s.restrictNamespaces !== null ? 'the unit allows some namespaces on purpose' : null,
    takesEffect: (st) => st.restrictNamespaces === 0,
  })
  const filter = systemCallFilter(c)
  const filterOffered = offer('SystemCallFilter=@system-service', {
    inEffect: s.syscallFilter?.allowList === true,
    deliberate:
      s.syscallFilter !== null
        ? 'the unit has its own system-call deny-list; turning it into an allow-list is a change to make by hand'
        : null,
    value: filter.value,
    adjust: filter,
    takesEffect: (st) => st.syscallFilter?.allowList === true,
  })
  if (filterOffered && scalarValue(c.service, 'Service', 'SystemCallErrorNumber') === null) {
    attach(
      'SystemCallErrorNumber=EPERM',
      'EPERM',
      'a call outside the filter fails with EPERM instead of killing the service',
      'low',
      filterOffered,
    )
  }
  bool('MemoryDenyWriteExecute', 'memoryDenyWriteExecute', memoryDenyWriteExecute(c))

  // Phase 6: network.
  const families = addressFamilies(c)
  offer('RestrictAddressFamilies=<families>', {
    inEffect: false,
    deliberate:
      s.addressFamilies !== null || s.addressFamiliesAllowList ? 'the unit restricts socket families itself' : null,
    value: families.value,
    adjust: families,
    takesEffect: (st) => st.addressFamiliesAllowList && st.addressFamilies !== null,
    // Without Internet sockets in the list, a service the unit merely does not show on the network would lose it.
    ...(c.network ? {} : { deferredBecause: 'nothing in the unit shows whether it uses Internet sockets' }),
  })
  // Which peers a service talks to (DNS, updates, clients) is never in the unit: the IP filter waits for the answer.
  const deny = offer('IPAddressDeny=any', {
    inEffect: false,
    deliberate:
      s.ipAddressDeny.length > 0 || s.ipIngressFilterPaths + s.ipEgressFilterPaths > 0
        ? 'the unit filters IP traffic itself'
        : null,
    adjust: ipAddressDeny(c),
    takesEffect: (st) =>
      st.ipAddressDeny.some((p) => p.family === 4 && p.prefixLength === 0) &&
      st.ipAddressDeny.some((p) => p.family === 6 && p.prefixLength === 0),
    deferredBecause: c.loopbackOnly ?? 'the unit does not show which IP peers it talks to',
  })
  if (deny && s.ipAddressAllow.length === 0) {
    attach(
      'IPAddressAllow=localhost',
      'localhost',
      'keeps loopback traffic: local clients and its own local services',
      'medium',
      deny,
    )
  }

  return {
    phases: PHASES.map((p) => ({ phase: p.id, candidates: phases.get(p.id)! })).filter((p) => p.candidates.length > 0),
    skipped,
    inEffect,
  }
}

/** The last assignment of a directive in the unit's own files, if it parses as "off". */
function turnedOff(c: UnitContext, directive: string): string | null {
  const all = assignmentsOf(c.service, 'Service', directive)
  const last = all[all.length - 1]
  if (last === undefined || parseBoolean(last.value) !== false) return null
  return `the unit sets ${directive}=${last.value} on purpose`
}

function isExplicit(c: UnitContext, directive: string): boolean {
  return assignmentsOf(c.service, 'Service', directive).length > 0
}
