/**
 * `systemd-exposure conformance DIR`: the engine against systemd-analyze, target by target, on a
 * corpus directory (TARGETS.tsv; goldens in golden/<ver>/<path>.json and SUMMARY.tsv, or --goldens),
 * or against a live systemd-analyze (`--live`, through an oracle script).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assessUnitFile } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import { parseSecurityPolicy } from '../model/policy.js'
import { SYSTEMD_VERSIONS, VERSION_TRAITS, type SystemdVersion } from '../model/versions.js'
import { OPTIONS } from '../options/option-table.js'
import { THRESHOLD } from '../options/value-types.js'
import { jsonRows } from '../report/score-text.js'
import { errorMessage } from '../text/error-message.js'
import { readCommandLine } from './command-line.js'
import type { CliIO } from './io.js'
import { UsageError } from './usage.js'

interface Target {
  readonly path: string
  readonly args: readonly string[]
}

interface Expected {
  readonly rc: number
  readonly unit: string
  readonly exposure: string
  readonly verdict: string
  readonly rows: readonly Record<string, unknown>[] | null
  /** systemd-analyze's standard error, when known. */
  readonly stderr: string | null
}

/**
 * Messages compared with `--warnings`: those about specifiers, command lines, capabilities,
 * unknown keys, user names, system call architectures and links, which this engine words as
 * systemd does. (Others — the final "bad unit file setting" line — are worded our own way.)
 */
const COMPARED_MESSAGES =
  /(Failed to resolve (?:unit )?specifiers|Unknown key '|Special user nobody|Failed to parse system call architecture|Accepting user\/group name|Specifier '%.' used|Neither a valid executable|Empty path in command line|Executable (?:name|path) contains special|Executable path specifies a directory|Empty executable name or zeroeth|The !! modifier|Ignoring unknown escape sequences|Unbalanced quoting|Invalid user\/group name|Suspicious symlink|(?:unit )?symlink target|Failed to resolve symlink)/

/**
 * systemd prints what it finds wrong with the links of a unit's directory once, for all of them;
 * we report those that concern the unit. Ours must be among its.
 */
const LINK_MESSAGES = /^(Suspicious symlink|(?:unit )?symlink target|Failed to resolve symlink)/

export function conformanceCommand(args: readonly string[], io: CliIO): number {
  const { read, positionals } = readCommandLine('conformance', args, io.env)
  if (positionals.length !== 1) throw new UsageError('conformance needs exactly one corpus DIR')
  const dir = positionals[0]!
  const given = read(OPTIONS.conformanceVersions)
  const versions = given.length > 0 ? given : SYSTEMD_VERSIONS
  const live = read(OPTIONS.live)
  const verbose = read(OPTIONS.verbose)
  const warnings = read(OPTIONS.warnings)
  const targetsFile = join(dir, 'TARGETS.tsv')
  if (!existsSync(targetsFile)) throw new UsageError(`${targetsFile} not found`)
  const targets = readTargets(readFileSync(targetsFile, 'utf8'))
  const goldens = read(OPTIONS.goldens) || join(dir, 'golden')
  const oracle = read(OPTIONS.oracle) || join(dir, '..', 'oracle', 'analyze')

  let allIdentical = true
  for (const version of versions) {
    const summary = live ? null : readSummary(join(goldens, version, 'SUMMARY.tsv'))
    let identical = 0
    for (const t of targets) {
      const expected = live ? runOracle(oracle, version, dir, t) : goldenFor(goldens, version, t, summary!)
      const mismatch = compare(io, dir, version, t, expected, warnings)
      if (mismatch !== null) io.stdout(`MISMATCH ${version} ${t.path}: ${mismatch}\n`)
      else {
        identical++
        if (verbose) io.stdout(`identical ${version} ${t.path}\n`)
      }
    }
    io.stdout(`systemd ${version}: ${identical}/${targets.length} identical\n`)
    if (identical !== targets.length) allIdentical = false
  }
  return allIdentical ? 0 : 1
}

function readTargets(text: string): Target[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '')
  const header = lines[0]!.split('\t')
  const argsCol = header.indexOf('args')
  return lines.slice(1).map((l) => {
    const cols = l.split('\t')
    const args = argsCol >= 0 && cols[argsCol] ? cols[argsCol].split(' ').filter((a) => a !== '') : []
    return { path: cols[0]!, args }
  })
}

function readSummary(file: string): Map<string, string[]> {
  const map = new Map<string, string[]>()
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    if (line === '') continue
    const cols = line.split('\t')
    map.set(cols[0]!, cols)
  }
  return map
}

function goldenFor(goldens: string, version: string, t: Target, summary: Map<string, string[]>): Expected {
  const cols = summary.get(t.path)
  if (!cols) throw new UsageError(`no golden for ${t.path} in ${version}/SUMMARY.tsv`)
  const jsonFile = join(goldens, version, `${t.path}.json`)
  const text = existsSync(jsonFile) ? readFileSync(jsonFile, 'utf8').trim() : ''
  const stderrFile = join(goldens, version, `${t.path}.stderr`)
  return {
    stderr: existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : '',
    unit: cols[1] ?? '',
    exposure: cols[2] ?? '',
    verdict: cols[3] ?? '',
    rc: Number(cols[4] ?? '0'),
    rows: text === '' ? null : (JSON.parse(text.split('\n')[0]!) as Record<string, unknown>[]),
  }
}

