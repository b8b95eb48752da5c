/** Names systemd resolves through tables generated from the kernel and libc headers at build time. */
import { safeAtoi, type StrtolRules } from './safe-atoi.js'

/** Capability names by number (systemd-analyze capability: 0–40, the same in 252…262). */
export const CAPABILITY_NAMES = [
  'cap_chown',
  'cap_dac_override',
  'cap_dac_read_search',
  'cap_fowner',
  'cap_fsetid',
  'cap_kill',
  'cap_setgid',
  'cap_setuid',
  'cap_setpcap',
  'cap_linux_immutable',
  'cap_net_bind_service',
  'cap_net_broadcast',
  'cap_net_admin',
  'cap_net_raw',
  'cap_ipc_lock',
  'cap_ipc_owner',
  'cap_sys_module',
  'cap_sys_rawio',
  'cap_sys_chroot',
  'cap_sys_ptrace',
  'cap_sys_pacct',
  'cap_sys_admin',
  'cap_sys_boot',
  'cap_sys_nice',
  'cap_sys_resource',
  'cap_sys_time',
  'cap_sys_tty_config',
  'cap_mknod',
  'cap_lease',
  'cap_audit_write',
  'cap_audit_control',
  'cap_setfcap',
  'cap_mac_override',
  'cap_mac_admin',
  'cap_syslog',
  'cap_wake_alarm',
  'cap_block_suspend',
  'cap_audit_read',
  'cap_perfmon',
  'cap_bpf',
  'cap_checkpoint_restore',
] as const

const CAPABILITY_BY_NAME = new Map<string, number>(CAPABILITY_NAMES.map((n, i) => [n, i]))

/**
 * Bits 0…40: the capabilities known by name, which are those of the kernels the reference
 * binaries ran on (cap_last_cap = CAP_CHECKPOINT_RESTORE).
 */
export const KNOWN_CAPS = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n

/** All 64 bits of a capability set: what an unrestricted set holds before rule B (§3.1). */
export const ALL_CAPS_64 = (1n << 64n) - 1n

export type CapabilityName = Uppercase<(typeof CAPABILITY_NAMES)[number]>

/** The set of the named capabilities, as bits of a 64-bit capability set. */
export function capabilitySet(...names: CapabilityName[]): bigint {
  return capabilitySetOf(names)
}

/** The set of `CAP_*` names (case-insensitive) read at run time; each must be a known capability. */
export function capabilitySetOf(names: Iterable<string>): bigint {
  let set = 0n
  for (const name of names) {
    const bit = capabilityBit(name)
    if (bit === null) throw new Error(`not a capability name: ${name}`)
    set |= bit
  }
  return set
}

/** SecureBits= words by bit number (linux/securebits.h, secure_bits_from_string()). */
export const SECURE_BITS = {
  noroot: 0,
  'noroot-locked': 1,
  'no-setuid-fixup': 2,
  'no-setuid-fixup-locked': 3,
  'keep-caps': 4,
  'keep-caps-locked': 5,
} as const

/** The bit of a SecureBits= word, or undefined (own names only: `constructor` is no secure bit). */
export function secureBit(name: string): number | undefined {
  return Object.hasOwn(SECURE_BITS, name) ? SECURE_BITS[name as keyof typeof SECURE_BITS] : undefined
}

/** Namespace types by the names RestrictNamespaces= takes, as CLONE_NEW* flags (namespace_info[]). */
export const NAMESPACE_FLAGS = {
  cgroup: 0x02000000,
  ipc: 0x08000000,
  net: 0x40000000,
  mnt: 0x00020000,
  pid: 0x20000000,
  user: 0x10000000,
  uts: 0x04000000,
  time: 0x00000080,
} as const

/** The flag of a RestrictNamespaces= word, or undefined (own names only: not `constructor`). */
export function namespaceFlag(name: string): number | undefined {
  return Object.hasOwn(NAMESPACE_FLAGS, name) ? NAMESPACE_FLAGS[name as keyof typeof NAMESPACE_FLAGS] : undefined
}

/** Every namespace type RestrictNamespaces= can name: what `RestrictNamespaces=no` allows. */
export const NAMESPACE_FLAGS_ANY = Object.values(NAMESPACE_FLAGS).reduce((a, b) => a | b, 0)

/**
 * NAMESPACE_FLAGS_ALL (nsflags.h): the seven types without `time`. Allowing all seven
 * (`RestrictNamespaces=cgroup ipc mnt net pid user uts`, `~time`) restricts nothing.
 */
export const NAMESPACE_FLAGS_ALL = NAMESPACE_FLAGS_ANY & ~NAMESPACE_FLAGS.time

/** What decides whether a word is a capability number, which differs between versions. */
export interface CapabilityNumberRules extends StrtolRules {
  /** Highest number accepted (capability_from_name(): 63 in 252, CAP_LIMIT = 62 from 254 on). */
  readonly max: number
}

/**
 * capability_from_name(): a number first, as safe_atoi() reads it (`21`, `0x15`, `025`, `0o25`,
 * `0b10101`, `+21`, `-0`, leading whitespace inside a quoted word), from 0 to `max`; otherwise a
 * case-insensitive `CAP_*` name.
 */
