#!/usr/bin/env node
// Checks src/model/syscall-data.generated.ts against the real systemd-analyze binaries of the
// oracle (/work/shared/oracle/analyze, see README.md). Prints a report; exit 1 on any mismatch.
//
//   node scripts/gen-syscalls/verify.mjs [VERSION...]
//
// Per version V (units are tiny `[Service] ExecStart=/bin/true SystemCallFilter=...` files):
//   A  known:  `SystemCallFilter=~NAME` for every name known to any of the libseccomps, every
//              member of any listing and a few made-up names. The parser must warn about NAME
//              ("Failed to parse system call" / "is not known") and the assessors must say
//              "Service does not filter system calls" iff NAME is not in known[V].
//   B  groups: `SystemCallFilter=~@G` for every group name of any listing: "Unknown system call
//              group" iff G is not in V's listing.
//   C  native, for each assessed group G (doc §5.3), E = its recursive expansion in table order,
//      R = E ∩ native[V]:
//        C1 deny `~R...` (spelled out)        -> row G badness 0;
//        C2 deny `~(R \ {m}) FILLER` per m∈R  -> row G badness 10, "e.g. m is allowed";
//        C3 allow `m` for every m∈E           -> row G 9 ("e.g. m is allowed") iff m∈native[V], else 0.
//   D  @mount / open_tree_attr: `~@mount` vs `~<@mount of each version, spelled out>` vs
//      `~<262's @mount without open_tree_attr>`.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '..', '..')
const GEN = join(REPO, 'src', 'model', 'syscall-data.generated.ts')
const ORACLE = process.env.SD_ORACLE ?? '/work/shared/oracle'
const ASSESSED = [
  '@swap',
  '@obsolete',
  '@clock',
  '@cpu-emulation',
  '@debug',
  '@mount',
  '@module',
  '@raw-io',
  '@reboot',
  '@privileged',
  '@resources',
]
const MADE_UP = ['foo_bar', 'MOUNT', 'mount2', 'sys_mount', 'open_tree_attr2', '__NR_mount', '165']
const BATCH = 200

const { transform } = await import('esbuild')
const js = (await transform(readFileSync(GEN, 'utf8'), { loader: 'ts', format: 'esm' })).code
const { SYSCALL_DATA } = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)
const ALL = Object.keys(SYSCALL_DATA)
const versions = process.argv.slice(2).length ? process.argv.slice(2) : ALL

const field = (g) => `SystemCallFilter_${g.slice(1).replace(/-/g, '_')}`
const NOFILTER = 'Service does not filter system calls'

function expand(groups, g, out = [], seen = new Set()) {
  for (const m of groups[g]) {
    if (m.startsWith('@')) expand(groups, m, out, seen)
    else if (!seen.has(m)) {
      seen.add(m)
      out.push(m)
    }
  }
  return out
}

