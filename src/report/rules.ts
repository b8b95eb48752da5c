/**
 * The rules findings are filed under, with ids that stay stable across releases (code scanning
 * and GitLab key their history on them): one per capability level, one per exposure row as
 * systemd names it, one per unit problem and one per score threshold. Each links to the systemd
 * man page of its directive.
 */
import type { FailureKind, PrivilegeWidening } from '../diff/report.js'
import { ASSESSORS } from '../model/assessors.js'

export interface FindingRule {
  readonly id: string
  /** PascalCase, as SARIF's `name`. */
  readonly name: string
  readonly summary: string
  readonly help: string
  readonly helpUri: string
  /** How much it matters on its own, 0.0–10.0 (GitHub's security-severity). */
  readonly severity: number
}

const MAN = 'https://www.freedesktop.org/software/systemd/man/latest'

/** Directives documented outside systemd.exec(5), by the exposure row that reads them. */
const MAN_PAGE_OF: Readonly<Record<string, string>> = {
  'DeviceAllow=': 'systemd.resource-control',
  'IPAddressDeny=': 'systemd.resource-control',
  'Delegate=': 'systemd.resource-control',
  'NotifyAccess=': 'systemd.service',
}

/** The man page section of a directive: `CapabilityBoundingSet=~CAP_SYS_ADMIN` → systemd.exec.html#CapabilityBoundingSet= */
export function manPageUri(rowId: string): string {
  const directive = rowId.replace(/[/~].*$/, '')
  const page = MAN_PAGE_OF[directive] ?? 'systemd.exec'
  return `${MAN}/${page}.html#${directive}`
}

const LEVEL_RULES: Readonly<Record<PrivilegeWidening['level'], FindingRule>> = {
  held: {
    id: 'capability/held',
    name: 'CapabilityHeldAtStart',
    summary: 'A service now holds a Linux capability, or runs as root, when it starts',
    help: "The change gives the unit's processes a capability (or uid 0) they did not have at start: through AmbientCapabilities=, a wider CapabilityBoundingSet= of a root service, User= removed or set to root, PrivateUsers= removed. Narrow it back, or accept it with a waiver comment that names the capability and a reason.",
    helpUri: `${MAN}/systemd.exec.html#AmbientCapabilities=`,
    severity: 8.0,
  },
  reachable: {
    id: 'capability/reachable',
    name: 'CapabilityReachable',
    summary: 'A service can now gain a capability through set-user-ID or file-capability programs',
    help: 'Without NoNewPrivileges= (set, implied by DynamicUser=, or forced by a seccomp setting), a process can gain every capability of its bounding set by executing a set-user-ID or file-capability program. Keep NoNewPrivileges=yes, or narrow CapabilityBoundingSet=.',
    helpUri: `${MAN}/systemd.exec.html#NoNewPrivileges=`,
    severity: 7.0,
  },
  command: {
    id: 'capability/elevated-command',
    name: 'ElevatedCommand',
    summary: 'A command runs with more privileges than the service',
    help: 'A + prefix runs the command with full privileges, outside the sandbox; ! runs it as root within the bounding set; PermissionsStartOnly=yes makes every command but ExecStart= run like +. A new elevated command, a privileged program re-targeted by new arguments, or a new environment for such commands is a widening.',
    helpUri: `${MAN}/systemd.service.html#ExecStart=`,
    severity: 8.0,
  },
}

export function ruleForLevel(level: PrivilegeWidening['level']): FindingRule {
  return LEVEL_RULES[level]
}

/** `CapabilityBoundingSet_CAP_SYS_ADMIN` → `CapabilityBoundingSetCapSysAdmin`. */
const pascal = (field: string): string =>
  field
    .split(/[^A-Za-z0-9]+/)
    .map((w) =>
      w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('')

/** Higher-weight rows of systemd's table matter more: its own weights, on a 0–10 scale. */
function rowSeverity(weight: number): number {
  return weight >= 1500 ? 6.0 : weight >= 1000 ? 5.0 : weight >= 500 ? 4.0 : 2.0
}

const ROW_RULES: ReadonlyMap<string, FindingRule> = new Map(
  ASSESSORS.map((a) => [
    a.id,
    {
      id: `exposure/${a.id}`,
      name: `Exposure${pascal(a.jsonField)}`,
      summary: `The ${a.id} row of systemd-analyze security got worse`,
      help: `${a.descriptionBad ?? `The unit's ${a.id.replace(/[/~].*$/, '')} setting is less strict than before`}: systemd-analyze security rates the row ${a.id} worse (weight ${a.weight} in its table).`,
      helpUri: manPageUri(a.id),
      severity: rowSeverity(a.weight),
    },
  ]),
)

export function ruleForRow(rowId: string): FindingRule {
  return (
    ROW_RULES.get(rowId) ?? {
      id: `exposure/${rowId}`,
      name: 'ExposureRow',
      summary: `The ${rowId} row of systemd-analyze security got worse`,
      help: rowId,
      helpUri: manPageUri(rowId),
      severity: 4.0,
    }
  )
}

export const RULES_FOR_UNITS = {
  unreadable: {
    id: 'unit/unreadable',
    name: 'UnitUnreadable',
    summary: 'A changed unit cannot be read in full, so its privileges are not known',
    help: 'A link out of the repository, dangling or in a loop, a file over the size limit, a Git LFS pointer, an I/O error, or a build template whose placeholders decide privileges. What the tool cannot read does not pass.',
    helpUri: `${MAN}/systemd.unit.html`,
    severity: 7.0,
  },
  invalid: {
    id: 'unit/invalid',
    name: 'UnitInvalid',
    summary: 'systemd would refuse to load a changed unit',
    help: 'systemd-analyze security refuses the unit: it would not start. The message gives the file and line systemd complains about.',
    helpUri: `${MAN}/systemd.syntax.html`,
    severity: 5.0,
  },
} as const satisfies Record<string, FindingRule>

const THRESHOLD_RULES: Readonly<Record<'max-exposure' | 'exposure-increase', FindingRule>> = {
  'max-exposure': {
    id: 'gate/max-exposure',
    name: 'ExposureAboveMaximum',
    summary: "A service's exposure is above the configured maximum",
    help: 'The overall exposure score systemd-analyze security gives the unit after the change is above max-exposure. See the recommended drop-in for the directives that lower it.',
    helpUri: `${MAN}/systemd-analyze.html`,
    severity: 5.0,
  },
  'exposure-increase': {
    id: 'gate/exposure-increase',
    name: 'ExposureIncrease',
    summary: "A service's exposure rose by more than the configured step",
    help: 'The overall exposure score systemd-analyze security gives the unit rose by more than max-exposure-increase. The regressed rows name the lines responsible.',
    helpUri: `${MAN}/systemd-analyze.html`,
    severity: 5.0,
  },
}

export function ruleForFailure(kind: Extract<FailureKind, 'max-exposure' | 'exposure-increase'>): FindingRule {
  return THRESHOLD_RULES[kind]
}
