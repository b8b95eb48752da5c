#!/usr/bin/env node
// Generates src/model/syscall-data.generated.ts: per systemd version (252, 254, 257, 262)
//   groups  - every group of that build's `systemd-analyze syscall-filter` listing, members in
//             listing order, nested groups kept as "@name";
//   known   - every name libseccomp's seccomp_syscall_resolve_name() maps to something other than
//             __NR_SCMP_ERROR, for the libseccomp that build of systemd-analyze really loads
//             (= the names SystemCallFilter= accepts and stores);
//   native  - the subset of `known` with a real (>= 0) x86-64 syscall number.
//
// Usage: npm run gen:syscalls [-- --check]      (--check: fail if the file would change)
//
// Inputs (see README.md next to this file):
//   * listing: live `ORACLE_RAW=1 $SD_ORACLE/analyze VER - syscall-filter` when the oracle can run
//     it, else $SD_ORACLE/data/VER/syscall-filter.txt (SD_ORACLE defaults to /work/shared/oracle).
//   * libseccomp: found by running that version's systemd-analyze on a probe unit with
//     SystemCallFilter= under LD_DEBUG=libs (262 dlopen()s libseccomp, so ldd alone is not
//     enough); overridable with SECCOMP_LIB_<VER>=/path; without a runnable oracle the defaults
//     below are used.
//   * name enumeration: seccomp_names.py (python3 + ctypes), one process per library.
import { SYSTEMD_VERSIONS } from '../lib/systemd-versions.mjs'
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '..', '..')
const OUT = join(REPO, 'src', 'model', 'syscall-data.generated.ts')
const ORACLE = process.env.SD_ORACLE ?? '/work/shared/oracle'
const ORACLE_ROOT = process.env.SD_ORACLE_ROOT ?? '/tmp/sd-oracle'
const PYTHON = process.env.PYTHON ?? 'python3'
const VERSIONS = SYSTEMD_VERSIONS
const CHECK = process.argv.includes('--check')

// What each build loads (established with LD_DEBUG=libs, see README.md); used only when the
// oracle cannot be run for detection.
const DEFAULT_LIBS = {
  252: '/usr/lib/x86_64-linux-gnu/libseccomp.so.2',
  254: '/usr/lib/x86_64-linux-gnu/libseccomp.so.2',
  257: `${ORACLE_ROOT}/257/usr/lib/x86_64-linux-gnu/libseccomp.so.2`,
  262: `${ORACLE_ROOT}/262/usr/lib/x86_64-linux-gnu/libseccomp.so.2`,
}

// libseccomp version each build was found to use (LD_DEBUG=libs, README.md). A different one
// means the oracle/environment changed (e.g. 262 silently falling back to the host's 2.5.4):
// refuse unless ALLOW_LIBSECCOMP_CHANGE=1.
const EXPECTED_LIBSECCOMP = { 252: '2.5.4', 254: '2.5.4', 257: '2.6.0', 262: '2.6.1' }

// Groups the security assessors look at (doc §5.2/§5.3); they must exist in every listing.
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

const log = (...a) => console.error('[gen-syscalls]', ...a)
const die = (msg) => {
  console.error(`[gen-syscalls] error: ${msg}`)
  process.exit(1)
}
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex')

const analyze = join(ORACLE, 'analyze')
const oracleRunnable = (ver) =>
  existsSync(analyze) &&
  (ver === '252'
    ? existsSync('/usr/bin/systemd-analyze')
    : existsSync(join(ORACLE_ROOT, ver, 'usr/bin/systemd-analyze')))

function runOracle(ver, args, extraEnv = {}) {
  return spawnSync('bash', [analyze, ver, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, ...extraEnv },
  })
}

// ---------------------------------------------------------------------------------------------
// listing

function getListing(ver) {
  const saved = join(ORACLE, 'data', ver, 'syscall-filter.txt')
  const savedText = existsSync(saved) ? readFileSync(saved, 'utf8') : null
  if (oracleRunnable(ver)) {
    const r = runOracle(ver, ['-', 'syscall-filter'], { ORACLE_RAW: '1' })
    if (r.status === 0 && r.stdout.trim()) {
      if (savedText !== null && parseListing(savedText, 'saved').text !== parseListing(r.stdout, 'live').text) {
        log(`warning: ${ver}: live syscall-filter listing differs from ${saved}; using the live one`)
      }
      return { text: r.stdout, source: `live ${ver} systemd-analyze syscall-filter` }
    }
    log(`warning: ${ver}: live syscall-filter failed (rc ${r.status}); falling back to ${saved}`)
  }
  if (savedText === null) die(`${ver}: no runnable oracle and no ${saved}`)
  return { text: savedText, source: saved }
}

