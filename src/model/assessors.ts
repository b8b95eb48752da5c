/**
 * The 81 assessors of `systemd-analyze security`, one row each, in systemd's built-in order, with
 * the same id, policy key, weight, range and badness rule (analyze-security.c; identical in
 * 252.19+, 254.6+, 257 and 262: security_assessor_table[]).
 */
import { NAMESPACE_FLAGS } from './linux-names.js'
import { isRootUser, namesRoot } from './root-user.js'
import type { BoolSetting, SecurityInfo } from './security-info.js'
import { expandGroup, type SyscallTable } from './syscalls.js'

/**
 * What one assessor says about a service: a badness in 0…range, or not applicable (then the
 * badness is 0 and means nothing). One shape for both: the scorer reads thousands of these,
 * and V8 keeps code fast only while the objects it sees share one layout.
 */
export interface Assessment {
  readonly kind: 'na' | 'badness'
  readonly badness: number
  /** The row's text when the assessor words it itself (else the assessor's good/bad text). */
  readonly description: string | undefined
}

export interface AssessContext {
  readonly info: SecurityInfo
  readonly syscalls: SyscallTable
}

export interface Assessor {
  /** The row name systemd prints, e.g. `PrivateNetwork=`. */
  readonly id: string
  /** The key in `--security-policy` files and the JSON output. */
  readonly jsonField: string
  readonly weight: number
  readonly range: number
  /** Not applicable with DefaultDependencies=no (special boot phase services). */
  readonly defaultDependenciesOnly?: boolean
  readonly descriptionGood?: string
  readonly descriptionBad?: string
  readonly descriptionNa?: string
  /** The unit settings whose lines can change this row (for tracing a regression to a line). */
  readonly reads: readonly string[]
  readonly assess: (ctx: AssessContext) => Assessment
}

/** The description-less results, made once: most of the 81 rows of every unit are one of these. */
const PLAIN_BADNESS: readonly Assessment[] = Array.from({ length: 11 }, (_, badness) => ({
  kind: 'badness',
  badness,
  description: undefined,
}))
const PLAIN_NA: Assessment = { kind: 'na', badness: 0, description: undefined }

const bad = (badness: number, description?: string): Assessment =>
  description === undefined
    ? (PLAIN_BADNESS[badness] ?? { kind: 'badness', badness, description })
    : { kind: 'badness', badness, description }
const na = (description?: string): Assessment =>
  description === undefined ? PLAIN_NA : { kind: 'na', badness: 0, description }

/** The unit runs with root's privileges as far as the User=-dependent rows are concerned. */
function runsPrivileged(info: SecurityInfo): boolean {
  if (namesRoot(info.user)) return true
  // DynamicUser= picks a user of its own unless User= names root.
  if (info.dynamicUser) return false
  return isRootUser(info.user)
}

function boolRow(
  setting: BoolSetting,
  weight: number,
  good: string,
  badText: string,
  opts: { defaultDependenciesOnly?: boolean; reads?: readonly string[] } = {},
): Assessor {
  return {
    id: `${setting}=`,
    jsonField: setting,
    weight,
    range: 1,
    ...(opts.defaultDependenciesOnly ? { defaultDependenciesOnly: true } : {}),
    descriptionGood: good,
    descriptionBad: badText,
    reads: opts.reads ?? [setting],
    assess: ({ info }) => bad(info.enabled[setting] ? 0 : 1),
  }
}

const CAP_READS = [
  'CapabilityBoundingSet',
  'PrivateDevices',
  'ProtectKernelModules',
  'ProtectKernelLogs',
  'ProtectClock',
]

