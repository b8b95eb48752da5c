import { describe, expect, it } from 'vitest'
import {
  dropInUnitNames,
  isValidSliceName,
  unitNameFromPath,
  unitNameKind,
  unitNameToPath,
} from '../../src/unit/names.js'

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

  it('turns paths into mount, automount and swap names and back, as unit_name_from_path() and unit_name_to_path() do', () => {
    expect(unitNameFromPath('/srv/www', '.mount')).toBe('srv-www.mount')
    expect(unitNameFromPath('//srv//www/', '.mount')).toBe('srv-www.mount')
    expect(unitNameFromPath('/', '.mount')).toBe('-.mount')
    expect(unitNameFromPath('/srv/a-b', '.mount')).toBe('srv-a\\x2db.mount')
    // Only a leading dot is escaped; every byte of a non-ASCII character is.
    expect(unitNameFromPath('/.dot/.x', '.mount')).toBe('\\x2edot-.x.mount')
    expect(unitNameFromPath('/srv/café', '.mount')).toBe('srv-caf\\xc3\\xa9.mount')
    expect(unitNameFromPath('/srv/../x', '.mount')).toBeNull()
    expect(unitNameFromPath('/' + 'a'.repeat(300), '.mount')).toBeNull()
    expect(unitNameToPath('srv-www.mount')).toBe('/srv/www')
    expect(unitNameToPath('-.mount')).toBe('/')
    expect(unitNameToPath('srv-caf\\xc3\\xa9.mount')).toBe('/srv/café')
    expect(unitNameToPath('srv--x.mount')).toBeNull()
    expect(unitNameToPath('srv-x-.mount')).toBeNull()
    expect(unitNameToPath('srv-\\xZZ.mount')).toBeNull()
    expect(unitNameToPath('srv-..-x.mount')).toBeNull()
  })

  it('accepts slice names whose dashes each separate two parts', () => {
    expect(isValidSliceName('-.slice')).toBe(true)
    expect(isValidSliceName('a-b.slice')).toBe(true)
    expect(isValidSliceName('a--b.slice')).toBe(false)
    expect(isValidSliceName('a-.slice')).toBe(false)
    expect(isValidSliceName('-a.slice')).toBe(false)
  })
})
