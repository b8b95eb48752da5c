/**
 * The hardening directives the recommender may suggest, one record per directive value, as data:
 * what it protects, what it typically breaks, its risk tier, its phase, the oldest systemd
 * release that honours that value, and the assessor rows it improves. Read by the recommender and
 * rendered into docs/directives.md (scripts/gen-directive-docs.mjs).
 *
 * Sources: systemd.exec(5) and systemd.resource-control(5) (what each value does, since which
 * release), breakage seen on real upstream units (risk), and the assessor table of
 * model/assessors.ts (rows). Values in angle brackets are filled in per unit.
 */
import { ASSESSORS } from '../model/assessors.js'
import {
  oldestSupportedSince,
  releaseHas,
  targetHas,
  type SystemdTarget,
  type SystemdVersion,
} from '../model/versions.js'

export type Risk = 'low' | 'medium' | 'high'

export const RISKS: readonly Risk[] = ['low', 'medium', 'high']

export type PhaseId = 'basics' | 'kernel' | 'filesystem' | 'identity' | 'privileges' | 'network'

export interface Phase {
  readonly id: PhaseId
  readonly name: string
  readonly summary: string
}

/** The rollout order: by breakage risk, each phase building on the previous ones. */
export const PHASES: readonly Phase[] = [
  {
    id: 'basics',
    name: 'Low-risk trio',
    summary: 'No privilege gain through exec, a private /tmp, no access to home directories.',
  },
  {
    id: 'kernel',
    name: 'Kernel surface',
    summary:
      'Read-only kernel tunables and cgroups, no module loading, clock or hostname changes, no SUID/SGID files, no realtime, native ABI only.',
  },
  {
    id: 'filesystem',
    name: 'Filesystem',
    summary: 'A read-only OS tree with explicit write locations, and no raw devices.',
  },
  { id: 'identity', name: 'Identity', summary: 'Run under a non-root identity.' },
  {
    id: 'privileges',
    name: 'Capabilities and system calls',
    summary: 'The smallest capability set, no namespaces, a system-call allow-list.',
  },
  { id: 'network', name: 'Network', summary: 'Only the socket families and IP ranges the service uses.' },
]

export interface DirectiveEntry {
  /** `Directive=value`, unique. */
  readonly id: string
  readonly directive: string
  /** The value as written; `<…>` marks a part derived from the unit. */
  readonly value: string
  readonly phase: PhaseId
  readonly risk: Risk
  readonly protects: string
  readonly breaks: string
  /** Prerequisites, implications and interactions worth knowing before applying it. */
  readonly notes?: string
  /** The upstream release that introduced this value. */
  readonly since: number
  /** The oldest of the supported versions (252, 254, 257, 262) that honours this value. */
  readonly minVersion: SystemdVersion
  /** Assessor row ids (as systemd prints them) this value can improve. */
  readonly improves: readonly string[]
}

type EntryInput = Omit<DirectiveEntry, 'id' | 'minVersion'>

const rowsWithPrefix = (prefix: string): string[] => ASSESSORS.filter((a) => a.id.startsWith(prefix)).map((a) => a.id)
const CAPABILITY_ROWS = rowsWithPrefix('CapabilityBoundingSet=')
const NAMESPACE_ROWS = rowsWithPrefix('RestrictNamespaces=')
const SYSCALL_ROWS = rowsWithPrefix('SystemCallFilter=')

const entry = (e: EntryInput): DirectiveEntry => ({
  ...e,
  id: `${e.directive}=${e.value}`,
  minVersion: oldestHonouring(e.since),
})

/** The oldest supported version that honours a value added upstream in `since`. */
function oldestHonouring(since: number): SystemdVersion {
  const v = oldestSupportedSince(since)
  if (v === undefined) throw new Error(`no supported systemd version honours a value added in ${since}`)
  return v
}

