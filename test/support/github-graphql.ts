/**
 * `POST /graphql` for the fake GitHub server (test/support/github-server.ts).
 *
 * The REST side checks every exchange against GitHub's OpenAPI description; this side checks
 * every query against GitHub's official GraphQL schema (`@octokit/graphql-schema`'s
 * schema.graphql) and answers it with `graphql`'s own `execute` over that same schema, so an
 * answer can only have shapes the schema allows. A query that does not validate, or variables
 * that do not coerce, are violations (the test fails at `close()`), answered as GitHub answers
 * them: HTTP 200 with `{"errors": [...]}`.
 *
 * What resolves: `Query.repository` (the fake's one repository), `Repository.object(oid:,
 * expression:)` → Commit / Tree / Blob, `Commit.tree`, `Tree.entries`, `TreeEntry` and `Blob`
 * fields. Trees get their real git hashes, computed from the seeded files, so equal subtrees of
 * two refs share an oid as on GitHub. A nullable field the fake does not implement answers null;
 * a non-null one, or any top-level field it does not implement, is an error and a violation.
 *
 * This module knows the server's state only through `GraphQLRepoState` (no import of
 * github-server.ts: no import cycle).
 */
import { hash as digest } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import type { IncomingHttpHeaders } from 'node:http'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import {
  buildASTSchema,
  execute,
  type GraphQLError,
  isNonNullType,
  Kind,
  parse,
  validate,
  type DefinitionNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type GraphQLTypeResolver,
} from 'graphql'
import { basicError, nodeId, secondaryRateLimitMessage, type RepoContext } from './github-fixtures.js'

/** The name `fail()`, `count()`, `slow()` and `requestsFor()` know the endpoint by. */
export const GRAPHQL_ROUTE = 'graphql'

const GRAPHQL_DOCS = 'https://docs.github.com/graphql'

/* ------------------------------------------------------------------------------------------ */
/* The schema                                                                                  */
/* ------------------------------------------------------------------------------------------ */

export interface GraphQLSchemaStats {
  /** Time to read, parse and build schema.graphql (ms). */
  buildMs: number
  schemaVersion: string
  /** `Type.field` definitions that appear twice in the published SDL (the first one is kept). */
  duplicateFields: string[]
}

let cachedSchema: { schema: GraphQLSchema; stats: GraphQLSchemaStats } | undefined

/** GitHub's GraphQL schema, built once per process on first use (≈ 0.5 s for 1.2 MB of SDL). */
export function loadGitHubGraphQLSchema(): { schema: GraphQLSchema; stats: GraphQLSchemaStats } {
  if (cachedSchema) return cachedSchema
  const started = performance.now()
  const dir = packageDir('@octokit/graphql-schema')
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version
  const { document, duplicateFields } = withoutDuplicateFields(parse(readFileSync(join(dir, 'schema.graphql'), 'utf8')))
  // Built with the SDL checks on: anything else wrong with a future schema still fails loudly.
  const schema = buildASTSchema(document)
  cachedSchema = {
    schema,
    stats: { buildMs: performance.now() - started, schemaVersion: version, duplicateFields },
  }
  return cachedSchema
}

/** The package exports only its index, which parses the 5 MB introspection JSON on import;
 *  find the directory through node's lookup paths instead and read the SDL file. */
function packageDir(name: string): string {
  const require = createRequire(import.meta.url)
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = join(base, name)
    if (existsSync(join(dir, 'package.json'))) return dir
  }
  throw new Error(`${name} is not installed (npm ci)`)
}

/**
 * GitHub's published SDL defines some fields twice in one type (15.26.1:
 * `EnterpriseOwnerInfo.repositoryDeployKeySetting` and `…Organizations`, one copy under a
 * "team discussions" description), which graphql-js rightly refuses to build. Keep the first
 * definition of each field and report the rest.
 */
