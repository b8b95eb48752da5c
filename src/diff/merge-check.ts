/**
 * A pull request's merge result against its own change. Compared from its merge base, a pull
 * request shows its own change — but a pull request that branched off before the base branch
 * removed a capability can bring it back (a new drop-in, or a line that merges without a
 * conflict) while its own change shows nothing new. The merge result, compared with the base
 * branch's tip, shows it. What that comparison widens and the pull request's own does not fails
 * the gate on its own (`merge-widening`). Pure: two reports in, one out.
 */
import { wideningMessage, type GateSettings } from './gate.js'
import type { ComparedCommits, DiffReport, Failure, MergeResultCheck, MergeWidening } from './report.js'

/** Privileges the merge result widens that `change` does not report, per unit file and level. */
export function mergeOnlyWidenings(change: DiffReport, merged: DiffReport): MergeWidening[] {
  const reported = new Map<string, Set<string>>()
  for (const s of change.services) {
    for (const w of s.capabilities.widened) {
      const key = `${s.path}\0${w.level}`
      const set = reported.get(key) ?? new Set<string>()
      for (const p of w.unaccepted) set.add(p)
      reported.set(key, set)
    }
  }
  const out: MergeWidening[] = []
  for (const s of merged.services) {
    for (const w of s.capabilities.widened) {
      const known = reported.get(`${s.path}\0${w.level}`)
      const privileges = w.unaccepted.filter((p) => !known?.has(p))
      if (privileges.length > 0) out.push({ unit: s.unit, path: s.path, widening: w, privileges })
    }
  }
  return out
}

/**
 * The change's report with the merge result's check: its failures (when the gate fails on
 * capability widenings), its privileges in the count, and which commits were compared.
 * `into` names base's tip for the messages (`main (0123456789ab)`).
 */
export function withMergeResult(
  change: DiffReport,
  compared: ComparedCommits,
  check: MergeResultCheck,
  into: string,
  gate: GateSettings,
): DiffReport {
  const failures: Failure[] = [...change.failures]
  let widened = change.summary.capabilitiesWidened
  if (check.checked) {
    // Counted once per unit, as the change's own count is: only what that count lacks.
    const counted = new Set<string>()
    for (const s of change.services)
      for (const w of s.capabilities.widened) for (const p of w.unaccepted) counted.add(`${s.path}\0${p}`)
    const before = counted.size
    for (const m of check.widened) {
      const others =
        m.privileges.length < m.widening.unaccepted.length
          ? ` (${m.privileges.join(', ')} not in the pull request's own change)`
          : ''
      if (gate.failOnCapabilityWidening)
        failures.push({
          kind: 'merge-widening',
          unit: m.unit,
          path: m.path,
          message: `${wideningMessage(m.unit, m.widening)} once merged into ${into}${others}`,
        })
      for (const p of m.privileges) counted.add(`${m.path}\0${p}`)
    }
    widened += counted.size - before
  }
  return {
    ...change,
    verdict: failures.length > 0 ? 'fail' : 'pass',
    failures,
    summary: { ...change.summary, capabilitiesWidened: widened },
    comparisons: { change: compared, mergeResult: check },
  }
}
