/**
 * The GitHub REST edge: @actions/github's octokit with the retry and throttling plugins, GitHub
 * Enterprise Server through GITHUB_API_URL. Only the calls a review needs: the pull request (when
 * an event names only its number, and its current head, which a stale run must not comment on),
 * compare the PR's base and head (the merge base, and the changed files as hints), the comments
 * (and who the token is, to tell its own), write the sticky comment and delete duplicates of it
 * (and, when there is no checkout, read git objects through GraphQL, and a merge commit's parents).
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type BottleneckType from 'bottleneck'
// The limiter build the throttling plugin itself uses (bottleneck's "light" one), bundled.
// @ts-expect-error -- light.js has no declarations of its own; they are bottleneck's.
import BottleneckLight from 'bottleneck/light.js'
import { LINK_MODE, type FileChange, type TreeEntry } from '../git/git.js'
import { decodePath } from '../git/path-bytes.js'
import type { CommentAuthor, TokenIdentity } from './identity.js'

/** The compare API lists at most this many files (all on its first page). */
export const COMPARE_FILES_LIMIT = 300

export interface RepoRef {
  readonly owner: string
  readonly repo: string
}

/** `base...head` as GitHub's compare API (and a pull request's "Files changed" tab) sees it. */
export interface Comparison {
  /** Where head branched off base: the commit the three-dot comparison starts from. */
  readonly mergeBase: string
  /**
   * The files GitHub lists as changed from the merge base to head (at most 300), or null when
   * the answer has no file list. Never the whole truth on its own: see pull-change.ts.
   */
  readonly changes: FileChange[] | null
}

/** A file of a pull request's diff (`GET /pulls/{n}/files`). */
export interface PullFile {
  readonly path: string
  /** The unified diff of the file; null when GitHub leaves it out (binary, too large). */
  readonly patch: string | null
}

/** A review comment on a pull request's diff. */
export interface ReviewComment extends IssueComment {
  readonly path: string
  /** The line on the diff's right side as of the pull request's head; null once outdated. */
  readonly line: number | null
  /** The comment replies to another (a thread's later comments). */
  readonly inReplyTo: number | null
}

/** One comment of a new review, on a right-side line of the diff. */
export interface NewReviewComment {
  readonly path: string
  readonly line: number
  readonly body: string
}

/** A pull request as GitHub has it now (its current head, which may be newer than an event's). */
export interface PullRequestInfo {
  readonly number: number
  readonly base: string
  readonly head: string
  readonly baseRef: string
  /** The head branch lives in another repository (or one since deleted). */
  readonly fork: boolean
  /** GitHub's test merge of head into base (null while GitHub has none, e.g. on a conflict). */
  readonly mergeCommit: string | null
}

export interface IssueComment {
  readonly id: number
  readonly body: string
  /** null for a deleted account. */
  readonly author: CommentAuthor | null
}

export interface GitHubApi {
  /** A pull request as it is now (`GET /pulls/{n}`): later pushes move its head. */
  pullRequest(number: number): Promise<PullRequestInfo>
  compare(base: string, head: string): Promise<Comparison>
  /** The account the token acts as, from `GET /user` (see identity.ts). */
  tokenIdentity(): Promise<TokenIdentity>
  /** The comments of an issue or pull request, oldest first, a page at a time. */
  issueComments(number: number): AsyncIterable<IssueComment[]>
  /** Writes a comment; answers its author, the token's account as GitHub recorded it. */
  createComment(number: number, body: string): Promise<{ author: CommentAuthor | null }>
  updateComment(id: number, body: string): Promise<void>
  deleteComment(id: number): Promise<void>
  /** The pull request's files with their patches, GitHub's order, a page at a time. */
  pullFiles(number: number): AsyncIterable<PullFile[]>
  /** The review comments of a pull request, oldest first, a page at a time. */
  reviewComments(number: number): AsyncIterable<ReviewComment[]>
  /** One review (event COMMENT) of `commit` with comments on its diff's lines. */
  createReview(number: number, commit: string, body: string, comments: readonly NewReviewComment[]): Promise<void>
  updateReviewComment(id: number, body: string): Promise<void>
  /** A commit's parents, in order. */
  commitParents(sha: string): Promise<string[]>
  /**
   * Git objects, many in one GraphQL request: a commit's root tree, a tree's entries, a blob's
   * text. Each is named by its id, or by git's `REV:PATH` (an id never holds a colon). One
   * GitHub does not know maps to null.
   */
  gitObjects(names: readonly string[]): Promise<Map<string, GitObject | null>>
  /**
   * Every symbolic link of a commit's tree (path → blob id), from its whole recursive listing;
   * null when GitHub cut the listing off (past 100,000 entries).
   */
  links(sha: string): Promise<Map<string, string> | null>
  /** A blob's exact bytes (`GET /git/blobs`): for one whose text GraphQL cannot carry. */
  blob(sha: string): Promise<Uint8Array>
  /** Requests sent, for the benchmark and logs. */
  readonly requests: () => number
}