export const CATALOGUE: readonly DirectiveEntry[] = [
  entry({
    directive: 'NoNewPrivileges',
    value: 'yes',
    phase: 'basics',
    risk: 'low',
    since: 187,
    protects:
      'Privilege gain through setuid/setgid binaries and file capabilities after exec, for the service and every child.',
    breaks:
      "Anything that execs sudo, su, pkexec, sendmail/postdrop (mail alerts), fusermount, newuidmap, ping on old distributions, or setcap'd binaries.",
    notes:
      'Implied by DynamicUser=. Up to v254 seccomp options imply it for services without CAP_SYS_ADMIN; from v255 only the explicit setting counts.',
    improves: ['NoNewPrivileges='],
  }),
  entry({
    directive: 'PrivateTmp',
    value: 'yes',
    phase: 'basics',
    risk: 'low',
    since: 209,
    protects: '/tmp races and snooping between services; leftovers are removed on stop.',
    breaks: 'Sharing files or sockets through /tmp or /var/tmp with other programs; a PIDFile= under /tmp.',
    notes:
      'Sets up a mount namespace (mount propagation to the host is cut) and orders the unit after the /tmp mounts.',
    improves: ['PrivateTmp='],
  }),
  entry({
    directive: 'PrivateTmp',
    value: 'disconnected',
    phase: 'basics',
    risk: 'low',
    since: 257,
    protects:
      "/tmp races and snooping between services, with a fresh tmpfs and no dependency on the host's /tmp and /var/tmp mounts.",
    breaks: 'Sharing files or sockets through /tmp or /var/tmp; JoinsNamespaceOf= sharing of one private /tmp.',
    notes: 'Older systemd ignores the whole line with a warning, leaving /tmp shared.',
    improves: ['PrivateTmp='],
  }),
  entry({
    directive: 'ProtectHome',
    value: 'yes',
    phase: 'basics',
    risk: 'low',
    since: 214,
    protects: 'User data, SSH keys, dotfiles and /root credentials; also hides /run/user.',
    breaks:
      'Programs, virtualenvs, data or configuration under /home or /root; mail delivery to ~/Maildir; backup of home directories.',
    improves: ['ProtectHome='],
  }),
  entry({
    directive: 'ProtectHome',
    value: 'read-only',
    phase: 'basics',
    risk: 'medium',
    since: 214,
    protects: 'Home directories and /root against modification.',
    breaks: 'Writes under /home or /root (list them in ReadWritePaths=).',
    improves: ['ProtectHome='],
  }),
  entry({
    directive: 'ProtectKernelTunables',
    value: 'yes',
    phase: 'kernel',
    risk: 'medium',
    since: 232,
    protects: 'Writes to /proc/sys, /sys and /proc/sysrq-trigger; hides /proc/kallsyms and /proc/kcore.',
    breaks:
      'Runtime kernel tuning: sysctl in ExecStartPre, network managers and VPNs (/proc/sys/net), power and IRQ tuning daemons, container engines, eBPF agents.',
    improves: ['ProtectKernelTunables='],
  }),
  entry({
    directive: 'ProtectKernelModules',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 232,
    protects: 'Explicit kernel module loading and unloading; drops CAP_SYS_MODULE.',
    breaks:
      'modprobe/insmod in Exec lines (docker, zfs, wireguard, nvidia, VirtualBox helpers); reading /usr/lib/modules.',
    improves: ['ProtectKernelModules=', 'CapabilityBoundingSet=~CAP_SYS_MODULE'],
  }),
  entry({
    directive: 'ProtectKernelLogs',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 244,
    protects: 'Reading or writing the kernel ring buffer; drops CAP_SYSLOG.',
    breaks: 'Syslog daemons and log shippers reading /dev/kmsg, hardware-error daemons, dmesg-reading agents.',
    improves: ['ProtectKernelLogs=', 'CapabilityBoundingSet=~CAP_SYSLOG'],
  }),
  entry({
    directive: 'ProtectControlGroups',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 232,
    protects: 'Writes to /sys/fs/cgroup (escaping resource limits, moving processes).',
    breaks: 'Container engines, kubelet, LXC, systemd-nspawn, anything with Delegate=.',
    improves: ['ProtectControlGroups='],
  }),
  entry({
    directive: 'ProtectClock',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 245,
    protects: 'Setting the system or hardware clock and wake alarms; drops CAP_SYS_TIME and CAP_WAKE_ALARM.',
    breaks:
      "Time daemons (chronyd, ntpd, timesyncd, ptp4l) and readers of adjtimex() state such as node_exporter's timex collector.",
    notes:
      'Adds DeviceAllow=char-rtc r, which turns a closed device policy into an allow-list (score 5 instead of 0 on the DeviceAllow= row).',
    improves: ['ProtectClock=', 'CapabilityBoundingSet=~CAP_SYS_TIME', 'CapabilityBoundingSet=~CAP_WAKE_ALARM'],
  }),
  entry({
    directive: 'ProtectHostname',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 242,
    protects: 'Changing the host or domain name (private UTS namespace).',
    breaks:
      'Hostname setters (DHCP clients, network managers, cloud-init) and services that must see hostname changes at runtime (mDNS, clusters).',
    improves: ['ProtectHostname='],
  }),
  entry({
    directive: 'RestrictSUIDSGID',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 242,
    protects: 'Creating setuid/setgid files or setgid directories (persistence, escalation).',
    breaks:
      'Package managers and installers, backup restores preserving modes, container image unpacking, shared-group directories with g+s.',
    improves: ['RestrictSUIDSGID='],
  }),
  entry({
    directive: 'RestrictRealtime',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 231,
    protects: 'CPU starvation through realtime scheduling.',
    breaks:
      'Audio servers, time daemons with a scheduling priority, cluster stacks, VoIP, anything with CPUSchedulingPolicy=fifo/rr.',
    improves: ['RestrictRealtime='],
  }),
  entry({
    directive: 'LockPersonality',
    value: 'yes',
    phase: 'kernel',
    risk: 'low',
    since: 235,
    protects: 'Switching execution domain (READ_IMPLIES_EXEC, ASLR off).',
    breaks: 'setarch/linux32 wrappers, Wine, some emulators.',
    improves: ['LockPersonality='],
  }),
  entry({
    directive: 'SystemCallArchitectures',
    value: 'native',
    phase: 'kernel',
    risk: 'low',
    since: 209,
    protects: 'Bypassing seccomp filters through a secondary ABI (i386, x32).',
    breaks: '32-bit binaries on 64-bit hosts (game servers, legacy vendor agents, 32-bit Wine).',
    improves: ['SystemCallArchitectures='],
  }),
  entry({
    directive: 'ProtectSystem',
    value: 'strict',
    phase: 'filesystem',
    risk: 'high',
    since: 214,
    protects:
      'Tampering with the OS and persistence: the whole tree is read-only except the write locations listed with it.',
    breaks:
      'Every write location the unit does not declare: /var/lib, /var/log, /var/cache, /var/spool, /run, install directories under /opt, self-updaters.',
    notes:
      'Paired with StateDirectory=/LogsDirectory=/CacheDirectory=/RuntimeDirectory= or ReadWritePaths= for the locations the unit mentions.',
    improves: ['ProtectSystem='],
  }),
  entry({
    directive: 'ProtectSystem',
    value: 'full',
    phase: 'filesystem',
    risk: 'medium',
    since: 214,
    protects: '/usr, /boot, /efi and /etc against modification.',
    breaks: 'Writes to /etc (certificate renewals into /etc, resolv.conf managers, key generation on first start).',
    improves: ['ProtectSystem='],
  }),
  entry({
    directive: 'StateDirectory',
    value: '<name>',
    phase: 'filesystem',
    risk: 'medium',
    since: 235,
    protects: 'Keeps /var/lib/<name> writable under ProtectSystem=strict.',
    breaks: 'systemd creates the directory and chowns it (recursively if the owner differs) to the service user.',
    improves: [],
  }),
  entry({
    directive: 'LogsDirectory',
    value: '<name>',
    phase: 'filesystem',
    risk: 'medium',
    since: 235,
    protects: 'Keeps /var/log/<name> writable under ProtectSystem=strict.',
    breaks: 'systemd creates the directory and chowns it to the service user.',
    improves: [],
  }),
  entry({
    directive: 'CacheDirectory',
    value: '<name>',
    phase: 'filesystem',
    risk: 'medium',
    since: 235,
    protects: 'Keeps /var/cache/<name> writable under ProtectSystem=strict.',
    breaks: 'systemd creates the directory and chowns it to the service user.',
    improves: [],
  }),
  entry({
    directive: 'RuntimeDirectory',
    value: '<name>',
    phase: 'filesystem',
    risk: 'medium',
    since: 211,
    protects: 'Gives the service its own writable /run/<name> under ProtectSystem=strict.',
    breaks: 'The directory is created on start, owned by the service user, and removed on stop.',
    improves: [],
  }),
  entry({
    directive: 'RuntimeDirectoryPreserve',
    value: 'yes',
    phase: 'filesystem',
    risk: 'low',
    since: 235,
    protects:
      'Keeps /run/<name> across stops, as a directory made by hand or by tmpfiles.d was, so sibling units and clients sharing it keep working.',
    breaks: 'Nothing; files left in it survive a restart.',
    improves: [],
  }),
  entry({
    directive: 'ReadWritePaths',
    value: '-<path>',
    phase: 'filesystem',
    risk: 'medium',
    since: 231,
    protects: 'Keeps one path writable under ProtectSystem=strict without changing its ownership.',
    breaks: 'Nothing by itself; the leading "-" skips a path that does not exist instead of failing the start.',
    improves: [],
  }),
  entry({
    directive: 'PrivateDevices',
    value: 'yes',
    phase: 'filesystem',
    risk: 'medium',
    since: 209,
    protects:
      'Raw hardware access (/dev/mem, disks, GPUs, serial ports); drops CAP_MKNOD and CAP_SYS_RAWIO; closes the device policy.',
    breaks:
      'GPUs, /dev/kvm, /dev/net/tun, /dev/fuse, serial/USB devices, block devices, /dev/rtc, TPMs, sound; executable mappings of /dev/zero.',
    improves: [
      'PrivateDevices=',
      'CapabilityBoundingSet=~CAP_MKNOD',
      'CapabilityBoundingSet=~CAP_SYS_RAWIO',
      'DeviceAllow=',
    ],
  }),
  entry({
    directive: 'PrivateMounts',
    value: 'yes',
    phase: 'filesystem',
    risk: 'low',
    since: 239,
    protects: 'Mounts made by the service leaking to the host.',
    breaks:
      'Services whose job is to create host-visible mounts (nothing more than the other namespace options already do).',
    notes:
      'Only changes the score on systemd 252: from 254 on the offline analyser already counts an unset PrivateMounts= as enabled.',
    improves: ['PrivateMounts='],
  }),
  entry({
    directive: 'User',
    value: '<name>',
    phase: 'identity',
    risk: 'high',
    since: 1,
    protects: "Root compromise becoming host compromise: the kernel's DAC model confines the service to its own files.",
    breaks:
      'Privileged ports (needs AmbientCapabilities=CAP_NET_BIND_SERVICE), root-owned secrets, daemons that start as root and drop privileges themselves.',
    notes: 'The account must exist (sysusers.d); files the service owns must belong to it.',
    improves: ['User=/DynamicUser='],
  }),
  entry({
    directive: 'DynamicUser',
    value: 'yes',
    phase: 'identity',
    risk: 'high',
    since: 232,
    protects:
      'Runs under a transient non-root user, with ProtectSystem=strict, ProtectHome=read-only, PrivateTmp, RemoveIPC, NoNewPrivileges and RestrictSUIDSGID implied.',
    breaks:
      'Files written outside StateDirectory=/CacheDirectory=/LogsDirectory=, getpwuid() without nss-systemd, D-Bus policies keyed on a user name, early-boot services.',
    improves: [
      'User=/DynamicUser=',
      'NoNewPrivileges=',
      'PrivateTmp=',
      'ProtectSystem=',
      'ProtectHome=',
      'RestrictSUIDSGID=',
      'RemoveIPC=',
    ],
  }),
  entry({
    directive: 'AmbientCapabilities',
    value: '<capabilities>',
    phase: 'identity',
    risk: 'medium',
    since: 229,
    protects:
      'Lets a non-root service keep the one privilege it needs (e.g. binding ports below 1024) instead of running as root.',
    breaks: 'Nothing; it grants privileges (the analyser counts any ambient capability against the service).',
    improves: [],
  }),
  entry({
    directive: 'RemoveIPC',
    value: 'yes',
    phase: 'identity',
    risk: 'medium',
    since: 232,
    protects: 'SysV/POSIX IPC objects of the service user surviving the service.',
    breaks: 'IPC objects other units or sessions of the same user still need after the service stops.',
    improves: ['RemoveIPC='],
  }),
  entry({
    directive: 'ProtectProc',
    value: 'invisible',
    phase: 'identity',
    risk: 'medium',
    since: 247,
    protects: "Hides other users' processes in /proc from a non-root service.",
    breaks: "Process monitors and tools that look at other users' processes (pgrep, pidof, psutil supervisors).",
    notes: 'Root and CAP_SYS_PTRACE bypass it, so it is only suggested for non-root services. Needs Linux 5.8.',
    improves: ['ProtectProc='],
  }),
  entry({
    directive: 'CapabilityBoundingSet',
    value: '',
    phase: 'privileges',
    risk: 'medium',
    since: 209,
    protects: 'Every capability a non-root service could regain through setuid or file-capability binaries.',
    breaks: "Non-root services that exec setuid or setcap'd helpers (sudo, ping on old distributions, dumpcap).",
    improves: CAPABILITY_ROWS,
  }),
  entry({
    directive: 'CapabilityBoundingSet',
    value: '<capabilities>',
    phase: 'privileges',
    risk: 'high',
    since: 209,
    protects: 'Every capability outside the listed ones, for the whole process tree.',
    breaks:
      "Any privileged operation the daemon needs and the list misses (reading other users' files, chown, signalling workers, raising limits).",
    notes: 'Lines merge: an existing set is reset with an empty assignment first, so the list replaces it.',
    improves: CAPABILITY_ROWS,
  }),
  entry({
    directive: 'CapabilityBoundingSet',
    value: '~<capabilities>',
    phase: 'privileges',
    risk: 'high',
    since: 209,
    protects:
      'The listed, rarely needed capabilities (administration, ptrace, modules, raw I/O, MAC, audit control, boot).',
    breaks: 'Daemons that do need one of the listed capabilities.',
    improves: CAPABILITY_ROWS,
  }),
  entry({
    directive: 'RestrictNamespaces',
    value: 'yes',
    phase: 'privileges',
    risk: 'medium',
    since: 233,
    protects: 'Creating or entering namespaces; user namespaces are a large kernel attack surface.',
    breaks:
      'Browser sandboxes (Chromium, Electron, Puppeteer), bubblewrap/firejail, container tools, `ip netns`, nsenter.',
    improves: NAMESPACE_ROWS,
  }),
  entry({
    directive: 'SystemCallFilter',
    value: '@system-service',
    phase: 'privileges',
    risk: 'high',
    since: 239,
    protects:
      'The kernel system-call surface outside what ordinary services use: mount, modules, raw I/O, reboot, swap, clock, debugging, obsolete calls.',
    breaks:
      'chroot()ing daemons, ptrace-based tools, clock setters, mount helpers, bpf() users; unusual calls the filter misses.',
    notes:
      'Extra groups or calls the unit evidently needs (@clock for time daemons, chroot, @mount) are appended. Verify with SystemCallLog= or strace on a canary.',
    improves: SYSCALL_ROWS,
  }),
  entry({
    directive: 'SystemCallErrorNumber',
    value: 'EPERM',
    phase: 'privileges',
    risk: 'low',
    since: 209,
    protects: 'Turns a filtered call into an EPERM error instead of killing the process with SIGSYS.',
    breaks: 'Nothing; programs degrade instead of dying.',
    improves: [],
  }),
  entry({
    directive: 'MemoryDenyWriteExecute',
    value: 'yes',
    phase: 'privileges',
    risk: 'medium',
    since: 231,
    protects: 'Writable and executable memory, a common exploitation step (shellcode in heap or stack).',
    breaks:
      'JIT runtimes (Java, Node.js, .NET, PHP PCRE JIT, Erlang, LuaJIT, PyPy), executable stacks, and every child process that uses them.',
    improves: ['MemoryDenyWriteExecute='],
  }),
  entry({
    directive: 'RestrictAddressFamilies',
    value: '<families>',
    phase: 'network',
    risk: 'medium',
    since: 211,
    protects:
      'Socket families the service does not use; AF_PACKET gives raw layer-2 access, exotic families are the usual kernel-bug path.',
    breaks:
      'Forgetting AF_NETLINK (getifaddrs(), Go/Node/Java interface listing), AF_UNIX (syslog, D-Bus), AF_PACKET (DHCP, capture).',
    notes: 'Does not affect sockets passed in by socket activation.',
    improves: rowsWithPrefix('RestrictAddressFamilies='),
  }),
  entry({
    directive: 'IPAddressDeny',
    value: 'any',
    phase: 'network',
    risk: 'high',
    since: 235,
    protects: 'IP traffic in and out of the whole cgroup: a compromised service cannot call home or scan.',
    breaks: 'Any IP peer not listed in IPAddressAllow=: DNS, NTP, downloads, SMTP relays, cloud metadata.',
    improves: ['IPAddressDeny='],
  }),
  entry({
    directive: 'IPAddressAllow',
    value: 'localhost',
    phase: 'network',
    risk: 'medium',
    since: 235,
    protects: 'Limits IP traffic to the loopback addresses when paired with IPAddressDeny=any.',
    breaks: 'Peers on other addresses.',
    improves: [],
  }),
]

const BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]))

/** The catalogue record for `Directive=value` (exact id, placeholders included). */
export function catalogueEntry(id: string): DirectiveEntry {
  const e = BY_ID.get(id)
  if (!e) throw new Error(`no catalogue entry ${id}`)
  return e
}

/** Whether every release of the fleet honours the entry's value (its oldest decides). */
export function honouredByFleet(e: DirectiveEntry, fleet: SystemdTarget): boolean {
  return targetHas(fleet, e.since)
}

/** Whether systemd `version` honours the entry's value (older versions ignore it with a warning). */
export function honouredBy(e: DirectiveEntry, version: SystemdVersion): boolean {
  return releaseHas(version, e.since)
}
