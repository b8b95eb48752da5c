/**
 * Context decisions: from what the unit tells (facts.ts), which directives not to suggest and how
 * to adjust the others — the heuristics docs/directives.md describes. Every skip and every
 * adjustment carries its reason, built from the evidence: "chronyd is a time daemon: it must be
 * able to set the clock". The larger plans live beside it: filesystem.ts (ProtectSystem= and
 * write locations), identity.ts (User=/DynamicUser=), capabilities.ts (the bounding set). Pure.
 */
import { capabilityBit } from '../model/linux-names.js'
import { singleVersionTarget, VERSION_TRAITS, type SystemdTarget, type SystemdVersion } from '../model/versions.js'
import type { LoadedService } from '../service/load.js'
import { MOUNT_NAMESPACE_DIRECTIVES } from '../service/mount-namespace.js'
import { CATALOGUE, catalogueEntry, honouredByFleet, type Risk } from './catalogue.js'
import { readFacts, type UnitFacts } from './facts.js'
import { TMP_DEFAULTS, type Category } from './programs.js'
import type { SocketUnit } from './sockets.js'
import { isSet, listValue, scalarValue } from './unit-text.js'

export interface UnitContext extends UnitFacts {
  readonly version: SystemdVersion
  /** The systemd releases the advice must work on (the fleet's range; `version` alone by default). */
  readonly fleet: SystemdTarget
  /** Directive name → why it is not suggested for this unit. */
  readonly vetoes: ReadonlyMap<string, string>
  /**
   * Directive name → why its safety depends on what the unit does not show: it is written
   * commented out under its question (checks.ts).
   */
  readonly deferrals: ReadonlyMap<string, string>
}

export function readContext(
  service: LoadedService,
  version: SystemdVersion,
  sockets: readonly SocketUnit[] = [],
  fleet: SystemdTarget = singleVersionTarget(version),
  comments: readonly string[] = [],
): UnitContext {
  const facts = readFacts(service, sockets, comments)
  const vetoes = new Map<string, string>()
  // Only the releases that refuse such a working directory make it a reason (issue 2, item 15).
  const refusing = fleet.versions.filter((v) => VERSION_TRAITS[v].refusesApiWorkingDirectory)
  const wd = scalarValue(service, 'Service', 'WorkingDirectory')
  if (refusing.length > 0 && wd !== null && /^-?\/(proc|sys|dev)(\/|$)/.test(wd)) {
    for (const d of MOUNT_NAMESPACE_DIRECTIVES) {
      vetoes.set(
        d,
        `WorkingDirectory=${wd}: systemd ${refusing.join(', ')} refuses to start a service whose working directory is below /proc, /sys or /dev once it has a mount namespace`,
      )
    }
  }
  for (const rule of RULES) {
    const evidence = rule.when(facts)
    if (evidence === null) continue
    for (const d of rule.directives === 'all' ? ALL_DIRECTIVES : rule.directives) {
      if (!vetoes.has(d)) vetoes.set(d, `${evidence}: ${rule.because}`)
    }
  }
  const deferrals = new Map<string, string>()
  for (const rule of DEFER_RULES) {
    const evidence = rule.when(facts)
    if (evidence === null) continue
    for (const d of rule.directives) {
      if (!deferrals.has(d)) deferrals.set(d, `${evidence}, ${rule.because}`)
    }
  }
  return { ...facts, version, fleet, vetoes, deferrals }
}

/** Categories whose services run arbitrary workloads or manage the OS: report only (§8). */
const REPORT_ONLY: readonly Category[] = ['container', 'ci-runner', 'system-manager', 'session', 'scheduler']

/** Categories whose services need root privileges a dynamic or static user does not have. */
export const NEEDS_ROOT: readonly Category[] = [
  'network-manager',
  'tun',
  'packet',
  'time',
  'device',
  'audio',
  'realtime',
  'log-collector',
  'monitoring',
  'backup',
  'mounter',
  'kernel-tuner',
  'modules',
  'home-data',
  'etc-writer',
  'installer',
  'ipc-shared',
  'setuid-helper',
  'chroot',
  'namespaces',
  'mail-sender',
]

const ALL_DIRECTIVES = [...new Set(CATALOGUE.map((e) => e.directive))]

interface Rule {
  readonly directives: readonly string[] | 'all'
  /** Evidence that the rule applies, or null. */
  readonly when: (f: UnitFacts) => string | null
  readonly because: string
}

