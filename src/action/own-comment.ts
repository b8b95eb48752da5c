/**
 * Finds the action's sticky comment: the first comment that starts with the marker AND was written
 * by the token's own account (see identity.ts). A marker comment by anyone else is skipped, its
 * body never read for state. The account is asked for only once a marker comment turns up, so a
 * first run costs no extra request.
 */
import type { IssueComment } from './github.js'
import { describeIdentity, isAuthoredBy, type TokenIdentity } from './identity.js'

export async function findOwnComment(
  pages: AsyncIterable<readonly IssueComment[]>,
  marker: string,
  tokenIdentity: () => Promise<TokenIdentity>,
  log: (message: string) => void,
): Promise<IssueComment | null> {
  let identity: TokenIdentity | undefined
  for await (const page of pages) {
    for (const c of page) {
      if (!c.body.startsWith(marker)) continue
      if (!identity) {
        identity = await tokenIdentity()
        log(describeIdentity(identity))
      }
      if (isAuthoredBy(identity, c.author)) return c
      log(`comment ${c.id} by ${c.author?.login ?? 'a deleted account'} carries this action's marker but is not the token's own: left alone`)
    }
  }
  return null
}