// Listing format: "@group" at column 0, then "    # description", then "    member" lines, a
// blank line after each group. A line starting with "#" at column 0 opens the trailing
// "Ungrouped"/"Unlisted system calls" part, which is not a group: parsing stops there.
function parseListing(text, what) {
  const groups = new Map()
  let cur = null
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    if (line.startsWith('#')) break
    if (line === '') {
      cur = null
      continue
    }
    let m
    if ((m = /^(@[a-z0-9_-]+)$/.exec(line))) {
      if (groups.has(m[1])) die(`${what}:${i + 1}: duplicate group ${m[1]}`)
      cur = []
      groups.set(m[1], cur)
    } else if (cur && /^ {4}# /.test(line)) {
      // description
    } else if (cur && (m = /^ {4}(@?[a-z0-9_-]+)$/.exec(line))) {
      if (!m[1].startsWith('@') && !/^[a-z0-9_]+$/.test(m[1])) die(`${what}:${i + 1}: odd name ${m[1]}`)
      cur.push(m[1])
    } else {
      die(`${what}:${i + 1}: unexpected line ${JSON.stringify(line)}`)
    }
  }
  for (const [g, members] of groups) {
    for (const mem of members) {
      if (mem.startsWith('@') && !groups.has(mem)) die(`${what}: ${g} references unknown group ${mem}`)
    }
    if (new Set(members).size !== members.length) die(`${what}: ${g} has duplicate members`)
  }
  for (const g of ['@default', '@known', ...ASSESSED]) if (!groups.has(g)) die(`${what}: missing group ${g}`)
  const norm = [...groups].map(([g, ms]) => `${g}\n${ms.join('\n')}`).join('\n\n')
  return { groups, text: norm }
}

// ---------------------------------------------------------------------------------------------
// libseccomp