function runOracle(oracle: string, version: string, dir: string, t: Target): Expected {
  const run = (text: boolean): { out: string; err: string; rc: number } => {
    try {
      const r = spawnSync(oracle, [version, t.path, ...t.args], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, ...(text ? { ORACLE_TEXT: '1' } : {}) },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      return { out: r.stdout ?? '', err: r.stderr ?? '', rc: r.status ?? 1 }
    } catch (e) {
      return { out: '', err: errorMessage(e), rc: 1 }
    }
  }
  const json = run(false)
  const text = run(true)
  const m = /Overall exposure level for (\S+): (\d+\.\d) (\S+)/.exec(text.out)
  const first = json.out.trim().split('\n')[0] ?? ''
  return {
    rc: json.rc,
    unit: m?.[1] ?? '',
    exposure: m?.[2] ?? '',
    verdict: m?.[3] ?? '',
    rows: first.startsWith('[') ? (JSON.parse(first) as Record<string, unknown>[]) : null,
    stderr: json.err,
  }
}

/** null when identical, else what differs first. */
function compare(
  io: CliIO,
  dir: string,
  version: SystemdVersion,
  t: Target,
  expected: Expected,
  warnings: boolean,
): string | null {
  let policy
  let threshold = 100
  for (const a of t.args) {
    const [k, v] = a.split('=', 2) as [string, string | undefined]
    if (k === '--security-policy' && v) {
      try {
        policy = parseSecurityPolicy(readFileSync(join(dir, v), 'utf8'), v, VERSION_TRAITS[version])
      } catch (e) {
        // An unreadable or refused policy fails the whole call, as in systemd-analyze.
        return expected.rc === 1 && expected.rows === null ? null : `we refuse the policy: ${errorMessage(e)}`
      }
    } else if (k === '--threshold' && v !== undefined) {
      const parsed = THRESHOLD.parse(v)
      if (parsed === undefined)
        return expected.rc === 1 && expected.rows === null ? null : `we refuse --threshold=${v}, systemd accepts it`
      threshold = parsed
    }
  }
  // The oracle runs in the corpus directory on the target's relative path: links read from there.
  const location = { workingDirectory: dir, absoluteRoot: io.cwd }
  const r = assessUnitFile(io.source, join(dir, t.path), policy ? { version, policy, location } : { version, location })
  if (warnings && expected.stderr !== null) {
    // Messages name absolute paths: those under the corpus directory are compared relative to it,
    // as the goldens have them.
    const prefixes = [`${resolve(io.cwd, dir)}/`, `${realpathSync(resolve(io.cwd, dir))}/`]
    const relative = (text: string): string => prefixes.reduce((t, p) => t.split(p).join(''), text)
    const problem = compareMessages(
      r.diagnostics.map((d) => relative(d.message)),
      relative(expected.stderr),
    )
    if (problem !== null) return problem
  }
  const expectLoad = expected.rows !== null
  if (!r.ok) return expectLoad ? `we refuse (${r.error}), systemd scores it ${expected.exposure}` : null
  if (!expectLoad) return `systemd refuses it (rc ${expected.rc}), we score it ${formatExposure(r.exposure)}`
  const ourRc = r.exposure > threshold ? 1 : 0
  if (expected.unit !== '' && expected.unit !== r.unit) return `unit ${r.unit}, systemd says ${expected.unit}`
  if (expected.exposure !== '' && expected.exposure !== formatExposure(r.exposure))
    return `exposure ${formatExposure(r.exposure)}, systemd says ${expected.exposure}`
  if (expected.verdict !== '' && expected.verdict !== r.verdict)
    return `verdict ${r.verdict}, systemd says ${expected.verdict}`
  if (ourRc !== expected.rc) return `exit status ${ourRc}, systemd's ${expected.rc}`
  const ours = jsonRows(r)
  const theirs = expected.rows
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    const a = JSON.stringify(ours[i])
    const b = JSON.stringify(theirs[i])
    if (a !== b) return `row ${i}: ours ${a}, systemd's ${b}`
  }
  return null
}

/** null when our compared messages are systemd's (ours among its for link messages), else what differs. */
function compareMessages(ours: readonly string[], stderr: string): string | null {
  const pick = (messages: Iterable<string>): string[] => {
    const out: string[] = []
    for (const line of messages) {
      // systemd's lines carry "file:line: " or "unit: " in front; the message starts at the match.
      const m = COMPARED_MESSAGES.exec(line)
      if (m) out.push(line.slice(m.index))
    }
    return out
  }
  const theirs = pick(stderr.split('\n'))
  const mine = pick(ours)
  const count = (list: readonly string[]): Map<string, number> => {
    const c = new Map<string, number>()
    for (const x of list) c.set(x, (c.get(x) ?? 0) + 1)
    return c
  }
  const a = count(mine.filter((x) => !LINK_MESSAGES.test(x)))
  const b = count(theirs.filter((x) => !LINK_MESSAGES.test(x)))
  for (const [msg, n] of a)
    if (b.get(msg) !== n) return `message ${JSON.stringify(msg)} ${n}x, systemd ${b.get(msg) ?? 0}x`
  for (const [msg, n] of b)
    if (a.get(msg) !== n) return `systemd's message ${JSON.stringify(msg)} ${n}x, ours ${a.get(msg) ?? 0}x`
  const theirLinks = new Set(theirs.filter((x) => LINK_MESSAGES.test(x)))
  for (const msg of mine)
    if (LINK_MESSAGES.test(msg) && !theirLinks.has(msg))
      return `message ${JSON.stringify(msg)}, systemd does not print it`
  return null
}
