import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/model/versions.ts
var SYSTEMD_VERSIONS = ["252", "254", "257", "262"];
var DEFAULT_SYSTEMD_VERSION = "252";
var VERSION_TRAITS = {
  "252": {
    version: "252",
    privateMountsTristate: false,
    templateInstance: "i",
    enums257: false,
    enums262: false,
    capabilityRuleB: false,
    maxCapabilityNumber: 63,
    addressFamilyStopsAtUnknown: false,
    encryptedCredentialDevice: "/dev/tpmrm0 rw",
    policyMustBeObject: false,
    policyIgnoresExponentNumbers: true,
    emptySectionHeaderInvalid: false,
    refusesPrivatePidsForking: false,
    refusesApiWorkingDirectory: false,
    notifyReload: false,
    oneshotRefusesRestartForceStatus: true
  },
  "254": {
    version: "254",
    privateMountsTristate: true,
    templateInstance: "i",
    enums257: false,
    enums262: false,
    capabilityRuleB: false,
    maxCapabilityNumber: 62,
    addressFamilyStopsAtUnknown: false,
    encryptedCredentialDevice: "char-tpm rw",
    policyMustBeObject: false,
    policyIgnoresExponentNumbers: true,
    emptySectionHeaderInvalid: false,
    refusesPrivatePidsForking: false,
    refusesApiWorkingDirectory: false,
    notifyReload: true,
    oneshotRefusesRestartForceStatus: true
  },
  "257": {
    version: "257",
    privateMountsTristate: true,
    templateInstance: "test_instance",
    enums257: true,
    enums262: false,
    capabilityRuleB: false,
    maxCapabilityNumber: 62,
    addressFamilyStopsAtUnknown: false,
    encryptedCredentialDevice: "char-tpm rw",
    policyMustBeObject: false,
    policyIgnoresExponentNumbers: false,
    emptySectionHeaderInvalid: false,
    refusesPrivatePidsForking: true,
    refusesApiWorkingDirectory: false,
    notifyReload: true,
    oneshotRefusesRestartForceStatus: false
  },
  "262": {
    version: "262",
    privateMountsTristate: true,
    templateInstance: "test_instance",
    enums257: true,
    enums262: true,
    capabilityRuleB: true,
    maxCapabilityNumber: 62,
    addressFamilyStopsAtUnknown: true,
    encryptedCredentialDevice: null,
    policyMustBeObject: true,
    policyIgnoresExponentNumbers: false,
    emptySectionHeaderInvalid: true,
    refusesPrivatePidsForking: true,
    refusesApiWorkingDirectory: true,
    notifyReload: true,
    oneshotRefusesRestartForceStatus: false
  }
};
function isSystemdVersion(v) {
  return SYSTEMD_VERSIONS.includes(v);
}

// src/cli/usage.ts
var UsageError = class extends Error {
};
var USAGE = `Usage: systemd-exposure COMMAND [OPTIONS] ...

Commands:
  score [--systemd-version 252|254|257|262] [--format text|json] [--threshold N]
        [--security-policy FILE] UNIT_FILE...
      Exposure score, verdict and rows of each service, as systemd-analyze security
      --offline=true prints them. Exit 1 when a unit cannot be loaded or exceeds N (0-100).
  recommend [--systemd-version V] [--format text|json] UNIT_FILE...
      Phased hardening advice per unit, each phase with the score it reaches (computed by
      the engine on the unit with the drop-in applied) and a ready-to-paste drop-in.
  diff [--base REV] [--head REV] [--systemd-version V] [--format markdown|json]
       [--fail-on-capability-widening true|false] [--max-exposure X.Y]
       [--max-exposure-increase X.Y] [--fail-on-regression] [--fail-on-invalid-unit]
       [--allow-capability [UNIT:]CAP_NAME]... [--include GLOB]... [--exclude GLOB]... [PATH...]
      Review the services changed between two revisions of the git repository here
      (base: the merge base with the default branch; head: the work tree). Exit 1 when
      the gate fails (by default: a service's capabilities widen), 2 on usage or git errors.
  conformance [--systemd-version V] [--live] DIR
      Compare the engine with the goldens of a corpus directory (or the live oracle).

The default systemd version is 252 (Debian 12); set SYSTEMD_EXPOSURE_VERSION or
--systemd-version to pin another.
`;

// src/model/exposure.ts
var BANDS = [
  { min: 100, verdict: "DANGEROUS", emoji: "🤢" },
  { min: 90, verdict: "UNSAFE", emoji: "😨" },
  { min: 75, verdict: "EXPOSED", emoji: "🙁" },
  { min: 50, verdict: "MEDIUM", emoji: "😐" },
  { min: 10, verdict: "OK", emoji: "🙂" },
  { min: 1, verdict: "SAFE", emoji: "😀" },
  { min: 0, verdict: "PERFECT", emoji: "😇" }
];
function verdictOf(exposure) {
  return BANDS.find((b) => exposure >= b.min).verdict;
}
function verdictEmoji(verdict) {
  return BANDS.find((b) => b.verdict === verdict).emoji;
}
function formatExposure(exposure) {
  return `${Math.floor(exposure / 10)}.${exposure % 10}`;
}
var ceilDiv = (a, b) => Math.floor((a + b - 1) / b);
function score(assessors, results, defaultDependencies, policy, nullDescriptionFirst) {
  let badnessSum = 0;
  let weightSum = 0;
  for (let i = 0; i < assessors.length; i++) {
    const a = assessors[i];
    const override = policy?.get(a.jsonField);
    const weight = override?.weight ?? a.weight;
    const range = override?.range ?? a.range;
    const r = results[i];
    if (naReason(a, weight, defaultDependencies) !== void 0 || r.kind !== "badness") continue;
    if (range === 0 || r.badness > range) throw new PolicyRangeError(a.jsonField, range, r.badness);
    badnessSum += ceilDiv(r.badness * weight, range);
    weightSum += weight;
  }
  if (weightSum === 0) throw new PolicyRangeError("*", 0, 0);
  const exposure = ceilDiv(badnessSum * 100, weightSum);
  const rows = new Array(assessors.length);
  if (sortKeys.length !== assessors.length) sortKeys = new Uint32Array(assessors.length);
  let ranks = new Array(assessors.length);
  for (let i = 0; i < assessors.length; i++) {
    const a = assessors[i];
    const override = policy?.get(a.jsonField);
    const weight = override?.weight ?? a.weight;
    const range = override?.range ?? a.range;
    const r = results[i];
    const na2 = naReason(a, weight, defaultDependencies);
    let made;
    if (na2 !== void 0 || r.kind === "na") {
      const description = na2 ?? r.description ?? override?.descriptionNa ?? a.descriptionNa ?? null;
      made = row(i, a, weight, range, null, null, description);
    } else {
      const b = r.badness;
      const description = r.description ?? (b === 0 ? override?.descriptionGood ?? a.descriptionGood : b === a.range ? override?.descriptionBad ?? a.descriptionBad : void 0) ?? null;
      made = row(i, a, weight, range, b, b > 0 ? ceilDiv(ceilDiv(b * weight * 100, range), weightSum) : null, description);
    }
    if ("row" in made) {
      rows[i] = made.row;
      if (ranks !== null) {
        if (made.rank === void 0) ranks = null;
        else ranks[i] = made.rank;
      }
    } else {
      rows[i] = made;
      ranks = null;
    }
  }
  return { exposure, verdict: verdictOf(exposure), rows: displayOrder(rows, ranks, nullDescriptionFirst) };
}
function naReason(a, weight, defaultDependencies) {
  if (a.defaultDependenciesOnly && !defaultDependencies) return "Service runs in special boot phase, option is not appropriate";
  if (weight === 0) return "Option excluded by policy, skipping";
  return void 0;
}
var rowCache = [];
var ROW_CACHE_MAX = 5e4;
var rowsCached = 0;
function row(index, a, weight, range, badness, exposure, description) {
  const shareable = weight === a.weight && range === a.range;
  const key = badness === null ? -1 : badness * 1e3 + (exposure ?? 0);
  const slot = shareable ? rowCache[index]?.get(key) : void 0;
  if (slot !== void 0) {
    for (let i = 0; i < slot.length; i++) {
      const shared2 = slot[i];
      if (shared2.row.description === description && shared2.assessor === a) return shared2;
    }
  }
  const made = {
    id: a.id,
    jsonField: a.jsonField,
    set: badness === null ? null : badness === 0,
    badness,
    exposure,
    description,
    weight,
    range
  };
  if (!shareable || rowsCached >= ROW_CACHE_MAX) return made;
  rowsCached++;
  const shared = { assessor: a, row: made, rank: description === null ? void 0 : rankOf(made.id, description) };
  let byKey = rowCache[index];
  if (byKey === void 0) rowCache[index] = byKey = /* @__PURE__ */ new Map();
  if (slot === void 0) byKey.set(key, [shared]);
  else slot.push(shared);
  return shared;
}
var rankByPair = /* @__PURE__ */ new Map();
var ranked = [];
var RANKED_MAX = 4096;
function rankOf(id, description) {
  let byDescription = rankByPair.get(id);
  const existing = byDescription?.get(description);
  if (existing !== void 0) return existing;
  if (ranked.length >= RANKED_MAX) return void 0;
  let lo = 0;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    const e = ranked[mid];
    if ((-compareBytes(e.description, description) || compareBytes(e.id, id)) < 0) lo = mid + 1;
    else hi = mid;
  }
  const rank = { value: lo };
  ranked.splice(lo, 0, { id, description, rank });
  for (let i = lo + 1; i < ranked.length; i++) ranked[i].rank.value = i;
  if (byDescription === void 0) rankByPair.set(id, byDescription = /* @__PURE__ */ new Map());
  byDescription.set(description, rank);
  return rank;
}
var sortKeys = new Uint32Array(0);
function sortByRank(rows, ranks) {
  const keys = rows.length === sortKeys.length ? sortKeys : new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = ranks[i].value * 256 + i;
  keys.sort();
  const out = new Array(rows.length);
  for (let i = 0; i < keys.length; i++) out[i] = rows[keys[i] & 255];
  return out;
}
function displayOrder(rows, ranks, nullDescriptionFirst) {
  if (ranks !== null && rows.length <= 256) return sortByRank(rows, ranks);
  let hasNull = false;
  let hasSurrogate = false;
  for (const r of rows) {
    if (r.description === null) hasNull = true;
    else if (!hasSurrogate && SURROGATE.test(r.description)) hasSurrogate = true;
    if (!hasSurrogate && SURROGATE.test(r.id)) hasSurrogate = true;
  }
  if (!hasNull) return rows.slice().sort(hasSurrogate ? compareRowsBytes : compareRowsNative);
  const items = [HEADER, ...rows.map((r, i) => ({ r, i: i + 1 }))];
  if (nullDescriptionFirst) {
    const nulls = rows.filter((r) => r.description === null);
    const rest = rows.filter((r) => r.description !== null);
    return [...nulls, ...glibcMergeSort(rest.map((r, i) => ({ r, i: i + 1 }))).map((x) => x.r)];
  }
  return glibcMergeSort(items).slice(1).map((x) => x.r);
}
var SURROGATE = /[\uD800-\uDFFF]/;
function compareRowsBytes(a, b) {
  return -compareBytes(a.description, b.description) || compareBytes(a.id, b.id);
}
function compareRowsNative(a, b) {
  const da = a.description;
  const db = b.description;
  if (da !== db) return da < db ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}
var HEADER = { r: null, i: 0 };
function compareCells(a, b) {
  if (a.r === null) return b.r === null ? 0 : -1;
  if (b.r === null) return 1;
  const da = a.r.description;
  const db = b.r.description;
  let c;
  if (da === null || db === null) c = da === db ? 0 : -Math.sign(a.i - b.i);
  else c = -compareBytes(da, db);
  if (c !== 0) return c;
  c = compareBytes(a.r.id, b.r.id);
  return c !== 0 ? c : Math.sign(a.i - b.i);
}
function glibcMergeSort(items) {
  if (items.length <= 1) return items;
  const n1 = Math.floor(items.length / 2);
  const left = glibcMergeSort(items.slice(0, n1));
  const right = glibcMergeSort(items.slice(n1));
  const out = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(compareCells(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}
function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 55296 && x <= 57343 || y >= 55296 && y <= 57343) {
      return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
    }
    return x - y;
  }
  return a.length - b.length;
}
var PolicyRangeError = class extends Error {
  constructor(jsonField, range, badness) {
    super(
      jsonField === "*" ? "security policy gives every assessor weight 0 (systemd-analyze aborts on this)" : `security policy range ${range} for ${jsonField} is smaller than its badness ${badness} (systemd-analyze aborts on this)`
    );
    this.jsonField = jsonField;
    this.range = range;
    this.badness = badness;
  }
  jsonField;
  range;
  badness;
};

