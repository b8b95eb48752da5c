/** What the triggering event says about the change to review (read from GITHUB_EVENT_PATH). */

export type ReviewEvent =
  | {
      readonly kind: 'pull_request'
      readonly name: string
      readonly number: number
      readonly base: string
      readonly head: string
      /** The PR comes from a fork: the token is usually read-only. */
      readonly fork: boolean
    }
  | { readonly kind: 'push' | 'merge_group'; readonly name: string; readonly base: string; readonly head: string }
  | { readonly kind: 'unsupported'; readonly name: string }

const ZERO = /^0+$/

export function readEvent(name: string, payload: Record<string, unknown>): ReviewEvent {
  const get = (o: unknown, ...keys: string[]): unknown =>
    keys.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o)
  const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)
  if (name === 'pull_request' || name === 'pull_request_target') {
    const number = get(payload, 'pull_request', 'number') ?? get(payload, 'number')
    const base = str(get(payload, 'pull_request', 'base', 'sha'))
    const head = str(get(payload, 'pull_request', 'head', 'sha'))
    if (typeof number !== 'number' || !base || !head) return { kind: 'unsupported', name }
    const headRepo = get(payload, 'pull_request', 'head', 'repo', 'full_name')
    const baseRepo = get(payload, 'pull_request', 'base', 'repo', 'full_name')
    return { kind: 'pull_request', name, number, base, head, fork: headRepo !== baseRepo }
  }
  if (name === 'merge_group') {
    const base = str(get(payload, 'merge_group', 'base_sha'))
    const head = str(get(payload, 'merge_group', 'head_sha'))
    return base && head ? { kind: 'merge_group', name, base, head } : { kind: 'unsupported', name }
  }
  if (name === 'push') {
    const base = str(get(payload, 'before'))
    const head = str(get(payload, 'after'))
    // A new branch has no "before": there is nothing to compare with.
    if (!base || !head || ZERO.test(base)) return { kind: 'unsupported', name }
    return { kind: 'push', name, base, head }
  }
  return { kind: 'unsupported', name }
}
