/**
 * Runs the bundled action (dist/index.js) the way the runner does: INPUT_* variables, an event
 * file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, a checkout in GITHUB_WORKSPACE — against a
 * real git "origin" and the local GitHub API server.
 */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { TestRepo } from './git-repo.js'

export const DIST = resolve(import.meta.dirname, '../../dist/index.js')
export const TOKEN = 'ghs_testtoken0123456789'

export interface ActionResult {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
  readonly outputs: Record<string, string>
  readonly summary: string
  /** The JSON report the run wrote (its `report-path` output), parsed; null when none. */
  readonly report: Record<string, unknown> | null
}

/** A shallow checkout of `sha` from `origin`, as actions/checkout makes it (fetch-depth 1). */
export function shallowCheckout(origin: TestRepo, sha: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'sdx-ws-'))
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  git('init', '-q')
  git('remote', 'add', 'origin', `file://${origin.dir}`)
  git('fetch', '-q', '--no-tags', '--depth=1', 'origin', sha)
  git('checkout', '-q', '--detach', 'FETCH_HEAD')
  return ws
}

/** A checkout with the whole history (actions/checkout with fetch-depth: 0), at `sha`. */
export function fullCheckout(origin: TestRepo, sha: string): string {
  const ws = mkdtempSync(join(tmpdir(), 'sdx-ws-'))
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', ws, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  git('init', '-q')
  git('remote', 'add', 'origin', `file://${origin.dir}`)
  git('fetch', '-q', '--no-tags', 'origin', '+refs/heads/*:refs/remotes/origin/*')
  git('checkout', '-q', '--detach', sha)
  return ws
}

/**
 * GitHub's file list of a pull request, from git (name-status with renames): three dots, from
 * the merge base of base and head, as GitHub lists it; each text file with its patch (the hunks
 * of `git diff`, as GitHub's `patch` field has them).
 */
export function prFiles(
  origin: TestRepo,
  base: string,
  head: string,
): {
  filename: string
  status: 'added' | 'removed' | 'modified' | 'renamed'
  previous_filename?: string
  patch?: string
}[] {
  const out = origin.git('diff', '--name-status', '-M', '-z', `${base}...${head}`).split('\0')
  const patches = filePatches(origin, base, head)
  const files = []
  for (let i = 0; i < out.length;) {
    const code = out[i++]
    if (!code) continue
    let file: {
      filename: string
      status: 'added' | 'removed' | 'modified' | 'renamed'
      previous_filename?: string
      patch?: string
    }
    if (code.startsWith('R')) {
      const prev = out[i++]!
      file = { filename: out[i++]!, status: 'renamed' as const, previous_filename: prev }
    } else {
      const status = code === 'A' ? ('added' as const) : code === 'D' ? ('removed' as const) : ('modified' as const)
      file = { filename: out[i++]!, status }
    }
    const patch = patches.get(file.filename)
    files.push(patch === undefined ? file : { ...file, patch })
  }
  return files
}

/** The hunks of each file's diff (from its first `@@`), by the file's name in head (in base when deleted). */
function filePatches(origin: TestRepo, base: string, head: string): Map<string, string> {
  const diff = execFileSync(
    'git',
    ['-C', origin.dir, '-c', 'core.quotePath=false', 'diff', '-M', '--no-color', '--no-ext-diff', `${base}...${head}`],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  )
  const out = new Map<string, string>()
  for (const section of diff.split(/^diff --git /m).slice(1)) {
    const lines = section.split('\n')
    const minus = lines.find((l) => l.startsWith('--- '))
    const plus = lines.find((l) => l.startsWith('+++ '))
    const name = plus && plus !== '+++ /dev/null' ? plus.slice(6) : minus?.slice(6)
    const first = lines.findIndex((l) => l.startsWith('@@'))
    if (name === undefined || first === -1) continue
    out.set(name, lines.slice(first).join('\n').replace(/\n$/, ''))
  }
  return out
}