// src/model/syscall-data.generated.ts
var L = [
  /* 0 */
  "arch_prctl brk cacheflush clock_getres clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep clock_nanosleep_time64 execve exit exit_group futex futex_time64 futex_waitv get_robust_list get_thread_area getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups getgroups32 getpgid getpgrp getpid getppid getrandom getresgid getresgid32 getresuid getresuid32 getrlimit getsid gettid gettimeofday getuid getuid32 membarrier mmap mmap2 mprotect munmap nanosleep pause prlimit64 restart_syscall riscv_flush_icache riscv_hwprobe rseq rt_sigreturn sched_getaffinity sched_yield set_robust_list set_thread_area set_tid_address set_tls sigreturn time ugetrlimit uretprobe",
  /* 1 */
  "io_cancel io_destroy io_getevents io_pgetevents io_pgetevents_time64 io_setup io_submit io_uring_enter io_uring_register io_uring_setup",
  /* 2 */
  "_llseek close close_range dup dup2 dup3 lseek pread64 preadv preadv2 pwrite64 pwritev pwritev2 read readv write writev",
  /* 3 */
  "chown chown32 fchown fchown32 fchownat lchown lchown32",
  /* 4 */
  "adjtimex clock_adjtime clock_adjtime64 clock_settime clock_settime64 settimeofday",
  /* 5 */
  "modify_ldt subpage_prot switch_endian vm86 vm86old",
  /* 6 */
  "lookup_dcookie perf_event_open pidfd_getfd ptrace rtas s390_runtime_instr sys_debug_setcontext",
  /* 7 */
  "access chdir chmod close creat faccessat faccessat2 fallocate fchdir fchmod fchmodat fchmodat2 fcntl fcntl64 fgetxattr flistxattr fremovexattr fsetxattr fstat fstat64 fstatat64 fstatfs fstatfs64 ftruncate ftruncate64 futimesat getcwd getdents getdents64 getxattr inotify_add_watch inotify_init inotify_init1 inotify_rm_watch lgetxattr link linkat listxattr llistxattr lremovexattr lsetxattr lstat lstat64 mkdir mkdirat mknod mknodat newfstatat oldfstat oldlstat oldstat open openat openat2 readlink readlinkat removexattr rename renameat renameat2 rmdir setxattr stat stat64 statfs statfs64 statx symlink symlinkat truncate truncate64 unlink unlinkat utime utimensat utimensat_time64 utimes",
  /* 8 */
  "_newselect epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 poll ppoll ppoll_time64 pselect6 pselect6_time64 select",
  /* 9 */
  "ipc memfd_create mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 mq_unlink msgctl msgget msgrcv msgsnd pipe pipe2 process_madvise process_vm_readv process_vm_writev semctl semget semop semtimedop semtimedop_time64 shmat shmctl shmdt shmget",
  /* 10 */
  "add_key keyctl request_key",
  /* 11 */
  "mlock mlock2 mlockall munlock munlockall",
  /* 12 */
  "delete_module finit_module init_module",
  /* 13 */
  "chroot fsconfig fsmount fsopen fspick mount mount_setattr move_mount open_tree pivot_root umount umount2",
  /* 14 */
  "accept accept4 bind connect getpeername getsockname getsockopt listen recv recvfrom recvmmsg recvmmsg_time64 recvmsg send sendmmsg sendmsg sendto setsockopt shutdown socket socketcall socketpair",
  /* 15 */
  "_sysctl afs_syscall bdflush break create_module ftime get_kernel_syms getpmsg gtty idle lock mpx prof profil putpmsg query_module security sgetmask ssetmask stime stty sysfs tuxcall ulimit uselib ustat vserver",
  /* 16 */
  "pkey_alloc pkey_free pkey_mprotect",
  /* 17 */
  "@chown @clock @module @raw-io @reboot @swap _sysctl acct bpf capset chroot fanotify_init fanotify_mark nfsservctl open_by_handle_at pivot_root quotactl quotactl_fd setdomainname setfsuid setfsuid32 setgroups setgroups32 sethostname setresuid setresuid32 setreuid setreuid32 setuid setuid32 vhangup",
  /* 18 */
  "capget clone clone3 execveat fork getrusage kill pidfd_open pidfd_send_signal prctl rt_sigqueueinfo rt_tgsigqueueinfo setns swapcontext tgkill times tkill unshare vfork wait4 waitid waitpid",
  /* 19 */
  "ioperm iopl pciconfig_iobase pciconfig_read pciconfig_write s390_pci_mmio_read s390_pci_mmio_write",
  /* 20 */
  "kexec_file_load kexec_load reboot",
  /* 21 */
  "ioprio_set mbind migrate_pages move_pages nice sched_setaffinity sched_setattr sched_setparam sched_setscheduler set_mempolicy set_mempolicy_home_node setpriority setrlimit",
  /* 22 */
  "setgid setgid32 setgroups setgroups32 setregid setregid32 setresgid setresgid32 setresuid setresuid32 setreuid setreuid32 setuid setuid32",
  /* 23 */
  "rt_sigaction rt_sigpending rt_sigprocmask rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 sigaction sigaltstack signal signalfd signalfd4 sigpending sigprocmask sigsuspend",
  /* 24 */
  "swapoff swapon",
  /* 25 */
  "fdatasync fsync msync sync sync_file_range sync_file_range2 syncfs",
  /* 26 */
  "@aio @basic-io @chown @default @file-system @io-event @ipc @keyring @memlock @network-io @process @resources @setuid @signal @sync @timer arm_fadvise64_64 capget capset copy_file_range fadvise64 fadvise64_64 flock get_mempolicy getcpu getpriority ioctl ioprio_get kcmp madvise mremap name_to_handle_at oldolduname olduname personality readahead readdir remap_file_pages sched_get_priority_max sched_get_priority_min sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval sched_rr_get_interval_time64 sched_yield sendfile sendfile64 setfsgid setfsgid32 setfsuid setfsuid32 setpgid setsid splice sysinfo tee umask uname userfaultfd vmsplice",
  /* 27 */
  "alarm getitimer setitimer timer_create timer_delete timer_getoverrun timer_gettime timer_gettime64 timer_settime timer_settime64 timerfd_create timerfd_gettime timerfd_gettime64 timerfd_settime timerfd_settime64 times",
  /* 28 */
  "^7 +@obsolete +_llseek +_newselect +accept +accept4 +acct +add_key +adjtimex +alarm +arc_gettls +arc_settls +arc_usr_cmpxchg +arch_prctl +arm_fadvise64_64 +atomic_barrier +atomic_cmpxchg_32 +bind +bpf +brk +cachectl +cacheflush +capget +capset +chown +chown32 +chroot +clock_adjtime +clock_adjtime64 +clock_getres +clock_getres_time64 +clock_gettime +clock_gettime64 +clock_nanosleep +clock_nanosleep_time64 +clock_settime +clock_settime64 +clone +clone3 +close_range +connect +copy_file_range +delete_module +dipc +dup +dup2 +dup3 +epoll_create +epoll_create1 +epoll_ctl +epoll_ctl_old +epoll_pwait +epoll_pwait2 +epoll_wait +epoll_wait_old +eventfd +eventfd2 +exec_with_loader +execv +execve +execveat +exit +exit_group +fadvise64 +fadvise64_64 +fanotify_init +fanotify_mark +fchown +fchown32 +fchownat +fdatasync +finit_module +flock +fork +fsconfig +fsmount +fsopen +fspick +fsync +futex +futex_requeue +futex_time64 +futex_wait +futex_waitv +futex_wake +get_mempolicy +get_robust_list +get_thread_area +getcpu +getdomainname +getdtablesize +getegid +getegid32 +geteuid +geteuid32 +getgid +getgid32 +getgroups +getgroups32 +gethostname +getitimer +getpagesize +getpeername +getpgid +getpgrp +getpid +getppid +getpriority +getrandom +getresgid +getresgid32 +getresuid +getresuid32 +getrlimit +getrusage +getsid +getsockname +getsockopt +gettid +gettimeofday +getuid +getuid32 +getxgid +getxpid +getxuid +init_module +io_cancel +io_destroy +io_getevents +io_pgetevents +io_pgetevents_time64 +io_setup +io_submit +io_uring_enter +io_uring_register +io_uring_setup +ioctl +ioperm +iopl +ioprio_get +ioprio_set +ipc +kcmp +kern_features +kexec_file_load +kexec_load +keyctl +kill +landlock_add_rule +landlock_create_ruleset +landlock_restrict_self +lchown +lchown32 +listen +lookup_dcookie +lseek +madvise +map_shadow_stack +mbind +membarrier +memfd_create +memfd_secret +memory_ordering +migrate_pages +mincore +mlock +mlock2 +mlockall +mmap +mmap2 +modify_ldt +mount +mount_setattr +move_mount +move_pages +mprotect +mq_getsetattr +mq_notify +mq_open +mq_timedreceive +mq_timedreceive_time64 +mq_timedsend +mq_timedsend_time64 +mq_unlink +mremap +msgctl +msgget +msgrcv +msgsnd +msync +multiplexer +munlock +munlockall +munmap +name_to_handle_at +nanosleep +nice +old_adjtimex +oldolduname +oldumount +olduname +open_by_handle_at +open_tree +or1k_atomic +osf_fstat +osf_fstatfs +osf_fstatfs64 +osf_getdirentries +osf_getdomainname +osf_getitimer +osf_getrusage +osf_getsysinfo +osf_gettimeofday +osf_lstat +osf_mount +osf_proplist_syscall +osf_select +osf_set_program_attributes +osf_setitimer +osf_setsysinfo +osf_settimeofday +osf_shmat +osf_sigprocmask +osf_sigstack +osf_stat +osf_statfs +osf_statfs64 +osf_swapon +osf_syscall +osf_sysinfo +osf_usleep_thread +osf_utimes +osf_utsname +osf_wait4 +pause +pciconfig_iobase +pciconfig_read +pciconfig_write +perf_event_open +perfctr +personality +pidfd_getfd +pidfd_open +pidfd_send_signal +pipe +pipe2 +pivot_root +pkey_alloc +pkey_free +pkey_mprotect +poll +ppoll +ppoll_time64 +prctl +pread64 +preadv +preadv2 +prlimit64 +process_madvise +process_mrelease +process_vm_readv +process_vm_writev +pselect6 +pselect6_time64 +ptrace +pwrite64 +pwritev +pwritev2 +quotactl +quotactl_fd +read +readahead +readdir +readv +reboot +recv +recvfrom +recvmmsg +recvmmsg_time64 +recvmsg +remap_file_pages +request_key +restart_syscall +riscv_flush_icache +riscv_hwprobe +rseq +rt_sigaction +rt_sigpending +rt_sigprocmask +rt_sigqueueinfo +rt_sigreturn +rt_sigsuspend +rt_sigtimedwait +rt_sigtimedwait_time64 +rt_tgsigqueueinfo +rtas +s390_guarded_storage +s390_pci_mmio_read +s390_pci_mmio_write +s390_runtime_instr +s390_sthyi +sched_get_affinity +sched_get_priority_max +sched_get_priority_min +sched_getaffinity +sched_getattr +sched_getparam +sched_getscheduler +sched_rr_get_interval +sched_rr_get_interval_time64 +sched_set_affinity +sched_setaffinity +sched_setattr +sched_setparam +sched_setscheduler +sched_yield +seccomp +select +semctl +semget +semop +semtimedop +semtimedop_time64 +send +sendfile +sendfile64 +sendmmsg +sendmsg +sendto +set_mempolicy +set_mempolicy_home_node +set_robust_list +set_thread_area +set_tid_address +setdomainname +setfsgid +setfsgid32 +setfsuid +setfsuid32 +setgid +setgid32 +setgroups +setgroups32 +sethae +sethostname +setitimer +setns +setpgid +setpgrp +setpriority +setregid +setregid32 +setresgid +setresgid32 +setresuid +setresuid32 +setreuid +setreuid32 +setrlimit +setsid +setsockopt +settimeofday +setuid +setuid32 +sgetmask +shmat +shmctl +shmdt +shmget +shutdown +sigaction +sigaltstack +signal +signalfd +signalfd4 +sigpending +sigprocmask +sigreturn +sigsuspend +socket +socketcall +socketpair +splice +spu_create +spu_run +ssetmask +stime +subpage_prot +swapcontext +swapoff +swapon +switch_endian +sync +sync_file_range +sync_file_range2 +syncfs +sys_debug_setcontext +syscall +sysfs +sysinfo +syslog +sysmips +tee +tgkill +time +timer_create +timer_delete +timer_getoverrun +timer_gettime +timer_gettime64 +timer_settime +timer_settime64 +timerfd +timerfd_create +timerfd_gettime +timerfd_gettime64 +timerfd_settime +timerfd_settime64 +times +tkill +ugetrlimit +umask +umount +umount2 +uname +unshare +userfaultfd +ustat +utrap_install +vfork +vhangup +vm86 +vm86old +vmsplice +wait4 +waitid +waitpid +write +writev",
  /* 29 */
  "^28 +_sysctl +afs_syscall +arm_sync_file_range +bdflush +break +breakpoint +cachestat +create_module +ftime +get_kernel_syms +get_tls +getpmsg +gtty +idle +lock +mpx +nfsservctl +prof +profil +putpmsg +query_module +security +set_tls +stty +tuxcall +ulimit +uselib +usr26 +usr32 +vserver -@obsolete -arc_gettls -arc_settls -arc_usr_cmpxchg -atomic_barrier -atomic_cmpxchg_32 -dipc -exec_with_loader -execv -getdomainname -getdtablesize -gethostname -getpagesize -getxgid -getxpid -getxuid -kern_features -memory_ordering -old_adjtimex -oldumount -or1k_atomic -osf_fstat -osf_fstatfs -osf_fstatfs64 -osf_getdirentries -osf_getdomainname -osf_getitimer -osf_getrusage -osf_getsysinfo -osf_gettimeofday -osf_lstat -osf_mount -osf_proplist_syscall -osf_select -osf_set_program_attributes -osf_setitimer -osf_setsysinfo -osf_settimeofday -osf_shmat -osf_sigprocmask -osf_sigstack -osf_stat -osf_statfs -osf_statfs64 -osf_swapon -osf_syscall -osf_sysinfo -osf_usleep_thread -osf_utimes -osf_utsname -osf_wait4 -perfctr -riscv_hwprobe -sched_get_affinity -sched_set_affinity -sethae -setpgrp -utrap_install",
  /* 30 */
  "_llseek _newselect arm_fadvise64_64 arm_sync_file_range bdflush break breakpoint cachectl cacheflush chown32 clock_adjtime64 clock_getres_time64 clock_gettime64 clock_nanosleep_time64 clock_settime64 fadvise64_64 fchown32 fcntl64 fstat64 fstatat64 fstatfs64 ftime ftruncate64 futex_time64 get_tls getegid32 geteuid32 getgid32 getgroups32 getresgid32 getresuid32 getuid32 gtty idle io_pgetevents_time64 ipc lchown32 lock lstat64 mmap2 mpx mq_timedreceive_time64 mq_timedsend_time64 multiplexer nice oldfstat oldlstat oldolduname oldstat olduname pciconfig_iobase pciconfig_read pciconfig_write ppoll_time64 prof profil pselect6_time64 readdir recv recvmmsg_time64 riscv_flush_icache rt_sigtimedwait_time64 rtas s390_guarded_storage s390_pci_mmio_read s390_pci_mmio_write s390_runtime_instr s390_sthyi sched_rr_get_interval_time64 semtimedop_time64 send sendfile64 set_tls setfsgid32 setfsuid32 setgid32 setgroups32 setregid32 setresgid32 setresuid32 setreuid32 setuid32 sgetmask sigaction signal sigpending sigprocmask sigreturn sigsuspend socketcall spu_create spu_run ssetmask stat64 statfs64 stime stty subpage_prot swapcontext switch_endian sync_file_range2 sys_debug_setcontext syscall sysmips timer_gettime64 timer_settime64 timerfd timerfd_gettime64 timerfd_settime64 truncate64 ugetrlimit ulimit umount usr26 usr32 utimensat_time64 vm86 vm86old waitpid",
  /* 31 */
  "^0 +@sandbox",
  /* 32 */
  "landlock_add_rule landlock_create_ruleset landlock_restrict_self seccomp",
  /* 33 */
  "^28 +cachestat",
  /* 34 */
  "^31 +lsm_get_self_attr +lsm_list_modules +mseal",
  /* 35 */
  "^2 +llseek",
  /* 36 */
  "^7 +file_getattr +file_setattr +fstatat +getxattrat +listmount +listxattrat +newfstat +removexattrat +setxattrat +statmount",
  /* 37 */
  "^33 +breakpoint +file_getattr +file_setattr +get_tls +getxattrat +listmount +listxattrat +llseek +lsm_get_self_attr +lsm_list_modules +lsm_set_self_attr +mseal +removexattrat +set_tls +setxattrat +statmount +uretprobe +usr26 +usr32",
  /* 38 */
  "^29 +atomic_barrier +atomic_cmpxchg_32 +getpagesize +getxattrat +listmount +listxattrat +lsm_get_self_attr +lsm_list_modules +lsm_set_self_attr +mseal +removexattrat +riscv_hwprobe +setxattrat +statmount +uretprobe",
  /* 39 */
  "^30 +atomic_barrier +atomic_cmpxchg_32 +getpagesize +riscv_hwprobe",
  /* 40 */
  "^36 +open_tree",
  /* 41 */
  "^13 +open_tree_attr -open_tree",
  /* 42 */
  "^37 +fchroot +listns +open_tree_attr +rseq_slice_yield +uprobe",
  /* 43 */
  "^38 +file_getattr +file_setattr +listns +open_tree_attr +rseq_slice_yield +uprobe"
];
var cache = /* @__PURE__ */ new Map();
function list(i) {
  let v = cache.get(i);
  if (v === void 0) {
    const s = L[i];
    if (s.startsWith("^")) {
      const [base, ...ops] = s.slice(1).split(" ");
      const set = new Set(list(Number(base)));
      for (const op of ops) {
        if (op.startsWith("+")) set.add(op.slice(1));
        else set.delete(op.slice(1));
      }
      v = Object.freeze([...set].sort());
    } else {
      v = Object.freeze(s === "" ? [] : s.split(" "));
    }
    cache.set(i, v);
  }
  return v;
}
function groups(spec) {
  const out = {};
  for (const e of spec.split(" ")) {
    const k = e.lastIndexOf("=");
    out[e.slice(0, k)] = list(Number(e.slice(k + 1)));
  }
  return Object.freeze(out);
}
function tables(libseccomp, known, foreign, spec) {
  const k = list(known);
  const f = new Set(list(foreign));
  return Object.freeze({ libseccomp, known: k, native: Object.freeze(k.filter((n) => !f.has(n))), groups: groups(spec) });
}
function lazily(make) {
  const out = {};
  for (const v of Object.keys(make)) {
    let t;
    Object.defineProperty(out, v, { enumerable: true, get: () => t ??= make[v]() });
  }
  return Object.freeze(out);
}
var SYSCALL_DATA = lazily({
  "252": () => tables(
    "2.5.4",
    29,
    30,
    "@default=0 @aio=1 @basic-io=2 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=7 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=13 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=28"
  ),
  "254": () => tables(
    "2.5.4",
    29,
    30,
    "@default=31 @aio=1 @basic-io=2 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=7 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=13 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @sandbox=32 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=33"
  ),
  "257": () => tables(
    "2.6.0",
    38,
    39,
    "@default=34 @aio=1 @basic-io=35 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=36 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=13 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @sandbox=32 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=37"
  ),
  "262": () => tables(
    "2.6.1",
    43,
    39,
    "@default=34 @aio=1 @basic-io=35 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=40 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=41 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @sandbox=32 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=42"
  )
});

// src/model/syscalls.ts
var tables2 = /* @__PURE__ */ new Map();
var asList = (v) => typeof v === "string" ? v.split(" ").filter((s) => s !== "") : v;
function syscallTable(version) {
  let t = tables2.get(version);
  if (!t) {
    const data = SYSCALL_DATA[version];
    t = {
      groups: new Map(Object.entries(data.groups).map(([k, v]) => [k, asList(v)])),
      known: new Set(asList(data.known)),
      native: new Set(asList(data.native))
    };
    tables2.set(version, t);
  }
  return t;
}
var expansions = /* @__PURE__ */ new WeakMap();
function expandGroup(table, group) {
  let byGroup = expansions.get(table);
  if (byGroup === void 0) expansions.set(table, byGroup = /* @__PURE__ */ new Map());
  let e = byGroup.get(group);
  if (e === void 0) {
    e = null;
    if (table.groups.has(group)) {
      const seen = /* @__PURE__ */ new Set();
      const names = [];
      const visiting = /* @__PURE__ */ new Set();
      const walk = (g) => {
        if (visiting.has(g)) return;
        visiting.add(g);
        for (const m of table.groups.get(g) ?? []) {
          if (m.startsWith("@")) walk(m);
          else if (!seen.has(m)) {
            seen.add(m);
            names.push(m);
          }
        }
        visiting.delete(g);
      };
      walk(group);
      e = { known: names.filter((n) => table.known.has(n)), native: names.filter((n) => table.native.has(n)) };
    }
    byGroup.set(group, e);
  }
  return e;
}

