/**
 * Whose comments are the action's own. Anyone can post a comment that starts with the action's
 * hidden marker, and a token that may write comments may also edit other people's, so the marker
 * proves nothing: only a comment written by the token's own account is found, edited and trusted
 * (its previous-state marker). When the action cannot prove who it is, it trusts no comment and
 * writes a new one — a duplicate comment is better than editing someone else's.
 *
 * How the token's account is known (`GET /user`, asked only when some comment carries the marker):
 * - A token that names a user — a personal access token (classic or fine-grained), an OAuth or a
 *   GitHub App user token: `GET /user` answers the account. Its comments are matched by account
 *   id, which a rename does not change.
 * - An installation token answers 403 "Resource not accessible by integration": it acts as a bot.
 *   The workflow's GITHUB_TOKEN, the action's default, writes as github-actions[bot], the only bot
 *   trusted. A GitHub App's installation token writes as `<app-slug>[bot]`, but REST gives an
 *   installation token no way to learn its app (`GET /app` needs the app's own JWT), so such
 *   comments are never proven the action's own: it adds a new comment instead (and says so).
 *   Nor can it tell such a token from the GITHUB_TOKEN, so it would take github-actions[bot]'s
 *   marker comment (an earlier run's with the GITHUB_TOKEN) as its own.
 * - Any other answer: no comment is trusted.
 */

/** The account the workflow's GITHUB_TOKEN writes as (on GitHub.com and GitHub Enterprise Server). */
export const GITHUB_ACTIONS_BOT = 'github-actions[bot]'

/** A comment's author as GitHub reports it (`user`: login, id, `User` or `Bot`). */
export interface CommentAuthor {
  readonly login: string
  readonly id: number
  readonly type: string
}

export type TokenIdentity =
  /** `GET /user` answered: the token acts as this account. */
  | { readonly kind: 'user'; readonly login: string; readonly id: number }
  /** `GET /user` answered 403 "Resource not accessible by integration". */
  | { readonly kind: 'installation' }
  /** `GET /user` failed otherwise. */
  | { readonly kind: 'unknown'; readonly reason: string }

export function isAuthoredBy(identity: TokenIdentity, author: CommentAuthor | null): boolean {
  if (!author) return false
  switch (identity.kind) {
    case 'user':
      return author.id === identity.id
    case 'installation':
      // A login ending in [bot] cannot be a user's; the type is checked all the same.
      return author.type === 'Bot' && author.login === GITHUB_ACTIONS_BOT
    case 'unknown':
      return false
  }
}

/** For the log: whose comments the action takes as its own. */
export function describeIdentity(identity: TokenIdentity): string {
  switch (identity.kind) {
    case 'user':
      return `comments by ${identity.login} (the token's account) are this action's own`
    case 'installation':
      return `comments by ${GITHUB_ACTIONS_BOT} (the workflow's GITHUB_TOKEN) are this action's own`
    case 'unknown':
      return `the token's account is unknown (GET /user: ${identity.reason}), so no comment is taken as this action's own`
  }
}

/**
 * The author of a comment the action just wrote, if a later run cannot recognise it as its own: a
 * bot other than github-actions[bot] is a GitHub App's installation token (user tokens write as
 * their user, whom `GET /user` names).
 */
export function unrecognisedAuthor(author: CommentAuthor | null): string | null {
  return author && author.type === 'Bot' && author.login !== GITHUB_ACTIONS_BOT ? author.login : null
}
