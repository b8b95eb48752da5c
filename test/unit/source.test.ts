import { describe, expect, it } from 'vitest'
import { memorySource } from '../../src/unit/source.js'

describe('memorySource', () => {
  const source = memorySource({
    'a/foo.service': '[Service]\n',
    'a/bar.service': { link: 'foo.service' },
    'a/up.service': { link: '../b/x.service' },
    'b/x.service': 'X',
    'a/masked.service': { link: '/dev/null' },
    'a/out.service': { link: '/usr/lib/systemd/system/out.service' },
    'a/loop.service': { link: 'loop.service' },
  })

  it('follows links inside the map; /dev/null masks; absolute and looping links read as nothing', () => {
    expect(Buffer.from(source.read('a/bar.service')!).toString()).toBe('[Service]\n')
    expect(Buffer.from(source.read('a/up.service')!).toString()).toBe('X')
    expect(source.read('a/masked.service')).toEqual(new Uint8Array(0))
    expect(source.read('a/out.service')).toBeNull()
    expect(source.read('a/loop.service')).toBeNull()
  })

  it('shows links and lists them as entries', () => {
    expect(source.link('a/bar.service')).toBe('foo.service')
    expect(source.link('./a//bar.service')).toBe('foo.service')
    expect(source.link('a/foo.service')).toBeNull()
    expect([...source.list('a')!].sort()).toEqual([
      'bar.service',
      'foo.service',
      'loop.service',
      'masked.service',
      'out.service',
      'up.service',
    ])
  })
})
