/**
 * Reviewing two commits without a checkout, through GitHub's GraphQL API, at a cost that follows
 * the change, not the repository — each step one request for everything it needs:
 *
 * - the two commits and their root trees;
 * - the tree diff: only the subtrees whose ids differ are listed (tree-diff.ts), a level a
 *   request — or all in one, when GitHub's list of the changed files names them;
 * - then what the review reads, found as it reads it: the diff runs as a draft over what is at
 *   hand (listed-store.ts), recording each directory it lists and each blob it opens that was
 *   not read yet (a stand-in takes a blob's place); those are read, and it runs again until a
 *   run wants nothing more. A unit's load opens its own file, drop-ins and templates: the other
 *   units of its directory are never read.
 *
 * Links are the exception to "what the change touches". A change to content systemd could load
 * (a unit setting, or a link) outside unit and drop-in paths can reach a unit only through a link
 * elsewhere; then every link is listed — base's whole tree, one request — as a checkout lists
 * them. Otherwise only the links of the directories read are known, and what that leaves out — a
 * link elsewhere to a changed unit file or drop-in directory, for a unit with another name or
 * other drop-ins — is said in the
 * job summary (`readFrom`) and in SECURITY.md.
 *
 * Every request counts against the run's budget (api-objects.ts); past it the review stops,
 * saying what it would need.
 */
import { diffSnapshots, type DiffSettings } from '../diff/diff.js'
import { ListedStore, noWants } from '../diff/listed-store.js'
import { hasUnitSettings } from '../diff/loadable-content.js'
import { RepoTree } from '../diff/repo-tree.js'
import type { DiffReport } from '../diff/report.js'
import { treeSnapshot } from '../diff/snapshot.js'
import { touchedDirectories } from '../diff/touched.js'
import { treeChanges } from '../diff/tree-changes.js'
import { diffTrees, type TreeDiff } from '../diff/tree-diff.js'
import { isEnablementDirectory, isUnitRelevantPath } from '../diff/unit-paths.js'
import { LINK_MODE, type FileChange } from '../git/git.js'
import { dirname, joinPath, UnreadableFile } from '../unit/source.js'
import type { ApiObjects } from './api-objects.js'
import type { ReviewResult } from './review-result.js'

/**
 * Changed files outside unit paths are read to look for unit settings up to this many files and
 * bytes (about one request); past that they are taken as loadable and cost the one listing of
 * links instead (a bound on what a large change, or an asset, costs).
 */
const TEXT_CHECK_FILES = 100
const TEXT_CHECK_BYTES = 1024 * 1024

/** What a draft reads instead of a blob not read yet: a comment, so every load goes on. */
const STAND_IN = Buffer.from('# not read yet\n')

/** Directories on the paths of GitHub's list read ahead of the walk: one request's worth (both sides). */
const MAX_GUESSED_DIRECTORIES = 50

/** Drafts before the review gives up: each reads one more level of what the last one found. */
const MAX_DRAFTS = 12

export async function reviewThroughApi(
  objects: ApiObjects,
  from: string,
  to: string,
  hints: readonly FileChange[],
  settings: DiffSettings,
): Promise<ReviewResult> {
  const reader = new Reader(objects, from, to)
  try {
    await reader.read({ commits: [from, to] }, 'the two commits')
    const roots = [objects.root(from)!, objects.root(to)!] as const
    const changed = await changedFiles(reader, roots, hints)
    const changes = treeChanges(changed.base, changed.head, hints)
    const links = (await loadableOutsideUnitPaths(reader, changed)) ? await everyLink(reader, changed) : null
    const report = await reviewDrafts(reader, roots, links, changes, settings)
    return { report, changed: changes.length, linksFollowed: links === null ? 'directories-read' : 'everywhere' }
  } catch (e) {
    if (e instanceof ReviewStopped) return { error: e.message }
    throw e
  }
}

/** Why the review cannot go on, as the error the action reports. */
class ReviewStopped extends Error {}

