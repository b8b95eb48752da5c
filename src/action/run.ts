/**
 * The action, start to end: inputs → event → the commit to compare with and the changed files →
 * the same diff as the CLI → for a pull request, its merge result too → JSON report, job
 * summary, annotations, outputs, the sticky comment (only ever the token's own) → the gate.
 * Everything it touches comes through `ActionPorts`, so tests run it against real git and a
 * local GitHub API.
 */
import { join, relative } from 'node:path'
import { withMergeResult } from '../diff/merge-check.js'
import type { DiffReport } from '../diff/report.js'
import type { FileChange } from '../git/git.js'
import { encodePath } from '../git/path-bytes.js'
import { renderMarkdown } from '../report/markdown.js'
import { TOOL_VERSION } from '../version.js'
import { annotations, type Annotation } from './annotations.js'
import { commentBody, commentKey, marker, previousState } from './comment.js'
import { comparisonsNote } from './comparisons-note.js'
import { readEvent } from './event.js'
import { fetchedPullRequest } from './fetched-pull.js'
import type { GitHubApi, RepoRef } from './github.js'
import { unrecognisedAuthor } from './identity.js'
import { safeLog } from './log-safety.js'
import { findOwnComment } from './own-comment.js'
import { pullRequestChange } from './pull-change.js'
import { InputError, readSettings } from './settings.js'
import { ApiBlobs } from './api-blobs.js'
import { reviewThroughApi } from './api-review.js'
import { checkMergeResult } from './merge-result.js'
import { mergeTargetThroughApi, prepareCheckout, type MergeTarget } from './merge-target.js'
import type { ReviewResult } from './review-result.js'
import { openRepository, reviewInCheckout } from './sources.js'

