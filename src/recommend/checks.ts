/**
 * Per directive: what the recommender looked for in the unit before offering it (the evidence a
 * suggestion carries when nothing was found), and the question an administrator must answer when
 * the unit cannot show it — what the service writes, keeps in /tmp, opens in /dev, or what the
 * workloads it starts need. Data, rendered into docs/directives.md. Pure.
 */

/** What to watch on a host to answer a question (see OBSERVATIONS). */
export type Observation = 'writes' | 'tmp' | 'devices' | 'children' | 'syscalls' | 'capabilities' | 'sockets' | 'kernel'

export interface DirectiveCheck {
  /** What the unit showed none of, for "the unit shows no …". */
  readonly looked: string
  /** The question to answer before uncommenting a line the unit cannot vouch for. */
  readonly asks: string
  readonly observe: Observation
}

export const CHECKS: Readonly<Record<string, DirectiveCheck>> = {
  NoNewPrivileges: {
    looked: 'sudo, su, ping, sendmail or other setuid helper in its command lines',
    asks: "does it, or anything it starts, run sudo, su, ping, sendmail or a setcap'd program?",
    observe: 'children',
  },
  PrivateTmp: {
    looked: '/tmp or /var/tmp path, and its program is not known to keep data or sockets there',
    asks: 'does its configuration keep data or a Unix socket in /tmp or /var/tmp, or share files there with another program?',
    observe: 'tmp',
  },
  ProtectHome: {
    looked: 'path under /home, /root or /run/user',
    asks: 'does it read or write anything under /home, /root or /run/user (data, virtualenvs, configuration)?',
    observe: 'writes',
  },
  ProtectKernelTunables: {
    looked: 'sysctl call or /proc/sys, /sys path',
    asks: 'does it write /proc/sys or /sys (sysctl, interface or power tuning)?',
    observe: 'kernel',
  },
  ProtectKernelModules: {
    looked: 'modprobe or insmod in its command lines',
    asks: 'does it, or anything it starts, load kernel modules?',
    observe: 'kernel',
  },
  ProtectKernelLogs: {
    looked: '/dev/kmsg or kernel-log reader',
    asks: 'does it read the kernel log (/dev/kmsg, dmesg)?',
    observe: 'devices',
  },
  ProtectControlGroups: {
    looked: 'Delegate= or container manager',
    asks: 'does it, or anything it starts, write to /sys/fs/cgroup?',
    observe: 'kernel',
  },
  ProtectClock: {
    looked: 'time daemon or clock reader',
    asks: 'does it set the clock or read adjtimex() state (time daemons, timex collectors)?',
    observe: 'syscalls',
  },
  ProtectHostname: {
    looked: 'hostname setter',
    asks: 'does it set the hostname, or must it see hostname changes while it runs?',
    observe: 'syscalls',
  },
  RestrictSUIDSGID: {
    looked: 'installer, backup or restore program',
    asks: 'does it, or anything it starts, create setuid/setgid files or setgid directories?',
    observe: 'writes',
  },
  RestrictRealtime: {
    looked: 'realtime scheduling (CPUSchedulingPolicy=fifo/rr, audio, time daemons)',
    asks: 'does it, or anything it starts, ask for realtime scheduling?',
    observe: 'syscalls',
  },
  LockPersonality: {
    looked: 'setarch, Wine or other execution-domain switcher',
    asks: 'does anything it starts switch execution domain (setarch, linux32, Wine)?',
    observe: 'children',
  },
  SystemCallArchitectures: {
    looked: '32-bit program',
    asks: 'does it, or anything it starts, run 32-bit binaries?',
    observe: 'children',
  },
  ProtectSystem: {
    looked: 'write location it would lose',
    asks: 'which directories does it write (data, cache, logs, sockets: see its configuration)? add them to ReadWritePaths=, then uncomment',
    observe: 'writes',
  },
  StateDirectory: {
    looked: 'conflicting owner',
    asks: 'is /var/lib/<name> where it keeps its data?',
    observe: 'writes',
  },
  LogsDirectory: {
    looked: 'conflicting owner',
    asks: 'is /var/log/<name> where it writes its logs?',
    observe: 'writes',
  },
  CacheDirectory: { looked: 'conflicting owner', asks: 'is /var/cache/<name> its cache?', observe: 'writes' },
  RuntimeDirectory: {
    looked: 'conflicting owner',
    asks: 'is /run/<name> where it keeps its sockets and PID file?',
    observe: 'writes',
  },
  RuntimeDirectoryPreserve: { looked: 'conflict', asks: 'do other units use its /run directory?', observe: 'sockets' },
  ReadWritePaths: {
    looked: 'conflict',
    asks: 'are these the directories it writes? remove the ones it does not use, add the ones its configuration names',
    observe: 'writes',
  },
  PrivateDevices: {
    looked: 'device path, DeviceAllow= or device group',
    asks: 'does it, or anything it starts, open a device (/dev/net/tun, /dev/ipmi0, disks for SMART, GPUs, /dev/fuse)?',
    observe: 'devices',
  },
  PrivateMounts: { looked: 'mount helper', asks: 'must mounts it makes be visible on the host?', observe: 'kernel' },
  User: {
    looked: 'root-only need',
    asks: 'does it need root for anything (low ports, root-owned files)?',
    observe: 'capabilities',
  },
  DynamicUser: {
    looked: 'root-only need or data outside systemd-managed directories',
    asks: 'does it keep data outside StateDirectory=, CacheDirectory= and LogsDirectory=?',
    observe: 'writes',
  },
  AmbientCapabilities: { looked: 'conflict', asks: 'does it need this privilege?', observe: 'capabilities' },
  RemoveIPC: {
    looked: 'account shared with other units',
    asks: 'do other services or sessions of its user share SysV/POSIX IPC objects with it?',
    observe: 'children',
  },
  ProtectProc: { looked: 'process monitor', asks: "does it inspect other users' processes?", observe: 'children' },
  CapabilityBoundingSet: {
    looked: 'capability need beyond the ones kept',
    asks: 'which privileges does it, or anything it starts, use (low ports, chroot, raw I/O, ptrace)?',
    observe: 'capabilities',
  },
  RestrictNamespaces: {
    looked: 'sandboxing or namespace tool',
    asks: 'does it, or anything it starts, create namespaces (browsers, bubblewrap, containers, ip netns)?',
    observe: 'syscalls',
  },
  SystemCallFilter: {
    looked: 'chroot, mount, ptrace, perf or eBPF use',
    asks: 'does it, or anything it starts, call chroot, mount, ptrace, perf_event_open or bpf?',
    observe: 'syscalls',
  },
  SystemCallErrorNumber: {
    looked: 'conflict',
    asks: 'should a filtered call fail with EPERM rather than kill the process?',
    observe: 'syscalls',
  },
  MemoryDenyWriteExecute: {
    looked: 'JIT runtime (Java, Node.js, PHP, Erlang, LuaJIT)',
    asks: 'does it, or anything it starts, use a JIT (Java, Node.js, PHP PCRE JIT, LuaJIT, Erlang)?',
    observe: 'children',
  },
  RestrictAddressFamilies: {
    looked: 'socket family beyond the ones listed',
    asks: 'which socket families does it use (netlink, packet, bluetooth, vsock)?',
    observe: 'sockets',
  },
  IPAddressDeny: {
    looked: 'network use',
    asks: 'which IP peers does it talk to (DNS, NTP, metadata, clients)?',
    observe: 'sockets',
  },
  IPAddressAllow: {
    looked: 'peer outside the loopback',
    asks: 'does it talk to any peer outside localhost?',
    observe: 'sockets',
  },
}

