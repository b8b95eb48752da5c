#!/usr/bin/env node
// Checks `systemd-exposure recommend` against the real systemd-analyze (not part of the test
// suite, which must pass without it).
//
// For every target of a corpus (TARGETS.tsv) and every systemd version, it asks the bundled CLI
// for the recommendation, copies the target's directory (the unit, its drop-ins, its siblings)
// into a scratch directory, writes the suggested drop-in next to the unit, and runs the oracle
// (`oracle/analyze VERSION UNIT`, ORACLE_TEXT=1) on it. A target passes when:
//   - systemd's score without the drop-in is our "exposure",
//   - with the whole drop-in it is our "predicted",
//   - with the drop-in cut after each phase it is that phase's "exposure",
//   - systemd prints no warning line that it did not print without the drop-in.
//
// usage: node scripts/check-recommendations.mjs [CORPUS_DIR] [--versions 252,257] [--cli dist/cli.js]
//          [--oracle PATH] [--only REGEX] [--jobs N] [--no-phases] [--verbose]
// CORPUS_DIR defaults to ../shared/corpus; the oracle to CORPUS_DIR/../oracle/analyze.
import { SYSTEMD_VERSIONS } from './lib/systemd-versions.mjs'
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    versions: { type: 'string', default: SYSTEMD_VERSIONS.join(',') },
    cli: { type: 'string', default: 'dist/cli.js' },
    oracle: { type: 'string' },
    'no-phases': { type: 'boolean', default: false },
    only: { type: 'string' },
    jobs: { type: 'string', default: '4' },
    verbose: { type: 'boolean', default: false },
  },
})
const corpus = resolve(positionals[0] ?? '../shared/corpus')
const oracle = resolve(values.oracle ?? join(corpus, '..', 'oracle', 'analyze'))
const versions = values.versions.split(',')
const targets = readFileSync(join(corpus, 'TARGETS.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l.trim() !== '')
  .map((l) => l.split('\t')[0])
  .filter((t) => values.only === undefined || new RegExp(values.only).test(t))

let cli = resolve(values.cli)
const scratch = mkdtempSync(join(tmpdir(), 'check-recommendations-'))
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }))

async function recommend(version) {
  const run = () =>
    spawnSync(process.execPath, [cli, 'recommend', '--format', 'json', '--systemd-version', version, ...targets], {
      cwd: corpus,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
  let r = run()
  if (r.status === 2 && /unknown command 'recommend'/.test(r.stderr)) {
    // The bundle predates the `recommend` command being wired into the CLI: bundle it on the side.
    cli = await bundleRecommendCli()
    console.error(`note: ${values.cli} has no 'recommend' command yet; using a side bundle of src/cli/recommend.ts`)
    r = run()
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`recommend failed (${r.status}): ${r.stderr}`)
  return JSON.parse(r.stdout)
}

async function bundleRecommendCli() {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
  const entry = join(scratch, 'recommend-entry.mjs')
  writeFileSync(
    entry,
    `import { defaultIO } from ${JSON.stringify(join(root, 'src/cli/main.ts'))}\n` +
      `import { recommendCommand } from ${JSON.stringify(join(root, 'src/cli/recommend.ts'))}\n` +
      `const [command, ...rest] = process.argv.slice(2)\n` +
      `if (command !== 'recommend') throw new Error('only recommend')\n` +
      `process.exitCode = recommendCommand(rest, defaultIO())\n`,
  )
  const out = join(scratch, 'recommend-cli.mjs')
  const { build } = await import('esbuild')
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  })
  return out
}

function analyze(version, unit) {
  return new Promise((done, fail) => {
    const child = spawn(oracle, [version, unit], { env: { ...process.env, ORACLE_TEXT: '1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('error', fail)
    child.on('close', (rc) => {
      const m = /Overall exposure level for (\S+): (\d+\.\d) (\S+)/.exec(stdout)
      const warnings = stderr.split('\n').filter((l) => l.trim() !== '')
      done({ score: m ? m[2] : null, unit: m ? m[1] : null, warnings, rc })
    })
  })
}

/** Runs `work` on every item, `jobs` at a time. */
async function pool(items, jobs, work) {
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      await work(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker))
}

/** The drop-in cut after phase k (1-based): header, [Service], and the blocks of phases 1..k. */
function phasePrefix(content, k) {
  const lines = content.split('\n')
  const starts = lines.map((l, i) => (/^# Phase \d+:/.test(l) ? i : -1)).filter((i) => i >= 0)
  const end = k < starts.length ? starts[k] : lines.length
  return lines.slice(0, end).join('\n') + '\n'
}

let failed = false
for (const version of versions) {
  const results = await recommend(version)
  let exact = 0
  let phasesChecked = 0
  let withPhases = 0
  let refused = 0
  const problems = []
  await pool(results, Number(values.jobs), async (r, i) => {
    const target = targets[i]
    const work = join(scratch, `${version}-${i}`)
    const pkg = dirname(join(corpus, target))
    cpSync(pkg, work, { recursive: true })
    const unit = join(work, target.slice(target.lastIndexOf('/') + 1))
    const before = await analyze(version, unit)
    if (r.error !== undefined) {
      // Refusing a unit systemd refuses too is agreement.
      if (before.score === null) refused++
      else problems.push(`${target}: recommend failed (${r.error}), systemd scores it ${before.score}`)
      rmSync(work, { recursive: true, force: true })
      return
    }
    const issues = []
    if (before.score !== r.exposure.toFixed(1))
      issues.push(`now: systemd ${before.score}, ours ${r.exposure.toFixed(1)}`)
    const dropin = join(dirname(unit), r.dropin.path)
    mkdirSync(dirname(dropin), { recursive: true })
    const check = async (content, expected, what) => {
      writeFileSync(dropin, content)
      const after = await analyze(version, unit)
      if (after.score !== expected.toFixed(1))
        issues.push(`${what}: systemd ${after.score}, predicted ${expected.toFixed(1)}`)
      const fresh = after.warnings.filter((w) => !before.warnings.includes(w))
      if (fresh.length > 0) issues.push(`${what}: new warnings: ${fresh.join(' | ')}`)
    }
    await check(r.dropin.content, r.predicted, 'whole drop-in')
    if (!values['no-phases']) {
      for (const [k, p] of r.phases.slice(0, -1).entries()) {
        await check(phasePrefix(r.dropin.content, k + 1), p.exposure, `up to phase ${k + 1} (${p.name})`)
        phasesChecked++
      }
    }
    if (r.phases.length > 0) withPhases++
    rmSync(work, { recursive: true, force: true })
    if (issues.length === 0) exact++
    else problems.push(`${target}: ${issues.join('; ')}`)
    if (values.verbose)
      console.log(`${version} ${target}: ${r.exposure} -> ${r.predicted} ${issues.length === 0 ? 'ok' : 'MISMATCH'}`)
  })
  for (const p of problems) console.log(`MISMATCH ${version} ${p}`)
  console.log(
    `systemd ${version}: ${exact + refused}/${results.length} targets agree with systemd ` +
      `(${exact} predicted exactly, ${withPhases} with a drop-in, ${phasesChecked} intermediate phases checked, ` +
      `no new warnings; ${refused} refused by both)`,
  )
  if (exact + refused !== results.length) failed = true
}
process.exitCode = failed ? 1 : 0
