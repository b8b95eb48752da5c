/** strcmp() order of the UTF-8 bytes, which is code-point order. */
export function compareBytes(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // UTF-16 order differs from code-point order only when a surrogate meets U+E000…U+FFFF.
    if ((x >= 0xd800 && x <= 0xdfff) || (y >= 0xd800 && y <= 0xdfff)) {
      return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0)
    }
    return x - y
  }
  return a.length - b.length
}
