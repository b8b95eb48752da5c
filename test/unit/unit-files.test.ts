/**
 * Which files make a unit: aliases, linked unit files, masks and links in drop-in directories,
 * as systemd-analyze 252/254/257/262 resolved them in the same layouts (observed).
 */
import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import { SYSTEMD_VERSIONS, type SystemdVersion } from '../../src/model/versions.js'
import { memorySource, type MemoryLink } from '../../src/unit/source.js'
import type { LoadLocation } from '../../src/unit/unit-files.js'

type Files = Record<string, string | MemoryLink>
const UNIT = '[Service]\nExecStart=/bin/true\n'
const set = (key: string): string => `[Service]\n${key}=yes\n`

/** The unit as loaded: its name, its names, and which boolean settings its drop-ins turned on. */
function load(files: Files, path: string, version: SystemdVersion = '252', location: LoadLocation = {}) {
  const r = assessUnitFile(memorySource(files), path, { version, location })
  if (!r.ok) return { error: r.error, messages: r.diagnostics.map((d) => d.message) }
  const s = r.service.state
  const on = Object.entries({
    PrivateDevices: s.privateDevices,
    PrivateTmp: s.privateTmp !== 'no',
    PrivateNetwork: s.privateNetwork,
    ProtectHome: s.protectHome !== 'no',
  })
    .filter(([, v]) => v)
    .map(([k]) => k)
  return {
    unit: r.unit,
    names: r.service.names,
    on,
    dropIns: r.service.dropInPaths,
    messages: r.diagnostics.map((d) => d.message),
  }
}

describe('aliases', () => {
  const files: Files = {
    'u/foo.service': UNIT,
    'u/bar.service': { link: 'foo.service' },
    'u/foo.service.d/a.conf': set('PrivateNetwork'),
    'u/bar.service.d/b.conf': set('ProtectHome'),
  }

  it('analysing the unit applies the drop-ins of every name; the alias loads the unit under its main name', () => {
    for (const v of SYSTEMD_VERSIONS) {
      for (const path of ['u/foo.service', 'u/bar.service']) {
        expect(load(files, path, v)).toMatchObject({
          unit: 'foo.service',
          names: ['foo.service', 'bar.service'],
          on: ['PrivateNetwork', 'ProtectHome'],
          dropIns: ['u/foo.service.d/a.conf', 'u/bar.service.d/b.conf'],
        })
      }
    }
  })

  it('a drop-in name in both directories is taken from the main name', () => {
    const both = {
      ...files,
      'u/foo.service.d/x.conf': set('PrivateDevices'),
      'u/bar.service.d/x.conf': set('PrivateTmp'),
    }
    expect(load(both, 'u/bar.service').dropIns).toEqual([
      'u/foo.service.d/a.conf',
      'u/bar.service.d/b.conf',
      'u/foo.service.d/x.conf',
    ])
  })

  it('follows chains of up to 8 links; a longer one is no name of the unit and does not load', () => {
    const chain: Files = { 'u/foo.service': UNIT }
    let prev = 'foo.service'
    for (let i = 1; i <= 9; i++) {
      chain[`u/c${i}.service`] = { link: prev }
      prev = `c${i}.service`
    }
    chain['u/c7.service.d/a.conf'] = set('PrivateNetwork')
    chain['u/c9.service.d/a.conf'] = set('PrivateTmp')
    expect(load(chain, 'u/foo.service').on).toEqual(['PrivateNetwork'])
    expect(load(chain, 'u/c7.service').unit).toBe('foo.service')
    expect(load(chain, 'u/c8.service')).toMatchObject({ error: 'Unit c8.service not found.' })
  })

  it('parses the fragment under the name asked for and the drop-ins under the main name', () => {
    const f: Files = { 'u/foo.service': `${UNIT}User=%N\n`, 'u/a:b.service': { link: 'foo.service' } }
    expect(load(f, 'u/a:b.service')).toMatchObject({
      error: expect.stringMatching(/bad unit file setting: Invalid user\/group name or numeric ID: a:b/),
    })
    const d: Files = {
      'u/foo.service': UNIT,
      'u/a:b.service': { link: 'foo.service' },
      'u/foo.service.d/u.conf': '[Service]\nUser=%N\n',
    }
    expect(load(d, 'u/a:b.service')).toMatchObject({ unit: 'foo.service' })
  })

  it('rejects links systemd rejects, with its message', () => {
    const f: Files = {
      'u/tmpl@.service': UNIT,
      'u/t.service': { link: 'tmpl@.service' },
      'u/foo.socket': '[Socket]\nListenStream=1\n',
      'u/bad.service': { link: 'foo.socket' },
    }
    expect(load(f, 'u/t.service')).toEqual({
      error: 'Unit t.service not found.',
      messages: ['t.service: symlink target name type "tmpl@.service" does not match source, rejecting.'],
    })
    expect(load(f, 'u/bad.service')).toEqual({
      error: 'Unit bad.service not found.',
      messages: ['bad.service: symlink target "foo.socket" has incompatible suffix, rejecting.'],
    })
  })

  it('a warning when two aliases carry the same drop-in name (systemd picks one at random)', () => {
    const f: Files = {
      'u/foo.service': UNIT,
      'u/bar.service': { link: 'foo.service' },
      'u/baz.service': { link: 'foo.service' },
      'u/bar.service.d/x.conf': set('PrivateDevices'),
      'u/baz.service.d/x.conf': set('PrivateTmp'),
    }
    const r = load(f, 'u/foo.service')
    expect(r.dropIns).toEqual(['u/bar.service.d/x.conf'])
    expect(r.messages).toEqual([
      'drop-in x.conf exists for several aliases of foo.service; systemd applies one of them, which one changes from run to run',
    ])
  })
})