export const category =
  (...cats: Category[]) =>
  (f: UnitFacts): string | null => {
    for (const c of cats) {
      const e = f.categories.get(c)
      if (e) return e
    }
    return null
  }

const program =
  (names: readonly string[], what: string) =>
  (f: UnitFacts): string | null => {
    const p = f.programs.find((n) => names.includes(n))
    return p === undefined ? null : `the unit runs ${p}, ${what}`
  }

const mentions =
  (pick: (f: UnitFacts) => readonly string[], what: string) =>
  (f: UnitFacts): string | null => {
    const p = pick(f)[0]
    return p === undefined ? null : `the unit mentions ${p}${what}`
  }

const setting =
  (key: string, test: (v: string) => boolean, section = 'Service') =>
  (f: UnitFacts): string | null => {
    const v = scalarValue(f.service, section, key)
    return v !== null && test(v) ? `${key}=${v}` : null
  }

const RULES: readonly Rule[] = [
  {
    directives: 'all',
    when: category(...REPORT_ONLY),
    because: 'every restriction applies to everything it starts, so its hardening needs a review by hand',
  },
  {
    directives: MOUNT_NAMESPACE_DIRECTIVES,
    when: category('mounter'),
    because: 'any mount namespace would cut the propagation of its mounts to the host',
  },
  {
    directives: ['MemoryDenyWriteExecute'],
    when: (f) => (f.runtime.kind === 'jit' ? f.runtime.evidence : null),
    because: 'JIT compilers need writable and executable memory',
  },
  {
    directives: ['MemoryDenyWriteExecute'],
    when: (f) => (f.runtime.kind === 'shell' ? f.runtime.evidence : null),
    because: 'the real runtime behind a script is unknown, and the restriction is inherited by everything it starts',
  },
  {
    directives: ['NoNewPrivileges'],
    when: category('setuid-helper'),
    because: 'NoNewPrivileges= would stop setuid/setgid helpers from gaining their privileges',
  },
  {
    directives: ['PrivateTmp'],
    when: (f) => (f.service.state.defaultDependencies ? null : 'DefaultDependencies=no'),
    because: 'an early-boot service would be ordered after the /tmp mounts, which can create ordering cycles',
  },
  {
    directives: ['PrivateTmp'],
    when: (f) => {
      const p = scalarValue(f.service, 'Service', 'PIDFile')
      return p && /^\/(var\/)?tmp\//.test(p) ? `PIDFile=${p}` : null
    },
    because: 'PID 1 reads the PID file outside the private /tmp',
  },
  {
    directives: ['PrivateTmp'],
    when: category('shares-tmp'),
    because: 'a private /tmp would hide those files from the other side',
  },
  {
    directives: ['PrivateTmp'],
    when: (f) => (isSet(f.service, 'Unit', 'JoinsNamespaceOf') ? 'JoinsNamespaceOf= is set' : null),
    because: 'the unit shares its namespaces with another unit on purpose',
  },
  {
    directives: ['ProtectHome'],
    when: category('home-data'),
    because: 'ProtectHome= would hide the home directories it works on',
  },
  {
    directives: ['ProtectKernelTunables'],
    when: category('network-manager', 'tun', 'kernel-tuner'),
    because: 'ProtectKernelTunables= would make /proc/sys and /sys read-only for it',
  },
  {
    directives: ['ProtectKernelTunables'],
    when: mentions((f) => f.kernelPaths, ''),
    because: 'ProtectKernelTunables= would make it read-only',
  },
  { directives: ['ProtectKernelModules'], when: category('modules'), because: 'ProtectKernelModules= would stop that' },
  {
    directives: ['ProtectKernelLogs'],
    when: category('log-collector'),
    because: 'ProtectKernelLogs= would cut it off from the kernel log',
  },
  {
    directives: ['ProtectKernelLogs'],
    when: mentions((f) => f.devicePaths.filter((p) => p === '/dev/kmsg'), ''),
    because: 'ProtectKernelLogs= would hide it',
  },
  {
    directives: ['ProtectClock'],
    when: category('time'),
    because: 'it must be able to set the clock (it keeps CAP_SYS_TIME and @clock)',
  },
  {
    directives: ['ProtectClock'],
    when: category('monitoring'),
    because: 'monitoring agents read clock state through adjtimex(), which ProtectClock= blocks',
  },
  {
    directives: ['ProtectHostname'],
    when: category('hostname'),
    because: 'it sets or follows the hostname, which a private UTS namespace hides',
  },
  {
    directives: ['RestrictSUIDSGID'],
    when: category('installer', 'backup'),
    because: 'setuid/setgid bits of the files it installs or restores must survive',
  },
  {
    directives: ['RestrictRealtime'],
    when: category('audio', 'realtime', 'time'),
    because: 'it may need realtime scheduling',
  },
  {
    directives: ['RestrictRealtime'],
    when: setting('CPUSchedulingPolicy', (v) => v === 'fifo' || v === 'rr'),
    because: 'the unit asks for realtime scheduling',
  },
  {
    directives: ['LockPersonality'],
    when: program(
      ['wine', 'wine64', 'setarch', 'linux32', 'linux64', 'box86', 'box64'],
      'which switches execution domains',
    ),
    because: 'LockPersonality= forbids that',
  },
  {
    directives: ['SystemCallArchitectures', 'LockPersonality'],
    when: mentions((f) => f.programs.filter((p) => /i[3-6]86|lib32|wine|steam|srcds/.test(p)), ' (a 32-bit program)'),
    because: '32-bit binaries need the secondary ABI',
  },
  {
    directives: ['ProtectSystem'],
    when: category('etc-writer', 'installer', 'network-manager'),
    because: 'ProtectSystem= would make the OS directories it writes read-only',
  },
  {
    directives: ['PrivateDevices'],
    when: category('device', 'audio', 'tun'),
    because: 'it needs device nodes (use DevicePolicy=closed with an explicit DeviceAllow= list instead)',
  },
  {
    directives: ['PrivateDevices'],
    when: mentions((f) => f.devicePaths, ''),
    because: 'PrivateDevices= would hide that device',
  },
  {
    directives: ['PrivateDevices'],
    when: (f) => (listValue(f.service, 'Service', 'DeviceAllow').length > 0 ? 'DeviceAllow= lists devices' : null),
    because: 'the unit has its own device allow-list',
  },
  {
    directives: ['PrivateDevices'],
    when: (f) => {
      const g = f.service.state.supplementaryGroups.find((x) => DEVICE_GROUPS.has(x))
      return g ? `SupplementaryGroups=${g}` : null
    },
    because: 'device group membership means it uses device nodes',
  },
  {
    directives: ['RemoveIPC'],
    when: category('ipc-shared'),
    because: 'sibling processes of the same user share IPC objects with it',
  },
  {
    directives: ['RemoveIPC'],
    when: (f) =>
      f.service.state.user !== null && SHARED_IPC_USERS.has(f.service.state.user)
        ? `User=${f.service.state.user}`
        : null,
    because: 'other units of that account share IPC objects, which would be removed when this one stops',
  },
  { directives: ['ProtectProc'], when: category('monitoring'), because: "it needs to see other users' processes" },
  {
    directives: ['RestrictNamespaces'],
    when: category('browser', 'namespaces'),
    because: 'it creates namespaces for its own sandbox or for network setup',
  },
  {
    directives: ['RestrictAddressFamilies'],
    when: category('network-manager', 'tun'),
    because: 'it needs socket families (netlink, packet, bluetooth, …) the unit does not enumerate',
  },
  {
    directives: ['IPAddressDeny'],
    when: (f) => (f.loopbackOnly ? null : f.network),
    because: 'it uses the network, so denying all IP traffic would cut it off',
  },
]