function withoutDuplicateFields(document: DocumentNode): { document: DocumentNode; duplicateFields: string[] } {
  const duplicateFields: string[] = []
  const definitions = document.definitions.map((def): DefinitionNode => {
    if (!('fields' in def) || def.fields === undefined || !('name' in def) || def.name === undefined) return def
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.INTERFACE_TYPE_DEFINITION) return def
    const seen = new Set<string>()
    const fields: FieldDefinitionNode[] = []
    for (const field of def.fields) {
      if (seen.has(field.name.value)) duplicateFields.push(`${def.name.value}.${field.name.value}`)
      else {
        seen.add(field.name.value)
        fields.push(field)
      }
    }
    return fields.length === def.fields.length ? def : { ...def, fields }
  })
  return { document: { ...document, definitions }, duplicateFields }
}

/* ------------------------------------------------------------------------------------------ */
/* Git trees with real hashes                                                                  */
/* ------------------------------------------------------------------------------------------ */

/** What the endpoint reads of the server's state (structurally `GitHubState`). */
export interface GraphQLRepoState {
  readonly ctx: RepoContext
  readonly trees: ReadonlyMap<string, ReadonlyMap<string, GitFile>>
  readonly refs: ReadonlyMap<string, string>
  /** Bumped by every `setFile`: the tree indexes below are rebuilt when it moves. */
  readonly revision: number
  tree(ref: string): ReadonlyMap<string, GitFile> | undefined
}

export interface GitFile {
  bytes: Buffer
  mode: string
}

export interface GitTree {
  oid: string
  /** In git's order. */
  entries: GitTreeEntry[]
  /** Entries by name, built on the first lookup (`childOf`): most trees are only listed. */
  byName: Map<string, GitTreeEntry> | undefined
}

function childOf(tree: GitTree, name: string): GitTreeEntry | undefined {
  tree.byName ??= new Map(tree.entries.map((e) => [e.name, e]))
  return tree.byName.get(name)
}

export type GitTreeEntry =
  | { name: string; type: 'tree'; mode: '40000'; oid: string; tree: GitTree }
  | { name: string; type: 'blob'; mode: string; oid: string; file: GitFile }

export interface GitTreeIndex {
  root: GitTree
  /** Every tree and blob of the snapshot by oid (equal content, one entry). */
  trees: Map<string, GitTree>
  blobs: Map<string, GitFile>
}

const blobOids = new WeakMap<GitFile, string>()

let scratch = Buffer.alloc(1 << 16)

/** `gitBlobSha` (github-fixtures.ts) without its allocations: header and bytes are copied into
 *  one reused buffer and hashed in one call (about 3× faster for 100,000 small files). */
function blobOid(file: GitFile): string {
  let oid = blobOids.get(file)
  if (oid === undefined) {
    const size = 32 + file.bytes.length
    if (scratch.length < size) scratch = Buffer.alloc(Math.max(size, scratch.length * 2))
    const at = scratch.write(`blob ${file.bytes.length}\0`, 0, 'latin1')
    file.bytes.copy(scratch, at)
    oid = digest('sha1', scratch.subarray(0, at + file.bytes.length), 'hex')
    blobOids.set(file, oid)
  }
  return oid
}

/** Names git orders by their UTF-8 bytes; JavaScript's `<` on strings agrees unless a name
 *  holds a surrogate pair or a code point from U+E000 (UTF-16 units order them differently). */
const UTF16_ORDER_DIFFERS = /[\uD800-\uFFFF]/

/**
 * A snapshot's trees with the hashes git gives them. One pass over the paths builds a nested
 * name tree, then each directory is hashed after its children (`tree <len>\0` + entries
 * `<mode> <name>\0<20-byte oid>`, sorted as git sorts: by name bytes, a tree's name as if it
 * ended in "/"). A path under a name already seeded as a file is dropped, and a file under a
 * name already seeded as a directory too, as the REST tree listing does (git has no path that
 * is both).
 */