/** An entry of a tree as GitHub's GraphQL API lists it (a submodule's is left out). */
export interface GitTreeEntry extends TreeEntry {
  readonly name: string
  readonly type: 'blob' | 'tree'
}

/** A git object read through GraphQL. */
export type GitObject =
  | { readonly kind: 'commit'; readonly tree: string; readonly entries: readonly GitTreeEntry[] }
  | { readonly kind: 'tree'; readonly oid: string; readonly entries: readonly GitTreeEntry[] }
  /** `text` is null for a blob GitHub deems binary. */
  | {
      readonly kind: 'blob'
      readonly byteSize: number
      readonly text: string | null
      readonly isBinary: boolean | null
      readonly isTruncated: boolean
    }

/**
 * One query for any kind of object: a commit brings its root tree's entries along (the first
 * listing a review needs), a tree its entries with their blobs' sizes, a blob its text.
 */
const OBJECT_FIELDS = `__typename oid
  ... on Commit { tree { oid entries { ...entry } } }
  ... on Tree { entries { ...entry } }
  ... on Blob { byteSize isBinary isTruncated text }`

const ENTRY_FRAGMENT = `fragment entry on TreeEntry { nameRaw type mode oid object { ... on Blob { byteSize } } }`

interface RawEntry {
  nameRaw: string
  type: string
  mode: number
  oid: string
  object: { byteSize?: number } | null
}

type RawObject =
  | { __typename: 'Commit'; tree: { oid: string; entries: RawEntry[] | null } }
  | { __typename: 'Tree'; oid: string; entries: RawEntry[] | null }
  | { __typename: 'Blob'; byteSize: number; isBinary: boolean | null; isTruncated: boolean; text: string | null }
  | { __typename: string }

function toEntries(raw: readonly RawEntry[] | null): GitTreeEntry[] {
  const out: GitTreeEntry[] = []
  for (const e of raw ?? []) {
    // A submodule is another repository's commit: nothing of it is read, as git diff --raw.
    if (e.type !== 'blob' && e.type !== 'tree') continue
    out.push({
      name: decodePath(Buffer.from(e.nameRaw, 'base64')),
      type: e.type,
      sha: e.oid,
      mode: e.mode.toString(8).padStart(6, '0'),
      size: e.type === 'blob' ? (e.object?.byteSize ?? null) : null,
    })
  }
  return out
}

function toObject(raw: RawObject | null): GitObject | null {
  if (raw === null) return null
  switch (raw.__typename) {
    case 'Commit': {
      const c = raw as Extract<RawObject, { __typename: 'Commit' }>
      return { kind: 'commit', tree: c.tree.oid, entries: toEntries(c.tree.entries) }
    }
    case 'Tree': {
      const t = raw as Extract<RawObject, { __typename: 'Tree' }>
      return { kind: 'tree', oid: t.oid, entries: toEntries(t.entries) }
    }
    case 'Blob': {
      const b = raw as Extract<RawObject, { __typename: 'Blob' }>
      return { kind: 'blob', byteSize: b.byteSize, text: b.text, isBinary: b.isBinary, isTruncated: b.isTruncated }
    }
    default:
      return null
  }
}

