/**
 * Blobs read through GitHub's API without a checkout: one request each, a few at a time, each
 * read once per run (both comparisons of a pull request share them), and no more than a budget
 * per run. The workflow's token has 1,000 requests an hour per repository, shared with every
 * other workflow there, and GitHub's secondary rate limits frown on bursts; a change that needs
 * more than the budget is for a checkout, which reads any number of blobs in one git process.
 */
import type { GitHubApi } from './github.js'

/** Blob requests a run may make. */
export const BLOB_BUDGET = 100

/** Requests in flight at once: well inside GitHub's secondary rate limits. */
export const BLOB_CONCURRENCY = 4

export class ApiBlobs {
  private readonly blobs = new Map<string, Uint8Array>()
  private readonly failed = new Set<string>()
  private spent = 0

  constructor(
    private readonly api: GitHubApi,
    private readonly log: (m: string) => void,
    readonly budget = BLOB_BUDGET,
  ) {}

  get(sha: string): Uint8Array | undefined {
    return this.blobs.get(sha)
  }

  /** Requests made so far. */
  get requests(): number {
    return this.spent
  }

  /** Of these blobs, those not read yet (nor tried and failed). */
  unread(shas: Iterable<string>): string[] {
    return [...new Set(shas)].filter((s) => !this.blobs.has(s) && !this.failed.has(s))
  }

  /**
   * Reads the blobs not read yet; refuses (reads nothing, answers how many were wanted) when
   * they do not fit in what is left of the budget. A blob that cannot be read (after the
   * client's retries) is left out: the units that need it are unreadable and fail closed.
   */
  async read(shas: Iterable<string>): Promise<{ readonly overBudget: number } | null> {
    const todo = this.unread(shas)
    if (this.spent + todo.length > this.budget) return { overBudget: todo.length }
    this.spent += todo.length
    let next = 0
    const worker = async (): Promise<void> => {
      while (next < todo.length) {
        const sha = todo[next++]!
        try {
          this.blobs.set(sha, await this.api.blob(sha))
        } catch (e) {
          if (this.failed.size === 0)
            this.log(
              `could not read blob ${sha.slice(0, 12)} from the GitHub API (${(e as Error).message}); units that need it fail closed`,
            )
          this.failed.add(sha)
        }
      }
    }
    await Promise.all(Array.from({ length: Math.min(BLOB_CONCURRENCY, todo.length) }, worker))
    return null
  }
}