export function indexGitTree(files: ReadonlyMap<string, GitFile>): GitTreeIndex {
  type Dir = Map<string, Dir | GitFile>
  const top: Dir = new Map()
  // Seeds list a directory's files together: the last directory walked to is usually the next's.
  let lastParent: string | undefined
  let lastDir: Dir | undefined
  for (const [path, file] of files) {
    const slash = path.lastIndexOf('/')
    const parent = slash === -1 ? '' : path.slice(0, slash)
    let dir: Dir | undefined = parent === lastParent ? lastDir : top
    if (parent !== lastParent && parent !== '') {
      for (const name of parent.split('/')) {
        const child: Dir | GitFile | undefined = dir!.get(name)
        if (child === undefined) {
          const sub: Dir = new Map()
          dir!.set(name, sub)
          dir = sub
        } else if (child instanceof Map) dir = child
        else {
          dir = undefined
          break
        }
      }
    }
    lastParent = parent
    lastDir = dir
    const name = path.slice(slash + 1)
    if (dir !== undefined && !dir.has(name)) dir.set(name, file)
  }

  const trees = new Map<string, GitTree>()
  const blobs = new Map<string, GitFile>()
  const hashDir = (dir: Dir): GitTree => {
    const entries: GitTreeEntry[] = []
    let bytewise = false
    for (const [name, child] of dir) {
      let entry: GitTreeEntry
      if (child instanceof Map) {
        const tree = hashDir(child)
        entry = { name, type: 'tree', mode: '40000', oid: tree.oid, tree }
      } else {
        entry = { name, type: 'blob', mode: child.mode, oid: blobOid(child), file: child }
        blobs.set(entry.oid, child)
      }
      entries.push(entry)
      if (!bytewise && UTF16_ORDER_DIFFERS.test(name)) bytewise = true
    }
    // A tree's key is built per comparison: trees are few, and files then cost no allocation.
    const key = (e: GitTreeEntry) => (e.type === 'tree' ? `${e.name}/` : e.name)
    entries.sort(
      bytewise
        ? (a, b) => Buffer.compare(Buffer.from(key(a), 'utf8'), Buffer.from(key(b), 'utf8'))
        : (a, b) => {
            const ka = key(a)
            const kb = key(b)
            return ka < kb ? -1 : ka > kb ? 1 : 0
          },
    )
    // `tree <len>\0` then the entries, written into one buffer.
    let length = 0
    for (const e of entries) length += e.mode.length + 1 + Buffer.byteLength(e.name, 'utf8') + 1 + 20
    const header = `tree ${length}\0`
    const body = Buffer.allocUnsafe(header.length + length)
    let at = body.write(header, 0, 'latin1')
    for (const e of entries) {
      at += body.write(`${e.mode} ${e.name}\0`, at, 'utf8')
      at += body.write(e.oid, at, 'hex')
    }
    const tree: GitTree = { oid: digest('sha1', body, 'hex'), entries, byName: undefined }
    trees.set(tree.oid, tree)
    return tree
  }
  const root = hashDir(top)
  return { root, trees, blobs }
}

/* ------------------------------------------------------------------------------------------ */
/* The endpoint                                                                                */
/* ------------------------------------------------------------------------------------------ */

export interface GraphQLReply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export interface GraphQLProblem {
  where: 'route' | 'request' | 'fake'
  message: string
}

/** An injected fault (the server's `fail()`), as this endpoint answers it. */
export interface GraphQLFault {
  kind: number | 'secondary-rate-limit' | 'rate-limit' | 'integration-forbidden'
  retryAfter: number
  message: string | undefined
}

export interface GraphQLRequest {
  method: string
  headers: IncomingHttpHeaders
  rawBody: string
  /** The `x-github-request-id` of this request (GitHub quotes it in some error messages). */
  requestId: string
  /** The fault to answer with, if one is due: asked only for a request that got that far. */
  takeFault: () => GraphQLFault | undefined
}

export interface GraphQLOutcome {
  reply: GraphQLReply
  problems: GraphQLProblem[]
  fault: GraphQLFault | undefined
}

