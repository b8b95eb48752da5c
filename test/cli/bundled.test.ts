/**
 * The bundled CLI (dist/cli.js and the command chunks it loads on demand), run as a user runs
 * it: its output must be the in-process CLI's, byte for byte, for every command.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli.js'

const BIN = resolve(import.meta.dirname, '../../dist/cli.js')
const dir = mkdtempSync(join(tmpdir(), 'sdx-bundled-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function run(args: string[], cwd = dir): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { PATH: process.env['PATH'] ?? '' },
  })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

const units: string[] = []
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error('dist/cli.js is missing: run npm run bundle')
  // Enough units, with drop-ins, a template, a refusal and non-ASCII text, that output spans
  // many blocks of the byte writer.
  for (let i = 0; i < 120; i++) {
    const d = join(dir, `pkg${i % 7}`)
    mkdirSync(d, { recursive: true })
    const name = i % 10 === 3 ? `tmpl${i}@.service` : `unit-${i}.service`
    const body =
      i % 17 === 5
        ? '[Service]\nType=simple\n'
        : `[Unit]\nDescription=Unit ${i} — “quoted”\n[Service]\nExecStart=/usr/bin/daemon-${i}\n${i % 2 ? 'PrivateTmp=yes\n' : ''}${i % 3 ? 'SystemCallFilter=@system-service\n' : ''}${i % 5 ? `CapabilityBoundingSet=CAP_NET_BIND_SERVICE\n` : ''}`
    writeFileSync(join(d, name), body)
    if (i % 4 === 0) {
      mkdirSync(join(d, `${name}.d`), { recursive: true })
      writeFileSync(join(d, `${name}.d`, 'harden.conf'), '[Service]\nNoNewPrivileges=yes\nProtectSystem=strict\n')
    }
    units.push(join(d, name))
  }
})

describe('dist/cli.js', () => {
  it('scores like the in-process CLI, in JSON and text', async () => {
    for (const format of ['json', 'text']) {
      const args = ['score', '--format', format, '--systemd-version', '257', ...units]
      const bundled = run(args)
      const inProcess = await cli(args)
      expect(bundled.code).toBe(1) // the refused units
      expect(bundled.stdout).toBe(inProcess.stdout)
      expect(bundled.stderr).toBe(inProcess.stderr)
    }
    expect(JSON.parse(run(['score', '--format', 'json', ...units]).stdout)).toHaveLength(units.length)
  })

  it('loads the other commands on demand', () => {
    expect(run(['recommend', units[0]!]).stdout).toContain('unit-0.service')
    const conformance = run(['conformance', '--systemd-version', '252', join(dir, 'no-corpus')])
    expect(conformance.code).not.toBe(0)
    expect(conformance.stderr + conformance.stdout).toMatch(/TARGETS\.tsv|corpus/i)
    const repo = join(dir, 'repo')
    mkdirSync(repo)
    const git = (...a: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...a], { cwd: repo })
    git('init', '-q', '-b', 'main')
    writeFileSync(join(repo, 'a.service'), '[Service]\nExecStart=/bin/true\nCapabilityBoundingSet=\n')
    git('add', '.')
    git('commit', '-qm', 'base')
    writeFileSync(join(repo, 'a.service'), '[Service]\nExecStart=/bin/true\nCapabilityBoundingSet=CAP_SYS_ADMIN\n')
    const diff = run(['diff', '--base', 'HEAD'], repo)
    expect(diff.stdout).toContain('CAP\\_SYS\\_ADMIN')
    expect(diff.code).toBe(1)
  })
})
