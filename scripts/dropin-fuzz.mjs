#!/usr/bin/env node
// dropin-fuzz.mjs — does our loader stop reading where systemd stops? For every key a version
// knows (src/unit/key-parsers.generated.ts) and a set of hostile values, writes a unit whose
// drop-in (or fragment) says `Key=<value>` followed by a hardening line (`User=app`), scores all
// of them with our engine and with the real `systemd-analyze security --offline=true` of that
// version (the oracle), and compares each unit's table. When systemd gives up on the rest of the
// file (or refuses the unit) and we read on — or the reverse — the `User=` row and the exposure
// differ, and the case is reported.
//
// usage: node scripts/dropin-fuzz.mjs [--versions "252 257"] (default: every supported version) [--seed N] [--count M]
//                                     [--oracle PATH] [--batch N] [--keep DIR] [--keys REGEX]
//   --count M   a seeded sample of M cases per version (default 0: every key × value × placement)
//   --seed N    the sample's seed (default 1); same seed, count and keys: same cases
//   --oracle    oracle/analyze script (default ../shared/oracle/analyze beside the repository)
//   --batch N   units per systemd-analyze / systemd-exposure call (default 150)
//   --keep DIR  write the units to DIR and keep them (default: a temporary directory)
//   --keys RE   only keys (`Section.Key`) matching RE
//
// Needs dist/ built (npm run bundle). Prints one MISMATCH line per differing case (KNOWN for the
// listed differences not modelled yet, which do not fail the run) and a summary
// per version; exit status 1 when any case differs, 2 for usage errors.
import { SYSTEMD_VERSIONS } from './lib/systemd-versions.mjs'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = join(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Values that made parsers fail in the red team's fuzz, and shapes their parsers refuse: failing
 * specifiers (with and without the `-` "ignore" prefix), paths that are not normalized, relative,
 * too long or in API file systems, broken quoting and escapes, stray `%`, the literal `\;`,
 * numbers out of range, separators without fields, raw control characters, and an image policy
 * with an unknown flag.
 */
export const HOSTILE_VALUES = [
  '%z',
  '-%z',
  '~%z',
  '@%z',
  'a%-b',
  'trail%',
  '/a/../b',
  '/a/.',
  '/a/b/',
  '.',
  'rel/ative',
  '/proc/x',
  `/${'a'.repeat(256)}`,
  '"unbalanced',
  "'a b'",
  'x\\q',
  '\\;',
  'a\x01b',
  '-1',
  '0',
  'infinity',
  '99999999999999999999999',
  ':',
  'a:b:c:d',
  'root=verity+signed:usr=bogus',
]

/**
 * Differences we know of and have not modelled yet, each with why: printed as KNOWN, they do not
 * fail the run. Anything else that differs does.
 */
const KNOWN = [
  {
    versions: ['262'],
    key: 'Service.OOMRules',
    why: '262 offline: a valid rule name makes the unit fail to load (No such file or directory) unless DefaultDependencies=no; not a parser failure',
  },
]

const known = (version, c) =>
  KNOWN.find((k) => k.versions.includes(version) && k.key === c.key && (!k.values || k.values.includes(c.value)))

/** How a unit of each section's type is written: its file name, its base lines, its hardening line's section. */
const TYPES = {
  Unit: { type: 'service' },
  Service: { type: 'service' },
  Install: { type: 'service' },
  Socket: { type: 'socket' },
  Mount: { type: 'mount' },
  Swap: { type: 'swap' },
}

function unitFor(type, id) {
  switch (type) {
    case 'service':
      return { file: `${id}.service`, section: 'Service', base: 'ExecStart=/bin/true\n' }
    case 'socket':
      return { file: `${id}.socket`, section: 'Socket', base: `ListenStream=/run/${id}.sock\n` }
    case 'mount':
      return { file: `mnt-${id}.mount`, section: 'Mount', base: `What=/dev/sda1\nWhere=/mnt/${id}\n` }
    case 'swap':
      return { file: `dev-${id}.swap`, section: 'Swap', base: `What=/dev/${id}\n` }
  }
  throw new Error(type)
}

function parseArgs(argv) {
  const o = {
    versions: [...SYSTEMD_VERSIONS],
    seed: 1,
    count: 0,
    oracle: join(repo, '..', 'shared', 'oracle', 'analyze'),
    batch: 150,
    keep: null,
    keys: null,
  }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const take = () => {
      const eq = a.indexOf('=')
      if (eq >= 0) return a.slice(eq + 1)
      if (i + 1 >= argv.length) usage(`missing value for ${a}`)
      return argv[++i]
    }
    const int = (s) => (/^\d+$/.test(s) ? Number(s) : usage(`${a}: not a number: ${s}`))
    if (a === '-h' || a === '--help') {
      process.stdout.write(
        readFileSync(fileURLToPath(import.meta.url), 'utf8')
          .split('\n')
          .slice(1, 20)
          .map((l) => l.replace(/^\/\/ ?/, ''))
          .join('\n') + '\n',
      )
      process.exit(0)
    } else if (a.startsWith('--versions'))
      o.versions = take()
        .split(/[\s,]+/)
        .filter(Boolean)
    else if (a.startsWith('--seed')) o.seed = int(take())
    else if (a.startsWith('--count')) o.count = int(take())
    else if (a.startsWith('--oracle')) o.oracle = take()
    else if (a.startsWith('--batch')) o.batch = Math.max(1, int(take()))
    else if (a.startsWith('--keep')) o.keep = take()
    else if (a.startsWith('--keys')) o.keys = new RegExp(take())
    else usage(`unknown argument ${a}`)
  }
  return o
}