export interface GraphQLEndpointOptions {
  /** When set, any other token gets 401 "Bad credentials". */
  token?: string
  /** false: an unauthenticated request is no violation (GitHub still answers it 401). */
  requireAuth?: boolean
  /** false: record no violations (queries are still validated: only valid ones can run). */
  validate?: boolean
}

/** Why `fail('graphql', kind)` cannot be: GitHub's endpoint never answers these statuses. */
export function graphqlFaultRefusal(kind: GraphQLFault['kind']): string | undefined {
  return kind === 404 || kind === 422
    ? `GitHub's GraphQL endpoint does not answer ${kind} (a missing object is null, or an error in a 200 answer)`
    : undefined
}

/** The path octokit posts GraphQL to: `<baseUrl>/graphql`, but `/api/graphql` for a GHES `/api/v3`. */
export function graphqlPath(prefix: string): string {
  return /\/api\/v3$/.test(prefix) ? `${prefix.slice(0, -'/v3'.length)}/graphql` : `${prefix}/graphql`
}

/** An error GitHub reports with a `type` (NOT_FOUND, FORBIDDEN, ...) beside its message. */
class TypedError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message)
  }
}

/** A field the fake does not answer; recorded as a violation as well as answered as an error. */
class UnimplementedError extends Error {}

interface ExecutionContext {
  /** Every top-level field answers this error instead (an injected `integration-forbidden`). */
  rootError: TypedError | undefined
  problems: GraphQLProblem[]
}

type Resolved = Record<string, unknown>

export class GitHubGraphQL {
  private readonly indexes = new WeakMap<ReadonlyMap<string, GitFile>, { revision: number; index: GitTreeIndex }>()

  constructor(
    private readonly state: GraphQLRepoState,
    private readonly options: GraphQLEndpointOptions = {},
  ) {}

  /** Built on the first GraphQL request, not with the server: most tests only speak REST. */
  private get schema(): GraphQLSchema {
    return loadGitHubGraphQLSchema().schema
  }

  /** The indexed snapshot of `files` (built on first use, again after any `setFile`). */
  index(files: ReadonlyMap<string, GitFile>): GitTreeIndex {
    const hit = this.indexes.get(files)
    if (hit && hit.revision === this.state.revision) return hit.index
    const index = indexGitTree(files)
    this.indexes.set(files, { revision: this.state.revision, index })
    return index
  }

