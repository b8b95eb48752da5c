/** `systemd-exposure diff`: the pull-request review, from the command line, in a git repository. */
import { existsSync } from 'node:fs'
import { diffSnapshots } from '../diff/diff.js'
import { snapshotsFromGit } from '../diff/from-git.js'
import { GitError, GitRepo } from '../git/git.js'
import { OPTIONS } from '../options/option-table.js'
import { readReviewSettings, type ReviewSettings } from '../options/review-settings.js'
import { TOOL_VERSION } from '../version.js'
import { readCommandLine } from './command-line.js'
import { DIFF_FORMATS, type DiffRenderer } from './diff-formats.js'
import { readFormat, type Format } from './format-option.js'
import type { CliIO } from './io.js'

export interface DiffOptions {
  /** The same settings the action reads from its inputs. */
  readonly review: ReviewSettings
  readonly format: Format<DiffRenderer>
  /** Empty: the merge base of HEAD with the default branch. */
  readonly base: string
  /** Empty: the work tree. */
  readonly head: string
  /** Empty: the current directory. */
  readonly repo: string
  /** Pathspecs limiting the change to some paths. */
  readonly paths: readonly string[]
}

export function readDiffOptions(args: readonly string[], env: NodeJS.ProcessEnv): DiffOptions {
  const { read, positionals } = readCommandLine('diff', args, env)
  return {
    review: readReviewSettings(read),
    format: readFormat(read, DIFF_FORMATS),
    base: read(OPTIONS.base),
    head: read(OPTIONS.head),
    repo: read(OPTIONS.repo),
    paths: positionals,
  }
}

export function diffCommand(args: readonly string[], io: CliIO): number {
  const options = readDiffOptions(args, io.env)
  const dir = options.repo || io.cwd
  try {
    const repo = existsSync(dir) ? GitRepo.open(dir) : null
    if (repo === null) throw new GitError(`${dir} is not inside a git repository (run diff in one, or pass --repo DIR)`)
    const base = repo.resolve(options.base || repo.mergeBase(repo.defaultBranch(), 'HEAD'))
    const head = options.head === '' ? null : repo.resolve(options.head)
    const input = snapshotsFromGit(repo, base, head, options.paths)
    const report = diffSnapshots(input.base, input.head, input.changes, { ...options.review, toolVersion: TOOL_VERSION })
    io.stdout(options.format.render(report))
    return report.verdict === 'fail' ? 1 : 0
  } catch (e) {
    if (e instanceof GitError) {
      io.stderr(`systemd-exposure: ${e.message}\n`)
      return 2
    }
    throw e
  }
}
