import { describe, expect, it } from 'vitest'
import { ByteSink, collectBytes } from '../../src/report/byte-sink.js'

const decode = (blocks: Uint8Array[]): string => Buffer.concat(blocks).toString('utf8')

describe('ByteSink', () => {
  it('assembles text and bytes in order, in blocks no larger than asked', () => {
    const blocks: Uint8Array[] = []
    const sink = new ByteSink((b) => blocks.push(b), 16)
    const expected: string[] = []
    for (let i = 0; i < 20; i++) {
      sink.text(`u${i}→`)
      sink.bytes(Buffer.from(`[${i}]`))
      expected.push(`u${i}→`, `[${i}]`)
    }
    sink.flush()
    expect(decode(blocks)).toBe(expected.join(''))
    expect(blocks.every((b) => b.length <= 16)).toBe(true)
    // Every block is whole UTF-8: fragments are never split.
    for (const b of blocks) expect(Buffer.from(b).toString('utf8')).not.toContain('\uFFFD')
  })

  it('passes fragments larger than a block through whole', () => {
    const blocks: Uint8Array[] = []
    const sink = new ByteSink((b) => blocks.push(b), 8)
    sink.text('ab')
    sink.text('✓'.repeat(10))
    sink.bytes(Buffer.from('0123456789'))
    sink.flush()
    expect(decode(blocks)).toBe(`ab${'✓'.repeat(10)}0123456789`)
  })

  it('hands out a fresh block each time: a queued write keeps its bytes', () => {
    const blocks: Uint8Array[] = []
    const sink = new ByteSink((b) => blocks.push(b), 4)
    for (const t of ['abcd', 'efgh', 'ij']) sink.bytes(Buffer.from(t))
    sink.flush()
    expect(blocks.map((b) => Buffer.from(b).toString())).toEqual(['abcd', 'efgh', 'ij'])
  })

  it('collectBytes gives the whole output as one array of its exact length', () => {
    const bytes = collectBytes((s) => (s.text('x→'), s.bytes(Buffer.from('y'.repeat(20_000)))))
    expect(bytes.length).toBe(4 + 20_000)
    expect(Buffer.from(bytes).toString()).toBe(`x→${'y'.repeat(20_000)}`)
  })
})
