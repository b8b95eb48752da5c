/**
 * The report every renderer reads (terminal, PR comment, job summary, annotations, SARIF).
 * Versioned: fields are only added within a schemaVersion; anything else bumps it.
 */
import type { ServiceStatus } from './affected.js'
import type { GateSettings } from './gate.js'

export const REPORT_SCHEMA_VERSION = 2

export interface ExposureRef {
  /** The printed score, e.g. 9.6. */
  readonly exposure: number
  readonly verdict: string
}

export interface SourceLine {
  readonly file: string
  readonly line: number
}

/** One new privilege's acceptance: reported, but it does not fail the gate. */
export interface Acceptance {
  /** A `CAP_*` name, or `root` (uid 0). */
  readonly privilege: string
  readonly by: 'waiver' | 'allow-list'
  readonly reason: string
  readonly file?: string
  readonly line?: number
  /** The waiver is new in this change (a reviewer should agree with it). */
  readonly addedInChange: boolean
}

/**
 * Privileges a unit's processes have in head that they had not in base, at one level: `held`
 * (at start), `reachable` (through set-user-ID/file-capability programs) or `command` (one
 * elevated Exec*= command).
 */
export interface PrivilegeWidening {
  readonly level: 'held' | 'reachable' | 'command'
  /** `CAP_*` names new at this level. */
  readonly capabilities: readonly string[]
  /** Newly runs as uid 0 at this level. */
  readonly root: boolean
  /** The elevated command, for level `command`. */
  readonly command: {
    readonly directive: string
    readonly text: string
    readonly kind: 'full-privileges' | 'root-credentials' | 'permissions-start-only'
    readonly file: string
    readonly line: number
  } | null
  /** What the unit can now do, in words ("now holds CAP_NET_RAW at start"). */
  readonly what: string
  /** Why, in words. */
  readonly cause: string
  /** The responsible line (in head; in base when head removed it), when one changed. */
  readonly file: string | null
  readonly line: number | null
  readonly removedLine: boolean
  /** The directive of that line (`AmbientCapabilities=`), when known. */
  readonly directive: string | null
  readonly accepted: readonly Acceptance[]
  /** What no waiver or allow-list entry accepts (`CAP_*` names, `root`): these fail the gate. */
  readonly unaccepted: readonly string[]
  /**
   * With a fleet range, the supported versions this finding holds on, when it does not hold on
   * all of them (absent otherwise, and in reports written before: added within schema version 2).
   */
  readonly versions?: readonly string[]
}

/** A unit's privilege profile (src/service/privileges.ts) as the report shows it. */
export interface PrivilegeSummary {
  readonly startsProcesses: boolean
  /** User= (after specifiers), null when unset. */
  readonly user: string | null
  /** Its ordinary processes run (or may run) as uid 0. */
  readonly root: boolean
  readonly userFromInstance: boolean
  readonly held: readonly string[]
  readonly reachable: readonly string[]
  /** Why NoNewPrivileges= is in force: `setting`, `dynamic-user`, `seccomp` (forced), or null. */
  readonly noNewPrivileges: 'setting' | 'dynamic-user' | 'seccomp' | null
  readonly elevated: readonly {
    readonly directive: string
    readonly command: string
    readonly kind: 'full-privileges' | 'root-credentials' | 'permissions-start-only'
    readonly root: boolean
    readonly capabilities: readonly string[]
    readonly file: string
    readonly line: number
  }[]
}

/** A targeted fix for a regressed row, checked with the engine. */
export interface RowFix {
  readonly kind: 'restore' | 'narrow' | 'remove'
  /** Lines for a drop-in (restore, narrow). */
  readonly lines: readonly string[]
  /** Head lines to delete (remove). */
  readonly remove: readonly { readonly file: string; readonly line: number; readonly text: string }[]
  readonly reason: string
  /**
   * The engine confirmed the fix brings the row back to the base's badness or better (added
   * within schema version 2: absent in reports written before).
   */
  readonly verified?: boolean
}

/** The hardening the recommender suggests for a changed service (issue: phased advice). */
export interface ServiceRecommendation {
  readonly phases: readonly {
    readonly name: string
    readonly risk: string
    readonly directives: readonly string[]
    readonly exposure: number
    readonly verdict: string
  }[]
  /** Exposure with the whole drop-in applied. */
  readonly predicted: number
  readonly dropin: { readonly path: string; readonly content: string }
}

export interface RowChange {
  /** The row name as systemd prints it, e.g. `PrivateNetwork=`. */
  readonly id: string
  readonly before: number | null
  readonly after: number | null
  readonly range: number
  /**
   * The row's share of the overall exposure, as `systemd-analyze security` prints it in its
   * EXPOSURE column (0.2), before and after; null when the row adds nothing (or base is new).
   */
  readonly exposureBefore: number | null
  readonly exposureAfter: number | null
  /** systemd's text for the row in head ("Service may alter kernel tunables"). */
  readonly description: string | null
  readonly file: string | null
  readonly line: number | null
  readonly removedLine: boolean
  /** For regressions: how to undo it (null when no safe fix was found). */
  readonly fix?: RowFix | null
}

