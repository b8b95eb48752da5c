/**
 * An in-memory fake of the GitHub REST API on 127.0.0.1 for tests.
 *
 * Every request is matched to an operation of GitHub's official OpenAPI description
 * (`@octokit/openapi`) and checked against it (path and query parameters, auth/accept/user-agent
 * headers, JSON body); every response the fake sends is checked too (documented status, body
 * schema, headers). Any mismatch is a *violation*: `server.violations` lists them and
 * `close()` / `assertNoViolations()` throw, so a test that talks to GitHub wrongly — or a fake
 * that drifted from GitHub's real shapes — fails.
 *
 * Usage:
 *   const gh = await startGitHubServer({
 *     pulls: [{ number: 7, files: [{ filename: "units/a.service", status: "added", patch: "@@ -0,0 +1 @@\n+[Service]" }] }],
 *     comments: [{ issueNumber: 7, body: "<!-- marker -->\nold" }],
 *     contents: { [fakeSha("head:7")]: { "units/a.service": "[Service]\n" } },
 *   });
 *   gh.fail("issues/create-comment", "secondary-rate-limit", { retryAfter: 1 });
 *   const octokit = getOctokit("t0ken", fastOctokitOptions(gh.url), retry, throttling);
 *   ... run the code under test against gh.url ...
 *   expect(gh.count("issues/create-comment")).toBe(2);
 *   await gh.close(); // throws if any OpenAPI violation was recorded
 *
 * `POST /graphql` (route name "graphql") checks queries against GitHub's GraphQL schema and
 * answers them from the same seeded trees: see github-graphql.ts.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  basicError,
  blob,
  commit,
  commitComparison,
  contentDirectory,
  contentFile,
  contentSymlink,
  diffEntry,
  fakeSha,
  FIXTURE_TIME,
  fullRepository,
  GITHUB_ACTIONS_BOT,
  gitCommit,
  gitBlobSha,
  githubTimestamp,
  issueComment,
  pullRequest,
  pullRequestReview,
  pullRequestSimple,
  reviewComment,
  secondaryRateLimitMessage,
  publicUser,
  simpleUser,
  validationError,
  type AuthorAssociation,
  type CommentFields,
  type CommitFields,
  type FileSeed,
  type PullFields,
  type RepoContext,
  type ReviewCommentFields,
  type UserSeed,
} from './github-fixtures.js'
import { GitHubGraphQL, GRAPHQL_ROUTE, graphqlFaultRefusal, graphqlPath } from './github-graphql.js'
import {
  AMBIENT_ERROR_STATUSES,
  loadGitHubOpenApi,
  requestedMediaFormat,
  type GitHubOpenApi,
  type OperationMatch,
} from './github-openapi.js'

/* ------------------------------------------------------------------------------------------ */
/* Options and seeds                                                                           */
/* ------------------------------------------------------------------------------------------ */

export interface PullSeed {
  number: number
  title?: string
  body?: string | null
  state?: 'open' | 'closed'
  draft?: boolean
  merged?: boolean
  user?: UserSeed
  authorAssociation?: AuthorAssociation
  /** Default `{ ref: "main", sha: fakeSha("base:<n>") }`. */
  base?: { ref?: string; sha?: string }
  /** Default `{ ref: "pr-<n>", sha: fakeSha("head:<n>") }`; `forkOwner` makes it a fork PR. */
  head?: { ref?: string; sha?: string; forkOwner?: string }
  /** Changed files in GitHub's order. More than 3000 may be seeded: GitHub lists only 3000. */
  files?: FileSeed[]
  /** Commits of the PR (oldest first); default one commit whose sha is the head sha. */
  commits?: CommitFields[]
  /** Where head branched off base: the compare API's `merge_base_commit`, and how many commits
   *  base gained since (`behind_by`). Default: the base commit itself (base has not moved). */
  mergeBase?: MergeBase
  /** Override `changed_files` etc. (default: computed from `files`). */
  changedFiles?: number
  /** GitHub's test merge commit (`merge_commit_sha`); null while GitHub has none. */
  mergeCommit?: string | null
}

export interface MergeBase {
  sha: string
  behindBy: number
}

/** What the compare API answers for one `base...head` (a pair no pull request seed covers, or
 *  an answer that differs from the pull request's). */
export interface ComparisonSeed {
  base: string
  head: string
  /** `merge_base_commit`; default `base`. */
  mergeBase?: string
  aheadBy?: number
  behindBy?: number
  /** The changed files; GitHub lists the first 300. */
  files?: FileSeed[]
  /** Leave `files` out of the answer (the description makes it optional). */
  omitFiles?: boolean
}

export interface CommentSeed {
  issueNumber: number
  body: string
  /** Default: github-actions[bot]. */
  user?: UserSeed
  id?: number
  createdAt?: string
  updatedAt?: string
  authorAssociation?: AuthorAssociation
}

export interface GitHubServerOptions {
  owner?: string
  repo?: string
  repoId?: number
  ownerType?: 'User' | 'Organization'
  private?: boolean
  defaultBranch?: string
  /** API path prefix, e.g. `/api/v3` for GitHub Enterprise Server. `url` includes it. */
  prefix?: string
  /** Web root used in `html_url`s. Default `https://github.com`. */
  htmlUrl?: string
  /** When set, any other token gets 401 "Bad credentials". */
  token?: string
  /** `read` models a fork PR's GITHUB_TOKEN: comment writes get 403 "Resource not accessible by integration". */
  permissions?: 'write' | 'read'
  /** Who the token acts as (author of comments it creates). Default github-actions[bot]. A bot
   *  (an installation token) gets 403 from `GET /user`; a user (a personal access token) its profile. */
  actor?: UserSeed
  pulls?: PullSeed[]
  comments?: CommentSeed[]
  /** Files by ref (branch, tag or commit SHA) and path: content, or `{ content, mode }`
   *  (`symlink(target)` builds a mode-120000 entry, e.g. a unit masked to /dev/null). */
  contents?: Record<string, Record<string, FileContent>>
  /** Extra ref name → commit SHA aliases (PR base/head refs are registered automatically). */
  refs?: Record<string, string>
  /** GitHub lists at most 3000 files of a pull request. */
  maxListedFiles?: number
  /** A recursive tree listing with more entries comes back `truncated: true` (GitHub: 100,000). */
  maxTreeEntries?: number
  /** `X-GitHub-Api-Version` values accepted (default `["2022-11-28"]`). */
  apiVersions?: string[]
  /** Set false to skip OpenAPI validation (not recommended; it is what keeps the fake honest). */
  validate?: boolean
  /** Set false when a test deliberately sends unauthenticated requests. */
  requireAuth?: boolean
  /** Clock for created/updated timestamps. */
  now?: () => Date
}

