/**
 * Output assembled as UTF-8 bytes in fixed-size blocks. Reports for thousands of units run to
 * tens of megabytes made of a few hundred distinct fragments (table lines, JSON rows): kept
 * encoded once, they are copied instead of being joined into strings and encoded again on every
 * write, which was most of the cost of printing.
 */
export interface OutputSink {
  text(text: string): void
  bytes(bytes: Uint8Array): void
}

const encoder = new TextEncoder()

/** Hands each full block to `emit`, which owns it from then on (it may still be queued for writing). */
export class ByteSink implements OutputSink {
  private block: Uint8Array
  private used = 0

  constructor(
    private readonly emit: (block: Uint8Array) => void,
    private readonly blockSize = 256 * 1024,
  ) {
    this.block = new Uint8Array(blockSize)
  }

  text(text: string): void {
    // UTF-8 needs at most 3 bytes per UTF-16 code unit.
    if (text.length * 3 > this.blockSize - this.used) {
      this.flush()
      if (text.length * 3 > this.blockSize) return this.emit(encoder.encode(text))
    }
    this.used += encoder.encodeInto(text, this.block.subarray(this.used)).written
  }

  bytes(bytes: Uint8Array): void {
    if (bytes.length > this.blockSize - this.used) {
      this.flush()
      if (bytes.length > this.blockSize) return this.emit(bytes.slice())
    }
    this.block.set(bytes, this.used)
    this.used += bytes.length
  }

  /** Emits what is buffered, if anything. */
  flush(): void {
    if (this.used === 0) return
    this.emit(this.block.subarray(0, this.used))
    this.block = new Uint8Array(this.blockSize)
    this.used = 0
  }
}

/** Collects everything written as one array of exactly its length. */
export function collectBytes(write: (sink: OutputSink) => void): Uint8Array {
  const parts: Uint8Array[] = []
  const sink = new ByteSink((b) => parts.push(b), 16 * 1024)
  write(sink)
  sink.flush()
  return parts.length === 1 ? parts[0]!.slice() : Buffer.concat(parts)
}
