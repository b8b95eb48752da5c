/**
 * Adding a systemd version takes an entry in the traits table and the generated data, nothing
 * else (docs/architecture.md, "A new systemd version"). Proved on a copy of src/: a made-up
 * version "263" whose traits and data are 262's is added exactly as the recipe says, the copy is
 * bundled, and the made-up version must then agree with 262's goldens on every fixture, warnings
 * included. Code that compares version strings, or keeps a table of its own keyed by version,
 * makes this fail.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const FROM = '262'
const MADE_UP = '263'

/** Replaces the one match of `pattern` in a file with what `change` makes of it. */
function editOnce(file: string, pattern: RegExp, change: (match: string) => string): void {
  const text = readFileSync(file, 'utf8')
  const matches = [
    ...text.matchAll(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)),
  ]
  if (matches.length !== 1)
    throw new Error(
      `${file}: expected one match of ${pattern}, found ${matches.length} (has its layout changed? update this test and the recipe)`,
    )
  writeFileSync(file, text.replace(pattern, change))
}

/** The recipe's steps 1 and 2 on a copy of src/: the traits entry and the generated data. */
function addMadeUpVersion(src: string): void {
  const q = (v: string): string => `'${v}'`
  editOnce(join(src, 'model/versions.ts'), /export const SYSTEMD_VERSIONS = \[[^\]]*\]/, (m) =>
    m.replace(']', `, ${q(MADE_UP)}]`),
  )
  editOnce(
    join(src, 'model/versions.ts'),
    new RegExp(`\\n  ${q(FROM)}: \\{\\n[\\s\\S]*?\\n  \\},\\n`),
    (m) =>
      m +
      m
        .replace(`  ${q(FROM)}: {`, `  ${q(MADE_UP)}: {`)
        .replace(`version: ${q(FROM)},`, `version: ${q(MADE_UP)},`)
        .slice(1),
  )
  const syscalls = join(src, 'model/syscall-data.generated.ts')
  editOnce(syscalls, /export type SyscallDataVersion = [^;]*;/, (m) => m.replace(';', ` | ${q(MADE_UP)};`))
  editOnce(syscalls, /SYSCALL_DATA_VERSIONS: readonly SyscallDataVersion\[\] = \[[^\]]*\]/, (m) =>
    m.replace(/\]$/, `, ${q(MADE_UP)}]`),
  )
  editOnce(
    syscalls,
    new RegExp(`\\n  ${q(FROM)}: \\(\\) => tables\\([\\s\\S]*?\\),\\n`),
    (m) => m + m.replace(q(FROM), q(MADE_UP)).slice(1),
  )
  editOnce(
    join(src, 'unit/key-parsers.generated.ts'),
    new RegExp(`\\n  ${q(FROM)}: \\{[^\\n]*\\n`),
    (m) => m + m.replace(q(FROM), q(MADE_UP)).slice(1),
  )
}

describe(`a made-up systemd ${MADE_UP} with ${FROM}'s traits and data`, () => {
  let work = ''
  let cli = ''

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'new-version-'))
    cpSync(join(ROOT, 'src'), join(work, 'src'), { recursive: true })
    addMadeUpVersion(join(work, 'src'))
    cli = join(work, 'cli.cjs')
    await build({
      entryPoints: [join(work, 'src/cli.ts')],
      outfile: cli,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
      nodePaths: [join(ROOT, 'node_modules')],
    })
    mkdirSync(join(work, 'golden'))
    cpSync(join(ROOT, 'test/fixtures/golden', FROM), join(work, 'golden', MADE_UP), { recursive: true })
  }, 60_000)

  afterAll(() => rmSync(work, { recursive: true, force: true }))

  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, encoding: 'utf8' })

  it('is offered by the CLI', () => {
    const r = run(['score', '--help'])
    expect(r.stdout + r.stderr).toContain(`252|254|257|262|${MADE_UP}`)
  })

  it(`agrees with ${FROM}'s goldens on every fixture, standard output and error`, () => {
    const r = run([
      'conformance',
      '--systemd-version',
      MADE_UP,
      '--goldens',
      join(work, 'golden'),
      'test/fixtures/units',
    ])
    expect(r.stderr).toBe('')
    // Standard output on every target; standard error where it matches for FROM (see fixtures.test.ts).
    expect(r.stdout).toMatch(new RegExp(`${MADE_UP}: \\d+/(\\d+) identical \\(stdout \\1/\\1, `))
    expect(r.stdout.split('\n').filter((l) => l.startsWith('MISMATCH') && !l.includes(': stderr '))).toEqual([])
  }, 120_000)
})
