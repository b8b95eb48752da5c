/**
 * GitHub's official REST description (`@octokit/openapi`, api.github.com flavour) as a
 * request/response validator for the fake GitHub server.
 *
 * - The 13 MB description is read and parsed once per process, lazily, on first use.
 * - Schemas are translated from OpenAPI 3.0 (nullable, x-* extensions, example,
 *   discriminator) to plain JSON Schema draft-07 for Ajv, one component at a time and only
 *   when an operation that needs it is first validated.
 * - Validators are compiled lazily per operation and cached.
 *
 * Nothing here talks to the network.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'

const addFormats = addFormatsModule.default

/* ------------------------------------------------------------------------------------------ */
/* Types of the parts of the description we read                                              */
/* ------------------------------------------------------------------------------------------ */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

export interface OpenApiParameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: JsonObject
  'x-multi-segment'?: boolean
  description?: string
}

export interface OpenApiOperation {
  /** Lower-case HTTP method, e.g. `get`. */
  method: string
  /** Path template as written in the description, e.g. `/repos/{owner}/{repo}/pulls/{pull_number}`. */
  pathTemplate: string
  /** e.g. `pulls/list-files`. */
  operationId: string
  parameters: OpenApiParameter[]
  /** The raw operation object of the description. */
  raw: JsonObject
}

export interface OperationMatch {
  operation: OpenApiOperation
  /** Decoded path parameters (multi-segment ones may contain `/`). */
  pathParams: Record<string, string>
}

export interface RequestToValidate {
  method: string
  headers: Record<string, string | string[] | undefined>
  query: URLSearchParams
  /** Raw body text ('' when there was none). */
  rawBody: string
}

export interface ResponseToValidate {
  status: number
  headers: Record<string, string>
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown
  rawBody: string
  /** Whether the request asked for a non-JSON custom media type (raw, diff, patch). */
  customMediaType: boolean
}

export interface OpenApiLoadStats {
  /** Time to read and JSON.parse the description (trimmed cache, or the package file + trim) (ms). */
  readParseMs: number
  /** Time to build the path index (ms). */
  indexMs: number
  /** Time spent translating schemas and compiling Ajv validators so far (ms). */
  compileMs: number
  compiledValidators: number
  translatedSchemas: number
  operations: number
  descriptionVersion: string
  descriptionFile: string
  /** Trimmed copy of the description under node_modules/.cache (undefined if not writable). */
  cacheFile: string | undefined
  /** Whether this process read the trimmed cache (true) or built it from the package (false). */
  fromCache: boolean
  /** Warnings Ajv logged while compiling (unknown keywords, ...). */
  ajvWarnings: string[]
}

/**
 * Statuses real GitHub can send from any endpoint even where the description does not list
 * them for that operation: 401 bad credentials, 403 rate limits / integration permissions,
 * 404 (GitHub answers 404 rather than 403 for things a token cannot see), 429 and 5xx.
 * A fake response with one of these is accepted, but its body must still be a `basic-error`.
 */
export const AMBIENT_ERROR_STATUSES: ReadonlySet<number> = new Set([401, 403, 404, 429, 500, 502, 503, 504])

/** REST API versions accepted in `X-GitHub-Api-Version` unless the caller lists others. */
export const DEFAULT_API_VERSIONS: readonly string[] = ['2022-11-28']

const SCHEMA_BASE = 'https://openapi.invalid/github/components/schemas/'

/* ------------------------------------------------------------------------------------------ */
/* Loading                                                                                     */
/* ------------------------------------------------------------------------------------------ */

interface CompiledRoute {
  operation: OpenApiOperation
  regex: RegExp
  names: string[]
  literalSegments: number
  multiSegment: number
}

interface OperationValidators {
  path?: ValidateFunction
  query?: ValidateFunction
  queryNames: Set<string>
  body?: ValidateFunction | 'none'
  bodyRequired: boolean
  bodyContentTypes: string[]
  responses: Map<string, ValidateFunction | null>
}

let cached: GitHubOpenApi | undefined

/** The api.github.com description, loaded on first call and cached for the process. */
export function loadGitHubOpenApi(): GitHubOpenApi {
  cached ??= new GitHubOpenApi()
  return cached
}

