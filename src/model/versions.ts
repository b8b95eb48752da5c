/**
 * The systemd versions whose `systemd-analyze security` we reproduce, and what differs between
 * them. The assessor table itself is identical in all of them; only loading and parsing differ
 * (observed with each version's systemd-analyze; docs/architecture.md says how to add one).
 */
export const SYSTEMD_VERSIONS = ['252', '254', '257', '262'] as const
export type SystemdVersion = (typeof SYSTEMD_VERSIONS)[number]

/** The default target: Debian 12 "bookworm", the most widely deployed of the four. */
export const DEFAULT_SYSTEMD_VERSION: SystemdVersion = '252'

/** cgroup_controller_table[] of systemd 252–257: the names Delegate= takes. */
const CGROUP_CONTROLLERS: readonly string[] = [
  'cpu',
  'cpuacct',
  'cpuset',
  'io',
  'blkio',
  'memory',
  'devices',
  'pids',
  'bpf-firewall',
  'bpf-devices',
  'bpf-foreign',
  'bpf-socket-bind',
  'bpf-restrict-network-interfaces',
]

export interface VersionTraits {
  readonly version: SystemdVersion
  /** 254+: PrivateMounts= is a tristate and "unset" is read as enabled by the analyser. */
  readonly privateMountsTristate: boolean
  /** Instance name used when a template file `foo@.service` is analysed. */
  readonly templateInstance: string
  /** Keywords PrivateTmp= takes besides a boolean (257+: connected, disconnected). */
  readonly privateTmpKeywords: readonly string[]
  /** Keywords PrivateUsers= takes besides a boolean (257+: self, identity; 262: full, managed). */
  readonly privateUsersKeywords: readonly string[]
  /** Keywords ProtectControlGroups= takes besides a boolean (257+: private, strict). */
  readonly protectControlGroupsKeywords: readonly string[]
  /**
   * 262: ProtectHostname= is an enum (yes, private, each with an optional `:NAME`) whose parser
   * resets on an empty value; before, a boolean whose parser ignores an empty value.
   */
  readonly protectHostnameEnum: boolean
  /**
   * 257+: DynamicUser= implies PrivateTmp=disconnected when PrivateTmp= is not set; before, it
   * forces PrivateTmp=yes.
   */
  readonly dynamicUserDisconnectedTmp: boolean
  /** 262 merges capability lines differently after an inverted line (rule B, §3.1). */
  readonly capabilityRuleB: boolean
  /** Highest capability number capability_from_name() accepts (63 in 252, CAP_LIMIT = 62 after). */
  readonly maxCapabilityNumber: number
  /**
   * The glibc the reference binary was built against reads C23 `0b` prefixes in strtol() (257,
   * built on trixie): `+0b10101` and `0b0b10101` are numbers there, not in 252, 254 and 262.
   */
  readonly strtolBinaryPrefix: boolean
  /**
   * 254+: capability lists are split with EXTRACT_RELAX (an unterminated quote runs to the end of
   * the line); 252 stops reading the line at it, keeping the words before.
   */
  readonly capabilityWordsRelaxed: boolean
  /** 257+ know `%D` (the shared data directory); before, it is an unknown specifier ("Invalid slot"). */
  readonly sharedDataDirSpecifier: boolean
  /** 262: the `|` Exec*= prefix runs the command through the shell; before, `|` is part of the executable's name. */
  readonly execViaShellPrefix: boolean
  /** 262: `!!` is accepted with a notice and ignored (the command keeps the unit's credentials). */
  readonly execAmbientPrefixIgnored: boolean
  /** 257+ refuse an executable whose last component is `.` or `..` (path_implies_directory()). */
  readonly execPathImpliesDirectory: boolean
  /**
   * 257+ config_parse_exec() wording: "Executable path contains special characters", the line
   * unquoted after "Empty path in command line:", a failing argument quoted in "Failed to resolve
   * unit specifiers in '…'".
   */
  readonly execMessagesReworded: boolean
  /** 257+ (libseccomp ≥ 2.6 built in) know the loongarch64 system call architecture. */
  readonly loongarch64Architecture: boolean
  /** 262 sorts a row without description (ProtectProc=noaccess) first; ≤257 leave it where glibc's merge sort does. */
  readonly nullDescriptionRowFirst: boolean
  /** 262 stops parsing a RestrictAddressFamilies= line at its first unknown family. */
  readonly addressFamilyStopsAtUnknown: boolean
  /** DeviceAllow= entry implied by encrypted credentials with a restricted DevicePolicy=. */
  readonly encryptedCredentialDevice: string | null
  /** 262 rejects a security policy whose top level is not a JSON object. */
  readonly policyMustBeObject: boolean
  /** 252/254 ignore policy numbers written with an exponent (`1e3`); 257+ accept them. */
  readonly policyIgnoresExponentNumbers: boolean
  /** 262 refuses a unit with an empty section header `[]`; older versions ignore that section. */
  readonly emptySectionHeaderInvalid: boolean
  /** 257+ refuse PrivatePIDs= with Type=forking and WorkingDirectory=~ with DynamicUser=. */
  readonly refusesPrivatePidsForking: boolean
  /** 262 refuses WorkingDirectory= below /proc, /sys or /dev when the unit has a mount namespace. */
  readonly refusesApiWorkingDirectory: boolean
  /**
   * 254+ path_extract_filename() reads a unit path ending in `/` (`x.service/`) as the name
   * `x.service` without a directory, so the unit is looked for in the search path only ("Unit
   * x.service not found."); 252 refuses the path ("Failed to prepare filename").
   */
  readonly trailingSlashPathIsName: boolean
  /** The cgroup controllers Delegate= names (cgroup_controller_from_string()); 262 adds bpf-bind-network-interface. */
  readonly delegateControllers: readonly string[]
  /**
   * 257+ socket_verify() refuses MaxConnections= below 1 whether or not the socket accepts, right
   * after the Listen check; before, only with Accept=yes and after the accepting-socket check.
   */
  readonly socketMaxConnectionsAlways: boolean
  /** 254+: Type=notify-reload exists. */
  readonly notifyReload: boolean
  /** 257+: config_parse_pid_file() passes PATH_CHECK_NON_API_VFS, so a PIDFile= below /proc, /sys or /dev is fatal. */
  readonly pidFileRefusesApiVfs: boolean
  /** 262: image policies skip unknown partition designators and flags (254/257 refuse them). */
  readonly imagePolicySkipsUnknown: boolean
  /** 252/254 refuse Type=oneshot with RestartForceExitStatus=. */
  readonly oneshotRefusesRestartForceStatus: boolean
  /**
   * 255+: a process that is not root keeps the privilege to install its seccomp filters when
   * the system call filter lets it drop that privilege again (capget, capset, prctl), so
   * seccomp-based settings no longer force NoNewPrivileges= on it.
   */
  readonly seccompKeepsPrivileges: boolean
  /** 257+ read a mount's and a swap's What= as a mount node (`LABEL=x` is /dev/disk/by-label/x); a swap's must then be an absolute path. */
  readonly mountNodeWhat: boolean
  /**
   * 257+ mount_verify() and its kin: API mount points quoted in the message, /run/lock no longer
   * one, /run/credentials refused; PAMName= allows KillMode=mixed in mounts, swaps and sockets.
   */
  readonly mountVerify257: boolean
  /**
   * 257+ parser warnings name the setting: config_parse_bool() and config_parse_unsigned() ("Failed
   * to parse Accept=x, ignoring: …"), config_parse_in_addr_prefixes() ("… specified in [Service] IPAddressDeny=, …").
   */
  readonly namedParseWarnings: boolean
  /** 257+ word an unknown system call "System call NAME is not known, ignoring."; before, "Failed to parse system call, ignoring: NAME". */
  readonly syscallNotKnownWording: boolean
  /** 257+ end the SetCredentialEncrypted= Base64 warning with the decoder's error (": Broken pipe"); before, with a full stop. */
  readonly base64ErrorNamed: boolean
  /** 262's cunescape_one() refuses `\u`/`\U` escapes of UTF-16 surrogates (an unknown escape in Exec*= lines). */
  readonly unescapeRejectsSurrogates: boolean
}

