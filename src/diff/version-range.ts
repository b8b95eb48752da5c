/**
 * A fleet range (`--systemd-version 252-262`) in the gate. Scores, rows and advice are those of
 * the oldest version; the privilege widenings are computed on every supported version of the
 * range, because systemd reads some lines differently from one version to the next (an
 * unterminated quote in a capability list, seccomp forcing NoNewPrivileges=, the `|` and `!!`
 * Exec*= prefixes, …): a change that widens privileges only on a newer version fails too. Pure:
 * each version's findings in, one list out.
 */
import type { SystemdVersion } from '../model/versions.js'
import type { PrivilegeWidening } from './report.js'

export interface VersionWidenings {
  readonly version: SystemdVersion
  readonly widened: readonly PrivilegeWidening[]
}

/**
 * One list of findings for a unit over all `versions` (the first is the one the report is
 * scored with). A finding every version shows is reported once, as it is; one that holds only on
 * some says on which, in its words ("… (on systemd 257 and 262)") and in `versions`. A finding of
 * one version stands for another's when it names the same level and command and every privilege
 * the other names (a finding that only names fewer is not one more failure).
 */
export function mergeVersionWidenings(versions: readonly VersionWidenings[]): PrivilegeWidening[] {
  const entries: { w: PrivilegeWidening; on: SystemdVersion[] }[] = []
  for (const { version, widened } of versions) {
    for (const e of entries) if (widened.some((f) => covers(f, e.w))) e.on.push(version)
    for (const f of widened) {
      if (entries.some((e) => e.on.includes(version) && covers(e.w, f))) continue
      const same = entries.find((e) => covers(e.w, f) && covers(f, e.w))
      if (same) same.on.push(version)
      else entries.push({ w: f, on: [version] })
    }
  }
  return entries.map(({ w, on }) =>
    on.length === versions.length ? w : { ...w, what: `${w.what} (on systemd ${listed(on)})`, versions: on },
  )
}

/**
 * `x` names everything `y` does: the same level and command, each of its privileges, and each
 * that nothing accepts as not accepted (acceptance is the same on every version by construction;
 * should it ever differ, what one version leaves unaccepted still fails).
 */
function covers(x: PrivilegeWidening, y: PrivilegeWidening): boolean {
  if (x.level !== y.level || commandKey(x) !== commandKey(y)) return false
  const has = privileges(x)
  return [...privileges(y)].every((p) => has.has(p)) && y.unaccepted.every((p) => x.unaccepted.includes(p))
}

const commandKey = (w: PrivilegeWidening): string =>
  w.command === null ? '' : `${w.command.directive}\0${w.command.text}\0${w.command.kind}`

/** What a finding says is new, accepted or not. */
const privileges = (w: PrivilegeWidening): Set<string> =>
  new Set([...w.unaccepted, ...w.accepted.map((a) => a.privilege)])

/** `257`, `257 and 262`, `254, 257 and 262`. */
const listed = (versions: readonly string[]): string =>
  versions.length <= 1 ? versions.join('') : `${versions.slice(0, -1).join(', ')} and ${versions.at(-1)}`