function descriptionPath(): string {
  const require = createRequire(import.meta.url)
  // The package's index.js would `require` all ten descriptions (≈ 400 MB); read only ours.
  const pkgJson = require.resolve('@octokit/openapi/package.json')
  return join(dirname(pkgJson), 'generated', 'api.github.com.json')
}

/** Bump when `trimDescription` changes, so stale caches are not used. */
const TRIM_FORMAT = 1

/**
 * The description without what validation never reads (prose, examples, webhooks, tags):
 * 13 MB of pretty JSON becomes ≈ 2.7 MB, which parses ~4x faster. Property *names* inside
 * `properties` maps are kept even when they are `description`/`title`/...; literal values
 * (`default`, `enum`) are copied untouched.
 */
export function trimDescription(spec: JsonObject): JsonObject {
  const drop = new Set([
    'description',
    'summary',
    'example',
    'examples',
    'externalDocs',
    'tags',
    'title',
    'x-github',
    'x-octokit',
    'x-github-breaking-changes',
  ])
  const literal = new Set(['default', 'enum', 'const'])
  const walk = (node: Json, parentKey: string): Json => {
    if (Array.isArray(node)) return node.map((n) => walk(n, ''))
    if (!node || typeof node !== 'object') return node
    const out: JsonObject = {}
    const isNameMap = parentKey === 'properties' || parentKey === 'patternProperties'
    for (const [key, value] of Object.entries(node)) {
      if (!isNameMap && drop.has(key)) continue
      out[key] = !isNameMap && literal.has(key) ? value : walk(value, isNameMap ? '' : key)
    }
    return out
  }
  const components = spec['components'] as JsonObject
  return {
    openapi: spec['openapi']!,
    info: { version: (spec['info'] as JsonObject)['version']! },
    paths: walk(spec['paths']!, 'paths'),
    components: {
      schemas: walk(components['schemas']!, 'schemas'),
      parameters: walk(components['parameters']!, 'parameters'),
      responses: walk(components['responses']!, 'responses'),
      headers: walk(components['headers']!, 'headers'),
    },
  }
}

interface LoadedDescription {
  spec: JsonObject
  cacheFile: string | undefined
  fromCache: boolean
}

/**
 * Read the trimmed description from `node_modules/.cache`, or build it from the package and
 * write the cache (atomically: concurrent test workers may race). Any cache problem falls back
 * to reading the package file.
 */
