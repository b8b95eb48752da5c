/**
 * The action, start to end: inputs → event → the commit to compare with and the changed files →
 * the same diff as the CLI → JSON report, job summary, annotations, outputs, the sticky comment
 * (only ever the token's own) → the gate. Everything it touches
 * comes through `ActionPorts`, so tests run it against real git and a local GitHub API.
 */
import { join, relative } from 'node:path'
import { diffSnapshots } from '../diff/diff.js'
import type { DiffReport } from '../diff/report.js'
import type { FileChange } from '../git/git.js'
import { encodePath } from '../git/path-bytes.js'
import { renderSarif } from '../report/sarif.js'
import { TOOL_VERSION } from '../version.js'
import { annotations, type Annotation } from './annotations.js'
import { commentKey } from './comment.js'
import { readEvent } from './event.js'
import { failureLine } from './failure-line.js'
import type { GitHubApi, RepoRef } from './github.js'
import { publishComment } from './publish-comment.js'
import { pullRequestChange } from './pull-change.js'
import { jobSummary } from './job-summary.js'
import { InputError, readSettings } from './settings.js'
import { fetchMissing, fromApi, fromCheckout, openRepository } from './sources.js'

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
  const event = readEvent(eventName, io.readEventPayload())
  if (event.kind === 'unsupported') {
    io.notice(`systemd-exposure reviews pull_request, pull_request_target, merge_group and push events; '${eventName}' has nothing to compare, so it does nothing.`)
    return
  }
  const [owner = '', repoName = ''] = (env['GITHUB_REPOSITORY'] ?? '').split('/')
  const repoRef = { owner, repo: repoName }
  const api = io.gitHub(settings.token, env['GITHUB_API_URL'] ?? 'https://api.github.com', repoRef)
  const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd()
  const workdir = join(workspace, settings.workingDirectory)

  // The commit to compare with and the changed files: a pull request from its merge base (see
  // pull-change.ts); a merge group from its base, which its head is built on; a push from the
  // branch's tip before the push — the branch's own two states.
  let repo = openRepository(workdir)
  let from = event.base
  let changes: FileChange[] | undefined
  if (event.kind === 'pull_request') {
    const change = await pullRequestChange(api, event, repo, { info: (m) => io.info(m), warning: (m) => io.warning(m) })
    if ('error' in change) return io.setFailed(change.error)
    from = change.mergeBase
    changes = change.changes
    io.info(`systemd-exposure: comparing ${from} (the merge base of the base ${event.base} and the head) with the head ${event.head}`)
  } else {
    const what = event.kind === 'merge_group' ? "the merge group's base" : 'the branch before the push'
    io.info(`systemd-exposure: comparing ${from} (${what}) with ${event.head}`)
  }
  const unfetched = repo ? fetchMissing(repo, [from, event.head], (m) => io.info(m)) : null
  if (unfetched) {
    repo = null
    if (changes) io.info('reading the change through the GitHub API instead')
  }
  let input
  if (repo) input = fromCheckout(repo, from, event.head, changes)
  else if (changes) input = await fromApi(api, from, event.head, changes, (m) => io.warning(m))
  if (!input) {
    return io.setFailed(
      unfetched
        ? `systemd-exposure needs commit ${unfetched} and could not fetch it from origin into the checkout: check out the whole history (actions/checkout with fetch-depth: 0).`
        : 'systemd-exposure needs the repository: add actions/checkout before this step (with fetch-depth: 0 for very large pull requests).',
    )
  }
  const report = diffSnapshots(input.base, input.head, input.changes, {
    version: settings.version,
    gate: settings.gate,
    filter: settings.filter,
    allow: settings.allow,
    templateSuffixes: settings.templateSuffixes,
    templatePlaceholders: settings.templatePlaceholders,
    toolVersion: TOOL_VERSION,
  })

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
  if (!summary.complete) io.info("the job summary was shortened to fit GitHub's 1 MiB limit; the JSON report (output report-path) has everything")
  try {
    await io.writeSummary(summary.markdown)
  } catch (e) {
    io.warning(`could not write the job summary: ${(e as Error).message}`)
  }
  if (settings.sarifFile !== '') {
    // Paths relative to the workspace, where upload-sarif's checkout_path points by default.
    try {
      io.writeFile(join(workspace, settings.sarifFile), renderSarif(report, { pathPrefix: prefix }))
      io.info(`SARIF written to ${settings.sarifFile}`)
    } catch (e) {
      io.warning(`could not write the SARIF file ${settings.sarifFile}: ${(e as Error).message}`)
    }
  }
  const notes = annotations(report, prefix)
  for (const a of notes.shown) io.annotate(a)
  if (notes.dropped > 0) io.notice(`${notes.dropped} more findings are in the job summary (GitHub shows 10 annotations of each kind per step).`)
  setOutputs(io, report, reportPath)

  if (event.kind === 'pull_request' && settings.comment !== 'off') {
    await publishComment(io, api, { number: event.number, head: event.head, fork: event.fork }, report, settings.comment, {
      key: commentKey(env['GITHUB_WORKFLOW'] ?? '', env['GITHUB_JOB'] ?? '', settings.filter.include.concat(settings.filter.exclude)),
      link,
      commitLink,
      summaryUrl,
      summaryComplete: summary.complete,
    })
  }

  for (const s of report.services) io.info(`${s.unit}: ${s.before?.exposure ?? '—'} → ${s.after?.exposure ?? '—'} (${s.status})`)
  if (report.verdict === 'fail') io.setFailed(failureLine(report))
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
