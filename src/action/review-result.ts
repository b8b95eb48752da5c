/** One comparison's outcome: the report and how many files changed, or why it could not be made. */
import type { DiffReport } from '../diff/report.js'

export type ReviewResult =
  | {
      readonly report: DiffReport
      readonly changed: number
      /** Which symbolic links the review followed (see ComparedCommits). */
      readonly linksFollowed: 'everywhere' | 'directories-read'
    }
  | { readonly error: string }