/** Every file of a commit with its mode (links as links), for the API server's contents (one git process). */
export function treeContents(
  origin: TestRepo,
  sha: string,
): Record<string, { content: Uint8Array; mode: '100644' | '100755' | '120000' }> {
  const entries = origin
    .git('ls-tree', '-r', '-z', sha)
    .split('\0')
    .filter((e) => e !== '')
  const listed = entries.map((e) => {
    const tab = e.indexOf('\t')
    const [mode, , blob] = e.slice(0, tab).split(' ') as ['100644' | '100755' | '120000', string, string]
    // (Names that are not UTF-8 come out mangled, as GitHub's JSON has them; the blob id is exact.)
    return { mode, blob, path: e.slice(tab + 1) }
  })
  const out = execFileSync('git', ['-C', origin.dir, 'cat-file', '--batch'], {
    input: listed.map((e) => e.blob).join('\n') + '\n',
    maxBuffer: 1 << 28,
  })
  const files: Record<string, { content: Uint8Array; mode: '100644' | '100755' | '120000' }> = {}
  let at = 0
  for (const { path, mode } of listed) {
    const nl = out.indexOf(0x0a, at)
    const size = Number(out.subarray(at, nl).toString().split(' ')[2])
    files[path] = { content: out.subarray(nl + 1, nl + 1 + size), mode }
    at = nl + 1 + size + 1
  }
  return files
}

export async function runBundledAction(opts: {
  workspace: string
  apiUrl: string
  event: string
  payload: object
  inputs?: Record<string, string>
  env?: Record<string, string>
}): Promise<ActionResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'sdx-runner-'))
  try {
    const eventPath = join(tmp, 'event.json')
    const outputPath = join(tmp, 'output')
    const summaryPath = join(tmp, 'summary.md')
    mkdirSync(join(tmp, 'temp'))
    writeFileSync(eventPath, JSON.stringify(opts.payload))
    writeFileSync(outputPath, '')
    writeFileSync(summaryPath, '')
    const inputs: Record<string, string> = {
      'github-token': TOKEN,
      'systemd-version': '252',
      paths: '',
      'fail-on-capability-widening': 'true',
      'max-exposure': '',
      'max-exposure-increase': '',
      'fail-on-regression': 'false',
      'fail-on-invalid-unit': 'false',
      'allow-capabilities': '',
      comment: 'update',
      // Off unless a test is about them (test/action/review-comments.test.ts turns them on, as
      // action.yml's default does): the other tests count the requests of everything else.
      'review-comments': 'false',
      'working-directory': '.',
      ...opts.inputs,
    }
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: process.env['HOME'] ?? tmp,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: opts.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      GITHUB_WORKSPACE: opts.workspace,
      GITHUB_REPOSITORY: 'octo/units',
      GITHUB_API_URL: opts.apiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_WORKFLOW: 'harden',
      GITHUB_JOB: 'exposure',
      GITHUB_RUN_ID: '4242',
      RUNNER_TEMP: join(tmp, 'temp'),
      ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
      ...opts.env,
    }
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, [DIST], { cwd: opts.workspace, env, maxBuffer: 1 << 28 }, (err, stdout, stderr) => {
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
      })
    })
    const outputs = parseOutputs(readFileSync(outputPath, 'utf8'))
    const reportPath = outputs['report-path']
    const report =
      reportPath && existsSync(reportPath)
        ? (JSON.parse(readFileSync(reportPath, 'utf8')) as Record<string, unknown>)
        : null
    return { code, stdout, stderr, outputs, summary: readFileSync(summaryPath, 'utf8'), report }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
}

/** GITHUB_OUTPUT's `name<<DELIMITER` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!)
    out[m[1]!] = value.join('\n')
  }
  return out
}

export function prPayload(number: number, base: string, head: string, fork = false): object {
  return {
    action: 'synchronize',
    number,
    pull_request: {
      number,
      base: { sha: base, ref: 'main', repo: { full_name: 'octo/units' } },
      head: { sha: head, ref: 'feature', repo: { full_name: fork ? 'alice/units' : 'octo/units' } },
    },
  }
}