/** Everything a started workload inherits from the service that starts it. */
const INHERITED = [
  'NoNewPrivileges',
  'PrivateTmp',
  'ProtectHome',
  'ProtectKernelTunables',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'ProtectControlGroups',
  'ProtectClock',
  'ProtectHostname',
  'RestrictSUIDSGID',
  'RestrictRealtime',
  'LockPersonality',
  'SystemCallArchitectures',
  'ProtectSystem',
  'PrivateDevices',
  'PrivateMounts',
  'CapabilityBoundingSet',
  'RestrictNamespaces',
  'SystemCallFilter',
  'MemoryDenyWriteExecute',
  'RestrictAddressFamilies',
  'ProtectProc',
  'RemoveIPC',
]

export interface DeferRule {
  /** The signal in prose, for docs/directives.md. */
  readonly signal: string
  readonly directives: readonly string[]
  /** Evidence that the unit cannot vouch for these directives, or null. */
  readonly when: (f: UnitFacts) => string | null
  /** Why that evidence makes the directive depend on what the unit does not show. */
  readonly because: string
}

/**
 * Classes of services whose breakage by a directive depends on their configuration or their
 * workloads (docs/directives.md): the directive is written commented out with the
 * question, never as an active line.
 */
export const DEFER_RULES: readonly DeferRule[] = [
  {
    signal: 'a workload launcher (program list below)',
    directives: INHERITED,
    when: category('workload-launcher'),
    because: 'and every job, build or session it starts inherits these settings',
  },
  {
    signal: '`KillMode=process`',
    directives: INHERITED,
    when: setting('KillMode', (v) => v === 'process'),
    because:
      'so the processes it starts outlive it, as workloads, scripts and plugins do, and they inherit these settings',
  },
  {
    signal: 'a comment in the unit that speaks of plugins, jobs, workloads or sudo',
    directives: [
      'NoNewPrivileges',
      'MemoryDenyWriteExecute',
      'SystemCallFilter',
      'ProtectHome',
      'RestrictNamespaces',
      'CapabilityBoundingSet',
      'PrivateDevices',
      'ProtectSystem',
    ],
    when: (f) => f.launchComment,
    because: 'and what it starts inherits these settings',
  },
  {
    signal: 'a monitoring agent that runs plugins (program list below)',
    directives: [
      'NoNewPrivileges',
      'PrivateDevices',
      'SystemCallFilter',
      'CapabilityBoundingSet',
      'MemoryDenyWriteExecute',
      'ProtectSystem',
      'ProtectHome',
      'RestrictNamespaces',
      'ProtectKernelTunables',
      'RestrictAddressFamilies',
    ],
    when: category('plugin-host'),
    because: 'and its plugins inherit these settings',
  },
  {
    signal: 'a program whose default configuration keeps data or a socket in /tmp (list below)',
    directives: ['PrivateTmp'],
    when: (f) => {
      const p = f.programs.find((n) => TMP_DEFAULTS[n] !== undefined)
      return p === undefined
        ? null
        : `the unit runs ${p}, whose default configuration keeps ${TMP_DEFAULTS[p]!} in /tmp`
    },
    because: 'which a private /tmp loses at every restart or hides from its clients',
  },
  {
    signal: 'any monitoring agent',
    directives: ['SystemCallFilter', 'PrivateDevices'],
    when: category('monitoring'),
    because: 'and collectors may use perf_event_open (@debug), bpf (@privileged) or devices such as /dev/ipmi0',
  },
]