/* ------------------------------------------------------------------------------------------ */
/* Records                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export interface RecordedRequest {
  /** 0-based position in `server.requests`. */
  index: number
  method: string
  /** Path and query as received (including any prefix). */
  url: string
  /** Pathname without the API prefix, still percent-encoded. */
  path: string
  query: Record<string, string>
  operationId: string | undefined
  pathParams: Record<string, string>
  headers: IncomingHttpHeaders
  /** Parsed JSON body, raw text if not JSON, undefined if none. */
  body: unknown
  status: number
  responseHeaders: Record<string, string>
  responseBody: unknown
  /** The injected fault that answered this request, if any. */
  fault: FaultKind | undefined
  /** Requests of the same operation being answered when this one arrived, itself included. */
  concurrent: number
  violations: string[]
  /** ms since the server started. */
  at: number
}

export interface Violation {
  requestIndex: number
  method: string
  url: string
  operationId: string | undefined
  where: 'route' | 'request' | 'response' | 'fake'
  message: string
}

export type FaultKind =
  | 401
  | 404
  | 422
  | 500
  | 502
  | 503
  | 504
  /** 403 + `retry-after` + "You have exceeded a secondary rate limit…" */
  | 'secondary-rate-limit'
  /** 403 + `x-ratelimit-remaining: 0` + `x-ratelimit-reset`, "API rate limit exceeded…" */
  | 'rate-limit'
  /** 403 "Resource not accessible by integration" (read-only GITHUB_TOKEN, e.g. fork PRs). */
  | 'integration-forbidden'

export interface FaultOptions {
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number
  /** Seconds for `retry-after` (secondary) or until `x-ratelimit-reset` (primary). Default 1. */
  retryAfter?: number
  /** Override the error message. */
  message?: string
}

export interface FaultHandle {
  readonly kind: FaultKind
  /** Responses still to be faulted. */
  readonly remaining: number
  /** Requests this fault answered. */
  readonly hits: number
  cancel(): void
}

/* ------------------------------------------------------------------------------------------ */
/* State                                                                                        */
/* ------------------------------------------------------------------------------------------ */

export type FileMode = '100644' | '100755' | '120000'
export type FileContent = string | Uint8Array | { content: string | Uint8Array; mode?: FileMode }

/** A tree entry that is a symbolic link to `target` (git mode 120000). */
export function symlink(target: string): { content: string; mode: FileMode } {
  return { content: target, mode: '120000' }
}

export interface TreeFile {
  bytes: Buffer
  mode: FileMode
}

export interface PullState {
  fields: PullFields
  files: FileSeed[]
  commits: CommitFields[]
  mergeBase: MergeBase
}

export class GitHubState {
  readonly ctx: RepoContext
  readonly pulls = new Map<number, PullState>()
  /** All issue comments of the repository, by id. */
  readonly comments = new Map<number, CommentFields>()
  /** Tree contents by ref or SHA. */
  readonly trees = new Map<string, Map<string, TreeFile>>()
  /** Ref name → commit SHA. */
  readonly refs = new Map<string, string>()
  /** Bumped by every `setFile` (the GraphQL endpoint re-indexes trees when it moves). */
  revision = 0
  /** Compare answers by `base...head`. */
  readonly comparisons = new Map<string, ComparisonSeed>()
  /** Commits the Git database API knows, by SHA (their trees are `trees` under the same SHA). */
  readonly commits = new Map<string, CommitFields>()
  /** Review comments on pull requests' diffs, by id. */
  readonly reviewComments = new Map<number, ReviewCommentFields & { lineText: string }>()
  /** Submitted reviews, oldest first. */
  readonly reviews: {
    id: number
    pullNumber: number
    body: string
    commitId: string
    user: UserSeed
    submittedAt: string
  }[] = []
  permissions: 'write' | 'read'
  actor: UserSeed
  nextCommentId = 2_000_000_001
  readonly now: () => Date

  constructor(ctx: RepoContext, options: GitHubServerOptions) {
    this.ctx = ctx
    this.permissions = options.permissions ?? 'write'
    this.actor = options.actor ?? GITHUB_ACTIONS_BOT
    this.now = options.now ?? (() => new Date())
    for (const [name, sha] of Object.entries(options.refs ?? {})) this.refs.set(name, sha)
    for (const [ref, files] of Object.entries(options.contents ?? {})) {
      for (const [path, content] of Object.entries(files)) this.setFile(ref, path, content)
    }
    for (const pull of options.pulls ?? []) this.addPull(pull)
    for (const c of options.comments ?? []) this.addComment(c)
  }

  setFile(ref: string, path: string, content: FileContent): void {
    this.revision++
    let tree = this.trees.get(ref)
    if (!tree) {
      tree = new Map()
      this.trees.set(ref, tree)
    }
    const spec = typeof content === 'string' || content instanceof Uint8Array ? { content } : content
    const bytes = typeof spec.content === 'string' ? Buffer.from(spec.content, 'utf8') : Buffer.from(spec.content)
    tree.set(path.replace(/^\/+/, ''), { bytes, mode: spec.mode ?? '100644' })
  }

