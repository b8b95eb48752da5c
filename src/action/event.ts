/**
 * What the triggering event says about the change to review (read from GITHUB_EVENT_PATH). A
 * run that ends green says the change passed, so an event that belongs to a pull request is
 * reviewed as that pull request or fails — never a green "nothing to do":
 *
 * - `pull_request` (every activity type), `pull_request_target`, `pull_request_review`,
 *   `pull_request_review_comment`, and any other event whose payload has a `pull_request`: that
 *   pull request's base, head and merge commit, as the payload gives them.
 * - `issue_comment` on a pull request (and any event whose `issue` is one): the payload has only
 *   the number; the pull request is fetched, at its current head.
 * - `workflow_run`, `check_suite`, `check_run`: the pull request in the run's `pull_requests`
 *   whose head is the run's head. A run of a pull request that lists none (GitHub leaves out
 *   pull requests from forks) or several fails with the reason.
 * - `merge_group` and `push`: the two commits. A push that deletes the branch, or creates one,
 *   has nothing to compare.
 * - Anything else (`workflow_dispatch`, `schedule`, `release`, …): nothing to compare.
 */

export interface PullRequestEvent {
  readonly kind: 'pull_request'
  readonly name: string
  readonly number: number
  readonly base: string
  readonly head: string
  /** The base branch's name, for messages; null when the payload has none. */
  readonly baseRef: string | null
  /** The PR comes from a fork: the token is usually read-only. */
  readonly fork: boolean
  /**
   * Commits that may be GitHub's merge of head into base (`refs/pull/N/merge`), most trusted
   * first; each is checked (second parent = head) before it is used.
   */
  readonly mergeCommits: readonly string[]
}

export type ReviewEvent =
  | PullRequestEvent
  /** The payload names the pull request but not its commits: they are fetched. */
  | { readonly kind: 'pull_request_number'; readonly name: string; readonly number: number }
  | { readonly kind: 'push' | 'merge_group'; readonly name: string; readonly base: string; readonly head: string }
  /** Nothing to compare: a notice, and the run passes. */
  | { readonly kind: 'nothing'; readonly name: string; readonly why: string }
  /** A pull request's event the action cannot review: the run fails with the reason. */
  | { readonly kind: 'unreviewable'; readonly name: string; readonly why: string }

const ZERO = /^0+$/

/** Events whose GITHUB_SHA is the pull request's merge commit (`refs/pull/N/merge`). */
const MERGE_REF_EVENTS = new Set(['pull_request', 'pull_request_review', 'pull_request_review_comment'])

type Payload = Record<string, unknown>

const get = (o: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Payload)[k] : undefined), o)
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
const isObject = (v: unknown): v is Payload => v !== null && typeof v === 'object' && !Array.isArray(v)

/**
 * @param githubSha GITHUB_SHA: the merge commit on the events that check one out; any other
 *   value is ruled out when it is checked.
 */
export function readEvent(name: string, payload: Payload, githubSha = ''): ReviewEvent {
  if (name === 'merge_group') {
    const base = str(get(payload, 'merge_group', 'base_sha'))
    const head = str(get(payload, 'merge_group', 'head_sha'))
    return base && head
      ? { kind: 'merge_group', name, base, head }
      : { kind: 'unreviewable', name, why: 'the merge_group payload has no base_sha and head_sha' }
  }
  if (name === 'push') return pushEvent(name, payload)
  if (isObject(payload['pull_request']))
    return fromPullRequest(name, payload, MERGE_REF_EVENTS.has(name) ? githubSha : '')
  if (isObject(get(payload, 'issue', 'pull_request'))) {
    const number = get(payload, 'issue', 'number')
    return typeof number === 'number'
      ? { kind: 'pull_request_number', name, number }
      : { kind: 'unreviewable', name, why: `the ${name} payload is about a pull request but does not say which` }
  }
  for (const key of ['workflow_run', 'check_suite', 'check_run']) {
    if (isObject(payload[key])) return fromRun(name, key, payload[key])
  }
  return { kind: 'nothing', name, why: 'it is not about a pull request, a merge group or a push' }
}

function pushEvent(name: string, payload: Payload): ReviewEvent {
  const base = str(get(payload, 'before'))
  const head = str(get(payload, 'after'))
  if (!base || !head) return { kind: 'unreviewable', name, why: 'the push payload has no before and after commits' }
  if (ZERO.test(head)) return { kind: 'nothing', name, why: 'the push deleted the branch' }
  // A new branch has no "before": there is nothing to compare with.
  if (ZERO.test(base))
    return {
      kind: 'nothing',
      name,
      why: 'the push created the branch, so there is no earlier state of it to compare with',
    }
  return { kind: 'push', name, base, head }
}

function fromPullRequest(name: string, payload: Payload, githubSha: string): ReviewEvent {
  const pr = payload['pull_request']
  const number = get(pr, 'number') ?? get(payload, 'number')
  const base = str(get(pr, 'base', 'sha'))
  const head = str(get(pr, 'head', 'sha'))
  if (typeof number !== 'number')
    return { kind: 'unreviewable', name, why: `the ${name} payload has a pull request without a number` }
  // Whatever the payload leaves out is asked of GitHub.
  if (!base || !head) return { kind: 'pull_request_number', name, number }
  const mergeCommit = str(get(pr, 'merge_commit_sha'))
  return {
    kind: 'pull_request',
    name,
    number,
    base,
    head,
    baseRef: str(get(pr, 'base', 'ref')),
    fork: get(pr, 'head', 'repo', 'full_name') !== get(pr, 'base', 'repo', 'full_name'),
    mergeCommits: [...new Set([githubSha, mergeCommit ?? ''].filter((s) => s !== '' && !ZERO.test(s)))],
  }
}

/** A workflow run, check suite or check run: the pull request whose head the run ran on. */
function fromRun(name: string, key: string, run: Payload): ReviewEvent {
  const headSha = str(run['head_sha'])
  const listed = Array.isArray(run['pull_requests']) ? run['pull_requests'].filter(isObject) : []
  const matching = listed.filter((p) => get(p, 'head', 'sha') === headSha)
  const trigger = str(run['event'])
  const ofPullRequest = trigger !== null && trigger.startsWith('pull_request')
  if (matching.length === 0) {
    if (listed.length > 0 || ofPullRequest) {
      return {
        kind: 'unreviewable',
        name,
        why:
          `this ${key} ran for a pull request, but its payload names none whose head is ${headSha ?? "the run's head"} ` +
          '(GitHub leaves out pull requests from forks): run systemd-exposure on pull_request or pull_request_target instead',
      }
    }
    return { kind: 'nothing', name, why: `this ${key} belongs to no pull request` }
  }
  if (matching.length > 1) {
    const numbers = matching.map((p) => `#${String(get(p, 'number'))}`).join(', ')
    return {
      kind: 'unreviewable',
      name,
      why: `this ${key} belongs to several pull requests (${numbers}): run systemd-exposure on pull_request instead, once per pull request`,
    }
  }
  const p = matching[0]!
  const number = get(p, 'number')
  const base = str(get(p, 'base', 'sha'))
  if (typeof number !== 'number' || !base || !headSha)
    return { kind: 'unreviewable', name, why: `the ${key} payload names a pull request without its number or commits` }
  return {
    kind: 'pull_request',
    name,
    number,
    base,
    head: headSha,
    baseRef: str(get(p, 'base', 'ref')),
    // These entries name repositories by id only.
    fork: get(p, 'head', 'repo', 'id') !== get(p, 'base', 'repo', 'id'),
    mergeCommits: [],
  }
}
