import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'sdx-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name)
  mkdirSync(join(p, '..'), { recursive: true })
  writeFileSync(p, content)
  return p
}

const plain = file('plain.service', '[Service]\nExecStart=/bin/true\n')
const tight = file(
  'tight.service',
  '[Service]\nExecStart=/bin/true\nDynamicUser=yes\nPrivateNetwork=yes\nCapabilityBoundingSet=\n',
)
const broken = file('broken.service', '[Service]\nType=simple\n')

describe('systemd-exposure score', () => {
  it("prints systemd's table and overall line", async () => {
    const r = await cli(['score', plain])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^ {2}NAME +DESCRIPTION +EXPOSURE$/m)
    expect(r.stdout).toMatch(/^✗ PrivateNetwork= +Service has access to the host's network +0\.5$/m)
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('→ Overall exposure level for plain.service: 9.6 UNSAFE')
    expect((await cli(['score', plain], { env: { TERM: 'xterm' } })).stdout).toMatch(/9\.6 UNSAFE 😨\n+$/)
  })

  it('prints one JSON array in argument order, refusals included, exit 1 for a refusal', async () => {
    const r = await cli(['score', '--format', 'json', '--systemd-version', '254', tight, broken, plain])
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout)
    expect(doc.map((d: { path: string }) => d.path)).toEqual([tight, broken, plain])
    expect(doc[0]).toMatchObject({ unit: 'tight.service', verdict: expect.any(String) })
    expect(doc[0].items).toHaveLength(81)
    expect(Object.keys(doc[0].items[0])).toEqual(['set', 'name', 'json_field', 'description', 'exposure'])
    expect(doc[1]).toEqual({ path: broken, error: expect.stringMatching(/ExecStart/) })
    expect(doc[2]).toMatchObject({ exposure: 9.4, verdict: 'UNSAFE' })
    // The refusal as systemd-analyze prints it: what the unit logged, then its own last line.
    expect(r.stderr).toBe(
      'broken.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.\n' +
        'Unit broken.service has a bad unit file setting.\n',
    )
  })

  it('prints warnings with the absolute file:line and a fatal setting with the lines systemd adds', async () => {
    const bad = file('fatal/relative.service', '[Service]\nFoo=1\nExecStart=bin/daemon\n')
    const r = await cli(['score', '--systemd-version', '257', bad])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      `${bad}:2: Unknown key 'Foo' in section [Service], ignoring.\n` +
        `${bad}:3: Neither a valid executable name nor an absolute path: bin/daemon\n` +
        'relative.service: Unit configuration has fatal error, unit will not be started.\n' +
        'Unit relative.service has a bad unit file setting.\n',
    )
  })

  it("prints what the triggered unit logs: a socket's service, a timer's, an automount's mount", async () => {
    const socket = file('trig/web.socket', '[Socket]\nListenStream=80\n')
    const service = file('trig/web.service', '[Service]\nFoo=1\n')
    const timer = file('trig/idle.timer', '[Timer]\nPersistent=yes\n')
    const idle = file('trig/idle.service', '[Service]\nExecStart=/bin/true\nBar=2\n')
    const r = await cli(['score', socket, timer])
    expect(r.stderr).toBe(
      `${service}:2: Unknown key 'Foo' in section [Service], ignoring.\n` +
        'web.service: Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.\n' +
        // The timer's refusal comes first: the service it triggers is loaded after it.
        'idle.timer: Timer unit lacks value setting. Refusing.\n' +
        `${idle}:3: Unknown key 'Bar' in section [Service], ignoring.\n` +
        'Unit idle.timer has a bad unit file setting.\n',
    )
    // Accepting sockets load no service; Unit= is only followed when the timer starts.
    const acc = file('trig/acc.socket', '[Socket]\nListenStream=81\nAccept=yes\n')
    file('trig/acc.service', '[Service]\nFoo=1\n')
    const named = file('trig/named.timer', '[Timer]\nOnCalendar=daily\nUnit=web.service\n')
    expect((await cli(['score', acc, named])).stderr).toBe('')
  })

  it('says a unit is not found, is masked or has a name systemd refuses, in its words', async () => {
    const missing = join(dir, 'nowhere/none.service')
    const badName = file('names/noext', '[Service]\nExecStart=/bin/true\n')
    const r = await cli(['score', missing, badName])
    expect(r.stderr).toBe(`Unit none.service not found.\nFailed to prepare filename ${badName}: Invalid argument\n`)
  })

  it('exits 1 above --threshold (ten times the score), like systemd-analyze', async () => {
    expect((await cli(['score', '--threshold', '96', plain])).code).toBe(0)
    expect((await cli(['score', '--threshold', '95', plain])).code).toBe(1)
  })

  it('applies a security policy and refuses a broken one', async () => {
    const policy = file(
      'policy.json',
      JSON.stringify({ PrivateNetwork: { weight: 0 }, UserOrDynamicUser: { description_bad: 'root!' } }),
    )
    const r = await cli(['score', '--format', 'json', '--security-policy', policy, plain])
    const items = JSON.parse(r.stdout)[0].items as { name: string; set: boolean | null; description: string }[]
    expect(items.find((i) => i.name === 'PrivateNetwork=')).toMatchObject({
      set: null,
      description: 'Option excluded by policy, skipping',
    })
    expect(items.find((i) => i.name === 'User=/DynamicUser=')!.description).toBe('root!')
    const bad = file('bad.json', '{nope')
    const b = await cli(['score', '--security-policy', bad, plain])
    expect(b.code).toBe(1)
    expect(b.stderr).toMatch(/bad\.json/)
  })

  it('exits 2 with a clear message on usage errors', async () => {
    for (const args of [
      ['score'],
      ['score', '--systemd-version', '250', plain],
      ['score', '--threshold', '101', plain],
      ['score', '--format', 'yaml', plain],
      ['score', '--bogus', plain],
      ['frobnicate'],
    ]) {
      const r = await cli(args)
      expect(r.code, args.join(' ')).toBe(2)
      expect(r.stderr).toMatch(/^systemd-exposure: /)
    }
  })

  it('uses SYSTEMD_EXPOSURE_VERSION when no --systemd-version is given', async () => {
    const r = await cli(['score', '--format', 'json', plain], { env: { SYSTEMD_EXPOSURE_VERSION: '262' } })
    expect(JSON.parse(r.stdout)[0].exposure).toBe(9.4)
  })
})

