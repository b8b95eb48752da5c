/**
 * `systemd-exposure conformance DIR`: the engine against systemd-analyze, target by target, on a
 * corpus directory (TARGETS.tsv; goldens in golden/<ver>/<path>.json and SUMMARY.tsv, or --goldens),
 * or against a live systemd-analyze (`--live`, through an oracle script).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { assessUnitFile, type AssessResult } from '../engine.js'
import { formatExposure } from '../model/exposure.js'
import { parseSecurityPolicy } from '../model/policy.js'
import { SYSTEMD_VERSIONS, VERSION_TRAITS, type SystemdVersion } from '../model/versions.js'
import { OPTIONS } from '../options/option-table.js'
import { THRESHOLD } from '../options/value-types.js'
import { jsonRows } from '../report/score-text.js'
import { errorMessage } from '../text/error-message.js'
import { readCommandLine } from './command-line.js'
import type { CliIO } from './io.js'
import { unitMessages } from './score-units.js'
import { systemdPath } from './systemd-paths.js'
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

export function conformanceCommand(args: readonly string[], io: CliIO): number {
  const { read, positionals } = readCommandLine('conformance', args, io.env)
  if (positionals.length !== 1) throw new UsageError('conformance needs exactly one corpus DIR')
  const dir = positionals[0]!
  const given = read(OPTIONS.conformanceVersions)
  const versions = given.length > 0 ? given : SYSTEMD_VERSIONS
  const live = read(OPTIONS.live)
  const verbose = read(OPTIONS.verbose)
  const targetsFile = join(dir, 'TARGETS.tsv')
  if (!existsSync(targetsFile)) throw new UsageError(`${targetsFile} not found`)
  const targets = readTargets(readFileSync(targetsFile, 'utf8'))
  const goldens = read(OPTIONS.goldens) || join(dir, 'golden')
  const oracle = read(OPTIONS.oracle) || join(dir, '..', 'oracle', 'analyze')

  let allIdentical = true
  for (const version of versions) {
    const summary = live ? null : readSummary(join(goldens, version, 'SUMMARY.tsv'))
    let identical = 0
    let stdoutIdentical = 0
    let stderrIdentical = 0
    for (const t of targets) {
      const expected = live ? runOracle(oracle, version, dir, t) : goldenFor(goldens, version, t, summary!)
      const { stdout, stderr } = compare(io, dir, version, t, expected)
      if (stdout !== null) io.stdout(`MISMATCH ${version} ${t.path}: ${stdout}\n`)
      else stdoutIdentical++
      if (stderr !== null) io.stdout(`MISMATCH ${version} ${t.path}: stderr ${stderr}\n`)
      else stderrIdentical++
      if (stdout === null && stderr === null) {
        identical++
        if (verbose) io.stdout(`identical ${version} ${t.path}\n`)
      }
    }
    const n = targets.length
    io.stdout(
      `systemd ${version}: ${identical}/${n} identical (stdout ${stdoutIdentical}/${n}, stderr ${stderrIdentical}/${n})\n`,
    )
    if (identical !== n) allIdentical = false
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

/** For standard output and standard error: null when identical, else what differs first. */
function compare(
  io: CliIO,
  dir: string,
  version: SystemdVersion,
  t: Target,
  expected: Expected,
): { stdout: string | null; stderr: string | null } {
  const stderr = (ours: string): string | null =>
    expected.stderr === null
      ? null
      : compareStderr(normalisePaths(io, dir, ours), normalisePaths(io, dir, expected.stderr))
  let policy
  let threshold = 100
  for (const a of t.args) {
    const [k, v] = a.split('=', 2) as [string, string | undefined]
    if (k === '--security-policy' && v) {
      try {
        policy = parseSecurityPolicy(readFileSync(join(dir, v), 'utf8'), v, VERSION_TRAITS[version])
      } catch (e) {
        // An unreadable or refused policy fails the whole call, as in systemd-analyze.
        return {
          stdout: expected.rc === 1 && expected.rows === null ? null : `we refuse the policy: ${errorMessage(e)}`,
          stderr: stderr(`${errorMessage(e)}\n`),
        }
      }
    } else if (k === '--threshold' && v !== undefined) {
      const parsed = THRESHOLD.parse(v)
      if (parsed === undefined)
        return {
          stdout: expected.rc === 1 && expected.rows === null ? null : `we refuse --threshold=${v}, systemd accepts it`,
          stderr: stderr(''),
        }
      threshold = parsed
    }
  }
  // The oracle runs in the corpus directory on the target's relative path: links read from there.
  const location = { workingDirectory: dir, absoluteRoot: io.cwd }
  const r = assessUnitFile(io.source, join(dir, t.path), policy ? { version, policy, location } : { version, location })
  const shellCwd = io.shellCwd ?? io.cwd
  return {
    stdout: compareStdout(r, expected, threshold),
    stderr: stderr(unitMessages(r, (file) => systemdPath(file, shellCwd))),
  }
}

function compareStdout(r: AssessResult, expected: Expected, threshold: number): string | null {
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

/**
 * The one normalisation before standard error is compared, on both sides: systemd-analyze ran in
 * the corpus directory on the target's relative path (the goldens name files relative to that
 * directory, a live run absolutely), we from elsewhere on DIR/path. A path under DIR — absolute,
 * with links resolved or not, or as given — is made relative to DIR. Nothing else is changed.
 */
function normalisePaths(io: CliIO, dir: string, text: string): string {
  const absolute = resolve(io.cwd, dir)
  const prefixes = [
    `${systemdPath(dir, io.shellCwd ?? io.cwd)}/`,
    `${absolute}/`,
    `${realpathSync(absolute)}/`,
    `${join(dir, '.')}/`,
  ]
  return prefixes.reduce((t, p) => t.split(p).join(''), text)
}

/** null when the lines are the same, else the first that differs. */
function compareStderr(ours: string, theirs: string): string | null {
  const a = lines(ours)
  const b = lines(theirs)
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue
    if (a[i] === undefined) return `line ${i + 1}: systemd's ${JSON.stringify(b[i])}, ours missing`
    if (b[i] === undefined) return `line ${i + 1}: ours ${JSON.stringify(a[i])}, systemd prints no more`
    return `line ${i + 1}: ours ${JSON.stringify(a[i])}, systemd's ${JSON.stringify(b[i])}`
  }
  return null
}

function lines(text: string): string[] {
  const l = text.split('\n')
  if (l[l.length - 1] === '') l.pop()
  return l
}
