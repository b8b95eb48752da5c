/**
 * Finds the action's comments (the sticky comment, its review comments): those that start with the marker AND were written by the
 * token's own account (see identity.ts). A marker comment by anyone else is skipped, its body
 * never read for state. The account is asked for only once a marker comment turns up, so a first
 * run costs no extra request. Every page is read: two runs that raced may each have written one,
 * and the newest is the one that counts.
 */
import type { IssueComment } from './github.js'
import { describeIdentity, isAuthoredBy, type TokenIdentity } from './identity.js'

/** The token's own marker comments, oldest first. */
export async function findOwnComments<C extends IssueComment>(
  pages: AsyncIterable<readonly C[]>,
  marker: string,
  tokenIdentity: () => Promise<TokenIdentity>,
  log: (message: string) => void,
): Promise<C[]> {
  let identity: TokenIdentity | undefined
  const own: C[] = []
  for await (const page of pages) {
    for (const c of page) {
      if (!c.body.startsWith(marker)) continue
      if (!identity) {
        identity = await tokenIdentity()
        log(describeIdentity(identity))
      }
      if (isAuthoredBy(identity, c.author)) own.push(c)
      else
        log(
          `comment ${c.id} by ${c.author?.login ?? 'a deleted account'} carries this action's marker but is not the token's own: left alone`,
        )
    }
  }
  return own
}