describe('templates and instances', () => {
  const files: Files = {
    'u/foo@.service': UNIT,
    'u/bar@.service': { link: 'foo@.service' },
    'u/baz@x.service': { link: 'foo@.service' },
    'u/foo@.service.d/a.conf': set('PrivateDevices'),
    'u/bar@.service.d/b.conf': set('PrivateTmp'),
    'u/baz@x.service.d/c.conf': set('PrivateNetwork'),
    'u/foo@x.service.d/d.conf': set('ProtectHome'),
  }

  it('a template alias names every instance; an instance link names that instance', () => {
    expect(load(files, 'u/bar@.service')).toMatchObject({
      unit: 'foo@i.service',
      names: ['foo@i.service', 'bar@i.service'],
      on: ['PrivateDevices', 'PrivateTmp'],
    })
    expect(load(files, 'u/bar@.service', '257')).toMatchObject({ unit: 'foo@test_instance.service' })
    expect(load(files, 'u/baz@x.service')).toMatchObject({
      unit: 'foo@x.service',
      names: ['foo@x.service', 'bar@x.service', 'baz@x.service'],
      on: ['PrivateDevices', 'PrivateTmp', 'PrivateNetwork', 'ProtectHome'],
    })
    // bar@x.service is not on disk: its template's alias chain knows no baz@x.
    expect(load(files, 'u/bar@x.service')).toMatchObject({
      unit: 'foo@x.service',
      names: ['foo@x.service', 'bar@x.service'],
    })
  })

  it('instance drop-ins apply to the instance, on disk or not', () => {
    const f: Files = { 'u/app@.service': UNIT, 'u/app@main.service.d/a.conf': set('PrivateNetwork') }
    for (const v of SYSTEMD_VERSIONS) expect(load(f, 'u/app@main.service', v).on).toEqual(['PrivateNetwork'])
    expect(load({ ...f, 'u/app@main.service': UNIT }, 'u/app@main.service').on).toEqual(['PrivateNetwork'])
  })
})

