/**
 * Builders of realistic GitHub REST objects, typed with `@octokit/openapi-types` (so a typo in a
 * field name fails `tsc`) and validated against `@octokit/openapi` at run time by the fake server
 * (so a missing required field or a wrong format fails the test that sent it).
 */
import { createHash } from 'node:crypto'
import type { components } from '@octokit/openapi-types'

export type Schemas = components['schemas']
export type SimpleUser = Schemas['simple-user']
export type PublicUser = Schemas['public-user']
export type Repository = Schemas['repository']
export type FullRepository = Schemas['full-repository']
export type DiffEntry = Schemas['diff-entry']
export type IssueComment = Schemas['issue-comment']
export type PullRequest = Schemas['pull-request']
export type PullRequestSimple = Schemas['pull-request-simple']
export type Commit = Schemas['commit']
export type CommitComparison = Schemas['commit-comparison']
export type ContentFile = Schemas['content-file']
export type ContentDirectory = Schemas['content-directory']
export type Blob = Schemas['blob']
export type BasicError = Schemas['basic-error']
export type ValidationError = Schemas['validation-error']
export type AuthorAssociation = Schemas['author-association']
export type DiffStatus = DiffEntry['status']

/** Where the fake lives and which repository it serves. */
export interface RepoContext {
  /** API root without trailing slash, e.g. `http://127.0.0.1:41234` or `…/api/v3`. */
  apiUrl: string
  /** Web root without trailing slash, e.g. `https://github.com`. */
  htmlUrl: string
  owner: string
  repo: string
  repoId: number
  ownerId: number
  ownerType: 'User' | 'Organization'
  defaultBranch: string
  private: boolean
}

export interface UserSeed {
  login: string
  id?: number
  type?: 'User' | 'Bot' | 'Organization'
}

/** A fixed instant, so fixtures are deterministic unless a test says otherwise. */
export const FIXTURE_TIME = '2024-06-01T12:00:00Z'

/** GitHub timestamps carry no milliseconds: `2024-06-01T12:00:00Z`. */
export function githubTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** The SHA-1 git gives a blob: `sha1("blob <size>\0" + content)`. */
export function gitBlobSha(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

/** A deterministic 40-hex "commit" SHA for a label (tests need stable SHAs, not real ones). */
export function fakeSha(label: string): string {
  return createHash('sha1').update(`fake:${label}`).digest('hex')
}

/** GitHub's node ids are opaque base64 strings. */
export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`0:${kind}${id}`).toString('base64').replace(/=+$/, '')
}

/** Base64 the way the contents/blobs APIs send it: wrapped with `\n` every 60 characters. */
export function githubBase64(bytes: Uint8Array): string {
  const b64 = Buffer.from(bytes).toString('base64')
  const lines: string[] = []
  for (let i = 0; i < b64.length; i += 60) lines.push(b64.slice(i, i + 60))
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`
}

/** Percent-encode a repository path for use in a URL, keeping the `/` separators. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}

/** Count `+`/`-` lines of a unified diff hunk text (GitHub's `patch` field). */
export function patchStats(patch: string | undefined): { additions: number; deletions: number } {
  let additions = 0
  let deletions = 0
  for (const line of (patch ?? '').split('\n')) {
    if (line.startsWith('+')) additions++
    else if (line.startsWith('-')) deletions++
  }
  return { additions, deletions }
}

const KNOWN_IDS: Record<string, number> = {
  'github-actions[bot]': 41898282,
  'dependabot[bot]': 49699333,
  octocat: 583231,
}

function idFor(login: string): number {
  const known = KNOWN_IDS[login]
  if (known !== undefined) return known
  let h = 7
  for (const ch of login) h = (h * 31 + ch.charCodeAt(0)) % 90_000_000
  return 1_000_000 + h
}

/* ---------------------------------------------------------------------------------------- */
/* Users and repositories                                                                    */
/* ---------------------------------------------------------------------------------------- */

export function simpleUser(ctx: Pick<RepoContext, 'apiUrl' | 'htmlUrl'>, seed: UserSeed): SimpleUser {
  const login = seed.login
  const id = seed.id ?? idFor(login)
  const type = seed.type ?? (login.endsWith('[bot]') ? 'Bot' : 'User')
  const api = `${ctx.apiUrl}/users/${encodeURIComponent(login)}`
  const html =
    type === 'Bot'
      ? `${ctx.htmlUrl}/apps/${encodeURIComponent(login.replace(/\[bot\]$/, ''))}`
      : `${ctx.htmlUrl}/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: nodeId(type === 'Bot' ? 'Bot' : 'User', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: html,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type,
    user_view_type: 'public',
    site_admin: false,
  }
}

