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
import { NO_TERMINAL, statusLine } from './terminal.js'
import { UsageError } from './usage.js'

export interface DiffOptions {
  /** The same settings the action reads from its inputs. */
  readonly review: ReviewSettings
  readonly format: Format<DiffRenderer>
  /** Empty: the merge base of HEAD with the default branch. */
  readonly base: string
  /** Empty: the work tree. */
  readonly head: string
  /** Head is the index, base HEAD unless given. */
  readonly staged: boolean
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
    staged: read(OPTIONS.staged),
    repo: read(OPTIONS.repo),
    paths: positionals,
  }
}

export function diffCommand(args: readonly string[], io: CliIO): number {
  const options = readDiffOptions(args, io.env)
  if (options.staged && options.head !== '')
    throw new UsageError('--staged reviews the index as the head: give it or --head, not both')
  const dir = options.repo || io.cwd
  const status = statusLine(io.terminal ?? NO_TERMINAL, io.stderr)
  try {
    const repo = existsSync(dir) ? GitRepo.open(dir) : null
    if (repo === null) {
      throw new GitError(
        options.repo === ''
          ? `${dir} is not inside a git repository (run diff in one, or pass --repo DIR)`
          : `--repo ${options.repo}: not a directory inside a git repository (give the path of a clone or one of its directories)`,
      )
    }
    const base =
      options.base !== ''
        ? commitOf(repo, options.base, '--base')
        : options.staged
          ? commitOf(repo, 'HEAD', '--staged')
          : repo.resolve(repo.mergeBase(repo.defaultBranch(), 'HEAD'))
    const head = options.staged
      ? stagedCommit(repo, base)
      : options.head === ''
        ? null
        : commitOf(repo, options.head, '--head')
    status.show(
      `systemd-exposure: reading the change from ${base.slice(0, 12)} to ${head === null ? 'the work tree' : head.slice(0, 12)}…`,
    )
    const input = snapshotsFromGit(repo, base, head, options.paths)
    status.show(`systemd-exposure: reviewing the units ${input.changes.length} changed files can reach…`)
    const report = diffSnapshots(input.base, input.head, input.changes, {
      ...options.review,
      toolVersion: TOOL_VERSION,
    })
    status.clear()
    io.stdout(options.format.render(report))
    return report.verdict === 'fail' ? 1 : 0
  } catch (e) {
    status.clear()
    if (e instanceof GitError) {
      io.stderr(`systemd-exposure: ${e.message}\n`)
      return 2
    }
    throw e
  }
}

/** The commit `rev` names, or an error that says which flag named nothing and what it takes. */
function commitOf(repo: GitRepo, rev: string, flag: string): string {
  try {
    return repo.resolve(rev)
  } catch {
    if (flag === '--staged')
      throw new GitError(
        `--staged compares the index with HEAD, and ${repo.dir} has no commit yet: commit once, or pass --base`,
      )
    throw new GitError(
      `${flag} ${rev}: no such commit in ${repo.topLevel()} (give a branch, tag or commit id, e.g. ${flag} main or ${flag} HEAD~1; a remote branch needs 'git fetch' first)`,
    )
  }
}

/**
 * The index as a commit on `base`, so that it is compared as any head is: `git write-tree` and
 * `git commit-tree` write objects that nothing refers to (git's gc removes them), and no ref moves.
 */
function stagedCommit(repo: GitRepo, base: string): string {
  const tree = repo.run(['write-tree']).trim()
  const env = {
    GIT_AUTHOR_NAME: 'systemd-exposure',
    GIT_AUTHOR_EMAIL: 'systemd-exposure@invalid',
    GIT_COMMITTER_NAME: 'systemd-exposure',
    GIT_COMMITTER_EMAIL: 'systemd-exposure@invalid',
  }
  return repo.run(['commit-tree', '-p', base, '-m', 'systemd-exposure: the staged change', tree], undefined, env).trim()
}
