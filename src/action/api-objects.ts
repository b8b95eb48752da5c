/**
 * Git objects read through GitHub's API without a checkout: commits' root trees, directory
 * listings and blobs, many in one GraphQL request, each read once per run (both comparisons of a
 * pull request share them), and no more requests than a budget per run. The workflow's token
 * has 1,000 requests an hour per repository, shared with every other workflow there; a change
 * that needs more is for a checkout, which reads any number of objects in one git process.
 *
 * A blob comes as text. One whose text is not exactly its bytes — binary, cut off, or not UTF-8
 * (GraphQL replaces such bytes) — is read again through REST, byte for byte: the unit parser must
 * see what systemd would see.
 */
import type { Listing } from '../diff/tree-diff.js'
import type { DirEntry } from '../git/git.js'
import type { GitHubApi, GitObject } from './github.js'

/** Requests a run may make. */
export const REQUEST_BUDGET = 100

/** Objects in one GraphQL request, and the blob bytes it may carry: well inside GitHub's limits. */
const OBJECTS_PER_REQUEST = 100
const BYTES_PER_REQUEST = 4 * 1024 * 1024

export class ApiObjects {
  private readonly trees = new Map<string, Listing>()
  private readonly roots = new Map<string, string>()
  private readonly blobs = new Map<string, Uint8Array>()
  private readonly failed = new Set<string>()
  private readonly sizes = new Map<string, number>()
  /** Blobs' whole text as GitHub gave it, exact or not (bytes not UTF-8 replaced). */
  private readonly texts = new Map<string, Uint8Array>()
  /** Blobs GraphQL has answered for (with their exact bytes or not). */
  private readonly answered = new Set<string>()
  /** Directories asked for by path (whatever the answer: a guess is made once). */
  private readonly guessed = new Set<string>()
  private readonly linkLists = new Map<string, Promise<ReadonlyMap<string, string> | null>>()
  private spent = 0

  constructor(
    private readonly api: GitHubApi,
    private readonly log: (m: string) => void,
    readonly budget = REQUEST_BUDGET,
  ) {}

  /** Requests made so far. */
  get requests(): number {
    return this.spent
  }

  /** The listings read so far (a Listings for tree-diff.ts and listed-store.ts). */
  get listings(): ReadonlyMap<string, Listing> {
    return this.trees
  }

  /** The blobs read so far. */
  get contents(): ReadonlyMap<string, Uint8Array> {
    return this.blobs
  }

  /** A commit's root tree id, once read. */
  root(commit: string): string | undefined {
    return this.roots.get(commit)
  }

  /**
   * Every link of a commit's tree (one request a commit; null when GitHub cuts the listing off),
   * or how many requests past the budget that would be.
   */
  links(commit: string): Promise<ReadonlyMap<string, string> | null> | { readonly overBudget: number } {
    let links = this.linkLists.get(commit)
    if (links === undefined) {
      if (this.spent + 1 > this.budget) return { overBudget: 1 }
      this.spent++
      this.linkLists.set(commit, (links = this.api.links(commit)))
    }
    return links
  }

  /**
   * A blob's text as GitHub gave it, whole but not necessarily byte for byte (undefined for one
   * GitHub deems binary, cut off, or not read): enough to look for settings, not to parse a unit.
   */
  text(sha: string): Uint8Array | undefined {
    return this.texts.get(sha)
  }

  /** Whether reading a blob failed (the units that need it fail closed). */
  unreadable(sha: string): boolean {
    return this.failed.has(sha)
  }