/** ApiObjects for one comparison: its reads, and their failures said as the review's errors. */
class Reader {
  constructor(
    readonly objects: ApiObjects,
    readonly fromRev: string,
    readonly toRev: string,
  ) {}

  async read(wanted: Parameters<ApiObjects['read']>[0], what: string, exact = true): Promise<void> {
    let refused
    try {
      refused = await this.objects.read(wanted, exact)
    } catch (e) {
      throw this.failed(e, what)
    }
    if (refused) throw this.overBudget(refused.overBudget, what)
  }

  overBudget(requests: number, what: string): ReviewStopped {
    return new ReviewStopped(
      `systemd-exposure would need ${requests} more requests to read ${what} through the GitHub API to review this change without a checkout, ` +
        `past its budget of ${this.objects.budget} requests a run (${this.objects.requests} made): add actions/checkout before this step (git reads them all at once).`,
    )
  }

  failed(e: unknown, what: string): ReviewStopped {
    // A GraphQL answer with errors: their messages, on one line (octokit's own lists them on several).
    const errors = (e as { errors?: readonly { message?: string }[] }).errors
    const message = errors?.length ? errors.map((x) => x.message ?? '').join('; ') : (e as Error).message
    const status = (e as { status?: number }).status ?? (errors ? 'GraphQL' : 'error')
    return new ReviewStopped(
      `systemd-exposure could not read ${what} of ${this.fromRev} and ${this.toRev} through the GitHub API (${status}: ${message}): give the token 'contents: read', or add actions/checkout before this step.`,
    )
  }
}

type Changed = Extract<TreeDiff, { kind: 'done' }>

/**
 * The tree diff, a level of directories a request — or, when GitHub's list of the changed files
 * is at hand, the directories on its paths first, all in one request. The walk still checks
 * every level by id, so a list that is short or wrong costs rounds, never a missed change.
 */
async function changedFiles(
  reader: Reader,
  [base, head]: readonly [string, string],
  hints: readonly FileChange[],
): Promise<Changed> {
  const dirs = new Set<string>()
  for (const c of hints)
    for (const p of [c.path, c.oldPath])
      if (p !== undefined) for (let d = dirname(p); d !== '.' && !dirs.has(d); d = dirname(d)) dirs.add(d)
  if (dirs.size > 0 && dirs.size <= MAX_GUESSED_DIRECTORIES)
    await reader.read(
      { directories: [...dirs].flatMap((d) => [`${reader.fromRev}:${d}`, `${reader.toRev}:${d}`]) },
      'the directories this change touches',
    )
  for (;;) {
    const listed = diffTrees(base, head, reader.objects.listings)
    if (listed.kind === 'done') return listed
    await reader.read({ trees: listed.trees }, 'the directories this change touches')
  }
}

/**
 * Whether the change holds, outside unit and drop-in paths, something systemd could load through
 * a link: a link, or a file with a unit setting (on either side). Such a file can only reach a
 * unit through a link from elsewhere.
 */
async function loadableOutsideUnitPaths(reader: Reader, changed: Changed): Promise<boolean> {
  const outside = [...changed.base, ...changed.head].filter(([path]) => !isUnitRelevantPath(path))
  if (outside.some(([, e]) => e.mode === LINK_MODE)) return true
  const small = outside.filter(([, e]) => e.size !== null && e.size <= TEXT_CHECK_BYTES)
  if (small.length < outside.length) return true
  // Past a request's worth of text, listing the links (one request) is the cheaper answer.
  if (small.length > TEXT_CHECK_FILES || small.reduce((n, [, e]) => n + e.size!, 0) > TEXT_CHECK_BYTES) return true
  await reader.read({ blobs: small.map(([, e]) => e.sha) }, 'the changed files outside unit directories', false)
  return small.some(([path, e]) => {
    // Text whose bytes are not all UTF-8 says as much: replacing them adds or takes away no line,
    // section or `=`. One GitHub gives no text for (binary, cut off) could be anything.
    const text = reader.objects.contents.get(e.sha) ?? reader.objects.text(e.sha)
    return text === undefined || hasUnitSettings(text, path)
  })
}