  async handle(request: GraphQLRequest): Promise<GraphQLOutcome> {
    const problems: GraphQLProblem[] = []
    const record = this.options.validate === false ? () => undefined : (p: GraphQLProblem) => void problems.push(p)
    const done = (reply: GraphQLReply, fault?: GraphQLFault): GraphQLOutcome => ({
      reply: { ...reply, headers: { 'x-ratelimit-resource': 'graphql', ...(reply.headers ?? {}) } },
      problems,
      fault,
    })
    const header = (name: string): string | undefined => {
      const h = request.headers[name]
      return Array.isArray(h) ? h.join(', ') : h
    }

    if (request.method !== 'POST') {
      record({ where: 'route', message: `${request.method} /graphql: GitHub's GraphQL endpoint takes POST` })
      return done({ status: 404, body: basicError('Not Found', GRAPHQL_DOCS, 404) })
    }

    const auth = header('authorization')
    if (auth === undefined) {
      if (this.options.requireAuth !== false)
        record({ where: 'request', message: 'header authorization: missing (the action must authenticate)' })
      // Unlike REST, GraphQL serves nobody anonymously.
      return done({
        status: 401,
        body: basicError(
          'This endpoint requires you to be authenticated.',
          `${GRAPHQL_DOCS}/guides/forming-calls-with-graphql#authenticating-with-graphql`,
          401,
        ),
      })
    }
    if (!/^(token|bearer) [^\s]+$/i.test(auth))
      record({ where: 'request', message: 'header authorization: is not "token <t>" or "Bearer <t>"' })
    if (!header('user-agent'))
      record({ where: 'request', message: 'header user-agent: missing (GitHub rejects requests without a User-Agent)' })
    const contentType = (header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
    if (contentType !== 'application/json')
      record({
        where: 'request',
        message: `header content-type: ${JSON.stringify(contentType)} is not application/json`,
      })
    if (this.options.token !== undefined && auth.replace(/^(token|bearer)\s+/i, '') !== this.options.token)
      return done({ status: 401, body: basicError('Bad credentials', GRAPHQL_DOCS, 401) })

    let body: unknown
    try {
      body = JSON.parse(request.rawBody)
    } catch {
      record({ where: 'request', message: 'request body: not valid JSON' })
      return done({ status: 400, body: basicError('Problems parsing JSON', GRAPHQL_DOCS, 400) })
    }
    const { query, variables, operationName, ...extra } = (
      typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {}
    ) as Record<string, unknown>
    for (const key of Object.keys(extra))
      record({ where: 'request', message: `request body: ${key} is none of query, variables, operationName` })
    const badVariables = variables != null && (typeof variables !== 'object' || Array.isArray(variables))
    if (badVariables) record({ where: 'request', message: 'request body: variables is not an object' })
    if (operationName != null && typeof operationName !== 'string')
      record({ where: 'request', message: 'request body: operationName is not a string' })
    if (typeof query !== 'string') {
      record({ where: 'request', message: 'request body: query is missing or not a string' })
      return done({
        status: 200,
        body: { errors: [{ message: 'A query attribute must be specified and must be a string.' }] },
      })
    }

    let document: DocumentNode
    try {
      document = parse(query)
    } catch (error) {
      const e = error as GraphQLError
      record({ where: 'request', message: `query: ${e.message}` })
      return done({ status: 200, body: { errors: [githubError(e)] } })
    }
    const invalid = validate(this.schema, document)
    if (invalid.length > 0) {
      for (const e of invalid) record({ where: 'request', message: `query: ${e.message}` })
      return done({ status: 200, body: { errors: invalid.map(githubError) } })
    }

    const fault = request.takeFault()
    if (fault && fault.kind !== 'integration-forbidden') return done(faultReply(fault, request.requestId), fault)

    const context: ExecutionContext = {
      rootError:
        fault === undefined
          ? undefined
          : new TypedError('FORBIDDEN', fault.message ?? 'Resource not accessible by integration'),
      problems,
    }
    const result = await execute({
      schema: this.schema,
      document,
      rootValue: this.root(),
      contextValue: context,
      variableValues: badVariables ? {} : ((variables ?? {}) as Record<string, unknown>),
      operationName: typeof operationName === 'string' ? operationName : undefined,
      fieldResolver,
      typeResolver,
    })
    const errors = (result.errors ?? []).map((e) => {
      // No `data` at all: the request failed before execution (variables that do not coerce,
      // an operation name that names none), which GitHub answers the same way.
      if (!('data' in result))
        record({
          where: 'request',
          message: `${/^Variable /.test(e.message) ? 'variables' : 'operation'}: ${e.message}`,
        })
      else if (
        e.originalError &&
        !(e.originalError instanceof TypedError) &&
        !(e.originalError instanceof UnimplementedError)
      )
        record({
          where: 'fake',
          message: `resolver threw at ${e.path?.join('.')}: ${e.originalError.stack ?? e.message}`,
        })
      return githubError(e)
    })
    return done(
      {
        status: 200,
        body: 'data' in result ? { data: result.data, ...(errors.length > 0 ? { errors } : {}) } : { errors },
      },
      fault,
    )
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Resolved objects: plain objects whose properties are the fields (functions resolve lazily) */
  /* ---------------------------------------------------------------------------------------- */

  private root(): Resolved {
    const { ctx } = this.state
    return {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        if (owner.toLowerCase() !== ctx.owner.toLowerCase() || name.toLowerCase() !== ctx.repo.toLowerCase())
          throw new TypedError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`)
        return this.repository()
      },
    }
  }

  private repository(): Resolved {
    const { ctx } = this.state
    return {
      __typename: 'Repository',
      id: nodeId('Repository', ctx.repoId),
      name: ctx.repo,
      nameWithOwner: `${ctx.owner}/${ctx.repo}`,
      isPrivate: ctx.private,
      url: `${ctx.htmlUrl}/${ctx.owner}/${ctx.repo}`,
      object: (args: { oid?: string | null; expression?: string | null }, context: ExecutionContext) => {
        const { oid, expression } = args
        if ((oid == null) === (expression == null)) {
          const message = 'the fake answers Repository.object with exactly one of oid and expression'
          context.problems.push({ where: 'fake', message })
          throw new UnimplementedError(message)
        }
        return oid != null ? this.objectByOid(String(oid)) : this.objectByExpression(expression!)
      },
    }
  }

  /** A commit (a seeded snapshot's SHA, or a SHA a ref names), else a tree or blob of any snapshot. */
  private objectByOid(oid: string): Resolved | null {
    if (!/^[0-9a-f]{40}$/.test(oid)) return null
    const files = this.state.tree(oid)
    if (files) return this.commit(oid, files)
    for (const snapshot of new Set(this.state.trees.values())) {
      const index = this.index(snapshot)
      const tree = index.trees.get(oid)
      if (tree) return this.tree(tree, '')
      const file = index.blobs.get(oid)
      if (file) return this.blob(oid, file)
    }
    return null
  }

  /** git's `REV` (the commit), `REV:` (its root tree) or `REV:PATH`; PATH is taken literally,
   *  so a symbolic link is the link's blob, not what it points at. */
  private objectByExpression(expression: string): Resolved | null {
    const colon = expression.indexOf(':')
    const rev = colon === -1 ? expression : expression.slice(0, colon)
    const named = rev === 'HEAD' ? this.state.ctx.defaultBranch : rev
    const files = this.state.tree(named)
    if (!files) return null
    if (colon === -1) {
      const sha = /^[0-9a-f]{40}$/.test(named) ? named : this.state.refs.get(named.replace(/^refs\/(heads|tags)\//, ''))
      return sha === undefined ? null : this.commit(sha, files)
    }
    const path = expression.slice(colon + 1).replace(/\/+$/, '')
    let tree = this.index(files).root
    if (path === '') return this.tree(tree, '')
    const names = path.split('/')
    for (const [i, name] of names.entries()) {
      const entry = childOf(tree, name)
      if (!entry) return null
      if (i === names.length - 1)
        return entry.type === 'tree' ? this.tree(entry.tree, path) : this.blob(entry.oid, entry.file)
      if (entry.type !== 'tree') return null
      tree = entry.tree
    }
    return null
  }

  private gitObject(typename: string, oid: string): Resolved {
    return {
      __typename: typename,
      id: nodeId(typename, oid),
      oid,
      abbreviatedOid: oid.slice(0, 7),
      repository: () => this.repository(),
    }
  }

  private commit(oid: string, files: ReadonlyMap<string, GitFile>): Resolved {
    return { ...this.gitObject('Commit', oid), tree: () => this.tree(this.index(files).root, '') }
  }

  /** `dir`: the tree's path from the root where the query reached it that way ("" when it was
   *  named by oid, which says nothing of where it sits); entries' `path`s continue it. */
  private tree(tree: GitTree, dir: string): Resolved {
    return {
      ...this.gitObject('Tree', tree.oid),
      entries: () =>
        tree.entries.map((e) => {
          const path = dir === '' ? e.name : `${dir}/${e.name}`
          return {
            __typename: 'TreeEntry',
            name: e.name,
            nameRaw: Buffer.from(e.name, 'utf8').toString('base64'),
            path,
            pathRaw: Buffer.from(path, 'utf8').toString('base64'),
            mode: Number.parseInt(e.mode, 8),
            type: e.type,
            oid: e.oid,
            repository: () => this.repository(),
            submodule: null,
            object: () => (e.type === 'tree' ? this.tree(e.tree, path) : this.blob(e.oid, e.file)),
            ...(e.type === 'blob' ? { size: e.file.bytes.length } : {}),
          }
        }),
    }
  }

  private blob(oid: string, file: GitFile): Resolved {
    const isBinary = file.bytes.includes(0)
    return {
      ...this.gitObject('Blob', oid),
      byteSize: file.bytes.length,
      isBinary,
      isTruncated: false,
      text: isBinary ? null : file.bytes.toString('utf8'),
    }
  }
}

/** A field's value is the source's property (called when a function); a field the fake does
 *  not implement is null where nullable, else an error. A top-level field it does not implement
 *  is an error even when nullable: null there would read as "GitHub has none". */
const fieldResolver: GraphQLFieldResolver<unknown, ExecutionContext> = (source, args, context, info) => {
  const root = isRootField(info)
  if (root && context.rootError) throw context.rootError
  const value = (source as Resolved)[info.fieldName]
  if (typeof value === 'function') return (value as (a: unknown, c: ExecutionContext) => unknown)(args, context)
  if (value !== undefined) return value
  if (!root && !isNonNullType(info.returnType)) return null
  const message = `the fake GitHub does not implement ${info.parentType.name}.${info.fieldName}`
  context.problems.push({ where: 'fake', message })
  throw new UnimplementedError(message)
}

function isRootField(info: GraphQLResolveInfo): boolean {
  return info.parentType === info.schema.getQueryType() || info.parentType === info.schema.getMutationType()
}

/** Interfaces and unions (GitObject, ...) resolve to the object's own type. */
const typeResolver: GraphQLTypeResolver<unknown, ExecutionContext> = (value) =>
  (value as Resolved)['__typename'] as string

/** An error as GitHub writes it: `type` first for typed ones (NOT_FOUND, FORBIDDEN), then
 *  path, extensions, locations and message. */
function githubError(e: GraphQLError): Record<string, unknown> {
  const type = e.originalError instanceof TypedError ? e.originalError.type : undefined
  return {
    ...(type !== undefined ? { type } : {}),
    ...(e.path !== undefined ? { path: e.path } : {}),
    ...(e.extensions && Object.keys(e.extensions).length > 0 ? { extensions: e.extensions } : {}),
    ...(e.locations !== undefined ? { locations: e.locations } : {}),
    message: e.message,
  }
}

/** GitHub's GraphQL answers to the faults `fail()` injects. A primary rate limit is HTTP 200
 *  with a RATE_LIMITED error (what @octokit/plugin-throttling looks for), not the REST 403. */
function faultReply(fault: GraphQLFault, requestId: string): GraphQLReply {
  switch (fault.kind) {
    case 'rate-limit':
      return {
        status: 200,
        headers: {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + fault.retryAfter),
        },
        body: {
          errors: [
            { type: 'RATE_LIMITED', message: fault.message ?? 'API rate limit exceeded for installation ID 1234567.' },
          ],
        },
      }
    case 'secondary-rate-limit':
      return {
        status: 403,
        headers: { 'retry-after': String(fault.retryAfter) },
        body: basicError(
          fault.message ?? secondaryRateLimitMessage(requestId),
          `${GRAPHQL_DOCS}/overview/rate-limits-and-node-limits-for-the-graphql-api#secondary-rate-limits`,
          403,
        ),
      }
    case 401:
      return { status: 401, body: basicError(fault.message ?? 'Bad credentials', GRAPHQL_DOCS, 401) }
    case 502:
    case 504:
      // A query that ran out of time.
      return {
        status: fault.kind,
        body: {
          data: null,
          errors: [
            {
              message:
                fault.message ??
                `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.`,
            },
          ],
        },
      }
    default: {
      const status = typeof fault.kind === 'number' ? fault.kind : 500
      const message = status === 503 ? 'Service Unavailable' : 'Server Error'
      return { status, body: basicError(fault.message ?? message, GRAPHQL_DOCS, status) }
    }
  }
}
