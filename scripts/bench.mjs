#!/usr/bin/env node
// npm run bench: speed and memory, measured against systemd-analyze in the same run.
//
// 1. Scoring: the corpus (../shared/corpus, or --corpus DIR) replicated to >= 2,500 units,
//    scored in ONE process by the bundled CLI, and by `systemd-analyze security --offline=true`
//    batched (all units in one call) on the same files. Prints both times, units/s, the ratio
//    and peak memory (RSS) of each.
// Further sections (diff, action) are added by the scripts under scripts/bench/.
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve('../shared/corpus') },
    units: { type: 'string', default: '2580' },
    'systemd-analyze': { type: 'string', default: '/usr/bin/systemd-analyze' },
    runs: { type: 'string', default: '3' },
  },
})

const cli = resolve('dist/cli.js')
if (!existsSync(cli)) throw new Error('dist/cli.js missing: run npm run bundle')
const runs = Number(values.runs)

function measure(cmd, args, opts = {}) {
  // GNU time reports peak RSS; without it we still report wall time.
  const hasTime = existsSync('/usr/bin/time')
  const started = process.hrtime.bigint()
  const r = hasTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts })
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const lastLine = hasTime ? r.stderr.trim().split('\n').pop() : ''
  const peakKiB = hasTime ? Number(lastLine) : NaN
  return { seconds, peakKiB, status: r.status, stdout: r.stdout }
}

function best(fn) {
  let bestRun
  for (let i = 0; i < runs; i++) {
    const m = fn()
    if (!bestRun || m.seconds < bestRun.seconds) bestRun = m
  }
  return bestRun
}

const fmt = (s) => `${(s * 1000).toFixed(0)} ms`
const mib = (k) => (Number.isNaN(k) ? 'n/a' : `${(k / 1024).toFixed(1)} MiB`)

function scoringBench() {
  const corpus = values.corpus
  if (!existsSync(join(corpus, 'TARGETS.tsv'))) {
    console.log(`scoring: skipped, no corpus at ${corpus} (pass --corpus DIR)`)
    return
  }
  const targets = readFileSync(join(corpus, 'TARGETS.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t')[0])
  const want = Number(values.units)
  const copies = Math.ceil(want / targets.length)
  const work = mkdtempSync(join(tmpdir(), 'sdx-bench-'))
  try {
    const entries = readdirSync(corpus).filter((e) => !['golden', 'MANIFEST.tsv', 'TARGETS.tsv', 'README.md'].includes(e))
    const files = []
    for (let c = 0; c < copies; c++) {
      const dst = join(work, `copy${c}`)
      for (const e of entries) cpSync(join(corpus, e), join(dst, e), { recursive: true })
      for (const t of targets) if (files.length < want) files.push(join(dst, t))
    }
    console.log(`scoring: ${files.length} units (${targets.length} corpus targets x ${copies})`)
    const ours = best(() => measure(process.execPath, [cli, 'score', '--format', 'json', '--systemd-version', '252', ...files]))
    const scored = JSON.parse(ours.stdout).filter((r) => r.exposure !== undefined).length
    console.log(`  systemd-exposure score: ${fmt(ours.seconds)} (${Math.round(files.length / ours.seconds)} units/s), peak RSS ${mib(ours.peakKiB)}, ${scored} scored`)
    const sa = values['systemd-analyze']
    if (!existsSync(sa)) {
      console.log(`  systemd-analyze: not found at ${sa}, no ratio`)
      return
    }
    const version = execFileSync(sa, ['--version'], { encoding: 'utf8' }).split('\n')[0]
    const theirs = best(() =>
      measure(sa, ['--no-pager', 'security', '--offline=true', '--json=short', ...files], {
        env: { ...process.env, SYSTEMD_COLORS: '0', SYSTEMD_PAGER: 'cat' },
      }),
    )
    console.log(`  ${version} batched: ${fmt(theirs.seconds)} (${Math.round(files.length / theirs.seconds)} units/s), peak RSS ${mib(theirs.peakKiB)}`)
    console.log(`  ratio: ${(theirs.seconds / ours.seconds).toFixed(1)}x faster than systemd-analyze (best of ${runs} runs each)`)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

scoringBench()