/**
 * `GET /user` as a token that names a user (a personal access token, an OAuth or GitHub App
 * user token) sees it: the public profile (`private-user` needs the classic `user` scope).
 */
export function publicUser(ctx: Pick<RepoContext, 'apiUrl' | 'htmlUrl'>, seed: UserSeed): PublicUser {
  return {
    ...simpleUser(ctx, seed),
    name: null,
    company: null,
    blog: '',
    location: null,
    email: null,
    hireable: null,
    bio: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: FIXTURE_TIME,
  }
}

/** The user GITHUB_TOKEN acts as. */
export const GITHUB_ACTIONS_BOT: UserSeed = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }

export function repository(ctx: RepoContext, overrides: Partial<Repository> = {}): Repository {
  const full = `${ctx.owner}/${ctx.repo}`
  const api = `${ctx.apiUrl}/repos/${full}`
  const html = `${ctx.htmlUrl}/${full}`
  const host = new URL(ctx.htmlUrl).host
  return {
    id: ctx.repoId,
    node_id: nodeId('Repository', ctx.repoId),
    name: ctx.repo,
    full_name: full,
    owner: simpleUser(ctx, { login: ctx.owner, id: ctx.ownerId, type: ctx.ownerType }),
    private: ctx.private,
    html_url: html,
    description: 'Fixture repository',
    fork: false,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    assignees_url: `${api}/assignees{/user}`,
    blobs_url: `${api}/git/blobs{/sha}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    contributors_url: `${api}/contributors`,
    deployments_url: `${api}/deployments`,
    downloads_url: `${api}/downloads`,
    events_url: `${api}/events`,
    forks_url: `${api}/forks`,
    git_commits_url: `${api}/git/commits{/sha}`,
    git_refs_url: `${api}/git/refs{/sha}`,
    git_tags_url: `${api}/git/tags{/sha}`,
    git_url: `git://${host}/${full}.git`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issue_events_url: `${api}/issues/events{/number}`,
    issues_url: `${api}/issues{/number}`,
    keys_url: `${api}/keys{/key_id}`,
    labels_url: `${api}/labels{/name}`,
    languages_url: `${api}/languages`,
    merges_url: `${api}/merges`,
    milestones_url: `${api}/milestones{/number}`,
    notifications_url: `${api}/notifications{?since,all,participating}`,
    pulls_url: `${api}/pulls{/number}`,
    releases_url: `${api}/releases{/id}`,
    ssh_url: `git@${host}:${full}.git`,
    stargazers_url: `${api}/stargazers`,
    statuses_url: `${api}/statuses/{sha}`,
    subscribers_url: `${api}/subscribers`,
    subscription_url: `${api}/subscription`,
    tags_url: `${api}/tags`,
    teams_url: `${api}/teams`,
    trees_url: `${api}/git/trees{/sha}`,
    clone_url: `${html}.git`,
    mirror_url: null,
    hooks_url: `${api}/hooks`,
    svn_url: html,
    homepage: null,
    language: 'TypeScript',
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 100,
    default_branch: ctx.defaultBranch,
    open_issues_count: 1,
    open_issues: 1,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: ctx.private ? 'private' : 'public',
    pushed_at: FIXTURE_TIME,
    created_at: '2020-01-01T00:00:00Z',
    updated_at: FIXTURE_TIME,
    allow_forking: true,
    web_commit_signoff_required: false,
    license: null,
    ...overrides,
  }
}