function usage(message) {
  process.stderr.write(`dropin-fuzz: ${message}\n`)
  process.exit(2)
}

/** The keys each version knows, read from the generated table (its BASE and per-version CHANGES). */
function knownKeys(version) {
  const text = readFileSync(join(repo, 'src/unit/key-parsers.generated.ts'), 'utf8')
  const keys = new Set()
  const read = (groups) => {
    for (const line of JSON.parse(`"${groups}"`).split('\n')) for (const k of line.split(' ').slice(1)) keys.add(k)
  }
  read(/const BASE = "([^"]*)"/.exec(text)[1])
  const change = new RegExp(`'${version}': \\{ added: "([^"]*)", removed: "([^"]*)" \\}`).exec(text)
  if (change) {
    for (const k of change[2].split(' ')) keys.delete(k)
    read(change[1])
  }
  return [...keys].sort()
}

/** splitmix32-seeded sfc32: the same sample on every machine. */
function makeRng(seed) {
  let s = seed >>> 0
  const mix = () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
  let a = mix(),
    b = mix(),
    c = mix(),
    d = mix()
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t / 4294967296
  }
}

/** Every case of a version (key × value × placement), or a seeded sample of `count` of them. */
function casesFor(version, o) {
  const all = []
  for (const key of knownKeys(version)) {
    const section = key.slice(0, key.indexOf('.'))
    if (!TYPES[section] || (o.keys && !o.keys.test(key))) continue
    for (const value of HOSTILE_VALUES)
      for (const placement of ['dropin', 'fragment']) all.push({ key, section, value, placement })
  }
  if (o.count === 0 || o.count >= all.length) return all
  const rng = makeRng(o.seed * 1000 + Number(version))
  // Partial Fisher-Yates: the first `count` of a seeded shuffle.
  for (let i = 0; i < o.count; i++) {
    const j = i + Math.floor(rng() * (all.length - i))
    ;[all[i], all[j]] = [all[j], all[i]]
  }
  return all.slice(0, o.count)
}

/** Writes one case: the unit (and its drop-in); returns the unit file's name. */
function writeCase(dir, c, index) {
  const id = `f${String(index).padStart(5, '0')}`
  const u = unitFor(TYPES[c.section].type, id)
  const hostile = `[${c.section}]\n${c.key.slice(c.section.length + 1)}=${c.value}\n`
  const hardening = `[${u.section}]\nUser=app\n`
  if (c.placement === 'dropin') {
    writeFileSync(join(dir, u.file), `[${u.section}]\n${u.base}`)
    mkdirSync(join(dir, `${u.file}.d`))
    writeFileSync(join(dir, `${u.file}.d`, '50-fuzz.conf'), hostile + hardening)
  } else {
    writeFileSync(join(dir, u.file), `[${u.section}]\n${u.base}${hostile}${hardening}`)
  }
  return u.file
}