function loadDescription(file: string): LoadedDescription {
  let cacheFile: string | undefined
  try {
    const st = statSync(file)
    const version = (JSON.parse(readFileSync(join(dirname(file), '..', 'package.json'), 'utf8')) as { version: string })
      .version
    const nodeModules = file.slice(0, file.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length)
    cacheFile = join(
      nodeModules,
      '.cache',
      'github-openapi',
      `api.github.com-${version}-${st.size}-${Math.trunc(st.mtimeMs)}-t${TRIM_FORMAT}.json`,
    )
    if (existsSync(cacheFile)) {
      return { spec: JSON.parse(readFileSync(cacheFile, 'utf8')) as JsonObject, cacheFile, fromCache: true }
    }
  } catch {
    cacheFile = undefined
  }
  const spec = trimDescription(JSON.parse(readFileSync(file, 'utf8')) as JsonObject)
  if (cacheFile) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true })
      const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`
      writeFileSync(tmp, JSON.stringify(spec))
      renameSync(tmp, cacheFile)
    } catch {
      // read-only node_modules: fine, just slower next time
    }
  }
  return { spec, cacheFile, fromCache: false }
}

export class GitHubOpenApi {
  readonly spec: JsonObject
  readonly stats: OpenApiLoadStats
  private readonly routes: Map<string, CompiledRoute[]> = new Map()
  private readonly byOperationId: Map<string, OpenApiOperation> = new Map()
  private readonly ajv: Ajv
  private readonly coercingAjv: Ajv
  private readonly translated: Set<string> = new Set()
  private readonly validators: Map<string, OperationValidators> = new Map()
  private readonly componentValidators: Map<string, ValidateFunction> = new Map()

  constructor(file = descriptionPath()) {
    const t0 = performance.now()
    const loaded = loadDescription(file)
    this.spec = loaded.spec
    const t1 = performance.now()
    const ajvWarnings: string[] = []
    const logger = {
      log: () => {},
      warn: (...args: unknown[]) => {
        ajvWarnings.push(args.map(String).join(' '))
      },
      error: (...args: unknown[]) => {
        ajvWarnings.push(args.map(String).join(' '))
      },
    }
    const common = {
      // Schemas reach Ajv already translated to plain JSON Schema, so Ajv's strict-mode
      // checks would only cost compile time (they tripled it in measurements).
      strict: false,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      allowUnionTypes: true,
      allErrors: true,
      // Compile each component once as its own function instead of inlining it into every
      // operation that uses it; skip the code optimiser and unrolled `required` checks:
      // together these cut compile time of e.g. `repository` (90 required fields) ~5x.
      inlineRefs: false,
      loopRequired: 4,
      code: { optimize: false },
      logger,
    }
    this.ajv = new Ajv(common)
    this.coercingAjv = new Ajv({ ...common, coerceTypes: 'array' })
    for (const ajv of [this.ajv, this.coercingAjv]) {
      addFormats(ajv)
      // OpenAPI formats the description uses beyond JSON Schema's.
      ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) })
      ajv.addFormat('int32', {
        type: 'number',
        validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
      })
      ajv.addFormat('timestamp', { type: 'number', validate: (n: number) => Number.isInteger(n) })
      ajv.addFormat('binary', true)
      ajv.addFormat('byte', /^[A-Za-z0-9+/\n]*={0,2}\n?$/)
    }
    this.buildIndex()
    const t2 = performance.now()
    const info = this.spec['info'] as JsonObject
    this.stats = {
      readParseMs: t1 - t0,
      indexMs: t2 - t1,
      compileMs: 0,
      compiledValidators: 0,
      translatedSchemas: 0,
      operations: this.byOperationId.size,
      descriptionVersion: typeof info['version'] === 'string' ? info['version'] : '',
      descriptionFile: file,
      cacheFile: loaded.cacheFile,
      fromCache: loaded.fromCache,
      ajvWarnings,
    }
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Index and matching                                                                        */
  /* ---------------------------------------------------------------------------------------- */

  private buildIndex(): void {
    const paths = this.spec['paths'] as Record<string, JsonObject>
    for (const [template, item] of Object.entries(paths)) {
      const shared = (item['parameters'] as Json[] | undefined) ?? []
      for (const [method, rawOp] of Object.entries(item)) {
        if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) continue
        const raw = rawOp as JsonObject
        const params = new Map<string, OpenApiParameter>()
        for (const p of [...shared, ...((raw['parameters'] as Json[] | undefined) ?? [])]) {
          const resolved = this.deref<OpenApiParameter>(p)
          params.set(`${resolved.in}:${resolved.name}`, resolved)
        }
        const operation: OpenApiOperation = {
          method,
          pathTemplate: template,
          operationId: typeof raw['operationId'] === 'string' ? raw['operationId'] : '',
          parameters: [...params.values()],
          raw,
        }
        this.byOperationId.set(operation.operationId, operation)
        const names: string[] = []
        let literalSegments = 0
        let multiSegment = 0
        const segments = template.split('/').slice(1)
        const source = segments
          .map((segment) => {
            const m = /^\{([^}]+)\}$/.exec(segment)
            if (!m) {
              literalSegments++
              // Some templates mix literal text and a parameter inside one segment.
              return segment
                .split(/(\{[^}]+\})/)
                .map((part) => {
                  const pm = /^\{([^}]+)\}$/.exec(part)
                  if (pm) {
                    names.push(pm[1]!)
                    return '([^/]+)'
                  }
                  return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
                })
                .join('')
            }
            const name = m[1]!
            names.push(name)
            if (params.get(`path:${name}`)?.['x-multi-segment']) {
              multiSegment++
              return '(.+)'
            }
            return '([^/]+)'
          })
          .join('/')
        const route: CompiledRoute = {
          operation,
          regex: new RegExp(`^/${source}/?$`),
          names,
          literalSegments,
          multiSegment,
        }
        const list = this.routes.get(method) ?? []
        list.push(route)
        this.routes.set(method, list)
      }
    }
    // Most specific first: more literal segments win, then fewer multi-segment parameters.
    for (const list of this.routes.values()) {
      list.sort((a, b) => b.literalSegments - a.literalSegments || a.multiSegment - b.multiSegment)
    }
  }

  /** Follow a local `$ref` (`#/components/...`) to the object it names. */
  deref<T>(value: Json | undefined): T {
    let current = value
    for (let i = 0; i < 10 && current && typeof current === 'object' && !Array.isArray(current); i++) {
      const ref = current['$ref']
      if (typeof ref !== 'string') break
      current = this.pointer(ref)
    }
    return current as T
  }

  private pointer(ref: string): Json {
    if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`)
    let node: Json = this.spec
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
      if (!node || typeof node !== 'object' || Array.isArray(node) || !(key in node)) {
        throw new Error(`dangling $ref ${ref}`)
      }
      node = node[key]!
    }
    return node
  }

  operation(operationId: string): OpenApiOperation | undefined {
    return this.byOperationId.get(operationId)
  }

  /**
   * Find the operation for `METHOD /path` (path without API prefix or query). Accepts the
   * raw, still percent-encoded pathname.
   */
  match(method: string, rawPathname: string): OperationMatch | undefined {
    const list = this.routes.get(method.toLowerCase())
    if (!list) return undefined
    for (const route of list) {
      const m = route.regex.exec(rawPathname)
      if (!m) continue
      const pathParams: Record<string, string> = {}
      route.names.forEach((name, i) => {
        const value = m[i + 1]!
        try {
          pathParams[name] = decodeURIComponent(value)
        } catch {
          pathParams[name] = value
        }
      })
      return { operation: route.operation, pathParams }
    }
    return undefined
  }

  /** Resolve `"pulls/list-files"` or `"GET /repos/{owner}/{repo}/pulls/{pull_number}/files"`. */
  resolveRoute(route: string): OpenApiOperation | undefined {
    const byId = this.byOperationId.get(route)
    if (byId) return byId
    const m = /^([A-Za-z]+)\s+(\S+)$/.exec(route.trim())
    if (!m) return undefined
    const method = m[1]!.toLowerCase()
    for (const op of this.byOperationId.values()) {
      if (op.method === method && op.pathTemplate === m[2]) return op
    }
    return undefined
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Schema translation OpenAPI 3.0 -> JSON Schema (draft-07, Ajv)                             */
  /* ---------------------------------------------------------------------------------------- */

  /**
   * Translate one schema. `$ref`s to `#/components/schemas/X` become references to
   * separately registered schemas, which are translated (once) on demand.
   */
  private translate(schema: Json, pending: string[]): Json {
    if (Array.isArray(schema)) return schema.map((s) => this.translate(s, pending))
    if (!schema || typeof schema !== 'object') return schema
    const ref = schema['$ref']
    if (typeof ref === 'string') {
      const prefix = '#/components/schemas/'
      if (!ref.startsWith(prefix)) throw new Error(`unsupported schema $ref ${ref}`)
      const name = ref.slice(prefix.length)
      pending.push(name)
      // OpenAPI 3.0 ignores siblings of $ref.
      return { $ref: SCHEMA_BASE + encodeURIComponent(name) }
    }
    const out: JsonObject = {}
    for (const [key, value] of Object.entries(schema)) {
      if (key.startsWith('x-')) continue
      switch (key) {
        case 'nullable':
        case 'example':
        case 'discriminator':
        case 'xml':
        case 'externalDocs':
          continue
        case 'properties':
        case 'patternProperties': {
          const props: JsonObject = {}
          for (const [name, sub] of Object.entries(value as JsonObject)) props[name] = this.translate(sub, pending)
          out[key] = props
          break
        }
        case 'items':
        case 'additionalProperties':
        case 'not':
        case 'allOf':
        case 'anyOf':
        case 'oneOf':
          out[key] = typeof value === 'object' ? this.translate(value, pending) : value
          break
        default:
          out[key] = value
      }
    }
    if (schema['nullable'] === true) {
      if (typeof out['type'] === 'string') {
        out['type'] = [out['type'], 'null']
        if (Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...out['enum'], null]
        return out
      }
      return { anyOf: [out, { type: 'null' }] }
    }
    return out
  }

  /** Register component schemas named in `pending` (and what they reference) with Ajv. */
  private registerComponents(pending: string[]): void {
    const schemas = (this.spec['components'] as JsonObject)['schemas'] as JsonObject
    while (pending.length > 0) {
      const name = pending.pop()!
      if (this.translated.has(name)) continue
      this.translated.add(name)
      const source = schemas[name]
      if (source === undefined) throw new Error(`description has no components.schemas.${name}`)
      const body = this.translate(source, pending)
      const id = SCHEMA_BASE + encodeURIComponent(name)
      const wrapped = body && typeof body === 'object' && !Array.isArray(body) ? { ...body, $id: id } : body
      this.ajv.addSchema(wrapped as object, undefined, undefined, false)
      this.coercingAjv.addSchema(structuredClone(wrapped) as object, undefined, undefined, false)
    }
  }

  private compile(schema: Json, coercing = false): ValidateFunction {
    const t0 = performance.now()
    const pending: string[] = []
    const translated = this.translate(schema, pending)
    this.registerComponents(pending)
    this.stats.translatedSchemas = this.translated.size
    const validate = (coercing ? this.coercingAjv : this.ajv).compile(translated as object)
    this.stats.compiledValidators++
    this.stats.compileMs += performance.now() - t0
    return validate
  }

  /** A validator for `#/components/schemas/<name>` (for fixture tests). */
  componentValidator(name: string): ValidateFunction {
    let v = this.componentValidators.get(name)
    if (!v) {
      v = this.compile({ $ref: `#/components/schemas/${name}` })
      this.componentValidators.set(name, v)
    }
    return v
  }

  /** Validate a value against `#/components/schemas/<name>`; returns readable errors. */
  validateComponent(name: string, value: unknown): string[] {
    const v = this.componentValidator(name)
    return v(value) ? [] : formatErrors(v.errors, name)
  }

  private validatorsFor(operation: OpenApiOperation): OperationValidators {
    const key = `${operation.method} ${operation.pathTemplate}`
    let v = this.validators.get(key)
    if (v) return v
    const pathParams = operation.parameters.filter((p) => p.in === 'path')
    const queryParams = operation.parameters.filter((p) => p.in === 'query')
    const objectOf = (params: OpenApiParameter[], additional: boolean): Json => ({
      type: 'object',
      properties: Object.fromEntries(params.map((p) => [p.name, (p.schema ?? {}) as Json])),
      required: params.filter((p) => p.required).map((p) => p.name),
      additionalProperties: additional,
    })
    const requestBody = this.deref<JsonObject | undefined>(operation.raw['requestBody'])
    const bodyContent = (requestBody?.['content'] as JsonObject | undefined) ?? {}
    const jsonBody = bodyContent['application/json'] as JsonObject | undefined
    v = {
      path: pathParams.length > 0 ? this.compile(objectOf(pathParams, false), true) : undefined,
      query: this.compile(objectOf(queryParams, false), true),
      queryNames: new Set(queryParams.map((p) => p.name)),
      body: requestBody ? (jsonBody?.['schema'] ? this.compile(jsonBody['schema']) : undefined) : 'none',
      bodyRequired: requestBody?.['required'] === true,
      bodyContentTypes: Object.keys(bodyContent),
      responses: new Map(),
    }
    this.validators.set(key, v)
    return v
  }

  /* ---------------------------------------------------------------------------------------- */
  /* Validation                                                                               */
  /* ---------------------------------------------------------------------------------------- */

  /** Violations of the request (empty when it is one GitHub documents). */
  validateRequest(
    match: OperationMatch,
    request: RequestToValidate,
    options: { apiVersions?: readonly string[]; requireAuth?: boolean } = {},
  ): string[] {
    const { operation } = match
    const v = this.validatorsFor(operation)
    const problems: string[] = []

    if (v.path && !v.path({ ...match.pathParams })) {
      problems.push(...formatErrors(v.path.errors, 'path parameters'))
    }

    const query: Record<string, string | string[]> = {}
    for (const name of new Set(request.query.keys())) {
      const all = request.query.getAll(name)
      query[name] = all.length === 1 ? all[0]! : all
    }
    if (v.query && !v.query(query)) {
      problems.push(...formatErrors(v.query.errors, 'query parameters'))
    }

    const header = (name: string): string | undefined => {
      const h = request.headers[name]
      return Array.isArray(h) ? h.join(', ') : h
    }
    const auth = header('authorization')
    if (auth === undefined) {
      if (options.requireAuth !== false) problems.push('header authorization: missing (the action must authenticate)')
    } else if (!/^(token|bearer) [^\s]+$/i.test(auth)) {
      problems.push(`header authorization: ${JSON.stringify(redact(auth))} is not "token <t>" or "Bearer <t>"`)
    }
    const accept = header('accept')
    if (accept === undefined) {
      problems.push('header accept: missing')
    } else if (!acceptIsGitHub(accept)) {
      problems.push(`header accept: ${JSON.stringify(accept)} names no media type GitHub's REST API serves`)
    }
    if (!header('user-agent')) {
      problems.push('header user-agent: missing (GitHub rejects requests without a User-Agent)')
    }
    const version = header('x-github-api-version')
    const versions = options.apiVersions ?? DEFAULT_API_VERSIONS
    if (version !== undefined && !versions.includes(version)) {
      problems.push(`header x-github-api-version: ${JSON.stringify(version)} is not one of ${versions.join(', ')}`)
    }

    const hasBody = request.rawBody.length > 0
    if (v.body === 'none') {
      if (hasBody)
        problems.push(`request body: ${operation.operationId} takes no body, got ${request.rawBody.length} bytes`)
    } else if (!hasBody) {
      if (v.bodyRequired) problems.push('request body: missing (required)')
    } else {
      const contentType = (header('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
      if (!v.bodyContentTypes.includes(contentType)) {
        problems.push(
          `header content-type: ${JSON.stringify(contentType)} is not one of ${v.bodyContentTypes.join(', ')}`,
        )
      }
      let parsed: unknown
      try {
        parsed = JSON.parse(request.rawBody)
      } catch {
        problems.push('request body: not valid JSON')
        return problems
      }
      if (v.body && !v.body(parsed)) problems.push(...formatErrors(v.body.errors, 'request body'))
    }
    return problems
  }

  /** Violations of a response the fake is about to send. */
  validateResponse(operation: OpenApiOperation, response: ResponseToValidate): string[] {
    const problems: string[] = []
    const responses = operation.raw['responses'] as JsonObject
    const status = String(response.status)
    let documented = this.deref<JsonObject | undefined>(responses[status] ?? responses['default'])
    let ambient = false
    if (!documented) {
      if (!AMBIENT_ERROR_STATUSES.has(response.status)) {
        problems.push(
          `status ${status} is not documented for ${operation.operationId} (documented: ${Object.keys(responses).join(', ')})`,
        )
        return problems
      }
      ambient = true
      documented = {
        description: 'ambient error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/basic-error' } } },
      }
    }

    const content = (documented['content'] as JsonObject | undefined) ?? {}
    const contentType = (response.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
    const jsonMedia = content['application/json'] as JsonObject | undefined

    if (Object.keys(content).length === 0) {
      if (response.rawBody.length > 0)
        problems.push(`status ${status} is documented without a body, but the fake sent one`)
    } else if (response.customMediaType) {
      // Raw / diff / patch bodies: the description has no schema for most of them.
    } else if (!jsonMedia) {
      problems.push(`status ${status}: the description has no application/json body for ${operation.operationId}`)
    } else {
      if (contentType !== 'application/json') {
        problems.push(`header content-type: ${JSON.stringify(response.headers['content-type'])} for a JSON body`)
      }
      if (response.rawBody.length === 0) {
        problems.push(`status ${status}: the description documents a body, the fake sent none`)
      } else if (jsonMedia['schema']) {
        const key = ambient ? `ambient` : status
        let validate = this.validatorsFor(operation).responses.get(key)
        if (validate === undefined) {
          validate = this.compile(jsonMedia['schema'])
          this.validatorsFor(operation).responses.set(key, validate)
        }
        if (validate && !validate(response.body)) {
          problems.push(...formatErrors(validate.errors, `response ${status} body`))
        }
      }
    }

    // Headers: the ones the description lists for this response, when present, must match.
    const headers = (documented['headers'] as JsonObject | undefined) ?? {}
    for (const [name, rawHeader] of Object.entries(headers)) {
      const h = this.deref<JsonObject>(rawHeader)
      const value = response.headers[name.toLowerCase()]
      if (value === undefined) {
        if (h['required'] === true) problems.push(`header ${name}: required by the description, missing`)
        continue
      }
      const schema = h['schema'] as JsonObject | undefined
      if (schema?.['type'] === 'integer' && !/^-?\d+$/.test(value)) {
        problems.push(`header ${name}: ${JSON.stringify(value)} is not an integer`)
      }
    }
    const link = response.headers['link']
    if (link !== undefined && !isLinkHeader(link)) problems.push(`header link: malformed ${JSON.stringify(link)}`)
    return problems
  }
}

