/** Colour, emoji and progress: only on a terminal, never with NO_COLOR, never in a pipe. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/main.js'
import { colourEnabled, PROGRESS_MIN_UNITS, type Terminal } from '../../src/cli/terminal.js'
import { fileSystemSource } from '../../src/unit/fs-source.js'
import { makeRepo } from '../helpers/git-repo.js'

const dir = mkdtempSync(join(tmpdir(), 'sdx-terminal-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const TTY: Terminal = { stdout: true, stderr: true }
const PIPE: Terminal = { stdout: false, stderr: false }

async function run(args: string[], terminal: Terminal, env: Record<string, string> = {}, cwd = dir) {
  let stdout = ''
  let stderr = ''
  const utf8 = new TextDecoder()
  const code = await runCli(args, {
    stdout: (t) => void (stdout += typeof t === 'string' ? t : utf8.decode(t, { stream: true })),
    stderr: (t) => void (stderr += t),
    readTextFile: (p) => readFileSync(p, 'utf8'),
    source: fileSystemSource(),
    env,
    cwd,
    terminal,
  })
  return { code, stdout, stderr }
}

const UNIT = '[Service]\nExecStart=/usr/bin/daemon\nDynamicUser=yes\n'
writeFileSync(join(dir, 'web.service'), UNIT)

describe('colour', () => {
  it("follows systemd's rule: SYSTEMD_COLORS, else NO_COLOR and TERM=dumb turn it off, else a terminal", () => {
    expect(colourEnabled({}, TTY)).toBe(true)
    expect(colourEnabled({}, PIPE)).toBe(false)
    expect(colourEnabled({ NO_COLOR: '1' }, TTY)).toBe(false)
    expect(colourEnabled({ NO_COLOR: '' }, TTY)).toBe(false)
    expect(colourEnabled({ TERM: 'dumb' }, TTY)).toBe(false)
    expect(colourEnabled({ SYSTEMD_COLORS: '1', NO_COLOR: '1' }, PIPE)).toBe(true)
    expect(colourEnabled({ SYSTEMD_COLORS: 'no' }, TTY)).toBe(false)
    expect(colourEnabled({ SYSTEMD_COLORS: '256' }, PIPE)).toBe(true)
  })

  it('colours the marks and the verdict on a terminal as systemd-analyze does, and nothing else changes', async () => {
    const plain = await run(['score', join(dir, 'web.service')], PIPE)
    const coloured = await run(['score', join(dir, 'web.service')], TTY)
    expect(plain.stdout).not.toContain('\x1b')
    expect(coloured.stdout).toContain('\x1b[0;1;31m✗\x1b[0m ')
    expect(coloured.stdout).toContain('\x1b[0;1;32m✓\x1b[0m ')
    expect(coloured.stdout).toMatch(
      /\n→ \x1b\[0;1;39mOverall exposure level for web\.service\x1b\[0m: \x1b\[0;1;38;5;185m8\.\d EXPOSED\x1b\[0m\n$/,
    )
    expect(coloured.stdout.replace(/\x1b\[[0-9;]*m/g, '')).toBe(plain.stdout)
    expect((await run(['score', join(dir, 'web.service')], TTY, { NO_COLOR: '1' })).stdout).toBe(plain.stdout)
    // JSON is never coloured.
    expect((await run(['score', '--format', 'json', join(dir, 'web.service')], TTY)).stdout).not.toContain('\x1b')
  })
})

describe('progress', () => {
  const many = join(dir, 'many')
  mkdirSync(many)
  for (let i = 0; i < PROGRESS_MIN_UNITS; i++) writeFileSync(join(many, `u${String(i).padStart(3, '0')}.service`), UNIT)

  it('shows on a terminal standard error while the report goes to a file, and is cleared', async () => {
    const r = await run(['score', '--format', 'json', many], { stdout: false, stderr: true })
    expect(r.stderr).toBe(
      `\rsystemd-exposure: scored 100/${PROGRESS_MIN_UNITS}\rsystemd-exposure: scored 200/${PROGRESS_MIN_UNITS}\r\x1b[K`,
    )
    expect(JSON.parse(r.stdout)).toHaveLength(PROGRESS_MIN_UNITS)
  })

  it('never shows when standard output is the terminal too, or standard error is not one', async () => {
    expect((await run(['score', '--format', 'json', many], TTY)).stderr).toBe('')
    expect((await run(['score', '--format', 'json', many], PIPE)).stderr).toBe('')
  })

  it("the diff's status line on a terminal is gone before the report", async () => {
    const repo = makeRepo()
    try {
      const base = repo.commit({ 'a.service': UNIT })
      repo.write({ 'a.service': `${UNIT}PrivateTmp=yes\n` })
      const r = await run(['diff', '--base', base, '--format', 'json'], TTY, {}, repo.dir)
      expect(r.code).toBe(0)
      expect(r.stderr).toMatch(
        /^\r\x1b\[Ksystemd-exposure: reading the change from [0-9a-f]{12} to the work tree…\r\x1b\[Ksystemd-exposure: reviewing the units 1 changed files can reach…\r\x1b\[K$/,
      )
      expect(
        (await run(['diff', '--base', base, '--format', 'json'], { stdout: true, stderr: false }, {}, repo.dir)).stderr,
      ).toBe('')
    } finally {
      repo.cleanup()
    }
  })
})