export function capabilityFromName(word: string, rules: CapabilityNumberRules): number | null {
  const n = safeAtoi(word, rules)
  if (n !== null) return n >= 0 && n <= rules.max ? n : null
  return CAPABILITY_BY_NAME.get(word.toLowerCase()) ?? null
}

export function capabilityName(n: number): string {
  return (CAPABILITY_NAMES[n] ?? `cap_${n}`).toUpperCase()
}

/** `CAP_*` names of the capabilities (0…40) in a set, in number order. */
export function capabilityNames(caps: bigint): string[] {
  const out: string[] = []
  for (let i = 0; i < CAPABILITY_NAMES.length; i++) if (caps & (1n << BigInt(i))) out.push(capabilityName(i))
  return out
}

/** The bit of a `CAP_*` name (case-insensitive), or null when unknown. */
export function capabilityBit(name: string): bigint | null {
  const i = CAPABILITY_BY_NAME.get(name.toLowerCase())
  return i === undefined ? null : 1n << BigInt(i)
}

/**
 * Address families glibc's <sys/socket.h> defines (AF_UNSPEC and AF_MAX excluded, as systemd's
 * generator does), with the class the RestrictAddressFamilies= assessors put them in.
 */
const ADDRESS_FAMILY_CLASS: Record<string, AddressFamilyClass> = {
  AF_UNIX: 'unix',
  AF_LOCAL: 'unix',
  AF_FILE: 'unix',
  AF_INET: 'inet',
  AF_INET6: 'inet',
  AF_NETLINK: 'netlink',
  AF_ROUTE: 'netlink',
  AF_PACKET: 'packet',
}
const OTHER_FAMILIES = [
  'AF_AX25',
  'AF_IPX',
  'AF_APPLETALK',
  'AF_NETROM',
  'AF_BRIDGE',
  'AF_ATMPVC',
  'AF_X25',
  'AF_ROSE',
  'AF_DECNET',
  'AF_NETBEUI',
  'AF_SECURITY',
  'AF_KEY',
  'AF_ASH',
  'AF_ECONET',
  'AF_ATMSVC',
  'AF_RDS',
  'AF_SNA',
  'AF_IRDA',
  'AF_PPPOX',
  'AF_WANPIPE',
  'AF_LLC',
  'AF_IB',
  'AF_MPLS',
  'AF_CAN',
  'AF_TIPC',
  'AF_BLUETOOTH',
  'AF_IUCV',
  'AF_RXRPC',
  'AF_ISDN',
  'AF_PHONET',
  'AF_IEEE802154',
  'AF_CAIF',
  'AF_ALG',
  'AF_NFC',
  'AF_VSOCK',
  'AF_KCM',
  'AF_QIPCRTR',
  'AF_SMC',
  'AF_XDP',
  'AF_MCTP',
]
for (const f of OTHER_FAMILIES) ADDRESS_FAMILY_CLASS[f] = 'other'

export type AddressFamilyClass = 'inet' | 'unix' | 'netlink' | 'packet' | 'other'

/** Aliases are the same family number to systemd (its set holds numbers, not names). */
const FAMILY_ALIASES: Record<string, string> = { AF_LOCAL: 'AF_UNIX', AF_FILE: 'AF_UNIX', AF_ROUTE: 'AF_NETLINK' }

/** Canonical family name for a case-insensitive `AF_*` word (aliases resolved); null when unknown. */
export function addressFamilyFromName(word: string): string | null {
  const upper = word.toUpperCase()
  if (!(upper in ADDRESS_FAMILY_CLASS)) return null
  return FAMILY_ALIASES[upper] ?? upper
}

export function addressFamilyClass(canonical: string): AddressFamilyClass {
  return ADDRESS_FAMILY_CLASS[canonical] ?? 'other'
}

/**
 * seccomp_arch_from_string() names (src/shared/seccomp-util.c), which are systemd's own, not
 * libseccomp's: little-endian MIPS is `mips-le`, `mips64-le`, `mips64-le-n32` (libseccomp's
 * `mipsel`… are refused on every version). loongarch64 only where libseccomp ≥ 2.6 was built in.
 */
export const SECCOMP_ARCHITECTURES = [
  'native',
  'x86',
  'x86-64',
  'x32',
  'arm',
  'arm64',
  'mips',
  'mips64',
  'mips64-n32',
  'mips-le',
  'mips64-le',
  'mips64-le-n32',
  'parisc',
  'parisc64',
  'ppc',
  'ppc64',
  'ppc64-le',
  'riscv64',
  's390',
  's390x',
] as const

/** Linux errno names (errno_from_name()), for `SystemCallFilter=~name:ERRNO`. */
export const ERRNO_NAMES = new Set(
  (
    'EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT ' +
    'ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ' +
    'ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP ' +
    'EWOULDBLOCK ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR ' +
    'EXFULL ENOANO EBADRQC EBADSLT EDEADLOCK EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ' +
    'ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ' +
    'ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ ' +
    'EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP ENOTSUP EPFNOSUPPORT ' +
    'EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ' +
    'ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH ' +
    'EALREADY EINPROGRESS ESTALE EUCLEAN ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ' +
    'ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE ERFKILL EHWPOISON'
  ).split(' '),
)