// src/model/assessors.ts
var PLAIN_BADNESS = Array.from({ length: 11 }, (_, badness) => ({ kind: "badness", badness }));
var PLAIN_NA = { kind: "na" };
var bad = (badness, description) => description === void 0 ? PLAIN_BADNESS[badness] ?? { kind: "badness", badness } : { kind: "badness", badness, description };
var na = (description) => description === void 0 ? PLAIN_NA : { kind: "na", description };
function runsPrivileged(info) {
  if (info.user === "0" || info.user === "root") return true;
  if (info.dynamicUser) return false;
  return info.user === null || info.user === "";
}
function boolRow(setting, weight, good, badText, opts = {}) {
  return {
    id: `${setting}=`,
    jsonField: setting,
    weight,
    range: 1,
    ...opts.defaultDependenciesOnly ? { defaultDependenciesOnly: true } : {},
    descriptionGood: good,
    descriptionBad: badText,
    reads: opts.reads ?? [setting],
    assess: ({ info }) => bad(info.enabled[setting] ? 0 : 1)
  };
}
var CAP_READS = ["CapabilityBoundingSet", "PrivateDevices", "ProtectKernelModules", "ProtectKernelLogs", "ProtectClock"];
function capabilityRow(id, jsonField, weight, caps, good, badText) {
  let low = 0;
  let high = 0;
  for (const c of caps) {
    if (c < 32) low |= 1 << c;
    else high |= 1 << c - 32;
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
      return bad((info.capabilityBoundingSetLow & low) !== 0 || (info.capabilityBoundingSetHigh & high) !== 0 ? 1 : 0);
    }
  };
}
function namespaceRow(name, flag, weight, what) {
  return {
    id: `RestrictNamespaces=~${name}`,
    jsonField: `RestrictNamespaces_${name}`,
    weight,
    range: 1,
    descriptionGood: `Service cannot create ${what} namespaces`,
    descriptionBad: `Service may create ${what} namespaces`,
    reads: ["RestrictNamespaces"],
    assess: ({ info }) => bad((info.restrictNamespaces & flag) !== 0 ? 1 : 0)
  };
}
function addressFamilyRow(id, jsonField, cls, weight, what) {
  return {
    id: `RestrictAddressFamilies=~${id}`,
    jsonField: `RestrictAddressFamilies_${jsonField}`,
    weight,
    range: 1,
    descriptionGood: `Service cannot allocate ${what} sockets`,
    descriptionBad: `Service may allocate ${what} sockets`,
    reads: ["RestrictAddressFamilies"],
    assess: ({ info }) => bad(info.addressFamilyRestricted[cls] ? 0 : 1)
  };
}
function groupLeaks(info, table, group) {
  for (const member of expandGroup(table, group)?.native ?? []) {
    if (info.syscallFilter.has(member) === info.syscallFilterAllowList) return member;
  }
  return null;
}
function syscallGroupRow(group, weight) {
  const name = group.slice(1);
  return {
    id: `SystemCallFilter=~${group}`,
    jsonField: `SystemCallFilter_${name.replace(/-/g, "_")}`,
    weight,
    range: 10,
    reads: ["SystemCallFilter"],
    assess: ({ info, syscalls }) => {
      if (!info.syscallFilterAllowList && info.syscallFilter.size === 0) {
        return bad(10, "Service does not filter system calls");
      }
      const offender = groupLeaks(info, syscalls, group);
      if (info.syscallFilterAllowList) {
        return offender !== null ? bad(9, `System call allow list defined for service, and ${group} is included (e.g. ${offender} is allowed)`) : bad(0, `System call allow list defined for service, and ${group} is not included`);
      }
      return offender !== null ? bad(10, `System call deny list defined for service, and ${group} is not included (e.g. ${offender} is allowed)`) : bad(0, `System call deny list defined for service, and ${group} is included`);
    }
  };
}
var NS = { cgroup: 33554432, ipc: 134217728, net: 1073741824, mnt: 131072, pid: 536870912, user: 268435456, uts: 67108864 };
var ASSESSORS = [
  {
    id: "User=/DynamicUser=",
    jsonField: "UserOrDynamicUser",
    weight: 2e3,
    range: 10,
    descriptionBad: "Service runs as root user",
    reads: ["User", "DynamicUser"],
    assess: ({ info }) => {
      if (info.user === "nobody") return bad(9, "Service runs under as 'nobody' user, which should not be used for services");
      if (info.dynamicUser && info.user !== "0" && info.user !== "root")
        return bad(0, "Service runs under a transient non-root user identity");
      if (info.user !== null && info.user !== "0" && info.user !== "root" && info.user !== "")
        return bad(0, "Service runs under a static non-root user identity");
      return bad(10);
    }
  },
  {
    id: "SupplementaryGroups=",
    jsonField: "SupplementaryGroups",
    weight: 200,
    range: 1,
    descriptionGood: "Service has no supplementary groups",
    descriptionBad: "Service runs with supplementary groups",
    descriptionNa: "Service runs as root, option does not matter",
    reads: ["SupplementaryGroups", "User", "DynamicUser"],
    assess: ({ info }) => runsPrivileged(info) ? na() : bad(info.supplementaryGroups.length > 0 ? 1 : 0)
  },
  boolRow("PrivateDevices", 1e3, "Service has no access to hardware devices", "Service potentially has access to hardware devices"),
  boolRow("PrivateMounts", 1e3, "Service cannot install system mounts", "Service may install system mounts"),
  boolRow("PrivateNetwork", 2500, "Service has no access to the host's network", "Service has access to the host's network"),
  boolRow("PrivateTmp", 1e3, "Service has no access to other software's temporary files", "Service has access to other software's temporary files", { defaultDependenciesOnly: true, reads: ["PrivateTmp", "DynamicUser"] }),
  boolRow("PrivateUsers", 1e3, "Service does not have access to other users", "Service has access to other users"),
  boolRow("ProtectControlGroups", 1e3, "Service cannot modify the control group file system", "Service may modify the control group file system"),
  boolRow("ProtectKernelModules", 1e3, "Service cannot load or read kernel modules", "Service may load or read kernel modules"),
  boolRow("ProtectKernelTunables", 1e3, "Service cannot alter kernel tunables (/proc/sys, …)", "Service may alter kernel tunables"),
  boolRow("ProtectKernelLogs", 1e3, "Service cannot read from or write to the kernel log ring buffer", "Service may read from or write to the kernel log ring buffer"),
  boolRow("ProtectClock", 1e3, "Service cannot write to the hardware clock or system clock", "Service may write to the hardware clock or system clock"),
  {
    id: "ProtectHome=",
    jsonField: "ProtectHome",
    weight: 1e3,
    range: 10,
    defaultDependenciesOnly: true,
    reads: ["ProtectHome", "DynamicUser"],
    assess: ({ info }) => {
      switch (info.protectHome) {
        case "yes":
          return bad(0, "Service has no access to home directories");
        case "tmpfs":
          return bad(1, "Service has access to fake empty home directories");
        case "read-only":
          return bad(5, "Service has read-only access to home directories");
        default:
          return bad(10, "Service has full access to home directories");
      }
    }
  },
  boolRow("ProtectHostname", 50, "Service cannot change system host/domainname", "Service may change system host/domainname"),
  {
    id: "ProtectSystem=",
    jsonField: "ProtectSystem",
    weight: 1e3,
    range: 10,
    defaultDependenciesOnly: true,
    reads: ["ProtectSystem", "DynamicUser"],
    assess: ({ info }) => {
      switch (info.protectSystem) {
        case "strict":
          return bad(0, "Service has strict read-only access to the OS file hierarchy");
        case "full":
          return bad(3, "Service has very limited write access to the OS file hierarchy");
        case "yes":
          return bad(5, "Service has limited write access to the OS file hierarchy");
        default:
          return bad(10, "Service has full access to the OS file hierarchy");
      }
    }
  },
  {
    id: "RootDirectory=/RootImage=",
    jsonField: "RootDirectoryOrRootImage",
    weight: 200,
    range: 1,
    defaultDependenciesOnly: true,
    descriptionGood: "Service has its own root directory/image",
    descriptionBad: "Service runs within the host's root directory",
    reads: ["RootDirectory", "RootImage"],
    assess: ({ info }) => {
      const own = (p) => p !== null && p !== "" && p !== "/";
      return bad(own(info.rootDirectory) || own(info.rootImage) ? 0 : 1);
    }
  },
  boolRow("LockPersonality", 100, "Service cannot change ABI personality", "Service may change ABI personality"),
  boolRow("MemoryDenyWriteExecute", 100, "Service cannot create writable executable memory mappings", "Service may create writable executable memory mappings"),
  boolRow("NoNewPrivileges", 1e3, "Service processes cannot acquire new privileges", "Service processes may acquire new privileges", { reads: ["NoNewPrivileges", "DynamicUser"] }),
  capabilityRow("CAP_SYS_ADMIN", "CAP_SYS_ADMIN", 1500, [21], "Service has no administrator privileges", "Service has administrator privileges"),
  capabilityRow("CAP_SET(UID|GID|PCAP)", "CAP_SET_UID_GID_PCAP", 1500, [6, 7, 8], "Service cannot change UID/GID identities/capabilities", "Service may change UID/GID identities/capabilities"),
  capabilityRow("CAP_SYS_PTRACE", "CAP_SYS_PTRACE", 1500, [19], "Service has no ptrace() debugging abilities", "Service has ptrace() debugging abilities"),
  capabilityRow("CAP_SYS_TIME", "CAP_SYS_TIME", 1e3, [25], "Service processes cannot change the system clock", "Service processes may change the system clock"),
  capabilityRow("CAP_NET_ADMIN", "CAP_NET_ADMIN", 1e3, [12], "Service has no network configuration privileges", "Service has network configuration privileges"),
  capabilityRow("CAP_SYS_RAWIO", "CAP_SYS_RAWIO", 1e3, [17], "Service has no raw I/O access", "Service has raw I/O access"),
  capabilityRow("CAP_SYS_MODULE", "CAP_SYS_MODULE", 1e3, [16], "Service cannot load kernel modules", "Service may load kernel modules"),
  capabilityRow("CAP_AUDIT_*", "CAP_AUDIT", 500, [29, 30, 37], "Service has no audit subsystem access", "Service has audit subsystem access"),
  capabilityRow("CAP_SYSLOG", "CAP_SYSLOG", 500, [34], "Service has no access to kernel logging", "Service has access to kernel logging"),
  capabilityRow("CAP_SYS_(NICE|RESOURCE)", "CAP_SYS_NICE_RESOURCE", 500, [23, 24], "Service has no privileges to change resource use parameters", "Service has privileges to change resource use parameters"),
  capabilityRow("CAP_MKNOD", "CAP_MKNOD", 500, [27], "Service cannot create device nodes", "Service may create device nodes"),
  capabilityRow("CAP_(CHOWN|FSETID|SETFCAP)", "CAP_CHOWN_FSETID_SETFCAP", 1e3, [0, 4, 31], "Service cannot change file ownership/access mode/capabilities", "Service may change file ownership/access mode/capabilities unrestricted"),
  capabilityRow("CAP_(DAC_*|FOWNER|IPC_OWNER)", "CAP_DAC_FOWNER_IPC_OWNER", 1e3, [1, 2, 3, 15], "Service cannot override UNIX file/IPC permission checks", "Service may override UNIX file/IPC permission checks"),
  capabilityRow("CAP_KILL", "CAP_KILL", 500, [5], "Service cannot send UNIX signals to arbitrary processes", "Service may send UNIX signals to arbitrary processes"),
  capabilityRow("CAP_NET_(BIND_SERVICE|BROADCAST|RAW)", "CAP_NET_BIND_SERVICE_BROADCAST_RAW)", 500, [10, 11, 13], "Service has no elevated networking privileges", "Service has elevated networking privileges"),
  capabilityRow("CAP_SYS_BOOT", "CAP_SYS_BOOT", 100, [22], "Service cannot issue reboot()", "Service may issue reboot()"),
  capabilityRow("CAP_MAC_*", "CAP_MAC", 100, [32, 33], "Service cannot adjust SMACK MAC", "Service may adjust SMACK MAC"),
  capabilityRow("CAP_LINUX_IMMUTABLE", "CAP_LINUX_IMMUTABLE", 75, [9], "Service cannot mark files immutable", "Service may mark files immutable"),
  capabilityRow("CAP_IPC_LOCK", "CAP_IPC_LOCK", 50, [14], "Service cannot lock memory into RAM", "Service may lock memory into RAM"),
  capabilityRow("CAP_SYS_CHROOT", "CAP_SYS_CHROOT", 50, [18], "Service cannot issue chroot()", "Service may issue chroot()"),
  capabilityRow("CAP_BLOCK_SUSPEND", "CAP_BLOCK_SUSPEND", 25, [36], "Service cannot establish wake locks", "Service may establish wake locks"),
  capabilityRow("CAP_WAKE_ALARM", "CAP_WAKE_ALARM", 25, [35], "Service cannot program timers that wake up the system", "Service may program timers that wake up the system"),
  capabilityRow("CAP_LEASE", "CAP_LEASE", 25, [28], "Service cannot create file leases", "Service may create file leases"),
  capabilityRow("CAP_SYS_TTY_CONFIG", "CAP_SYS_TTY_CONFIG", 25, [26], "Service cannot issue vhangup()", "Service may issue vhangup()"),
  capabilityRow("CAP_SYS_PACCT", "CAP_SYS_PACCT", 25, [20], "Service cannot use acct()", "Service may use acct()"),
  capabilityRow("CAP_BPF", "CAP_BPF", 25, [39], "Service may not load BPF programs", "Service may load BPF programs"),
  {
    id: "UMask=",
    jsonField: "UMask",
    weight: 100,
    range: 10,
    reads: ["UMask"],
    assess: ({ info }) => {
      const m = info.umask;
      if (!(m & 2)) return bad(10, "Files created by service are world-writable by default");
      if (!(m & 4)) return bad(5, "Files created by service are world-readable by default");
      if (!(m & 16)) return bad(2, "Files created by service are group-writable by default");
      if (!(m & 32)) return bad(1, "Files created by service are group-readable by default");
      return bad(0, "Files created by service are accessible only by service's own user by default");
    }
  },
  {
    id: "KeyringMode=",
    jsonField: "KeyringMode",
    weight: 1e3,
    range: 1,
    descriptionGood: "Service doesn't share key material with other services",
    descriptionBad: "Service shares key material with other service",
    reads: ["KeyringMode"],
    assess: ({ info }) => bad(info.keyringMode === "private" ? 0 : 1)
  },
  {
    id: "ProtectProc=",
    jsonField: "ProtectProc",
    weight: 1e3,
    range: 3,
    descriptionGood: "Service has restricted access to process tree (/proc hidepid=)",
    descriptionBad: "Service has full access to process tree (/proc hidepid=)",
    reads: ["ProtectProc"],
    assess: ({ info }) => {
      switch (info.protectProc) {
        case "noaccess":
          return bad(1);
        case "invisible":
        case "ptraceable":
          return bad(0);
        default:
          return bad(3);
      }
    }
  },
  {
    id: "ProcSubset=",
    jsonField: "ProcSubset",
    weight: 10,
    range: 1,
    descriptionGood: "Service has no access to non-process /proc files (/proc subset=)",
    descriptionBad: "Service has full access to non-process /proc files (/proc subset=)",
    reads: ["ProcSubset"],
    assess: ({ info }) => bad(info.procSubset === "pid" ? 0 : 1)
  },
  {
    id: "NotifyAccess=",
    jsonField: "NotifyAccess",
    weight: 1e3,
    range: 1,
    descriptionGood: "Service child processes cannot alter service state",
    descriptionBad: "Service child processes may alter service state",
    reads: ["NotifyAccess"],
    assess: ({ info }) => bad(info.notifyAccess === "all" ? 1 : 0)
  },
  {
    id: "RemoveIPC=",
    jsonField: "RemoveIPC",
    weight: 100,
    range: 1,
    descriptionGood: "Service user cannot leave SysV IPC objects around",
    descriptionBad: "Service user may leave SysV IPC objects around",
    descriptionNa: "Service runs as root, option does not apply",
    reads: ["RemoveIPC", "User", "DynamicUser"],
    assess: ({ info }) => runsPrivileged(info) ? na() : bad(info.removeIpc ? 0 : 1)
  },
  {
    id: "Delegate=",
    jsonField: "Delegate",
    weight: 100,
    range: 1,
    descriptionGood: "Service does not maintain its own delegated control group subtree",
    descriptionBad: "Service maintains its own delegated control group subtree",
    reads: ["Delegate"],
    assess: ({ info }) => bad(info.delegate ? 1 : 0)
  },
  boolRow("RestrictRealtime", 500, "Service realtime scheduling access is restricted", "Service may acquire realtime scheduling"),
  boolRow("RestrictSUIDSGID", 1e3, "SUID/SGID file creation by service is restricted", "Service may create SUID/SGID files", { reads: ["RestrictSUIDSGID", "DynamicUser"] }),
  namespaceRow("user", NS.user, 1500, "user"),
  namespaceRow("mnt", NS.mnt, 500, "file system"),
  namespaceRow("ipc", NS.ipc, 500, "IPC"),
  namespaceRow("pid", NS.pid, 500, "process"),
  namespaceRow("cgroup", NS.cgroup, 500, "cgroup"),
  namespaceRow("net", NS.net, 500, "network"),
  namespaceRow("uts", NS.uts, 100, "hostname"),
  addressFamilyRow("AF_(INET|INET6)", "AF_INET_INET6", "inet", 1500, "Internet"),
  addressFamilyRow("AF_UNIX", "AF_UNIX", "unix", 25, "local"),
  addressFamilyRow("AF_NETLINK", "AF_NETLINK", "netlink", 200, "netlink"),
  addressFamilyRow("AF_PACKET", "AF_PACKET", "packet", 1e3, "packet"),
  addressFamilyRow("…", "OTHER", "other", 1250, "exotic"),
  {
    id: "SystemCallArchitectures=",
    jsonField: "SystemCallArchitectures",
    weight: 1e3,
    range: 10,
    reads: ["SystemCallArchitectures"],
    assess: ({ info }) => {
      const archs = info.syscallArchitectures;
      if (archs.size === 0) return bad(10, "Service may execute system calls with all ABIs");
      if (archs.size === 1 && archs.has("native")) return bad(0, "Service may execute system calls only with native ABI");
      return bad(8, "Service may execute system calls with multiple ABIs");
    }
  },
  syscallGroupRow("@swap", 1e3),
  syscallGroupRow("@obsolete", 250),
  syscallGroupRow("@clock", 1e3),
  syscallGroupRow("@cpu-emulation", 250),
  syscallGroupRow("@debug", 1e3),
  syscallGroupRow("@mount", 1e3),
  syscallGroupRow("@module", 1e3),
  syscallGroupRow("@raw-io", 1e3),
  syscallGroupRow("@reboot", 1e3),
  syscallGroupRow("@privileged", 700),
  syscallGroupRow("@resources", 700),
  {
    id: "IPAddressDeny=",
    jsonField: "IPAddressDeny",
    weight: 1e3,
    range: 10,
    reads: ["IPAddressDeny", "IPAddressAllow", "IPIngressFilterPath", "IPEgressFilterPath"],
    assess: ({ info }) => {
      if (info.ipFiltersCustom) return bad(0, "Service defines custom ingress/egress IP filters with BPF programs");
      if (!info.ipAddressDenyAll) return bad(10, "Service does not define an IP address allow list");
      if (info.ipAddressAllowOther) return bad(5, "Service defines IP address allow list with non-localhost entries");
      if (info.ipAddressAllowLocalhost) return bad(2, "Service defines IP address allow list with only localhost entries");
      return bad(0, "Service blocks all IP address ranges");
    }
  },
  {
    id: "DeviceAllow=",
    jsonField: "DeviceAllow",
    weight: 1e3,
    range: 10,
    reads: ["DeviceAllow", "DevicePolicy", "PrivateDevices", "ProtectClock", "RootImage", "MountImages", "LoadCredentialEncrypted", "SetCredentialEncrypted"],
    assess: ({ info }) => {
      if (info.devicePolicy !== "strict" && info.devicePolicy !== "closed") return bad(10, "Service has no device ACL");
      if (info.deviceAllow.length > 0)
        return bad(5, `Service has a device ACL with some special devices: ${info.deviceAllow.join(" ")}`);
      return bad(0, "Service has a minimal device ACL");
    }
  },
  {
    id: "AmbientCapabilities=",
    jsonField: "AmbientCapabilities",
    weight: 500,
    range: 1,
    descriptionGood: "Service process does not receive ambient capabilities",
    descriptionBad: "Service process receives ambient capabilities",
    reads: ["AmbientCapabilities"],
    assess: ({ info }) => bad(info.ambientCapabilities !== 0n ? 1 : 0)
  }
];

// src/service/ip.ts
function parseIPv4(s) {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts[i];
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}
function parseIPv6(s) {
  let text = s;
  let tail = null;
  const lastColon = text.lastIndexOf(":");
  if (text.includes(".")) {
    tail = parseIPv4(text.slice(lastColon + 1));
    if (!tail) return null;
    text = text.slice(0, lastColon + 1) + "0:0";
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups2 = (h) => {
    if (h === "") return [];
    const out2 = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out2.push(parseInt(g, 16));
    }
    return out2;
  };
  const head = groups2(halves[0]);
  const rest = halves.length === 2 ? groups2(halves[1]) : [];
  if (!head || !rest) return null;
  let all;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    all = [...head, ...new Array(missing).fill(0), ...rest];
  } else {
    if (head.length !== 8) return null;
    all = head;
  }
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 255;
  });
  if (tail) out.set(tail, 12);
  return out;
}
function masked(address, prefixLength) {
  const out = new Uint8Array(address);
  for (let bit2 = prefixLength; bit2 < out.length * 8; bit2++) out[bit2 >> 3] &= ~(128 >> (bit2 & 7));
  return out;
}
function prefix(family, address, prefixLength) {
  return { family, address: masked(address, prefixLength), prefixLength };
}
var v4 = (a, b, c, d) => Uint8Array.of(a, b, c, d);
var v6 = (...bytes) => {
  const out = new Uint8Array(16);
  out.set(bytes);
  return out;
};
function isLocalhostName(word) {
  const w = word.toLowerCase();
  return ["localhost", "localhost.", "localhost.localdomain", "localhost.localdomain."].includes(w) || [".localhost", ".localhost.", ".localhost.localdomain", ".localhost.localdomain."].some((s) => w.endsWith(s));
}
function parseAddressWord(word) {
  if (word === "any") return [prefix(4, v4(0, 0, 0, 0), 0), prefix(6, v6(), 0)];
  if (isLocalhostName(word)) return [prefix(4, v4(127, 0, 0, 0), 8), prefix(6, v6(...new Array(15).fill(0), 1), 128)];
  if (word === "link-local") return [prefix(4, v4(169, 254, 0, 0), 16), prefix(6, v6(254, 128), 64)];
  if (word === "multicast") return [prefix(4, v4(224, 0, 0, 0), 4), prefix(6, v6(255), 8)];
  const slash = word.indexOf("/");
  const addrText = slash >= 0 ? word.slice(0, slash) : word;
  const a4 = parseIPv4(addrText);
  const a6 = a4 ? null : parseIPv6(addrText);
  const address = a4 ?? a6;
  if (!address) return null;
  const family = a4 ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  let length = bits;
  if (slash >= 0) {
    const lenText = word.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(lenText)) return null;
    length = Number(lenText);
    if (length > bits) return null;
  }
  return [prefix(family, address, length)];
}
function isLocalhostPrefix(p) {
  if (p.family === 4) return p.address[0] === 127;
  return p.address.every((b, i) => i === 15 ? b === 1 : b === 0);
}

// src/model/linux-names.ts
var CAPABILITY_NAMES = [
  "cap_chown",
  "cap_dac_override",
  "cap_dac_read_search",
  "cap_fowner",
  "cap_fsetid",
  "cap_kill",
  "cap_setgid",
  "cap_setuid",
  "cap_setpcap",
  "cap_linux_immutable",
  "cap_net_bind_service",
  "cap_net_broadcast",
  "cap_net_admin",
  "cap_net_raw",
  "cap_ipc_lock",
  "cap_ipc_owner",
  "cap_sys_module",
  "cap_sys_rawio",
  "cap_sys_chroot",
  "cap_sys_ptrace",
  "cap_sys_pacct",
  "cap_sys_admin",
  "cap_sys_boot",
  "cap_sys_nice",
  "cap_sys_resource",
  "cap_sys_time",
  "cap_sys_tty_config",
  "cap_mknod",
  "cap_lease",
  "cap_audit_write",
  "cap_audit_control",
  "cap_setfcap",
  "cap_mac_override",
  "cap_mac_admin",
  "cap_syslog",
  "cap_wake_alarm",
  "cap_block_suspend",
  "cap_audit_read",
  "cap_perfmon",
  "cap_bpf",
  "cap_checkpoint_restore"
];
var CAPABILITY_BY_NAME = new Map(CAPABILITY_NAMES.map((n, i) => [n, i]));
function capabilityFromName(word, max) {
  if (/^[+-]?[0-9]+$/.test(word)) {
    const n = Number(word);
    return n >= 0 && n <= max ? n : null;
  }
  return CAPABILITY_BY_NAME.get(word.toLowerCase()) ?? null;
}
function capabilityName(n) {
  return (CAPABILITY_NAMES[n] ?? `cap_${n}`).toUpperCase();
}
function capabilityNames(caps) {
  const out = [];
  for (let i = 0; i < CAPABILITY_NAMES.length; i++) if (caps & 1n << BigInt(i)) out.push(capabilityName(i));
  return out;
}
function capabilityBit(name) {
  const i = CAPABILITY_BY_NAME.get(name.toLowerCase());
  return i === void 0 ? null : 1n << BigInt(i);
}
var ADDRESS_FAMILY_CLASS = {
  AF_UNIX: "unix",
  AF_LOCAL: "unix",
  AF_FILE: "unix",
  AF_INET: "inet",
  AF_INET6: "inet",
  AF_NETLINK: "netlink",
  AF_ROUTE: "netlink",
  AF_PACKET: "packet"
};
var OTHER_FAMILIES = [
  "AF_AX25",
  "AF_IPX",
  "AF_APPLETALK",
  "AF_NETROM",
  "AF_BRIDGE",
  "AF_ATMPVC",
  "AF_X25",
  "AF_ROSE",
  "AF_DECNET",
  "AF_NETBEUI",
  "AF_SECURITY",
  "AF_KEY",
  "AF_ASH",
  "AF_ECONET",
  "AF_ATMSVC",
  "AF_RDS",
  "AF_SNA",
  "AF_IRDA",
  "AF_PPPOX",
  "AF_WANPIPE",
  "AF_LLC",
  "AF_IB",
  "AF_MPLS",
  "AF_CAN",
  "AF_TIPC",
  "AF_BLUETOOTH",
  "AF_IUCV",
  "AF_RXRPC",
  "AF_ISDN",
  "AF_PHONET",
  "AF_IEEE802154",
  "AF_CAIF",
  "AF_ALG",
  "AF_NFC",
  "AF_VSOCK",
  "AF_KCM",
  "AF_QIPCRTR",
  "AF_SMC",
  "AF_XDP",
  "AF_MCTP"
];
for (const f of OTHER_FAMILIES) ADDRESS_FAMILY_CLASS[f] = "other";
var FAMILY_ALIASES = { AF_LOCAL: "AF_UNIX", AF_FILE: "AF_UNIX", AF_ROUTE: "AF_NETLINK" };
function addressFamilyFromName(word) {
  const upper = word.toUpperCase();
  if (!(upper in ADDRESS_FAMILY_CLASS)) return null;
  return FAMILY_ALIASES[upper] ?? upper;
}
function addressFamilyClass(canonical) {
  return ADDRESS_FAMILY_CLASS[canonical] ?? "other";
}
var SECCOMP_ARCHITECTURES = [
  "native",
  "x86",
  "x86-64",
  "x32",
  "arm",
  "arm64",
  "mips",
  "mips64",
  "mips64-n32",
  "mipsel",
  "mipsel64",
  "mipsel64-n32",
  "parisc",
  "parisc64",
  "ppc",
  "ppc64",
  "ppc64-le",
  "riscv64",
  "s390",
  "s390x"
];
var ERRNO_NAMES = new Set(
  "EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP EWOULDBLOCK ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT EDEADLOCK EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP ENOTSUP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EUCLEAN ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE ERFKILL EHWPOISON".split(" ")
);

// src/model/security-info.ts
function securityInfo(s) {
  const allow = s.addressFamiliesAllowList;
  const restricted = {
    inet: allow,
    unix: allow,
    netlink: allow,
    packet: allow,
    other: allow
  };
  for (const af of s.addressFamilies ?? []) restricted[addressFamilyClass(af)] = !allow;
  const syscallFilter = s.syscallFilter ? filterNames(s.syscallFilter) : NO_SYSCALLS;
  const deny = s.ipAddressDeny;
  return {
    user: s.user,
    dynamicUser: s.dynamicUser,
    supplementaryGroups: s.supplementaryGroups,
    removeIpc: s.removeIpc,
    enabled: {
      PrivateDevices: s.privateDevices,
      // 254+: the unset tristate (-1) is non-zero, so the analyser counts it as enabled.
      PrivateMounts: s.privateMounts !== false,
      PrivateNetwork: s.privateNetwork,
      PrivateTmp: s.privateTmp !== "no",
      PrivateUsers: s.privateUsers !== "no",
      ProtectControlGroups: s.protectControlGroups !== "no",
      ProtectKernelModules: s.protectKernelModules,
      ProtectKernelTunables: s.protectKernelTunables,
      ProtectKernelLogs: s.protectKernelLogs,
      ProtectClock: s.protectClock,
      ProtectHostname: s.protectHostname !== "no",
      LockPersonality: s.lockPersonality,
      MemoryDenyWriteExecute: s.memoryDenyWriteExecute,
      NoNewPrivileges: s.noNewPrivileges,
      RestrictRealtime: s.restrictRealtime,
      RestrictSUIDSGID: s.restrictSuidSgid
    },
    protectHome: s.protectHome,
    protectSystem: s.protectSystem,
    protectProc: s.protectProc,
    procSubset: s.procSubset,
    keyringMode: s.keyringMode,
    notifyAccess: s.notifyAccess ?? "none",
    umask: s.umask,
    rootDirectory: s.rootDirectory,
    rootImage: s.rootImage,
    capabilityBoundingSet: s.capabilityBoundingSet,
    capabilityBoundingSetLow: Number(s.capabilityBoundingSet & 0xffffffffn),
    capabilityBoundingSetHigh: Number(s.capabilityBoundingSet >> 32n & 0xffffffffn),
    ambientCapabilities: s.ambientCapabilities,
    restrictNamespaces: s.restrictNamespaces === null ? 2147483647 : s.restrictNamespaces,
    addressFamilyRestricted: restricted,
    syscallArchitectures: s.syscallArchitectures,
    syscallFilterAllowList: s.syscallFilter?.allowList ?? false,
    syscallFilter,
    ipAddressDenyAll: deny.some((p) => p.family === 4 && p.prefixLength === 0) && deny.some((p) => p.family === 6 && p.prefixLength === 0),
    ipAddressAllowLocalhost: s.ipAddressAllow.some(isLocalhostPrefix),
    ipAddressAllowOther: s.ipAddressAllow.some((p) => !isLocalhostPrefix(p)),
    ipFiltersCustom: s.ipIngressFilterPaths > 0 || s.ipEgressFilterPaths > 0,
    devicePolicy: s.devicePolicy,
    deviceAllow: s.deviceAllow,
    delegate: s.delegate,
    defaultDependencies: s.defaultDependencies
  };
}
var NO_SYSCALLS = { has: () => false, size: 0 };
function filterNames(filter) {
  const { entries, allowList } = filter;
  if (!allowList) return entries;
  let size = 0;
  for (const errno of entries.values()) if (errno < 0) size++;
  return { has: (name) => (entries.get(name) ?? 0) < 0, size };
}

