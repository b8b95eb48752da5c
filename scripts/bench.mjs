#!/usr/bin/env node
// npm run bench: speed and memory, measured against systemd-analyze in the same run.
//
// 1. Scoring: the corpus (../shared/corpus, or --corpus DIR) replicated to >= 2,500 units,
//    scored in ONE process by the bundled CLI, and by `systemd-analyze security --offline=true`
//    batched (all units in one call) on the same files. Prints both times, units/s, the ratio
//    and peak memory (RSS) of each. The two tools' runs alternate (ours, theirs, ours, …): on a
//    shared machine speed drifts by tens of percent within minutes, and alternating exposes both
//    to the same drift. Also prints Node's own start-up (`node -e 0`), the floor under any
//    whole-process time of ours. NODE_EXTRA_CA_CERTS, when the environment sets it (these
//    sandboxes do; GitHub's runners and most desks do not), makes every Node process load that
//    CA bundle before running anything (about 40 ms here); ours is then measured both without
//    it (the headline, as a runner would run it) and with it, and both ratios are printed.
//    Last, the floor: a Node process that only makes the reads (files and directory listings)
//    any loader of these units must make, and the ratio that would leave.
//    Each tool writes its output to a file (--pipe: to a pipe read by this script, which then
//    times this script's reading too). Options: --cli FILE (another build, for before/after
//    numbers), --profile (where one run's CPU time goes).
// Further sections (diff, action) are added by the scripts under scripts/bench/.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  closeSync,
  cpSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve('../shared/corpus') },
    units: { type: 'string', default: '2580' },
    'systemd-analyze': { type: 'string', default: '/usr/bin/systemd-analyze' },
    runs: { type: 'string', default: '5' },
    // Also run the scoring once under --cpu-prof and print where its time goes.
    profile: { type: 'boolean', default: false },
    // Another build of the CLI to measure (e.g. an older dist/cli.js, for before/after numbers).
    cli: { type: 'string', default: 'dist/cli.js' },
    // Capture the tools' output through a pipe into this process instead of a file (see measure()).
    pipe: { type: 'boolean', default: false },
  },
})

const cli = resolve(values.cli)
if (!existsSync(cli)) throw new Error(`${values.cli} missing: run npm run bundle`)
const runs = Number(values.runs)

/**
 * Runs one command and times it. Its standard output goes to a file: both tools print ~35 MB
 * of JSON for 2,580 units, and reading that from a pipe (spawnSync collecting and decoding it)
 * costs this harness over a second on a small machine — the same for both tools, so it measured
 * the harness and pulled the ratio towards 1. --pipe restores the pipe.
 */
function measure(cmd, args, outFile, opts = {}) {
  // GNU time reports peak RSS; without it we still report wall time.
  const hasTime = existsSync('/usr/bin/time')
  const fd = values.pipe ? null : openSync(outFile, 'w')
  const spawnOpts = {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(fd === null ? {} : { stdio: ['ignore', fd, 'pipe'] }),
    ...opts,
  }
  const started = process.hrtime.bigint()
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], spawnOpts)
    : spawnSync(cmd, args, spawnOpts)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (fd !== null) closeSync(fd)
  const lastLine = hasTime ? r.stderr.trim().split('\n').pop() : ''
  const peakKiB = hasTime ? Number(lastLine) : NaN
  return { seconds, peakKiB, status: r.status, stdout: () => (fd === null ? r.stdout : readFileSync(outFile, 'utf8')) }
}

/**
 * A script for `node -e`: open+read+close each unit file of the list (argv[1]), list each unit's
 * directory once, and list and read the drop-in directories (`*.d`) found there.
 */
const READS_ONLY = `
const fs = require('fs'), buf = Buffer.allocUnsafe(65536), listed = new Set()
const read = (p) => { try { const fd = fs.openSync(p, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK); try { fs.readSync(fd, buf, 0, buf.length, null) } finally { fs.closeSync(fd) } } catch {} }
const list = (d) => { try { return fs.readdirSync(d) } catch { return [] } }
for (const p of fs.readFileSync(process.argv[1], 'utf8').split('\\n')) {
  read(p)
  const dir = p.slice(0, p.lastIndexOf('/'))
  if (listed.has(dir)) continue
  listed.add(dir)
  for (const e of list(dir)) if (e.endsWith('.d')) for (const c of list(dir + '/' + e)) if (c.endsWith('.conf')) read(dir + '/' + e + '/' + c)
}
`

/** The fastest of some runs of one command, and their median time. */
function summary(measured) {
  const sorted = [...measured].sort((a, b) => a.seconds - b.seconds)
  const mid = sorted.length >> 1
  const median = sorted.length % 2 ? sorted[mid].seconds : (sorted[mid - 1].seconds + sorted[mid].seconds) / 2
  return { best: sorted[0], median }
}

const fmt = (s) => `${(s * 1000).toFixed(0)} ms`
const mib = (k) => (Number.isNaN(k) ? 'n/a' : `${(k / 1024).toFixed(1)} MiB`)

