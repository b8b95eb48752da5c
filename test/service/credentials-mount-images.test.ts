/**
 * MountImages= and the credential settings decide implied DeviceAllow= entries (loop devices,
 * the TPM in 252–257): what systemd-analyze made of each line (observed), seen in that row.
 */
import { describe, expect, it } from 'vitest'
import { assessUnitFile } from '../../src/engine.js'
import type { SystemdVersion } from '../../src/model/versions.js'
import { memorySource } from '../../src/unit/source.js'

/** The DeviceAllow= row under DevicePolicy=closed: true is "a minimal device ACL" (nothing implied). */
function minimalAcl(lines: string, version: SystemdVersion = '252'): boolean | null {
  const r = assessUnitFile(
    memorySource({ 'd.service': `[Service]\nExecStart=/bin/true\nDevicePolicy=closed\n${lines}\n` }),
    'd.service',
    { version },
  )
  if (!r.ok) throw new Error(r.error)
  return r.rows.find((row) => row.id === 'DeviceAllow=')!.set
}

describe('encrypted credentials imply the TPM (252–257)', () => {
  it.each([
    ['LoadCredentialEncrypted=foo:/etc/x\nLoadCredential=foo:/etc/y', true], // the plain line replaces the encrypted one
    ['LoadCredentialEncrypted=foo:/etc/x\nLoadCredential=', true], // an empty LoadCredential= clears both
    ['LoadCredential=foo:/etc/y\nLoadCredentialEncrypted=foo:/etc/x', false],
    ['LoadCredentialEncrypted=foo', false], // inherited from the manager
    ['LoadCredentialEncrypted=fo/o:/etc/x', true], // not a credential name
    ['LoadCredentialEncrypted=foo:/etc/../x', true], // not a normalized path
    ['LoadCredentialEncrypted=foo:bar', false], // a credential name as the source
    ['LoadCredentialEncrypted=foo%e:/etc/x', true], // an unknown specifier
    ['LoadCredentialEncrypted=%n:/etc/x', false],
    ['LoadCredentialEncrypted=:/etc/x', true],
    ['SetCredentialEncrypted=foo:YWJj', false],
    ['SetCredentialEncrypted=foo:abc', true], // not Base64: three characters
    ['SetCredentialEncrypted=foo:YW==', true], // padding with bits left over
    ['SetCredentialEncrypted=foo: Y W J j ', false], // whitespace is skipped
    ['SetCredentialEncrypted=foo:YQ==YQ==', true], // nothing after padding
    ['SetCredentialEncrypted=foo:YQ==\nSetCredential=foo:plain', true],
    ['SetCredentialEncrypted=foo', true],
  ])('%j → minimal ACL: %s', (lines, minimal) => {
    expect(minimalAcl(lines)).toBe(minimal)
  })

  it('262 implies no TPM entry', () => {
    expect(minimalAcl('SetCredentialEncrypted=foo:YWJj', '262')).toBe(true)
  })
})

describe('MountImages= implies loop devices when an image is left', () => {
  it.each([
    ['MountImages=-/x.raw:/mnt', false],
    ['MountImages=x.raw:/mnt', true], // a relative source
    ['MountImages=/x.raw', true], // no destination
    ['MountImages=/x.raw:mnt', true],
    ['MountImages=/x/../y.raw:/mnt', true],
    ['MountImages=/x%e.raw:/mnt', true],
    ['MountImages=/x.raw:/mnt%e', true],
    ['MountImages=bad.raw:/mnt /x.raw:/mnt2', false], // the second image counts
    ['MountImages=/x.raw:/mnt\nMountImages=', true],
    ['MountImages=/x.raw:/mnt:%e', false], // options that do not resolve are skipped, the image stays
    ['MountImages=/./x.raw://mnt/', false], // simplified
  ])('%j → minimal ACL: %s', (lines, minimal) => {
    expect(minimalAcl(lines)).toBe(minimal)
  })
})