function capabilityRow(
  id: string,
  jsonField: string,
  weight: number,
  caps: readonly number[],
  good: string,
  badText: string,
): Assessor {
  // The mask as two 32-bit words (capabilities 0–31 and 32–63), as SecurityInfo has the set.
  let low = 0
  let high = 0
  for (const c of caps) {
    if (c < 32) low |= 1 << c
    else high |= 1 << (c - 32)
  }
  return {
    id: `CapabilityBoundingSet=~${id}`,
    jsonField: `CapabilityBoundingSet_${jsonField}`,
    weight,
    range: 1,
    descriptionGood: good,
    descriptionBad: badText,
    reads: CAP_READS,
    assess: ({ info }) => {
      return bad((info.capabilityBoundingSetLow & low) !== 0 || (info.capabilityBoundingSetHigh & high) !== 0 ? 1 : 0)
    },
  }
}

function namespaceRow(name: string, flag: number, weight: number, what: string): Assessor {
  return {
    id: `RestrictNamespaces=~${name}`,
    jsonField: `RestrictNamespaces_${name}`,
    weight,
    range: 1,
    descriptionGood: `Service cannot create ${what} namespaces`,
    descriptionBad: `Service may create ${what} namespaces`,
    reads: ['RestrictNamespaces'],
    assess: ({ info }) => bad((info.restrictNamespaces & flag) !== 0 ? 1 : 0),
  }
}

function addressFamilyRow(
  id: string,
  jsonField: string,
  cls: keyof SecurityInfo['addressFamilyRestricted'],
  weight: number,
  what: string,
): Assessor {
  return {
    id: `RestrictAddressFamilies=~${id}`,
    jsonField: `RestrictAddressFamilies_${jsonField}`,
    weight,
    range: 1,
    descriptionGood: `Service cannot allocate ${what} sockets`,
    descriptionBad: `Service may allocate ${what} sockets`,
    reads: ['RestrictAddressFamilies'],
    assess: ({ info }) => bad(info.addressFamilyRestricted[cls] ? 0 : 1),
  }
}

/** A member of the group the filter lets through, if any (systemd's syscall_names_in_filter()). */
function groupLeaks(info: SecurityInfo, table: SyscallTable, group: string): string | null {
  // Only system calls that exist on the analysing architecture (x86-64) are looked at.
  for (const member of expandGroup(table, group)?.native ?? []) {
    if (info.syscallFilter.has(member) === info.syscallFilterAllowList) return member
  }
  return null
}

function syscallGroupRow(group: string, weight: number): Assessor {
  const name = group.slice(1)
  return {
    id: `SystemCallFilter=~${group}`,
    jsonField: `SystemCallFilter_${name.replace(/-/g, '_')}`,
    weight,
    range: 10,
    reads: ['SystemCallFilter'],
    assess: ({ info, syscalls }) => {
      if (!info.syscallFilterAllowList && info.syscallFilter.size === 0) {
        return bad(10, 'Service does not filter system calls')
      }
      const offender = groupLeaks(info, syscalls, group)
      if (info.syscallFilterAllowList) {
        return offender !== null
          ? bad(9, `System call allow list defined for service, and ${group} is included (e.g. ${offender} is allowed)`)
          : bad(0, `System call allow list defined for service, and ${group} is not included`)
      }
      return offender !== null
        ? bad(
            10,
            `System call deny list defined for service, and ${group} is not included (e.g. ${offender} is allowed)`,
          )
        : bad(0, `System call deny list defined for service, and ${group} is included`)
    },
  }
}

const NS = NAMESPACE_FLAGS

