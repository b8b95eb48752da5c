/**
 * The action in this process, through ActionPorts: inputs, environment and event payload as the
 * runner gives them, the real GitHub edge (action/github.ts) against the local API server, and
 * every other port recording what the run did — for tests that need to see the annotations,
 * outputs and failures themselves rather than the workflow commands of the bundled action.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Annotation } from '../../src/action/annotations.js'
import { gitHubApi } from '../../src/action/github.js'
import { runAction, type ActionPorts } from '../../src/action/run.js'
import type { DiffReport } from '../../src/diff/report.js'
import { TOKEN } from './action-run.js'
import { onPullRequest, type TestPullRequest } from './pull-request.js'

export interface InProcessRun {
  /** Every message in order, with its level ('failed' for setFailed). */
  readonly log: readonly { readonly level: 'info' | 'warning' | 'notice' | 'failed'; readonly message: string }[]
  /** The setFailed messages: the step failed when there is one. */
  readonly failed: readonly string[]
  readonly outputs: Readonly<Record<string, string>>
  readonly annotations: readonly Annotation[]
  readonly summary: string | null
  /** The JSON report the run wrote, parsed; null when it wrote none. */
  readonly report: DiffReport | null
  /** How often the run asked for a GitHub client. */
  readonly gitHubClients: number
}

export interface InProcessOptions {
  readonly workspace: string
  /** The local API server's URL (none: a run that asks for a client gets one that reaches nothing). */
  readonly apiUrl?: string
  readonly event: string
  readonly payload: object
  /** Inputs by name; any other input is '' as when the workflow does not set it. */
  readonly inputs?: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
}

export async function runInProcess(options: InProcessOptions): Promise<InProcessRun> {
  const tmp = mkdtempSync(join(tmpdir(), 'sdx-runner-'))
  const log: { level: 'info' | 'warning' | 'notice' | 'failed'; message: string }[] = []
  const outputs: Record<string, string> = {}
  const annotations: Annotation[] = []
  let summary: string | null = null
  let report: DiffReport | null = null
  let gitHubClients = 0
  const inputs: Record<string, string> = { 'github-token': TOKEN, ...options.inputs }
  const io: ActionPorts = {
    env: {
      GITHUB_EVENT_NAME: options.event,
      GITHUB_REPOSITORY: 'octo/units',
      GITHUB_API_URL: options.apiUrl ?? 'http://127.0.0.1:9',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKSPACE: options.workspace,
      GITHUB_WORKFLOW: 'harden',
      GITHUB_JOB: 'exposure',
      GITHUB_RUN_ID: '42',
      RUNNER_TEMP: tmp,
      ...options.env,
    },
    getInput: (n) => inputs[n] ?? '',
    setOutput: (n, v) => void (outputs[n] = v),
    info: (m) => void log.push({ level: 'info', message: m }),
    warning: (m) => void log.push({ level: 'warning', message: m }),
    notice: (m) => void log.push({ level: 'notice', message: m }),
    annotate: (a) => void annotations.push(a),
    setFailed: (m) => void log.push({ level: 'failed', message: m }),
    writeSummary: (md) => {
      summary = md
      return Promise.resolve()
    },
    readEventPayload: () => options.payload as Record<string, unknown>,
    writeFile: (path, content) => {
      if (path.endsWith('systemd-exposure-report.json')) report = JSON.parse(content) as DiffReport
      mkdirSync(dirname(path), { recursive: true })
      writeFileSync(path, content)
    },
    gitHub: (token, baseUrl, repo) => {
      gitHubClients++
      return gitHubApi(token, baseUrl, repo, () => {})
    },
  }
  try {
    await runAction(io)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return {
    log,
    failed: log.filter((l) => l.level === 'failed').map((l) => l.message),
    outputs,
    annotations,
    summary,
    report,
    gitHubClients,
  }
}

/** The action in process on a test pull request (onPullRequest). */
export function runInProcessOn(
  pr: TestPullRequest,
  extra: Partial<Omit<InProcessOptions, 'workspace' | 'apiUrl'>> = {},
): Promise<InProcessRun> {
  return runInProcess(onPullRequest(pr, extra))
}