/** Accounts of databases whose servers keep shared memory that helper units run under too. */
const SHARED_IPC_USERS = new Set(['postgres', 'mysql', 'oracle', 'sybase', 'db2inst1', 'mongodb'])

const DEVICE_GROUPS = new Set([
  'video',
  'render',
  'dialout',
  'kvm',
  'disk',
  'input',
  'audio',
  'lp',
  'cdrom',
  'tty',
  'plugdev',
  'i2c',
  'gpio',
  'spi',
])

export interface Adjustment<T extends string = string> {
  readonly value: T
  readonly risk?: Risk
  readonly reason?: string
}

/** PrivateTmp=disconnected where every release of the fleet honours it (a fresh tmpfs); a warning when /tmp paths appear. */
export function privateTmp(c: UnitContext): Adjustment<'yes' | 'disconnected'> {
  // The catalogue alone decides which releases honour the value (issue 2, item 16).
  const value = honouredByFleet(catalogueEntry('PrivateTmp=disconnected'), c.fleet) ? 'disconnected' : 'yes'
  const tmp = c.tmpPaths[0]
  if (tmp !== undefined) {
    return {
      value,
      risk: 'high',
      reason: `the unit mentions ${tmp}: if another program reads or writes it, the private /tmp hides it from them`,
    }
  }
  return value === 'disconnected'
    ? {
        value,
        reason: `systemd ${c.fleet.text} honours it: a fresh tmpfs, without the ordering on the host's /tmp and /var/tmp mounts`,
      }
    : { value }
}

export function protectHome(c: UnitContext): Adjustment<'yes' | 'read-only'> {
  const home = c.homePaths[0]
  if (home !== undefined)
    return {
      value: 'read-only',
      risk: 'medium',
      reason: `the unit mentions ${home}, so home directories stay readable`,
    }
  const backup = c.categories.get('backup')
  if (backup) return { value: 'read-only', risk: 'medium', reason: `${backup}: it must read home directories` }
  const monitor = c.categories.get('monitoring')
  if (monitor)
    return {
      value: 'read-only',
      risk: 'medium',
      reason: `${monitor}: it looks at every mount, /home included (statfs()), which ProtectHome=yes would hide`,
    }
  return { value: 'yes' }
}