describe('hostile input', () => {
  it('reports a binary file, NUL bytes and invalid UTF-8 by file and line, and scores the rest', async () => {
    const binary = file(
      'bin/blob.service',
      new Uint8Array(65536).map((_, i) => (i * 2654435761) >>> 24),
    )
    const mixed = file(
      'mixed.service',
      Buffer.concat([
        Buffer.from('[Service]\nExecStart=/bin/true\nUser=\xff\xfe\n', 'latin1'),
        Buffer.from('PrivateTmp=yes\0NoNewPrivileges=yes\n'),
      ]),
    )
    const r = await cli(['score', '--format', 'json', binary, mixed, plain])
    expect(r.code).toBe(1)
    const doc = JSON.parse(r.stdout)
    expect(doc[0].error).toMatch(/binary/)
    // systemd refuses a unit file with a line that is not UTF-8; the others are still scored.
    expect(doc[1].error).toMatch(/not UTF-8 clean/)
    expect(doc[2]).toMatchObject({ exposure: 9.6 })
    expect(r.stderr).toMatch(new RegExp(`${mixed.replace(/[.]/g, '\\.')}:3: String is not UTF-8 clean`))
    expect(r.stderr).toMatch(/blob\.service: file contains NUL bytes/)
  })

  it('handles a 10 MB unit and a 100,000-line continuation', async () => {
    const huge = file(
      'huge.service',
      '[Service]\nExecStart=/bin/true\n' + '# padding padding padding padding padding padding\n'.repeat(210_000),
    )
    const cont = file(
      'cont.service',
      '[Service]\nExecStart=/bin/true\nEnvironment=' + 'A=1 \\\n'.repeat(100_000) + 'B=2\n',
    )
    const r = await cli(['score', '--format', 'json', huge, cont])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).map((d: { exposure: number }) => d.exposure)).toEqual([9.6, 9.6])
  })
})
