/**
 * A rename git does not see. git calls a file renamed when at least half its bytes stayed; a unit
 * file renamed while a long comment block was dropped (unbound's `unbound_nochroot.service.in` →
 * `unbound_portable.service.in`) falls below that and would read as a new unit with no baseline.
 * Here only the settings count — comments and blank lines do not — so a unit deleted and a unit
 * added in the same directory and of the same type are one unit renamed when at least half of
 * their settings are the same. It lends a baseline no more than git's own rule does: both ask
 * for half the unit to stay.
 */
import { unitType } from '../unit/names.js'
import { basename, dirname } from '../unit/source.js'
import type { UnitLoad } from './load-unit.js'

/** The fragment's assignments, as `section key=value`, counted. */
function settingsOf(load: UnitLoad): Map<string, number> {
  const counts = new Map<string, number>()
  if (!load.result.ok) return counts
  const fragment = load.result.files[0]
  for (const a of fragment?.assignments ?? []) {
    const k = `${a.section}\0${a.key}=${a.value}`
    counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return counts
}

const total = (m: ReadonlyMap<string, number>): number => [...m.values()].reduce((x, y) => x + y, 0)

/** Shared settings over the larger unit's settings, 0…1. */
function similarity(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  const size = Math.max(total(x), total(y))
  if (size === 0) return 0
  let shared = 0
  for (const [k, n] of x) shared += Math.min(n, y.get(k) ?? 0)
  return shared / size
}

/** The base unit `head` is most likely a rename of, among units deleted from its directory: null when none keeps half its settings. */
export function renamedBySettings(head: UnitLoad, deleted: readonly UnitLoad[]): UnitLoad | null {
  const type = unitType(basename(head.ref.loadPath))
  const candidates = deleted.filter(
    (b) => dirname(b.ref.file) === dirname(head.ref.file) && unitType(basename(b.ref.loadPath)) === type,
  )
  if (candidates.length === 0) return null
  const mine = settingsOf(head)
  let best: UnitLoad | null = null
  let bestScore = 0.5
  for (const b of candidates) {
    const score = similarity(mine, settingsOf(b))
    if (score > bestScore || (best === null && score === bestScore)) {
      best = b
      bestScore = score
    }
  }
  return best
}
