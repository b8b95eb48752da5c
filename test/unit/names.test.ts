import { describe, expect, it } from 'vitest'
import { dropInUnitNames, unitNameKind } from '../../src/unit/names.js'

describe('unit names', () => {
  it('classifies names like unit_name_is_valid()', () => {
    expect(unitNameKind('foo.service')).toBe('plain')
    expect(unitNameKind('foo@.service')).toBe('template')
    expect(unitNameKind('foo@bar.service')).toBe('instance')
    expect(unitNameKind('@foo.service')).toBeNull()
    expect(unitNameKind('foo.conf')).toBeNull()
    expect(unitNameKind('fo o.service')).toBeNull()
    expect(unitNameKind('a'.repeat(250) + '.service')).toBeNull()
  })

  it('lists drop-in directories from the most specific, with the dash-prefix chain', () => {
    expect(dropInUnitNames('a-b-c.service')).toEqual(['a-b-c.service', 'a-b-.service', 'a-.service'])
    expect(dropInUnitNames('a-b@x.service')).toEqual([
      'a-b@x.service',
      'a-b@.service',
      'a-.service',
      'a-@x.service',
      'a-@.service',
    ])
    expect(dropInUnitNames('-a.service')).toEqual(['-a.service'])
  })
})
