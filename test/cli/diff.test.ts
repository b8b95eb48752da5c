import { afterEach, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli.js'
import { makeRepo, type TestRepo } from '../helpers/git-repo.js'

const repos: TestRepo[] = []
afterEach(() => repos.splice(0).forEach((r) => r.cleanup()))

describe('systemd-exposure diff', () => {
  it('compares the work tree with the merge base of the default branch; exit 1 when the gate fails', async () => {
    const repo = makeRepo()
    repos.push(repo)
    repo.commit({ 'svc/app.service': '[Service]\nExecStart=/usr/bin/app\nUser=app\nNoNewPrivileges=yes\n' })
    repo.git('checkout', '-q', '-b', 'feature')
    repo.commit({
      'svc/app.service': '[Service]\nExecStart=/usr/bin/app\nUser=app\nNoNewPrivileges=yes\nPrivateTmp=yes\n',
    })
    const pass = await cli(['diff'], { cwd: repo.dir })
    expect(pass.code).toBe(0)
    expect(pass.stdout).toMatch(/systemd-exposure: pass/)

    repo.write({
      'svc/app.service':
        '[Service]\nExecStart=/usr/bin/app\nUser=app\nNoNewPrivileges=yes\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n',
    })
    const fail = await cli(['diff', '--format', 'json'], { cwd: repo.dir })
    expect(fail.code).toBe(1)
    const report = JSON.parse(fail.stdout)
    expect(report).toMatchObject({ schemaVersion: 2, verdict: 'fail', systemdVersion: '252', head: { rev: null } })
    expect(report.services[0].capabilities.widened[0]).toMatchObject({
      level: 'held',
      capabilities: ['CAP_NET_BIND_SERVICE'],
      file: 'svc/app.service',
      line: 5,
    })

    const off = await cli(['diff', '--fail-on-capability-widening', 'false'], { cwd: repo.dir })
    expect(off.code).toBe(0)
  })

  it('--systemd-version with a range fails on a widening only a newer version shows, and names it', async () => {
    const repo = makeRepo()
    repos.push(repo)
    // Up to 254 ProtectClock='s seccomp filter forces NoNewPrivileges= on a unit that is not
    // root; from 255 on it does not, so dropping the line lets it gain root through set-user-ID
    // programs on 257 and 262 only.
    repo.commit({
      'svc/app.service': '[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectClock=yes\nNoNewPrivileges=yes\n',
    })
    repo.write({ 'svc/app.service': '[Service]\nExecStart=/usr/bin/app\nUser=app\nProtectClock=yes\n' })
    const range = await cli(['diff', '--base', 'HEAD', '--systemd-version', '252-262', '--format', 'json'], {
      cwd: repo.dir,
    })
    expect(range.code).toBe(1)
    const report = JSON.parse(range.stdout)
    expect(report).toMatchObject({
      systemdVersion: '252',
      systemdTarget: { text: '252-262', versions: ['252', '254', '257', '262'] },
    })
    expect(report.failures[0].message).toMatch(/\(on systemd 257 and 262\)/)
    expect(report.services[0].capabilities.widened[0].versions).toEqual(['257', '262'])

    // One version checks that version alone: 252 forces NoNewPrivileges=, nothing widens.
    const single = await cli(['diff', '--base', 'HEAD', '--systemd-version', '252'], { cwd: repo.dir })
    expect(single.code).toBe(0)
    const text = await cli(['diff', '--base', 'HEAD', '--systemd-version', '252-262'], { cwd: repo.dir })
    expect(text.stdout).toMatch(/on systemd 257 and 262/)
  })

  it('exits 2 outside a repository, for unknown revisions and bad options', async () => {
    const repo = makeRepo()
    repos.push(repo)
    repo.commit({ 'a.txt': 'x' })
    expect((await cli(['diff', '--base', 'nope'], { cwd: repo.dir })).code).toBe(2)
    expect((await cli(['diff', '--max-exposure', '11'], { cwd: repo.dir })).code).toBe(2)
    expect((await cli(['diff', '--allow-capability', 'CAP_NOPE'], { cwd: repo.dir })).code).toBe(2)
    const outside = await cli(['diff'], { cwd: '/' })
    expect(outside.code).toBe(2)
    expect(outside.stderr).toMatch(/git/)
  })
})