describe('links to other places', () => {
  it('a link out of the search path links a unit file: the link is the unit, only its own drop-ins apply', () => {
    const f: Files = {
      'other/lnk.service': UNIT,
      'other/lnk.service.d/a.conf': set('ProtectHome'),
      'u/lnk.service': { link: '../other/lnk.service' },
      'u/lnk.service.d/b.conf': set('PrivateTmp'),
    }
    expect(load(f, 'u/lnk.service')).toMatchObject({ unit: 'lnk.service', names: ['lnk.service'], on: ['PrivateTmp'] })
  })

  it('a link into a system unit directory is an alias, found by name in the unit directory', () => {
    const f: Files = {
      'u/foo.service': UNIT,
      'u/e.service': { link: '/etc/systemd/system/foo.service' },
      'u/e.service.d/a.conf': set('PrivateTmp'),
    }
    expect(load(f, 'u/foo.service')).toMatchObject({ names: ['foo.service', 'e.service'], on: ['PrivateTmp'] })
    // The link itself leads nowhere on a clean machine: the directory is not searched.
    expect(load(f, 'u/e.service')).toMatchObject({ error: 'Unit e.service not found.' })
  })

  it('a link to /dev/null masks, also through an alias', () => {
    const f: Files = { 'u/masked.service': { link: '/dev/null' }, 'u/m2.service': { link: 'masked.service' } }
    expect(load(f, 'u/masked.service')).toMatchObject({ error: 'Unit masked.service is masked.' })
    expect(load(f, 'u/m2.service')).toMatchObject({ error: 'Unit masked.service is masked.' })
  })
})

describe('links in drop-in directories', () => {
  const files: Files = {
    't/foo.service': UNIT,
    't/foo.service.d': { link: '../common.d' },
    'common.d/a.conf': set('PrivateNetwork'),
  }

  it('a linked drop-in directory counts when its target, read from the working directory, is a directory', () => {
    // systemd-analyze run in t/ (on foo.service): ../common.d is there.
    expect(load(files, 't/foo.service', '252', { workingDirectory: 't' })).toMatchObject({
      on: ['PrivateNetwork'],
      dropIns: ['common.d/a.conf'],
    })
    // Run one level up (on t/foo.service): ../common.d is not there, the link is passed over.
    expect(load(files, 't/foo.service', '252', { workingDirectory: '.' })).toMatchObject({ on: [], dropIns: [] })
  })

  it('drop-in files that are links are read where they lead; one to /dev/null masks the name', () => {
    const f: Files = {
      't/foo.service': UNIT,
      't/foo.service.d/x.conf': { link: '../../shared/x.conf' },
      'shared/x.conf': set('PrivateNetwork'),
      't/foo.service.d/m.conf': { link: '/dev/null' },
      't/service.d/m.conf': set('PrivateTmp'),
    }
    for (const v of SYSTEMD_VERSIONS)
      expect(load(f, 't/foo.service', v)).toMatchObject({
        on: ['PrivateNetwork'],
        dropIns: ['t/foo.service.d/m.conf', 't/foo.service.d/x.conf'],
      })
  })
})

describe('the files that decide a unit (for the diff)', () => {
  it("lists the fragment, every name's drop-ins, the links and where they lead", async () => {
    const { resolveUnitFiles } = await import('../../src/unit/unit-files.js')
    const files: Files = {
      'u/foo.service': UNIT,
      'u/bar.service': { link: 'foo.service' },
      'u/bar.service.d/b.conf': set('ProtectHome'),
      'u/foo.service.d': { link: 'dirs/foo.d' },
      'u/dirs/foo.d/a.conf': { link: '../../../shared/a.conf' },
      'shared/a.conf': set('PrivateNetwork'),
      'u/other.service': UNIT,
    }
    const r = resolveUnitFiles(memorySource(files), 'u/foo.service', 'i', { workingDirectory: 'u' })
    expect(r.names).toEqual(['foo.service', 'bar.service'])
    expect(r.dropInPaths).toEqual(['u/dirs/foo.d/a.conf', 'u/bar.service.d/b.conf'])
    expect(r.involved).toEqual([
      'shared/a.conf',
      'u/bar.service',
      'u/bar.service.d/b.conf',
      'u/dirs/foo.d/a.conf',
      'u/foo.service',
      'u/foo.service.d',
    ])
    expect(r.links).toEqual([
      { path: 'u/bar.service', target: 'foo.service' },
      { path: 'u/dirs/foo.d/a.conf', target: '../../../shared/a.conf' },
      { path: 'u/foo.service.d', target: 'dirs/foo.d' },
    ])
  })
})