export const VERSION_TRAITS: Readonly<Record<SystemdVersion, VersionTraits>> = {
  '252': {
    version: '252',
    unescapeRejectsSurrogates: false,
    mountNodeWhat: false,
    mountVerify257: false,
    namedParseWarnings: false,
    syscallNotKnownWording: false,
    base64ErrorNamed: false,
    loongarch64Architecture: false,
    nullDescriptionRowFirst: false,
    sharedDataDirSpecifier: false,
    execViaShellPrefix: false,
    execAmbientPrefixIgnored: false,
    execPathImpliesDirectory: false,
    execMessagesReworded: false,
    strtolBinaryPrefix: false,
    capabilityWordsRelaxed: false,
    privateMountsTristate: false,
    templateInstance: 'i',
    privateTmpKeywords: [],
    privateUsersKeywords: [],
    protectControlGroupsKeywords: [],
    protectHostnameEnum: false,
    dynamicUserDisconnectedTmp: false,
    capabilityRuleB: false,
    maxCapabilityNumber: 63,
    addressFamilyStopsAtUnknown: false,
    encryptedCredentialDevice: '/dev/tpmrm0 rw',
    policyMustBeObject: false,
    policyIgnoresExponentNumbers: true,
    emptySectionHeaderInvalid: false,
    refusesPrivatePidsForking: false,
    pidFileRefusesApiVfs: false,
    imagePolicySkipsUnknown: false,
    refusesApiWorkingDirectory: false,
    trailingSlashPathIsName: false,
    delegateControllers: CGROUP_CONTROLLERS,
    socketMaxConnectionsAlways: false,
    notifyReload: false,
    oneshotRefusesRestartForceStatus: true,
    seccompKeepsPrivileges: false,
  },
  '254': {
    version: '254',
    unescapeRejectsSurrogates: false,
    mountNodeWhat: false,
    mountVerify257: false,
    namedParseWarnings: false,
    syscallNotKnownWording: false,
    base64ErrorNamed: false,
    loongarch64Architecture: false,
    nullDescriptionRowFirst: false,
    sharedDataDirSpecifier: false,
    execViaShellPrefix: false,
    execAmbientPrefixIgnored: false,
    execPathImpliesDirectory: false,
    execMessagesReworded: false,
    strtolBinaryPrefix: false,
    capabilityWordsRelaxed: true,
    privateMountsTristate: true,
    templateInstance: 'i',
    privateTmpKeywords: [],
    privateUsersKeywords: [],
    protectControlGroupsKeywords: [],
    protectHostnameEnum: false,
    dynamicUserDisconnectedTmp: false,
    capabilityRuleB: false,
    maxCapabilityNumber: 62,
    addressFamilyStopsAtUnknown: false,
    encryptedCredentialDevice: 'char-tpm rw',
    policyMustBeObject: false,
    policyIgnoresExponentNumbers: true,
    emptySectionHeaderInvalid: false,
    refusesPrivatePidsForking: false,
    pidFileRefusesApiVfs: false,
    imagePolicySkipsUnknown: false,
    refusesApiWorkingDirectory: false,
    trailingSlashPathIsName: true,
    delegateControllers: CGROUP_CONTROLLERS,
    socketMaxConnectionsAlways: false,
    notifyReload: true,
    oneshotRefusesRestartForceStatus: true,
    seccompKeepsPrivileges: false,
  },
  '257': {
    version: '257',
    unescapeRejectsSurrogates: false,
    mountNodeWhat: true,
    mountVerify257: true,
    namedParseWarnings: true,
    syscallNotKnownWording: true,
    base64ErrorNamed: true,
    loongarch64Architecture: true,
    nullDescriptionRowFirst: false,
    sharedDataDirSpecifier: true,
    execViaShellPrefix: false,
    execAmbientPrefixIgnored: false,
    execPathImpliesDirectory: true,
    execMessagesReworded: true,
    strtolBinaryPrefix: true,
    capabilityWordsRelaxed: true,
    privateMountsTristate: true,
    templateInstance: 'test_instance',
    privateTmpKeywords: ['connected', 'disconnected'],
    privateUsersKeywords: ['self', 'identity'],
    protectControlGroupsKeywords: ['private', 'strict'],
    protectHostnameEnum: false,
    dynamicUserDisconnectedTmp: true,
    capabilityRuleB: false,
    maxCapabilityNumber: 62,
    addressFamilyStopsAtUnknown: false,
    encryptedCredentialDevice: 'char-tpm rw',
    policyMustBeObject: false,
    policyIgnoresExponentNumbers: false,
    emptySectionHeaderInvalid: false,
    refusesPrivatePidsForking: true,
    pidFileRefusesApiVfs: true,
    imagePolicySkipsUnknown: false,
    refusesApiWorkingDirectory: false,
    trailingSlashPathIsName: true,
    delegateControllers: CGROUP_CONTROLLERS,
    socketMaxConnectionsAlways: true,
    notifyReload: true,
    oneshotRefusesRestartForceStatus: false,
    seccompKeepsPrivileges: true,
  },
  '262': {
    version: '262',
    unescapeRejectsSurrogates: true,
    mountNodeWhat: true,
    mountVerify257: true,
    namedParseWarnings: true,
    syscallNotKnownWording: true,
    base64ErrorNamed: true,
    loongarch64Architecture: true,
    nullDescriptionRowFirst: true,
    sharedDataDirSpecifier: true,
    execViaShellPrefix: true,
    execAmbientPrefixIgnored: true,
    execPathImpliesDirectory: true,
    execMessagesReworded: true,
    strtolBinaryPrefix: false,
    capabilityWordsRelaxed: true,
    privateMountsTristate: true,
    templateInstance: 'test_instance',
    privateTmpKeywords: ['connected', 'disconnected'],
    privateUsersKeywords: ['self', 'identity', 'full', 'managed'],
    protectControlGroupsKeywords: ['private', 'strict'],
    protectHostnameEnum: true,
    dynamicUserDisconnectedTmp: true,
    capabilityRuleB: true,
    maxCapabilityNumber: 62,
    addressFamilyStopsAtUnknown: true,
    encryptedCredentialDevice: null,
    policyMustBeObject: true,
    policyIgnoresExponentNumbers: false,
    emptySectionHeaderInvalid: true,
    refusesPrivatePidsForking: true,
    pidFileRefusesApiVfs: true,
    imagePolicySkipsUnknown: true,
    refusesApiWorkingDirectory: true,
    trailingSlashPathIsName: true,
    delegateControllers: [...CGROUP_CONTROLLERS, 'bpf-bind-network-interface'],
    socketMaxConnectionsAlways: true,
    notifyReload: true,
    oneshotRefusesRestartForceStatus: false,
    seccompKeepsPrivileges: true,
  },
}

