/**
 * The lines of a pull request's diff a review comment may sit on. GitHub rejects a whole review
 * when one of its comments names a line outside the diff's hunks, so the lines are read from the
 * patches `GET /pulls/{n}/files` gives: a comment on the right side (the head) may name an added
 * line or a context line of a hunk, nothing else. Pure.
 */

import type { DiffLine } from '../report/review-comments.js'

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/

/**
 * The right-side lines of a unified diff (one file's `patch`), by line number in the head. A
 * patch that does not parse as hunks (GitHub cut it, or it is not one) yields what parsed so far
 * up to the first line that does not fit: never a line the hunks do not hold.
 */
export function rightSideLines(patch: string): Map<number, DiffLine> {
  const out = new Map<number, DiffLine>()
  let right = 0
  let leftToRead = 0
  let rightToRead = 0
  for (const raw of patch.split('\n')) {
    const hunk = HUNK.exec(raw)
    if (hunk) {
      if (leftToRead > 0 || rightToRead > 0) break // the previous hunk ended early: stop trusting
      right = Number(hunk[1])
      rightToRead = hunk[2] === undefined ? 1 : Number(hunk[2])
      // The left side's count, to know where the hunk ends.
      const left = /^@@ -\d+(?:,(\d+))?/.exec(raw)!
      leftToRead = left[1] === undefined ? 1 : Number(left[1])
      continue
    }
    if (raw.startsWith('\\')) continue // "\ No newline at end of file"
    if (leftToRead === 0 && rightToRead === 0) {
      if (raw === '') continue // the patch's last newline
      break
    }
    const mark = raw[0]
    const text = raw.slice(1).replace(/\r$/, '')
    if (mark === '+' && rightToRead > 0) {
      out.set(right++, { text, added: true })
      rightToRead--
    } else if (mark === ' ' && rightToRead > 0 && leftToRead > 0) {
      out.set(right++, { text, added: false })
      rightToRead--
      leftToRead--
    } else if (mark === '-' && leftToRead > 0) {
      leftToRead--
    } else break
  }
  return out
}