function scoringBench() {
  const corpus = values.corpus
  if (!existsSync(join(corpus, 'TARGETS.tsv'))) {
    console.log(`scoring: skipped, no corpus at ${corpus} (pass --corpus DIR)`)
    return
  }
  const targets = readFileSync(join(corpus, 'TARGETS.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t')[0])
  const want = Number(values.units)
  const copies = Math.ceil(want / targets.length)
  const work = mkdtempSync(join(tmpdir(), 'sdx-bench-'))
  try {
    const entries = readdirSync(corpus).filter(
      (e) => !['golden', 'MANIFEST.tsv', 'TARGETS.tsv', 'README.md'].includes(e),
    )
    const files = []
    for (let c = 0; c < copies; c++) {
      const dst = join(work, `copy${c}`)
      for (const e of entries) cpSync(join(corpus, e), join(dst, e), { recursive: true })
      for (const t of targets) if (files.length < want) files.push(join(dst, t))
    }
    console.log(`scoring: ${files.length} units (${targets.length} corpus targets x ${copies})`)
    const sa = values['systemd-analyze']
    const haveSa = existsSync(sa)
    const runOurs = (env) =>
      measure(
        process.execPath,
        [cli, 'score', '--format', 'json', '--systemd-version', '252', ...files],
        join(work, 'ours.json'),
        { env },
      )
    const runTheirs = () =>
      measure(sa, ['--no-pager', 'security', '--offline=true', '--json=short', ...files], join(work, 'theirs.json'), {
        env: { ...process.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: 'cat' },
      })
    const runNode = (env) => measure(process.execPath, ['-e', '0'], join(work, 'node.out'), { env })
    // The reads any loader of these units must make, and nothing else, from a fresh Node process.
    writeFileSync(join(work, 'files.txt'), files.join('\n'))
    const runReads = (env) =>
      measure(process.execPath, ['-e', READS_ONLY, join(work, 'files.txt')], join(work, 'reads.out'), { env })
    const extraCerts = process.env['NODE_EXTRA_CA_CERTS']
    const runnerEnv = { ...process.env }
    delete runnerEnv['NODE_EXTRA_CA_CERTS']
    const oursRuns = []
    const oursWithCertsRuns = []
    const theirRuns = []
    const nodeRuns = []
    const readRuns = []
    for (let i = 0; i < runs; i++) {
      oursRuns.push(runOurs(runnerEnv))
      if (haveSa) theirRuns.push(runTheirs())
      if (extraCerts !== undefined) oursWithCertsRuns.push(runOurs(process.env))
      nodeRuns.push(runNode(runnerEnv))
      readRuns.push(runReads(runnerEnv))
    }
    const ours = summary(oursRuns)
    const scored = JSON.parse(ours.best.stdout()).filter((r) => r.exposure !== undefined).length
    console.log(
      `  systemd-exposure score: ${fmt(ours.best.seconds)} best, ${fmt(ours.median)} median (${Math.round(files.length / ours.best.seconds)} units/s), peak RSS ${mib(ours.best.peakKiB)}, ${scored} scored`,
    )
    const node = summary(nodeRuns)
    const reads = summary(readRuns)
    console.log(
      `  node -e 0 (start-up alone${extraCerts !== undefined ? ', without NODE_EXTRA_CA_CERTS' : ''}): ${fmt(node.best.seconds)} best`,
    )
    if (values.profile) profileScoring(files, work)
    if (!haveSa) {
      console.log(`  systemd-analyze: not found at ${sa}, no ratio`)
      return
    }
    const version = execFileSync(sa, ['--version'], { encoding: 'utf8' }).split('\n')[0]
    const theirs = summary(theirRuns)
    console.log(
      `  ${version} batched: ${fmt(theirs.best.seconds)} best, ${fmt(theirs.median)} median (${Math.round(files.length / theirs.best.seconds)} units/s), peak RSS ${mib(theirs.best.peakKiB)}`,
    )
    console.log(
      `  ratio: ${(theirs.best.seconds / ours.best.seconds).toFixed(1)}x faster than systemd-analyze (best of ${runs} alternating runs each; ${(theirs.median / ours.median).toFixed(1)}x by medians)`,
    )
    if (extraCerts !== undefined) {
      const withCerts = summary(oursWithCertsRuns)
      console.log(
        `  with this environment's NODE_EXTRA_CA_CERTS: ${fmt(withCerts.best.seconds)} best, ${fmt(withCerts.median)} median; ratio ${(theirs.best.seconds / withCerts.best.seconds).toFixed(1)}x`,
      )
    }
    console.log(
      `  ceiling: ${(theirs.best.seconds / node.best.seconds).toFixed(1)}x (systemd-analyze's time over Node's start-up alone)`,
    )
    console.log(
      `  floor: a Node process that only reads the unit files and lists their directories takes ${fmt(reads.best.seconds)}: at most ${(theirs.best.seconds / reads.best.seconds).toFixed(1)}x with no parsing, scoring or printing at all`,
    )
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** One profiled run of the same command: the functions with the most self time, and the total. */
function profileScoring(files, work) {
  const dir = join(work, 'profile')
  spawnSync(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-dir', dir, cli, 'score', '--format', 'json', '--systemd-version', '252', ...files],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
  if (!file) return
  const prof = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  const nodes = new Map(prof.nodes.map((n) => [n.id, n]))
  const self = new Map()
  let total = 0
  prof.samples.forEach((id, i) => {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + prof.timeDeltas[i])
    total += prof.timeDeltas[i]
  })
  console.log(`  profile (one run, ${fmt(total / 1e6)} sampled; self time):`)
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`    ${fmt(us / 1e6).padStart(8)} ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key}`)
  }
}

scoringBench()