  /**
   * Reads what is not read yet: commits (their root trees), trees, blobs. Refuses, reading
   * nothing, when it would not fit in what is left of the budget (answers how many requests it
   * would take); throws when a commit or tree cannot be read — without them there is no review.
   * A blob that cannot be read is left out with a warning.
   */
  async read(
    wanted: {
      readonly commits?: Iterable<string>
      readonly trees?: Iterable<string>
      readonly blobs?: Iterable<string>
      /**
       * Directories by `REV:PATH`, listed ahead of a walk that would reach them by id (a guess:
       * one that is not a directory there is no error).
       */
      readonly directories?: Iterable<string>
    },
    /** false: a blob's text is enough (text()), its exact bytes are not read through REST. */
    exact = true,
  ): Promise<{ readonly overBudget: number } | null> {
    const commits = [...new Set(wanted.commits ?? [])].filter((c) => !this.roots.has(c))
    const trees = [...new Set(wanted.trees ?? [])].filter((t) => !this.trees.has(t))
    const asked = [...new Set(wanted.blobs ?? [])].filter((b) => !this.blobs.has(b) && !this.failed.has(b))
    // A blob GraphQL answered already is not asked of it again: its exact bytes come from REST.
    const blobs = asked.filter((b) => !this.answered.has(b))
    const directories = [...new Set(wanted.directories ?? [])].filter((d) => !this.guessed.has(d))
    for (const d of directories) this.guessed.add(d)
    const commitSet = new Set(commits)
    const treeSet = new Set(trees)
    const blobSet = new Set(blobs)
    const batches = this.batches([...commits, ...trees, ...directories], blobs)
    if (this.spent + batches.length > this.budget) return { overBudget: batches.length }
    for (const batch of batches) {
      this.spent++
      let answers: Map<string, GitObject | null>
      try {
        answers = await this.api.gitObjects(batch)
      } catch (e) {
        if (batch.some((name) => !blobSet.has(name))) throw e
        this.warn(batch[0]!, e)
        for (const oid of batch) this.failed.add(oid)
        continue
      }
      for (const name of batch) {
        if (blobSet.has(name)) this.answered.add(name)
        const answer = answers.get(name) ?? null
        if (name.includes(':')) {
          if (answer?.kind === 'tree') this.trees.set(answer.oid, this.listingOf(answer.entries))
        } else this.take(name, answer, commitSet.has(name) ? 'commit' : treeSet.has(name) ? 'tree' : 'blob')
      }
    }
    if (exact) await this.exactBytes(asked)
    return null
  }

  /** Splits ids into requests: at most so many objects, and so many known blob bytes, each. */
  private batches(listed: readonly string[], blobs: readonly string[]): string[][] {
    const out: string[][] = []
    let batch: string[] = []
    let bytes = 0
    for (const oid of [...listed, ...blobs]) {
      const size = this.sizes.get(oid) ?? 0
      if (batch.length === OBJECTS_PER_REQUEST || (batch.length > 0 && bytes + size > BYTES_PER_REQUEST)) {
        out.push(batch)
        batch = []
        bytes = 0
      }
      batch.push(oid)
      bytes += size
    }
    if (batch.length > 0) out.push(batch)
    return out
  }

  private take(oid: string, o: GitObject | null, kind: 'commit' | 'tree' | 'blob'): void {
    if (kind === 'commit') {
      if (o?.kind !== 'commit') throw new Error(`GitHub does not know commit ${oid}`)
      this.roots.set(oid, o.tree)
      this.trees.set(o.tree, this.listingOf(o.entries))
    } else if (kind === 'tree') {
      if (o?.kind !== 'tree') throw new Error(`GitHub does not know tree ${oid}`)
      this.trees.set(oid, this.listingOf(o.entries))
    } else if (o?.kind !== 'blob') {
      this.warn(oid, new Error('GitHub does not know it'))
      this.failed.add(oid)
    } else if (o.text !== null && !o.isTruncated) {
      const bytes = Buffer.from(o.text, 'utf8')
      this.texts.set(oid, bytes)
      // Exact only when GitHub says it is text, whole, and the bytes add up without replacements;
      // otherwise exactBytes() reads it again.
      if (o.isBinary === false && bytes.length === o.byteSize && !o.text.includes('\ufffd')) this.blobs.set(oid, bytes)
    }
  }

  private listingOf(entries: readonly (DirEntry & { readonly name: string })[]): Listing {
    const out = new Map<string, DirEntry>()
    for (const e of entries) {
      out.set(e.name, { type: e.type, sha: e.sha, mode: e.mode, size: e.size })
      if (e.size !== null) this.sizes.set(e.sha, e.size)
    }
    return out
  }

  /** The blobs asked for that came back as text that is not exactly their bytes. */
  private async exactBytes(asked: readonly string[]): Promise<void> {
    const todo = asked.filter((b) => !this.blobs.has(b) && !this.failed.has(b))
    for (const sha of todo) {
      if (this.spent >= this.budget) {
        this.warn(sha, new Error(`past the budget of ${this.budget} requests`))
        this.failed.add(sha)
        continue
      }
      this.spent++
      try {
        this.blobs.set(sha, await this.api.blob(sha))
      } catch (e) {
        this.warn(sha, e)
        this.failed.add(sha)
      }
    }
  }

  private warn(sha: string, e: unknown): void {
    if (this.failed.size === 0)
      this.log(
        `could not read blob ${sha.slice(0, 12)} from the GitHub API (${(e as Error).message}); units that need it fail closed`,
      )
  }
}