export interface ActionPorts {
  readonly env: NodeJS.ProcessEnv
  getInput(name: string): string
  setOutput(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  notice(message: string): void
  annotate(a: Annotation): void
  setFailed(message: string): void
  writeSummary(markdown: string): Promise<void>
  readEventPayload(): Record<string, unknown>
  writeFile(path: string, content: string): void
  gitHub(token: string, baseUrl: string, repo: RepoRef): GitHubApi
}

/** GitHub's limit for a step summary. */
const SUMMARY_LIMIT = 1024 * 1024

export async function runAction(io: ActionPorts): Promise<void> {
  let settings
  try {
    settings = readSettings((n) => io.getInput(n))
  } catch (e) {
    if (e instanceof InputError) return io.setFailed(e.message)
    throw e
  }
  const env = io.env
  const eventName = env['GITHUB_EVENT_NAME'] ?? ''
  let event = readEvent(eventName, io.readEventPayload(), env['GITHUB_SHA'] ?? '')
  if (event.kind === 'nothing') {
    io.notice(safeLog(`systemd-exposure has nothing to compare on this ${eventName} event (${event.why}), so it does nothing.`))
    return
  }
  if (event.kind === 'unreviewable') return io.setFailed(safeLog(`systemd-exposure cannot review this ${eventName} event: ${event.why}.`))
  const [owner = '', repoName = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  const repoRef = { owner, repo: repoName }
  const api = io.gitHub(settings.token, env['GITHUB_API_URL'] ?? 'https://api.github.com', repoRef)
  if (event.kind === 'pull_request_number') {
    const fetched = await fetchedPullRequest(api, event)
    if ('error' in fetched) return io.setFailed(fetched.error)
    event = fetched
    io.info(`systemd-exposure: this ${safeLog(eventName)} event belongs to pull request #${event.number}, reviewed at its current head ${event.head}`)
  }
  const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd()
  const workdir = join(workspace, settings.workingDirectory)

  // The commit to compare with: a pull request's merge base (see pull-change.ts); a merge
  // group's base, which its head is built on; a push's branch tip before the push — the
  // branch's own two states. Which files changed comes from git, or from the two trees.
  let repo = openRepository(workdir)
  let from = event.base
  let renameHints: readonly FileChange[] = []
  let listNote: string | null = null
  if (event.kind === 'pull_request') {
    const change = await pullRequestChange(api, event, repo, { info: (m) => io.info(m) })
    if ('error' in change) return io.setFailed(change.error)
    from = change.mergeBase
    renameHints = change.renameHints
    listNote = change.listNote
    io.info(`systemd-exposure: comparing ${from} (the merge base of the base ${event.base} and the head) with the head ${event.head}`)
  } else {
    const what = event.kind === 'merge_group' ? "the merge group's base" : 'the branch before the push'
    io.info(`systemd-exposure: comparing ${from} (${what}) with ${event.head}`)
  }
  const pr = event.kind === 'pull_request' ? event : null
  // What a shallow checkout lacks, of the change and of a pull request's merge result, is
  // fetched in one round trip (merge-target.ts).
  let merge: MergeTarget | null = null
  let unfetched: string | null = null
  if (repo) {
    const prepared = prepareCheckout(repo, pr, from, event.head, (m) => io.info(safeLog(m)))
    unfetched = prepared.unfetched
    merge = prepared.merge
    if (unfetched) {
      repo = null
      io.info('reading the change through the GitHub API instead')
    }
  }
  const diffSettings = {
    version: settings.version,
    gate: settings.gate,
    filter: settings.filter,
    allow: settings.allow,
    templateSuffixes: settings.templateSuffixes,
    templatePlaceholders: settings.templatePlaceholders,
    toolVersion: TOOL_VERSION,
  }
  const blobs = new ApiBlobs(api, (m) => io.warning(safeLog(m)))
  const checkout = repo
  const review = (a: string, b: string, hints: readonly FileChange[] = []): Promise<ReviewResult> | ReviewResult =>
    checkout ? reviewInCheckout(checkout, a, b, diffSettings) : reviewThroughApi(api, blobs, a, b, hints, diffSettings)
  const reviewed = await review(from, event.head, renameHints)
  if ('error' in reviewed) {
    const fetchNote = unfetched ? ` The checkout could not fetch ${unfetched} from origin either: check out the whole history (actions/checkout with fetch-depth: 0).` : ''
    return io.setFailed(reviewed.error + fetchNote)
  }
  io.info(`systemd-exposure: ${reviewed.changed} files changed, as ${repo ? 'git lists' : 'the two trees list'} them${listNote ? ` (${listNote})` : ''}`)

  // A pull request's merge result too: what it widens that the change does not show fails.
  const compared = { from, to: event.head, what: pr ? 'merge-base' : event.kind === 'merge_group' ? 'merge-group-base' : 'before-push' }
  let report: DiffReport = { ...reviewed.report, comparisons: { change: compared, mergeResult: null } }
  if (pr) {
    const target = merge ?? (await mergeTargetThroughApi(api, pr))
    if ('from' in target) io.info(`systemd-exposure: comparing the merge result ${target.to} (${target.how === 'merge-commit' ? "GitHub's merge commit" : 'the merge git built'}) with the base branch's tip ${target.from}`)
    const check = await checkMergeResult(target, review, reviewed.report)
    if ('error' in check) return io.setFailed(`${check.error} (reading the merge result)`)
    if (!check.checked) io.warning(safeLog(`systemd-exposure did not check the merge result: ${check.why}.`))
    const into = `${pr.baseRef ?? 'the base branch'} (${'from' in target ? target.from.slice(0, 12) : ''})`
    report = withMergeResult(reviewed.report, compared, check, into, settings.gate)
  }
  if (!repo) io.info(`systemd-exposure: ${blobs.requests} blob requests through the GitHub API (budget ${blobs.budget})`)

  const serverUrl = env['GITHUB_SERVER_URL'] ?? 'https://github.com'
  const repoUrl = `${serverUrl}/${owner}/${repoName}`
  const prefix = repo ? relative(workspace, repo.topLevel()) : ''
  const inRepo = (file: string): string => (prefix === '' ? file : `${prefix}/${file}`)
  const link = (file: string, line: number | null): string =>
    `${repoUrl}/blob/${event.head}/${inRepo(file).split('/').map(urlSegment).join('/')}${line ? `#L${line}` : ''}`
  const runId = env['GITHUB_RUN_ID']
  const summaryUrl = runId ? `${repoUrl}/actions/runs/${runId}` : null

  // The JSON report, then the job summary (the full report), then annotations and outputs.
  const reportPath = join(env['RUNNER_TEMP'] ?? workspace, 'systemd-exposure-report.json')
  io.writeFile(reportPath, JSON.stringify(report, null, 2) + '\n')
  let summary = renderMarkdown(report, { link })
  if (summary.length > SUMMARY_LIMIT) summary = renderMarkdown(report, { link, detail: 'compact', trimmedNote: `The full report is in ${reportPath}.` })
  summary += `\n${comparisonsNote(compared, report.comparisons?.mergeResult ?? null)}`
  try {
    await io.writeSummary(summary)
  } catch (e) {
    io.warning(`could not write the job summary: ${(e as Error).message}`)
  }
  const notes = annotations(report, prefix)
  for (const a of notes.shown) io.annotate(a)
  if (notes.dropped > 0) io.notice(`${notes.dropped} more findings are in the job summary (GitHub shows 10 annotations of each kind per step).`)
  setOutputs(io, report, reportPath)

  if (event.kind === 'pull_request' && settings.comment !== 'off') {
    await publishComment(io, api, event.number, report, settings.comment, {
      key: commentKey(env['GITHUB_WORKFLOW'] ?? '', env['GITHUB_JOB'] ?? '', settings.filter.include.concat(settings.filter.exclude)),
      link,
      summaryUrl,
      fork: event.fork,
    })
  }

  for (const s of report.services) io.info(safeLog(`${s.unit}: ${s.before?.exposure ?? '—'} → ${s.after?.exposure ?? '—'} (${s.status})`))
  if (report.verdict === 'fail') io.setFailed(safeLog(`systemd-exposure: ${report.failures.map((f) => f.message).join('; ')}`))
  else io.info(`systemd-exposure: pass (${report.services.length} services changed, API requests: ${api.requests()})`)
}

/**
 * A path segment for a URL, from the path's bytes: encodeURIComponent() throws on the lone
 * surrogates that stand for bytes that are not UTF-8 (git/path-bytes.ts).
 */
function urlSegment(segment: string): string {
  let out = ''
  for (const b of encodePath(segment)) out += /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  return out
}

function setOutputs(io: ActionPorts, report: DiffReport, reportPath: string): void {
  io.setOutput('verdict', report.verdict)
  io.setOutput('services-changed', String(report.summary.servicesChanged))
  io.setOutput('capabilities-widened', String(report.summary.capabilitiesWidened))
  io.setOutput('max-exposure-after', report.summary.maxExposureAfter === null ? '' : report.summary.maxExposureAfter.toFixed(1))
  io.setOutput('report-path', reportPath)
}

async function publishComment(
  io: ActionPorts,
  api: GitHubApi,
  number: number,
  report: DiffReport,
  mode: 'update' | 'new',
  opts: { key: string; link: (f: string, l: number | null) => string; summaryUrl: string | null; fork: boolean },
): Promise<void> {
  try {
    // Only a comment the token's own account wrote is edited, and only its state is trusted.
    const existing = await findOwnComment(api.issueComments(number), marker(opts.key), () => api.tokenIdentity(), (m) => io.info(safeLog(m)))
    // A PR that touches no unit gets no comment; an earlier one is updated to say so.
    if (report.services.length === 0 && !existing) return
    const { body, trimmed } = commentBody(report, opts.key, {
      link: opts.link,
      previous: existing ? previousState(existing.body) : null,
      summaryUrl: opts.summaryUrl,
    })
    if (trimmed) io.info('the comment was shortened to fit GitHub\'s limit; the job summary has everything')
    if (existing && mode === 'update') {
      if (existing.body !== body) await api.updateComment(existing.id, body)
    } else {
      const written = await api.createComment(number, body)
      const app = unrecognisedAuthor(written.author)
      if (app && mode === 'update') {
        io.warning(
          safeLog(
            `systemd-exposure wrote its comment as ${app}, a GitHub App's bot. GitHub's REST API does not tell an app's installation token which app it is, so the action cannot prove that comment is its own and adds a new one on each run instead of editing it. Use the workflow's GITHUB_TOKEN or a personal access token for comment: update.`,
          ),
        )
      }
    }
  } catch (e) {
    const status = (e as { status?: number }).status
    const how =
      status === 403 || status === 404
        ? opts.fork
          ? 'pull requests from forks get a read-only token: run the check on pull_request_target (it never runs PR code) or set comment: off'
          : "give the job 'permissions: pull-requests: write' (and 'contents: read')"
        : 'the GitHub API kept failing after retries'
    io.warning(`systemd-exposure could not write the PR comment (${status ?? 'error'}: ${safeLog((e as Error).message)}); ${how}. The verdict and the job summary are unaffected.`)
  }
}