// Run many units through one version; returns per unit { rows: Map(json_field -> row), warnings: [] }.
function runUnits(ver, lines) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-syscalls-verify-'))
  try {
    const files = lines.map((l, i) => {
      const f = join(dir, `zzv-${String(i).padStart(5, '0')}.service`)
      writeFileSync(f, `[Service]\nExecStart=/bin/true\n${l.map((x) => `SystemCallFilter=${x}\n`).join('')}`)
      return f
    })
    const res = []
    for (let i = 0; i < files.length; i += BATCH) {
      const chunk = files.slice(i, i + BATCH)
      // analyze VERSION UNIT [extra...] puts extras before UNIT: pass the last file as UNIT.
      const r = spawnSync('bash', [join(ORACLE, 'analyze'), ver, chunk.at(-1), ...chunk.slice(0, -1)], {
        encoding: 'utf8',
        maxBuffer: 256 << 20,
        env: { ...process.env, SYSTEMD_ANALYZE_DEBUG: '1' },
      })
      if (r.status !== 0) throw new Error(`${ver}: analyze failed rc ${r.status}: ${r.stderr.slice(0, 2000)}`)
      const out = r.stdout.trim().split('\n')
      if (out.length !== chunk.length) throw new Error(`${ver}: ${out.length} results for ${chunk.length} units`)
      const warn = new Map(chunk.map((f) => [f, []]))
      for (const line of r.stderr.split('\n')) {
        const m = /^(\/\S+\.service):\d+: (.*)$/.exec(line)
        if (m && warn.has(m[1])) warn.get(m[1]).push(m[2])
      }
      chunk.forEach((f, j) => {
        res.push({ rows: new Map(JSON.parse(out[j]).map((row) => [row.json_field, row])), warnings: warn.get(f) })
      })
    }
    return res
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

let failures = 0
const fail = (msg) => {
  failures++
  console.log(`  FAIL ${msg}`)
}

for (const ver of versions) {
  const D = SYSCALL_DATA[ver]
  const known = new Set(D.known)
  const native = new Set(D.native)
  console.log(
    `\n== ${ver} (libseccomp ${D.libseccomp}): ${D.known.length} known, ${D.native.length} native, ${Object.keys(D.groups).length} groups`,
  )

  // A
  const names = new Set(MADE_UP)
  for (const v of ALL) {
    for (const n of SYSCALL_DATA[v].known) names.add(n)
    for (const ms of Object.values(SYSCALL_DATA[v].groups)) for (const n of ms) if (!n.startsWith('@')) names.add(n)
  }
  const nameList = [...names].sort()
  const ra = runUnits(
    ver,
    nameList.map((n) => [`~${n}`]),
  )
  let accepted = 0
  nameList.forEach((n, i) => {
    const { rows, warnings } = ra[i]
    const warned = warnings.some((w) => w.includes('Failed to parse system call') || w.includes('is not known'))
    const nofilter = rows.get('SystemCallFilter_swap').description === NOFILTER
    if (!warned) accepted++
    if (warned === known.has(n)) fail(`A ~${n}: parser warning=${warned} but known=${known.has(n)}`)
    if (nofilter === known.has(n)) fail(`A ~${n}: "does not filter"=${nofilter} but known=${known.has(n)}`)
  })
  console.log(
    `  A  ~NAME for ${nameList.length} names: ${accepted} accepted (expected ${nameList.filter((n) => known.has(n)).length})`,
  )
  for (const n of ['umount', 'stime', 'vm86', 'open_tree_attr', 'foo_bar']) {
    const i = nameList.indexOf(n)
    console.log(
      `     ~${n}: ${ra[i].rows.get('SystemCallFilter_swap').description === NOFILTER ? '"does not filter"' : 'filters'}` +
        ` (known=${known.has(n)}, native=${native.has(n)})`,
    )
  }

  // B
  const gnames = [...new Set(ALL.flatMap((v) => Object.keys(SYSCALL_DATA[v].groups)))].sort()
  const rb = runUnits(
    ver,
    gnames.map((g) => [`~${g}`]),
  )
  const badGroups = []
  gnames.forEach((g, i) => {
    const unknown = rb[i].warnings.some((w) => w.includes('Unknown system call group'))
    if (unknown === g in D.groups) fail(`B ~${g}: unknown-group warning=${unknown}, in listing=${g in D.groups}`)
    if (unknown) badGroups.push(g)
  })
  console.log(`  B  ~@G for ${gnames.length} group names: rejected ${badGroups.join(' ') || '(none)'}`)

  // C
  const allAssessed = new Set(ASSESSED.flatMap((g) => expand(D.groups, g)))
  const filler = D.native.find((n) => !allAssessed.has(n))
  const cases = []
  for (const g of ASSESSED) {
    const E = expand(D.groups, g)
    const R = E.filter((m) => native.has(m))
    cases.push({ g, kind: 'C1', units: [`~${R.join(' ')}`], expect: 0 })
    for (const m of R) {
      cases.push({
        g,
        kind: 'C2',
        m,
        units: [
          `~${R.filter((x) => x !== m)
            .concat(filler)
            .join(' ')}`,
        ],
        expect: 10,
      })
    }
    for (const m of E) cases.push({ g, kind: 'C3', m, units: [m], expect: native.has(m) ? 9 : 0 })
    console.log(`  C  ${g}: ${R.length}/${E.length} members resolve on x86-64: ${R.join(' ')}`)
  }
  const rc = runUnits(
    ver,
    cases.map((c) => c.units),
  )
  let cOk = 0
  cases.forEach((c, i) => {
    const row = rc[i].rows.get(field(c.g))
    let ok = row.badness === c.expect
    if (ok && c.expect !== 0 && c.m) ok = row.description.includes(`(e.g. ${c.m} is allowed)`)
    if (ok) cOk++
    else fail(`${c.kind} ${c.g} ${c.m ?? ''}: badness ${row.badness} (expected ${c.expect}): ${row.description}`)
  })
  console.log(
    `  C  ${cases.length} group cases (C1 deny all resolvable / C2 deny all but one / C3 allow one): ${cOk} as expected`,
  )

  // D
  const mountLists = ALL.map((v) => [v, SYSCALL_DATA[v].groups['@mount']])
  const m262 = SYSCALL_DATA['262'].groups['@mount']
  const dcases = [
    ['~@mount', ['~@mount']],
    ...mountLists.map(([v, ms]) => [`~<@mount of ${v} spelled out>`, [`~${ms.join(' ')}`]]),
    ['~<@mount of 262 without open_tree_attr>', [`~${m262.filter((x) => x !== 'open_tree_attr').join(' ')}`]],
  ]
  const rd = runUnits(
    ver,
    dcases.map((c) => c[1]),
  )
  console.log(`  D  @mount = ${D.groups['@mount'].join(' ')}`)
  dcases.forEach(([label], i) => {
    const row = rd[i].rows.get('SystemCallFilter_mount')
    console.log(`     ${label}: badness ${row.badness} -- ${row.description}`)
  })
}
console.log(failures ? `\n${failures} FAILURES` : '\nall checks passed')
process.exit(failures ? 1 : 0)
