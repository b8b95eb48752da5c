/**
 * The action, start to end: inputs → event → the commit to compare with and the changed files →
 * the same diff as the CLI → for a pull request, its merge result too → JSON report, job
 * summary, annotations, outputs, the sticky comment (only ever the token's own), the inline
 * review comments → the gate.
 * Everything it touches comes through `ActionPorts`, so tests run it against real git and a
 * local GitHub API.
 */
import { join, normalize, relative } from 'node:path'
import type { DiffReport } from '../diff/report.js'
import { encodePath } from '../git/path-bytes.js'
import { commentKey } from '../report/comment.js'
import { renderSarif } from '../report/sarif.js'
import { TOOL_VERSION } from '../version.js'
import { annotations, type Annotation } from './annotations.js'
import { readEvent } from './event.js'
import { failureLine } from './failure-line.js'
import { fetchedPullRequest } from './fetched-pull.js'
import type { GitHubApi, RepoRef } from './github.js'
import { jobSummary } from './job-summary.js'
import { publishComment } from './publish-comment.js'
import { publishReview } from './publish-review.js'
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
  /** Writes a file; with `within`, only inside that directory and never through a symbolic link. */
  writeFile(path: string, content: string, within?: string): void
  gitHub(token: string, baseUrl: string, repo: RepoRef): GitHubApi
}

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
    io.notice(`systemd-exposure has nothing to compare on this ${eventName} event (${event.why}), so it does nothing.`)
    return
  }
  if (event.kind === 'unreviewable')
    return io.setFailed(`systemd-exposure cannot review this ${eventName} event: ${event.why}.`)
  const [owner = '', repoName = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  const repoRef = { owner, repo: repoName }
  const api = io.gitHub(settings.token, env['GITHUB_API_URL'] ?? 'https://api.github.com', repoRef)
  if (event.kind === 'pull_request_number') {
    const fetched = await fetchedPullRequest(api, event)
    if ('error' in fetched) return io.setFailed(fetched.error)
    event = fetched
    io.info(
      `systemd-exposure: this ${eventName} event belongs to pull request #${event.number}, reviewed at its current head ${event.head}`,
    )
  }
  const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd()
  const workdir = join(workspace, settings.workingDirectory)
  const checkout = openRepository(workdir)
  // Without a checkout the review goes on through the API alone, which is right when the job
  // checked nothing out; a working-directory the workflow names must be one, or a typo would
  // pass unnoticed.
  if (checkout === null && normalize(settings.workingDirectory) !== '.') {
    return io.setFailed(
      `working-directory '${settings.workingDirectory}' is not a git checkout (${workdir}): set it to where actions/checkout put the repository (its 'path' input), relative to the workspace, or leave it out`,
    )
  }

  const reviewed = await reviewChange(api, event, checkout, {
    settings: {
      version: settings.version,
      target: settings.target,
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
  const commitLink = (sha: string): string => `${repoUrl}/commit/${sha}`
  const runId = env['GITHUB_RUN_ID']
  const summaryUrl = runId ? `${repoUrl}/actions/runs/${runId}` : null

  // The JSON report, then the job summary (the full report), then annotations and outputs.
  const reportPath = join(env['RUNNER_TEMP'] ?? workspace, 'systemd-exposure-report.json')
  io.writeFile(reportPath, JSON.stringify(report, null, 2) + '\n')
  const summary = jobSummary(report, { link, commitLink })
  if (!summary.complete)
    io.info(
      "the job summary was shortened to fit GitHub's 1 MiB limit; the JSON report (output report-path) has everything",
    )
  try {
    await io.writeSummary(summary.markdown)
  } catch (e) {
    io.warning(`could not write the job summary: ${(e as Error).message}`)
  }
  if (settings.sarifFile !== '') {
    // Paths relative to the workspace, where upload-sarif's checkout_path points by default.
    try {
      io.writeFile(join(workspace, settings.sarifFile), renderSarif(report, { pathPrefix: prefix }), workspace)
      io.info(`SARIF written to ${settings.sarifFile}`)
    } catch (e) {
      io.warning(`could not write the SARIF file ${settings.sarifFile}: ${(e as Error).message}`)
    }
  }
  const notes = annotations(report, prefix)
  for (const a of notes.shown) io.annotate(a)
  if (notes.dropped > 0)
    io.notice(
      `${notes.dropped} more findings are in the job summary (GitHub shows 10 annotations of each kind per step).`,
    )
  setOutputs(io, report, reportPath)

  const key = commentKey(
    env['GITHUB_WORKFLOW'] ?? '',
    env['GITHUB_JOB'] ?? '',
    settings.filter.include.concat(settings.filter.exclude),
  )
  if (event.kind === 'pull_request' && settings.comment !== 'off') {
    await publishComment(
      io,
      api,
      { number: event.number, head: event.head, fork: event.fork },
      report,
      settings.comment,
      {
        key,
        link,
        commitLink,
        summaryUrl,
        summaryComplete: summary.complete,
      },
    )
  }
  if (event.kind === 'pull_request' && settings.reviewComments) {
    await publishReview(
      io,
      api,
      { number: event.number, head: event.head, fork: event.fork, event: eventName },
      report,
      key,
    )
  }

  for (const s of report.services)
    io.info(`${s.unit}: ${s.before?.exposure ?? '—'} → ${s.after?.exposure ?? '—'} (${s.status})`)
  if (report.verdict === 'fail') io.setFailed(failureLine(report))
  else io.info(`systemd-exposure: pass (${report.services.length} services changed, API requests: ${api.requests()})`)
}

/**
 * A path segment for a URL, from the path's bytes: encodeURIComponent() throws on the lone
 * surrogates that stand for bytes that are not UTF-8 (git/path-bytes.ts).
 */
function urlSegment(segment: string): string {
  let out = ''
  for (const b of encodePath(segment))
    out += /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).toUpperCase().padStart(2, '0')}`
  return out
}

function setOutputs(io: ActionPorts, report: DiffReport, reportPath: string): void {
  io.setOutput('verdict', report.verdict)
  io.setOutput('services-changed', String(report.summary.servicesChanged))
  io.setOutput('capabilities-widened', String(report.summary.capabilitiesWidened))
  io.setOutput(
    'max-exposure-after',
    report.summary.maxExposureAfter === null ? '' : report.summary.maxExposureAfter.toFixed(1),
  )
  io.setOutput('report-path', reportPath)
}
