/**
 * Which commits the run compared, for the job summary: the change under review and, for a pull
 * request, its merge result — or that the merge result was not checked, and why.
 */
import type { ComparedCommits, MergeResultCheck } from '../diff/report.js'
import { code, md } from '../report/escape.js'

const WHAT: Record<string, [string, string]> = {
  'merge-base': ["the pull request's own change", 'merge base'],
  'merge-group-base': ['the merge group', "the group's base"],
  'before-push': ['the push', 'the branch before it'],
}

export function comparisonsNote(change: ComparedCommits, merge: MergeResultCheck | null): string {
  const [what, from] = WHAT[change.what] ?? ['the change', 'base']
  const lines = [`**Compared** — ${what}: ${code(change.from)} (${from}) → ${code(change.to)}.`]
  if (change.linksFollowed === 'directories-read')
    lines.push(
      'Read through the GitHub API, without a checkout: symbolic links were followed in the directories the review read, not elsewhere in the repository. A link elsewhere that loads a changed unit file or drop-in directory for a unit with another name or other drop-ins is reviewed only with actions/checkout before this step.',
    )
  if (merge?.checked === true) {
    const to = merge.how === 'merge-commit' ? "GitHub's merge commit" : 'the tree of the merge git built'
    const found =
      merge.widened.length === 0
        ? 'it widens nothing the change does not show'
        : `${merge.widened.length} widening${merge.widened.length === 1 ? '' : 's'} the change does not show`
    lines.push(`Its merge result: ${code(merge.from)} (the base branch's tip) → ${code(merge.to)} (${to}): ${found}.`)
  } else if (merge?.checked === false) {
    lines.push(`Its merge result was **not checked**: ${md(merge.why)}.`)
  }
  return lines.join('<br>\n') + '\n'
}
