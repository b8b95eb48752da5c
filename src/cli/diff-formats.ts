/** `diff --format`: renderers of the review's report. */
import type { DiffReport } from '../diff/report.js'
import { renderCodeQuality } from '../report/codequality.js'
import { commentBody, commentKey } from '../report/comment.js'
import { renderMarkdown } from '../report/markdown.js'
import { renderSarif } from '../report/sarif.js'
import type { FormatTable } from './format-option.js'

export type DiffRenderer = (report: DiffReport) => string

export const DIFF_FORMATS: FormatTable<DiffRenderer> = [
  {
    name: 'markdown',
    description: "the review in GitHub Markdown, as the action's comment and job summary show it",
    render: (report) => renderMarkdown(report),
  },
  {
    name: 'comment',
    description: 'the pull-request comment as the action posts it (hidden markers, at-a-glance size)',
    render: (report) => commentBody(report, commentKey('', '', []), { previous: null, summaryUrl: null }).body,
  },
  {
    name: 'json',
    description: 'the report as one JSON document (schemaVersion 2, described in the README)',
    render: (report) => JSON.stringify(report, null, 2) + '\n',
  },
  {
    name: 'sarif',
    description: 'SARIF 2.1.0 for code scanning: one result per widening, regression and unit problem',
    render: (report) => renderSarif(report),
  },
  {
    name: 'codequality',
    description: 'a GitLab Code Quality report for the merge-request widget',
    render: (report) => renderCodeQuality(report),
  },
]