export function fullRepository(ctx: RepoContext, overrides: Partial<FullRepository> = {}): FullRepository {
  const base = repository(ctx)
  return {
    ...base,
    pushed_at: base.pushed_at ?? FIXTURE_TIME,
    created_at: base.created_at ?? FIXTURE_TIME,
    updated_at: base.updated_at ?? FIXTURE_TIME,
    has_discussions: false,
    network_count: 0,
    subscribers_count: 1,
    permissions: { admin: false, maintain: false, push: false, triage: false, pull: true },
    ...overrides,
  }
}

/* ---------------------------------------------------------------------------------------- */
/* Pull request files, comments                                                              */
/* ---------------------------------------------------------------------------------------- */

export interface FileSeed {
  filename: string
  status?: DiffStatus
  previous_filename?: string
  /** Blob SHA of the file at the head commit; `null` is what GitHub sends for some entries. */
  sha?: string | null
  /** Omit for binary or very large diffs: GitHub leaves `patch` out then. */
  patch?: string
  additions?: number
  deletions?: number
  changes?: number
}

export function diffEntry(ctx: RepoContext, headSha: string, seed: FileSeed): DiffEntry {
  const stats = patchStats(seed.patch)
  const additions = seed.additions ?? stats.additions
  const deletions = seed.deletions ?? stats.deletions
  const full = `${ctx.owner}/${ctx.repo}`
  const path = encodePath(seed.filename)
  const entry: DiffEntry = {
    sha: seed.sha === undefined ? gitBlobSha(`${seed.filename}@${headSha}`) : seed.sha,
    filename: seed.filename,
    status: seed.status ?? 'modified',
    additions,
    deletions,
    changes: seed.changes ?? additions + deletions,
    blob_url: `${ctx.htmlUrl}/${full}/blob/${headSha}/${path}`,
    raw_url: `${ctx.htmlUrl}/${full}/raw/${headSha}/${path}`,
    contents_url: `${ctx.apiUrl}/repos/${full}/contents/${path}?ref=${headSha}`,
  }
  if (seed.patch !== undefined) entry.patch = seed.patch
  if (seed.previous_filename !== undefined) entry.previous_filename = seed.previous_filename
  return entry
}

export interface CommentFields {
  id: number
  issueNumber: number
  body: string
  user: UserSeed
  createdAt: string
  updatedAt: string
  authorAssociation: AuthorAssociation
}

export function issueComment(ctx: RepoContext, c: CommentFields): IssueComment {
  const full = `${ctx.owner}/${ctx.repo}`
  return {
    id: c.id,
    node_id: nodeId('IssueComment', c.id),
    url: `${ctx.apiUrl}/repos/${full}/issues/comments/${c.id}`,
    html_url: `${ctx.htmlUrl}/${full}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    body: c.body,
    user: simpleUser(ctx, c.user),
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    issue_url: `${ctx.apiUrl}/repos/${full}/issues/${c.issueNumber}`,
    author_association: c.authorAssociation,
    performed_via_github_app: null,
    reactions: {
      url: `${ctx.apiUrl}/repos/${full}/issues/comments/${c.id}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
  }
}

export type PullRequestReviewComment = Schemas['pull-request-review-comment']
export type PullRequestReview = Schemas['pull-request-review']

/** A review comment on a pull request's diff, on one right-side line. */
export interface ReviewCommentFields {
  id: number
  pullNumber: number
  reviewId: number
  path: string
  /** The line as of the pull request's head; null once outdated. */
  line: number | null
  originalLine: number
  /** The hunk up to the commented line, as GitHub shows it. */
  diffHunk: string
  commitId: string
  originalCommitId: string
  body: string
  user: UserSeed
  createdAt: string
  updatedAt: string
  inReplyTo?: number
}

