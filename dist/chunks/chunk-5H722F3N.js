import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  ASSESSORS,
  CAPABILITY_NAMES,
  EXEC_DIRECTIVES,
  SYSTEMD_VERSIONS,
  VERSION_TRAITS,
  assessLoaded,
  assessUnitFile,
  basename,
  capabilityFromName,
  capabilityNames,
  dirname,
  extractWords,
  formatExposure,
  isValidStrictUserName,
  joinPath,
  loadService,
  memorySource,
  parseBoolean,
  unitNameKind,
  unitPrefix,
  withInstance
} from "./chunk-O4AFDTFO.js";

// src/recommend/catalogue.ts
var RISKS = ["low", "medium", "high"];
var PHASES = [
  { id: "basics", name: "Low-risk trio", summary: "No privilege gain through exec, a private /tmp, no access to home directories." },
  { id: "kernel", name: "Kernel surface", summary: "Read-only kernel tunables and cgroups, no module loading, clock or hostname changes, no SUID/SGID files, no realtime, native ABI only." },
  { id: "filesystem", name: "Filesystem", summary: "A read-only OS tree with explicit write locations, and no raw devices." },
  { id: "identity", name: "Identity", summary: "Run under a non-root identity." },
  { id: "privileges", name: "Capabilities and system calls", summary: "The smallest capability set, no namespaces, a system-call allow-list." },
  { id: "network", name: "Network", summary: "Only the socket families and IP ranges the service uses." }
];
var rowsWithPrefix = (prefix) => ASSESSORS.filter((a) => a.id.startsWith(prefix)).map((a) => a.id);
var CAPABILITY_ROWS = rowsWithPrefix("CapabilityBoundingSet=");
var NAMESPACE_ROWS = rowsWithPrefix("RestrictNamespaces=");
var SYSCALL_ROWS = rowsWithPrefix("SystemCallFilter=");
var entry = (e) => ({ ...e, id: `${e.directive}=${e.value}`, minVersion: oldestHonouring(e.since) });
function oldestHonouring(since) {
  const v = SYSTEMD_VERSIONS.find((s) => Number(s) >= since);
  if (v === void 0) throw new Error(`no supported systemd version honours a value added in ${since}`);
  return v;
}
var CATALOGUE = [
  entry({
    directive: "NoNewPrivileges",
    value: "yes",
    phase: "basics",
    risk: "low",
    since: 187,
    protects: "Privilege gain through setuid/setgid binaries and file capabilities after exec, for the service and every child.",
    breaks: "Anything that execs sudo, su, pkexec, sendmail/postdrop (mail alerts), fusermount, newuidmap, ping on old distributions, or setcap'd binaries.",
    notes: "Implied by DynamicUser=. Up to v254 seccomp options imply it for services without CAP_SYS_ADMIN; from v255 only the explicit setting counts.",
    improves: ["NoNewPrivileges="]
  }),
  entry({
    directive: "PrivateTmp",
    value: "yes",
    phase: "basics",
    risk: "low",
    since: 209,
    protects: "/tmp races and snooping between services; leftovers are removed on stop.",
    breaks: "Sharing files or sockets through /tmp or /var/tmp with other programs; a PIDFile= under /tmp.",
    notes: "Sets up a mount namespace (mount propagation to the host is cut) and orders the unit after the /tmp mounts.",
    improves: ["PrivateTmp="]
  }),
  entry({
    directive: "PrivateTmp",
    value: "disconnected",
    phase: "basics",
    risk: "low",
    since: 257,
    protects: "/tmp races and snooping between services, with a fresh tmpfs and no dependency on the host's /tmp and /var/tmp mounts.",
    breaks: "Sharing files or sockets through /tmp or /var/tmp; JoinsNamespaceOf= sharing of one private /tmp.",
    notes: "Older systemd ignores the whole line with a warning, leaving /tmp shared.",
    improves: ["PrivateTmp="]
  }),
  entry({
    directive: "ProtectHome",
    value: "yes",
    phase: "basics",
    risk: "low",
    since: 214,
    protects: "User data, SSH keys, dotfiles and /root credentials; also hides /run/user.",
    breaks: "Programs, virtualenvs, data or configuration under /home or /root; mail delivery to ~/Maildir; backup of home directories.",
    improves: ["ProtectHome="]
  }),
  entry({
    directive: "ProtectHome",
    value: "read-only",
    phase: "basics",
    risk: "medium",
    since: 214,
    protects: "Home directories and /root against modification.",
    breaks: "Writes under /home or /root (list them in ReadWritePaths=).",
    improves: ["ProtectHome="]
  }),
  entry({
    directive: "ProtectKernelTunables",
    value: "yes",
    phase: "kernel",
    risk: "medium",
    since: 232,
    protects: "Writes to /proc/sys, /sys and /proc/sysrq-trigger; hides /proc/kallsyms and /proc/kcore.",
    breaks: "Runtime kernel tuning: sysctl in ExecStartPre, network managers and VPNs (/proc/sys/net), power and IRQ tuning daemons, container engines, eBPF agents.",
    improves: ["ProtectKernelTunables="]
  }),
  entry({
    directive: "ProtectKernelModules",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 232,
    protects: "Explicit kernel module loading and unloading; drops CAP_SYS_MODULE.",
    breaks: "modprobe/insmod in Exec lines (docker, zfs, wireguard, nvidia, VirtualBox helpers); reading /usr/lib/modules.",
    improves: ["ProtectKernelModules=", "CapabilityBoundingSet=~CAP_SYS_MODULE"]
  }),
  entry({
    directive: "ProtectKernelLogs",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 244,
    protects: "Reading or writing the kernel ring buffer; drops CAP_SYSLOG.",
    breaks: "Syslog daemons and log shippers reading /dev/kmsg, hardware-error daemons, dmesg-reading agents.",
    improves: ["ProtectKernelLogs=", "CapabilityBoundingSet=~CAP_SYSLOG"]
  }),
  entry({
    directive: "ProtectControlGroups",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 232,
    protects: "Writes to /sys/fs/cgroup (escaping resource limits, moving processes).",
    breaks: "Container engines, kubelet, LXC, systemd-nspawn, anything with Delegate=.",
    improves: ["ProtectControlGroups="]
  }),
  entry({
    directive: "ProtectClock",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 245,
    protects: "Setting the system or hardware clock and wake alarms; drops CAP_SYS_TIME and CAP_WAKE_ALARM.",
    breaks: "Time daemons (chronyd, ntpd, timesyncd, ptp4l) and readers of adjtimex() state such as node_exporter's timex collector.",
    notes: "Adds DeviceAllow=char-rtc r, which turns a closed device policy into an allow-list (score 5 instead of 0 on the DeviceAllow= row).",
    improves: ["ProtectClock=", "CapabilityBoundingSet=~CAP_SYS_TIME", "CapabilityBoundingSet=~CAP_WAKE_ALARM"]
  }),
  entry({
    directive: "ProtectHostname",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 242,
    protects: "Changing the host or domain name (private UTS namespace).",
    breaks: "Hostname setters (DHCP clients, network managers, cloud-init) and services that must see hostname changes at runtime (mDNS, clusters).",
    improves: ["ProtectHostname="]
  }),
  entry({
    directive: "RestrictSUIDSGID",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 242,
    protects: "Creating setuid/setgid files or setgid directories (persistence, escalation).",
    breaks: "Package managers and installers, backup restores preserving modes, container image unpacking, shared-group directories with g+s.",
    improves: ["RestrictSUIDSGID="]
  }),
  entry({
    directive: "RestrictRealtime",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 231,
    protects: "CPU starvation through realtime scheduling.",
    breaks: "Audio servers, time daemons with a scheduling priority, cluster stacks, VoIP, anything with CPUSchedulingPolicy=fifo/rr.",
    improves: ["RestrictRealtime="]
  }),
  entry({
    directive: "LockPersonality",
    value: "yes",
    phase: "kernel",
    risk: "low",
    since: 235,
    protects: "Switching execution domain (READ_IMPLIES_EXEC, ASLR off).",
    breaks: "setarch/linux32 wrappers, Wine, some emulators.",
    improves: ["LockPersonality="]
  }),
  entry({
    directive: "SystemCallArchitectures",
    value: "native",
    phase: "kernel",
    risk: "low",
    since: 209,
    protects: "Bypassing seccomp filters through a secondary ABI (i386, x32).",
    breaks: "32-bit binaries on 64-bit hosts (game servers, legacy vendor agents, 32-bit Wine).",
    improves: ["SystemCallArchitectures="]
  }),
  entry({
    directive: "ProtectSystem",
    value: "strict",
    phase: "filesystem",
    risk: "high",
    since: 214,
    protects: "Tampering with the OS and persistence: the whole tree is read-only except the write locations listed with it.",
    breaks: "Every write location the unit does not declare: /var/lib, /var/log, /var/cache, /var/spool, /run, install directories under /opt, self-updaters.",
    notes: "Paired with StateDirectory=/LogsDirectory=/CacheDirectory=/RuntimeDirectory= or ReadWritePaths= for the locations the unit mentions.",
    improves: ["ProtectSystem="]
  }),
  entry({
    directive: "ProtectSystem",
    value: "full",
    phase: "filesystem",
    risk: "medium",
    since: 214,
    protects: "/usr, /boot, /efi and /etc against modification.",
    breaks: "Writes to /etc (certificate renewals into /etc, resolv.conf managers, key generation on first start).",
    improves: ["ProtectSystem="]
  }),
  entry({
    directive: "StateDirectory",
    value: "<name>",
    phase: "filesystem",
    risk: "medium",
    since: 235,
    protects: "Keeps /var/lib/<name> writable under ProtectSystem=strict.",
    breaks: "systemd creates the directory and chowns it (recursively if the owner differs) to the service user.",
    improves: []
  }),
  entry({
    directive: "LogsDirectory",
    value: "<name>",
    phase: "filesystem",
    risk: "medium",
    since: 235,
    protects: "Keeps /var/log/<name> writable under ProtectSystem=strict.",
    breaks: "systemd creates the directory and chowns it to the service user.",
    improves: []
  }),
  entry({
    directive: "CacheDirectory",
    value: "<name>",
    phase: "filesystem",
    risk: "medium",
    since: 235,
    protects: "Keeps /var/cache/<name> writable under ProtectSystem=strict.",
    breaks: "systemd creates the directory and chowns it to the service user.",
    improves: []
  }),
  entry({
    directive: "RuntimeDirectory",
    value: "<name>",
    phase: "filesystem",
    risk: "medium",
    since: 211,
    protects: "Gives the service its own writable /run/<name> under ProtectSystem=strict.",
    breaks: "The directory is created on start, owned by the service user, and removed on stop.",
    improves: []
  }),
  entry({
    directive: "RuntimeDirectoryPreserve",
    value: "yes",
    phase: "filesystem",
    risk: "low",
    since: 235,
    protects: "Keeps /run/<name> across stops, as a directory made by hand or by tmpfiles.d was, so sibling units and clients sharing it keep working.",
    breaks: "Nothing; files left in it survive a restart.",
    improves: []
  }),
  entry({
    directive: "ReadWritePaths",
    value: "-<path>",
    phase: "filesystem",
    risk: "medium",
    since: 231,
    protects: "Keeps one path writable under ProtectSystem=strict without changing its ownership.",
    breaks: 'Nothing by itself; the leading "-" skips a path that does not exist instead of failing the start.',
    improves: []
  }),
  entry({
    directive: "PrivateDevices",
    value: "yes",
    phase: "filesystem",
    risk: "medium",
    since: 209,
    protects: "Raw hardware access (/dev/mem, disks, GPUs, serial ports); drops CAP_MKNOD and CAP_SYS_RAWIO; closes the device policy.",
    breaks: "GPUs, /dev/kvm, /dev/net/tun, /dev/fuse, serial/USB devices, block devices, /dev/rtc, TPMs, sound; executable mappings of /dev/zero.",
    improves: ["PrivateDevices=", "CapabilityBoundingSet=~CAP_MKNOD", "CapabilityBoundingSet=~CAP_SYS_RAWIO", "DeviceAllow="]
  }),
  entry({
    directive: "PrivateMounts",
    value: "yes",
    phase: "filesystem",
    risk: "low",
    since: 239,
    protects: "Mounts made by the service leaking to the host.",
    breaks: "Services whose job is to create host-visible mounts (nothing more than the other namespace options already do).",
    notes: "Only changes the score on systemd 252: from 254 on the offline analyser already counts an unset PrivateMounts= as enabled.",
    improves: ["PrivateMounts="]
  }),
  entry({
    directive: "User",
    value: "<name>",
    phase: "identity",
    risk: "high",
    since: 1,
    protects: "Root compromise becoming host compromise: the kernel's DAC model confines the service to its own files.",
    breaks: "Privileged ports (needs AmbientCapabilities=CAP_NET_BIND_SERVICE), root-owned secrets, daemons that start as root and drop privileges themselves.",
    notes: "The account must exist (sysusers.d); files the service owns must belong to it.",
    improves: ["User=/DynamicUser="]
  }),
  entry({
    directive: "DynamicUser",
    value: "yes",
    phase: "identity",
    risk: "high",
    since: 232,
    protects: "Runs under a transient non-root user, with ProtectSystem=strict, ProtectHome=read-only, PrivateTmp, RemoveIPC, NoNewPrivileges and RestrictSUIDSGID implied.",
    breaks: "Files written outside StateDirectory=/CacheDirectory=/LogsDirectory=, getpwuid() without nss-systemd, D-Bus policies keyed on a user name, early-boot services.",
    improves: ["User=/DynamicUser=", "NoNewPrivileges=", "PrivateTmp=", "ProtectSystem=", "ProtectHome=", "RestrictSUIDSGID=", "RemoveIPC="]
  }),
  entry({
    directive: "AmbientCapabilities",
    value: "<capabilities>",
    phase: "identity",
    risk: "medium",
    since: 229,
    protects: "Lets a non-root service keep the one privilege it needs (e.g. binding ports below 1024) instead of running as root.",
    breaks: "Nothing; it grants privileges (the analyser counts any ambient capability against the service).",
    improves: []
  }),
  entry({
    directive: "RemoveIPC",
    value: "yes",
    phase: "identity",
    risk: "medium",
    since: 232,
    protects: "SysV/POSIX IPC objects of the service user surviving the service.",
    breaks: "IPC objects other units or sessions of the same user still need after the service stops.",
    improves: ["RemoveIPC="]
  }),
  entry({
    directive: "ProtectProc",
    value: "invisible",
    phase: "identity",
    risk: "medium",
    since: 247,
    protects: "Hides other users' processes in /proc from a non-root service.",
    breaks: "Process monitors and tools that look at other users' processes (pgrep, pidof, psutil supervisors).",
    notes: "Root and CAP_SYS_PTRACE bypass it, so it is only suggested for non-root services. Needs Linux 5.8.",
    improves: ["ProtectProc="]
  }),
  entry({
    directive: "CapabilityBoundingSet",
    value: "",
    phase: "privileges",
    risk: "medium",
    since: 209,
    protects: "Every capability a non-root service could regain through setuid or file-capability binaries.",
    breaks: "Non-root services that exec setuid or setcap'd helpers (sudo, ping on old distributions, dumpcap).",
    improves: CAPABILITY_ROWS
  }),
  entry({
    directive: "CapabilityBoundingSet",
    value: "<capabilities>",
    phase: "privileges",
    risk: "high",
    since: 209,
    protects: "Every capability outside the listed ones, for the whole process tree.",
    breaks: "Any privileged operation the daemon needs and the list misses (reading other users' files, chown, signalling workers, raising limits).",
    notes: "Lines merge: an existing set is reset with an empty assignment first, so the list replaces it.",
    improves: CAPABILITY_ROWS
  }),
  entry({
    directive: "CapabilityBoundingSet",
    value: "~<capabilities>",
    phase: "privileges",
    risk: "high",
    since: 209,
    protects: "The listed, rarely needed capabilities (administration, ptrace, modules, raw I/O, MAC, audit control, boot).",
    breaks: "Daemons that do need one of the listed capabilities.",
    improves: CAPABILITY_ROWS
  }),
  entry({
    directive: "RestrictNamespaces",
    value: "yes",
    phase: "privileges",
    risk: "medium",
    since: 233,
    protects: "Creating or entering namespaces; user namespaces are a large kernel attack surface.",
    breaks: "Browser sandboxes (Chromium, Electron, Puppeteer), bubblewrap/firejail, container tools, `ip netns`, nsenter.",
    improves: NAMESPACE_ROWS
  }),
  entry({
    directive: "SystemCallFilter",
    value: "@system-service",
    phase: "privileges",
    risk: "high",
    since: 239,
    protects: "The kernel system-call surface outside what ordinary services use: mount, modules, raw I/O, reboot, swap, clock, debugging, obsolete calls.",
    breaks: "chroot()ing daemons, ptrace-based tools, clock setters, mount helpers, bpf() users; unusual calls the filter misses.",
    notes: "Extra groups or calls the unit evidently needs (@clock for time daemons, chroot, @mount) are appended. Verify with SystemCallLog= or strace on a canary.",
    improves: SYSCALL_ROWS
  }),
  entry({
    directive: "SystemCallErrorNumber",
    value: "EPERM",
    phase: "privileges",
    risk: "low",
    since: 209,
    protects: "Turns a filtered call into an EPERM error instead of killing the process with SIGSYS.",
    breaks: "Nothing; programs degrade instead of dying.",
    improves: []
  }),
  entry({
    directive: "MemoryDenyWriteExecute",
    value: "yes",
    phase: "privileges",
    risk: "medium",
    since: 231,
    protects: "Writable and executable memory, a common exploitation step (shellcode in heap or stack).",
    breaks: "JIT runtimes (Java, Node.js, .NET, PHP PCRE JIT, Erlang, LuaJIT, PyPy), executable stacks, and every child process that uses them.",
    improves: ["MemoryDenyWriteExecute="]
  }),
  entry({
    directive: "RestrictAddressFamilies",
    value: "<families>",
    phase: "network",
    risk: "medium",
    since: 211,
    protects: "Socket families the service does not use; AF_PACKET gives raw layer-2 access, exotic families are the usual kernel-bug path.",
    breaks: "Forgetting AF_NETLINK (getifaddrs(), Go/Node/Java interface listing), AF_UNIX (syslog, D-Bus), AF_PACKET (DHCP, capture).",
    notes: "Does not affect sockets passed in by socket activation.",
    improves: rowsWithPrefix("RestrictAddressFamilies=")
  }),
  entry({
    directive: "IPAddressDeny",
    value: "any",
    phase: "network",
    risk: "high",
    since: 235,
    protects: "IP traffic in and out of the whole cgroup: a compromised service cannot call home or scan.",
    breaks: "Any IP peer not listed in IPAddressAllow=: DNS, NTP, downloads, SMTP relays, cloud metadata.",
    improves: ["IPAddressDeny="]
  }),
  entry({
    directive: "IPAddressAllow",
    value: "localhost",
    phase: "network",
    risk: "medium",
    since: 235,
    protects: "Limits IP traffic to the loopback addresses when paired with IPAddressDeny=any.",
    breaks: "Peers on other addresses.",
    improves: []
  })
];
var BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));
function catalogueEntry(id) {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`no catalogue entry ${id}`);
  return e;
}
function honouredBy(e, version) {
  return Number(version) >= Number(e.minVersion);
}

