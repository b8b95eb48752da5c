/**
 * The action, start to end: inputs → event → the commit to compare with and the changed files →
 * the same diff as the CLI → for a pull request, its merge result too → JSON report, job
 * summary, annotations, outputs, the sticky comment (only ever the token's own) → the gate.
 * Everything it touches comes through `ActionPorts`, so tests run it against real git and a
 * local GitHub API.
 */
import { join, relative } from 'node:path'
import type { DiffReport } from '../diff/report.js'
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
import { reviewChange } from './review-change.js'
import { InputError, readSettings } from './settings.js'
import { openRepository } from './sources.js'

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

  const reviewed = await reviewChange(api, event, openRepository(workdir), {
    settings: {
      version: settings.version,
      gate: settings.gate,
      filter: settings.filter,
      allow: settings.allow,
      templateSuffixes: settings.templateSuffixes,
      templatePlaceholders: settings.templatePlaceholders,
      toolVersion: TOOL_VERSION,
    },
    log: { info: (m) => io.info(m), warning: (m) => io.warning(m) },
  })
  if ('error' in reviewed) return io.setFailed(reviewed.error)
  const { report, repo } = reviewed

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
  if (report.comparisons) summary += `\n${comparisonsNote(report.comparisons.change, report.comparisons.mergeResult)}`
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