/* ------------------------------------------------------------------------------------------ */
/* Helpers                                                                                    */
/* ------------------------------------------------------------------------------------------ */

function formatErrors(errors: ErrorObject[] | null | undefined, where: string): string[] {
  if (!errors || errors.length === 0) return [`${where}: invalid`]
  const seen = new Set<string>()
  const out: string[] = []
  for (const e of errors) {
    const params = e.params as Record<string, unknown>
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${String(params['additionalProperty'])})`
        : e.keyword === 'enum'
          ? ` (${JSON.stringify(params['allowedValues'])})`
          : ''
    const line = `${where}${e.instancePath || ''}: ${e.message ?? e.keyword}${extra}`
    if (!seen.has(line)) {
      seen.add(line)
      out.push(line)
    }
  }
  const limit = 12
  return out.length > limit ? [...out.slice(0, limit), `${where}: … ${out.length - limit} more`] : out
}

function redact(auth: string): string {
  return auth.length > 12 ? `${auth.slice(0, 10)}…` : auth
}

const GITHUB_MEDIA =
  /^application\/vnd\.github(\.v3)?(\.(raw|text|html|full|diff|patch|sha|object|base64|star-fox-preview|[a-z-]+-preview))?(\+json)?$/

/** Whether an Accept header names at least one media type GitHub's REST API serves. */
export function acceptIsGitHub(accept: string): boolean {
  return accept
    .split(',')
    .map((part) => part.split(';')[0]!.trim().toLowerCase())
    .some(
      (type) => type === '*/*' || type === 'application/*' || type === 'application/json' || GITHUB_MEDIA.test(type),
    )
}

/** The custom media type an Accept header asks for (`raw`, `diff`, ...), if any. */
export function requestedMediaFormat(accept: string | undefined): string | undefined {
  if (!accept) return undefined
  for (const part of accept.split(',')) {
    const m = /^application\/vnd\.github(?:\.v3)?\.(?!v3(?:\+|$))([a-z]+)(\+json)?$/.exec(
      part.split(';')[0]!.trim().toLowerCase(),
    )
    if (m) return m[2] ? `${m[1]}+json` : m[1]
  }
  return undefined
}

/** RFC 8288 `Link` header as GitHub writes it: `<url>; rel="next", <url>; rel="last"`. */
export function isLinkHeader(value: string): boolean {
  return value.split(/,\s*(?=<)/).every((part) => /^<[^<>\s]+>;\s*rel="(next|last|first|prev)"$/.test(part.trim()))
}

/** Parse a Link header into `{ next: url, last: url, ... }`. */
export function parseLinkHeader(value: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  if (!value) return out
  for (const part of value.split(/,\s*(?=<)/)) {
    const m = /^<([^>]+)>;\s*rel="([^"]+)"$/.exec(part.trim())
    if (m) out[m[2]!] = m[1]!
  }
  return out
}