type Status = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'

function toChange(f: { filename: string; status: Status; previous_filename?: string }): FileChange | null {
  switch (f.status) {
    case 'added':
    case 'copied':
      return { status: 'added', path: f.filename }
    case 'removed':
      return { status: 'deleted', path: f.filename }
    case 'renamed':
      return f.previous_filename
        ? { status: 'renamed', path: f.filename, oldPath: f.previous_filename }
        : { status: 'added', path: f.filename }
    case 'unchanged':
      return null
    default:
      return { status: 'modified', path: f.filename }
  }
}

export function gitHubApi(token: string, baseUrl: string, repo: RepoRef, log: (m: string) => void): GitHubApi {
  let count = 0
  const client = (throttle: object = {}) => {
    const octokit = getOctokit(
      token,
      {
        baseUrl,
        throttle: {
          onRateLimit: (after: number, _o: unknown, _k: unknown, retries: number) => {
            log(`GitHub rate limit: retrying in ${after}s`)
            return retries < 2
          },
          onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, retries: number) => {
            log(`GitHub secondary rate limit: retrying in ${after}s`)
            return retries < 2
          },
          ...throttle,
        },
        // The retry plugin's defaults: 3 retries of 5xx, never 4xx. (No `request` option here: it
        // would replace @actions/github's proxy-aware fetch.)
        retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      },
      retry,
      throttling,
    )
    octokit.hook.before('request', () => void count++)
    return octokit
  }
  const octokit = client()
  // The throttling plugin spaces GraphQL requests a second apart, as it spaces writes (GitHub
  // asks that of mutations). This client only reads, one query at a time, a handful a run: one
  // after another without the pause, and still through the plugin's rate-limit handling.
  // (Made on first use: a review with a checkout never reads through GraphQL.)
  let reader: ReturnType<typeof client> | undefined
  const graphqlReader = () =>
    (reader ??= client({
      write: new (BottleneckLight as typeof BottleneckType).Group({ maxConcurrent: 1, minTime: 0 }),
    }))
  let identity: Promise<TokenIdentity> | undefined
  const askIdentity = async (): Promise<TokenIdentity> => {
    try {
      const { data } = await octokit.rest.users.getAuthenticated()
      return { kind: 'user', login: data.login, id: data.id }
    } catch (e) {
      const err = e as { status?: number; message?: string }
      // GitHub's answer to an installation token, which acts as a bot and has no user.
      if (err.status === 403 && /not accessible by integration/i.test(err.message ?? ''))
        return { kind: 'installation' }
      return { kind: 'unknown', reason: `${err.status ?? 'error'}: ${err.message ?? ''}` }
    }
  }
  const { owner, repo: name } = repo
  return {
    requests: () => count,
    async pullRequest(number) {
      const { data } = await octokit.rest.pulls.get({ owner, repo: name, pull_number: number })
      return {
        number: data.number,
        base: data.base.sha,
        head: data.head.sha,
        baseRef: data.base.ref,
        fork: data.head.repo?.full_name !== data.base.repo.full_name,
        mergeCommit: data.merge_commit_sha ?? null,
      }
    },
    async compare(base, head) {
      // One commit per page instead of up to 250: the merge base and the files (listed on the
      // first page only) are all a review needs.
      const r = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo: name,
        basehead: `${base}...${head}`,
        per_page: 1,
      })
      const files = r.data.files
      const changes: FileChange[] = []
      for (const f of files ?? []) {
        const c = toChange(f)
        if (c) changes.push(c)
      }
      return { mergeBase: r.data.merge_base_commit.sha, changes: files === undefined ? null : changes }
    },
    // Asked once a run: the sticky comment and the review comments both need it.
    tokenIdentity() {
      identity ??= askIdentity()
      return identity
    },
    async *issueComments(number) {
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo: name,
        issue_number: number,
        per_page: 100,
      })) {
        yield page.data.map((c) => ({
          id: c.id,
          body: c.body ?? '',
          author: c.user ? { login: c.user.login, id: c.user.id, type: c.user.type } : null,
        }))
      }
    },
    async createComment(number, body) {
      const { data } = await octokit.rest.issues.createComment({ owner, repo: name, issue_number: number, body })
      return { author: data.user ? { login: data.user.login, id: data.user.id, type: data.user.type } : null }
    },
    async updateComment(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo: name, comment_id: id, body })
    },
    async deleteComment(id) {
      await octokit.rest.issues.deleteComment({ owner, repo: name, comment_id: id })
    },
    async *pullFiles(number) {
      for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listFiles, {
        owner,
        repo: name,
        pull_number: number,
        per_page: 100,
      })) {
        yield page.data.map((f) => ({ path: f.filename, patch: f.patch ?? null }))
      }
    },
    async *reviewComments(number) {
      for await (const page of octokit.paginate.iterator(octokit.rest.pulls.listReviewComments, {
        owner,
        repo: name,
        pull_number: number,
        per_page: 100,
      })) {
        yield page.data.map((c) => ({
          id: c.id,
          body: c.body,
          author: c.user ? { login: c.user.login, id: c.user.id, type: c.user.type } : null,
          path: c.path,
          line: c.line ?? null,
          inReplyTo: c.in_reply_to_id ?? null,
        }))
      }
    },
    async createReview(number, commit, body, comments) {
      await octokit.rest.pulls.createReview({
        owner,
        repo: name,
        pull_number: number,
        commit_id: commit,
        event: 'COMMENT',
        body,
        comments: comments.map((c) => ({ path: c.path, line: c.line, side: 'RIGHT', body: c.body })),
      })
    },
    async updateReviewComment(id, body) {
      await octokit.rest.pulls.updateReviewComment({ owner, repo: name, comment_id: id, body })
    },
    async commitParents(sha) {
      const { data } = await octokit.rest.git.getCommit({ owner, repo: name, commit_sha: sha })
      return data.parents.map((p) => p.sha)
    },
    async gitObjects(names) {
      // Names travel as variables, never spliced into the query's text.
      const isPath = (n: string) => n.includes(':')
      const vars = names.map((n, i) => `$o${i}: ${isPath(n) ? 'String!' : 'GitObjectID!'}`).join(', ')
      const fields = names
        .map((n, i) => `o${i}: object(${isPath(n) ? 'expression' : 'oid'}: $o${i}) { ${OBJECT_FIELDS} }`)
        .join('\n')
      const query = `query($owner: String!, $name: String!, ${vars}) {
  repository(owner: $owner, name: $name) { ${fields} }
}
${ENTRY_FRAGMENT}`
      const variables: Record<string, string> = { owner, name }
      names.forEach((n, i) => (variables[`o${i}`] = n))
      const data = await graphqlReader().graphql<{ repository: Record<string, RawObject | null> | null }>(
        query,
        variables,
      )
      const out = new Map<string, GitObject | null>()
      names.forEach((n, i) => out.set(n, toObject(data.repository?.[`o${i}`] ?? null)))
      return out
    },
    async links(sha) {
      const r = await octokit.rest.git.getTree({ owner, repo: name, tree_sha: sha, recursive: 'true' })
      if (r.data.truncated) return null
      const links = new Map<string, string>()
      for (const e of r.data.tree) if (e.mode === LINK_MODE && e.path && e.sha) links.set(e.path, e.sha)
      return links
    },
    async blob(sha) {
      const r = await octokit.rest.git.getBlob({ owner, repo: name, file_sha: sha })
      return Buffer.from(r.data.content, r.data.encoding === 'base64' ? 'base64' : 'utf8')
    },
  }
}