// src/recommend/unit-text.ts
function assignmentsOf(service, section, key) {
  return service.files.flatMap((f) => f.assignments.filter((a) => a.section === section && a.key === key));
}
function scalarValue(service, section, key) {
  const all = assignmentsOf(service, section, key);
  const last = all[all.length - 1];
  return last === void 0 || last.value === "" ? null : last.value;
}
function listValue(service, section, key) {
  let out = [];
  for (const a of assignmentsOf(service, section, key)) {
    if (a.value === "") out = [];
    else out.push(...extractWords(a.value, { unquote: true, relax: true }).words);
  }
  return out;
}
function isSet(service, section, key) {
  return assignmentsOf(service, section, key).length > 0;
}
function commandLines(service) {
  const order = ["ExecStart", ...EXEC_DIRECTIVES.filter((d) => d !== "ExecStart")];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const directive of order) {
    for (const c of service.state.exec[directive] ?? []) {
      if (seen.has(c.source)) continue;
      seen.add(c.source);
      const words = extractWords(c.source.value, { unquote: true, relax: true }).words;
      const first = words.findIndex((w) => w.replace(/^[-@:+!]+/, "") !== "");
      out.push({
        directive,
        path: c.path,
        args: words.slice(first + 1),
        fullyPrivileged: c.fullyPrivileged,
        noSetuid: c.noSetuid
      });
    }
  }
  return out;
}

// src/recommend/capabilities.ts
var cap = (name) => 1n << BigInt(capabilityFromName(name, 63));
var capNames = capabilityNames;
var capSet = (names) => names.reduce((s, n) => s | cap(n), 0n);
var DROPPER_CAPS = ["CAP_SETUID", "CAP_SETGID", "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER", "CAP_KILL", "CAP_SYS_RESOURCE"];
var RARELY_NEEDED = [
  "CAP_SYS_ADMIN",
  "CAP_SYS_PTRACE",
  "CAP_SYS_MODULE",
  "CAP_SYS_RAWIO",
  "CAP_SYS_BOOT",
  "CAP_MKNOD",
  "CAP_MAC_ADMIN",
  "CAP_MAC_OVERRIDE",
  "CAP_AUDIT_CONTROL",
  "CAP_AUDIT_READ",
  "CAP_LINUX_IMMUTABLE",
  "CAP_SYS_PACCT",
  "CAP_SYS_TTY_CONFIG",
  "CAP_BPF",
  "CAP_PERFMON",
  "CAP_BLOCK_SUSPEND",
  "CAP_WAKE_ALARM",
  "CAP_SYS_TIME",
  "CAP_SYSLOG"
];
var KEPT_BY_CATEGORY = [
  ["time", ["CAP_SYS_TIME"]],
  ["network-manager", ["CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_SYS_MODULE"]],
  ["packet", ["CAP_NET_RAW"]],
  ["tun", ["CAP_NET_ADMIN"]],
  ["log-collector", ["CAP_SYSLOG", "CAP_DAC_READ_SEARCH"]],
  ["backup", ["CAP_DAC_READ_SEARCH"]],
  ["monitoring", ["CAP_SYS_PTRACE", "CAP_DAC_READ_SEARCH"]],
  ["device", ["CAP_SYS_RAWIO", "CAP_MKNOD", "CAP_SYS_ADMIN"]],
  ["mounter", ["CAP_SYS_ADMIN"]],
  ["security-agent", ["CAP_SYS_ADMIN", "CAP_DAC_READ_SEARCH", "CAP_SYS_PTRACE", "CAP_AUDIT_CONTROL", "CAP_AUDIT_READ", "CAP_AUDIT_WRITE"]],
  ["modules", ["CAP_SYS_MODULE"]],
  ["audio", ["CAP_SYS_NICE"]],
  ["realtime", ["CAP_SYS_NICE"]],
  ["chroot", ["CAP_SYS_CHROOT"]]
];
function keptCapabilities(c) {
  const kept = /* @__PURE__ */ new Map();
  const keep = (name, why) => void (kept.has(name) || kept.set(name, why));
  const port = c.privilegedPorts[0];
  if (port) keep("CAP_NET_BIND_SERVICE", port.evidence);
  for (const [cat, caps] of KEPT_BY_CATEGORY) {
    const e = c.categories.get(cat);
    if (e) for (const k of caps) keep(k, e);
  }
  for (const k of capNames(c.service.state.ambientCapabilities)) keep(k, "AmbientCapabilities= grants it");
  return kept;
}
function capabilities(c, nonRoot, ambientAfter) {
  const current = c.service.state.capabilityBoundingSet;
  if (isSet(c.service, "Service", "CapabilityBoundingSet")) {
    return { kind: "skip", reason: "the unit already limits its capabilities; narrowing the set further needs knowledge of the daemon" };
  }
  if (nonRoot && !c.startsAsRootDespiteUser) {
    const helper = c.categories.get("setuid-helper");
    if (helper) return { kind: "skip", reason: `${helper}: setuid/setgid helpers are limited by the bounding set too` };
    const wanted = ambientAfter & current;
    if (wanted === current) return { kind: "in-effect" };
    const names = capNames(wanted);
    return {
      kind: "set",
      value: names.join(" "),
      caps: wanted,
      deny: false,
      risk: "medium",
      reason: names.length === 0 ? "a non-root service holds no capabilities; an empty bounding set only stops it regaining some through setuid or file-capability binaries" : `a non-root service needs only its ambient capabilities (${names.join(" ")})`
    };
  }
  if (c.runtime.kind === "shell") {
    return { kind: "skip", reason: `${c.runtime.evidence}: what a script running as root needs is unknown` };
  }
  const kept = keptCapabilities(c);
  const why = [...kept].map(([k, e]) => `${k} (${e})`).join("; ");
  const drops = c.startsAsRootDespiteUser ?? c.dropsPrivileges;
  if (drops) {
    const allowed = (capSet(DROPPER_CAPS) | capSet([...kept.keys()])) & current;
    if (allowed === current) return { kind: "in-effect" };
    return {
      kind: "set",
      value: capNames(allowed).join(" "),
      caps: allowed,
      deny: false,
      risk: "high",
      reason: `${drops}: keeps what switching users and managing its files need (${DROPPER_CAPS.join(" ")})${why ? `, plus ${why}` : ""}`
    };
  }
  const denied = capSet(RARELY_NEEDED.filter((k) => !kept.has(k))) & current;
  if (denied === 0n) return { kind: "in-effect" };
  return {
    kind: "set",
    value: `~${capNames(denied).join(" ")}`,
    caps: denied,
    deny: true,
    risk: "high",
    reason: `a root service with no known capability list: denies the ones it has no evident use for${why ? `; keeps ${why}` : ""}`
  };
}
function ambientCapabilities(c) {
  const port = c.privilegedPorts[0];
  if (!port) return null;
  if ((c.service.state.ambientCapabilities & cap("CAP_NET_BIND_SERVICE")) !== 0n) return null;
  return { names: ["CAP_NET_BIND_SERVICE"], reason: `${port.evidence}: a non-root service needs CAP_NET_BIND_SERVICE to bind ports below 1024` };
}