export function noNewPrivileges(c: UnitContext): Adjustment<'yes'> {
  const mail = c.categories.get('mail-sender')
  if (mail)
    return {
      value: 'yes',
      risk: 'medium',
      reason: `${mail}: if it mails alerts through sendmail, the setgid postdrop helper stops working`,
    }
  if (c.runtime.kind === 'shell')
    return {
      value: 'yes',
      risk: 'medium',
      reason: `${c.runtime.evidence}: check that it calls no setuid helper (sudo, su, ping, sendmail)`,
    }
  return { value: 'yes' }
}

export function memoryDenyWriteExecute(c: UnitContext): Adjustment<'yes'> {
  if (c.runtime.kind === 'interpreter') {
    return {
      value: 'yes',
      risk: 'high',
      reason: `${c.runtime.evidence}: native extensions (ctypes/cffi callbacks, JIT libraries) may need writable executable memory`,
    }
  }
  return { value: 'yes', reason: `${c.runtime.evidence}; the restriction is inherited by every child process` }
}

/** `@system-service` plus what the service evidently needs beyond it. */
export function systemCallFilter(c: UnitContext): Adjustment {
  const extras: string[] = []
  const why: string[] = []
  const add = (entry: string, evidence: string | null | undefined): void => {
    if (!evidence || extras.includes(entry)) return
    extras.push(entry)
    why.push(`${entry} because ${evidence}`)
  }
  add('@clock', c.categories.get('time'))
  add('chroot', c.categories.get('chroot'))
  const chrootCap = capabilityBit('CAP_SYS_CHROOT')!
  if (
    isSet(c.service, 'Service', 'CapabilityBoundingSet') &&
    (c.service.state.capabilityBoundingSet & chrootCap) !== 0n
  ) {
    add('chroot', 'the unit keeps CAP_SYS_CHROOT in its own bounding set, so its configuration may chroot')
  }
  add('@mount', c.categories.get('mounter'))
  add('@module', c.categories.get('modules'))
  const names = (list: readonly string[]): string | undefined => {
    const p = c.programs.find((n) => list.includes(n))
    return p === undefined ? undefined : `the unit runs ${p}`
  }
  add('@swap', names(['swapon', 'swapoff', 'mkswap', 'zramswap']))
  add('@debug', names(['gdb', 'strace', 'ltrace', 'perf']))
  add('@reboot', names(['reboot', 'shutdown', 'poweroff', 'kexec']))
  const value = ['@system-service', ...extras].join(' ')
  return why.length > 0 ? { value, reason: `adds ${why.join('; ')}` } : { value }
}

const EXTRA_FAMILIES: Readonly<Record<string, string>> = {
  bluetoothd: 'AF_BLUETOOTH',
  iwd: 'AF_ALG',
  cryptsetup: 'AF_ALG',
  vmtoolsd: 'AF_VSOCK',
  'qemu-ga': 'AF_VSOCK',
}

export function addressFamilies(c: UnitContext): Adjustment {
  const families = ['AF_UNIX', 'AF_NETLINK']
  if (c.network) families.push('AF_INET', 'AF_INET6')
  const packet = c.categories.get('packet')
  if (packet) families.push('AF_PACKET')
  for (const p of c.programs) {
    const extra = EXTRA_FAMILIES[p]
    if (extra && !families.includes(extra)) families.push(extra)
  }
  const value = families.join(' ')
  if (!c.network) {
    return {
      value,
      risk: 'high',
      reason: 'nothing in the unit suggests Internet use; add AF_INET AF_INET6 if it connects anywhere',
    }
  }
  const parts = [`Internet sockets because ${c.network}`, 'AF_NETLINK for interface lookups (getifaddrs())']
  if (packet) parts.push(`AF_PACKET because ${packet}`)
  return { value, reason: parts.join('; ') }
}

export function ipAddressDeny(c: UnitContext): Adjustment {
  if (c.loopbackOnly) return { value: 'any', reason: `${c.loopbackOnly}, and no other address` }
  return { value: 'any', reason: 'nothing in the unit suggests it uses the network' }
}