/** Text tables by unit name, from `systemd-analyze security` text output (ours prints the same). */
function tablesByUnit(stdout) {
  const out = new Map()
  let block = []
  for (const line of stdout.split('\n')) {
    const m = /Overall exposure level for (\S+):/.exec(line)
    if (m) {
      out.set(m[1], [...block, line].join('\n'))
      block = []
    } else if (line !== '') block.push(line)
  }
  return out
}

function run(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30 })
  if (r.error) throw r.error
  return r.stdout ?? ''
}

/** Unit names as the tables name them (the file name). */
const unitName = (file) => file

/** What differs, in words, or null. */
function difference(ours, theirs) {
  if (ours === undefined && theirs === undefined) return null
  if (theirs === undefined) return 'systemd refuses the unit, we load it'
  if (ours === undefined) return 'we refuse the unit, systemd loads it'
  if (ours === theirs) return null
  const user = (t) => /User=\/DynamicUser=\s+(.*?)\s{2,}/.exec(t)?.[1] ?? ''
  const [u, v] = [user(ours), user(theirs)]
  if (u !== v)
    return `User=: ours "${u}", systemd's "${v}" (${/non-root/.test(u) ? 'systemd stops reading before it, we read on' : 'we stop reading before it, systemd reads on'})`
  const a = ours.split('\n')
  const b = theirs.split('\n')
  const i = a.findIndex((l, k) => l !== b[k])
  return `row differs: ours ${JSON.stringify(a[i]?.trim())}, systemd's ${JSON.stringify(b[i]?.trim())}`
}

function main() {
  const o = parseArgs(process.argv.slice(2))
  if (!existsSync(o.oracle)) usage(`oracle not found at ${o.oracle}`)
  const cli = join(repo, 'dist/cli.js')
  if (!existsSync(cli)) usage('dist/cli.js not found: run npm run bundle')
  let differing = 0
  let knownCount = 0
  for (const version of o.versions) {
    const cases = casesFor(version, o)
    const root = o.keep ? join(o.keep, version) : mkdtempSync(join(tmpdir(), 'dropin-fuzz-'))
    if (o.keep) {
      rmSync(root, { recursive: true, force: true })
      mkdirSync(root, { recursive: true })
    }
    const kinds = new Map()
    for (let start = 0; start < cases.length; start += o.batch) {
      const batch = cases.slice(start, start + o.batch)
      const dir = join(root, `b${start / o.batch}`)
      mkdirSync(dir)
      const files = batch.map((c, i) => writeCase(dir, c, start + i))
      const theirs = tablesByUnit(run(o.oracle, [version, ...files], dir, { ORACLE_TEXT: '1' }))
      const ours = tablesByUnit(run(process.execPath, [cli, 'score', '--systemd-version', version, ...files], dir))
      batch.forEach((c, i) => {
        const d = difference(ours.get(unitName(files[i])), theirs.get(unitName(files[i])))
        if (d === null) return
        const k = known(version, c)
        if (k) {
          knownCount++
          process.stdout.write(`KNOWN ${version} ${c.placement} ${c.key}=${JSON.stringify(c.value)}: ${d} (${k.why})\n`)
          return
        }
        differing++
        const kind = d.replace(/[:(].*/, '').trim()
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1)
        process.stdout.write(
          `MISMATCH ${version} ${c.placement} ${c.key}=${JSON.stringify(c.value)} (${join(dir, files[i])}): ${d}\n`,
        )
      })
    }
    const n = [...kinds.values()].reduce((a, b) => a + b, 0)
    const detail = [...kinds].map(([k, v]) => `${v} ${k}`).join(', ')
    process.stdout.write(
      `dropin-fuzz ${version}: ${cases.length} cases, ${cases.length - n - knownCount} identical, ${n} differ${n ? ` (${detail})` : ''}, ${knownCount} known\n`,
    )
    knownCount = 0
    if (!o.keep) rmSync(root, { recursive: true, force: true })
  }
  process.exit(differing === 0 ? 0 : 1)
}

main()
