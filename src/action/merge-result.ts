/**
 * Checks a pull request's merge result (merge-target.ts says which commits) against its own
 * change: what the merge widens that the change does not show (diff/merge-check.ts).
 */
import { mergeOnlyWidenings } from '../diff/merge-check.js'
import type { DiffReport, MergeResultCheck } from '../diff/report.js'
import type { MergeTarget } from './merge-target.js'
import type { ReviewResult } from './review-result.js'

export async function checkMergeResult(
  target: MergeTarget,
  review: (from: string, to: string) => Promise<ReviewResult> | ReviewResult,
  change: DiffReport,
): Promise<MergeResultCheck | { readonly error: string }> {
  if ('notChecked' in target) return { checked: false, why: target.notChecked }
  const merged = await review(target.from, target.to)
  if ('error' in merged) return merged
  return {
    checked: true,
    from: target.from,
    to: target.to,
    how: target.how,
    widened: mergeOnlyWidenings(change, merged.report),
  }
}
