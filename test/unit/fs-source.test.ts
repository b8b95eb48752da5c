import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fileSystemSource, MAX_UNIT_FILE_BYTES } from '../../src/unit/fs-source.js'

describe('fileSystemSource', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sdx-fs-'))
    writeFileSync(join(dir, 'small.service'), '[Service]\nExecStart=/bin/true\n')
    writeFileSync(join(dir, 'empty.service'), '')
    // Larger than the 64 KiB scratch buffer, with a recognisable tail.
    writeFileSync(join(dir, 'large.service'), `${'#'.repeat(200_000)}\nTAIL\n`)
    symlinkSync('/dev/null', join(dir, 'masked.service'))
    symlinkSync('/dev/tty', join(dir, 'tty.service'))
    symlinkSync('/dev/urandom', join(dir, 'random.service'))
    symlinkSync('small.service', join(dir, 'alias.service'))
    mkdirSync(join(dir, 'dir.service'))
    mkdirSync(join(dir, 'small.service.d'))
    writeFileSync(join(dir, 'small.service.d', 'a.conf'), '[Service]\n')
    writeFileSync(join(dir, 'file.service.d'), 'not a directory')
    execFileSync('mkfifo', [join(dir, 'fifo.service')])
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads regular files of any size, and files behind links', () => {
    const source = fileSystemSource()
    expect(Buffer.from(source.read(join(dir, 'small.service'))!).toString()).toBe('[Service]\nExecStart=/bin/true\n')
    const large = Buffer.from(source.read(join(dir, 'large.service'))!).toString()
    expect(large.length).toBe(200_006)
    expect(large.endsWith('\nTAIL\n')).toBe(true)
    expect(Buffer.from(source.read(join(dir, 'alias.service'))!).toString()).toContain('ExecStart')
  })

  it('gives empty content for an empty file and a link to /dev/null (both mask the unit)', () => {
    const source = fileSystemSource()
    expect(source.read(join(dir, 'empty.service'))).toEqual(new Uint8Array(0))
    expect(source.read(join(dir, 'masked.service'))).toEqual(new Uint8Array(0))
  })

  it('treats a link to any character device as masked, as systemd does, without reading it', () => {
    const source = fileSystemSource()
    expect(source.read(join(dir, 'tty.service'))).toEqual(new Uint8Array(0))
    expect(source.read(join(dir, 'random.service'))).toEqual(new Uint8Array(0))
  })

  it('gives null for what is no unit file: missing, a directory, a FIFO (without waiting for a writer)', () => {
    const source = fileSystemSource()
    expect(source.read(join(dir, 'missing.service'))).toBeNull()
    expect(source.read(join(dir, 'dir.service'))).toBeNull()
    expect(source.read(join(dir, 'fifo.service'))).toBeNull()
  })

  it('lists directories, and rules out drop-in directories absent from the parent listing', () => {
    const source = fileSystemSource()
    expect(source.list(join(dir, 'small.service.d'))).toEqual(['a.conf'])
    expect(source.list(join(dir, 'other.service.d'))).toBeNull()
    expect(source.list(join(dir, 'file.service.d'))).toBeNull()
    expect(source.list(join(dir, 'missing', 'x.service.d'))).toBeNull()
    expect([...source.list(dir)!].sort()).toContain('small.service.d')
  })

  it('tells links, with their target as written, from files', () => {
    const source = fileSystemSource()
    expect(source.link(join(dir, 'alias.service'))).toBe('small.service')
    expect(source.link(join(dir, 'masked.service'))).toBe('/dev/null')
    expect(source.link(join(dir, 'small.service'))).toBeNull()
    expect(source.link(join(dir, 'missing.service'))).toBeNull()
  })

  it('states the size limit it refuses files above', () => {
    expect(MAX_UNIT_FILE_BYTES).toBe(64 * 1024 * 1024)
  })
})