// src/recommend/paths.ts
function pathsIn(text) {
  const out = [];
  for (const m of text.matchAll(/(?:^|[=:,\-+\s])(\/[^\s=:,;'"()<>|&]*)/g)) {
    const p = m[1];
    if (p.length > 1 && !p.startsWith("//")) out.push(p);
  }
  return out;
}
function normalizePath(p) {
  if (/[$*?\\`]/.test(p) || /%[^iInNpPjJ]/.test(p) || p.endsWith("%")) return null;
  const parts = p.split("/").filter((s) => s !== "" && s !== ".");
  if (parts.some((s) => s === "..")) return null;
  if (parts[0] === "var" && parts[1] === "run") parts.splice(0, 2, "run");
  return "/" + parts.join("/");
}
var MANAGED = [
  { root: "/var/lib", directive: "StateDirectory", system: /* @__PURE__ */ new Set(["systemd", "dpkg", "dbus", "polkit-1", "private", "sudo", "pam"]) },
  { root: "/var/log", directive: "LogsDirectory", system: /* @__PURE__ */ new Set(["journal", "private"]) },
  { root: "/var/cache", directive: "CacheDirectory", system: /* @__PURE__ */ new Set(["private", "ldconfig"]) },
  { root: "/run", directive: "RuntimeDirectory", system: /* @__PURE__ */ new Set(["systemd", "dbus", "user", "udev", "lock", "utmp", "log", "initramfs", "mount", "credentials", "private", "sudo", "shm"]) }
];
var DATA_ROOTS = ["/srv", "/mnt", "/media", "/data"];
function writeTargetOf(path, { workingDirectory = false } = {}) {
  const parts = path.split("/").slice(1);
  for (const m of MANAGED) {
    if (!(path === m.root || path.startsWith(m.root + "/"))) continue;
    const below = path.slice(m.root.length + 1).split("/").filter((s) => s !== "");
    const top = below[0];
    if (top === void 0 || m.system.has(top)) return null;
    if (below.length === 1 && /\.[A-Za-z0-9]+$/.test(top)) return { kind: "blocker", path, parent: m.root };
    return { kind: "directory", directive: m.directive, name: top, path: `${m.root}/${top}` };
  }
  if (parts[0] === "var" && parts.length >= 2 && !["tmp", "lib", "log", "cache", "run", "empty", "backups", "local", "opt"].includes(parts[1])) {
    return { kind: "path", path: "/" + parts.slice(0, Math.min(parts.length, 3)).join("/") };
  }
  for (const root of DATA_ROOTS) {
    if (path.startsWith(root + "/")) return { kind: "path", path: "/" + parts.slice(0, 2).join("/") };
  }
  if (workingDirectory && /^\/(opt|home|root|usr\/local|var\/opt|var\/local)\//.test(path)) return { kind: "path", path };
  return null;
}
function isWithin(path, dir) {
  return path === dir || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
}
var KEPT_DEVICES = /^\/dev\/(null|zero|full|random|urandom|tty|console|pts|ptmx|shm|mqueue|hugepages|log|stdin|stdout|stderr|fd|core|initctl)(\/|$)/;
function isHardwareDevice(path) {
  return path.startsWith("/dev/") && !KEPT_DEVICES.test(path);
}

// src/recommend/programs.ts
var CATEGORIES = {
  jit: {
    what: "a JIT or managed runtime",
    programs: [
      "java",
      "javaw",
      "jsvc",
      "node",
      "nodejs",
      "deno",
      "bun",
      "npm",
      "npx",
      "yarn",
      "pm2",
      "dotnet",
      "mono",
      "mono-sgen",
      "php",
      "php-fpm",
      "php-cgi",
      "beam",
      "beam.smp",
      "erl",
      "erlexec",
      "elixir",
      "iex",
      "rabbitmq-server",
      "couchdb",
      "ejabberd",
      "ejabberdctl",
      "luajit",
      "openresty",
      "kong",
      "pypy",
      "ruby",
      "puma",
      "unicorn",
      "passenger",
      "wasmtime",
      "wasmer",
      "postgres",
      "postmaster",
      "pg_ctl",
      "pg_ctlcluster",
      "clickhouse",
      "clickhouse-server",
      "qemu-system-*",
      "qemu-kvm",
      "monerod",
      "julia",
      "elasticsearch",
      "opensearch",
      "catalina.sh",
      "tomcat*",
      "jenkins",
      "mongod",
      "mongos",
      "electron",
      "chromium",
      "chrome",
      "google-chrome",
      "firefox",
      "gjs",
      "uwsgi",
      "minetest",
      "minetestserver",
      "dnsdist",
      "pdns_recursor",
      "kresd",
      "rspamd",
      "snort",
      "wkhtmltopdf",
      "phantomjs"
    ]
  },
  interpreter: {
    what: "an interpreter whose extensions may need executable memory",
    programs: ["python", "perl", "gunicorn", "uvicorn", "celery", "twistd", "daphne", "hypercorn", "waitress-serve", "tclsh", "lua", "Rscript", "R"]
  },
  shell: { what: "a shell script", programs: ["sh", "bash", "dash", "zsh", "ksh", "mksh", "busybox"] },
  "privilege-dropper": {
    what: "a daemon that starts as root and drops privileges itself",
    programs: [
      "nginx",
      "apache2",
      "apache2ctl",
      "httpd",
      "lighttpd",
      "h2o",
      "postfix",
      "master",
      "postmulti",
      "sshd",
      "named",
      "unbound",
      "dnsmasq",
      "squid",
      "haproxy",
      "php-fpm",
      "chronyd",
      "ntpd",
      "avahi-daemon",
      "vsftpd",
      "proftpd",
      "pure-ftpd",
      "dhcpd",
      "exim",
      "dovecot",
      "smbd",
      "nmbd",
      "slapd",
      "openvpn",
      "memcached",
      "cupsd",
      "varnishd",
      "pdns_server",
      "pdns_recursor",
      "dnsdist",
      "kresd",
      "knotd",
      "nsd",
      "radiusd",
      "freeradius",
      "courier*",
      "opendkim",
      "opendmarc",
      "spamd",
      "amavisd",
      "clamd",
      "freshclam",
      "cups-browsed",
      "uwsgi",
      "mosquitto",
      "mysqld_safe",
      "inetd",
      "xinetd",
      "ocserv",
      "pptpd",
      "tor",
      "stunnel",
      "upsd",
      "upsmon",
      "snmpd",
      "lldpd",
      "munin-node",
      "icinga2",
      "zabbix_server",
      "zabbix_agentd",
      "bgpd",
      "bgplgd",
      "dhcpcd",
      "minidlnad",
      "rsyslogd",
      "in.tftpd",
      "atftpd",
      "rpc.mountd",
      "rpcbind",
      "krb5kdc",
      "kadmind",
      "inspircd"
    ]
  },
  chroot: {
    what: "a daemon that chroot()s",
    programs: [
      "postfix",
      "master",
      "postmulti",
      "sshd",
      "named",
      "unbound",
      "vsftpd",
      "avahi-daemon",
      "dhcpd",
      "proftpd",
      "pure-ftpd",
      "ntpd",
      "bgpd",
      "bgplgd",
      "lldpd",
      "dhcpcd",
      "in.tftpd",
      "nsd",
      "pdns_server",
      "unbound-helper"
    ]
  },
  "network-manager": {
    what: "a network, VPN, routing or firewall manager",
    programs: [
      "NetworkManager",
      "systemd-networkd",
      "networkd-dispatcher",
      "dhcpcd",
      "dhclient",
      "udhcpc",
      "wpa_supplicant",
      "iwd",
      "hostapd",
      "openvpn",
      "wg-quick",
      "wg",
      "tailscaled",
      "zerotier-one",
      "charon",
      "charon-systemd",
      "ipsec",
      "starter",
      "swanctl",
      "frr",
      "zebra",
      "bgpd",
      "ospfd",
      "watchfrr",
      "bird",
      "keepalived",
      "firewalld",
      "nft",
      "iptables",
      "iptables-restore",
      "ip6tables",
      "ip6tables-restore",
      "ebtables",
      "ipset",
      "ufw",
      "fail2ban-server",
      "kea-dhcp",
      "dhcpd",
      "radvd",
      "ModemManager",
      "connmand",
      "pppd",
      "xl2tpd",
      "pptpd",
      "ifup",
      "ifdown",
      "netplan",
      "ip",
      "tc",
      "brctl",
      "ethtool",
      "iw",
      "ovs-vswitchd",
      "ovsdb-server",
      "ovs-ctl",
      "ovs-vsctl",
      "neutron-*",
      "ocserv",
      "osmo-ggsn",
      "miniupnpd",
      "vip-manager",
      "conntrackd",
      "tincd",
      "fastd",
      "openconnect",
      "vpnc"
    ]
  },
  tun: {
    what: "a VPN or tunnel daemon that needs /dev/net/tun or /dev/ppp",
    programs: [
      "openvpn",
      "tailscaled",
      "zerotier-one",
      "wireguard-go",
      "ocserv",
      "pptpd",
      "pppd",
      "xl2tpd",
      "osmo-ggsn",
      "tincd",
      "fastd",
      "openconnect",
      "vpnc",
      "slirp4netns",
      "ovs-vswitchd"
    ]
  },
  packet: {
    what: "a program that uses raw packet sockets (DHCP, capture, VRRP)",
    programs: [
      "dhcpd",
      "kea-dhcp",
      "dnsmasq",
      "dhcpcd",
      "dhclient",
      "udhcpc",
      "dhcrelay",
      "tcpdump",
      "suricata",
      "snort",
      "zeek",
      "arpwatch",
      "lldpd",
      "hostapd",
      "wpa_supplicant",
      "NetworkManager",
      "systemd-networkd",
      "keepalived",
      "pppoe",
      "pppd",
      "arping",
      "ndppd",
      "darkstat",
      "ntopng",
      "ovs-vswitchd",
      "vip-manager",
      "miniupnpd"
    ]
  },
  time: {
    what: "a time daemon",
    programs: ["chronyd", "chrony", "ntpd", "ntpsec", "openntpd", "ntpdate", "sntp", "systemd-timesyncd", "ptp4l", "phc2sys", "ts2phc", "timemaster", "hwclock"]
  },
  device: {
    what: "a device, hardware or storage daemon",
    programs: [
      "udevd",
      "systemd-udevd",
      "udevadm",
      "udisksd",
      "smartd",
      "lvm",
      "lvmetad",
      "dmeventd",
      "mdadm",
      "mdmon",
      "multipathd",
      "iscsid",
      "iscsiadm",
      "tgtd",
      "tgtadm",
      "tcmu-runner",
      "targetcli",
      "rbd-target-api",
      "rbd-target-gw",
      "upsd",
      "upsmon",
      "upsdrvctl",
      "upsdrvsvcctl",
      "nut-driver*",
      "nut-scanner",
      "usbhid-ups",
      "fwupd",
      "boltd",
      "tlp",
      "thermald",
      "fancontrol",
      "irqbalance",
      "tuned",
      "gpsd",
      "ModemManager",
      "bluetoothd",
      "cupsd",
      "pcscd",
      "tpm2-abrmd",
      "libvirtd",
      "virtqemud",
      "nvidia-persistenced",
      "sensord",
      "sensors",
      "hdparm",
      "acpid",
      "rngd",
      "lircd",
      "brltty",
      "usbguard-daemon",
      "usbmuxd",
      "alsactl",
      "gpm",
      "plymouthd",
      "rasdaemon",
      "mcelog",
      "sanlock",
      "wdmd",
      "watchdog",
      "vmtoolsd",
      "qemu-ga",
      "spice-vdagentd",
      "hv_kvp_daemon",
      "x2gocdmanager",
      "blkmapd",
      "zramswap",
      "zramctl",
      "swapon",
      "mkswap",
      "svxlink",
      "cinder-backup",
      "ocsinventory-agent",
      "dmidecode",
      "btrfs"
    ]
  },
  audio: {
    what: "an audio or speech service",
    programs: [
      "pipewire",
      "pipewire-pulse",
      "wireplumber",
      "pulseaudio",
      "jackd",
      "jackdbus",
      "shairport-sync",
      "mpd",
      "snapserver",
      "snapclient",
      "squeezelite",
      "librespot",
      "spotifyd",
      "speech-dispatcher",
      "svxlink"
    ]
  },
  realtime: {
    what: "a program that uses realtime scheduling",
    programs: ["corosync", "pacemakerd", "freeswitch", "asterisk", "rtkit-daemon", "ptp4l", "phc2sys", "linuxcnc", "jackd"]
  },
  container: {
    what: "a container, VM or sandbox manager",
    programs: [
      "dockerd",
      "docker",
      "containerd",
      "containerd-shim*",
      "podman",
      "conmon",
      "crio",
      "kubelet",
      "k3s",
      "k0s",
      "rke2",
      "lxd",
      "lxc",
      "lxc-start",
      "lxc-autostart",
      "incusd",
      "systemd-nspawn",
      "nix-daemon",
      "runc",
      "crun",
      "buildkitd",
      "buildah",
      "libvirtd",
      "virtqemud",
      "qemu-system-*",
      "firecracker",
      "snapd",
      "flatpak",
      "systemd-machined",
      "systemd-importd",
      "systemd-portabled",
      "slurmd"
    ]
  },
  "ci-runner": {
    what: "a CI or build runner",
    programs: [
      "gitlab-runner",
      "Runner.Listener",
      "runsvc.sh",
      "act_runner",
      "woodpecker-agent",
      "drone-runner-*",
      "buildkite-agent",
      "buildbot",
      "buildbot-worker",
      "obsworker",
      "obs-worker",
      "sbuild",
      "pbuilder",
      "mock",
      "jenkins-agent"
    ]
  },
  "system-manager": {
    what: "a configuration-management, update or provisioning agent",
    programs: [
      "puppet",
      "chef-client",
      "salt-minion",
      "salt-call",
      "ansible-pull",
      "cloud-init",
      "cloud-init-hotplugd",
      "unattended-upgrade",
      "unattended-upgrades",
      "dnf-automatic",
      "packagekitd",
      "apt",
      "apt-get",
      "aptitude",
      "dpkg",
      "apt.systemd.daily",
      "needrestart",
      "snap",
      "snapd*",
      "plinth",
      "trove-guestagent",
      "landscape-client",
      "webmin"
    ]
  },
  session: {
    what: "a login or session manager whose sessions inherit every restriction",
    programs: [
      "sshd",
      "dropbear",
      "login",
      "agetty",
      "getty",
      "mingetty",
      "gdm",
      "lightdm",
      "sddm",
      "greetd",
      "xdm",
      "lxdm",
      "slim",
      "xrdp",
      "xrdp-sesman",
      "telnetd",
      "in.telnetd",
      "cockpit-ws",
      "Xorg",
      "Xvnc",
      "vncserver",
      "weston",
      "cage",
      "phog",
      "x2goserver",
      "kmscon"
    ]
  },
  scheduler: {
    what: "a job scheduler whose jobs inherit every restriction",
    programs: ["cron", "crond", "anacron", "atd", "fcron", "jobber", "supercronic", "bcron"]
  },
  "log-collector": {
    what: "a log collector",
    programs: [
      "rsyslogd",
      "syslog-ng",
      "syslogd",
      "klogd",
      "fluent-bit",
      "td-agent-bit",
      "fluentd",
      "td-agent",
      "vector",
      "promtail",
      "alloy",
      "grafana-agent",
      "filebeat",
      "journalbeat",
      "auditbeat",
      "osqueryd",
      "falco",
      "wazuh-agentd",
      "auditd",
      "systemd-journald",
      "logstash",
      "splunkd",
      "nxlog",
      "mcelog",
      "rasdaemon",
      "dmesg"
    ]
  },
  monitoring: {
    what: "a monitoring agent",
    programs: [
      "node_exporter",
      "prometheus-node-exporter",
      "zabbix_agentd",
      "zabbix_agent",
      "netdata",
      "telegraf",
      "datadog-agent",
      "nrpe",
      "collectd",
      "process-exporter",
      "munin-node",
      "snmpd",
      "icinga2",
      "nagios",
      "naemon",
      "monit",
      "glances",
      "cadvisor",
      "ocsinventory-agent"
    ]
  },
  backup: {
    what: "a backup agent",
    programs: [
      "borg",
      "borgmatic",
      "restic",
      "bacula-fd",
      "bareos-fd",
      "duplicity",
      "duplicati",
      "rsnapshot",
      "amanda",
      "burp",
      "rdiff-backup",
      "btrbk",
      "zrepl",
      "sanoid",
      "syncoid",
      "urbackupclientbackend"
    ]
  },
  browser: {
    what: "a browser engine with its own sandbox",
    programs: ["chromium", "chromium-browser", "chrome", "google-chrome", "headless_shell", "puppeteer", "playwright", "electron", "firefox"]
  },
  mounter: {
    what: "a service that mounts or maintains file systems",
    programs: [
      "automount",
      "autofs",
      "udisksd",
      "snapd",
      "rclone",
      "sshfs",
      "s3fs",
      "goofys",
      "mount",
      "umount",
      "mount.nfs",
      "mount.cifs",
      "zfs",
      "zpool",
      "cryptsetup",
      "cryptdisks_start",
      "losetup",
      "mergerfs",
      "bindfs",
      "gocryptfs",
      "encfs",
      "glusterfs",
      "ceph-fuse",
      "exportfs",
      "rpc.nfsd",
      "rpc.mountd",
      "blkmapd",
      "systemd-importd",
      "systemd-portabled",
      "systemd-machined",
      "snapper",
      "x2gocdmanager",
      "nfsdcltrack",
      "btrfs*",
      "fstrim",
      "e2scrub*",
      "xfs_scrub*"
    ]
  },
  "setuid-helper": {
    what: "a setuid/setgid helper",
    programs: [
      "sudo",
      "su",
      "pkexec",
      "doas",
      "sendmail",
      "mail",
      "mailx",
      "bsd-mailx",
      "fusermount",
      "fusermount3",
      "newuidmap",
      "newgidmap",
      "ping",
      "arping",
      "traceroute",
      "mtr",
      "mtr-packet",
      "crontab",
      "at",
      "unix_chkpwd",
      "passwd",
      "newgrp",
      "sg",
      "dumpcap",
      "postdrop",
      "postqueue",
      "dotlockfile",
      "procmail",
      "ntfs-3g",
      "exim"
    ]
  },
  "mail-sender": {
    what: "a daemon that may send mail alerts through sendmail",
    programs: ["smartd", "mdadm", "monit", "zed", "apcupsd", "upsmon", "logwatch", "fail2ban-server", "aide", "rkhunter", "sympa*", "mailman", "chronyd"]
  },
  hostname: {
    what: "a service that sets or follows the hostname",
    programs: [
      "NetworkManager",
      "systemd-networkd",
      "dhcpcd",
      "dhclient",
      "cloud-init",
      "systemd-hostnamed",
      "hostnamectl",
      "hostname",
      "avahi-daemon",
      "corosync",
      "pacemakerd",
      "ovs-record-hostname",
      "ovs-ctl"
    ]
  },
  "etc-writer": {
    what: "a program that writes to /etc",
    programs: [
      "resolvconf",
      "certbot",
      "acme.sh",
      "update-ca-certificates",
      "ssh-keygen",
      "hostnamectl",
      "timedatectl",
      "localectl",
      "locale-gen",
      "dpkg-reconfigure",
      "netplan",
      "etckeeper",
      "newaliases",
      "postalias",
      "postmap",
      "ldconfig",
      "update-initramfs",
      "update-grub",
      "grub-mkconfig",
      "kernel-install",
      "ovs-record-hostname",
      "ovs-ctl",
      "unbound-helper",
      "configure-instance.sh",
      "sensors-detect",
      "firewalld",
      "fwupd"
    ]
  },
  "shares-tmp": {
    what: "a program that exchanges files through /tmp with other programs",
    programs: ["clamd", "clamonacc", "amavisd", "Xorg", "tmux", "screen"]
  },
  "home-data": {
    what: "a service that reads or writes users' home directories",
    programs: [
      "dovecot",
      "master",
      "postfix",
      "postmulti",
      "courier*",
      "exim",
      "procmail",
      "maildrop",
      "syncthing",
      "smbd",
      "rsync",
      "vsftpd",
      "proftpd",
      "pure-ftpd",
      "clamonacc",
      "rpc.nfsd",
      "exportfs",
      "nfsdcltrack",
      "afpd",
      "netatalk",
      "minidlnad",
      "accounts-daemon",
      "updatedb"
    ]
  },
  installer: {
    what: "a package or image installer",
    programs: ["dpkg", "apt", "apt-get", "rpm", "dnf", "yum", "zypper", "pacman", "snapd", "flatpak", "packagekitd", "unattended-upgrade", "obsworker"]
  },
  namespaces: {
    what: "a program that creates namespaces",
    programs: ["bwrap", "firejail", "unshare", "nsenter", "ip", "neutron-*", "systemd-nspawn", "podman", "buildah", "nix-daemon"]
  },
  modules: {
    what: "a program that loads kernel modules",
    programs: ["modprobe", "insmod", "rmmod", "depmod", "modinfo", "nvidia-persistenced", "zramswap", "openvswitch", "ovs-ctl", "sensors-detect"]
  },
  "kernel-tuner": {
    what: "a program that writes kernel tunables",
    programs: ["sysctl", "irqbalance", "tuned", "tlp", "thermald", "fancontrol", "zramswap", "zramctl", "cpupower", "ethtool", "sensors", "open-iscsi", "udevadm", "systemd-udevd"]
  },
  "security-agent": {
    what: "a security agent that watches the whole system (fanotify, audit, eBPF)",
    programs: ["clamonacc", "fapolicyd", "falco", "osqueryd", "auditd", "usbguard-daemon", "tetragon", "tracee", "wazuh-agentd", "aide"]
  },
  "ipc-shared": {
    what: "a database or middleware that shares SysV/POSIX IPC with sibling processes",
    programs: ["postgres", "postmaster", "pg_ctlcluster", "oracle", "sapstart", "db2sysc"]
  }
};
var DEFAULT_PORTS = {
  nginx: 80,
  apache2: 80,
  apache2ctl: 80,
  httpd: 80,
  lighttpd: 80,
  h2o: 80,
  caddy: 443,
  sshd: 22,
  dropbear: 22,
  named: 53,
  unbound: 53,
  dnsmasq: 53,
  dnsdist: 53,
  pdns_server: 53,
  pdns_recursor: 53,
  kresd: 53,
  knotd: 53,
  nsd: 53,
  master: 25,
  postfix: 25,
  postmulti: 25,
  exim: 25,
  sendmail: 25,
  smtpd: 25,
  "courier*": 25,
  dovecot: 143,
  cupsd: 631,
  "cups-browsed": 631,
  slapd: 389,
  smbd: 445,
  nmbd: 137,
  vsftpd: 21,
  proftpd: 21,
  "pure-ftpd": 21,
  "in.tftpd": 69,
  atftpd: 69,
  dhcpd: 67,
  "kea-dhcp": 67,
  dhcrelay: 67,
  chronyd: 123,
  ntpd: 123,
  rpcbind: 111,
  snmpd: 161,
  krb5kdc: 88,
  kadmind: 464,
  inetd: 21,
  xinetd: 21,
  ocserv: 443,
  charon: 500,
  "charon-systemd": 500,
  bgpd: 179,
  bird: 179
};
function programName(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const stripped = base.replace(/[-_.]?[0-9]+(\.[0-9]+)*$/, "");
  return stripped === "" ? base : stripped;
}
function listed(name, programs) {
  return programs.some((p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p || name === programName(p));
}
function categoriesOf(name) {
  return Object.keys(CATEGORIES).filter((c) => listed(name, CATEGORIES[c].programs));
}
function defaultPort(name) {
  for (const [p, port] of Object.entries(DEFAULT_PORTS)) if (listed(name, [p])) return port;
  return void 0;
}

// src/recommend/facts.ts
var WRAPPERS = /* @__PURE__ */ new Set([
  "env",
  "nice",
  "ionice",
  "chrt",
  "taskset",
  "stdbuf",
  "nohup",
  "setsid",
  "timeout",
  "flock",
  "numactl",
  "cgexec",
  "systemd-cat",
  "unbuffer",
  "tini",
  "dumb-init",
  "catatonit",
  "authbind",
  "xvfb-run",
  "dbus-run-session",
  "prlimit",
  "start-stop-daemon",
  "runuser",
  "setpriv",
  "sudo",
  "su",
  "chpst",
  "gosu",
  "su-exec",
  "s6-setuidgid",
  "setuidgid",
  "daemon"
]);
var USER_SWITCH_WRAPPERS = /* @__PURE__ */ new Set(["runuser", "setpriv", "sudo", "su", "chpst", "gosu", "su-exec", "s6-setuidgid", "setuidgid", "start-stop-daemon"]);
var USER_OPTIONS = /* @__PURE__ */ new Set(["-u", "--user", "--uid", "--runas", "--run-as", "--setuid", "--setuser", "--chuid", "-c", "--reuid", "--username"]);
var MAX_WRITE_TARGETS = 24;
var EXECUTABLE_DIRS = /^\/(usr\/(local\/)?)?(s?bin|lib|libexec|games)\//;
var SHARED_GROUPS = /* @__PURE__ */ new Set([
  "root",
  "wheel",
  "adm",
  "sudo",
  "staff",
  "users",
  "nogroup",
  "nobody",
  "systemd-journal",
  "disk",
  "video",
  "audio",
  "render",
  "dialout",
  "input",
  "kvm",
  "tty",
  "utmp",
  "shadow",
  "mail",
  "daemon",
  "sys",
  "lp",
  "plugdev",
  "netdev"
]);
function readFacts(service) {
  const state = service.state;
  const commands = commandLines(service);
  const main = commands.find((c) => c.directive === "ExecStart") ?? commands[0];
  const env = listValue(service, "Service", "Environment");
  const programs = /* @__PURE__ */ new Map();
  const addProgram = (name, how) => {
    if (name !== "" && !programs.has(name)) programs.set(name, how);
  };
  for (const c of commands) {
    const name = programName(c.path);
    addProgram(name, `${c.directive} runs ${name}`);
    for (const p of nestedPrograms(c)) addProgram(p, `${c.directive} runs ${p}`);
  }
  const unitName = unitPrefix(service.unit);
  const categories = /* @__PURE__ */ new Map();
  for (const [name, how] of programs) {
    for (const cat of categoriesOf(name)) if (!categories.has(cat)) categories.set(cat, `${how}, ${CATEGORIES[cat].what}`);
  }
  for (const cat of categoriesOf(programName(unitName))) {
    if (!categories.has(cat)) categories.set(cat, `the unit ${service.unit} is named after ${CATEGORIES[cat].what}`);
  }
  if (state.delegate && !categories.has("container")) categories.set("container", "Delegate= hands it a cgroup subtree, as container managers need");
  for (const c of commands) {
    if (/\.sh$/.test(c.path) && !categories.has("shell")) categories.set("shell", `${c.directive} runs the script ${c.path}`);
  }
  const words = commands.flatMap((c) => c.args);
  const runtime = runtimeOf(main, categories, words);
  const runsAsRoot = !state.dynamicUser && (state.user === null || state.user === "" || state.user === "root" || state.user === "0");
  const bang = commands.find((c) => c.directive === "ExecStart" && c.noSetuid);
  const startsAsRootDespiteUser = !runsAsRoot && bang ? `ExecStart=!${bang.path} starts as root and switches to User= itself` : null;
  const namedUser = namedUserOf(service, main);
  const dropper = categories.get("privilege-dropper");
  const dropsPrivileges = bang ? `ExecStart=!${bang.path} switches users itself` : namedUser && !namedUser.evidence.startsWith("Group=") ? namedUser.evidence : dropper ?? null;
  const privilegedPorts = portsOf(main ? [main] : [], env, programs);
  const mentioned = mentionedPaths(service, commands, env);
  const network = networkEvidence(service, privilegedPorts, words, env, categories);
  return {
    service,
    commands,
    programs: [...programs.keys()],
    categories,
    runtime,
    runsAsRoot,
    startsAsRootDespiteUser,
    dropsPrivileges,
    namedUser,
    privilegedPorts,
    network,
    tmpPaths: mentioned.all.filter((p) => isWithin(p, "/tmp") || isWithin(p, "/var/tmp")),
    homePaths: mentioned.all.filter((p) => isWithin(p, "/home") || isWithin(p, "/root") || isWithin(p, "/run/user")),
    devicePaths: mentioned.all.filter(isHardwareDevice),
    kernelPaths: mentioned.all.filter((p) => isWithin(p, "/proc/sys") || isWithin(p, "/sys")),
    writeTargets: mentioned.writes,
    createdDirs: createdDirs(commands)
  };
}
function nestedPrograms(c) {
  const out = [];
  const name = programName(c.path);
  if (WRAPPERS.has(name)) {
    const target = c.args.find((a, i) => (a.startsWith("/") || /^[A-Za-z][\w.+-]*$/.test(a)) && !a.includes("=") && !(c.args[i - 1] ?? "").startsWith("-"));
    if (target) out.push(programName(target));
  }
  for (const a of c.args) {
    for (const token of a.split(/[\s;&|()]+/)) {
      if (EXECUTABLE_DIRS.test(token) || /^\/opt\/[^/]+\/(s?bin)\//.test(token)) out.push(programName(token));
    }
  }
  if (CATEGORIES.shell.programs.includes(name)) {
    const i = c.args.indexOf("-c");
    const script = i >= 0 ? c.args[i + 1] : void 0;
    if (script) {
      for (const m of script.matchAll(/(?:^|[;&|(]|\bexec)\s*([\w./+-]+)/g)) out.push(programName(m[1]));
    }
  }
  return out;
}
function runtimeOf(main, categories, words) {
  const jit = categories.get("jit") ?? categories.get("browser");
  if (jit) return { kind: "jit", evidence: jit };
  const jitFile = words.find((w) => /\.(jar|war|js|mjs|php)$/.test(w) || w === "-jar");
  if (jitFile) return { kind: "jit", evidence: `the command line names ${jitFile}, which runs on a JIT runtime` };
  const shell = categories.get("shell");
  if (shell && main && (CATEGORIES.shell.programs.includes(programName(main.path)) || main.path.endsWith(".sh"))) return { kind: "shell", evidence: shell };
  if (main?.path.startsWith("/etc/")) return { kind: "shell", evidence: `${main.directive} runs ${main.path}, a script` };
  const interpreter = categories.get("interpreter");
  if (interpreter) return { kind: "interpreter", evidence: interpreter };
  const script = words.find((w) => /\.(py|pl|rb|lua|tcl)$/.test(w));
  if (script) return { kind: "interpreter", evidence: `the command line runs the script ${script}` };
  return { kind: "native", evidence: main ? `${main.path} is not a known JIT runtime, interpreter or script` : "no command line" };
}
function namedUserOf(service, main) {
  const ok = (u) => u !== void 0 && isValidStrictUserName(u) && !["root", "nobody", "nogroup"].includes(u) && !/^[0-9]+$/.test(u);
  if (main) {
    const name = programName(main.path);
    const wrapper = USER_SWITCH_WRAPPERS.has(name);
    const args = main.args;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const [opt, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, void 0];
      if (!USER_OPTIONS.has(opt) || opt === "-c" && name !== "start-stop-daemon") continue;
      const user = (inline ?? args[i + 1])?.split(/[:.]/)[0];
      if (ok(user)) return { user, evidence: `ExecStart passes ${opt} ${user} to ${name}`, wrapper };
    }
    if (["su", "gosu", "su-exec", "s6-setuidgid", "setuidgid"].includes(name)) {
      const user = args.find((a) => !a.startsWith("-"))?.split(":")[0];
      if (ok(user)) return { user, evidence: `ExecStart runs ${name} ${user}`, wrapper: true };
    }
  }
  const group = scalarValue(service, "Service", "Group");
  if (ok(group ?? void 0) && !SHARED_GROUPS.has(group)) return { user: group, evidence: `Group=${group} names the service's own group`, wrapper: false };
  return null;
}
var PORT_OPTION = /^--?(?:[a-z-]*port|p|listen|bind|l|b)$/i;
function portsOf(commands, env, programs) {
  const found = /* @__PURE__ */ new Map();
  const note = (port, evidence) => {
    if (port > 0 && port < 1024 && !found.has(port)) found.set(port, evidence);
  };
  const fromValue = (value, evidence) => {
    const m = /^(?:(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9_.*-]*):)?(\d{1,5})$/.exec(value);
    if (m) note(Number(m[1]), evidence);
  };
  for (const c of commands) {
    const args = c.args;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const eq = a.indexOf("=");
      const opt = eq >= 0 ? a.slice(0, eq) : a;
      if (PORT_OPTION.test(opt)) {
        const value = eq >= 0 ? a.slice(eq + 1) : args[i + 1];
        if (value !== void 0) fromValue(value, `${c.directive} passes ${opt} ${value}`);
      } else if (/^(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9_.*-]*):\d{1,5}$/.test(a)) fromValue(a, `${c.directive} listens on ${a}`);
      for (const m of a.matchAll(/\blisten\s+(?:\S+:)?(\d{1,5})\b/gi)) note(Number(m[1]), `${c.directive} contains "${m[0]}"`);
    }
  }
  for (const e of env) {
    const m = /^([A-Za-z_]*(?:PORT|LISTEN|BIND)[A-Za-z_]*)=(.*)$/i.exec(e);
    if (m) fromValue(m[2], `Environment=${e}`);
  }
  for (const [name, how] of programs) {
    const port = defaultPort(name);
    if (port !== void 0) note(port, `${how}, which listens on port ${port} by default`);
  }
  return [...found].map(([port, evidence]) => ({ port, evidence }));
}
var NETWORK_TARGETS = /\b(network|network-online|nss-lookup)\.target\b/;
function networkEvidence(service, ports, words, env, categories) {
  for (const key of ["After", "Wants", "Requires", "BindsTo"]) {
    for (const a of assignmentsOf(service, "Unit", key)) {
      const m = NETWORK_TARGETS.exec(a.value);
      if (m) return `${key}=${m[0]}`;
    }
  }
  if (ports.length > 0) return ports[0].evidence;
  for (const cat of ["network-manager", "packet", "tun", "privilege-dropper", "monitoring", "backup", "system-manager", "ci-runner", "container", "scheduler", "session", "time"]) {
    const e = categories.get(cat);
    if (e) return e;
  }
  const all = [...words, ...env];
  const url = all.find((w) => /[a-z][a-z0-9+.-]*:\/\/|(?:^|[=\s@])\d{1,3}(?:\.\d{1,3}){3}\b|:\d{2,5}$|\bport\b/i.test(w));
  if (url) return `the unit mentions ${url}`;
  const families = listValue(service, "Service", "RestrictAddressFamilies");
  if (families.some((f) => /^~?AF_INET6?$/i.test(f))) return "RestrictAddressFamilies= already allows Internet sockets";
  if (assignmentsOf(service, "Service", "IPAddressAllow").length > 0) return "IPAddressAllow= lists peers";
  if (assignmentsOf(service, "Service", "Sockets").length > 0) return "Sockets= passes it sockets";
  return null;
}
function mentionedPaths(service, commands, env) {
  const raw = [];
  const add = (text, workingDirectory = false) => {
    for (const p of pathsIn(text)) raw.push({ path: p, workingDirectory });
  };
  for (const c of commands) for (const a of c.args) add(a);
  for (const e of env) add(e);
  for (const key of ["PIDFile", "StandardOutput", "StandardError", "RootDirectory", "TTYPath"]) {
    const v = scalarValue(service, "Service", key);
    if (v) add(v);
  }
  const wd = scalarValue(service, "Service", "WorkingDirectory");
  if (wd === "~" || wd === "-~") raw.push({ path: "/root", workingDirectory: false });
  else if (wd) add(wd.replace(/^-/, ""), true);
  for (const key of ["EnvironmentFile", "ReadWritePaths", "ReadOnlyPaths", "BindPaths", "BindReadOnlyPaths", "DeviceAllow"]) {
    for (const v of listValue(service, "Service", key)) add(v.replace(/^[-+]+/, ""));
  }
  const all = [];
  const writes = [];
  const executables = commands.map((c) => c.path);
  const instance = unitNameKind(service.unit) === "instance";
  for (const { path, workingDirectory } of raw) {
    const p = normalizePath(path);
    if (p === null || !instance && /%[iI]/.test(p)) continue;
    if (!all.includes(p)) all.push(p);
    const target = writeTargetOf(p, { workingDirectory });
    if (!target || executables.some((x) => isWithin(x, target.path))) continue;
    if (!writes.some((w) => w.path === target.path && w.kind === target.kind)) writes.push(target);
  }
  const blockers = writes.filter((w) => w.kind === "blocker");
  return { all, writes: [...blockers, ...writes.filter((w) => w.kind !== "blocker").slice(0, MAX_WRITE_TARGETS)] };
}
function createdDirs(commands) {
  const out = [];
  for (const c of commands) {
    const isMkdir = programName(c.path) === "mkdir" || programName(c.path) === "install";
    const words = isMkdir ? c.args : c.args.flatMap((a) => /\bmkdir\b/.test(a) ? a.split(/\s+/) : []);
    for (const w of words) {
      const p = w.startsWith("/") ? normalizePath(w) : null;
      if (p) out.push(p);
    }
  }
  return out;
}
function dynamicUserNameOk(unit) {
  const prefix = unitPrefix(unit);
  return !isValidStrictUserName(prefix) || !["root", "nobody"].includes(prefix);
}

// src/recommend/context.ts
function readContext(service, version) {
  const facts = readFacts(service);
  const vetoes = /* @__PURE__ */ new Map();
  for (const rule of RULES) {
    const evidence = rule.when(facts);
    if (evidence === null) continue;
    for (const d of rule.directives === "all" ? ALL_DIRECTIVES : rule.directives) {
      if (!vetoes.has(d)) vetoes.set(d, `${evidence}: ${rule.because}`);
    }
  }
  return { ...facts, version, vetoes };
}
var REPORT_ONLY = ["container", "ci-runner", "system-manager", "session", "scheduler"];
var NEEDS_ROOT = [
  "network-manager",
  "tun",
  "packet",
  "time",
  "device",
  "audio",
  "realtime",
  "log-collector",
  "monitoring",
  "backup",
  "mounter",
  "kernel-tuner",
  "modules",
  "home-data",
  "etc-writer",
  "installer",
  "ipc-shared",
  "setuid-helper",
  "chroot",
  "namespaces",
  "mail-sender"
];
var ALL_DIRECTIVES = [...new Set(CATALOGUE.map((e) => e.directive))];
var MOUNT_NAMESPACE = [
  "PrivateTmp",
  "ProtectHome",
  "ProtectSystem",
  "PrivateDevices",
  "PrivateMounts",
  "ProtectKernelTunables",
  "ProtectKernelModules",
  "ProtectKernelLogs",
  "ProtectControlGroups"
];
var category = (...cats) => (f) => {
  for (const c of cats) {
    const e = f.categories.get(c);
    if (e) return e;
  }
  return null;
};
var program = (names, what) => (f) => {
  const p = f.programs.find((n) => names.includes(n));
  return p === void 0 ? null : `the unit runs ${p}, ${what}`;
};
var mentions = (pick, what) => (f) => {
  const p = pick(f)[0];
  return p === void 0 ? null : `the unit mentions ${p}${what}`;
};
var setting = (key, test, section = "Service") => (f) => {
  const v = scalarValue(f.service, section, key);
  return v !== null && test(v) ? `${key}=${v}` : null;
};
var RULES = [
  { directives: "all", when: category(...REPORT_ONLY), because: "every restriction applies to everything it starts, so its hardening needs a review by hand" },
  { directives: MOUNT_NAMESPACE, when: category("mounter"), because: "any mount namespace would cut the propagation of its mounts to the host" },
  { directives: MOUNT_NAMESPACE, when: setting("WorkingDirectory", (v) => /^-?\/(proc|sys|dev)(\/|$)/.test(v)), because: "systemd 257 and later refuse to start a service whose working directory is below /proc, /sys or /dev once it has a mount namespace" },
  { directives: ["MemoryDenyWriteExecute"], when: (f) => f.runtime.kind === "jit" ? f.runtime.evidence : null, because: "JIT compilers need writable and executable memory" },
  { directives: ["MemoryDenyWriteExecute"], when: (f) => f.runtime.kind === "shell" ? f.runtime.evidence : null, because: "the real runtime behind a script is unknown, and the restriction is inherited by everything it starts" },
  { directives: ["NoNewPrivileges"], when: category("setuid-helper"), because: "NoNewPrivileges= would stop setuid/setgid helpers from gaining their privileges" },
  { directives: ["PrivateTmp"], when: setting("DefaultDependencies", (v) => /^(0|no|n|false|f|off)$/i.test(v), "Unit"), because: "an early-boot service would be ordered after the /tmp mounts, which can create ordering cycles" },
  { directives: ["PrivateTmp"], when: (f) => {
    const p = scalarValue(f.service, "Service", "PIDFile");
    return p && /^\/(var\/)?tmp\//.test(p) ? `PIDFile=${p}` : null;
  }, because: "PID 1 reads the PID file outside the private /tmp" },
  { directives: ["PrivateTmp"], when: category("shares-tmp"), because: "a private /tmp would hide those files from the other side" },
  { directives: ["PrivateTmp"], when: (f) => isSet(f.service, "Unit", "JoinsNamespaceOf") ? "JoinsNamespaceOf= is set" : null, because: "the unit shares its namespaces with another unit on purpose" },
  { directives: ["ProtectHome"], when: category("home-data"), because: "ProtectHome= would hide the home directories it works on" },
  { directives: ["ProtectKernelTunables"], when: category("network-manager", "tun", "kernel-tuner"), because: "ProtectKernelTunables= would make /proc/sys and /sys read-only for it" },
  { directives: ["ProtectKernelTunables"], when: mentions((f) => f.kernelPaths, ""), because: "ProtectKernelTunables= would make it read-only" },
  { directives: ["ProtectKernelModules"], when: category("modules"), because: "ProtectKernelModules= would stop that" },
  { directives: ["ProtectKernelLogs"], when: category("log-collector"), because: "ProtectKernelLogs= would cut it off from the kernel log" },
  { directives: ["ProtectKernelLogs"], when: mentions((f) => f.devicePaths.filter((p) => p === "/dev/kmsg"), ""), because: "ProtectKernelLogs= would hide it" },
  { directives: ["ProtectClock"], when: category("time"), because: "it must be able to set the clock (it keeps CAP_SYS_TIME and @clock)" },
  { directives: ["ProtectClock"], when: category("monitoring"), because: "monitoring agents read clock state through adjtimex(), which ProtectClock= blocks" },
  { directives: ["ProtectHostname"], when: category("hostname"), because: "it sets or follows the hostname, which a private UTS namespace hides" },
  { directives: ["RestrictSUIDSGID"], when: category("installer", "backup"), because: "setuid/setgid bits of the files it installs or restores must survive" },
  { directives: ["RestrictRealtime"], when: category("audio", "realtime", "time"), because: "it may need realtime scheduling" },
  { directives: ["RestrictRealtime"], when: setting("CPUSchedulingPolicy", (v) => v === "fifo" || v === "rr"), because: "the unit asks for realtime scheduling" },
  { directives: ["LockPersonality"], when: program(["wine", "wine64", "setarch", "linux32", "linux64", "box86", "box64"], "which switches execution domains"), because: "LockPersonality= forbids that" },
  { directives: ["SystemCallArchitectures", "LockPersonality"], when: mentions((f) => f.programs.filter((p) => /i[3-6]86|lib32|wine|steam|srcds/.test(p)), " (a 32-bit program)"), because: "32-bit binaries need the secondary ABI" },
  { directives: ["ProtectSystem"], when: category("etc-writer", "installer", "network-manager"), because: "ProtectSystem= would make the OS directories it writes read-only" },
  { directives: ["PrivateDevices"], when: category("device", "audio", "tun"), because: "it needs device nodes (use DevicePolicy=closed with an explicit DeviceAllow= list instead)" },
  { directives: ["PrivateDevices"], when: mentions((f) => f.devicePaths, ""), because: "PrivateDevices= would hide that device" },
  { directives: ["PrivateDevices"], when: (f) => listValue(f.service, "Service", "DeviceAllow").length > 0 ? "DeviceAllow= lists devices" : null, because: "the unit has its own device allow-list" },
  { directives: ["PrivateDevices"], when: (f) => {
    const g = listValue(f.service, "Service", "SupplementaryGroups").find((x) => DEVICE_GROUPS.has(x));
    return g ? `SupplementaryGroups=${g}` : null;
  }, because: "device group membership means it uses device nodes" },
  { directives: ["RemoveIPC"], when: category("ipc-shared"), because: "sibling processes of the same user share IPC objects with it" },
  { directives: ["RemoveIPC"], when: (f) => f.service.state.user !== null && SHARED_IPC_USERS.has(f.service.state.user) ? `User=${f.service.state.user}` : null, because: "other units of that account share IPC objects, which would be removed when this one stops" },
  { directives: ["ProtectProc"], when: category("monitoring"), because: "it needs to see other users' processes" },
  { directives: ["RestrictNamespaces"], when: category("browser", "namespaces"), because: "it creates namespaces for its own sandbox or for network setup" },
  { directives: ["RestrictAddressFamilies"], when: category("network-manager", "tun"), because: "it needs socket families (netlink, packet, bluetooth, …) the unit does not enumerate" },
  { directives: ["IPAddressDeny"], when: (f) => f.network, because: "it uses the network, so denying all IP traffic would cut it off" }
];
var SHARED_IPC_USERS = /* @__PURE__ */ new Set(["postgres", "mysql", "oracle", "sybase", "db2inst1", "mongodb"]);
var DEVICE_GROUPS = /* @__PURE__ */ new Set(["video", "render", "dialout", "kvm", "disk", "input", "audio", "lp", "cdrom", "tty", "plugdev", "i2c", "gpio", "spi"]);
function privateTmp(c) {
  const value = Number(c.version) >= 257 ? "disconnected" : "yes";
  const tmp = c.tmpPaths[0];
  if (tmp !== void 0) {
    return { value, risk: "high", reason: `the unit mentions ${tmp}: if another program reads or writes it, the private /tmp hides it from them` };
  }
  return value === "disconnected" ? { value, reason: "systemd ≥ 257: a fresh tmpfs, without the ordering on the host's /tmp and /var/tmp mounts" } : { value };
}
function protectHome(c) {
  const home = c.homePaths[0];
  if (home !== void 0) return { value: "read-only", risk: "medium", reason: `the unit mentions ${home}, so home directories stay readable` };
  const backup = c.categories.get("backup");
  if (backup) return { value: "read-only", risk: "medium", reason: `${backup}: it must read home directories` };
  return { value: "yes" };
}
function noNewPrivileges(c) {
  const mail = c.categories.get("mail-sender");
  if (mail) return { value: "yes", risk: "medium", reason: `${mail}: if it mails alerts through sendmail, the setgid postdrop helper stops working` };
  if (c.runtime.kind === "shell") return { value: "yes", risk: "medium", reason: `${c.runtime.evidence}: check that it calls no setuid helper (sudo, su, ping, sendmail)` };
  return { value: "yes" };
}
function memoryDenyWriteExecute(c) {
  if (c.runtime.kind === "interpreter") {
    return { value: "yes", risk: "high", reason: `${c.runtime.evidence}: native extensions (ctypes/cffi callbacks, JIT libraries) may need writable executable memory` };
  }
  return { value: "yes", reason: `${c.runtime.evidence}; the restriction is inherited by every child process` };
}
function systemCallFilter(c) {
  const extras = [];
  const why = [];
  const add = (entry2, evidence) => {
    if (!evidence || extras.includes(entry2)) return;
    extras.push(entry2);
    why.push(`${entry2} because ${evidence}`);
  };
  add("@clock", c.categories.get("time"));
  add("chroot", c.categories.get("chroot"));
  add("@mount", c.categories.get("mounter"));
  add("@module", c.categories.get("modules"));
  const names = (list) => {
    const p = c.programs.find((n) => list.includes(n));
    return p === void 0 ? void 0 : `the unit runs ${p}`;
  };
  add("@swap", names(["swapon", "swapoff", "mkswap", "zramswap"]));
  add("@debug", names(["gdb", "strace", "ltrace", "perf"]));
  add("@reboot", names(["reboot", "shutdown", "poweroff", "kexec"]));
  const value = ["@system-service", ...extras].join(" ");
  return why.length > 0 ? { value, reason: `adds ${why.join("; ")}` } : { value };
}
var EXTRA_FAMILIES = {
  bluetoothd: "AF_BLUETOOTH",
  iwd: "AF_ALG",
  cryptsetup: "AF_ALG",
  vmtoolsd: "AF_VSOCK",
  "qemu-ga": "AF_VSOCK"
};
function addressFamilies(c) {
  const families = ["AF_UNIX", "AF_NETLINK"];
  if (c.network) families.push("AF_INET", "AF_INET6");
  const packet = c.categories.get("packet");
  if (packet) families.push("AF_PACKET");
  for (const p of c.programs) {
    const extra = EXTRA_FAMILIES[p];
    if (extra && !families.includes(extra)) families.push(extra);
  }
  const value = families.join(" ");
  if (!c.network) {
    return { value, risk: "high", reason: "nothing in the unit suggests Internet use; add AF_INET AF_INET6 if it connects anywhere" };
  }
  const parts = [`Internet sockets because ${c.network}`, "AF_NETLINK for interface lookups (getifaddrs())"];
  if (packet) parts.push(`AF_PACKET because ${packet}`);
  return { value, reason: parts.join("; ") };
}
function ipAddressDeny() {
  return { value: "any", reason: "nothing in the unit suggests it uses the network; if it does, list its peers in IPAddressAllow=" };
}

// src/recommend/filesystem.ts
function protectSystem(c) {
  const current = c.service.state.protectSystem;
  if (current === "strict") return { kind: "in-effect" };
  const blocker = c.writeTargets.find((t) => t.kind === "blocker");
  if (blocker) {
    const why = `${blocker.path} is written straight into ${blocker.parent}, which strict would make read-only (move it into a directory of its own to use strict)`;
    if (current === "full") return { kind: "skip", reason: `strict: ${why}` };
    return { kind: "set", value: "full", risk: "medium", reason: why };
  }
  const broad = category(...WRITES_ANYWHERE)(c);
  if (broad) {
    const why = `${broad}: it writes to locations the unit does not list (mail spools, log files, restored files), which strict would make read-only`;
    if (current === "full") return { kind: "skip", reason: `strict: ${why}` };
    return { kind: "set", value: "full", risk: "medium", reason: why };
  }
  const known = c.writeTargets.length > 0 || DIRECTORY_KEYS.some((k) => isSet(c.service, "Service", k)) || isSet(c.service, "Service", "ReadWritePaths");
  if (!known && current !== "no") {
    return { kind: "skip", reason: `strict: the unit chose ProtectSystem=${current} and names none of the locations it writes, which strict would make read-only` };
  }
  const upgrade = current === "no" ? "" : `upgrades ProtectSystem=${current}; `;
  return {
    kind: "set",
    value: "strict",
    risk: "high",
    reason: known ? `${upgrade}the write locations the unit mentions stay writable` : `${upgrade}the unit names no write locations: add ReadWritePaths= for anything it writes outside /tmp`
  };
}
var DIRECTORY_KEYS = ["StateDirectory", "LogsDirectory", "CacheDirectory", "RuntimeDirectory"];
var WRITES_ANYWHERE = ["home-data", "log-collector", "backup"];
function writeDirectives(c, nonRoot, privateTmpAfter) {
  const out = [];
  const existing = new Map(DIRECTORY_KEYS.map((k) => [k, new Set(listValue(c.service, "Service", k))]));
  const writable = listValue(c.service, "Service", "ReadWritePaths").map((p) => p.replace(/^[-+]+/, ""));
  const covered = (path) => writable.some((w) => isWithin(path, w));
  const pidFile = scalarValue(c.service, "Service", "PIDFile");
  let preserve = isSet(c.service, "Service", "RuntimeDirectoryPreserve");
  for (const t of c.writeTargets) {
    if (t.kind === "blocker" || covered(t.path)) continue;
    if (t.kind === "path") {
      out.push({ directive: "ReadWritePaths", value: `-${t.path}`, reason: `the unit mentions ${t.path}` });
      continue;
    }
    if (existing.get(t.directive).has(t.name)) continue;
    const createdHere = c.createdDirs.some((d) => isWithin(d, t.path)) || pidFile !== null && isWithin(pidFile.replace(/^\/var\/run\//, "/run/"), t.path);
    if (nonRoot || t.directive === "RuntimeDirectory" && createdHere) {
      out.push({ directive: t.directive, value: t.name, reason: `the unit mentions ${t.path}` });
      if (t.directive === "RuntimeDirectory" && !preserve) {
        preserve = true;
        out.push({ directive: "RuntimeDirectoryPreserve", value: "yes", reason: `keeps ${t.path} when the service stops, as it was before, for sibling units and clients that use it` });
      }
    } else {
      out.push({ directive: "ReadWritePaths", value: `-${t.path}`, reason: `the unit mentions ${t.path}; a root service keeps the directory's owner (${t.directive}= would chown it to root)` });
    }
  }
  if (!privateTmpAfter && !covered("/tmp")) {
    out.push({ directive: "ReadWritePaths", value: "-/tmp -/var/tmp", reason: "without PrivateTmp=, strict would make the shared /tmp read-only" });
  }
  return out;
}

// src/recommend/identity.ts
function identity(c, strictPossible) {
  const state = c.service.state;
  if (state.user === "nobody" && !state.dynamicUser) {
    return { kind: "skip", directive: "User", reason: "User=nobody is an identity shared with other services: create a dedicated user (sysusers.d) and set User= to it" };
  }
  if (!c.runsAsRoot) return { kind: "unchanged" };
  if (state.user !== null) return { kind: "skip", directive: "User", reason: `User=${state.user} is set explicitly` };
  const rootNeed = category(...NEEDS_ROOT)(c);
  const dropper = category("privilege-dropper")(c);
  const bang = c.commands.find((x) => x.directive === "ExecStart" && x.noSetuid);
  const named = c.namedUser;
  if (named?.wrapper) {
    return { kind: "skip", directive: "User", reason: `${named.evidence}: set User=${named.user} and drop the wrapper by hand` };
  }
  if (bang) return { kind: "skip", directive: "User", reason: `ExecStart=!${bang.path} is meant to start as root and switch users itself` };
  if (dropper) return { kind: "skip", directive: "User", reason: `${dropper}: running it as a non-root user from the start needs its configuration changed` };
  if (rootNeed) return { kind: "skip", directive: named ? "User" : "DynamicUser", reason: `${rootNeed}: it needs root privileges` };
  if (named) {
    const alsoFlag = named.evidence.startsWith("Group=") ? "" : `; its own switch to ${named.user} becomes a no-op`;
    return { kind: "static", user: named.user, reason: `${named.evidence}${alsoFlag}` };
  }
  const unsafe = dynamicUserObstacle(c, strictPossible);
  if (unsafe) return { kind: "skip", directive: "DynamicUser", reason: unsafe };
  return { kind: "dynamic", reason: "nothing in the unit needs root: a transient user owns only the directories systemd manages for it" };
}
function dynamicUserObstacle(c, strictPossible) {
  const s = c.service.state;
  if (!s.defaultDependencies) return "DefaultDependencies=no: an early-boot service cannot rely on NSS for a dynamic user";
  if (s.type === "dbus" || s.busName !== null) return "it is a D-Bus service, and bus policies are usually keyed on a user name";
  if (s.type === "forking") return "Type=forking: a traditional forking daemon usually manages its PID file and privileges itself";
  if (c.runtime.kind === "shell") return `${c.runtime.evidence}: what a script needs root for is unknown`;
  if (s.permissionsStartOnly) return "PermissionsStartOnly=yes: its control commands expect to run as root";
  const privileged = c.commands.find((x) => x.fullyPrivileged || x.noSetuid);
  if (privileged) return `${privileged.directive}=${privileged.fullyPrivileged ? "+" : "!"}${privileged.path} expects root-owned state`;
  const prep = c.commands.find((x) => x.directive !== "ExecStart" && ["mkdir", "chown", "chmod", "install", "ln", "cp", "mv", "rm"].includes(x.path.slice(x.path.lastIndexOf("/") + 1)));
  if (prep) return `${prep.directive}=${prep.path} prepares files as root`;
  if (!strictPossible) return "a dynamic user implies ProtectSystem=strict, which this unit cannot take";
  const outside = c.writeTargets.find((t) => t.kind === "path");
  if (outside) return `it writes to ${outside.path}, outside the directories a dynamic user can own`;
  if (isSet(c.service, "Service", "ReadWritePaths")) return "ReadWritePaths= lists locations a dynamic user would not own";
  const home = c.homePaths[0];
  if (home) return `the unit mentions ${home}`;
  const dev = c.devicePaths[0];
  if (dev) return `the unit mentions ${dev}, which a dynamic user cannot open`;
  if (listValue(c.service, "Service", "SupplementaryGroups").length > 0) return "SupplementaryGroups= grants group-based access a dynamic user would change";
  const declared = c.writeTargets.some((t) => t.kind === "directory") || DIRECTORY_KEYS.some((k) => isSet(c.service, "Service", k));
  if (!declared) return "the unit does not say where the service keeps its data, and a dynamic user cannot write to directories owned by root or another account (declare them with StateDirectory= and friends first)";
  if (!dynamicUserNameOk(c.service.unit)) return `the unit name would make the dynamic user "${c.service.unit.split(/[@.]/)[0]}"`;
  return null;
}

// src/recommend/candidates.ts
var DEFAULT_REASON = "not in effect, and nothing in the unit needs what it takes away";
function planPhases(c) {
  const s = c.service.state;
  const skipped = [];
  const inEffect = [];
  const phases = new Map(PHASES.map((p) => [p.id, []]));
  const skip = (directive, reason, value) => {
    if (!skipped.some((x) => x.directive === directive)) skipped.push(value === void 0 ? { directive, reason } : { directive, value, reason });
  };
  const offer = (entryId, o) => {
    const entry2 = catalogueEntry(entryId);
    const veto = c.vetoes.get(entry2.directive);
    if (o.inEffect) {
      if (!inEffect.includes(entry2.directive)) inEffect.push(entry2.directive);
      return null;
    }
    if (veto) {
      skip(entry2.directive, veto);
      return null;
    }
    if (o.deliberate) {
      skip(entry2.directive, o.deliberate);
      return null;
    }
    if (!honouredBy(entry2, c.version)) {
      skip(entry2.directive, `${entry2.id} needs systemd ${entry2.minVersion} or newer`, entry2.value);
      return null;
    }
    const candidate = {
      entry: entry2,
      directive: entry2.directive,
      value: o.value ?? o.adjust?.value ?? entry2.value,
      risk: o.adjust?.risk ?? entry2.risk,
      reason: o.adjust?.reason ?? DEFAULT_REASON,
      ...o.takesEffect ? { takesEffect: o.takesEffect } : {}
    };
    phases.get(entry2.phase).push(candidate);
    return candidate;
  };
  const attach = (id, value, reason, risk, to) => {
    const entry2 = catalogueEntry(id);
    phases.get(entry2.phase).push({ entry: entry2, directive: entry2.directive, value, risk, reason, companionOf: to });
  };
  const bool = (directive, key, adjust) => offer(`${directive}=yes`, { inEffect: s[key], deliberate: turnedOff(c, directive), takesEffect: (st) => st[key], ...adjust ? { adjust } : {} });
  const keyword = (directive, key) => offer(`${directive}=yes`, { inEffect: s[key] !== "no", deliberate: turnedOff(c, directive), takesEffect: (st) => st[key] !== "no" });
  bool("NoNewPrivileges", "noNewPrivileges", noNewPrivileges(c));
  const tmp = privateTmp(c);
  const tmpOffered = !!offer(`PrivateTmp=${tmp.value}`, {
    inEffect: s.privateTmp !== "no",
    deliberate: turnedOff(c, "PrivateTmp"),
    adjust: tmp,
    takesEffect: (st) => st.privateTmp !== "no"
  });
  const home = protectHome(c);
  offer(`ProtectHome=${home.value}`, {
    // A read-only/tmpfs value the unit chose is deliberate; the one DynamicUser= implies is not.
    inEffect: s.protectHome === "yes" || s.protectHome === home.value,
    deliberate: s.protectHome !== "no" && isExplicit(c, "ProtectHome") ? `the unit sets ProtectHome=${s.protectHome} on purpose` : turnedOff(c, "ProtectHome"),
    adjust: home,
    takesEffect: (st) => st.protectHome === home.value
  });
  bool("ProtectKernelTunables", "protectKernelTunables");
  bool("ProtectKernelModules", "protectKernelModules");
  bool("ProtectKernelLogs", "protectKernelLogs");
  keyword("ProtectControlGroups", "protectControlGroups");
  bool("ProtectClock", "protectClock");
  keyword("ProtectHostname", "protectHostname");
  bool("RestrictSUIDSGID", "restrictSuidSgid");
  bool("RestrictRealtime", "restrictRealtime");
  bool("LockPersonality", "lockPersonality");
  offer("SystemCallArchitectures=native", {
    inEffect: s.syscallArchitectures.size === 1 && s.syscallArchitectures.has("native"),
    deliberate: s.syscallArchitectures.size > 0 ? `the unit sets SystemCallArchitectures=${[...s.syscallArchitectures].join(" ")} itself` : null,
    takesEffect: (st) => st.syscallArchitectures.size === 1 && st.syscallArchitectures.has("native")
  });
  const ps = c.vetoes.has("ProtectSystem") ? null : protectSystem(c);
  const strictAfter = s.protectSystem === "strict" || ps?.kind === "set" && ps.value === "strict" && !turnedOff(c, "ProtectSystem");
  const planned = identity(c, strictAfter);
  const identityVeto = planned.kind === "static" ? c.vetoes.get("User") : planned.kind === "dynamic" ? c.vetoes.get("DynamicUser") : void 0;
  const who = identityVeto ? { kind: "skip", directive: planned.kind === "static" ? "User" : "DynamicUser", reason: identityVeto } : planned;
  const nonRootAfter = !c.runsAsRoot || who.kind === "static" || who.kind === "dynamic";
  if (ps === null || ps.kind === "skip") {
    if (ps?.kind === "skip") skip("ProtectSystem", ps.reason, "strict");
    else offer("ProtectSystem=strict", { inEffect: s.protectSystem === "strict" });
  } else if (ps.kind === "in-effect") inEffect.push("ProtectSystem");
  else {
    const strict = offer(`ProtectSystem=${ps.value}`, {
      inEffect: false,
      deliberate: turnedOff(c, "ProtectSystem"),
      adjust: { value: ps.value, risk: ps.risk, reason: ps.reason },
      takesEffect: (st) => st.protectSystem === ps.value || st.protectSystem === "strict"
    });
    if (strict && ps.value === "strict") {
      const tmpAfter = s.privateTmp !== "no" || tmpOffered || who.kind === "dynamic";
      for (const w of writeDirectives(c, nonRootAfter, tmpAfter)) {
        const id = w.directive === "ReadWritePaths" ? "ReadWritePaths=-<path>" : w.directive === "RuntimeDirectoryPreserve" ? "RuntimeDirectoryPreserve=yes" : `${w.directive}=<name>`;
        attach(id, w.value, w.reason, ps.risk, strict);
      }
    }
  }
  bool("PrivateDevices", "privateDevices");
  offer("PrivateMounts=yes", { inEffect: s.privateMounts !== false, deliberate: turnedOff(c, "PrivateMounts"), takesEffect: (st) => st.privateMounts !== false });
  let ambientAfter = s.ambientCapabilities;
  if (who.kind === "skip") skip(who.directive, who.reason);
  else if (who.kind === "static" || who.kind === "dynamic") {
    const offered = who.kind === "static" ? offer("User=<name>", { inEffect: false, value: who.user, adjust: { value: who.user, reason: who.reason }, takesEffect: (st) => st.user === who.user }) : offer("DynamicUser=yes", { inEffect: false, adjust: { value: "yes", reason: who.reason }, takesEffect: (st) => st.dynamicUser });
    const ambient = offered ? ambientCapabilities(c) : null;
    if (offered && ambient) {
      ambientAfter |= capSet(ambient.names);
      attach("AmbientCapabilities=<capabilities>", ambient.names.join(" "), ambient.reason, "medium", offered);
    }
  }
  if (nonRootAfter && who.kind !== "dynamic" && s.user !== "nobody") bool("RemoveIPC", "removeIpc", { value: "yes", reason: "the service user's leftover IPC objects are removed when it stops" });
  else if (!nonRootAfter) skip("RemoveIPC", "applies to non-root services only");
  if (nonRootAfter) {
    offer("ProtectProc=invisible", {
      inEffect: s.protectProc !== "default",
      adjust: { value: "invisible", reason: "a non-root service does not see other users' processes" },
      takesEffect: (st) => st.protectProc === "invisible"
    });
  } else if (s.protectProc === "default" && !c.vetoes.has("ProtectProc")) skip("ProtectProc", "root bypasses it, so it would change the score but not the protection");
  const caps = capabilities(c, nonRootAfter, ambientAfter);
  if (caps.kind === "in-effect") inEffect.push("CapabilityBoundingSet");
  else if (caps.kind === "skip") {
    if (!c.vetoes.has("CapabilityBoundingSet")) skip("CapabilityBoundingSet", caps.reason);
  } else {
    const id = caps.value === "" ? "CapabilityBoundingSet=" : caps.deny ? "CapabilityBoundingSet=~<capabilities>" : "CapabilityBoundingSet=<capabilities>";
    offer(id, {
      inEffect: false,
      value: caps.value,
      adjust: { value: caps.value, risk: caps.risk, reason: caps.reason },
      takesEffect: (st) => caps.deny ? (st.capabilityBoundingSet & caps.caps) === 0n : (st.capabilityBoundingSet & ~caps.caps) === 0n
    });
  }
  offer("RestrictNamespaces=yes", {
    inEffect: s.restrictNamespaces === 0,
    deliberate: s.restrictNamespaces !== null ? "the unit allows some namespaces on purpose" : null,
    takesEffect: (st) => st.restrictNamespaces === 0
  });
  const filter = systemCallFilter(c);
  const filterOffered = offer("SystemCallFilter=@system-service", {
    inEffect: s.syscallFilter?.allowList === true,
    deliberate: s.syscallFilter !== null ? "the unit has its own system-call deny-list; turning it into an allow-list is a change to make by hand" : null,
    value: filter.value,
    adjust: filter,
    takesEffect: (st) => st.syscallFilter?.allowList === true
  });
  if (filterOffered && scalarValue(c.service, "Service", "SystemCallErrorNumber") === null) {
    attach("SystemCallErrorNumber=EPERM", "EPERM", "a call outside the filter fails with EPERM instead of killing the service", "low", filterOffered);
  }
  bool("MemoryDenyWriteExecute", "memoryDenyWriteExecute", memoryDenyWriteExecute(c));
  const families = addressFamilies(c);
  offer("RestrictAddressFamilies=<families>", {
    inEffect: false,
    deliberate: s.addressFamilies !== null || s.addressFamiliesAllowList ? "the unit restricts socket families itself" : null,
    value: families.value,
    adjust: families,
    takesEffect: (st) => st.addressFamiliesAllowList && st.addressFamilies !== null
  });
  offer("IPAddressDeny=any", {
    inEffect: false,
    deliberate: s.ipAddressDeny.length > 0 || s.ipIngressFilterPaths + s.ipEgressFilterPaths > 0 ? "the unit filters IP traffic itself" : null,
    adjust: ipAddressDeny(),
    takesEffect: (st) => st.ipAddressDeny.some((p) => p.family === 4 && p.prefixLength === 0) && st.ipAddressDeny.some((p) => p.family === 6 && p.prefixLength === 0)
  });
  return {
    phases: PHASES.map((p) => ({ phase: p.id, candidates: phases.get(p.id) })).filter((p) => p.candidates.length > 0),
    skipped,
    inEffect
  };
}
function turnedOff(c, directive) {
  const all = assignmentsOf(c.service, "Service", directive);
  const last = all[all.length - 1];
  if (last === void 0 || parseBoolean(last.value) !== false) return null;
  return `the unit sets ${directive}=${last.value} on purpose`;
}
function isExplicit(c, directive) {
  return assignmentsOf(c.service, "Service", directive).length > 0;
}

// src/recommend/dropin.ts
var oneLine = (s) => s.replace(/[\x00-\x1f\x7f]+/g, " ");
function renderDropIn(header, phases) {
  const out = [];
  const lines = /* @__PURE__ */ new Map();
  out.push(`# ${oneLine(header.path)}: hardening for ${oneLine(header.unit)}, suggested by systemd-exposure for systemd ${header.version}.`);
  if (header.now !== void 0 && header.predicted !== void 0) {
    out.push(`# systemd-analyze security: ${header.now} now, ${header.predicted} with every phase below.`);
  }
  out.push("# Each phase builds on the ones before it: roll them out one at a time and watch the service.");
  out.push(`# Rollback: delete this file, run \`systemctl daemon-reload\`, then \`systemctl restart ${oneLine(header.restart)}\`.`);
  if (phases.length === 0) {
    out.push("# Nothing to add: every suggestion is in effect or was skipped.");
    return { content: out.join("\n") + "\n", lines };
  }
  out.push("", "[Service]");
  phases.forEach((p, i) => {
    if (i > 0) out.push("");
    const score2 = p.score === void 0 ? "" : ` → ${p.score}`;
    out.push(`# Phase ${i + 1}: ${p.name} (risk: ${p.risk})${score2}`);
    p.directives.forEach((d, j) => {
      if (d.note !== null) out.push(`# ${d.risk} risk; ${oneLine(d.note)}`);
      out.push(`${d.directive}=${d.value}`);
      lines.set(out.length, [i, j]);
    });
  });
  return { content: out.join("\n") + "\n", lines };
}

// src/recommend/regression.ts
var LIST_KEYS = /* @__PURE__ */ new Set([
  "SystemCallFilter",
  "SystemCallArchitectures",
  "RestrictAddressFamilies",
  "RestrictNamespaces",
  "IPAddressAllow",
  "IPAddressDeny",
  "IPIngressFilterPath",
  "IPEgressFilterPath",
  "DeviceAllow",
  "SupplementaryGroups",
  "MountImages",
  "LoadCredentialEncrypted",
  "SetCredentialEncrypted"
]);
function suggestRegressionFix(input) {
  const { base, head, rowId, version } = input;
  const assessor = ASSESSORS.find((a) => a.id === rowId);
  if (!assessor) return null;
  const badnessIn = (s) => rowBadness(s, rowId, version);
  const baseBadness = badnessIn(base);
  const headBadness = badnessIn(head);
  if ((headBadness ?? -1) <= (baseBadness ?? -1)) return null;
  const proposals = [];
  if (rowId.startsWith("CapabilityBoundingSet=~")) proposals.push(...capabilityFixes(base, head, rowId));
  if (rowId === "AmbientCapabilities=") proposals.push(setFix("AmbientCapabilities", base.state.ambientCapabilities, "restore", "the base granted no more ambient capabilities than this"));
  for (const key of assessor.reads) {
    if (key === "CapabilityBoundingSet" || key === "AmbientCapabilities") continue;
    const p = settingFix(base, head, key);
    if (p) proposals.push(p);
  }
  let first = null;
  for (const p of proposals) {
    const fixed = badnessIn(applyFix(head, p, version) ?? head);
    const verified = fixed !== null ? baseBadness !== null && fixed <= baseBadness : baseBadness === null;
    const fix = { rowId, ...p, badness: { base: baseBadness, head: headBadness, fixed }, verified };
    if (verified) return fix;
    first ??= fix;
  }
  return first;
}
function rowBadness(s, rowId, version) {
  const r = assessLoaded(s, s.fragmentPath, { version });
  if (!r.ok) return null;
  return r.rows.find((x) => x.id === rowId)?.badness ?? null;
}
function rowCapabilities(rowId) {
  const expand = (p) => {
    const m = /^(.*?)\(([^()]*)\)(.*)$/.exec(p);
    return m ? m[2].split("|").flatMap((alt) => expand(`${m[1]}${alt}${m[3]}`)) : [p];
  };
  let mask = 0n;
  for (const pattern of expand(rowId.replace(/^CapabilityBoundingSet=~/, ""))) {
    CAPABILITY_NAMES.forEach((n, i) => {
      const name = n.toUpperCase();
      if (pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern) mask |= 1n << BigInt(i);
    });
  }
  return mask;
}
var KNOWN_CAPS = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n;
function setFix(key, set, kind, reason) {
  const list = capNames(set & KNOWN_CAPS);
  return { kind, lines: list.length === 0 ? [`${key}=`] : [`${key}=`, `${key}=${list.join(" ")}`], remove: [], reason };
}
function capabilityFixes(base, head, rowId) {
  const row = rowCapabilities(rowId);
  const baseSet = base.state.capabilityBoundingSet & KNOWN_CAPS;
  const headSet = head.state.capabilityBoundingSet & KNOWN_CAPS;
  const regained = headSet & ~baseSet & row;
  const out = [];
  for (const key of ["PrivateDevices", "ProtectKernelModules", "ProtectKernelLogs", "ProtectClock"]) {
    const p = settingFix(base, head, key);
    if (p) out.push(p);
  }
  if (regained === 0n) return out;
  const added = headSet & ~baseSet;
  const others = added & ~row;
  if (others !== 0n && headSet !== KNOWN_CAPS) {
    out.unshift(setFix(
      "CapabilityBoundingSet",
      baseSet | others,
      "narrow",
      `the head adds ${capNames(added).join(" ")}; keeping only ${capNames(others).join(" ")} drops ${capNames(regained).join(" ")} again`
    ));
  }
  out.push(setFix(
    "CapabilityBoundingSet",
    baseSet,
    "restore",
    `the head's bounding set regains ${capNames(regained).join(" ")}; if the service needs one privilege, grant that single capability rather than a wider set`
  ));
  return out;
}
function settingFix(base, head, key) {
  const baseLines = effectiveLines(base, key);
  const headLines = effectiveLines(head, key);
  if (baseLines.map((a) => a.value).join("\n") === headLines.map((a) => a.value).join("\n")) return null;
  if (baseLines.length === 0) {
    return {
      kind: "remove",
      lines: [],
      remove: headLines.map((a) => ({ file: a.file, line: a.line, text: `${a.key}=${a.value}` })),
      reason: `the base does not set ${key}=; the head's ${headLines.map((a) => `${key}=${a.value}`).join(", ")} causes the regression`
    };
  }
  const lines = LIST_KEYS.has(key) ? [`${key}=`, ...baseLines.map((a) => `${key}=${a.value}`)] : [`${key}=${baseLines[baseLines.length - 1].value}`];
  return { kind: "restore", lines, remove: [], reason: `restores the base's ${baseLines.map((a) => `${key}=${a.value}`).join(", ")}` };
}
function effectiveLines(s, key) {
  const all = s.state.applied.filter((a) => a.key === key);
  if (!LIST_KEYS.has(key)) return all.slice(-1);
  let from = 0;
  all.forEach((a, i) => {
    if (a.value === "") from = i + 1;
  });
  return all.slice(from);
}
function applyFix(head, fix, version) {
  const removed = new Set(fix.remove.map((r) => `${r.file}:${r.line}`));
  const files = {};
  for (const f of head.files) {
    const kept = f.assignments.filter((a) => !removed.has(`${a.file}:${a.line}`));
    files[f.file] = serialize(kept);
  }
  for (const p of head.dropInPaths) files[p] ??= "";
  const dir = dirname(head.fragmentPath);
  const path = joinPath(dir, head.unit);
  if (fix.lines.length > 0) files[joinPath(joinPath(dir, `${head.unit}.d`), "zzzz-regression-fix.conf")] = `[Service]
${fix.lines.join("\n")}
`;
  const loaded = loadService(memorySource(files), basename(path) === basename(head.fragmentPath) ? head.fragmentPath : path, VERSION_TRAITS[version]);
  return loaded.ok ? loaded : null;
}
function serialize(assignments) {
  let out = "";
  let section = "";
  for (const a of assignments) {
    if (a.section !== section) {
      section = a.section;
      out += `[${section}]
`;
    }
    out += `${a.key}=${a.value}
`;
  }
  return out;
}

// src/recommend/recommend.ts
var score = (exposure) => Number(formatExposure(exposure));
function recommendUnitFile(source, path, options) {
  const assess = { version: options.version };
  const base = assessUnitFile(source, path, assess);
  if (!base.ok) return { ok: false, path, error: base.error };
  const c = readContext(base.service, options.version);
  const plan = planPhases(c);
  const files = {};
  for (const p of [base.service.fragmentPath, ...base.service.dropInPaths]) files[p] = source.read(p) ?? new Uint8Array(0);
  const dir = joinPath(dirname(path), `${basename(path)}.d`);
  const name = dropInName(base.service);
  const dropInPath = joinPath(dir, name);
  const relative = `${basename(path)}.d/${name}`;
  const header = { unit: base.unit, path: relative, version: options.version, restart: restartName(path, base.unit) };
  const predict = (phases) => {
    const text = renderDropIn(header, phases);
    const r = assessUnitFile(memorySource({ ...files, [dropInPath]: text.content }), path, assess);
    return { text, r };
  };
  const skipped = [...plan.skipped];
  const drop = (cand, reason) => void skipped.push({ directive: cand.directive, value: cand.value, reason });
  const accepted = [];
  const asDropIn = (id, candidates) => ({
    name: phaseName(id),
    risk: highest(candidates.map((x) => x.risk)),
    directives: candidates.map((x) => ({
      directive: x.directive,
      value: x.value,
      risk: x.risk,
      note: x.risk === "low" ? null : x.reason === DEFAULT_REASON ? `may break: ${x.entry.breaks}` : x.reason
    }))
  });
  const expectedDropIns = [...base.service.dropInPaths, dropInPath].sort();
  for (const { phase, candidates: offered } of plan.phases) {
    let candidates = [...offered];
    const remove = (reasons) => {
      const gone = new Set(reasons.keys());
      for (const [x, why] of reasons) drop(x, why);
      for (const x of candidates) {
        if (x.companionOf && gone.has(x.companionOf) && !gone.has(x)) {
          gone.add(x);
          drop(x, `it goes with ${x.companionOf.directive}=${x.companionOf.value}, which is left out`);
        }
      }
      candidates = candidates.filter((x) => !gone.has(x));
    };
    remove(new Map(candidates.filter((x) => /[\x00-\x1f\x7f]/.test(x.value)).map((x) => [x, "the value contains control characters"])));
    while (candidates.length > 0) {
      const before = accepted.map((a) => asDropIn(a.id, a.candidates));
      const { text, r } = predict([...before, asDropIn(phase, candidates)]);
      if (!r.ok) {
        const culprit = candidates.findIndex((_, k) => !predict([...before, asDropIn(phase, candidates.slice(0, k + 1))]).r.ok);
        const bad = candidates[culprit === -1 ? candidates.length - 1 : culprit];
        remove(/* @__PURE__ */ new Map([[bad, `systemd ${options.version} would refuse the unit with it: ${r.error}`]]));
        continue;
      }
      const warned = r.diagnostics.filter((d) => d.file === dropInPath);
      if (warned.length > 0) {
        const bad = /* @__PURE__ */ new Map();
        for (const d of warned) {
          const at = text.lines.get(d.line);
          const cand = at && at[0] === before.length ? candidates[at[1]] : void 0;
          if (cand && !bad.has(cand)) bad.set(cand, `systemd ${options.version} would ignore it: ${d.message}`);
        }
        if (bad.size === 0) return { ok: false, path, error: `the suggested drop-in makes systemd ${options.version} warn: ${warned[0].message}` };
        remove(bad);
        continue;
      }
      if ([...r.service.dropInPaths].sort().join("\0") !== expectedDropIns.join("\0")) {
        return { ok: false, path, error: `${dropInPath} would change which drop-ins systemd loads` };
      }
      const overridden = candidates.filter((x) => x.takesEffect && !x.takesEffect(r.service.state));
      if (overridden.length > 0) {
        remove(new Map(overridden.map((x) => [x, `${overriddenBy(r, dropInPath, x.directive)}, applied after this drop-in, overrides it`])));
        continue;
      }
      accepted.push({ id: phase, candidates, exposure: r.exposure, verdict: r.verdict });
      break;
    }
  }
  const last = accepted[accepted.length - 1];
  const predicted = last ? last.exposure : base.exposure;
  const predictedVerdict = last ? last.verdict : base.verdict;
  const final = renderDropIn(
    { ...header, now: `${formatExposure(base.exposure)} ${base.verdict}`, predicted: `${formatExposure(predicted)} ${predictedVerdict}` },
    accepted.map((a) => ({ ...asDropIn(a.id, a.candidates), score: `${formatExposure(a.exposure)} ${a.verdict}` }))
  );
  const check = assessUnitFile(memorySource({ ...files, [dropInPath]: final.content }), path, assess);
  if (!check.ok || check.exposure !== predicted || check.diagnostics.some((d) => d.file === dropInPath)) {
    return { ok: false, path, error: "internal error: the rendered drop-in does not reproduce its prediction" };
  }
  return {
    ok: true,
    unit: base.unit,
    path,
    systemdVersion: options.version,
    exposure: score(base.exposure),
    verdict: base.verdict,
    phases: accepted.map((a) => ({
      id: a.id,
      name: phaseName(a.id),
      directives: a.candidates.map((x) => ({
        directive: x.directive,
        value: x.value,
        risk: x.risk,
        reason: x.reason,
        protects: x.entry.protects,
        breaks: x.entry.breaks
      })),
      risk: highest(a.candidates.map((x) => x.risk)),
      exposure: score(a.exposure),
      verdict: a.verdict
    })),
    skipped,
    inEffect: plan.inEffect,
    notes: notesFor(c),
    dropin: { path: relative, content: final.content },
    predicted: score(predicted),
    predictedVerdict
  };
}
function dropInName(service) {
  const used = new Set(service.dropInPaths.map(basename));
  for (let i = 1; ; i++) {
    const name = i === 1 ? "hardening.conf" : `hardening-${i}.conf`;
    if (!used.has(name)) return name;
  }
}
function restartName(path, unit) {
  return unitNameKind(basename(path)) === "template" ? withInstance(basename(path), "*") : unit;
}
function phaseName(id) {
  return PHASES.find((p) => p.id === id).name;
}
function highest(risks) {
  return RISKS[Math.max(0, ...risks.map((r) => RISKS.indexOf(r)))];
}
function overriddenBy(r, ours, directive) {
  const files = r.service.files;
  const later = files.slice(files.findIndex((f) => f.file === ours) + 1);
  const setter = later.filter((f) => f.assignments.some((a) => a.key === directive)).pop();
  return setter ? basename(setter.file) : `a later drop-in (${later.map((f) => basename(f.file)).join(", ")})`;
}
function notesFor(c) {
  const notes = [];
  for (const x of c.commands) {
    if (x.fullyPrivileged) notes.push(`${x.directive}=+${x.path} runs with full privileges: none of these settings apply to it`);
  }
  if (c.service.state.permissionsStartOnly) {
    notes.push("PermissionsStartOnly=yes: every command but ExecStart= runs as root and unsandboxed; prefer per-command prefixes or directory directives");
  }
  if (!c.service.state.defaultDependencies) {
    notes.push("DefaultDependencies=no: systemd-analyze does not score PrivateTmp=, ProtectHome=, ProtectSystem= or RootDirectory= for early-boot services");
  }
  return notes;
}

export {
  suggestRegressionFix,
  recommendUnitFile
};
