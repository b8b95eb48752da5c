import { describe, expect, it } from 'vitest'
import {
  CAPABILITY_NAMES,
  capabilityNames,
  capabilitySet,
  capabilitySetOf,
  KNOWN_CAPS,
  secureBit,
} from '../../src/model/linux-names.js'
import { isRootUser, namesRoot } from '../../src/model/root-user.js'

describe('capability sets', () => {
  it('KNOWN_CAPS holds bits 0 to CAP_CHECKPOINT_RESTORE (40), no more', () => {
    expect(CAPABILITY_NAMES[40]).toBe('cap_checkpoint_restore')
    expect(KNOWN_CAPS).toBe((1n << 41n) - 1n)
    expect(capabilityNames(KNOWN_CAPS)).toHaveLength(41)
  })

  it('capabilitySetOf() reads names case-insensitively and refuses an unknown one', () => {
    expect(capabilitySetOf(['cap_net_raw', 'CAP_SYS_ADMIN'])).toBe(capabilitySet('CAP_NET_RAW', 'CAP_SYS_ADMIN'))
    expect(capabilityNames(capabilitySetOf(new Set(['CAP_KILL'])))).toEqual(['CAP_KILL'])
    expect(() => capabilitySetOf(['CAP_NOPE'])).toThrow(/CAP_NOPE/)
  })

  it('secure bits are looked up among their own names only', () => {
    expect(secureBit('noroot')).toBe(0)
    expect(secureBit('keep-caps-locked')).toBe(5)
    expect(secureBit('constructor')).toBeUndefined()
  })
})

describe('User= values that are root', () => {
  it('root, 0, and no or an empty User=; names at their word, only "0" as a number', () => {
    for (const u of [null, '', 'root', '0']) expect(isRootUser(u), String(u)).toBe(true)
    for (const u of ['00', 'toor', 'nobody', '1000', 'Root']) expect(isRootUser(u), u).toBe(false)
    expect(namesRoot(null)).toBe(false)
    expect(namesRoot('')).toBe(false)
    expect(namesRoot('0')).toBe(true)
  })
})