export function isSystemdVersion(v: string): v is SystemdVersion {
  return (SYSTEMD_VERSIONS as readonly string[]).includes(v)
}

/** The systemd a fleet runs: one supported version, or a range of releases (`252-257`). */
export interface SystemdTarget {
  readonly text: string
  /** The oldest release in the range (it decides which values advice may use). */
  readonly oldest: number
  /** The supported versions in the range, oldest first; never empty. */
  readonly versions: readonly SystemdVersion[]
}

/*
 * Release numbers. Behaviour that differs between the supported versions is a trait above; what
 * is compared with a number is only when a directive value first appeared upstream ("Added in
 * version N" in systemd.directives(7)), which the recommender needs for fleets and which holds
 * for any later release, a new one included. These are the only places that read a version as a
 * number.
 */

/** Whether release `version` has a value that upstream added in release `since`. */
export function releaseHas(version: SystemdVersion, since: number): boolean {
  return Number(version) >= since
}

/** Whether every release of `target` has a value that upstream added in release `since`. */
export function targetHas(target: SystemdTarget, since: number): boolean {
  return target.oldest >= since && target.versions.every((v) => releaseHas(v, since))
}

/** The oldest supported version that has a value added in release `since`. */
export function oldestSupportedSince(since: number): SystemdVersion | undefined {
  return SYSTEMD_VERSIONS.find((v) => releaseHas(v, since))
}

/** The target of one supported version. */
export function singleVersionTarget(version: SystemdVersion): SystemdTarget {
  return { text: version, oldest: Number(version), versions: [version] }
}

/**
 * The target `text` names: a supported version, or a range `OLDEST-NEWEST` of release numbers
 * that contains at least one supported version; undefined otherwise.
 */
export function parseSystemdTarget(text: string): SystemdTarget | undefined {
  if (isSystemdVersion(text)) return singleVersionTarget(text)
  const m = /^([0-9]{3})-([0-9]{3})$/.exec(text)
  if (!m) return undefined
  const [lo, hi] = [Number(m[1]), Number(m[2])]
  const versions = SYSTEMD_VERSIONS.filter((v) => releaseHas(v, lo) && !releaseHas(v, hi + 1))
  return lo <= hi && versions.length > 0 ? { text, oldest: lo, versions } : undefined
}
