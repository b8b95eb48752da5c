/**
 * The first line of every Markdown form of a report (comment, summary, their shortest forms): the
 * verdict, and what a reviewer must not miss — privileges that widened without the gate checking
 * them, and waivers the pull request adds for its own widenings.
 */
import { newWaiverAcceptances, newWaivers, type NewWaiver } from '../diff/new-waivers.js'
import type { DiffReport } from '../diff/report.js'
import { code, md } from './escape.js'

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`

/** Waivers named in one sentence; the rest are counted. */
const WAIVERS_NAMED = 3
/** Privileges named per waiver; the rest are counted. */
const PRIVILEGES_NAMED = 4

export function headline(report: DiffReport): string {
  // A pull request's merge result can fail the gate while its own change touches no unit.
  if (report.services.length === 0 && report.verdict !== 'fail')
    return '✅ **systemd-exposure**: no systemd service changed.'
  if (report.verdict === 'fail') {
    const n = report.failures.length
    return `❌ **systemd-exposure: fail** — ${plural(n, 'gate failure')}: ${md(report.failures[0]!.message)}${n > 1 ? ' …' : ''}`
  }
  const findings = report.services.flatMap((s) => s.capabilities.widened)
  const open = findings.filter((w) => w.unaccepted.length > 0).length
  const accepted = findings.length - open
  let privileges: string
  if (findings.length === 0) privileges = 'no privilege widened'
  else if (open === 0) privileges = `${plural(findings.length, 'privilege widening')}, all accepted`
  else {
    // The verdict passed with widenings nothing accepts: the gate did not look at them.
    const notGated = `${plural(open, 'privilege widening')} not gated (fail-on-capability-widening is off)`
    privileges = accepted === 0 ? notGated : `${plural(accepted, 'privilege widening')} accepted, ${notGated}`
  }
  const units = `${plural(report.services.length, 'unit')} changed`
  const waivers = newWaivers(report.services)
  // A pass that only the pull request's own waivers allow says so where the verdict is.
  const restsOnNewWaivers =
    report.gate.failOnCapabilityWidening &&
    findings.some((w) => w.unaccepted.length === 0 && newWaiverAcceptances(w).length > 0)
  const because =
    waivers.length === 0
      ? ''
      : restsOnNewWaivers
        ? ` It passes because this pull request adds ${waiverList(waivers)}.`
        : ` This pull request adds ${waiverList(waivers)}.`
  return `✅ **systemd-exposure: pass** — ${units}, ${privileges}.${because}`
}

/**
 * The mark of waivers the pull request adds, on a line of its own under a failing headline (a
 * passing one says it itself); null when there are none.
 */
export function selfWaiverLine(report: DiffReport): string | null {
  if (report.verdict !== 'fail') return null
  const waivers = newWaivers(report.services)
  return waivers.length === 0 ? null : `⚠️ This pull request accepts its own widening: it adds ${waiverList(waivers)}.`
}

/** "a waiver for CAP_SYS_ADMIN at `units/api.service:8`", "waivers for … at …, for … at … and 2 more". */
function waiverList(waivers: readonly NewWaiver[]): string {
  const named = waivers
    .slice(0, WAIVERS_NAMED)
    .map((w) => `for ${privilegeList(w.privileges)} at ${code(`${w.file}:${w.line}`)}`)
  const more = waivers.length - named.length
  const list =
    named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')}${more > 0 ? ', ' : ' and '}${named.at(-1)!}`
  return `${waivers.length === 1 ? 'a waiver' : 'waivers'} ${list}${more > 0 ? ` and ${more} more` : ''}`
}

function privilegeList(privileges: readonly string[]): string {
  const words = privileges.map((p) => (p === 'root' ? 'running as root' : p))
  if (words.length <= PRIVILEGES_NAMED)
    return words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`
  return `${words.slice(0, PRIVILEGES_NAMED).join(', ')} and ${words.length - PRIVILEGES_NAMED} more`
}