export function reviewComment(ctx: RepoContext, c: ReviewCommentFields): PullRequestReviewComment {
  const full = `${ctx.owner}/${ctx.repo}`
  const self = `${ctx.apiUrl}/repos/${full}/pulls/comments/${c.id}`
  const html = `${ctx.htmlUrl}/${full}/pull/${c.pullNumber}#discussion_r${c.id}`
  const pr = `${ctx.apiUrl}/repos/${full}/pulls/${c.pullNumber}`
  const out: PullRequestReviewComment = {
    url: self,
    pull_request_review_id: c.reviewId,
    id: c.id,
    node_id: nodeId('PullRequestReviewComment', c.id),
    diff_hunk: c.diffHunk,
    path: c.path,
    position: c.line ?? undefined,
    original_position: c.originalLine,
    commit_id: c.commitId,
    original_commit_id: c.originalCommitId,
    user: simpleUser(ctx, c.user),
    body: c.body,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    html_url: html,
    pull_request_url: pr,
    author_association: c.user.type === 'Bot' ? 'NONE' : 'MEMBER',
    _links: { self: { href: self }, html: { href: html }, pull_request: { href: pr } },
    start_line: null,
    original_start_line: null,
    start_side: null,
    line: c.line ?? undefined,
    original_line: c.originalLine,
    side: 'RIGHT',
    subject_type: 'line',
  }
  if (c.inReplyTo !== undefined) out.in_reply_to_id = c.inReplyTo
  if (c.line === null) {
    delete out.line
    delete out.position
  }
  return out
}

export function pullRequestReview(
  ctx: RepoContext,
  r: { id: number; pullNumber: number; body: string; commitId: string; user: UserSeed; submittedAt: string },
): PullRequestReview {
  const full = `${ctx.owner}/${ctx.repo}`
  const html = `${ctx.htmlUrl}/${full}/pull/${r.pullNumber}#pullrequestreview-${r.id}`
  const pr = `${ctx.apiUrl}/repos/${full}/pulls/${r.pullNumber}`
  return {
    id: r.id,
    node_id: nodeId('PullRequestReview', r.id),
    user: simpleUser(ctx, r.user),
    body: r.body,
    state: 'COMMENTED',
    html_url: html,
    pull_request_url: pr,
    _links: { html: { href: html }, pull_request: { href: pr } },
    submitted_at: r.submittedAt,
    commit_id: r.commitId,
    author_association: r.user.type === 'Bot' ? 'NONE' : 'MEMBER',
  }
}

/* ---------------------------------------------------------------------------------------- */
/* Pull requests                                                                            */
/* ---------------------------------------------------------------------------------------- */

export interface PullFields {
  number: number
  id: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  draft: boolean
  merged: boolean
  user: UserSeed
  base: { ref: string; sha: string }
  /** `forkOwner` set: the head branch lives in `<forkOwner>/<repo>`. */
  head: { ref: string; sha: string; forkOwner?: string }
  createdAt: string
  updatedAt: string
  /** Totals over all files, including those beyond the 3000 GitHub lists. */
  additions: number
  deletions: number
  changedFiles: number
  commits: number
  comments: number
  authorAssociation: AuthorAssociation
  /** GitHub's test merge of head into base (`refs/pull/N/merge`); null when it has none (a
   *  conflict). Default: a made-up SHA. */
  mergeCommit?: string | null
}