/** The rows as written below, before uniformShape(). */
const TABLE: readonly Assessor[] = [
  {
    id: 'User=/DynamicUser=',
    jsonField: 'UserOrDynamicUser',
    weight: 2000,
    range: 10,
    descriptionBad: 'Service runs as root user',
    reads: ['User', 'DynamicUser'],
    assess: ({ info }) => {
      if (info.user === 'nobody')
        return bad(9, "Service runs under as 'nobody' user, which should not be used for services")
      if (info.dynamicUser && info.user !== '0' && info.user !== 'root')
        return bad(0, 'Service runs under a transient non-root user identity')
      if (info.user !== null && info.user !== '0' && info.user !== 'root' && info.user !== '')
        return bad(0, 'Service runs under a static non-root user identity')
      return bad(10)
    },
  },
  {
    id: 'SupplementaryGroups=',
    jsonField: 'SupplementaryGroups',
    weight: 200,
    range: 1,
    descriptionGood: 'Service has no supplementary groups',
    descriptionBad: 'Service runs with supplementary groups',
    descriptionNa: 'Service runs as root, option does not matter',
    reads: ['SupplementaryGroups', 'User', 'DynamicUser'],
    assess: ({ info }) => (runsPrivileged(info) ? na() : bad(info.supplementaryGroups.length > 0 ? 1 : 0)),
  },
  boolRow(
    'PrivateDevices',
    1000,
    'Service has no access to hardware devices',
    'Service potentially has access to hardware devices',
  ),
  boolRow('PrivateMounts', 1000, 'Service cannot install system mounts', 'Service may install system mounts'),
  boolRow(
    'PrivateNetwork',
    2500,
    "Service has no access to the host's network",
    "Service has access to the host's network",
  ),
  boolRow(
    'PrivateTmp',
    1000,
    "Service has no access to other software's temporary files",
    "Service has access to other software's temporary files",
    { defaultDependenciesOnly: true, reads: ['PrivateTmp', 'DynamicUser'] },
  ),
  boolRow('PrivateUsers', 1000, 'Service does not have access to other users', 'Service has access to other users'),
  boolRow(
    'ProtectControlGroups',
    1000,
    'Service cannot modify the control group file system',
    'Service may modify the control group file system',
  ),
  boolRow(
    'ProtectKernelModules',
    1000,
    'Service cannot load or read kernel modules',
    'Service may load or read kernel modules',
  ),
  boolRow(
    'ProtectKernelTunables',
    1000,
    'Service cannot alter kernel tunables (/proc/sys, …)',
    'Service may alter kernel tunables',
  ),
  boolRow(
    'ProtectKernelLogs',
    1000,
    'Service cannot read from or write to the kernel log ring buffer',
    'Service may read from or write to the kernel log ring buffer',
  ),
  boolRow(
    'ProtectClock',
    1000,
    'Service cannot write to the hardware clock or system clock',
    'Service may write to the hardware clock or system clock',
  ),
  {
    id: 'ProtectHome=',
    jsonField: 'ProtectHome',
    weight: 1000,
    range: 10,
    defaultDependenciesOnly: true,
    reads: ['ProtectHome', 'DynamicUser'],
    assess: ({ info }) => {
      switch (info.protectHome) {
        case 'yes':
          return bad(0, 'Service has no access to home directories')
        case 'tmpfs':
          return bad(1, 'Service has access to fake empty home directories')
        case 'read-only':
          return bad(5, 'Service has read-only access to home directories')
        default:
          return bad(10, 'Service has full access to home directories')
      }
    },
  },
  boolRow(
    'ProtectHostname',
    50,
    'Service cannot change system host/domainname',
    'Service may change system host/domainname',
  ),
  {
    id: 'ProtectSystem=',
    jsonField: 'ProtectSystem',
    weight: 1000,
    range: 10,
    defaultDependenciesOnly: true,
    reads: ['ProtectSystem', 'DynamicUser'],
    assess: ({ info }) => {
      switch (info.protectSystem) {
        case 'strict':
          return bad(0, 'Service has strict read-only access to the OS file hierarchy')
        case 'full':
          return bad(3, 'Service has very limited write access to the OS file hierarchy')
        case 'yes':
          return bad(5, 'Service has limited write access to the OS file hierarchy')
        default:
          return bad(10, 'Service has full access to the OS file hierarchy')
      }
    },
  },
  {
    id: 'RootDirectory=/RootImage=',
    jsonField: 'RootDirectoryOrRootImage',
    weight: 200,
    range: 1,
    defaultDependenciesOnly: true,
    descriptionGood: 'Service has its own root directory/image',
    descriptionBad: "Service runs within the host's root directory",
    reads: ['RootDirectory', 'RootImage'],
    assess: ({ info }) => {
      const own = (p: string | null): boolean => p !== null && p !== '' && p !== '/'
      return bad(own(info.rootDirectory) || own(info.rootImage) ? 0 : 1)
    },
  },
  boolRow('LockPersonality', 100, 'Service cannot change ABI personality', 'Service may change ABI personality'),
  boolRow(
    'MemoryDenyWriteExecute',
    100,
    'Service cannot create writable executable memory mappings',
    'Service may create writable executable memory mappings',
  ),
  boolRow(
    'NoNewPrivileges',
    1000,
    'Service processes cannot acquire new privileges',
    'Service processes may acquire new privileges',
    { reads: ['NoNewPrivileges', 'DynamicUser'] },
  ),
  capabilityRow(
    'CAP_SYS_ADMIN',
    'CAP_SYS_ADMIN',
    1500,
    [21],
    'Service has no administrator privileges',
    'Service has administrator privileges',
  ),
  capabilityRow(
    'CAP_SET(UID|GID|PCAP)',
    'CAP_SET_UID_GID_PCAP',
    1500,
    [6, 7, 8],
    'Service cannot change UID/GID identities/capabilities',
    'Service may change UID/GID identities/capabilities',
  ),
  capabilityRow(
    'CAP_SYS_PTRACE',
    'CAP_SYS_PTRACE',
    1500,
    [19],
    'Service has no ptrace() debugging abilities',
    'Service has ptrace() debugging abilities',
  ),
  capabilityRow(
    'CAP_SYS_TIME',
    'CAP_SYS_TIME',
    1000,
    [25],
    'Service processes cannot change the system clock',
    'Service processes may change the system clock',
  ),
  capabilityRow(
    'CAP_NET_ADMIN',
    'CAP_NET_ADMIN',
    1000,
    [12],
    'Service has no network configuration privileges',
    'Service has network configuration privileges',
  ),
  capabilityRow(
    'CAP_SYS_RAWIO',
    'CAP_SYS_RAWIO',
    1000,
    [17],
    'Service has no raw I/O access',
    'Service has raw I/O access',
  ),
  capabilityRow(
    'CAP_SYS_MODULE',
    'CAP_SYS_MODULE',
    1000,
    [16],
    'Service cannot load kernel modules',
    'Service may load kernel modules',
  ),
  capabilityRow(
    'CAP_AUDIT_*',
    'CAP_AUDIT',
    500,
    [29, 30, 37],
    'Service has no audit subsystem access',
    'Service has audit subsystem access',
  ),
  capabilityRow(
    'CAP_SYSLOG',
    'CAP_SYSLOG',
    500,
    [34],
    'Service has no access to kernel logging',
    'Service has access to kernel logging',
  ),
  capabilityRow(
    'CAP_SYS_(NICE|RESOURCE)',
    'CAP_SYS_NICE_RESOURCE',
    500,
    [23, 24],
    'Service has no privileges to change resource use parameters',
    'Service has privileges to change resource use parameters',
  ),
  capabilityRow(
    'CAP_MKNOD',
    'CAP_MKNOD',
    500,
    [27],
    'Service cannot create device nodes',
    'Service may create device nodes',
  ),
  capabilityRow(
    'CAP_(CHOWN|FSETID|SETFCAP)',
    'CAP_CHOWN_FSETID_SETFCAP',
    1000,
    [0, 4, 31],
    'Service cannot change file ownership/access mode/capabilities',
    'Service may change file ownership/access mode/capabilities unrestricted',
  ),
  capabilityRow(
    'CAP_(DAC_*|FOWNER|IPC_OWNER)',
    'CAP_DAC_FOWNER_IPC_OWNER',
    1000,
    [1, 2, 3, 15],
    'Service cannot override UNIX file/IPC permission checks',
    'Service may override UNIX file/IPC permission checks',
  ),
  capabilityRow(
    'CAP_KILL',
    'CAP_KILL',
    500,
    [5],
    'Service cannot send UNIX signals to arbitrary processes',
    'Service may send UNIX signals to arbitrary processes',
  ),
  capabilityRow(
    'CAP_NET_(BIND_SERVICE|BROADCAST|RAW)',
    'CAP_NET_BIND_SERVICE_BROADCAST_RAW)',
    500,
    [10, 11, 13],
    'Service has no elevated networking privileges',
    'Service has elevated networking privileges',
  ),
  capabilityRow(
    'CAP_SYS_BOOT',
    'CAP_SYS_BOOT',
    100,
    [22],
    'Service cannot issue reboot()',
    'Service may issue reboot()',
  ),
  capabilityRow(
    'CAP_MAC_*',
    'CAP_MAC',
    100,
    [32, 33],
    'Service cannot adjust SMACK MAC',
    'Service may adjust SMACK MAC',
  ),
  capabilityRow(
    'CAP_LINUX_IMMUTABLE',
    'CAP_LINUX_IMMUTABLE',
    75,
    [9],
    'Service cannot mark files immutable',
    'Service may mark files immutable',
  ),
  capabilityRow(
    'CAP_IPC_LOCK',
    'CAP_IPC_LOCK',
    50,
    [14],
    'Service cannot lock memory into RAM',
    'Service may lock memory into RAM',
  ),
  capabilityRow(
    'CAP_SYS_CHROOT',
    'CAP_SYS_CHROOT',
    50,
    [18],
    'Service cannot issue chroot()',
    'Service may issue chroot()',
  ),
  capabilityRow(
    'CAP_BLOCK_SUSPEND',
    'CAP_BLOCK_SUSPEND',
    25,
    [36],
    'Service cannot establish wake locks',
    'Service may establish wake locks',
  ),
  capabilityRow(
    'CAP_WAKE_ALARM',
    'CAP_WAKE_ALARM',
    25,
    [35],
    'Service cannot program timers that wake up the system',
    'Service may program timers that wake up the system',
  ),
  capabilityRow(
    'CAP_LEASE',
    'CAP_LEASE',
    25,
    [28],
    'Service cannot create file leases',
    'Service may create file leases',
  ),
  capabilityRow(
    'CAP_SYS_TTY_CONFIG',
    'CAP_SYS_TTY_CONFIG',
    25,
    [26],
    'Service cannot issue vhangup()',
    'Service may issue vhangup()',
  ),
  capabilityRow('CAP_SYS_PACCT', 'CAP_SYS_PACCT', 25, [20], 'Service cannot use acct()', 'Service may use acct()'),
  capabilityRow('CAP_BPF', 'CAP_BPF', 25, [39], 'Service may not load BPF programs', 'Service may load BPF programs'),
  {
    id: 'UMask=',
    jsonField: 'UMask',
    weight: 100,
    range: 10,
    reads: ['UMask'],
    assess: ({ info }) => {
      const m = info.umask
      if (!(m & 0o002)) return bad(10, 'Files created by service are world-writable by default')
      if (!(m & 0o004)) return bad(5, 'Files created by service are world-readable by default')
      if (!(m & 0o020)) return bad(2, 'Files created by service are group-writable by default')
      if (!(m & 0o040)) return bad(1, 'Files created by service are group-readable by default')
      return bad(0, "Files created by service are accessible only by service's own user by default")
    },
  },
  {
    id: 'KeyringMode=',
    jsonField: 'KeyringMode',
    weight: 1000,
    range: 1,
    descriptionGood: "Service doesn't share key material with other services",
    descriptionBad: 'Service shares key material with other service',
    reads: ['KeyringMode'],
    assess: ({ info }) => bad(info.keyringMode === 'private' ? 0 : 1),
  },
  {
    id: 'ProtectProc=',
    jsonField: 'ProtectProc',
    weight: 1000,
    range: 3,
    descriptionGood: 'Service has restricted access to process tree (/proc hidepid=)',
    descriptionBad: 'Service has full access to process tree (/proc hidepid=)',
    reads: ['ProtectProc'],
    assess: ({ info }) => {
      switch (info.protectProc) {
        case 'noaccess':
          return bad(1)
        case 'invisible':
        case 'ptraceable':
          return bad(0)
        default:
          return bad(3)
      }
    },
  },
  {
    id: 'ProcSubset=',
    jsonField: 'ProcSubset',
    weight: 10,
    range: 1,
    descriptionGood: 'Service has no access to non-process /proc files (/proc subset=)',
    descriptionBad: 'Service has full access to non-process /proc files (/proc subset=)',
    reads: ['ProcSubset'],
    assess: ({ info }) => bad(info.procSubset === 'pid' ? 0 : 1),
  },
  {
    id: 'NotifyAccess=',
    jsonField: 'NotifyAccess',
    weight: 1000,
    range: 1,
    descriptionGood: 'Service child processes cannot alter service state',
    descriptionBad: 'Service child processes may alter service state',
    reads: ['NotifyAccess'],
    assess: ({ info }) => bad(info.notifyAccess === 'all' ? 1 : 0),
  },
  {
    id: 'RemoveIPC=',
    jsonField: 'RemoveIPC',
    weight: 100,
    range: 1,
    descriptionGood: 'Service user cannot leave SysV IPC objects around',
    descriptionBad: 'Service user may leave SysV IPC objects around',
    descriptionNa: 'Service runs as root, option does not apply',
    reads: ['RemoveIPC', 'User', 'DynamicUser'],
    assess: ({ info }) => (runsPrivileged(info) ? na() : bad(info.removeIpc ? 0 : 1)),
  },
  {
    id: 'Delegate=',
    jsonField: 'Delegate',
    weight: 100,
    range: 1,
    descriptionGood: 'Service does not maintain its own delegated control group subtree',
    descriptionBad: 'Service maintains its own delegated control group subtree',
    reads: ['Delegate'],
    assess: ({ info }) => bad(info.delegate ? 1 : 0),
  },
  boolRow(
    'RestrictRealtime',
    500,
    'Service realtime scheduling access is restricted',
    'Service may acquire realtime scheduling',
  ),
  boolRow(
    'RestrictSUIDSGID',
    1000,
    'SUID/SGID file creation by service is restricted',
    'Service may create SUID/SGID files',
    { reads: ['RestrictSUIDSGID', 'DynamicUser'] },
  ),
  namespaceRow('user', NS.user, 1500, 'user'),
  namespaceRow('mnt', NS.mnt, 500, 'file system'),
  namespaceRow('ipc', NS.ipc, 500, 'IPC'),
  namespaceRow('pid', NS.pid, 500, 'process'),
  namespaceRow('cgroup', NS.cgroup, 500, 'cgroup'),
  namespaceRow('net', NS.net, 500, 'network'),
  namespaceRow('uts', NS.uts, 100, 'hostname'),
  addressFamilyRow('AF_(INET|INET6)', 'AF_INET_INET6', 'inet', 1500, 'Internet'),
  addressFamilyRow('AF_UNIX', 'AF_UNIX', 'unix', 25, 'local'),
  addressFamilyRow('AF_NETLINK', 'AF_NETLINK', 'netlink', 200, 'netlink'),
  addressFamilyRow('AF_PACKET', 'AF_PACKET', 'packet', 1000, 'packet'),
  addressFamilyRow('…', 'OTHER', 'other', 1250, 'exotic'),
  {
    id: 'SystemCallArchitectures=',
    jsonField: 'SystemCallArchitectures',
    weight: 1000,
    range: 10,
    reads: ['SystemCallArchitectures'],
    assess: ({ info }) => {
      const archs = info.syscallArchitectures
      if (archs.size === 0) return bad(10, 'Service may execute system calls with all ABIs')
      if (archs.size === 1 && archs.has('native'))
        return bad(0, 'Service may execute system calls only with native ABI')
      return bad(8, 'Service may execute system calls with multiple ABIs')
    },
  },
  syscallGroupRow('@swap', 1000),
  syscallGroupRow('@obsolete', 250),
  syscallGroupRow('@clock', 1000),
  syscallGroupRow('@cpu-emulation', 250),
  syscallGroupRow('@debug', 1000),
  syscallGroupRow('@mount', 1000),
  syscallGroupRow('@module', 1000),
  syscallGroupRow('@raw-io', 1000),
  syscallGroupRow('@reboot', 1000),
  syscallGroupRow('@privileged', 700),
  syscallGroupRow('@resources', 700),
  {
    id: 'IPAddressDeny=',
    jsonField: 'IPAddressDeny',
    weight: 1000,
    range: 10,
    reads: ['IPAddressDeny', 'IPAddressAllow', 'IPIngressFilterPath', 'IPEgressFilterPath'],
    assess: ({ info }) => {
      if (info.ipFiltersCustom) return bad(0, 'Service defines custom ingress/egress IP filters with BPF programs')
      if (!info.ipAddressDenyAll) return bad(10, 'Service does not define an IP address allow list')
      if (info.ipAddressAllowOther) return bad(5, 'Service defines IP address allow list with non-localhost entries')
      if (info.ipAddressAllowLocalhost)
        return bad(2, 'Service defines IP address allow list with only localhost entries')
      return bad(0, 'Service blocks all IP address ranges')
    },
  },
  {
    id: 'DeviceAllow=',
    jsonField: 'DeviceAllow',
    weight: 1000,
    range: 10,
    reads: [
      'DeviceAllow',
      'DevicePolicy',
      'PrivateDevices',
      'ProtectClock',
      'RootImage',
      'MountImages',
      'LoadCredentialEncrypted',
      'SetCredentialEncrypted',
    ],
    assess: ({ info }) => {
      if (info.devicePolicy !== 'strict' && info.devicePolicy !== 'closed') return bad(10, 'Service has no device ACL')
      if (info.deviceAllow.length > 0)
        return bad(5, `Service has a device ACL with some special devices: ${info.deviceAllow.join(' ')}`)
      return bad(0, 'Service has a minimal device ACL')
    },
  },
  {
    id: 'AmbientCapabilities=',
    jsonField: 'AmbientCapabilities',
    weight: 500,
    range: 1,
    descriptionGood: 'Service process does not receive ambient capabilities',
    descriptionBad: 'Service process receives ambient capabilities',
    reads: ['AmbientCapabilities'],
    assess: ({ info }) => bad(info.ambientCapabilities !== 0n ? 1 : 0),
  },
]

/**
 * Every assessor with the same properties in the same order (absent ones undefined): the
 * scorer reads weight, range and assess() of all 81 for every unit, and V8 loads a property
 * fast only from objects of a few layouts; the table's mix of shapes made those loads
 * megamorphic.
 */
function uniformShape(a: Assessor): Assessor {
  return {
    id: a.id,
    jsonField: a.jsonField,
    weight: a.weight,
    range: a.range,
    defaultDependenciesOnly: a.defaultDependenciesOnly ?? false,
    descriptionGood: a.descriptionGood,
    descriptionBad: a.descriptionBad,
    descriptionNa: a.descriptionNa,
    reads: a.reads,
    assess: a.assess,
  }
}

export const ASSESSORS: readonly Assessor[] = TABLE.map(uniformShape)
