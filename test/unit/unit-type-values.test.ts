import { describe, expect, it } from 'vitest'
import { parseSocketAddress } from '../../src/service/socket-address.js'
import { isCalendarSpec, isTimespan } from '../../src/service/time-specs.js'

describe('the values that decide whether a socket or timer loads', () => {
  it('reads listen addresses as socket_address_parse() does', () => {
    expect(parseSocketAddress('80')).toEqual({ family: 'inet' })
    expect(parseSocketAddress('1.2.3.4:80')).toEqual({ family: 'inet' })
    expect(parseSocketAddress('[::1]:443')).toEqual({ family: 'inet' })
    expect(parseSocketAddress('/run/a.sock')).toEqual({ family: 'unix', path: '/run/a.sock' })
    expect(parseSocketAddress('@abstract')).toEqual({ family: 'unix', path: null })
    expect(parseSocketAddress('vsock:2:1234')).toEqual({ family: 'vsock' })
    expect(parseSocketAddress('0')).toEqual({ error: 'Invalid argument' })
    expect(parseSocketAddress('65536')).toEqual({ error: 'Numerical result out of range' })
    expect(parseSocketAddress('lo:80')).toEqual({ error: 'Invalid argument' })
    expect(parseSocketAddress('1.2.3.4')).toEqual({ error: 'Invalid argument' })
    expect(parseSocketAddress('[fe80::1%lo]:53')).toEqual({ error: 'Invalid argument' })
    expect(parseSocketAddress('/' + 'a'.repeat(107))).toEqual({ error: 'Invalid argument' })
  })

  it('reads time spans and calendar specs', () => {
    for (const ok of ['5min', '1h 30min', '1.5d', '90', 'infinity', '100ms']) expect(isTimespan(ok), ok).toBe(true)
    for (const bad of ['soon', '-1', '5 lightyears', '']) expect(isTimespan(bad), bad).toBe(false)
    for (const ok of [
      'daily',
      'Mon..Fri 08:00',
      '*-*-1,15 00:00',
      '*:0/15',
      '2030-02-29 12:00 UTC',
      'Sat,Sun *-*-1..7 02:00',
      'Mon',
    ])
      expect(isCalendarSpec(ok), ok).toBe(true)
    for (const bad of ['garbage', 'every tuesday', '25:00', '*-13-01', 'Funday', ''])
      expect(isCalendarSpec(bad), bad).toBe(false)
  })
})