export interface ServiceReport {
  readonly unit: string
  readonly status: ServiceStatus
  /** Head path, or base path when removed. */
  readonly path: string
  readonly basePath: string | null
  readonly before: ExposureRef | null
  readonly after: ExposureRef | null
  /** after − before, one decimal; null unless both sides were scored. */
  readonly delta: number | null
  readonly capabilities: {
    readonly before: PrivilegeSummary | null
    readonly after: PrivilegeSummary | null
    readonly widened: readonly PrivilegeWidening[]
  }
  readonly regressions: readonly RowChange[]
  readonly improvements: readonly RowChange[]
  /** Why a side could not be scored (systemd refuses the unit, the file is not a unit, …). */
  readonly errors: { readonly before: string | null; readonly after: string | null }
  /**
   * Why a side could not be read in full — a link out of the repository, a file over the size
   * limit, an I/O or git error, a build template that cannot be resolved. A side scored anyway
   * (a template, assessed conservatively) has both a score and this. Fails closed.
   */
  readonly unreadable: { readonly before: string | null; readonly after: string | null }
  readonly warnings: readonly { readonly file: string; readonly line: number; readonly message: string }[]
  readonly changedFiles: readonly string[]
  /**
   * For drop-ins of a unit the repository does not ship: that its file is not here and what was
   * assumed in its place (no score then; the privileges the drop-ins add are still reviewed).
   */
  readonly assumedUnitFile: string | null
  /** Suggested hardening for the service as changed (null when none applies or it is not scored). */
  readonly recommendation: ServiceRecommendation | null
  /**
   * Why advice (the recommendation or a regression's fix) could not be computed: a bug in the
   * recommender, reported instead of hidden; the scores and the gate do not depend on it.
   * Absent when advice was computed or not asked for.
   */
  readonly adviceError?: string
}

/**
 * `merge-widening`: a privilege the merge result gives a unit that the pull request's own change
 * (from its merge base) does not show — the base branch removed it since the branch point.
 */
export type FailureKind =
  | 'capability-widening'
  | 'new-waiver'
  | 'max-exposure'
  | 'exposure-increase'
  | 'regression'
  | 'invalid-unit'
  | 'unreadable-unit'
  | 'merge-widening'

export interface Failure {
  readonly kind: FailureKind
  readonly unit: string
  readonly path: string
  readonly message: string
}

/** Two commits compared, and what they are. */
export interface ComparedCommits {
  readonly from: string
  /** A commit, or the tree of a merge result git built. */
  readonly to: string
  /** `merge-base` (a pull request's own change), `merge-group-base`, `before-push`. */
  readonly what: string
  /**
   * Where the commits were read, a checkout or GitHub's API, and which symbolic links were
   * followed: every one in the repository, or (GitHub's API, when nothing the change holds
   * needed more) those in the directories the review read. Both absent in reports written
   * before: added within schema version 2.
   */
  readonly readFrom?: 'checkout' | 'github-api'
  readonly linksFollowed?: 'everywhere' | 'directories-read'
}

/** A privilege the merge result gives a unit that the pull request's own change does not show. */
export interface MergeWidening {
  readonly unit: string
  /** The unit's file in the merge result. */
  readonly path: string
  readonly widening: PrivilegeWidening
  /** Of `widening.unaccepted`, what the change from the merge base does not report. */
  readonly privileges: readonly string[]
}

/**
 * A pull request's merge result checked too: base's tip (`from`) against the merge of head into
 * it (`to`: GitHub's merge commit, or the tree `git merge-tree` built). Or why it was not.
 */
export type MergeResultCheck =
  | {
      readonly checked: true
      readonly from: string
      readonly to: string
      readonly how: 'merge-commit' | 'merge-tree'
      readonly widened: readonly MergeWidening[]
    }
  | { readonly checked: false; readonly why: string }

export interface DiffReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION
  readonly tool: { readonly name: 'systemd-exposure'; readonly version: string }
  /** The version scores, rows and advice are computed for: the oldest supported one of the target. */
  readonly systemdVersion: string
  /**
   * A fleet range of more than one supported version: its text (`252-262`) and the versions the
   * capability gate checked, oldest first (absent for one version, and in reports written before:
   * added within schema version 2).
   */
  readonly systemdTarget?: { readonly text: string; readonly versions: readonly string[] }
  readonly base: { readonly rev: string | null }
  readonly head: { readonly rev: string | null }
  readonly verdict: 'pass' | 'fail'
  /** The gate the verdict was decided with: renderers say what it did not check. */
  readonly gate: GateSettings
  readonly failures: readonly Failure[]
  readonly summary: {
    readonly servicesChanged: number
    readonly capabilitiesWidened: number
    readonly regressions: number
    readonly maxExposureAfter: number | null
    /** Units that could not be read in full after the change. */
    readonly unreadable: number
  }
  /**
   * One per affected unit that starts processes: services, and sockets, mounts and swaps (their
   * commands run too). The name stays `services` within this schema version.
   */
  readonly services: readonly ServiceReport[]
  /** Changed files that look like units but are not reviewed as such, with the reason. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[]
  /**
   * Which commits the action compared (the CLI leaves this out): the change under review, and
   * for a pull request its merge result (null for other events).
   */
  readonly comparisons?: { readonly change: ComparedCommits; readonly mergeResult: MergeResultCheck | null }
}