function detectLib(ver) {
  const override = process.env[`SECCOMP_LIB_${ver}`]
  if (override) return { path: override, how: `SECCOMP_LIB_${ver}` }
  if (oracleRunnable(ver)) {
    const dir = mkdtempSync(join(tmpdir(), 'gen-syscalls-'))
    try {
      const unit = join(dir, 'gen-syscalls-probe.service')
      writeFileSync(unit, '[Service]\nExecStart=/bin/true\nSystemCallFilter=~@mount\n')
      const r = runOracle(ver, [unit], { LD_DEBUG: 'libs', ORACLE_ISOLATE: '0' })
      const hits = [...r.stderr.matchAll(/calling init: (\S*\/libseccomp\.so[^\s]*)/g)].map((x) => x[1])
      const uniq = [...new Set(hits)]
      if (r.status === 0 && uniq.length === 1) return { path: uniq[0], how: 'LD_DEBUG=libs probe' }
      log(
        `warning: ${ver}: LD_DEBUG probe inconclusive (rc ${r.status}, libseccomp inits: ${uniq.join(', ') || 'none'})`,
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return { path: DEFAULT_LIBS[ver], how: 'default' }
}

const libCache = new Map()
function enumerate(libPath) {
  if (!existsSync(libPath)) die(`libseccomp not found: ${libPath}`)
  const digest = sha256(readFileSync(libPath))
  if (libCache.has(digest)) return libCache.get(digest)
  const r = spawnSync(PYTHON, [join(HERE, 'seccomp_names.py'), libPath], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) die(`seccomp_names.py ${libPath} failed (rc ${r.status}):\n${r.stderr}`)
  const res = JSON.parse(r.stdout)
  const cc = res.crosscheck
  // A name found by number but not by harvesting would mean the harvest is incomplete: fatal.
  for (const k of ['only_by_number', 'by_number_not_resolvable', 'native_vs_x86_64_disagree']) {
    if (cc[k].length) die(`${libPath}: enumeration cross-check ${k} not empty: ${cc[k].join(' ')}`)
  }
  // The reverse is possible in principle (a table row whose numbers all lie outside the scanned
  // ranges); the name still resolves, so keep it, but say so.
  if (cc.only_by_harvest.length) log(`note: ${libPath}: only found by harvesting: ${cc.only_by_harvest.join(' ')}`)
  const known = Object.keys(res.known).sort(cmp)
  const native = known.filter((n) => res.known[n] >= 0)
  if (native.join(' ') !== [...res.native].sort(cmp).join(' ')) die(`${libPath}: native mismatch`)
  log(
    `libseccomp ${res.version} (${res.realpath}): ${known.length} known, ${native.length} native; ` +
      `${cc.harvest_candidates} harvested candidates, ${cc.names_by_number} names by number over ${Object.keys(cc.archs).length} archs`,
  )
  const out = { version: res.version, realpath: res.realpath, sha256: digest, known, native }
  libCache.set(digest, out)
  return out
}

// Plain code-unit order (what Array.prototype.sort() does without a comparator).
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0
}

// ---------------------------------------------------------------------------------------------
// main

const perVersion = {}
for (const ver of VERSIONS) {
  const listing = getListing(ver)
  const { groups } = parseListing(listing.text, listing.source)
  const lib = detectLib(ver)
  const data = enumerate(lib.path)
  if (data.version !== EXPECTED_LIBSECCOMP[ver]) {
    const msg = `${ver}: uses libseccomp ${data.version} (${lib.path}), expected ${EXPECTED_LIBSECCOMP[ver]}`
    if (process.env.ALLOW_LIBSECCOMP_CHANGE === '1') log(`warning: ${msg}`)
    else die(`${msg}; set ALLOW_LIBSECCOMP_CHANGE=1 to accept`)
  }
  perVersion[ver] = {
    groups,
    lib,
    data,
    listingSha: sha256(parseListing(listing.text, '').text),
    listingSource: listing.source,
  }
  log(`${ver}: ${groups.size} groups from ${listing.source}; libseccomp ${data.version} at ${lib.path} (${lib.how})`)
}

// Pool of unique lists, in order of first use. A list is stored either in full ("a b c") or,
// when shorter, as a delta against an earlier list ("^N +added -removed"); a delta decodes to
// the sorted (code-unit order) result, so it is only used when that reproduces the list exactly
// (all lists are sorted in practice: nested "@groups" sort before names).
const pool = []
const decoded = []
const poolIdx = new Map()
function decode(enc) {
  if (!enc.startsWith('^')) return enc === '' ? [] : enc.split(' ')
  const [base, ...ops] = enc.slice(1).split(' ')
  const set = new Set(decoded[Number(base)])
  for (const op of ops)
    if (op[0] === '+') set.add(op.slice(1))
    else set.delete(op.slice(1))
  return [...set].sort()
}
const ref = (arr) => {
  const full = arr.join(' ')
  if (poolIdx.has(full)) return poolIdx.get(full)
  let enc = full
  decoded.forEach((base, i) => {
    const b = new Set(base)
    const a = new Set(arr)
    const ops = [
      ...arr.filter((x) => !b.has(x)).map((x) => `+${x}`),
      ...base.filter((x) => !a.has(x)).map((x) => `-${x}`),
    ]
    const cand = `^${i}${ops.map((o) => ` ${o}`).join('')}`
    if (cand.length < enc.length && decode(cand).join(' ') === full) enc = cand
  })
  if (decode(enc).join(' ') !== full) die('internal: list encoding does not round-trip')
  poolIdx.set(full, pool.length)
  pool.push(enc)
  decoded.push([...arr])
  return pool.length - 1
}
const entries = VERSIONS.map((ver) => {
  const { groups, data } = perVersion[ver]
  const gspec = [...groups].map(([g, ms]) => `${g}=${ref(ms)}`).join(' ')
  const nat = new Set(data.native)
  const foreign = data.known.filter((n) => !nat.has(n))
  return { ver, gspec, known: ref(data.known), foreign: ref(foreign), libseccomp: data.version }
})

const header = [
  '// Generated by scripts/gen-syscalls (npm run gen:syscalls) -- do not edit.',
  '//',
  '// Per systemd-analyze build: every group of its `syscall-filter` listing, and the syscall names',
  '// known to / native (x86-64, number >= 0) for the libseccomp that build loads. See',
  '// scripts/gen-syscalls/README.md for how these were enumerated and verified.',
  '//',
  ...VERSIONS.map((ver) => {
    const p = perVersion[ver]
    return (
      `// ${ver}: listing sha256 ${p.listingSha.slice(0, 16)}; libseccomp ${p.data.version} ` +
      `(${p.data.realpath.replace(ORACLE_ROOT, '$SD_ORACLE_ROOT')}, sha256 ${p.data.sha256.slice(0, 16)}): ` +
      `${p.data.known.length} known, ${p.data.native.length} native`
    )
  }),
]

const src = `${header.join('\n')}

export type SyscallDataVersion = '252' | '254' | '257' | '262';

export interface SyscallTables {
  /** Every group of \`systemd-analyze syscall-filter\` (listing order); members in listing order, nested groups as "@name". */
  readonly groups: Readonly<Record<string, readonly string[]>>;
  /** Names seccomp_syscall_resolve_name() accepts (!= __NR_SCMP_ERROR), i.e. what SystemCallFilter= stores; sorted. */
  readonly known: readonly string[];
  /** Subset of \`known\` that resolves to a real (>= 0) syscall number on x86-64; sorted. */
  readonly native: readonly string[];
  /** libseccomp version this systemd-analyze build uses. */
  readonly libseccomp: string;
}

// Unique name lists, shared between versions and groups: "a b c" (space-separated), or
// "^N +x -y" = list N plus x minus y, re-sorted.
const L: readonly string[] = [
${pool.map((s, i) => `  /* ${i} */ ${JSON.stringify(s)},`).join('\n')}
];

const cache = new Map<number, readonly string[]>();
function list(i: number): readonly string[] {
  let v = cache.get(i);
  if (v === undefined) {
    const s = L[i] as string;
    if (s.startsWith('^')) {
      const [base, ...ops] = s.slice(1).split(' ');
      const set = new Set(list(Number(base)));
      for (const op of ops) {
        if (op.startsWith('+')) set.add(op.slice(1));
        else set.delete(op.slice(1));
      }
      v = Object.freeze([...set].sort());
    } else {
      v = Object.freeze(s === '' ? [] : s.split(' '));
    }
    cache.set(i, v);
  }
  return v;
}

function groups(spec: string): Readonly<Record<string, readonly string[]>> {
  const out: Record<string, readonly string[]> = {};
  for (const e of spec.split(' ')) {
    const k = e.lastIndexOf('=');
    out[e.slice(0, k)] = list(Number(e.slice(k + 1)));
  }
  return Object.freeze(out);
}

function tables(libseccomp: string, known: number, foreign: number, spec: string): SyscallTables {
  const k = list(known);
  const f = new Set(list(foreign));
  return Object.freeze({ libseccomp, known: k, native: Object.freeze(k.filter((n) => !f.has(n))), groups: groups(spec) });
}

// Each version's tables are decoded when first read: a run uses one version, and decoding all
// of them up front was a noticeable part of the CLI's start-up.
function lazily(
  make: Readonly<Record<SyscallDataVersion, () => SyscallTables>>,
): Readonly<Record<SyscallDataVersion, SyscallTables>> {
  const out = {} as Record<SyscallDataVersion, SyscallTables>;
  for (const v of Object.keys(make) as SyscallDataVersion[]) {
    let t: SyscallTables | undefined;
    Object.defineProperty(out, v, { enumerable: true, get: () => (t ??= make[v]()) });
  }
  return Object.freeze(out);
}

export const SYSCALL_DATA_VERSIONS: readonly SyscallDataVersion[] = [${VERSIONS.map((v) => `'${v}'`).join(', ')}];

// tables(libseccomp version, known list, known-but-not-x86-64 list, group -> list)
export const SYSCALL_DATA: Readonly<Record<SyscallDataVersion, SyscallTables>> = lazily({
${entries
  .map(
    (e) => `  '${e.ver}': () => tables('${e.libseccomp}', ${e.known}, ${e.foreign},
    ${JSON.stringify(e.gspec)}),`,
  )
  .join('\n')}
});
`

// Round-trip check: compile the generated module with esbuild and compare with the inputs.
async function roundTrip() {
  const { transform } = await import('esbuild')
  const js = (await transform(src, { loader: 'ts', format: 'esm' })).code
  const mod = await import(`data:text/javascript;base64,${Buffer.from(js).toString('base64')}`)
  for (const ver of VERSIONS) {
    const t = mod.SYSCALL_DATA[ver]
    const p = perVersion[ver]
    const same = (a, b) => JSON.stringify(a) === JSON.stringify(b)
    if (
      !same(t.known, p.data.known) ||
      !same(t.native, p.data.native) ||
      t.libseccomp !== p.data.version ||
      !same(Object.entries(t.groups), [...p.groups])
    ) {
      die(`internal: generated module does not reproduce the data of ${ver}`)
    }
  }
}
await roundTrip()

if (CHECK) {
  const cur = existsSync(OUT) ? readFileSync(OUT, 'utf8') : ''
  if (cur !== src) die(`${OUT} is out of date; run npm run gen:syscalls`)
  log(`${OUT} is up to date`)
} else {
  mkdirSync(dirname(OUT), { recursive: true })
  writeFileSync(OUT, src)
  log(`wrote ${OUT} (${Buffer.byteLength(src)} bytes, ${pool.length} unique lists)`)
}