export function checkOf(directive: string): DirectiveCheck {
  const c = CHECKS[directive]
  if (!c) throw new Error(`no check for ${directive}`)
  return c
}

/**
 * How to answer a question on one host, with `UNIT` and `PID` to fill in: standard tools only
 * (journalctl, strace, ss, systemd-cgls, /proc).
 */
export const OBSERVATIONS: Readonly<Record<Observation, string>> = {
  writes:
    'writes: strace -f -qq -e trace=%file -e status=successful -p PID 2>&1 | grep -E "O_(WRONLY|RDWR|CREAT)|mkdir|rename|unlink" (or a canary with ProtectSystem=strict: journalctl -u UNIT | grep -i "read-only file system")',
  tmp: '/tmp: ls -l /proc/PID/fd /proc/PID/cwd | grep -E " /(var/)?tmp/"; ss -xlp | grep "pid=PID,"',
  devices: 'devices: ls -l /proc/PID/fd | grep " /dev/"',
  children: 'what it starts: systemd-cgls --no-pager -u UNIT (each workload, helper and plugin, with its user)',
  syscalls:
    'system calls: strace -f -qq -c -p PID for a working day (or SystemCallLog=~@system-service on a canary, then journalctl -u UNIT)',
  capabilities: 'capabilities: grep Cap /proc/PID/status; capsh --decode=<CapEff>',
  sockets: 'sockets: ss -tulpnx | grep "pid=PID,"',
  kernel:
    'kernel interfaces: strace -f -qq -e trace=%file -p PID 2>&1 | grep -E "/(proc/sys|sys)/.*O_(WRONLY|RDWR)|finit_module|mount"',
}
