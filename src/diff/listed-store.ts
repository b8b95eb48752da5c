/**
 * A git revision's tree as a RepoTree store built from the directory listings read so far, for
 * the review without a checkout (api-review.ts), where every listing is a request. What it is
 * asked about and cannot answer yet — a directory not listed, a link whose target was not read —
 * it answers as absent and records in `wants`; a diff run on such answers is a draft, and only a
 * run that wanted nothing stands. Pure.
 *
 * It knows the links of the directories listed, or — when the review listed the whole tree for
 * them (api-review.ts says when) — every link of the revision, as a checkout's store does.
 */
import { LINK_MODE, type DirEntry } from '../git/git.js'
import { basename, dirname, joinPath } from '../unit/source.js'
import { linkTargetOf, MAX_LINK_TARGET_BYTES, type RepoEntry, type TreeStore } from './repo-tree.js'
import type { Listing, Listings } from './tree-diff.js'

/** What a draft run needed and did not have: trees to list, blobs to read (by id). */
export interface Wants {
  readonly trees: Set<string>
  readonly blobs: Set<string>
}

export function noWants(): Wants {
  return { trees: new Set(), blobs: new Set() }
}

export class ListedStore implements TreeStore {
  readonly whole = false
  private linkList: string[] | null = null

  /**
   * @param root the revision's root tree id
   * @param targets blobs read so far by id (the targets of links among them)
   * @param knownLinks every link of the revision (path → blob id), when the whole tree was
   *   listed for them; null when only the listed directories' links are known
   */
  constructor(
    private readonly root: string,
    private readonly listings: Listings,
    private readonly targets: ReadonlyMap<string, Uint8Array>,
    private readonly wants: Wants,
    private readonly knownLinks: ReadonlyMap<string, string> | null = null,
  ) {}

  /** The tree id of a directory: null when there is none, undefined when not known yet. */
  private treeId(dir: string): string | null | undefined {
    if (dir === '.' || dir === '') return this.root
    const parent = this.treeId(dirname(dir))
    if (parent == null) return parent
    const e = this.listing(parent)?.get(basename(dir))
    if (e === undefined) return this.listings.get(parent) === undefined ? undefined : null
    return e.type === 'tree' ? e.sha : null
  }

  private listing(tree: string): Listing | undefined {
    const l = this.listings.get(tree)
    if (l === undefined) this.wants.trees.add(tree)
    return l
  }

  private dir(dir: string): Listing | null {
    const id = this.treeId(dir)
    return id == null ? null : (this.listing(id) ?? null)
  }

  /** The blob of a regular file or link at a path, as its directory lists it. */
  fileEntry(path: string): DirEntry | undefined {
    if (path === '.' || path === '') return undefined
    const e = this.dir(dirname(path))?.get(basename(path))
    return e?.type === 'blob' ? e : undefined
  }

  isDir(path: string): boolean {
    if (path === '.' || path === '') return true
    return this.dir(dirname(path))?.get(basename(path))?.type === 'tree'
  }

  link(path: string): (RepoEntry & { readonly kind: 'link' }) | undefined {
    if (this.knownLinks !== null) {
      // Known without listing its directory, as a checkout's store knows every link.
      const sha = this.knownLinks.get(path)
      return sha === undefined ? undefined : this.linkEntry({ type: 'blob', sha, mode: LINK_MODE, size: null })
    }
    const e = this.fileEntry(path)
    return e?.mode === LINK_MODE ? this.linkEntry(e) : undefined
  }

  private linkEntry(e: DirEntry): RepoEntry & { readonly kind: 'link' } {
    // A link's blob holds just its target: one longer than a path can be is not read.
    if (e.size !== null && e.size > MAX_LINK_TARGET_BYTES) return { kind: 'link', target: null }
    const blob = this.targets.get(e.sha)
    if (blob === undefined) this.wants.blobs.add(e.sha)
    return {
      kind: 'link',
      target: linkTargetOf(blob),
    }
  }

  entry(path: string): RepoEntry | undefined {
    const e = this.fileEntry(path)
    if (e === undefined) return undefined
    return e.mode === LINK_MODE ? this.linkEntry(e) : { kind: 'file', size: e.size }
  }

  list(dir: string): readonly string[] | null {
    const d = this.dir(dir)
    return d === null ? null : [...d.keys()]
  }

  /** Every link, or those of the directories listed so far (walking them asks for nothing more). */
  links(): readonly string[] {
    if (this.linkList !== null) return this.linkList
    if (this.knownLinks !== null) return (this.linkList = [...this.knownLinks.keys()])
    const out: string[] = []
    const walk = (dir: string, tree: string): void => {
      const l = this.listings.get(tree)
      if (l === undefined) return
      for (const [name, e] of l) {
        const path = dir === '.' ? name : joinPath(dir, name)
        if (e.type === 'tree') walk(path, e.sha)
        else if (e.mode === LINK_MODE) out.push(path)
      }
    }
    walk('.', this.root)
    return (this.linkList = out)
  }
}
