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