// src/unit/names.ts
var UNIT_TYPES = [
  "service",
  "socket",
  "target",
  "device",
  "mount",
  "automount",
  "swap",
  "timer",
  "path",
  "slice",
  "scope"
];
var VALID_CHARS = /^[A-Za-z0-9:\-_.\\@]*$/;
var UNIT_NAME_MAX = 256;
function unitNameKind(name) {
  if (name === "" || name.length >= UNIT_NAME_MAX) return null;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return null;
  if (!UNIT_TYPES.includes(name.slice(dot + 1))) return null;
  const stem = name.slice(0, dot);
  if (!VALID_CHARS.test(stem)) return null;
  const at = stem.indexOf("@");
  if (at === 0) return null;
  if (at < 0) return "plain";
  return at === stem.length - 1 ? "template" : "instance";
}
function unitType(name) {
  return name.slice(name.lastIndexOf(".") + 1);
}
function unitPrefix(name) {
  const dot = name.lastIndexOf(".");
  const at = name.indexOf("@");
  return at >= 0 && at < dot ? name.slice(0, at) : name.slice(0, dot);
}
function unitInstance(name) {
  const dot = name.lastIndexOf(".");
  const at = name.indexOf("@");
  return at >= 0 && at < dot ? name.slice(at + 1, dot) : null;
}
function templateOf(name) {
  return `${unitPrefix(name)}@.${unitType(name)}`;
}
function withInstance(template, instance) {
  return `${unitPrefix(template)}@${instance}.${unitType(template)}`;
}
function unescapeUnitName(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "-") out += "/";
    else if (c === "\\" && s[i + 1] === "x" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else out += c;
  }
  return out;
}
function dropInUnitNames(name) {
  const out = [];
  const visit = (n) => {
    out.push(n);
    const kind = unitNameKind(n);
    if (kind === "instance") visit(templateOf(n));
    let prefix2 = unitPrefix(n);
    let chopped = false;
    for (; ; ) {
      const dash = prefix2.lastIndexOf("-");
      if (dash <= 0) return;
      if (dash + 1 < prefix2.length || chopped) {
        prefix2 = prefix2.slice(0, dash + 1);
        break;
      }
      prefix2 = prefix2.slice(0, dash);
      chopped = true;
    }
    const instance = kind === "instance" ? unitInstance(n) : null;
    const type = unitType(n);
    visit(instance !== null ? `${prefix2}@${instance}.${type}` : `${prefix2}.${type}`);
  };
  visit(name);
  return out;
}

// src/unit/specifiers.ts
function expandSpecifiers(text, ctx) {
  if (!text.includes("%")) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const spec = text[++i];
    if (spec === void 0) return null;
    const value = specifierValue(spec, ctx);
    if (value === null) return null;
    out += value;
  }
  return out;
}
function specifierValue(spec, ctx) {
  const name = ctx.unitName;
  const instance = unitInstance(name) ?? "";
  const prefix2 = unitPrefix(name);
  const dash = prefix2.lastIndexOf("-");
  const lastComponent = dash >= 0 ? prefix2.slice(dash + 1) : prefix2;
  const slash = ctx.fragmentPath.lastIndexOf("/");
  switch (spec) {
    case "%":
      return "%";
    case "n":
      return name;
    case "N":
      return name.slice(0, name.length - unitType(name).length - 1);
    case "p":
      return prefix2;
    case "P":
      return unescapeUnitName(prefix2);
    case "i":
      return instance;
    case "I":
      return unescapeUnitName(instance);
    case "j":
      return lastComponent;
    case "J":
      return unescapeUnitName(lastComponent);
    case "f":
      return "/" + unescapeUnitName(instance !== "" ? instance : prefix2);
    case "y":
      return ctx.fragmentPath;
    case "Y":
      return slash >= 0 ? ctx.fragmentPath.slice(0, slash) || "/" : ".";
    case "u":
    case "g":
      return "root";
    case "U":
    case "G":
      return "0";
    case "h":
      return "/root";
    case "s":
      return "/bin/sh";
    case "E":
      return "/etc";
    case "S":
      return "/var/lib";
    case "C":
      return "/var/cache";
    case "L":
      return "/var/log";
    case "t":
      return "/run";
    case "T":
      return "/tmp";
    case "V":
      return "/var/tmp";
    case "d":
      return `/run/credentials/${name}`;
    case "H":
      return "localhost";
    case "l":
      return "localhost";
    case "q":
      return "localhost";
    case "m":
      return "00000000000000000000000000000001";
    case "b":
      return "00000000000000000000000000000002";
    case "o":
      return "debian";
    case "w":
      return "12";
    case "W":
      return "";
    case "B":
      return "";
    case "M":
      return "";
    case "A":
      return "";
    case "v":
      return "6.1.0-amd64";
    case "a":
      return "x86-64";
    default:
      return null;
  }
}

// src/service/state.ts
var ALL_CAPS_64 = (1n << 64n) - 1n;
var EXEC_DIRECTIVES = [
  "ExecCondition",
  "ExecStartPre",
  "ExecStart",
  "ExecStartPost",
  "ExecReload",
  "ExecStop",
  "ExecStopPost"
];
function initialServiceState(traits) {
  return {
    user: null,
    group: null,
    dynamicUser: false,
    supplementaryGroups: [],
    removeIpc: false,
    privateDevices: false,
    privateMounts: traits.privateMountsTristate ? null : false,
    privateNetwork: false,
    privateTmp: "no",
    privateUsers: "no",
    protectControlGroups: "no",
    protectHostname: "no",
    protectKernelModules: false,
    protectKernelTunables: false,
    protectKernelLogs: false,
    protectClock: false,
    lockPersonality: false,
    memoryDenyWriteExecute: false,
    noNewPrivileges: false,
    restrictRealtime: false,
    restrictSuidSgid: false,
    protectSystem: "no",
    protectHome: "no",
    protectProc: "default",
    procSubset: "all",
    keyringMode: "private",
    notifyAccess: null,
    umask: 18,
    rootDirectory: null,
    rootImage: null,
    mountImages: 0,
    encryptedCredentials: 0,
    // 262 starts from the 63-bit "all"; older versions from all 64 bits (rule A vs B, §3.1).
    capabilityBoundingSet: traits.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64,
    ambientCapabilities: 0n,
    restrictNamespaces: null,
    addressFamiliesAllowList: false,
    addressFamilies: null,
    syscallArchitectures: /* @__PURE__ */ new Set(),
    syscallFilter: null,
    ipAddressAllow: [],
    ipAddressDeny: [],
    ipIngressFilterPaths: 0,
    ipEgressFilterPaths: 0,
    devicePolicy: "auto",
    deviceAllow: [],
    delegate: false,
    defaultDependencies: true,
    permissionsStartOnly: false,
    privatePids: false,
    workingDirectory: null,
    type: null,
    remainAfterExit: false,
    restart: "no",
    exitType: "main",
    busName: null,
    pamName: null,
    killMode: "control-group",
    successAction: "none",
    restartForceExitStatus: 0,
    // Spelled out (one per EXEC_DIRECTIVES entry): built once per unit, so kept cheap.
    exec: {
      ExecCondition: [],
      ExecStartPre: [],
      ExecStart: [],
      ExecStartPost: [],
      ExecReload: [],
      ExecStop: [],
      ExecStopPost: []
    },
    applied: []
  };
}

// src/service/users.ts
function isNumericUid(s) {
  if (!/^(0|[1-9][0-9]*)$/.test(s)) return false;
  const n = Number(s);
  return n <= 4294967295 && n !== 65535 && n !== 4294967295;
}
function isValidRelaxedUserName(s) {
  if (s === "") return false;
  if (isNumericUid(s)) return true;
  if (s.startsWith(" ") || s.endsWith(" ")) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return false;
  }
  if (/[:/]/.test(s)) return false;
  if (/^[0-9]+$/.test(s) || /^-[0-9]*$/.test(s)) return false;
  return s !== "." && s !== "..";
}
function isValidStrictUserName(s) {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,30}$/.test(s);
}

// src/service/words.ts
var QUOTE_OR_BACKSLASH = /["'\\]/;
var SEPARATOR_RUN = /[ \t\n\r]+/;
var isSeparator = (c) => c === 32 || c === 9 || c === 10 || c === 13;
function extractWords(value, opts = {}) {
  if (!QUOTE_OR_BACKSLASH.test(value)) {
    const words2 = value.split(SEPARATOR_RUN);
    if (words2[0] === "") words2.shift();
    if (words2.length > 0 && words2[words2.length - 1] === "") words2.pop();
    return { words: words2, invalid: false };
  }
  const words = [];
  let i = 0;
  const n = value.length;
  for (; ; ) {
    while (i < n && isSeparator(value.charCodeAt(i))) i++;
    if (i >= n) return { words, invalid: false };
    let word = "";
    let quote = 0;
    let run = i;
    for (; ; ) {
      if (i >= n) {
        if (quote !== 0 && !opts.relax) return { words, invalid: true };
        word += value.slice(run, i);
        break;
      }
      const c = value.charCodeAt(i);
      if (c === 92) {
        word += value.slice(run, i);
        i++;
        if (i >= n) {
          if (opts.relax) break;
          return { words, invalid: true };
        }
        if (opts.cunescape) {
          const decoded = cunescapeOne(value, i);
          if (decoded === null) return { words, invalid: true };
          word += decoded.text;
          i += decoded.length;
        } else {
          word += value[i];
          i++;
        }
        run = i;
        continue;
      }
      if (quote !== 0) {
        if (c === quote) {
          word += value.slice(run, i);
          quote = 0;
          run = i + 1;
        }
        i++;
        continue;
      }
      if (opts.unquote && (c === 34 || c === 39)) {
        word += value.slice(run, i);
        quote = c;
        i++;
        run = i;
        continue;
      }
      if (isSeparator(c)) {
        word += value.slice(run, i);
        break;
      }
      i++;
    }
    words.push(word);
  }
}
var SIMPLE_ESCAPES = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'",
  s: " "
};
function cunescapeOne(s, at) {
  const c = s[at];
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== void 0) return { text: simple, length: 1 };
  const hex = (len) => {
    const digits = s.slice(at + 1, at + 1 + len);
    if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) return null;
    const code = parseInt(digits, 16);
    if (code === 0 || code > 1114111) return null;
    return { text: String.fromCodePoint(code), length: 1 + len };
  };
  if (c === "x") return hex(2);
  if (c === "u") return hex(4);
  if (c === "U") return hex(8);
  if (c >= "0" && c <= "7") {
    const digits = s.slice(at, at + 3);
    if (!/^[0-7]{3}$/.test(digits)) return null;
    const code = parseInt(digits, 8);
    if (code === 0 || code > 255) return null;
    return { text: String.fromCharCode(code), length: 3 };
  }
  return null;
}
var TRUE_WORDS = /* @__PURE__ */ new Set(["1", "yes", "y", "true", "t", "on"]);
var FALSE_WORDS = /* @__PURE__ */ new Set(["0", "no", "n", "false", "f", "off"]);
function parseBoolean(text) {
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return null;
}
function parseMode(text) {
  const m = /^[ \t\n\r]*([0-7]+)$/.exec(text);
  if (!m) return null;
  const v = parseInt(m[1], 8);
  return v <= 4095 ? v : null;
}
function hasControlChars(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}
function simplifyAbsolutePath(path) {
  if (!path.startsWith("/")) return null;
  const parts = path.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === ".." || p.length > 255)) return null;
  const simplified = "/" + parts.join("/");
  return simplified.length < 4096 ? simplified : null;
}
function isValidFilename(s) {
  return s !== "" && s !== "." && s !== ".." && !s.includes("/") && s.length <= 255;
}