/** Every link of both sides: base's from its whole tree (one request), head's from base's and the change. */
async function everyLink(reader: Reader, changed: Changed): Promise<readonly [Links, Links]> {
  const listing = reader.objects.links(reader.fromRev)
  if ('overBudget' in listing) throw reader.overBudget(listing.overBudget, 'the symbolic links')
  let base
  try {
    base = await listing
  } catch (e) {
    throw reader.failed(e, 'the symbolic links')
  }
  if (base === null)
    throw new ReviewStopped(
      'systemd-exposure could not list the symbolic links of this repository through the GitHub API (it cuts off a listing of over 100,000 files), and this change has unit settings outside unit directories that only a link could load: add actions/checkout before this step.',
    )
  const head = new Map(base)
  for (const path of changed.base.keys()) head.delete(path)
  for (const [path, e] of changed.head) if (e.mode === LINK_MODE) head.set(path, e.sha)
  return [base, head]
}

type Links = ReadonlyMap<string, string>

/**
 * The review, run as drafts over what has been read until a draft wants nothing more, then once
 * more with advice. A draft reads a stand-in for a blob not read yet and answers a directory not
 * listed as absent, recording both (listed-store.ts). A unit's load asks for its own files only,
 * so a directory's other units cost nothing.
 */
async function reviewDrafts(
  reader: Reader,
  roots: readonly [string, string],
  links: readonly [Links, Links] | null,
  changes: readonly FileChange[],
  settings: DiffSettings,
): Promise<DiffReport> {
  const { objects } = reader
  const revs = [reader.fromRev, reader.toRev]
  const run = (passSettings: DiffSettings, draft: boolean) => {
    const wants = noWants()
    const stores = roots.map(
      (root, i) => new ListedStore(root, objects.listings, objects.contents, wants, links?.[i] ?? null),
    )
    const trees = stores.map((s) => new RepoTree(s))
    const snapshots = revs.map((rev, i) =>
      treeSnapshot(rev, trees[i]!, (path) => {
        const e = stores[i]!.fileEntry(path)
        if (e === undefined) throw new UnreadableFile(path, 'not in the tree')
        const bytes = objects.contents.get(e.sha)
        if (bytes !== undefined) return bytes
        if (!draft || objects.unreadable(e.sha)) throw new UnreadableFile(path, 'not read from the GitHub API')
        wants.blobs.add(e.sha)
        return STAND_IN
      }),
    )
    // The links of the touched directories' enablement directories, as a checkout knows them:
    // an instance named only by an enablement link is a unit of the directory.
    const dirs = touchedDirectories(trees, changes)
    for (const t of trees)
      for (const d of dirs)
        for (const name of t.listing(d) ?? []) {
          const sub = joinPath(d, name)
          if (isEnablementDirectory(sub)) t.listing(sub)
        }
    return { report: diffSnapshots(snapshots[0]!, snapshots[1]!, changes, passSettings), wants }
  }

  // Advice re-runs the engine per service and reads nothing more: not worth it on drafts.
  for (let draft = 1; ; draft++) {
    const { wants } = run({ ...settings, recommend: false }, true)
    if (wants.trees.size === 0 && wants.blobs.size === 0) break
    if (draft === MAX_DRAFTS)
      throw new ReviewStopped(
        `systemd-exposure could not finish reading this change through the GitHub API (${MAX_DRAFTS} rounds, each finding more to read): add actions/checkout before this step.`,
      )
    await reader.read({ trees: wants.trees, blobs: wants.blobs }, 'the files this change reaches')
  }
  const final = run(settings, false)
  // Advice reads nothing the drafts did not: should it, the review must not stand on stand-ins.
  if (final.wants.trees.size > 0 || final.wants.blobs.size > 0)
    throw new ReviewStopped(
      'systemd-exposure read more for its advice than for its review through the GitHub API: add actions/checkout before this step.',
    )
  return final.report
}