function pullUrls(ctx: RepoContext, n: number, headSha: string) {
  const full = `${ctx.owner}/${ctx.repo}`
  const api = `${ctx.apiUrl}/repos/${full}`
  const html = `${ctx.htmlUrl}/${full}/pull/${n}`
  return {
    url: `${api}/pulls/${n}`,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${api}/issues/${n}`,
    commits_url: `${api}/pulls/${n}/commits`,
    review_comments_url: `${api}/pulls/${n}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${n}/comments`,
    statuses_url: `${api}/statuses/${headSha}`,
    _links: {
      self: { href: `${api}/pulls/${n}` },
      html: { href: html },
      issue: { href: `${api}/issues/${n}` },
      comments: { href: `${api}/issues/${n}/comments` },
      review_comments: { href: `${api}/pulls/${n}/comments` },
      review_comment: { href: `${api}/pulls/comments{/number}` },
      commits: { href: `${api}/pulls/${n}/commits` },
      statuses: { href: `${api}/statuses/${headSha}` },
    },
  }
}

function branchSide(ctx: RepoContext, side: { ref: string; sha: string; forkOwner?: string }) {
  const owner = side.forkOwner ?? ctx.owner
  const repoCtx: RepoContext = side.forkOwner
    ? { ...ctx, owner: side.forkOwner, ownerId: idFor(side.forkOwner), ownerType: 'User', repoId: ctx.repoId + 1 }
    : ctx
  const repo = repository(repoCtx, side.forkOwner ? { fork: true } : {})
  return { label: `${owner}:${side.ref}`, ref: side.ref, sha: side.sha, user: repo.owner, repo }
}

export function pullRequest(ctx: RepoContext, p: PullFields): PullRequest {
  const closed = p.state === 'closed'
  return {
    ...pullUrls(ctx, p.number, p.head.sha),
    id: p.id,
    node_id: nodeId('PullRequest', p.id),
    number: p.number,
    state: p.state,
    locked: false,
    title: p.title,
    user: simpleUser(ctx, p.user),
    body: p.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: closed ? p.updatedAt : null,
    merged_at: p.merged ? p.updatedAt : null,
    merge_commit_sha: p.mergeCommit === undefined ? fakeSha(`merge:${p.number}:${p.head.sha}`) : p.mergeCommit,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: branchSide(ctx, p.head),
    base: branchSide(ctx, p.base),
    author_association: p.authorAssociation,
    auto_merge: null,
    draft: p.draft,
    merged: p.merged,
    mergeable: closed ? null : true,
    rebaseable: closed ? null : true,
    mergeable_state: closed ? 'unknown' : 'clean',
    merged_by: null,
    comments: p.comments,
    review_comments: 0,
    maintainer_can_modify: p.head.forkOwner !== undefined,
    commits: p.commits,
    additions: p.additions,
    deletions: p.deletions,
    changed_files: p.changedFiles,
  }
}

export function pullRequestSimple(ctx: RepoContext, p: PullFields): PullRequestSimple {
  const full = pullRequest(ctx, p)
  return {
    url: full.url,
    id: full.id,
    node_id: full.node_id,
    html_url: full.html_url,
    diff_url: full.diff_url,
    patch_url: full.patch_url,
    issue_url: full.issue_url,
    commits_url: full.commits_url,
    review_comments_url: full.review_comments_url,
    review_comment_url: full.review_comment_url,
    comments_url: full.comments_url,
    statuses_url: full.statuses_url,
    number: full.number,
    state: full.state,
    locked: full.locked,
    title: full.title,
    user: full.user,
    body: full.body,
    labels: [],
    milestone: full.milestone,
    active_lock_reason: full.active_lock_reason ?? null,
    created_at: full.created_at,
    updated_at: full.updated_at,
    closed_at: full.closed_at,
    merged_at: full.merged_at,
    merge_commit_sha: full.merge_commit_sha,
    assignee: full.assignee,
    assignees: full.assignees ?? [],
    requested_reviewers: full.requested_reviewers ?? [],
    requested_teams: [],
    head: full.head,
    base: full.base,
    _links: full._links,
    author_association: full.author_association,
    auto_merge: full.auto_merge,
    draft: full.draft ?? false,
  }
}

/* ---------------------------------------------------------------------------------------- */
/* Commits and comparisons                                                                  */
/* ---------------------------------------------------------------------------------------- */

export interface CommitFields {
  sha: string
  message: string
  parents: string[]
  author?: UserSeed
  date?: string
}

export function commit(ctx: RepoContext, c: CommitFields): Commit {
  const full = `${ctx.owner}/${ctx.repo}`
  const api = `${ctx.apiUrl}/repos/${full}`
  const login = c.author ?? { login: 'octocat' }
  const person = { name: login.login, email: `${login.login}@users.noreply.github.com`, date: c.date ?? FIXTURE_TIME }
  return {
    url: `${api}/commits/${c.sha}`,
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    html_url: `${ctx.htmlUrl}/${full}/commit/${c.sha}`,
    comments_url: `${api}/commits/${c.sha}/comments`,
    commit: {
      url: `${api}/git/commits/${c.sha}`,
      author: person,
      committer: person,
      message: c.message,
      comment_count: 0,
      tree: { sha: fakeSha(`tree:${c.sha}`), url: `${api}/git/trees/${fakeSha(`tree:${c.sha}`)}` },
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: simpleUser(ctx, login),
    committer: simpleUser(ctx, login),
    parents: c.parents.map((sha) => ({
      sha,
      url: `${api}/commits/${sha}`,
      html_url: `${ctx.htmlUrl}/${full}/commit/${sha}`,
    })),
  }
}

export type GitCommit = Schemas['git-commit']

/** A commit as the Git database API gives it (`GET /git/commits/{sha}`): its tree and parents. */
export function gitCommit(ctx: RepoContext, c: CommitFields & { tree: string }): GitCommit {
  const full = `${ctx.owner}/${ctx.repo}`
  const api = `${ctx.apiUrl}/repos/${full}`
  const login = c.author ?? { login: 'octocat' }
  const person = { name: login.login, email: `${login.login}@users.noreply.github.com`, date: c.date ?? FIXTURE_TIME }
  return {
    sha: c.sha,
    node_id: nodeId('Commit', c.sha),
    url: `${api}/git/commits/${c.sha}`,
    html_url: `${ctx.htmlUrl}/${full}/commit/${c.sha}`,
    author: person,
    committer: person,
    message: c.message,
    tree: { sha: c.tree, url: `${api}/git/trees/${c.tree}` },
    parents: c.parents.map((sha) => ({
      sha,
      url: `${api}/git/commits/${sha}`,
      html_url: `${ctx.htmlUrl}/${full}/commit/${sha}`,
    })),
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  }
}

export interface ComparisonFields {
  base: string
  head: string
  baseCommit: Commit
  mergeBaseCommit: Commit
  commits: Commit[]
  totalCommits: number
  aheadBy: number
  behindBy: number
  /** Omitted on pages after the first (GitHub lists files only on page 1). */
  files?: DiffEntry[]
}

export function commitComparison(ctx: RepoContext, c: ComparisonFields): CommitComparison {
  const full = `${ctx.owner}/${ctx.repo}`
  const basehead = `${c.base}...${c.head}`
  const status: CommitComparison['status'] =
    c.aheadBy === 0 && c.behindBy === 0
      ? 'identical'
      : c.behindBy === 0
        ? 'ahead'
        : c.aheadBy === 0
          ? 'behind'
          : 'diverged'
  const out: CommitComparison = {
    url: `${ctx.apiUrl}/repos/${full}/compare/${basehead}`,
    html_url: `${ctx.htmlUrl}/${full}/compare/${basehead}`,
    permalink_url: `${ctx.htmlUrl}/${full}/compare/${ctx.owner}:${c.baseCommit.sha.slice(0, 7)}...${ctx.owner}:${c.commits.at(-1)?.sha.slice(0, 7) ?? c.head}`,
    diff_url: `${ctx.htmlUrl}/${full}/compare/${basehead}.diff`,
    patch_url: `${ctx.htmlUrl}/${full}/compare/${basehead}.patch`,
    base_commit: c.baseCommit,
    merge_base_commit: c.mergeBaseCommit,
    status,
    ahead_by: c.aheadBy,
    behind_by: c.behindBy,
    total_commits: c.totalCommits,
    commits: c.commits,
  }
  if (c.files !== undefined) out.files = c.files
  return out
}

/* ---------------------------------------------------------------------------------------- */
/* Contents and blobs                                                                        */
/* ---------------------------------------------------------------------------------------- */

/** Files above this size come back from the contents API with `encoding: "none"`, empty `content`. */
export const CONTENTS_API_INLINE_LIMIT = 1024 * 1024

export function contentFile(ctx: RepoContext, path: string, ref: string, bytes: Uint8Array): ContentFile {
  const full = `${ctx.owner}/${ctx.repo}`
  const sha = gitBlobSha(bytes)
  const api = `${ctx.apiUrl}/repos/${full}`
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`
  const git = `${api}/git/blobs/${sha}`
  const html = `${ctx.htmlUrl}/${full}/blob/${encodeURIComponent(ref)}/${encodePath(path)}`
  const inline = bytes.length <= CONTENTS_API_INLINE_LIMIT
  return {
    type: 'file',
    encoding: inline ? 'base64' : 'none',
    size: bytes.length,
    name: path.split('/').at(-1)!,
    path,
    content: inline ? githubBase64(bytes) : '',
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${full}/${encodeURIComponent(ref)}/${encodePath(path)}`,
    _links: { self, git, html },
  }
}

export type ContentSymlink = Schemas['content-symlink']

export function contentSymlink(ctx: RepoContext, path: string, ref: string, target: Uint8Array): ContentSymlink {
  const full = `${ctx.owner}/${ctx.repo}`
  const sha = gitBlobSha(target)
  const api = `${ctx.apiUrl}/repos/${full}`
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(ref)}`
  const git = `${api}/git/blobs/${sha}`
  const html = `${ctx.htmlUrl}/${full}/blob/${encodeURIComponent(ref)}/${encodePath(path)}`
  return {
    type: 'symlink',
    target: Buffer.from(target).toString('utf8'),
    size: target.length,
    name: path.split('/').at(-1)!,
    path,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url: `https://raw.githubusercontent.com/${full}/${encodeURIComponent(ref)}/${encodePath(path)}`,
    _links: { self, git, html },
  }
}

export function contentDirectory(
  ctx: RepoContext,
  ref: string,
  entries: { path: string; type: 'file' | 'dir'; bytes?: Uint8Array }[],
): ContentDirectory {
  const full = `${ctx.owner}/${ctx.repo}`
  const api = `${ctx.apiUrl}/repos/${full}`
  return entries.map((e) => {
    const sha = e.bytes ? gitBlobSha(e.bytes) : fakeSha(`tree:${ref}:${e.path}`)
    const self = `${api}/contents/${encodePath(e.path)}?ref=${encodeURIComponent(ref)}`
    const git = e.type === 'file' ? `${api}/git/blobs/${sha}` : `${api}/git/trees/${sha}`
    const html = `${ctx.htmlUrl}/${full}/${e.type === 'file' ? 'blob' : 'tree'}/${encodeURIComponent(ref)}/${encodePath(e.path)}`
    return {
      type: e.type,
      size: e.bytes?.length ?? 0,
      name: e.path.split('/').at(-1)!,
      path: e.path,
      sha,
      url: self,
      git_url: git,
      html_url: html,
      download_url:
        e.type === 'file'
          ? `https://raw.githubusercontent.com/${full}/${encodeURIComponent(ref)}/${encodePath(e.path)}`
          : null,
      _links: { self, git, html },
    }
  })
}

export function blob(ctx: RepoContext, bytes: Uint8Array): Blob {
  const sha = gitBlobSha(bytes)
  return {
    sha,
    node_id: nodeId('Blob', sha),
    size: bytes.length,
    url: `${ctx.apiUrl}/repos/${ctx.owner}/${ctx.repo}/git/blobs/${sha}`,
    content: githubBase64(bytes),
    encoding: 'base64',
  }
}

/* ---------------------------------------------------------------------------------------- */
/* Errors                                                                                    */
/* ---------------------------------------------------------------------------------------- */

const DOCS = 'https://docs.github.com/rest'

export function basicError(message: string, documentationUrl = DOCS, status?: number): BasicError {
  const out: BasicError = { message, documentation_url: documentationUrl }
  if (status !== undefined) out.status = String(status)
  return out
}

export function validationError(
  message: string,
  errors: { resource?: string; field?: string; code: string; message?: string }[] = [],
  documentationUrl = DOCS,
): ValidationError {
  const out: ValidationError = { message, documentation_url: documentationUrl }
  if (errors.length > 0) out.errors = errors
  return out
}

/** GitHub's message for a secondary rate limit (REST and GraphQL alike). */
export function secondaryRateLimitMessage(requestId: string): string {
  return `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`
}