// src/service/directives.ts
var NAMESPACE_FLAGS = {
  cgroup: 33554432,
  ipc: 134217728,
  net: 1073741824,
  mnt: 131072,
  pid: 536870912,
  user: 268435456,
  uts: 67108864,
  time: 128
};
var NAMESPACE_ALL = Object.values(NAMESPACE_FLAGS).reduce((a, b) => a | b, 0);
var bool = (set) => (s, a, ctx) => {
  const v = parseBoolean(a.value);
  if (v === null) ctx.warn(a, `Failed to parse boolean value, ignoring: ${a.value}`);
  else set(s, v);
  return void 0;
};
var enumOf = (values, set, what = "value") => (s, a, ctx) => {
  if (values.includes(a.value)) set(s, a.value);
  else ctx.warn(a, `Failed to parse ${what}, ignoring: ${a.value}`);
  return void 0;
};
var boolOrKeywords = (keywords, yes, set) => (s, a, ctx) => {
  const b = parseBoolean(a.value);
  if (b !== null) set(s, b ? yes : "no");
  else if (keywords(ctx.traits).includes(a.value)) set(s, a.value);
  else ctx.warn(a, `Failed to parse ${a.key}= value, ignoring: ${a.value}`);
  return void 0;
};
function userName(s, a, ctx) {
  if (a.value === "") return null;
  const expanded = expandSpecifiers(a.value, ctx.specifiers);
  if (expanded === null) return { fatal: `Failed to resolve unit specifiers in ${a.value}` };
  if (!isValidRelaxedUserName(expanded)) return { fatal: `Invalid user/group name or numeric ID: ${expanded}` };
  void s;
  return expanded;
}
var user = (set) => (s, a, ctx) => {
  const r = userName(s, a, ctx);
  if (r !== null && typeof r === "object") return r.fatal;
  set(s, r);
  return void 0;
};
var rootPath = (set) => (s, a, ctx) => {
  if (a.value === "") {
    set(s, null);
    return void 0;
  }
  const expanded = expandSpecifiers(a.value, ctx.specifiers);
  if (expanded === null) return `Failed to resolve unit specifiers in ${a.value}`;
  const path = simplifyAbsolutePath(expanded);
  if (path === null) return `${a.key}= path is not absolute or not normalized: ${expanded}`;
  set(s, path);
  return void 0;
};
var capabilities = (bounding) => (s, a, ctx) => {
  const t = ctx.traits;
  let text = a.value;
  const invert = text.startsWith("~");
  if (invert) text = text.slice(1);
  let sum = 0n;
  for (const w of extractWords(text, { unquote: true, relax: true }).words) {
    const cap = capabilityFromName(w, t.maxCapabilityNumber);
    if (cap === null) ctx.warn(a, `Failed to parse capability '${w}', ignoring.`);
    else sum |= 1n << BigInt(cap);
  }
  const current = bounding ? s.capabilityBoundingSet : s.ambientCapabilities;
  const untouched = bounding ? t.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64 : 0n;
  let next;
  if (t.capabilityRuleB && a.value === "") next = 0n;
  else if (sum === 0n || current === untouched) {
    const all = t.capabilityRuleB ? (1n << BigInt(KERNEL_LAST_CAP + 1)) - 1n : ALL_CAPS_64;
    next = invert ? all & ~sum : sum;
  } else next = invert ? current & ~sum : current | sum;
  if (bounding) s.capabilityBoundingSet = next;
  else s.ambientCapabilities = next;
  return void 0;
};
var KERNEL_LAST_CAP = 40;
var restrictNamespaces = (s, a, ctx) => {
  if (a.value === "") {
    s.restrictNamespaces = null;
    return void 0;
  }
  const b = parseBoolean(a.value);
  if (b !== null) {
    s.restrictNamespaces = b ? 0 : NAMESPACE_ALL;
    return void 0;
  }
  let text = a.value;
  const invert = text.startsWith("~");
  if (invert) text = text.slice(1);
  let flags = 0;
  for (const w of extractWords(text).words) {
    const f = NAMESPACE_FLAGS[w];
    if (f === void 0) {
      ctx.warn(a, `Failed to parse namespace type string, ignoring: ${a.value}`);
      return void 0;
    }
    flags |= f;
  }
  if (s.restrictNamespaces === null) s.restrictNamespaces = invert ? ~flags & NAMESPACE_ALL : flags;
  else s.restrictNamespaces = invert ? s.restrictNamespaces & ~flags : s.restrictNamespaces | flags;
  return void 0;
};
var restrictAddressFamilies = (s, a, ctx) => {
  if (a.value === "" || a.value === "none") {
    s.addressFamilies = null;
    s.addressFamiliesAllowList = a.value === "none";
    return void 0;
  }
  let text = a.value;
  const invert = text.startsWith("~");
  if (invert) text = text.slice(1);
  if (s.addressFamilies === null) {
    s.addressFamilies = /* @__PURE__ */ new Set();
    s.addressFamiliesAllowList = !invert;
  }
  const set = s.addressFamilies;
  const { words, invalid } = extractWords(text, { unquote: true });
  for (const w of words) {
    const af = addressFamilyFromName(w);
    if (af === null) {
      ctx.warn(a, `Failed to parse address family, ignoring: ${w}`);
      if (ctx.traits.addressFamilyStopsAtUnknown) return void 0;
      continue;
    }
    if (!invert === s.addressFamiliesAllowList) set.add(af);
    else set.delete(af);
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
  return void 0;
};
var ARCHITECTURES = new Set(SECCOMP_ARCHITECTURES);
var ARCHITECTURES_257 = /* @__PURE__ */ new Set([...SECCOMP_ARCHITECTURES, "loongarch64"]);
var syscallArchitectures = (s, a, ctx) => {
  if (a.value === "") {
    s.syscallArchitectures = /* @__PURE__ */ new Set();
    return void 0;
  }
  const known = ctx.traits.version >= "257" ? ARCHITECTURES_257 : ARCHITECTURES;
  const { words, invalid } = extractWords(a.value, { unquote: true });
  for (const w of words) {
    if (known.has(w)) s.syscallArchitectures.add(w);
    else ctx.warn(a, `Failed to parse system call architecture "${w}", ignoring.`);
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
  return void 0;
};
function parseErrnoOrAction(text) {
  if (text === "kill") return 2147483646;
  if (/^[0-9]+$/.test(text)) {
    const n = Number(text);
    return n <= 4095 ? n : null;
  }
  return ERRNO_NAMES.has(text) ? 1 : null;
}
var systemCallFilter = (s, a, ctx) => {
  if (a.value === "") {
    s.syscallFilter = null;
    return void 0;
  }
  let text = a.value;
  const invert = text.startsWith("~");
  if (invert) text = text.slice(1);
  const table = ctx.syscalls;
  if (s.syscallFilter === null) {
    s.syscallFilter = { allowList: !invert, entries: /* @__PURE__ */ new Map() };
    if (!invert) addSyscall(s.syscallFilter.entries, "@default", -1, false, true, table, null);
  }
  const filter = s.syscallFilter;
  const { words, invalid } = extractWords(text);
  for (const w of words) {
    const colon = w.indexOf(":");
    let name = w;
    let errno = -1;
    if (colon >= 0) {
      const parsed = parseErrnoOrAction(w.slice(colon + 1));
      name = w.slice(0, colon);
      if (parsed === null || name === "") {
        ctx.warn(a, `Failed to parse syscall:errno, ignoring: ${w}`);
        continue;
      }
      errno = parsed;
    }
    if (!invert && errno >= 0) {
      ctx.warn(a, `Allow-listed system calls cannot take error number, ignoring: ${w}`);
      continue;
    }
    addSyscall(filter.entries, name, errno, invert, filter.allowList, table, (m) => ctx.warn(a, m));
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
  return void 0;
};
function addSyscall(entries, name, errno, invert, allowList, table, warn) {
  const add = !invert === allowList || invert && allowList && errno >= 0;
  if (name.startsWith("@")) {
    const group = expandGroup(table, name);
    if (group === null) {
      warn?.(`Unknown system call group, ignoring: ${name}`);
      return;
    }
    if (add) for (const m of group.known) entries.set(m, errno);
    else for (const m of group.known) entries.delete(m);
    return;
  }
  if (!table.known.has(name)) {
    warn?.(`Failed to parse system call, ignoring: ${name}`);
    return;
  }
  if (add) entries.set(name, errno);
  else entries.delete(name);
}
var addressList = (pick) => (s, a, ctx) => {
  const key = pick(s);
  if (a.value === "") {
    s[key] = [];
    return void 0;
  }
  const { words, invalid } = extractWords(a.value);
  for (const w of words) {
    const prefixes = parseAddressWord(w);
    if (prefixes === null) ctx.warn(a, `Address prefix is invalid, ignoring assignment: ${w}`);
    else s[key].push(...prefixes);
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
  return void 0;
};
var filterPaths = (key) => (s, a, ctx) => {
  if (a.value === "") {
    s[key] = 0;
    return void 0;
  }
  const expanded = expandSpecifiers(a.value, ctx.specifiers);
  if (expanded === null || simplifyAbsolutePath(expanded) === null) {
    ctx.warn(a, `${a.key}= path is not valid, ignoring: ${a.value}`);
    return void 0;
  }
  s[key]++;
  return void 0;
};
var deviceAllow = (s, a, ctx) => {
  if (a.value === "") {
    s.deviceAllow = [];
    return void 0;
  }
  const m = /^([^ \t\n\r]+)[ \t\n\r]*(.*)$/s.exec(a.value);
  const first = m ? extractWords(m[1], { unquote: true }).words[0] : void 0;
  if (!m || first === void 0) {
    ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
    return void 0;
  }
  const resolved = expandSpecifiers(first, ctx.specifiers);
  if (resolved === null) {
    ctx.warn(a, `Failed to resolve unit specifiers in '${first}', ignoring.`);
    return void 0;
  }
  let device = resolved;
  if (!device.startsWith("block-") && !device.startsWith("char-")) {
    const simplified = device.startsWith("/") ? simplifyAbsolutePath(device) : null;
    if (simplified === null || // path_startswith() compares whole components: "/dev" itself is under "/dev/".
    !["/dev", "/run/systemd/inaccessible"].some((root) => simplified === root || simplified.startsWith(root + "/"))) {
      ctx.warn(a, `Invalid device node path '${resolved}', ignoring.`);
      return void 0;
    }
    device = simplified;
  }
  const rights = m[2];
  if (rights !== "" && !/^[rwm]*$/.test(rights)) {
    ctx.warn(a, `Invalid device rights '${rights}', ignoring.`);
    return void 0;
  }
  s.deviceAllow.unshift(`${device}:${canonicalRights(rights)}`);
  return void 0;
};
function canonicalRights(rights) {
  if (rights === "") return "rwm";
  return ["r", "w", "m"].filter((c) => rights.includes(c)).join("");
}
var delegate = (s, a) => {
  const b = a.value === "" ? true : parseBoolean(a.value);
  s.delegate = b === null ? true : b;
  return void 0;
};
var supplementaryGroups = (s, a, ctx) => {
  if (a.value === "") {
    s.supplementaryGroups = [];
    return void 0;
  }
  const { words, invalid } = extractWords(a.value);
  for (const w of words) {
    const expanded = expandSpecifiers(w, ctx.specifiers);
    if (expanded === null) return `Failed to resolve unit specifiers in ${w}`;
    if (!isValidRelaxedUserName(expanded)) return `Invalid supplementary group name or numeric ID: ${expanded}`;
    s.supplementaryGroups.push(expanded);
  }
  if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
  return void 0;
};
var exec = (directive) => (s, a, ctx) => {
  const list2 = s.exec[directive];
  if (a.value === "") {
    list2.length = 0;
    return void 0;
  }
  let rest = a.value;
  for (; ; ) {
    const parsed = parseCommand(rest, directive, a, ctx);
    if (parsed.fatal !== void 0) return parsed.fatal;
    if (parsed.command) list2.push(parsed.command);
    if (parsed.next === null) return void 0;
    rest = parsed.next;
  }
};
function parseCommand(text, directive, a, ctx) {
  const trimmed = text.replace(/^[ \t\n\r]+/, "");
  if (trimmed === "") return { next: null };
  const firstEnd = wordEnd(trimmed, 0);
  const firstRaw = trimmed.slice(0, firstEnd);
  const first = commandWord(firstRaw);
  if (first.invalid || first.words.length === 0) {
    ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
    return { next: null };
  }
  const after = trimmed.slice(firstEnd);
  let f = first.words[0];
  if (f === ";") return { next: after };
  let ignore = false;
  let argv0 = false;
  let noEnv = false;
  let full = false;
  let noSetuid = false;
  let ambient = false;
  for (; ; ) {
    const c = f[0];
    if (c === "-" && !ignore) ignore = true;
    else if (c === "@" && !argv0) argv0 = true;
    else if (c === ":" && !noEnv) noEnv = true;
    else if (c === "+" && !full && !noSetuid && !ambient) full = true;
    else if (c === "!" && !full && !noSetuid && !ambient) noSetuid = true;
    else if (c === "!" && !full && !ambient) {
      noSetuid = false;
      ambient = true;
    } else break;
    f = f.slice(1);
  }
  const fail = (message) => {
    if (ignore) {
      ctx.warn(a, `${message}, ignoring`);
      return { next: null };
    }
    return { fatal: message, next: null };
  };
  const path = expandSpecifiers(f, ctx.specifiers);
  if (path === null) return fail(`Failed to resolve unit specifiers in '${f}'`);
  if (path === "") return fail(`Empty path in command line: '${a.value}'`);
  if (hasControlChars(path) || /["'\\]/.test(path)) return fail(`Executable name contains special characters: ${path}`);
  if (path.endsWith("/")) return fail(`Executable path specifies a directory: ${path}`);
  if (!path.startsWith("/") && !isValidFilename(path)) return fail(`Neither a valid executable name nor an absolute path: ${path}`);
  let i = 0;
  let next = null;
  if (!SPECIAL_IN_WORD.test(after) && !after.includes("%")) {
    const m = LONE_SEMICOLON.exec(after);
    if (m) next = after.slice(m.index + m[0].length);
    i = after.length;
  }
  for (; ; ) {
    while (i < after.length && isBlank(after.charCodeAt(i))) i++;
    if (i >= after.length) break;
    if (after.charCodeAt(i) === 59 && (i + 1 === after.length || isBlank(after.charCodeAt(i + 1)))) {
      next = after.slice(i + 1);
      break;
    }
    const end = wordEnd(after, i);
    const arg = commandWord(after.slice(i, end));
    if (arg.invalid) return fail(`Invalid syntax in arguments: ${a.value}`);
    for (const w of arg.words) {
      if (w.includes("%") && expandSpecifiers(w, ctx.specifiers) === null) return fail(`Failed to resolve unit specifiers in ${w}`);
    }
    i = end;
  }
  if (argv0 && after.trim() === "") return fail(`Empty executable name or zeroeth argument: ${a.value}`);
  const command = {
    directive,
    path,
    fullyPrivileged: full,
    noSetuid,
    ambientMagic: ambient,
    source: a
  };
  return { command, next };
}
var isBlank = (c) => c === 32 || c === 9 || c === 10 || c === 13;
function wordEnd(text, start) {
  let quote = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (isBlank(c)) return i;
  }
  return text.length;
}
function commandWord(word) {
  return SPECIAL_IN_WORD.test(word) ? extractWords(word, { unquote: true, cunescape: true }) : { words: [word], invalid: false };
}
var SPECIAL_IN_WORD = /["'\\]/;
var LONE_SEMICOLON = /(?:^|[ \t\n\r]);(?=[ \t\n\r]|$)/;
var workingDirectory = (s, a, ctx) => {
  let v = a.value;
  if (v === "") {
    s.workingDirectory = null;
    return void 0;
  }
  const missingOk = v.startsWith("-");
  if (missingOk) v = v.slice(1);
  if (v === "~") {
    s.workingDirectory = "~";
    return void 0;
  }
  const expanded = expandSpecifiers(v, ctx.specifiers);
  const path = expanded === null ? null : simplifyAbsolutePath(expanded);
  if (path === null) {
    if (missingOk) {
      ctx.warn(a, `WorkingDirectory= path is not valid, ignoring: ${v}`);
      return void 0;
    }
    return `WorkingDirectory= path is not absolute: ${v}`;
  }
  s.workingDirectory = path;
  return void 0;
};
var SERVICE_TYPES = ["simple", "exec", "forking", "oneshot", "dbus", "notify", "idle"];
var RESTART_VALUES = ["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"];
var EMERGENCY_ACTIONS = [
  "none",
  "reboot",
  "reboot-force",
  "reboot-immediate",
  "poweroff",
  "poweroff-force",
  "poweroff-immediate",
  "exit",
  "exit-force",
  "halt",
  "halt-force",
  "halt-immediate",
  "kexec",
  "kexec-force"
];
var PROTECT_SYSTEM = ["full", "strict"];
var PROTECT_HOME = ["read-only", "tmpfs"];
var DIRECTIVES = new Map([
  ["Unit.DefaultDependencies", bool((s, v) => s.defaultDependencies = v)],
  ["Unit.SuccessAction", enumOf(EMERGENCY_ACTIONS, (s, v) => s.successAction = v, "SuccessAction=")],
  ["Service.User", user((s, v) => s.user = v)],
  ["Service.Group", user((s, v) => s.group = v)],
  ["Service.DynamicUser", (s, a) => {
    const v = parseBoolean(a.value);
    if (v === null) return `Failed to parse boolean value: ${a.value}`;
    s.dynamicUser = v;
    return void 0;
  }],
  ["Service.SupplementaryGroups", supplementaryGroups],
  ["Service.RemoveIPC", bool((s, v) => s.removeIpc = v)],
  ["Service.PrivateDevices", bool((s, v) => s.privateDevices = v)],
  ["Service.PrivateMounts", (s, a, ctx) => {
    if (a.value === "" && ctx.traits.privateMountsTristate) {
      s.privateMounts = null;
      return void 0;
    }
    return bool((st, v) => st.privateMounts = v)(s, a, ctx);
  }],
  ["Service.PrivateNetwork", bool((s, v) => s.privateNetwork = v)],
  ["Service.PrivateTmp", boolOrKeywords((t) => t.enums257 ? ["connected", "disconnected"] : [], "yes", (s, v) => s.privateTmp = v)],
  ["Service.PrivateUsers", boolOrKeywords(
    (t) => t.enums262 ? ["self", "identity", "full", "managed"] : t.enums257 ? ["self", "identity"] : [],
    "yes",
    (s, v) => s.privateUsers = v
  )],
  ["Service.ProtectControlGroups", boolOrKeywords((t) => t.enums257 ? ["private", "strict"] : [], "yes", (s, v) => s.protectControlGroups = v)],
  ["Service.ProtectHostname", (s, a, ctx) => {
    if (ctx.traits.enums262) {
      if (a.value === "") {
        s.protectHostname = "no";
        return void 0;
      }
      const m = /^(yes|private)(:.+)?$/.exec(a.value);
      if (m) {
        s.protectHostname = m[1];
        return void 0;
      }
    }
    return boolOrKeywords(() => [], "yes", (st, v) => st.protectHostname = v)(s, a, ctx);
  }],
  ["Service.ProtectKernelModules", bool((s, v) => s.protectKernelModules = v)],
  ["Service.ProtectKernelTunables", bool((s, v) => s.protectKernelTunables = v)],
  ["Service.ProtectKernelLogs", bool((s, v) => s.protectKernelLogs = v)],
  ["Service.ProtectClock", bool((s, v) => s.protectClock = v)],
  ["Service.LockPersonality", bool((s, v) => s.lockPersonality = v)],
  ["Service.MemoryDenyWriteExecute", bool((s, v) => s.memoryDenyWriteExecute = v)],
  ["Service.NoNewPrivileges", bool((s, v) => s.noNewPrivileges = v)],
  ["Service.RestrictRealtime", bool((s, v) => s.restrictRealtime = v)],
  ["Service.RestrictSUIDSGID", bool((s, v) => s.restrictSuidSgid = v)],
  ["Service.ProtectSystem", (s, a, ctx) => {
    const b = parseBoolean(a.value);
    if (b !== null) s.protectSystem = b ? "yes" : "no";
    else if (PROTECT_SYSTEM.includes(a.value)) s.protectSystem = a.value;
    else ctx.warn(a, `Failed to parse protect system value, ignoring: ${a.value}`);
    return void 0;
  }],
  ["Service.ProtectHome", (s, a, ctx) => {
    const b = parseBoolean(a.value);
    if (b !== null) s.protectHome = b ? "yes" : "no";
    else if (PROTECT_HOME.includes(a.value)) s.protectHome = a.value;
    else ctx.warn(a, `Failed to parse protect home value, ignoring: ${a.value}`);
    return void 0;
  }],
  ["Service.ProtectProc", enumOf(["default", "noaccess", "invisible", "ptraceable"], (s, v) => s.protectProc = v)],
  ["Service.ProcSubset", enumOf(["all", "pid"], (s, v) => s.procSubset = v)],
  ["Service.KeyringMode", enumOf(["inherit", "private", "shared"], (s, v) => s.keyringMode = v)],
  ["Service.NotifyAccess", enumOf(["none", "main", "exec", "all"], (s, v) => s.notifyAccess = v)],
  ["Service.UMask", (s, a, ctx) => {
    const m = parseMode(a.value);
    if (m === null) ctx.warn(a, `Failed to parse mode value, ignoring: ${a.value}`);
    else s.umask = m;
    return void 0;
  }],
  ["Service.RootDirectory", rootPath((s, v) => s.rootDirectory = v)],
  ["Service.RootImage", rootPath((s, v) => s.rootImage = v)],
  ["Service.RootVerity", rootPath(() => void 0)],
  ["Service.MountImages", (s, a) => {
    s.mountImages = a.value === "" ? 0 : s.mountImages + extractWords(a.value, { unquote: true }).words.length;
    return void 0;
  }],
  ["Service.LoadCredentialEncrypted", (s, a) => {
    s.encryptedCredentials = a.value === "" ? 0 : s.encryptedCredentials + 1;
    return void 0;
  }],
  ["Service.SetCredentialEncrypted", (s, a) => {
    s.encryptedCredentials = a.value === "" ? 0 : s.encryptedCredentials + 1;
    return void 0;
  }],
  ["Service.CapabilityBoundingSet", capabilities(true)],
  ["Service.AmbientCapabilities", capabilities(false)],
  ["Service.RestrictNamespaces", restrictNamespaces],
  ["Service.RestrictAddressFamilies", restrictAddressFamilies],
  ["Service.SystemCallArchitectures", syscallArchitectures],
  ["Service.SystemCallFilter", systemCallFilter],
  ["Service.IPAddressAllow", addressList(() => "ipAddressAllow")],
  ["Service.IPAddressDeny", addressList(() => "ipAddressDeny")],
  ["Service.IPIngressFilterPath", filterPaths("ipIngressFilterPaths")],
  ["Service.IPEgressFilterPath", filterPaths("ipEgressFilterPaths")],
  ["Service.DevicePolicy", enumOf(["auto", "closed", "strict"], (s, v) => s.devicePolicy = v)],
  ["Service.DeviceAllow", deviceAllow],
  ["Service.Delegate", delegate],
  ["Service.PermissionsStartOnly", bool((s, v) => s.permissionsStartOnly = v)],
  ["Service.Type", (s, a, ctx) => {
    const types = ctx.traits.notifyReload ? [...SERVICE_TYPES, "notify-reload"] : SERVICE_TYPES;
    if (types.includes(a.value)) s.type = a.value;
    else ctx.warn(a, `Failed to parse service type, ignoring: ${a.value}`);
    return void 0;
  }],
  ["Service.RemainAfterExit", bool((s, v) => s.remainAfterExit = v)],
  ["Service.Restart", enumOf(RESTART_VALUES, (s, v) => s.restart = v, "service restart specifier")],
  ["Service.ExitType", enumOf(["main", "cgroup"], (s, v) => s.exitType = v, "service exit type")],
  ["Service.BusName", (s, a) => {
    s.busName = a.value === "" ? null : a.value;
    return void 0;
  }],
  ["Service.PAMName", (s, a) => {
    s.pamName = a.value === "" ? null : a.value;
    return void 0;
  }],
  ["Service.KillMode", enumOf(["control-group", "process", "mixed", "none"], (s, v) => s.killMode = v, "kill mode")],
  ["Service.RestartForceExitStatus", (s, a) => {
    s.restartForceExitStatus = a.value === "" ? 0 : s.restartForceExitStatus + extractWords(a.value).words.length;
    return void 0;
  }],
  ["Service.WorkingDirectory", workingDirectory],
  ["Service.PrivatePIDs", bool((s, v) => s.privatePids = v)],
  ...["ExecCondition", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost"].map(
    (d) => [`Service.${d}`, exec(d)]
  )
]);

// src/service/patch.ts
var bit = (n) => 1n << BigInt(n);
var CAP_MKNOD = bit(27);
var CAP_SYS_RAWIO = bit(17);
var CAP_SYS_MODULE = bit(16);
var CAP_SYSLOG = bit(34);
var CAP_SYS_TIME = bit(25);
var CAP_WAKE_ALARM = bit(35);
function patchService(s, unitName, traits) {
  if (s.privateDevices) s.capabilityBoundingSet &= ~(CAP_MKNOD | CAP_SYS_RAWIO);
  if (s.protectKernelModules) s.capabilityBoundingSet &= ~CAP_SYS_MODULE;
  if (s.protectKernelLogs) s.capabilityBoundingSet &= ~CAP_SYSLOG;
  if (s.protectClock) s.capabilityBoundingSet &= ~(CAP_SYS_TIME | CAP_WAKE_ALARM);
  if (s.dynamicUser) {
    if (s.user === null) s.user = dynamicUserName(unitName);
    if (traits.enums257) {
      if (s.privateTmp === "no") s.privateTmp = "disconnected";
    } else s.privateTmp = "yes";
    s.removeIpc = true;
    s.protectSystem = "strict";
    if (s.protectHome === "no") s.protectHome = "read-only";
    s.noNewPrivileges = true;
    s.restrictSuidSgid = true;
  }
  if (s.privateDevices && s.devicePolicy === "auto") s.devicePolicy = "closed";
  const add = (entry) => void s.deviceAllow.unshift(entry);
  if ((s.rootImage !== null || s.mountImages > 0) && (s.devicePolicy !== "auto" || s.deviceAllow.length > 0)) {
    add("/dev/loop-control:rw");
    add("/dev/mapper/control:rw");
    add("block-loop:rwm");
    add("block-blkext:rwm");
    add("block-device-mapper:rwm");
  }
  if (s.protectClock) add("char-rtc:r");
  if (s.encryptedCredentials > 0 && traits.encryptedCredentialDevice !== null) {
    add(traits.encryptedCredentialDevice.replace(" ", ":"));
  }
  if (s.type === null) s.type = s.busName !== null ? "dbus" : s.exec["ExecStart"].length > 0 ? "simple" : "oneshot";
}
function dynamicUserName(unitName) {
  const prefix2 = unitPrefix(unitName);
  return isValidStrictUserName(prefix2) ? prefix2 : `_du${hexOf(prefix2)}`;
}
function hexOf(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(16, "0");
}

// src/service/verify.ts
function serviceRefusal(s, traits) {
  const start = s.exec["ExecStart"];
  const stop = s.exec["ExecStop"];
  const hasSuccessAction = s.successAction !== "none";
  if (start.length === 0 && stop.length === 0 && !hasSuccessAction)
    return "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
  if (s.type !== "oneshot" && start.length === 0)
    return "Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
  if (!s.remainAfterExit && start.length === 0 && !hasSuccessAction)
    return "Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. Refusing.";
  if (s.type !== "oneshot" && start.length > 1)
    return "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
  if (s.type === "oneshot" && (s.restart === "always" || s.restart === "on-success"))
    return "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services. Refusing.";
  if (s.type === "oneshot" && traits.oneshotRefusesRestartForceStatus && s.restartForceExitStatus > 0)
    return "Service has RestartForceExitStatus= set, which isn't allowed for Type=oneshot services. Refusing.";
  if (s.type === "oneshot" && s.exitType === "cgroup")
    return "Service has ExitType=cgroup set, which isn't allowed for Type=oneshot services. Refusing.";
  if (s.type === "dbus" && s.busName === null)
    return "Service is of type D-Bus but no D-Bus service name has been specified. Refusing.";
  if (s.pamName !== null && s.killMode !== "control-group" && s.killMode !== "mixed")
    return "Service has PAM enabled. Kill mode must be set to control-group or mixed. Refusing.";
  if (traits.refusesPrivatePidsForking && s.privatePids && s.type === "forking")
    return "Service of Type=forking does not support PrivatePIDs=yes. Refusing.";
  if (traits.refusesPrivatePidsForking && s.workingDirectory === "~" && s.dynamicUser)
    return "WorkingDirectory=~ is not allowed under DynamicUser=yes. Refusing.";
  if (traits.enums262 && s.privateUsers === "managed" && (s.user !== null || s.dynamicUser || s.group !== null || s.pamName !== null))
    return "PrivateUsers=managed may not be used in combination with User=/DynamicUser=/Group=/PAMName=. Refusing.";
  if (traits.refusesApiWorkingDirectory && s.workingDirectory !== null && /^\/(proc|sys|dev)(\/|$)/.test(s.workingDirectory) && needsMountNamespace(s))
    return "WorkingDirectory= may not be below /proc/, /sys/ or /dev/ when using mount namespacing. Refusing.";
  return null;
}
function needsMountNamespace(s) {
  return s.privateTmp !== "no" || s.privateDevices || s.privateMounts === true || s.protectSystem !== "no" || s.protectHome !== "no" || s.protectKernelTunables || s.protectKernelModules || s.protectKernelLogs || s.protectControlGroups !== "no" || s.rootDirectory !== null || s.rootImage !== null || s.dynamicUser;
}

// src/unit/known-keys.generated.ts
var BASE = "Automount.DirectoryMode Automount.ExtraOptions Automount.TimeoutIdleSec Automount.Where Install.Alias Install.Also Install.DefaultInstance Install.RequiredBy Install.WantedBy Mount.AllowedCPUs Mount.AllowedMemoryNodes Mount.AmbientCapabilities Mount.AppArmorProfile Mount.BPFProgram Mount.BindPaths Mount.BindReadOnlyPaths Mount.BlockIOAccounting Mount.BlockIODeviceWeight Mount.BlockIOReadBandwidth Mount.BlockIOWeight Mount.BlockIOWriteBandwidth Mount.CPUAccounting Mount.CPUAffinity Mount.CPUQuota Mount.CPUQuotaPeriodSec Mount.CPUSchedulingPolicy Mount.CPUSchedulingPriority Mount.CPUSchedulingResetOnFork Mount.CPUShares Mount.CPUWeight Mount.CacheDirectory Mount.CacheDirectoryMode Mount.Capabilities Mount.CapabilityBoundingSet Mount.ConfigurationDirectory Mount.ConfigurationDirectoryMode Mount.CoredumpFilter Mount.DefaultMemoryLow Mount.DefaultMemoryMin Mount.Delegate Mount.DeviceAllow Mount.DevicePolicy Mount.DirectoryMode Mount.DisableControllers Mount.DynamicUser Mount.Environment Mount.EnvironmentFile Mount.ExecPaths Mount.ExecSearchPath Mount.ExtensionDirectories Mount.ExtensionImages Mount.FinalKillSignal Mount.ForceUnmount Mount.Group Mount.IOAccounting Mount.IODeviceLatencyTargetSec Mount.IODeviceWeight Mount.IOReadBandwidthMax Mount.IOReadIOPSMax Mount.IOSchedulingClass Mount.IOSchedulingPriority Mount.IOWeight Mount.IOWriteBandwidthMax Mount.IOWriteIOPSMax Mount.IPAccounting Mount.IPAddressAllow Mount.IPAddressDeny Mount.IPCNamespacePath Mount.IPEgressFilterPath Mount.IPIngressFilterPath Mount.IgnoreSIGPIPE Mount.InaccessibleDirectories Mount.InaccessiblePaths Mount.KeyringMode Mount.KillMode Mount.KillSignal Mount.LazyUnmount Mount.LimitAS Mount.LimitCORE Mount.LimitCPU Mount.LimitDATA Mount.LimitFSIZE Mount.LimitLOCKS Mount.LimitMEMLOCK Mount.LimitMSGQUEUE Mount.LimitNICE Mount.LimitNOFILE Mount.LimitNPROC Mount.LimitRSS Mount.LimitRTPRIO Mount.LimitRTTIME Mount.LimitSIGPENDING Mount.LimitSTACK Mount.LoadCredential Mount.LoadCredentialEncrypted Mount.LockPersonality Mount.LogExtraFields Mount.LogLevelMax Mount.LogNamespace Mount.LogRateLimitBurst Mount.LogRateLimitIntervalSec Mount.LogsDirectory Mount.LogsDirectoryMode Mount.ManagedOOMMemoryPressure Mount.ManagedOOMMemoryPressureLimit Mount.ManagedOOMPreference Mount.ManagedOOMSwap Mount.MemoryAccounting Mount.MemoryDenyWriteExecute Mount.MemoryHigh Mount.MemoryLimit Mount.MemoryLow Mount.MemoryMax Mount.MemoryMin Mount.MemorySwapMax Mount.MountAPIVFS Mount.MountFlags Mount.MountImages Mount.NUMAMask Mount.NUMAPolicy Mount.NetClass Mount.NetworkNamespacePath Mount.Nice Mount.NoExecPaths Mount.NoNewPrivileges Mount.OOMScoreAdjust Mount.Options Mount.PAMName Mount.PassEnvironment Mount.Personality Mount.PrivateDevices Mount.PrivateIPC Mount.PrivateMounts Mount.PrivateNetwork Mount.PrivateTmp Mount.PrivateUsers Mount.ProcSubset Mount.ProtectClock Mount.ProtectControlGroups Mount.ProtectHome Mount.ProtectHostname Mount.ProtectKernelLogs Mount.ProtectKernelModules Mount.ProtectKernelTunables Mount.ProtectProc Mount.ProtectSystem Mount.ReadOnlyDirectories Mount.ReadOnlyPaths Mount.ReadWriteDirectories Mount.ReadWriteOnly Mount.ReadWritePaths Mount.RemoveIPC Mount.RestartKillSignal Mount.RestrictAddressFamilies Mount.RestrictFileSystems Mount.RestrictNamespaces Mount.RestrictNetworkInterfaces Mount.RestrictRealtime Mount.RestrictSUIDSGID Mount.RootDirectory Mount.RootHash Mount.RootHashSignature Mount.RootImage Mount.RootImageOptions Mount.RootVerity Mount.RuntimeDirectory Mount.RuntimeDirectoryMode Mount.RuntimeDirectoryPreserve Mount.SELinuxContext Mount.SecureBits Mount.SendSIGHUP Mount.SendSIGKILL Mount.SetCredential Mount.SetCredentialEncrypted Mount.Slice Mount.SloppyOptions Mount.SmackProcessLabel Mount.SocketBindAllow Mount.SocketBindDeny Mount.StandardError Mount.StandardInput Mount.StandardInputData Mount.StandardInputText Mount.StandardOutput Mount.StartupAllowedCPUs Mount.StartupAllowedMemoryNodes Mount.StartupBlockIOWeight Mount.StartupCPUShares Mount.StartupCPUWeight Mount.StartupIOWeight Mount.StateDirectory Mount.StateDirectoryMode Mount.SupplementaryGroups Mount.SyslogFacility Mount.SyslogIdentifier Mount.SyslogLevel Mount.SyslogLevelPrefix Mount.SystemCallArchitectures Mount.SystemCallErrorNumber Mount.SystemCallFilter Mount.SystemCallLog Mount.TTYColumns Mount.TTYPath Mount.TTYReset Mount.TTYRows Mount.TTYVHangup Mount.TTYVTDisallocate Mount.TasksAccounting Mount.TasksMax Mount.TemporaryFileSystem Mount.TimeoutCleanSec Mount.TimeoutSec Mount.TimerSlackNSec Mount.Type Mount.UMask Mount.UnsetEnvironment Mount.User Mount.UtmpIdentifier Mount.UtmpMode Mount.WatchdogSignal Mount.What Mount.Where Mount.WorkingDirectory Path.DirectoryMode Path.DirectoryNotEmpty Path.MakeDirectory Path.PathChanged Path.PathExists Path.PathExistsGlob Path.PathModified Path.TriggerLimitBurst Path.TriggerLimitIntervalSec Path.Unit Scope.AllowedCPUs Scope.AllowedMemoryNodes Scope.BPFProgram Scope.BlockIOAccounting Scope.BlockIODeviceWeight Scope.BlockIOReadBandwidth Scope.BlockIOWeight Scope.BlockIOWriteBandwidth Scope.CPUAccounting Scope.CPUQuota Scope.CPUQuotaPeriodSec Scope.CPUShares Scope.CPUWeight Scope.DefaultMemoryLow Scope.DefaultMemoryMin Scope.Delegate Scope.DeviceAllow Scope.DevicePolicy Scope.DisableControllers Scope.FinalKillSignal Scope.IOAccounting Scope.IODeviceLatencyTargetSec Scope.IODeviceWeight Scope.IOReadBandwidthMax Scope.IOReadIOPSMax Scope.IOWeight Scope.IOWriteBandwidthMax Scope.IOWriteIOPSMax Scope.IPAccounting Scope.IPAddressAllow Scope.IPAddressDeny Scope.IPEgressFilterPath Scope.IPIngressFilterPath Scope.KillMode Scope.KillSignal Scope.ManagedOOMMemoryPressure Scope.ManagedOOMMemoryPressureLimit Scope.ManagedOOMPreference Scope.ManagedOOMSwap Scope.MemoryAccounting Scope.MemoryHigh Scope.MemoryLimit Scope.MemoryLow Scope.MemoryMax Scope.MemoryMin Scope.MemorySwapMax Scope.NetClass Scope.OOMPolicy Scope.RestartKillSignal Scope.RestrictNetworkInterfaces Scope.RuntimeMaxSec Scope.RuntimeRandomizedExtraSec Scope.SendSIGHUP Scope.SendSIGKILL Scope.Slice Scope.SocketBindAllow Scope.SocketBindDeny Scope.StartupAllowedCPUs Scope.StartupAllowedMemoryNodes Scope.StartupBlockIOWeight Scope.StartupCPUShares Scope.StartupCPUWeight Scope.StartupIOWeight Scope.TasksAccounting Scope.TasksMax Scope.TimeoutStopSec Scope.WatchdogSignal Service.AllowedCPUs Service.AllowedMemoryNodes Service.AmbientCapabilities Service.AppArmorProfile Service.BPFProgram Service.BindPaths Service.BindReadOnlyPaths Service.BlockIOAccounting Service.BlockIODeviceWeight Service.BlockIOReadBandwidth Service.BlockIOWeight Service.BlockIOWriteBandwidth Service.BusName Service.BusPolicy Service.CPUAccounting Service.CPUAffinity Service.CPUQuota Service.CPUQuotaPeriodSec Service.CPUSchedulingPolicy Service.CPUSchedulingPriority Service.CPUSchedulingResetOnFork Service.CPUShares Service.CPUWeight Service.CacheDirectory Service.CacheDirectoryMode Service.Capabilities Service.CapabilityBoundingSet Service.ConfigurationDirectory Service.ConfigurationDirectoryMode Service.CoredumpFilter Service.DefaultMemoryLow Service.DefaultMemoryMin Service.Delegate Service.DeviceAllow Service.DevicePolicy Service.DisableControllers Service.DynamicUser Service.Environment Service.EnvironmentFile Service.ExecCondition Service.ExecPaths Service.ExecReload Service.ExecSearchPath Service.ExecStart Service.ExecStartPost Service.ExecStartPre Service.ExecStop Service.ExecStopPost Service.ExitType Service.ExtensionDirectories Service.ExtensionImages Service.FailureAction Service.FileDescriptorStoreMax Service.FinalKillSignal Service.Group Service.GuessMainPID Service.IOAccounting Service.IODeviceLatencyTargetSec Service.IODeviceWeight Service.IOReadBandwidthMax Service.IOReadIOPSMax Service.IOSchedulingClass Service.IOSchedulingPriority Service.IOWeight Service.IOWriteBandwidthMax Service.IOWriteIOPSMax Service.IPAccounting Service.IPAddressAllow Service.IPAddressDeny Service.IPCNamespacePath Service.IPEgressFilterPath Service.IPIngressFilterPath Service.IgnoreSIGPIPE Service.InaccessibleDirectories Service.InaccessiblePaths Service.KeyringMode Service.KillMode Service.KillSignal Service.LimitAS Service.LimitCORE Service.LimitCPU Service.LimitDATA Service.LimitFSIZE Service.LimitLOCKS Service.LimitMEMLOCK Service.LimitMSGQUEUE Service.LimitNICE Service.LimitNOFILE Service.LimitNPROC Service.LimitRSS Service.LimitRTPRIO Service.LimitRTTIME Service.LimitSIGPENDING Service.LimitSTACK Service.LoadCredential Service.LoadCredentialEncrypted Service.LockPersonality Service.LogExtraFields Service.LogLevelMax Service.LogNamespace Service.LogRateLimitBurst Service.LogRateLimitIntervalSec Service.LogsDirectory Service.LogsDirectoryMode Service.ManagedOOMMemoryPressure Service.ManagedOOMMemoryPressureLimit Service.ManagedOOMPreference Service.ManagedOOMSwap Service.MemoryAccounting Service.MemoryDenyWriteExecute Service.MemoryHigh Service.MemoryLimit Service.MemoryLow Service.MemoryMax Service.MemoryMin Service.MemorySwapMax Service.MountAPIVFS Service.MountFlags Service.MountImages Service.NUMAMask Service.NUMAPolicy Service.NetClass Service.NetworkNamespacePath Service.Nice Service.NoExecPaths Service.NoNewPrivileges Service.NonBlocking Service.NotifyAccess Service.OOMPolicy Service.OOMScoreAdjust Service.PAMName Service.PIDFile Service.PassEnvironment Service.PermissionsStartOnly Service.Personality Service.PrivateDevices Service.PrivateIPC Service.PrivateMounts Service.PrivateNetwork Service.PrivateTmp Service.PrivateUsers Service.ProcSubset Service.ProtectClock Service.ProtectControlGroups Service.ProtectHome Service.ProtectHostname Service.ProtectKernelLogs Service.ProtectKernelModules Service.ProtectKernelTunables Service.ProtectProc Service.ProtectSystem Service.ReadOnlyDirectories Service.ReadOnlyPaths Service.ReadWriteDirectories Service.ReadWritePaths Service.RebootArgument Service.RemainAfterExit Service.RemoveIPC Service.Restart Service.RestartForceExitStatus Service.RestartKillSignal Service.RestartPreventExitStatus Service.RestartSec Service.RestrictAddressFamilies Service.RestrictFileSystems Service.RestrictNamespaces Service.RestrictNetworkInterfaces Service.RestrictRealtime Service.RestrictSUIDSGID Service.RootDirectory Service.RootDirectoryStartOnly Service.RootHash Service.RootHashSignature Service.RootImage Service.RootImageOptions Service.RootVerity Service.RuntimeDirectory Service.RuntimeDirectoryMode Service.RuntimeDirectoryPreserve Service.RuntimeMaxSec Service.RuntimeRandomizedExtraSec Service.SELinuxContext Service.SecureBits Service.SendSIGHUP Service.SendSIGKILL Service.SetCredential Service.SetCredentialEncrypted Service.Slice Service.SmackProcessLabel Service.SocketBindAllow Service.SocketBindDeny Service.Sockets Service.StandardError Service.StandardInput Service.StandardInputData Service.StandardInputText Service.StandardOutput Service.StartLimitAction Service.StartLimitBurst Service.StartLimitInterval Service.StartupAllowedCPUs Service.StartupAllowedMemoryNodes Service.StartupBlockIOWeight Service.StartupCPUShares Service.StartupCPUWeight Service.StartupIOWeight Service.StateDirectory Service.StateDirectoryMode Service.SuccessExitStatus Service.SupplementaryGroups Service.SysVStartPriority Service.SyslogFacility Service.SyslogIdentifier Service.SyslogLevel Service.SyslogLevelPrefix Service.SystemCallArchitectures Service.SystemCallErrorNumber Service.SystemCallFilter Service.SystemCallLog Service.TTYColumns Service.TTYPath Service.TTYReset Service.TTYRows Service.TTYVHangup Service.TTYVTDisallocate Service.TasksAccounting Service.TasksMax Service.TemporaryFileSystem Service.TimeoutAbortSec Service.TimeoutCleanSec Service.TimeoutSec Service.TimeoutStartFailureMode Service.TimeoutStartSec Service.TimeoutStopFailureMode Service.TimeoutStopSec Service.TimerSlackNSec Service.Type Service.UMask Service.USBFunctionDescriptors Service.USBFunctionStrings Service.UnsetEnvironment Service.User Service.UtmpIdentifier Service.UtmpMode Service.WatchdogSec Service.WatchdogSignal Service.WorkingDirectory Slice.AllowedCPUs Slice.AllowedMemoryNodes Slice.BPFProgram Slice.BlockIOAccounting Slice.BlockIODeviceWeight Slice.BlockIOReadBandwidth Slice.BlockIOWeight Slice.BlockIOWriteBandwidth Slice.CPUAccounting Slice.CPUQuota Slice.CPUQuotaPeriodSec Slice.CPUShares Slice.CPUWeight Slice.DefaultMemoryLow Slice.DefaultMemoryMin Slice.Delegate Slice.DeviceAllow Slice.DevicePolicy Slice.DisableControllers Slice.IOAccounting Slice.IODeviceLatencyTargetSec Slice.IODeviceWeight Slice.IOReadBandwidthMax Slice.IOReadIOPSMax Slice.IOWeight Slice.IOWriteBandwidthMax Slice.IOWriteIOPSMax Slice.IPAccounting Slice.IPAddressAllow Slice.IPAddressDeny Slice.IPEgressFilterPath Slice.IPIngressFilterPath Slice.ManagedOOMMemoryPressure Slice.ManagedOOMMemoryPressureLimit Slice.ManagedOOMPreference Slice.ManagedOOMSwap Slice.MemoryAccounting Slice.MemoryHigh Slice.MemoryLimit Slice.MemoryLow Slice.MemoryMax Slice.MemoryMin Slice.MemorySwapMax Slice.NetClass Slice.RestrictNetworkInterfaces Slice.Slice Slice.SocketBindAllow Slice.SocketBindDeny Slice.StartupAllowedCPUs Slice.StartupAllowedMemoryNodes Slice.StartupBlockIOWeight Slice.StartupCPUShares Slice.StartupCPUWeight Slice.StartupIOWeight Slice.TasksAccounting Slice.TasksMax Socket.Accept Socket.AllowedCPUs Socket.AllowedMemoryNodes Socket.AmbientCapabilities Socket.AppArmorProfile Socket.BPFProgram Socket.Backlog Socket.BindIPv6Only Socket.BindPaths Socket.BindReadOnlyPaths Socket.BindToDevice Socket.BlockIOAccounting Socket.BlockIODeviceWeight Socket.BlockIOReadBandwidth Socket.BlockIOWeight Socket.BlockIOWriteBandwidth Socket.Broadcast Socket.CPUAccounting Socket.CPUAffinity Socket.CPUQuota Socket.CPUQuotaPeriodSec Socket.CPUSchedulingPolicy Socket.CPUSchedulingPriority Socket.CPUSchedulingResetOnFork Socket.CPUShares Socket.CPUWeight Socket.CacheDirectory Socket.CacheDirectoryMode Socket.Capabilities Socket.CapabilityBoundingSet Socket.ConfigurationDirectory Socket.ConfigurationDirectoryMode Socket.CoredumpFilter Socket.DefaultMemoryLow Socket.DefaultMemoryMin Socket.DeferAcceptSec Socket.Delegate Socket.DeviceAllow Socket.DevicePolicy Socket.DirectoryMode Socket.DisableControllers Socket.DynamicUser Socket.Environment Socket.EnvironmentFile Socket.ExecPaths Socket.ExecSearchPath Socket.ExecStartPost Socket.ExecStartPre Socket.ExecStopPost Socket.ExecStopPre Socket.ExtensionDirectories Socket.ExtensionImages Socket.FileDescriptorName Socket.FinalKillSignal Socket.FlushPending Socket.FreeBind Socket.Group Socket.IOAccounting Socket.IODeviceLatencyTargetSec Socket.IODeviceWeight Socket.IOReadBandwidthMax Socket.IOReadIOPSMax Socket.IOSchedulingClass Socket.IOSchedulingPriority Socket.IOWeight Socket.IOWriteBandwidthMax Socket.IOWriteIOPSMax Socket.IPAccounting Socket.IPAddressAllow Socket.IPAddressDeny Socket.IPCNamespacePath Socket.IPEgressFilterPath Socket.IPIngressFilterPath Socket.IPTOS Socket.IPTTL Socket.IgnoreSIGPIPE Socket.InaccessibleDirectories Socket.InaccessiblePaths Socket.KeepAlive Socket.KeepAliveIntervalSec Socket.KeepAliveProbes Socket.KeepAliveTimeSec Socket.KeyringMode Socket.KillMode Socket.KillSignal Socket.LimitAS Socket.LimitCORE Socket.LimitCPU Socket.LimitDATA Socket.LimitFSIZE Socket.LimitLOCKS Socket.LimitMEMLOCK Socket.LimitMSGQUEUE Socket.LimitNICE Socket.LimitNOFILE Socket.LimitNPROC Socket.LimitRSS Socket.LimitRTPRIO Socket.LimitRTTIME Socket.LimitSIGPENDING Socket.LimitSTACK Socket.ListenDatagram Socket.ListenFIFO Socket.ListenMessageQueue Socket.ListenNetlink Socket.ListenSequentialPacket Socket.ListenSpecial Socket.ListenStream Socket.ListenUSBFunction Socket.LoadCredential Socket.LoadCredentialEncrypted Socket.LockPersonality Socket.LogExtraFields Socket.LogLevelMax Socket.LogNamespace Socket.LogRateLimitBurst Socket.LogRateLimitIntervalSec Socket.LogsDirectory Socket.LogsDirectoryMode Socket.ManagedOOMMemoryPressure Socket.ManagedOOMMemoryPressureLimit Socket.ManagedOOMPreference Socket.ManagedOOMSwap Socket.Mark Socket.MaxConnections Socket.MaxConnectionsPerSource Socket.MemoryAccounting Socket.MemoryDenyWriteExecute Socket.MemoryHigh Socket.MemoryLimit Socket.MemoryLow Socket.MemoryMax Socket.MemoryMin Socket.MemorySwapMax Socket.MessageQueueMaxMessages Socket.MessageQueueMessageSize Socket.MountAPIVFS Socket.MountFlags Socket.MountImages Socket.NUMAMask Socket.NUMAPolicy Socket.NetClass Socket.NetworkNamespacePath Socket.Nice Socket.NoDelay Socket.NoExecPaths Socket.NoNewPrivileges Socket.OOMScoreAdjust Socket.PAMName Socket.PassCredentials Socket.PassEnvironment Socket.PassPacketInfo Socket.PassSecurity Socket.Personality Socket.PipeSize Socket.Priority Socket.PrivateDevices Socket.PrivateIPC Socket.PrivateMounts Socket.PrivateNetwork Socket.PrivateTmp Socket.PrivateUsers Socket.ProcSubset Socket.ProtectClock Socket.ProtectControlGroups Socket.ProtectHome Socket.ProtectHostname Socket.ProtectKernelLogs Socket.ProtectKernelModules Socket.ProtectKernelTunables Socket.ProtectProc Socket.ProtectSystem Socket.ReadOnlyDirectories Socket.ReadOnlyPaths Socket.ReadWriteDirectories Socket.ReadWritePaths Socket.ReceiveBuffer Socket.RemoveIPC Socket.RemoveOnStop Socket.RestartKillSignal Socket.RestrictAddressFamilies Socket.RestrictFileSystems Socket.RestrictNamespaces Socket.RestrictNetworkInterfaces Socket.RestrictRealtime Socket.RestrictSUIDSGID Socket.ReusePort Socket.RootDirectory Socket.RootHash Socket.RootHashSignature Socket.RootImage Socket.RootImageOptions Socket.RootVerity Socket.RuntimeDirectory Socket.RuntimeDirectoryMode Socket.RuntimeDirectoryPreserve Socket.SELinuxContext Socket.SELinuxContextFromNet Socket.SecureBits Socket.SendBuffer Socket.SendSIGHUP Socket.SendSIGKILL Socket.Service Socket.SetCredential Socket.SetCredentialEncrypted Socket.Slice Socket.SmackLabel Socket.SmackLabelIPIn Socket.SmackLabelIPOut Socket.SmackProcessLabel Socket.SocketBindAllow Socket.SocketBindDeny Socket.SocketGroup Socket.SocketMode Socket.SocketProtocol Socket.SocketUser Socket.StandardError Socket.StandardInput Socket.StandardInputData Socket.StandardInputText Socket.StandardOutput Socket.StartupAllowedCPUs Socket.StartupAllowedMemoryNodes Socket.StartupBlockIOWeight Socket.StartupCPUShares Socket.StartupCPUWeight Socket.StartupIOWeight Socket.StateDirectory Socket.StateDirectoryMode Socket.SupplementaryGroups Socket.Symlinks Socket.SyslogFacility Socket.SyslogIdentifier Socket.SyslogLevel Socket.SyslogLevelPrefix Socket.SystemCallArchitectures Socket.SystemCallErrorNumber Socket.SystemCallFilter Socket.SystemCallLog Socket.TCPCongestion Socket.TTYColumns Socket.TTYPath Socket.TTYReset Socket.TTYRows Socket.TTYVHangup Socket.TTYVTDisallocate Socket.TasksAccounting Socket.TasksMax Socket.TemporaryFileSystem Socket.TimeoutCleanSec Socket.TimeoutSec Socket.TimerSlackNSec Socket.Timestamping Socket.Transparent Socket.TriggerLimitBurst Socket.TriggerLimitIntervalSec Socket.UMask Socket.UnsetEnvironment Socket.User Socket.UtmpIdentifier Socket.UtmpMode Socket.WatchdogSignal Socket.WorkingDirectory Socket.Writable Swap.AllowedCPUs Swap.AllowedMemoryNodes Swap.AmbientCapabilities Swap.AppArmorProfile Swap.BPFProgram Swap.BindPaths Swap.BindReadOnlyPaths Swap.BlockIOAccounting Swap.BlockIODeviceWeight Swap.BlockIOReadBandwidth Swap.BlockIOWeight Swap.BlockIOWriteBandwidth Swap.CPUAccounting Swap.CPUAffinity Swap.CPUQuota Swap.CPUQuotaPeriodSec Swap.CPUSchedulingPolicy Swap.CPUSchedulingPriority Swap.CPUSchedulingResetOnFork Swap.CPUShares Swap.CPUWeight Swap.CacheDirectory Swap.CacheDirectoryMode Swap.Capabilities Swap.CapabilityBoundingSet Swap.ConfigurationDirectory Swap.ConfigurationDirectoryMode Swap.CoredumpFilter Swap.DefaultMemoryLow Swap.DefaultMemoryMin Swap.Delegate Swap.DeviceAllow Swap.DevicePolicy Swap.DisableControllers Swap.DynamicUser Swap.Environment Swap.EnvironmentFile Swap.ExecPaths Swap.ExecSearchPath Swap.ExtensionDirectories Swap.ExtensionImages Swap.FinalKillSignal Swap.Group Swap.IOAccounting Swap.IODeviceLatencyTargetSec Swap.IODeviceWeight Swap.IOReadBandwidthMax Swap.IOReadIOPSMax Swap.IOSchedulingClass Swap.IOSchedulingPriority Swap.IOWeight Swap.IOWriteBandwidthMax Swap.IOWriteIOPSMax Swap.IPAccounting Swap.IPAddressAllow Swap.IPAddressDeny Swap.IPCNamespacePath Swap.IPEgressFilterPath Swap.IPIngressFilterPath Swap.IgnoreSIGPIPE Swap.InaccessibleDirectories Swap.InaccessiblePaths Swap.KeyringMode Swap.KillMode Swap.KillSignal Swap.LimitAS Swap.LimitCORE Swap.LimitCPU Swap.LimitDATA Swap.LimitFSIZE Swap.LimitLOCKS Swap.LimitMEMLOCK Swap.LimitMSGQUEUE Swap.LimitNICE Swap.LimitNOFILE Swap.LimitNPROC Swap.LimitRSS Swap.LimitRTPRIO Swap.LimitRTTIME Swap.LimitSIGPENDING Swap.LimitSTACK Swap.LoadCredential Swap.LoadCredentialEncrypted Swap.LockPersonality Swap.LogExtraFields Swap.LogLevelMax Swap.LogNamespace Swap.LogRateLimitBurst Swap.LogRateLimitIntervalSec Swap.LogsDirectory Swap.LogsDirectoryMode Swap.ManagedOOMMemoryPressure Swap.ManagedOOMMemoryPressureLimit Swap.ManagedOOMPreference Swap.ManagedOOMSwap Swap.MemoryAccounting Swap.MemoryDenyWriteExecute Swap.MemoryHigh Swap.MemoryLimit Swap.MemoryLow Swap.MemoryMax Swap.MemoryMin Swap.MemorySwapMax Swap.MountAPIVFS Swap.MountFlags Swap.MountImages Swap.NUMAMask Swap.NUMAPolicy Swap.NetClass Swap.NetworkNamespacePath Swap.Nice Swap.NoExecPaths Swap.NoNewPrivileges Swap.OOMScoreAdjust Swap.Options Swap.PAMName Swap.PassEnvironment Swap.Personality Swap.Priority Swap.PrivateDevices Swap.PrivateIPC Swap.PrivateMounts Swap.PrivateNetwork Swap.PrivateTmp Swap.PrivateUsers Swap.ProcSubset Swap.ProtectClock Swap.ProtectControlGroups Swap.ProtectHome Swap.ProtectHostname Swap.ProtectKernelLogs Swap.ProtectKernelModules Swap.ProtectKernelTunables Swap.ProtectProc Swap.ProtectSystem Swap.ReadOnlyDirectories Swap.ReadOnlyPaths Swap.ReadWriteDirectories Swap.ReadWritePaths Swap.RemoveIPC Swap.RestartKillSignal Swap.RestrictAddressFamilies Swap.RestrictFileSystems Swap.RestrictNamespaces Swap.RestrictNetworkInterfaces Swap.RestrictRealtime Swap.RestrictSUIDSGID Swap.RootDirectory Swap.RootHash Swap.RootHashSignature Swap.RootImage Swap.RootImageOptions Swap.RootVerity Swap.RuntimeDirectory Swap.RuntimeDirectoryMode Swap.RuntimeDirectoryPreserve Swap.SELinuxContext Swap.SecureBits Swap.SendSIGHUP Swap.SendSIGKILL Swap.SetCredential Swap.SetCredentialEncrypted Swap.Slice Swap.SmackProcessLabel Swap.SocketBindAllow Swap.SocketBindDeny Swap.StandardError Swap.StandardInput Swap.StandardInputData Swap.StandardInputText Swap.StandardOutput Swap.StartupAllowedCPUs Swap.StartupAllowedMemoryNodes Swap.StartupBlockIOWeight Swap.StartupCPUShares Swap.StartupCPUWeight Swap.StartupIOWeight Swap.StateDirectory Swap.StateDirectoryMode Swap.SupplementaryGroups Swap.SyslogFacility Swap.SyslogIdentifier Swap.SyslogLevel Swap.SyslogLevelPrefix Swap.SystemCallArchitectures Swap.SystemCallErrorNumber Swap.SystemCallFilter Swap.SystemCallLog Swap.TTYColumns Swap.TTYPath Swap.TTYReset Swap.TTYRows Swap.TTYVHangup Swap.TTYVTDisallocate Swap.TasksAccounting Swap.TasksMax Swap.TemporaryFileSystem Swap.TimeoutCleanSec Swap.TimeoutSec Swap.TimerSlackNSec Swap.UMask Swap.UnsetEnvironment Swap.User Swap.UtmpIdentifier Swap.UtmpMode Swap.WatchdogSignal Swap.What Swap.WorkingDirectory Timer.AccuracySec Timer.FixedRandomDelay Timer.OnActiveSec Timer.OnBootSec Timer.OnCalendar Timer.OnClockChange Timer.OnStartupSec Timer.OnTimezoneChange Timer.OnUnitActiveSec Timer.OnUnitInactiveSec Timer.Persistent Timer.RandomizedDelaySec Timer.RemainAfterElapse Timer.Unit Timer.WakeSystem Unit.After Unit.AllowIsolate Unit.AssertACPower Unit.AssertArchitecture Unit.AssertCPUFeature Unit.AssertCPUPressure Unit.AssertCPUs Unit.AssertCapability Unit.AssertControlGroupController Unit.AssertCredential Unit.AssertDirectoryNotEmpty Unit.AssertEnvironment Unit.AssertFileIsExecutable Unit.AssertFileNotEmpty Unit.AssertFirstBoot Unit.AssertGroup Unit.AssertHost Unit.AssertIOPressure Unit.AssertKernelCommandLine Unit.AssertKernelVersion Unit.AssertMemory Unit.AssertMemoryPressure Unit.AssertNeedsUpdate Unit.AssertOSRelease Unit.AssertPathExists Unit.AssertPathExistsGlob Unit.AssertPathIsDirectory Unit.AssertPathIsEncrypted Unit.AssertPathIsMountPoint Unit.AssertPathIsReadWrite Unit.AssertPathIsSymbolicLink Unit.AssertSecurity Unit.AssertUser Unit.AssertVirtualization Unit.Before Unit.BindTo Unit.BindsTo Unit.CollectMode Unit.ConditionACPower Unit.ConditionArchitecture Unit.ConditionCPUFeature Unit.ConditionCPUPressure Unit.ConditionCPUs Unit.ConditionCapability Unit.ConditionControlGroupController Unit.ConditionCredential Unit.ConditionDirectoryNotEmpty Unit.ConditionEnvironment Unit.ConditionFileIsExecutable Unit.ConditionFileNotEmpty Unit.ConditionFirmware Unit.ConditionFirstBoot Unit.ConditionGroup Unit.ConditionHost Unit.ConditionIOPressure Unit.ConditionKernelCommandLine Unit.ConditionKernelVersion Unit.ConditionMemory Unit.ConditionMemoryPressure Unit.ConditionNeedsUpdate Unit.ConditionOSRelease Unit.ConditionPathExists Unit.ConditionPathExistsGlob Unit.ConditionPathIsDirectory Unit.ConditionPathIsEncrypted Unit.ConditionPathIsMountPoint Unit.ConditionPathIsReadWrite Unit.ConditionPathIsSymbolicLink Unit.ConditionSecurity Unit.ConditionUser Unit.ConditionVirtualization Unit.Conflicts Unit.DefaultDependencies Unit.Description Unit.Documentation Unit.FailureAction Unit.FailureActionExitStatus Unit.IgnoreOnIsolate Unit.IgnoreOnSnapshot Unit.JobRunningTimeoutSec Unit.JobTimeoutAction Unit.JobTimeoutRebootArgument Unit.JobTimeoutSec Unit.JoinsNamespaceOf Unit.OnFailure Unit.OnFailureIsolate Unit.OnFailureJobMode Unit.OnSuccess Unit.OnSuccessJobMode Unit.PartOf Unit.PropagateReloadFrom Unit.PropagateReloadTo Unit.PropagatesReloadTo Unit.PropagatesStopTo Unit.RebootArgument Unit.RefuseManualStart Unit.RefuseManualStop Unit.ReloadPropagatedFrom Unit.Requires Unit.RequiresMountsFor Unit.RequiresOverridable Unit.Requisite Unit.RequisiteOverridable Unit.SourcePath Unit.StartLimitAction Unit.StartLimitBurst Unit.StartLimitInterval Unit.StartLimitIntervalSec Unit.StopPropagatedFrom Unit.StopWhenUnneeded Unit.SuccessAction Unit.SuccessActionExitStatus Unit.Upholds Unit.Wants";
var CHANGES = {
  "254": { added: "Install.UpheldBy Mount.DefaultStartupMemoryLow Mount.DelegateSubgroup Mount.ExtensionImagePolicy Mount.ImportCredential Mount.LogFilterPatterns Mount.MemoryKSM Mount.MemoryPressureThresholdSec Mount.MemoryPressureWatch Mount.MemoryZSwapMax Mount.MountImagePolicy Mount.RootEphemeral Mount.RootImagePolicy Mount.StartupMemoryHigh Mount.StartupMemoryLow Mount.StartupMemoryMax Mount.StartupMemorySwapMax Mount.StartupMemoryZSwapMax Scope.DefaultStartupMemoryLow Scope.DelegateSubgroup Scope.MemoryPressureThresholdSec Scope.MemoryPressureWatch Scope.MemoryZSwapMax Scope.StartupMemoryHigh Scope.StartupMemoryLow Scope.StartupMemoryMax Scope.StartupMemorySwapMax Scope.StartupMemoryZSwapMax Service.DefaultStartupMemoryLow Service.DelegateSubgroup Service.ExtensionImagePolicy Service.FileDescriptorStorePreserve Service.ImportCredential Service.LogFilterPatterns Service.MemoryKSM Service.MemoryPressureThresholdSec Service.MemoryPressureWatch Service.MemoryZSwapMax Service.MountImagePolicy Service.OpenFile Service.ReloadSignal Service.RestartMaxDelaySec Service.RestartMode Service.RestartSteps Service.RootEphemeral Service.RootImagePolicy Service.StartupMemoryHigh Service.StartupMemoryLow Service.StartupMemoryMax Service.StartupMemorySwapMax Service.StartupMemoryZSwapMax Slice.DefaultStartupMemoryLow Slice.DelegateSubgroup Slice.MemoryPressureThresholdSec Slice.MemoryPressureWatch Slice.MemoryZSwapMax Slice.StartupMemoryHigh Slice.StartupMemoryLow Slice.StartupMemoryMax Slice.StartupMemorySwapMax Slice.StartupMemoryZSwapMax Socket.DefaultStartupMemoryLow Socket.DelegateSubgroup Socket.ExtensionImagePolicy Socket.ImportCredential Socket.LogFilterPatterns Socket.MemoryKSM Socket.MemoryPressureThresholdSec Socket.MemoryPressureWatch Socket.MemoryZSwapMax Socket.MountImagePolicy Socket.RootEphemeral Socket.RootImagePolicy Socket.StartupMemoryHigh Socket.StartupMemoryLow Socket.StartupMemoryMax Socket.StartupMemorySwapMax Socket.StartupMemoryZSwapMax Swap.DefaultStartupMemoryLow Swap.DelegateSubgroup Swap.ExtensionImagePolicy Swap.ImportCredential Swap.LogFilterPatterns Swap.MemoryKSM Swap.MemoryPressureThresholdSec Swap.MemoryPressureWatch Swap.MemoryZSwapMax Swap.MountImagePolicy Swap.RootEphemeral Swap.RootImagePolicy Swap.StartupMemoryHigh Swap.StartupMemoryLow Swap.StartupMemoryMax Swap.StartupMemorySwapMax Swap.StartupMemoryZSwapMax", removed: "" },
  "257": { added: "Install.UpheldBy Mount.BindLogSockets Mount.CoredumpReceive Mount.DefaultStartupMemoryLow Mount.DelegateSubgroup Mount.ExtensionImagePolicy Mount.ImportCredential Mount.LogFilterPatterns Mount.ManagedOOMMemoryPressureDurationSec Mount.MemoryKSM Mount.MemoryPressureThresholdSec Mount.MemoryPressureWatch Mount.MemoryZSwapMax Mount.MemoryZSwapWriteback Mount.MountImagePolicy Mount.NFTSet Mount.PrivatePIDs Mount.RootEphemeral Mount.RootImagePolicy Mount.SetLoginEnvironment Mount.StartupMemoryHigh Mount.StartupMemoryLow Mount.StartupMemoryMax Mount.StartupMemorySwapMax Mount.StartupMemoryZSwapMax Scope.CoredumpReceive Scope.DefaultStartupMemoryLow Scope.DelegateSubgroup Scope.ManagedOOMMemoryPressureDurationSec Scope.MemoryPressureThresholdSec Scope.MemoryPressureWatch Scope.MemoryZSwapMax Scope.MemoryZSwapWriteback Scope.NFTSet Scope.StartupMemoryHigh Scope.StartupMemoryLow Scope.StartupMemoryMax Scope.StartupMemorySwapMax Scope.StartupMemoryZSwapMax Service.BindLogSockets Service.CoredumpReceive Service.DefaultStartupMemoryLow Service.DelegateSubgroup Service.ExtensionImagePolicy Service.FileDescriptorStorePreserve Service.ImportCredential Service.LogFilterPatterns Service.ManagedOOMMemoryPressureDurationSec Service.MemoryKSM Service.MemoryPressureThresholdSec Service.MemoryPressureWatch Service.MemoryZSwapMax Service.MemoryZSwapWriteback Service.MountImagePolicy Service.NFTSet Service.OpenFile Service.PrivatePIDs Service.ReloadSignal Service.RestartMaxDelaySec Service.RestartMode Service.RestartSteps Service.RootEphemeral Service.RootImagePolicy Service.SetLoginEnvironment Service.StartupMemoryHigh Service.StartupMemoryLow Service.StartupMemoryMax Service.StartupMemorySwapMax Service.StartupMemoryZSwapMax Slice.CoredumpReceive Slice.DefaultStartupMemoryLow Slice.DelegateSubgroup Slice.ManagedOOMMemoryPressureDurationSec Slice.MemoryPressureThresholdSec Slice.MemoryPressureWatch Slice.MemoryZSwapMax Slice.MemoryZSwapWriteback Slice.NFTSet Slice.StartupMemoryHigh Slice.StartupMemoryLow Slice.StartupMemoryMax Slice.StartupMemorySwapMax Slice.StartupMemoryZSwapMax Socket.BindLogSockets Socket.CoredumpReceive Socket.DefaultStartupMemoryLow Socket.DelegateSubgroup Socket.ExtensionImagePolicy Socket.ImportCredential Socket.LogFilterPatterns Socket.ManagedOOMMemoryPressureDurationSec Socket.MemoryKSM Socket.MemoryPressureThresholdSec Socket.MemoryPressureWatch Socket.MemoryZSwapMax Socket.MemoryZSwapWriteback Socket.MountImagePolicy Socket.NFTSet Socket.PassFileDescriptorsToExec Socket.PollLimitBurst Socket.PollLimitIntervalSec Socket.PrivatePIDs Socket.RootEphemeral Socket.RootImagePolicy Socket.SetLoginEnvironment Socket.StartupMemoryHigh Socket.StartupMemoryLow Socket.StartupMemoryMax Socket.StartupMemorySwapMax Socket.StartupMemoryZSwapMax Swap.BindLogSockets Swap.CoredumpReceive Swap.DefaultStartupMemoryLow Swap.DelegateSubgroup Swap.ExtensionImagePolicy Swap.ImportCredential Swap.LogFilterPatterns Swap.ManagedOOMMemoryPressureDurationSec Swap.MemoryKSM Swap.MemoryPressureThresholdSec Swap.MemoryPressureWatch Swap.MemoryZSwapMax Swap.MemoryZSwapWriteback Swap.MountImagePolicy Swap.NFTSet Swap.PrivatePIDs Swap.RootEphemeral Swap.RootImagePolicy Swap.SetLoginEnvironment Swap.StartupMemoryHigh Swap.StartupMemoryLow Swap.StartupMemoryMax Swap.StartupMemorySwapMax Swap.StartupMemoryZSwapMax Timer.DeferReactivation Unit.SurviveFinalKillSignal Unit.WantsMountsFor", removed: "" },
  "262": { added: "Install.UpheldBy Mount.BPFDelegateAttachments Mount.BPFDelegateCommands Mount.BPFDelegateMaps Mount.BPFDelegatePrograms Mount.BindLogSockets Mount.BindNetworkInterface Mount.CPUPressureThresholdSec Mount.CPUPressureWatch Mount.CPUSetPartition Mount.CacheDirectoryAccounting Mount.CacheDirectoryQuota Mount.CoredumpReceive Mount.DefaultStartupMemoryLow Mount.DelegateNamespaces Mount.DelegateSubgroup Mount.ExtensionImagePolicy Mount.IOPressureThresholdSec Mount.IOPressureWatch Mount.ImportCredential Mount.LogFilterPatterns Mount.LogsDirectoryAccounting Mount.LogsDirectoryQuota Mount.ManagedOOMMemoryPressureDurationSec Mount.MemoryKSM Mount.MemoryPressureThresholdSec Mount.MemoryPressureWatch Mount.MemoryTHP Mount.MemoryZSwapMax Mount.MemoryZSwapWriteback Mount.MountImagePolicy Mount.NFTSet Mount.OOMRules Mount.PrivateBPF Mount.PrivatePIDs Mount.RootEphemeral Mount.RootImagePolicy Mount.RootMStack Mount.SetLoginEnvironment Mount.StartupMemoryHigh Mount.StartupMemoryLow Mount.StartupMemoryMax Mount.StartupMemorySwapMax Mount.StartupMemoryZSwapMax Mount.StateDirectoryAccounting Mount.StateDirectoryQuota Mount.UserNamespacePath Scope.BindNetworkInterface Scope.CPUPressureThresholdSec Scope.CPUPressureWatch Scope.CPUSetPartition Scope.CoredumpReceive Scope.DefaultStartupMemoryLow Scope.DelegateSubgroup Scope.IOPressureThresholdSec Scope.IOPressureWatch Scope.ManagedOOMMemoryPressureDurationSec Scope.MemoryPressureThresholdSec Scope.MemoryPressureWatch Scope.MemoryZSwapMax Scope.MemoryZSwapWriteback Scope.NFTSet Scope.OOMRules Scope.StartupMemoryHigh Scope.StartupMemoryLow Scope.StartupMemoryMax Scope.StartupMemorySwapMax Scope.StartupMemoryZSwapMax Service.BPFDelegateAttachments Service.BPFDelegateCommands Service.BPFDelegateMaps Service.BPFDelegatePrograms Service.BindLogSockets Service.BindNetworkInterface Service.CPUPressureThresholdSec Service.CPUPressureWatch Service.CPUSetPartition Service.CacheDirectoryAccounting Service.CacheDirectoryQuota Service.CoredumpReceive Service.DefaultStartupMemoryLow Service.DelegateNamespaces Service.DelegateSubgroup Service.ExecReloadPost Service.ExtensionImagePolicy Service.FileDescriptorStorePreserve Service.IOPressureThresholdSec Service.IOPressureWatch Service.ImportCredential Service.LUOSession Service.LogFilterPatterns Service.LogsDirectoryAccounting Service.LogsDirectoryQuota Service.ManagedOOMMemoryPressureDurationSec Service.MemoryKSM Service.MemoryPressureThresholdSec Service.MemoryPressureWatch Service.MemoryTHP Service.MemoryZSwapMax Service.MemoryZSwapWriteback Service.MountImagePolicy Service.NFTSet Service.OOMRules Service.OpenFile Service.PrivateBPF Service.PrivatePIDs Service.RefreshOnReload Service.ReloadSignal Service.RestartMaxDelaySec Service.RestartMode Service.RestartRandomizedDelaySec Service.RestartSteps Service.RootEphemeral Service.RootImagePolicy Service.RootMStack Service.SetLoginEnvironment Service.StandardErrorFileDescriptor Service.StandardInputFileDescriptor Service.StandardOutputFileDescriptor Service.StartupMemoryHigh Service.StartupMemoryLow Service.StartupMemoryMax Service.StartupMemorySwapMax Service.StartupMemoryZSwapMax Service.StateDirectoryAccounting Service.StateDirectoryQuota Service.UserNamespacePath Slice.ActivatingConcurrencyMax Slice.BindNetworkInterface Slice.CPUPressureThresholdSec Slice.CPUPressureWatch Slice.CPUSetPartition Slice.ConcurrencyHardMax Slice.ConcurrencySoftMax Slice.CoredumpReceive Slice.DefaultStartupMemoryLow Slice.DelegateSubgroup Slice.IOPressureThresholdSec Slice.IOPressureWatch Slice.ManagedOOMMemoryPressureDurationSec Slice.MemoryPressureThresholdSec Slice.MemoryPressureWatch Slice.MemoryZSwapMax Slice.MemoryZSwapWriteback Slice.NFTSet Slice.OOMRules Slice.StartupMemoryHigh Slice.StartupMemoryLow Slice.StartupMemoryMax Slice.StartupMemorySwapMax Slice.StartupMemoryZSwapMax Socket.AcceptFileDescriptors Socket.BPFDelegateAttachments Socket.BPFDelegateCommands Socket.BPFDelegateMaps Socket.BPFDelegatePrograms Socket.BindLogSockets Socket.BindNetworkInterface Socket.CPUPressureThresholdSec Socket.CPUPressureWatch Socket.CPUSetPartition Socket.CacheDirectoryAccounting Socket.CacheDirectoryQuota Socket.CoredumpReceive Socket.DefaultStartupMemoryLow Socket.DeferTrigger Socket.DeferTriggerMaxSec Socket.DelegateNamespaces Socket.DelegateSubgroup Socket.ExtensionImagePolicy Socket.IOPressureThresholdSec Socket.IOPressureWatch Socket.ImportCredential Socket.LogFilterPatterns Socket.LogsDirectoryAccounting Socket.LogsDirectoryQuota Socket.ManagedOOMMemoryPressureDurationSec Socket.MemoryKSM Socket.MemoryPressureThresholdSec Socket.MemoryPressureWatch Socket.MemoryTHP Socket.MemoryZSwapMax Socket.MemoryZSwapWriteback Socket.MountImagePolicy Socket.NFTSet Socket.OOMRules Socket.PassFileDescriptorsToExec Socket.PassPIDFD Socket.PollLimitBurst Socket.PollLimitIntervalSec Socket.PrivateBPF Socket.PrivatePIDs Socket.RootEphemeral Socket.RootImagePolicy Socket.RootMStack Socket.SetLoginEnvironment Socket.StartupMemoryHigh Socket.StartupMemoryLow Socket.StartupMemoryMax Socket.StartupMemorySwapMax Socket.StartupMemoryZSwapMax Socket.StateDirectoryAccounting Socket.StateDirectoryQuota Socket.UserNamespacePath Socket.XAttrAccept Socket.XAttrEntryPoint Socket.XAttrListen Swap.BPFDelegateAttachments Swap.BPFDelegateCommands Swap.BPFDelegateMaps Swap.BPFDelegatePrograms Swap.BindLogSockets Swap.BindNetworkInterface Swap.CPUPressureThresholdSec Swap.CPUPressureWatch Swap.CPUSetPartition Swap.CacheDirectoryAccounting Swap.CacheDirectoryQuota Swap.CoredumpReceive Swap.DefaultStartupMemoryLow Swap.DelegateNamespaces Swap.DelegateSubgroup Swap.ExtensionImagePolicy Swap.IOPressureThresholdSec Swap.IOPressureWatch Swap.ImportCredential Swap.LogFilterPatterns Swap.LogsDirectoryAccounting Swap.LogsDirectoryQuota Swap.ManagedOOMMemoryPressureDurationSec Swap.MemoryKSM Swap.MemoryPressureThresholdSec Swap.MemoryPressureWatch Swap.MemoryTHP Swap.MemoryZSwapMax Swap.MemoryZSwapWriteback Swap.MountImagePolicy Swap.NFTSet Swap.OOMRules Swap.PrivateBPF Swap.PrivatePIDs Swap.RootEphemeral Swap.RootImagePolicy Swap.RootMStack Swap.SetLoginEnvironment Swap.StartupMemoryHigh Swap.StartupMemoryLow Swap.StartupMemoryMax Swap.StartupMemorySwapMax Swap.StartupMemoryZSwapMax Swap.StateDirectoryAccounting Swap.StateDirectoryQuota Swap.UserNamespacePath Timer.DeferReactivation Timer.RandomizedOffsetSec Unit.AssertFraction Unit.AssertKernelModuleLoaded Unit.AssertMachineTag Unit.AssertPathIsSocket Unit.AssertVersion Unit.ConditionFraction Unit.ConditionKernelModuleLoaded Unit.ConditionMachineTag Unit.ConditionPathIsSocket Unit.ConditionVersion Unit.SurviveFinalKillSignal Unit.WantsMountsFor", removed: "" }
};
function knownUnitKeys(version) {
  const set = new Set(BASE.split(" "));
  const change = CHANGES[version];
  if (change) {
    for (const k of change.added.split(" ")) if (k) set.add(k);
    for (const k of change.removed.split(" ")) if (k) set.delete(k);
  }
  return set;
}

// src/unit/source.ts
function memorySource(files) {
  const enc = new TextEncoder();
  const map = /* @__PURE__ */ new Map();
  for (const [p, c] of Object.entries(files)) map.set(normalize(p), typeof c === "string" ? enc.encode(c) : c);
  return {
    read: (p) => map.get(normalize(p)) ?? null,
    list: (dir) => {
      const prefix2 = normalize(dir) === "" ? "" : normalize(dir) + "/";
      const names = /* @__PURE__ */ new Set();
      for (const p of map.keys()) {
        if (!p.startsWith(prefix2)) continue;
        names.add(p.slice(prefix2.length).split("/")[0]);
      }
      return names.size > 0 ? [...names] : null;
    }
  };
}
function normalize(p) {
  return p.replace(/\/+/g, "/").replace(/^\.\//, "").replace(/\/$/, "");
}
function dirname(p) {
  const i = p.lastIndexOf("/");
  if (i < 0) return ".";
  return i === 0 ? "/" : p.slice(0, i);
}
function basename(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function joinPath(dir, name) {
  if (dir === "." || dir === "") return name;
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

// src/unit/syntax.ts
var LONG_LINE_MAX = 1024 * 1024;
var BOM = [239, 187, 191];
var WHITESPACE = /* @__PURE__ */ new Set([32, 9, 10, 13]);
var utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
function parseUnitFile(bytes, file, sections, options = {}) {
  const p = new LogicalLines(file, sections, options.emptySectionHeaderInvalid ?? false);
  const ascii = asciiText(bytes);
  const aborted = ascii !== null ? p.splitAscii(ascii) : p.splitBytes(bytes);
  if (aborted) p.diagnostics.push(aborted);
  return aborted ? { file, assignments: p.assignments, diagnostics: p.diagnostics, aborted } : { file, assignments: p.assignments, diagnostics: p.diagnostics };
}
function asciiText(bytes) {
  let text;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  return text.length === bytes.length ? text : null;
}
var LogicalLines = class {
  constructor(file, sections, emptySectionHeaderInvalid) {
    this.file = file;
    this.sections = sections;
    this.emptySectionHeaderInvalid = emptySectionHeaderInvalid;
  }
  file;
  sections;
  emptySectionHeaderInvalid;
  assignments = [];
  diagnostics = [];
  section = null;
  sectionIgnored = false;
  warn(line, message) {
    this.diagnostics.push({ file: this.file, line, severity: "warning", message });
  }
  /** The byte-level splitter: any content, decoded line by line. */
  splitBytes(bytes) {
    const file = this.file;
    let bomAllowed = true;
    let pending = null;
    let pendingLength = 0;
    let line = 0;
    for (const physical of physicalLines(bytes)) {
      line++;
      if (physical.length > LONG_LINE_MAX) return { file, line, severity: "error", message: "Line too long" };
      if (isCommentLine(physical)) continue;
      let content = physical;
      if (bomAllowed && startsWithBom(content)) {
        content = content.subarray(3);
        bomAllowed = false;
      }
      if (pending !== null && pendingLength + content.length > LONG_LINE_MAX) {
        return { file, line, severity: "error", message: "Continuation line too long" };
      }
      if (endsWithUnescapedBackslash(content)) {
        const piece = content.slice();
        piece[piece.length - 1] = 32;
        if (pending === null) pending = [];
        pending.push(piece);
        pendingLength += piece.length;
        continue;
      }
      let logical = content;
      if (pending !== null) {
        pending.push(content);
        logical = concat(pending, pendingLength + content.length);
        pending = null;
        pendingLength = 0;
      }
      const aborted = this.logicalBytes(logical, line);
      if (aborted) return aborted;
    }
    return pending !== null ? this.logicalBytes(concat(pending, pendingLength), line) : void 0;
  }
  /**
   * The same splitting over an all-ASCII file decoded as one string (so lengths in characters
   * are lengths in bytes, and there is no BOM to drop). Kept step for step like splitBytes().
   */
  splitAscii(text) {
    const file = this.file;
    const n = text.length;
    const lfOnly = text.indexOf("\r") < 0 && text.indexOf("\0") < 0;
    let pending = null;
    let pendingLength = 0;
    let line = 0;
    let start = 0;
    while (start < n) {
      let end;
      let next;
      if (lfOnly) {
        end = text.indexOf("\n", start);
        if (end < 0) end = n;
        next = end + 1;
      } else {
        end = start;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === 10 || c === 13 || c === 0) break;
          end++;
        }
        next = end + 1;
        if (end < n && text.charCodeAt(end) !== 0 && next < n) {
          const c = text.charCodeAt(end);
          const d = text.charCodeAt(next);
          if ((d === 10 || d === 13) && d !== c) next++;
          else if (d === 0) next++;
        }
      }
      const physicalStart = start;
      start = next;
      line++;
      const length = end - physicalStart;
      if (length > LONG_LINE_MAX) return { file, line, severity: "error", message: "Line too long" };
      const first = firstNonWhitespace(text, physicalStart, end);
      if (first < end) {
        const c = text.charCodeAt(first);
        if (c === 35 || c === 59) continue;
      }
      if (pending !== null && pendingLength + length > LONG_LINE_MAX) {
        return { file, line, severity: "error", message: "Continuation line too long" };
      }
      if (trailingBackslashes(text, physicalStart, end) % 2 === 1) {
        const piece = text.slice(physicalStart, end - 1) + " ";
        if (pending === null) pending = [];
        pending.push(piece);
        pendingLength += piece.length;
        continue;
      }
      let logical;
      if (pending !== null) {
        pending.push(text.slice(physicalStart, end));
        logical = pending.join("");
        pending = null;
        pendingLength = 0;
      } else {
        logical = text.slice(first, end);
      }
      const aborted = this.logicalText(trimWhitespace(logical), line);
      if (aborted) return aborted;
    }
    return pending !== null ? this.logicalText(trimWhitespace(pending.join("")), line) : void 0;
  }
  logicalBytes(raw, at) {
    const text = decodeTrimmed(raw);
    if (text === null) return { file: this.file, line: at, severity: "error", message: "String is not UTF-8 clean" };
    return this.logicalText(text, at);
  }
  /** One trimmed logical line: a section header, an assignment, or something to warn about. */
  logicalText(text, at) {
    if (text === "") return void 0;
    if (text.charCodeAt(0) === 91) {
      if (!text.endsWith("]") || text.length < 2 || this.emptySectionHeaderInvalid && text === "[]") {
        return { file: this.file, line: at, severity: "error", message: `Invalid section header '${text}'` };
      }
      const name = text.slice(1, -1);
      if (this.sections.has(name)) {
        this.section = name;
        this.sectionIgnored = false;
      } else {
        if (!name.startsWith("X-")) this.warn(at, `Unknown section '${name}'. Ignoring.`);
        this.section = null;
        this.sectionIgnored = true;
      }
      return void 0;
    }
    if (this.section === null) {
      if (!this.sectionIgnored) this.warn(at, "Assignment outside of section. Ignoring.");
      return void 0;
    }
    const eq = text.indexOf("=");
    if (eq < 0) {
      this.warn(at, "Missing '=', ignoring line.");
      return void 0;
    }
    if (eq === 0) {
      this.warn(at, "Missing key name before '=', ignoring line.");
      return void 0;
    }
    this.assignments.push({
      section: this.section,
      key: trimWhitespace(text.slice(0, eq)),
      value: trimWhitespace(text.slice(eq + 1)),
      file: this.file,
      line: at
    });
    return void 0;
  }
};
var isWhitespaceCode = (c) => c === 32 || c === 9 || c === 10 || c === 13;
function firstNonWhitespace(text, start, end) {
  let i = start;
  while (i < end && isWhitespaceCode(text.charCodeAt(i))) i++;
  return i;
}
function trailingBackslashes(text, start, end) {
  let i = end;
  while (i > start && text.charCodeAt(i - 1) === 92) i--;
  return end - i;
}
function* physicalLines(bytes) {
  const n = bytes.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    const c = bytes[i];
    if (c !== 10 && c !== 13 && c !== 0) {
      i++;
      continue;
    }
    const end = i;
    i++;
    if (c !== 0 && i < n) {
      const d = bytes[i];
      if ((d === 10 || d === 13) && d !== c) i++;
      else if (d === 0) i++;
    }
    yield bytes.subarray(start, end);
    start = i;
  }
  if (start < n) yield bytes.subarray(start, n);
}
function isCommentLine(b) {
  let i = 0;
  while (i < b.length && WHITESPACE.has(b[i])) i++;
  return i < b.length && (b[i] === 35 || b[i] === 59);
}
function startsWithBom(b) {
  return b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
}
function endsWithUnescapedBackslash(b) {
  let escaped = false;
  for (let i = 0; i < b.length; i++) {
    if (escaped) escaped = false;
    else if (b[i] === 92) escaped = true;
  }
  return escaped;
}
function concat(parts, length) {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
function decodeTrimmed(b) {
  let s = 0;
  let e = b.length;
  while (s < e && WHITESPACE.has(b[s])) s++;
  while (e > s && WHITESPACE.has(b[e - 1])) e--;
  if (s === e) return "";
  try {
    return utf8.decode(b.subarray(s, e));
  } catch {
    return null;
  }
}
function trimWhitespace(s) {
  let start = 0;
  let end = s.length;
  while (start < end && isWhitespaceCode(s.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}

// src/unit/load.ts
var UNIT_CONTEXTS = {
  service: { exec: true, cgroup: true },
  socket: { exec: true, cgroup: true },
  mount: { exec: true, cgroup: true },
  swap: { exec: true, cgroup: true },
  slice: { exec: false, cgroup: true },
  scope: { exec: false, cgroup: true }
};
var CGROUP_KEYS = /* @__PURE__ */ new Set(["IPAddressAllow", "IPAddressDeny", "IPIngressFilterPath", "IPEgressFilterPath", "DeviceAllow", "DevicePolicy", "Delegate"]);
var SERVICE_ONLY_KEYS = /* @__PURE__ */ new Set([
  "Type",
  "RemainAfterExit",
  "Restart",
  "ExitType",
  "BusName",
  "NotifyAccess",
  "RestartForceExitStatus",
  "PermissionsStartOnly",
  "ExecCondition",
  "ExecStart",
  "ExecReload",
  "ExecStop"
]);
var capitalize = (s) => s[0].toUpperCase() + s.slice(1);
var BACKUP_SUFFIXES = [
  "~",
  ".rpmnew",
  ".rpmsave",
  ".rpmorig",
  ".dpkg-old",
  ".dpkg-new",
  ".dpkg-tmp",
  ".dpkg-dist",
  ".dpkg-bak",
  ".dpkg-backup",
  ".dpkg-remove",
  ".ucf-new",
  ".ucf-old",
  ".ucf-dist",
  ".swp",
  ".bak",
  ".old",
  ".new"
];
var knownKeysCache = /* @__PURE__ */ new Map();
var typeProfiles = /* @__PURE__ */ new Map();
function typeProfile(type) {
  let profile = typeProfiles.get(type);
  if (profile !== void 0) return profile;
  const contexts = UNIT_CONTEXTS[type] ?? { exec: false, cgroup: false };
  const typeSection = capitalize(type);
  const sections = /* @__PURE__ */ new Set(["Unit", "Install", ...type === "target" ? [] : [typeSection]]);
  const route = (a) => {
    if (a.section !== typeSection || type === "service") return a.section;
    if (contexts.exec && !SERVICE_ONLY_KEYS.has(a.key)) return "Service";
    if (contexts.cgroup && CGROUP_KEYS.has(a.key)) return "Service";
    return a.section;
  };
  profile = { contexts, sections, route };
  typeProfiles.set(type, profile);
  return profile;
}
function loadService(source, path, traits) {
  const diagnostics = [];
  const fail = (unit2, error) => ({ ok: false, unit: unit2, error, diagnostics });
  const dir = dirname(path);
  const base = basename(path);
  const kind = unitNameKind(base);
  if (kind === null) return fail(null, `Unit name "${base}" is not valid.`);
  const type = unitType(base);
  if (type === "device") return fail(null, `"${base}": device units cannot be loaded from a file.`);
  const { contexts, sections, route } = typeProfile(type);
  let unit = base;
  let fragmentPath = path;
  let bytes = source.read(path);
  if (kind === "template") unit = withInstance(base, traits.templateInstance);
  if (kind === "instance" && bytes === null) {
    fragmentPath = joinPath(dir, templateOf(base));
    bytes = source.read(fragmentPath);
  }
  if (bytes === null) return fail(unit, `Unit ${unit} not found.`);
  if (bytes.length === 0) return fail(unit, `Unit ${unit} is masked.`);
  const state = initialServiceState(traits);
  if (type !== "service") {
    state.keyringMode = contexts.exec ? "shared" : "unset";
    if (!contexts.exec) state.privateMounts = false;
  }
  const ctx = {
    traits,
    syscalls: syscallTable(traits.version),
    specifiers: { unitName: unit, fragmentPath },
    warn: (a, message) => diagnostics.push({ file: a.file, line: a.line, severity: "warning", message })
  };
  let knownKeys = knownKeysCache.get(traits.version);
  if (!knownKeys) {
    knownKeys = bySection([...knownUnitKeys(traits.version)].map((k) => [k, true]));
    knownKeysCache.set(traits.version, knownKeys);
  }
  const fragment = parseUnitFile(bytes, fragmentPath, sections, traits);
  const files = [fragment];
  const binary = bytes.includes(0);
  if (binary) diagnostics.push({ file: fragmentPath, line: 0, severity: "warning", message: "file contains NUL bytes: not a text unit file" });
  diagnostics.push(...fragment.diagnostics);
  if (fragment.aborted) {
    const what = binary ? `${fragmentPath} is binary, not a unit file` : `Unit ${unit} has a bad unit file`;
    return fail(unit, `${what}: ${fragment.aborted.message} (line ${fragment.aborted.line}).`);
  }
  const fatal = applyFile(state, fragment, ctx, knownKeys, route);
  if (fatal) {
    diagnostics.push(fatal);
    return fail(unit, `Unit ${unit} has a bad unit file setting: ${fatal.message}.`);
  }
  const dropInPaths = findDropIns(source, dir, unit);
  for (const p of dropInPaths) {
    const content = source.read(p);
    if (content === null || content.length === 0) continue;
    const dropIn = parseUnitFile(content, p, sections, traits);
    files.push(dropIn);
    diagnostics.push(...dropIn.diagnostics);
    const dropInFatal = applyFile(state, dropIn, ctx, knownKeys, route);
    if (dropInFatal) diagnostics.push(dropInFatal);
  }
  patchService(state, unit, traits);
  const refusal = type === "service" ? serviceRefusal(state, traits) : null;
  if (refusal) return fail(unit, binary ? `${fragmentPath} is binary, not a unit file: ${refusal}` : refusal);
  return { ok: true, unit, fragmentPath, dropInPaths, files, state, diagnostics };
}
function applyFile(state, file, ctx, knownKeys, route) {
  for (const a of file.assignments) {
    const handler = HANDLERS.get(route(a))?.get(a.key);
    if (!handler) {
      if (!knownKeys.get(a.section)?.has(a.key) && !a.key.startsWith("X-")) {
        ctx.warn(a, `Unknown key name '${a.key}' in section '${a.section}', ignoring.`);
      }
      continue;
    }
    state.applied.push(a);
    const fatal = handler(state, a, ctx);
    if (fatal !== void 0) return { file: a.file, line: a.line, severity: "error", message: fatal };
  }
  return void 0;
}
function bySection(entries) {
  const out = /* @__PURE__ */ new Map();
  for (const [qualified, value] of entries) {
    const dot = qualified.indexOf(".");
    const section = qualified.slice(0, dot);
    let keys = out.get(section);
    if (!keys) out.set(section, keys = /* @__PURE__ */ new Map());
    keys.set(qualified.slice(dot + 1), value);
  }
  return out;
}
var HANDLERS = bySection(DIRECTIVES);
function findDropIns(source, dir, unit) {
  let chosen;
  const visit = (name) => {
    const d = joinPath(dir, `${name}.d`);
    for (const entry of source.list(d) ?? []) {
      if (!entry.endsWith(".conf") || entry.startsWith(".") || BACKUP_SUFFIXES.some((s) => entry.endsWith(s))) continue;
      chosen ??= /* @__PURE__ */ new Map();
      if (!chosen.has(entry)) chosen.set(entry, joinPath(d, entry));
    }
  };
  for (const name of dropInUnitNames(unit)) visit(name);
  visit(unitType(unit));
  if (chosen === void 0) return [];
  const byName = chosen;
  return [...byName.keys()].sort(compareBytes).map((name) => byName.get(name));
}

// src/engine.ts
function assessUnitFile(source, path, options) {
  const traits = VERSION_TRAITS[options.version];
  let loaded;
  try {
    loaded = loadService(source, path, traits);
  } catch (e) {
    return { ok: false, path, unit: null, error: e.message, diagnostics: [] };
  }
  if (!loaded.ok) return { ok: false, path, unit: loaded.unit, error: loaded.error, diagnostics: loaded.diagnostics };
  return assessLoaded(loaded, path, options);
}
function assessLoaded(service, path, options) {
  const info = securityInfo(service.state);
  const ctx = { info, syscalls: syscallTable(options.version) };
  const results = ASSESSORS.map((a) => a.assess(ctx));
  try {
    const s = score(ASSESSORS, results, info.defaultDependencies, options.policy, options.version === "262");
    return { ok: true, path, unit: service.unit, service, info, diagnostics: service.diagnostics, ...s };
  } catch (e) {
    return { ok: false, path, unit: service.unit, error: e.message, diagnostics: service.diagnostics };
  }
}

export {
  __commonJS,
  __toESM,
  memorySource,
  dirname,
  basename,
  joinPath,
  SYSTEMD_VERSIONS,
  DEFAULT_SYSTEMD_VERSION,
  VERSION_TRAITS,
  isSystemdVersion,
  UsageError,
  USAGE,
  ASSESSORS,
  verdictEmoji,
  formatExposure,
  CAPABILITY_NAMES,
  capabilityFromName,
  capabilityNames,
  capabilityBit,
  unitNameKind,
  unitType,
  unitPrefix,
  withInstance,
  EXEC_DIRECTIVES,
  isValidStrictUserName,
  extractWords,
  parseBoolean,
  loadService,
  findDropIns,
  assessUnitFile,
  assessLoaded
};