  /** The tree a ref names: directly, through a ref alias, or a SHA that a ref names. */
  tree(ref: string): Map<string, TreeFile> | undefined {
    const direct = this.trees.get(ref)
    if (direct) return direct
    const sha = this.refs.get(ref) ?? this.refs.get(ref.replace(/^refs\/(heads|tags)\//, ''))
    if (sha && this.trees.has(sha)) return this.trees.get(sha)
    for (const [name, target] of this.refs) if (target === ref && this.trees.has(name)) return this.trees.get(name)
    return undefined
  }

  knowsRef(ref: string): boolean {
    const bare = ref.replace(/^refs\/(heads|tags)\//, '')
    return (
      this.trees.has(ref) ||
      this.refs.has(bare) ||
      [...this.refs.values()].includes(ref) ||
      bare === this.ctx.defaultBranch
    )
  }

  addPull(seed: PullSeed): PullState {
    const n = seed.number
    const base = { ref: seed.base?.ref ?? this.ctx.defaultBranch, sha: seed.base?.sha ?? fakeSha(`base:${n}`) }
    const head: PullFields['head'] = { ref: seed.head?.ref ?? `pr-${n}`, sha: seed.head?.sha ?? fakeSha(`head:${n}`) }
    if (seed.head?.forkOwner !== undefined) head.forkOwner = seed.head.forkOwner
    if (!this.refs.has(base.ref)) this.refs.set(base.ref, base.sha)
    if (!head.forkOwner && !this.refs.has(head.ref)) this.refs.set(head.ref, head.sha)
    const files = (seed.files ?? []).map((f) => ({
      ...f,
      sha: f.sha === undefined ? this.blobShaFor(f, base.sha, head.sha) : f.sha,
    }))
    const commits = seed.commits ?? [{ sha: head.sha, message: `Pull request #${n}`, parents: [base.sha] }]
    let additions = 0
    let deletions = 0
    for (const f of files) {
      const e = diffEntry(this.ctx, head.sha, f)
      additions += e.additions
      deletions += e.deletions
    }
    const fields: PullFields = {
      number: n,
      id: 1_000_000_000 + n,
      title: seed.title ?? `Pull request #${n}`,
      body: seed.body === undefined ? 'Fixture pull request' : seed.body,
      state: seed.state ?? 'open',
      draft: seed.draft ?? false,
      merged: seed.merged ?? false,
      user: seed.user ?? { login: 'octocat' },
      base,
      head,
      createdAt: FIXTURE_TIME,
      updatedAt: FIXTURE_TIME,
      additions,
      deletions,
      changedFiles: seed.changedFiles ?? files.length,
      commits: commits.length,
      comments: 0,
      authorAssociation: seed.authorAssociation ?? (head.forkOwner ? 'CONTRIBUTOR' : 'MEMBER'),
    }
    if (seed.mergeCommit !== undefined) fields.mergeCommit = seed.mergeCommit
    const state: PullState = { fields, files, commits, mergeBase: seed.mergeBase ?? { sha: base.sha, behindBy: 0 } }
    this.pulls.set(n, state)
    return state
  }

  private blobShaFor(f: FileSeed, baseSha: string, headSha: string): string {
    // A removed file's entry names the blob it had at the base.
    const side = f.status === 'removed' ? baseSha : headSha
    const file = this.tree(side)?.get(f.filename)
    return file ? gitBlobSha(file.bytes) : gitBlobSha(`${f.filename}@${side}`)
  }

  addCommit(seed: CommitFields): void {
    this.commits.set(seed.sha, seed)
  }

  addComparison(seed: ComparisonSeed): void {
    this.comparisons.set(`${seed.base}...${seed.head}`, seed)
  }

  addComment(seed: CommentSeed): CommentFields {
    const id = seed.id ?? this.nextCommentId++
    if (id >= this.nextCommentId) this.nextCommentId = id + 1
    const stamp = seed.createdAt ?? githubTimestamp(this.now())
    const c: CommentFields = {
      id,
      issueNumber: seed.issueNumber,
      body: seed.body,
      user: seed.user ?? this.actor,
      createdAt: stamp,
      updatedAt: seed.updatedAt ?? stamp,
      authorAssociation: seed.authorAssociation ?? ((seed.user ?? this.actor).type === 'Bot' ? 'NONE' : 'MEMBER'),
    }
    this.comments.set(id, c)
    const pull = this.pulls.get(seed.issueNumber)
    if (pull) pull.fields.comments++
    return c
  }

  /**
   * A review comment as a pull request's current diff places it: on its line while that line is
   * in the current patch of its file with the text it was written on, else outdated (line null).
   * (GitHub also follows a line that moved; the fake only keeps one that stayed.)
   */
  placedReviewComment(c: ReviewCommentFields & { lineText: string }): ReviewCommentFields {
    const pull = this.pulls.get(c.pullNumber)
    const patch = pull?.files.find((f) => f.filename === c.path)?.patch
    const now = patch === undefined ? undefined : diffRightLines(patch).get(c.originalLine)
    const current = now !== undefined && now === c.lineText
    return { ...c, line: current ? c.originalLine : null, commitId: current ? pull!.fields.head.sha : c.commitId }
  }

  /** Comments on one issue/PR, ascending id (GitHub's order). */
  commentsOn(issueNumber: number): CommentFields[] {
    return [...this.comments.values()].filter((c) => c.issueNumber === issueNumber).sort((a, b) => a.id - b.id)
  }

  issueExists(n: number): boolean {
    return this.pulls.has(n) || [...this.comments.values()].some((c) => c.issueNumber === n)
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Server                                                                                      */
/* ------------------------------------------------------------------------------------------ */

export interface GitHubServer {
  /** `http://127.0.0.1:PORT` plus the prefix (e.g. `/api/v3`); pass as octokit `baseUrl`. */
  readonly url: string
  readonly state: GitHubState
  readonly requests: RecordedRequest[]
  readonly violations: Violation[]
  readonly openapi: GitHubOpenApi
  /** Answer the next `times` requests to `route` with a fault. `route`: operationId
   *  (`pulls/list-files`), `"GET /repos/{owner}/{repo}/pulls/{pull_number}/files"`, `"graphql"`
   *  (`POST /graphql`, answered as GitHub's GraphQL endpoint answers each kind), or `"*"`. */
  fail(route: string, kind: FaultKind, options?: FaultOptions): FaultHandle
  /** Answer requests to `route` only after `ms` milliseconds (to see how many a client sends at
   *  once: `RecordedRequest.concurrent`). */
  slow(route: string, ms: number): void
  /** Requests received for a route (all when omitted), faulted ones included. */
  count(route?: string): number
  requestsFor(route: string): RecordedRequest[]
  /** Throw if any violation was recorded. */
  assertNoViolations(): void
  /** Forget recorded violations (for tests that provoke them on purpose). */
  clearViolations(): Violation[]
  /** Stop the server; then throw if violations were recorded (unless `allowViolations`). */
  close(options?: { allowViolations?: boolean }): Promise<void>
}

interface Fault {
  route: string
  operationId: string | undefined
  kind: FaultKind
  remaining: number
  hits: number
  retryAfter: number
  message: string | undefined
}

interface Reply {
  status: number
  body?: unknown
  raw?: Buffer
  headers?: Record<string, string>
}

class HttpError extends Error {
  constructor(readonly reply: Reply) {
    super(`HTTP ${reply.status}`)
  }
}

const MAX_COMMENT_BODY = 65536
const DOCS = 'https://docs.github.com/rest'

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const validate = options.validate !== false
  // Loaded even without validation: routing uses the description's path templates.
  const openapi = loadGitHubOpenApi()
  const prefix = (options.prefix ?? '').replace(/\/+$/, '')
  const started = performance.now()
  const requests: RecordedRequest[] = []
  const violations: Violation[] = []
  const faults: Fault[] = []
  const latency = new Map<string, number>()
  const inFlight = new Map<string, number>()

  const ctx: RepoContext = {
    apiUrl: 'http://127.0.0.1:0',
    htmlUrl: (options.htmlUrl ?? 'https://github.com').replace(/\/+$/, ''),
    owner: options.owner ?? 'octo-org',
    repo: options.repo ?? 'hello-world',
    repoId: options.repoId ?? 123456789,
    ownerId: 9919,
    ownerType: options.ownerType ?? 'Organization',
    defaultBranch: options.defaultBranch ?? 'main',
    private: options.private ?? false,
  }

  const http = createServer((req, res) => {
    void handle(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (http.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`
  ctx.apiUrl = `${origin}${prefix}`
  const state = new GitHubState(ctx, options)
  const graphql = new GitHubGraphQL(state, {
    ...(options.token !== undefined ? { token: options.token } : {}),
    ...(options.requireAuth === false ? { requireAuth: false } : {}),
    ...(options.validate === false ? { validate: false } : {}),
  })
  const graphqlAt = graphqlPath(prefix)

  const resolveRoute = (route: string): string | undefined => {
    if (route === '*') return undefined
    if (route === GRAPHQL_ROUTE || route === 'POST /graphql') return GRAPHQL_ROUTE
    const op = openapi.resolveRoute(route)
    if (!op)
      throw new Error(
        `unknown route ${JSON.stringify(route)}: give an operationId like "pulls/list-files" or "GET /repos/{owner}/{repo}/pulls/{pull_number}/files"`,
      )
    return op.operationId
  }

  /* ---------------------------------------------------------------------------------------- */

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase()
    const rawUrl = req.url ?? '/'
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const rawBody = Buffer.concat(chunks).toString('utf8')
    const parsedUrl = new URL(rawUrl, origin)
    const record: RecordedRequest = {
      index: requests.length,
      method,
      url: rawUrl,
      path: parsedUrl.pathname,
      query: Object.fromEntries(parsedUrl.searchParams),
      operationId: undefined,
      pathParams: {},
      headers: req.headers,
      body: rawBody.length === 0 ? undefined : tryJson(rawBody),
      status: 0,
      responseHeaders: {},
      responseBody: undefined,
      fault: undefined,
      concurrent: 0,
      violations: [],
      at: performance.now() - started,
    }
    requests.push(record)
    const violate = (where: Violation['where'], message: string) => {
      record.violations.push(`${where}: ${message}`)
      violations.push({
        requestIndex: record.index,
        method,
        url: rawUrl,
        operationId: record.operationId,
        where,
        message,
      })
    }

    let reply: Reply
    let match: OperationMatch | undefined
    const accept = header(req.headers, 'accept')
    const format = requestedMediaFormat(accept)
    try {
      // GraphQL first: under a GHES prefix it lives outside it (`/api/graphql` beside `/api/v3`).
      if (parsedUrl.pathname === graphqlAt) {
        record.path = '/graphql'
        record.operationId = GRAPHQL_ROUTE
        record.concurrent = (inFlight.get(GRAPHQL_ROUTE) ?? 0) + 1
        inFlight.set(GRAPHQL_ROUTE, record.concurrent)
        let fault: Fault | undefined
        const outcome = await graphql.handle({
          method,
          headers: req.headers,
          rawBody,
          requestId: requestId(requests.length),
          takeFault: () => (fault = takeFault(GRAPHQL_ROUTE)),
        })
        for (const p of outcome.problems) violate(p.where, p.message)
        record.fault = fault?.kind
        throw new HttpError(outcome.reply)
      }
      if (!parsedUrl.pathname.startsWith(`${prefix}/`)) {
        violate(
          'route',
          `path ${parsedUrl.pathname} is outside the API prefix ${JSON.stringify(prefix)} (wrong baseUrl?)`,
        )
        throw new HttpError({ status: 404, body: basicError('Not Found', DOCS, 404) })
      }
      record.path = parsedUrl.pathname.slice(prefix.length)
      match = openapi.match(method, record.path)
      if (!match) {
        violate('route', `${method} ${record.path} is no operation in GitHub's REST description`)
        throw new HttpError({ status: 404, body: basicError('Not Found', DOCS, 404) })
      }
      record.operationId = match.operation.operationId
      record.pathParams = match.pathParams
      record.concurrent = (inFlight.get(record.operationId) ?? 0) + 1
      inFlight.set(record.operationId, record.concurrent)
      const problems = validate
        ? openapi.validateRequest(
            match,
            { method, headers: req.headers, query: parsedUrl.searchParams, rawBody },
            {
              ...(options.apiVersions ? { apiVersions: options.apiVersions } : {}),
              ...(options.requireAuth === false ? { requireAuth: false } : {}),
            },
          )
        : []
      for (const p of problems) violate('request', p)

      const auth = header(req.headers, 'authorization')
      if (
        options.token !== undefined &&
        auth !== undefined &&
        auth.replace(/^(token|bearer)\s+/i, '') !== options.token
      ) {
        throw new HttpError({ status: 401, body: basicError('Bad credentials', DOCS, 401) })
      }
      if (problems.some((p) => p.startsWith('path parameters'))) {
        throw new HttpError({ status: 404, body: basicError('Not Found', DOCS, 404) })
      }
      if (problems.some((p) => p.startsWith('request body'))) {
        if (rawBody.length > 0 && tryJson(rawBody) === undefined) {
          throw new HttpError({ status: 400, body: basicError('Problems parsing JSON', DOCS, 400) })
        }
        throw new HttpError({
          status: 422,
          body: validationError(
            'Invalid request.\n\n' + problems.filter((p) => p.startsWith('request body')).join('\n'),
          ),
        })
      }

      const fault = takeFault(match.operation.operationId)
      if (fault) {
        record.fault = fault.kind
        throw new HttpError(faultReply(fault, match.operation.operationId))
      }

      const handler = HANDLERS[match.operation.operationId]
      if (!handler) {
        violate(
          'fake',
          `${match.operation.operationId} (${method} ${match.operation.pathTemplate}) is documented but not implemented by the fake`,
        )
        throw new HttpError({ status: 404, body: basicError('Not Found', DOCS, 404) })
      }
      const p = match.pathParams
      if (
        p['owner'] !== undefined &&
        (p['owner'].toLowerCase() !== ctx.owner.toLowerCase() || p['repo']?.toLowerCase() !== ctx.repo.toLowerCase())
      ) {
        throw new HttpError({ status: 404, body: basicError('Not Found', DOCS, 404) })
      }
      reply = handler({
        params: p,
        query: parsedUrl.searchParams,
        body: record.body,
        format,
        path: record.path,
        rawUrl: parsedUrl,
      })
      if (
        format !== undefined &&
        ['diff', 'patch', 'sha'].includes(format) &&
        reply.raw === undefined &&
        reply.status < 300
      ) {
        violate('fake', `the fake does not implement the ${format} media type for ${match.operation.operationId}`)
      }
    } catch (error) {
      if (error instanceof HttpError) reply = error.reply
      else {
        violate('fake', `handler threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
        reply = { status: 500, body: basicError('Server Error', DOCS, 500) }
      }
    }

    // Serialise.
    const headers: Record<string, string> = {
      ...standardHeaders(requests.length),
      ...(reply.headers ?? {}),
    }
    let payload: Buffer
    if (reply.raw !== undefined) {
      payload = reply.raw
    } else if (reply.body !== undefined) {
      payload = Buffer.from(JSON.stringify(reply.body), 'utf8')
      headers['content-type'] = 'application/json; charset=utf-8'
    } else {
      payload = Buffer.alloc(0)
    }
    if (payload.length > 0) headers['content-length'] = String(payload.length)
    record.status = reply.status
    record.responseHeaders = headers
    record.responseBody = reply.raw !== undefined ? reply.raw.toString('utf8') : reply.body

    if (validate && match) {
      const problems = openapi.validateResponse(match.operation, {
        status: reply.status,
        headers,
        body: reply.body,
        rawBody: payload.toString('utf8'),
        customMediaType: reply.raw !== undefined && format !== undefined,
      })
      for (const p of problems) violate('response', p)
    }

    const delay = record.operationId === undefined ? undefined : latency.get(record.operationId)
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay))
    if (record.operationId !== undefined && record.concurrent > 0)
      inFlight.set(record.operationId, (inFlight.get(record.operationId) ?? 1) - 1)
    res.writeHead(reply.status, headers)
    res.end(payload)
  }

  function takeFault(operationId: string): Fault | undefined {
    const fault = faults.find(
      (f) =>
        f.remaining > 0 &&
        (f.operationId === undefined || f.operationId === operationId) &&
        // A fault for every route ("*") passes GraphQL by when GraphQL never answers it so.
        (operationId !== GRAPHQL_ROUTE || graphqlFaultRefusal(f.kind) === undefined),
    )
    if (!fault) return undefined
    fault.remaining--
    fault.hits++
    return fault
  }

  function faultReply(fault: Fault, operationId: string): Reply {
    const docs = `${DOCS}#${operationId.replace('/', '-')}`
    switch (fault.kind) {
      case 'secondary-rate-limit':
        return {
          status: 403,
          headers: { 'retry-after': String(fault.retryAfter) },
          body: basicError(
            fault.message ?? secondaryRateLimitMessage(requestId(requests.length)),
            'https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
            403,
          ),
        }
      case 'rate-limit': {
        const reset = Math.ceil(Date.now() / 1000) + fault.retryAfter
        return {
          status: 403,
          headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset) },
          body: basicError(
            fault.message ??
              'API rate limit exceeded for installation ID 1234567. If you reach out to GitHub Support for help, please include the request ID ' +
                requestId(requests.length) +
                '.',
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
            403,
          ),
        }
      }
      case 'integration-forbidden':
        return { status: 403, body: basicError(fault.message ?? 'Resource not accessible by integration', docs, 403) }
      case 401:
        return { status: 401, body: basicError(fault.message ?? 'Bad credentials', DOCS, 401) }
      case 404:
        return { status: 404, body: basicError(fault.message ?? 'Not Found', docs, 404) }
      case 422:
        return {
          status: 422,
          body: validationError(
            fault.message ?? 'Validation Failed',
            [{ resource: 'Fake', code: 'custom', message: 'injected' }],
            docs,
          ),
        }
      case 500:
      case 502:
      case 503:
      case 504: {
        const message = {
          500: 'Server Error',
          502: 'Server Error',
          503: 'Service Unavailable',
          504: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
        }[fault.kind]
        return { status: fault.kind, body: basicError(fault.message ?? message, DOCS, fault.kind) }
      }
    }
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Handlers                                                                                 */
  /* ---------------------------------------------------------------------------------------- */

  interface HandlerInput {
    params: Record<string, string>
    query: URLSearchParams
    body: unknown
    format: string | undefined
    path: string
    rawUrl: URL
  }
  type Handler = (input: HandlerInput) => Reply

  const notFound = (message = 'Not Found'): never => {
    throw new HttpError({ status: 404, body: basicError(message, DOCS, 404) })
  }

  const forbiddenIfReadOnly = (docs: string): void => {
    if (state.permissions === 'read') {
      throw new HttpError({ status: 403, body: basicError('Resource not accessible by integration', docs, 403) })
    }
  }

  const commentBody = (body: unknown): string => {
    const text = (body as { body?: unknown } | undefined)?.body
    if (typeof text !== 'string') {
      throw new HttpError({ status: 422, body: validationError('Invalid request.\n\n"body" wasn\'t supplied.') })
    }
    // GitHub's limit is not in the description; it counts characters (code points, as Ruby's
    // String#length does), not UTF-16 units. Shape as reported from real 422s.
    if (text.length > MAX_COMMENT_BODY && [...text].length > MAX_COMMENT_BODY) {
      throw new HttpError({
        status: 422,
        body: validationError('Validation Failed', [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: `Body is too long (maximum is ${MAX_COMMENT_BODY} characters)`,
          },
        ]),
      })
    }
    return text
  }

  const pullOr404 = (n: string | undefined): PullState => state.pulls.get(Number(n)) ?? notFound()

  const commentOr404 = (id: string | undefined): CommentFields => state.comments.get(Number(id)) ?? notFound()

  const HANDLERS: Record<string, Handler> = {
    'repos/get': () => ({ status: 200, body: fullRepository(ctx) }),

    'users/get-authenticated': () => {
      // An installation token (the workflow's GITHUB_TOKEN, a GitHub App's token) acts as a bot,
      // and GitHub answers it as it answers any user-only endpoint.
      if (simpleUser(ctx, state.actor).type === 'Bot') {
        throw new HttpError({
          status: 403,
          body: basicError(
            'Resource not accessible by integration',
            `${DOCS}/users/users#get-the-authenticated-user`,
            403,
          ),
        })
      }
      return { status: 200, body: publicUser(ctx, state.actor) }
    },

    'pulls/get': ({ params }) => ({ status: 200, body: pullRequest(ctx, pullOr404(params['pull_number']).fields) }),

    'pulls/list': ({ query, rawUrl }) => {
      const want = query.get('state') ?? 'open'
      const head = query.get('head')
      const base = query.get('base')
      const list = [...state.pulls.values()]
        .filter((p) => want === 'all' || p.fields.state === want)
        .filter((p) => !head || head === `${p.fields.head.forkOwner ?? ctx.owner}:${p.fields.head.ref}`)
        .filter((p) => !base || base === p.fields.base.ref)
        .sort((a, b) => b.fields.number - a.fields.number)
      const { items, link } = paginate(list, query, rawUrl)
      return withLink({ status: 200, body: items.map((p) => pullRequestSimple(ctx, p.fields)) }, link)
    },

    'repos/list-pull-requests-associated-with-commit': ({ params, query, rawUrl }) => {
      const sha = params['commit_sha']
      const list = [...state.pulls.values()].filter(
        (p) => p.fields.head.sha === sha || p.commits.some((c) => c.sha === sha),
      )
      const { items, link } = paginate(list, query, rawUrl)
      return withLink({ status: 200, body: items.map((p) => pullRequestSimple(ctx, p.fields)) }, link)
    },

    'pulls/list-files': ({ params, query, rawUrl }) => {
      const pull = pullOr404(params['pull_number'])
      const cap = options.maxListedFiles ?? 3000
      const { items, link } = paginate(pull.files, query, rawUrl, cap)
      return withLink({ status: 200, body: items.map((f) => diffEntry(ctx, pull.fields.head.sha, f)) }, link)
    },

    'pulls/list-commits': ({ params, query, rawUrl }) => {
      const pull = pullOr404(params['pull_number'])
      const { items, link } = paginate(pull.commits, query, rawUrl, 250)
      return withLink({ status: 200, body: items.map((c) => commit(ctx, c)) }, link)
    },

    'issues/list-comments': ({ params, query, rawUrl }) => {
      const n = Number(params['issue_number'])
      if (!state.issueExists(n)) notFound()
      const since = query.get('since')
      const list = state.commentsOn(n).filter((c) => !since || Date.parse(c.updatedAt) >= Date.parse(since))
      const { items, link } = paginate(list, query, rawUrl)
      return withLink({ status: 200, body: items.map((c) => issueComment(ctx, c)) }, link)
    },

    'issues/create-comment': ({ params, body }) => {
      const n = Number(params['issue_number'])
      if (!state.issueExists(n)) notFound()
      forbiddenIfReadOnly(`${DOCS}/issues/comments#create-an-issue-comment`)
      const c = state.addComment({ issueNumber: n, body: commentBody(body) })
      const out = issueComment(ctx, c)
      return { status: 201, body: out, headers: { location: out.url } }
    },

    'issues/get-comment': ({ params }) => ({
      status: 200,
      body: issueComment(ctx, commentOr404(params['comment_id'])),
    }),

    'issues/update-comment': ({ params, body }) => {
      const c = commentOr404(params['comment_id'])
      forbiddenIfReadOnly(`${DOCS}/issues/comments#update-an-issue-comment`)
      c.body = commentBody(body)
      c.updatedAt = githubTimestamp(state.now())
      return { status: 200, body: issueComment(ctx, c) }
    },

    'issues/delete-comment': ({ params }) => {
      const c = commentOr404(params['comment_id'])
      forbiddenIfReadOnly(`${DOCS}/issues/comments#delete-an-issue-comment`)
      state.comments.delete(c.id)
      const pull = state.pulls.get(c.issueNumber)
      if (pull) pull.fields.comments--
      return { status: 204 }
    },

    'pulls/list-review-comments': ({ params, query, rawUrl }) => {
      const pull = pullOr404(params['pull_number'])
      const list = [...state.reviewComments.values()]
        .filter((c) => c.pullNumber === pull.fields.number)
        .sort((a, b) => a.id - b.id)
      const { items, link } = paginate(list, query, rawUrl)
      return withLink({ status: 200, body: items.map((c) => reviewComment(ctx, state.placedReviewComment(c))) }, link)
    },

    'pulls/create-review': ({ params, body }) => {
      const pull = pullOr404(params['pull_number'])
      forbiddenIfReadOnly(`${DOCS}/pulls/reviews#create-a-review-for-a-pull-request`)
      const b = (body ?? {}) as {
        commit_id?: string
        body?: string
        event?: string
        comments?: { path: string; line?: number; side?: string; body: string; position?: number }[]
      }
      const invalid = (message: string): never => {
        throw new HttpError({
          status: 422,
          body: validationError('Unprocessable Entity', [{ resource: 'PullRequestReview', code: 'custom', message }]),
        })
      }
      if (b.event !== 'COMMENT') invalid(`the fake only takes event COMMENT, got ${String(b.event)}`)
      if (!b.body) invalid('Body is required for COMMENT')
      const commitId = b.commit_id ?? pull.fields.head.sha
      if (commitId !== pull.fields.head.sha && !pull.commits.some((c) => c.sha === commitId))
        invalid('commit_id is not part of the pull request')
      const placed: { path: string; line: number; text: string; hunk: string; body: string }[] = []
      for (const c of b.comments ?? []) {
        // GitHub rejects the whole review when one comment's line is not in the diff.
        if (c.line === undefined || c.side !== 'RIGHT') invalid('the fake takes comments by line on the RIGHT side')
        const patch = pull.files.find((f) => f.filename === c.path)?.patch
        const lines = patch === undefined ? undefined : diffRightLines(patch)
        const text = lines?.get(c.line!)
        if (text === undefined) invalid('Pull request review thread line must be part of the diff')
        placed.push({ path: c.path, line: c.line!, text: text!, hunk: hunkUpTo(patch!, c.line!), body: commentBody(c) })
      }
      const stamp = githubTimestamp(state.now())
      const review = {
        id: 80_000_000 + state.reviews.length + 1,
        pullNumber: pull.fields.number,
        body: b.body!,
        commitId,
        user: state.actor,
        submittedAt: stamp,
      }
      state.reviews.push(review)
      for (const c of placed) {
        const id = state.nextCommentId++
        state.reviewComments.set(id, {
          id,
          pullNumber: pull.fields.number,
          reviewId: review.id,
          path: c.path,
          line: c.line,
          originalLine: c.line,
          diffHunk: c.hunk,
          commitId,
          originalCommitId: commitId,
          body: c.body,
          user: state.actor,
          createdAt: stamp,
          updatedAt: stamp,
          lineText: c.text,
        })
      }
      return { status: 200, body: pullRequestReview(ctx, review) }
    },

    'pulls/update-review-comment': ({ params, body }) => {
      const c = state.reviewComments.get(Number(params['comment_id'])) ?? notFound()
      forbiddenIfReadOnly(`${DOCS}/pulls/comments#update-a-review-comment-for-a-pull-request`)
      c.body = commentBody(body)
      c.updatedAt = githubTimestamp(state.now())
      return { status: 200, body: reviewComment(ctx, state.placedReviewComment(c)) }
    },

    'repos/get-content': ({ params, query, format }) => {
      const ref = query.get('ref') ?? ctx.defaultBranch
      const path = (params['path'] ?? '').replace(/^\/+|\/+$/g, '')
      const tree = state.tree(ref)
      if (!tree) {
        if (state.knowsRef(ref)) notFound()
        notFound(`No commit found for the ref ${ref}`)
      }
      let file = tree!.get(path)
      let filePath = path
      if (file?.mode === '120000') {
        // GitHub answers with the target's content when the link points at a file in the
        // repository, else with a description of the link.
        const target = resolveLink(path, file.bytes.toString('utf8'))
        const targetFile = target === undefined ? undefined : tree!.get(target)
        if (target === undefined || !targetFile || targetFile.mode === '120000') {
          if (format === 'raw' || format === 'raw+json') return rawReply(file.bytes)
          return { status: 200, body: contentSymlink(ctx, path, ref, file.bytes) }
        }
        file = targetFile
        filePath = target
      }
      if (file) {
        if (format === 'raw' || format === 'raw+json') return rawReply(file.bytes)
        return { status: 200, body: contentFile(ctx, filePath, ref, file.bytes) }
      }
      const prefixPath = path === '' ? '' : `${path}/`
      const entries = new Map<string, { path: string; type: 'file' | 'dir'; bytes?: Uint8Array }>()
      for (const [p, f] of tree!) {
        if (!p.startsWith(prefixPath)) continue
        const rest = p.slice(prefixPath.length)
        const slash = rest.indexOf('/')
        if (slash === -1) entries.set(p, { path: p, type: 'file', bytes: f.bytes })
        else entries.set(prefixPath + rest.slice(0, slash), { path: prefixPath + rest.slice(0, slash), type: 'dir' })
      }
      if (entries.size === 0) notFound()
      const sorted = [...entries.values()].sort((a, b) => a.path.localeCompare(b.path))
      return { status: 200, body: contentDirectory(ctx, ref, sorted) }
    },

    'git/get-blob': ({ params, format }) => {
      const sha = params['file_sha'] ?? ''
      for (const tree of state.trees.values()) {
        for (const { bytes } of tree.values()) {
          if (gitBlobSha(bytes) === sha) {
            if (format === 'raw' || format === 'raw+json') return rawReply(bytes)
            return { status: 200, body: blob(ctx, bytes) }
          }
        }
      }
      return notFound()
    },

    'git/get-commit': ({ params }) => {
      const c = state.commits.get(params['commit_sha'] ?? '') ?? notFound()
      return { status: 200, body: gitCommit(ctx, { ...c, tree: treeSha(c.sha, '') }) }
    },

    'git/get-tree': ({ params, query }) => {
      const wanted = params['tree_sha'] ?? ''
      // A commit SHA or ref names its root tree; a tree SHA names the root or a subdirectory.
      let root = state.tree(wanted)
      let dir = ''
      if (!root) {
        outer: for (const [key, tree] of state.trees) {
          for (const d of directories(tree)) {
            if (treeSha(key, d) === wanted) {
              root = tree
              dir = d
              break outer
            }
          }
        }
      }
      if (!root) return notFound()
      const key = [...state.trees].find(([, t]) => t === root)![0]
      const recursive = query.has('recursive')
      const entries = treeEntries(root, dir, recursive).map((e) =>
        e.type === 'tree'
          ? {
              path: e.path,
              mode: '040000',
              type: 'tree',
              sha: treeSha(key, e.full),
              url: `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/git/trees/${treeSha(key, e.full)}`,
            }
          : {
              path: e.path,
              mode: e.file!.mode,
              type: 'blob',
              sha: gitBlobSha(e.file!.bytes),
              size: e.file!.bytes.length,
              url: `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/git/blobs/${gitBlobSha(e.file!.bytes)}`,
            },
      )
      const max = options.maxTreeEntries ?? 100_000
      const sha = treeSha(key, dir)
      return {
        status: 200,
        body: {
          sha,
          url: `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/git/trees/${sha}`,
          tree: recursive && entries.length > max ? entries.slice(0, max) : entries,
          truncated: recursive && entries.length > max,
        },
      }
    },

    // `GET /repos/{owner}/{repo}/compare/{base}...{head}`: the same endpoint, older spelling.
    'repos/compare-commits': (input) =>
      HANDLERS['repos/compare-commits-with-basehead']!({
        ...input,
        params: { ...input.params, basehead: `${input.params['base'] ?? ''}...${input.params['head'] ?? ''}` },
      }),

    'repos/compare-commits-with-basehead': ({ params, query, rawUrl }) => {
      const basehead = params['basehead'] ?? ''
      const sep = basehead.indexOf('...')
      if (sep === -1) notFound()
      const base = basehead.slice(0, sep)
      const head = basehead.slice(sep + 3)
      const same = (side: PullFields['base'] | PullFields['head'], name: string) => {
        const owner = ('forkOwner' in side && side.forkOwner) || ctx.owner
        return name === side.sha || name === side.ref || name === `${owner}:${side.ref}`
      }
      const seeded = state.comparisons.get(`${base}...${head}`)
      if (seeded) return withLink({ status: 200, body: seededComparison(seeded, query) }, undefined)
      const pull = [...state.pulls.values()].find((p) => same(p.fields.base, base) && same(p.fields.head, head))
      if (!pull) return notFound()
      const paged = query.has('page') || query.has('per_page')
      let commits = pull.commits
      let link: string | undefined
      if (paged) {
        const pageResult = paginate(commits, query, rawUrl)
        commits = pageResult.items
        link = pageResult.link
      } else {
        commits = commits.slice(-250)
      }
      const page = Number(query.get('page') ?? '1')
      const files =
        !paged || page <= 1 ? pull.files.slice(0, 300).map((f) => diffEntry(ctx, pull.fields.head.sha, f)) : undefined
      const baseCommit = commit(ctx, { sha: pull.fields.base.sha, message: 'Base', parents: [] })
      // A base that moved on since head branched off: GitHub compares from the merge base.
      const mergeBaseCommit =
        pull.mergeBase.sha === pull.fields.base.sha
          ? baseCommit
          : commit(ctx, { sha: pull.mergeBase.sha, message: 'Merge base', parents: [] })
      const body = commitComparison(ctx, {
        base,
        head,
        baseCommit,
        mergeBaseCommit,
        commits: commits.map((c) => commit(ctx, c)),
        totalCommits: pull.commits.length,
        aheadBy: pull.commits.length,
        behindBy: pull.mergeBase.behindBy,
        ...(files ? { files } : {}),
      })
      return withLink({ status: 200, body }, link)
    },
  }

  function seededComparison(c: ComparisonSeed, query: URLSearchParams) {
    const aheadBy = c.aheadBy ?? 1
    const page = Number(query.get('page') ?? '1')
    const baseCommit = commit(ctx, { sha: c.base, message: 'Base', parents: [] })
    const mergeBase = c.mergeBase ?? c.base
    const files =
      c.omitFiles || page > 1 ? undefined : (c.files ?? []).slice(0, 300).map((f) => diffEntry(ctx, c.head, f))
    return commitComparison(ctx, {
      base: c.base,
      head: c.head,
      baseCommit,
      mergeBaseCommit:
        mergeBase === c.base ? baseCommit : commit(ctx, { sha: mergeBase, message: 'Merge base', parents: [] }),
      commits: [commit(ctx, { sha: c.head, message: 'Head', parents: [mergeBase] })],
      totalCommits: aheadBy,
      aheadBy,
      behindBy: c.behindBy ?? 0,
      ...(files ? { files } : {}),
    })
  }

  function paginate<T>(
    all: T[],
    query: URLSearchParams,
    url: URL,
    cap = Infinity,
  ): { items: T[]; link: string | undefined } {
    const perPageRaw = Number.parseInt(query.get('per_page') ?? '', 10)
    const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(perPageRaw, 100) : 30
    const pageRaw = Number.parseInt(query.get('page') ?? '', 10)
    const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1
    const listed = all.slice(0, cap)
    const last = Math.max(1, Math.ceil(listed.length / perPage))
    const items = listed.slice((page - 1) * perPage, page * perPage)
    const rel = (n: number, name: string) => {
      const u = new URL(url.pathname + url.search, origin)
      u.searchParams.set('page', String(n))
      return `<${u.toString()}>; rel="${name}"`
    }
    const parts: string[] = []
    if (page > 1) parts.push(rel(Math.min(page - 1, last), 'prev'))
    if (page < last) parts.push(rel(page + 1, 'next'), rel(last, 'last'))
    if (page > 1) parts.push(rel(1, 'first'))
    return { items, link: parts.length > 0 ? parts.join(', ') : undefined }
  }

  function withLink(reply: Reply, link: string | undefined): Reply {
    if (link) reply.headers = { ...(reply.headers ?? {}), link }
    return reply
  }

  function treeSha(key: string, dir: string): string {
    return fakeSha(`tree:${key}:${dir}`)
  }

  function rawReply(bytes: Buffer): Reply {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
    const isText = Buffer.from(text, 'utf8').equals(bytes)
    return {
      status: 200,
      raw: bytes,
      headers: { 'content-type': isText ? 'text/plain; charset=utf-8' : 'application/octet-stream' },
    }
  }

  /* ---------------------------------------------------------------------------------------- */

  const server: GitHubServer = {
    url: ctx.apiUrl,
    state,
    requests,
    violations,
    openapi,
    fail(route, kind, faultOptions = {}) {
      const operationId = resolveRoute(route)
      if (operationId === GRAPHQL_ROUTE) {
        const refusal = graphqlFaultRefusal(kind)
        if (refusal !== undefined) throw new Error(refusal)
      } else if (operationId !== undefined) {
        const op = openapi.operation(operationId)!
        const status =
          typeof kind === 'number'
            ? kind
            : kind === 'rate-limit' || kind === 'secondary-rate-limit' || kind === 'integration-forbidden'
              ? 403
              : 0
        const documented = Object.keys(op.raw['responses'] as object)
        if (!documented.includes(String(status)) && !AMBIENT_ERROR_STATUSES.has(status)) {
          throw new Error(
            `${operationId} does not document status ${status} (documented: ${documented.join(', ')}); GitHub would not send it`,
          )
        }
      }
      const fault: Fault = {
        route,
        operationId,
        kind,
        remaining: faultOptions.times ?? 1,
        hits: 0,
        retryAfter: faultOptions.retryAfter ?? 1,
        message: faultOptions.message,
      }
      faults.push(fault)
      return {
        kind,
        get remaining() {
          return fault.remaining
        },
        get hits() {
          return fault.hits
        },
        cancel() {
          fault.remaining = 0
        },
      }
    },
    slow(route, ms) {
      const operationId = resolveRoute(route)
      if (operationId === undefined) throw new Error('slow() takes one operation')
      latency.set(operationId, ms)
    },
    count(route) {
      return route === undefined ? requests.length : server.requestsFor(route).length
    },
    requestsFor(route) {
      const operationId = resolveRoute(route)
      return operationId === undefined ? [...requests] : requests.filter((r) => r.operationId === operationId)
    },
    assertNoViolations() {
      if (violations.length === 0) return
      const lines = violations.map(
        (v) =>
          `  #${v.requestIndex} ${v.method} ${v.url}${v.operationId ? ` [${v.operationId}]` : ''} ${v.where}: ${v.message}`,
      )
      throw new Error(`fake GitHub recorded ${violations.length} OpenAPI violation(s):\n${lines.join('\n')}`)
    },
    clearViolations() {
      const out = violations.splice(0, violations.length)
      for (const r of requests) r.violations = []
      return out
    },
    async close(closeOptions = {}) {
      await new Promise<void>((resolve) => {
        http.close(() => resolve())
        http.closeAllConnections()
      })
      if (!closeOptions.allowViolations) server.assertNoViolations()
    },
  }
  return server
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

/**
 * The right-side lines of a unified diff (a file's `patch`), by line number in head: added and
 * context lines of its hunks — where GitHub takes a review comment on the RIGHT side.
 */
export function diffRightLines(patch: string): Map<number, string> {
  const out = new Map<number, string>()
  let line = 0
  for (const l of patch.split('\n')) {
    const hunk = /^@@ -[0-9,]+ \+(\d+)/.exec(l)
    if (hunk) line = Number(hunk[1])
    else if (l.startsWith('+') || l.startsWith(' ')) out.set(line++, l.slice(1))
  }
  return out
}

/** The hunk of `patch` that holds right-side `line`, up to that line (a review comment's `diff_hunk`). */
function hunkUpTo(patch: string, line: number): string {
  const lines = patch.split('\n')
  let start = 0
  let at = 0
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    const hunk = /^@@ -[0-9,]+ \+(\d+)/.exec(l)
    if (hunk) {
      start = i
      at = Number(hunk[1])
    } else if (l.startsWith('+') || l.startsWith(' ')) {
      if (at === line) return lines.slice(start, i + 1).join('\n')
      at++
    }
  }
  return patch
}

/** Every directory of a tree ("" is the root). */
function directories(tree: Map<string, TreeFile>): Set<string> {
  const dirs = new Set<string>([''])
  for (const path of tree.keys()) {
    const parts = path.split('/')
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'))
  }
  return dirs
}

interface TreeEntry {
  /** Path relative to the listed tree. */
  path: string
  /** Path from the repository root. */
  full: string
  type: 'tree' | 'blob'
  file?: TreeFile
}

/** Entries under `dir` in git's order (names compared with a trailing "/" for trees), depth first.
 *  One pass over the files into a tree of names: a recursive listing of 100,000 files stays fast. */
function treeEntries(tree: Map<string, TreeFile>, dir: string, recursive: boolean): TreeEntry[] {
  interface Node {
    full: string
    file?: TreeFile
    children: Map<string, Node>
  }
  const base = dir === '' ? '' : `${dir}/`
  const root: Node = { full: dir, children: new Map() }
  for (const [path, file] of tree) {
    if (!path.startsWith(base)) continue
    const parts = path.slice(base.length).split('/')
    let node = root
    let full = dir
    for (const [i, name] of parts.entries()) {
      full = full === '' ? name : `${full}/${name}`
      let child = node.children.get(name)
      if (!child) {
        child = { full, children: new Map(), ...(i === parts.length - 1 ? { file } : {}) }
        node.children.set(name, child)
      }
      // A name seen first as a file stays a file (git has no path that is both).
      if (child.file) break
      node = child
    }
  }
  const out: TreeEntry[] = []
  const walk = (node: Node, prefix: string): void => {
    const key = ([name, n]: [string, Node]) => (n.file ? name : `${name}/`)
    const sorted = [...node.children].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    for (const [name, n] of sorted) {
      const path = `${prefix}${name}`
      out.push(n.file ? { path, full: n.full, type: 'blob', file: n.file } : { path, full: n.full, type: 'tree' })
      if (recursive && !n.file) walk(n, `${path}/`)
    }
  }
  walk(root, '')
  return out
}

/** Resolve a symlink target relative to the link's directory; undefined if it leaves the repo. */
function resolveLink(linkPath: string, target: string): string | undefined {
  if (target.startsWith('/')) return undefined
  const parts = linkPath.split('/').slice(0, -1)
  for (const part of target.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length === 0) return undefined
      parts.pop()
    } else parts.push(part)
  }
  return parts.join('/')
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const h = headers[name]
  return Array.isArray(h) ? h.join(', ') : h
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text.length === 0 ? undefined : text
  }
}

const REQUEST_ID_SALT = randomBytes(2).toString('hex').toUpperCase()

function requestId(n: number): string {
  return `${REQUEST_ID_SALT}:${(0x1000 + n).toString(16).toUpperCase()}:FAKE`
}

function standardHeaders(n: number): Record<string, string> {
  const reset = Math.ceil(Date.now() / 1000) + 3600
  return {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': requestId(n),
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': String(Math.max(0, 5000 - n)),
    'x-ratelimit-reset': String(reset),
    'x-ratelimit-used': String(n),
    'x-ratelimit-resource': 'core',
  }
}

/** Octokit options with the retry/throttling plugins' waits shrunk to milliseconds. */
export { fastOctokitOptions, type FastOctokitOptions } from './github-octokit.js'
