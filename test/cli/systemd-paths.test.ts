import { mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { shellWorkingDirectory, systemdPath } from '../../src/cli/systemd-paths.js'

describe('systemdPath', () => {
  it('makes a path absolute from the working directory and simplifies it as path_simplify() does', () => {
    expect(systemdPath('units/a.service', '/srv/repo')).toBe('/srv/repo/units/a.service')
    expect(systemdPath('./units//./a.service', '/srv/repo')).toBe('/srv/repo/units/a.service')
    // `..` stays: systemd does not resolve it.
    expect(systemdPath('units/../units/a.service', '/srv/repo')).toBe('/srv/repo/units/../units/a.service')
    expect(systemdPath('/etc/systemd/system//a.service', '/srv/repo')).toBe('/etc/systemd/system/a.service')
  })
})

describe('shellWorkingDirectory', () => {
  it("is $PWD when that names the working directory (a link's name kept), else the working directory", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdx-pwd-'))
    try {
      const link = join(dir, 'link')
      symlinkSync(dir, link)
      expect(shellWorkingDirectory({ PWD: link }, dir)).toBe(link)
      expect(shellWorkingDirectory({ PWD: join(dir, 'missing') }, dir)).toBe(dir)
      expect(shellWorkingDirectory({ PWD: 'relative' }, dir)).toBe(dir)
      expect(shellWorkingDirectory({}, dir)).toBe(dir)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
