/**
 * The project's workflows, action.yml and pre-commit hook definition against their schemas
 * (SchemaStore's github-workflow, github-action and pre-commit-hooks schemas, vendored in
 * test/schemas so the check runs offline), so a broken workflow cannot land; and what each
 * workflow must do.
 *
 * Why not @action-validator (the npm validator that bundles schemas): its last release (0.6.0)
 * carries a schema that rejects `runs.using: node24`, which action.yml declares and GitHub runs.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { parse, parseDocument } from 'yaml'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const ajv = new Ajv({ allErrors: true, strict: false })
addFormats(ajv)
const schema = (name: string): ValidateFunction => ajv.compile(JSON.parse(read(`test/schemas/${name}.json`)))
const workflowSchema = schema('github-workflow')
const actionSchema = schema('github-action')
const hooksSchema = schema('pre-commit-hooks')

/** The YAML's errors (syntax, duplicate keys) and its schema errors, one line each. */
function problems(text: string, validate: ValidateFunction): string[] {
  const doc = parseDocument(text, { uniqueKeys: true })
  if (doc.errors.length > 0) return doc.errors.map((e) => e.message)
  if (validate(doc.toJS())) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}

const WORKFLOWS = readdirSync(new URL('.github/workflows/', root)).filter((f) => /\.ya?ml$/.test(f))

interface Step {
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, string>
}
const steps = (file: string): Step[] =>
  Object.values((parse(read(`.github/workflows/${file}`)) as { jobs: Record<string, { steps: Step[] }> }).jobs).flatMap(
    (j) => j.steps,
  )
const commands = (file: string): string =>
  steps(file)
    .map((s) => s.run ?? '')
    .join('\n')

describe('schemas', () => {
  it('every workflow validates', () => {
    expect(WORKFLOWS).toEqual(expect.arrayContaining(['ci.yml', 'self-test.yml', 'release.yml']))
    for (const file of WORKFLOWS) expect(problems(read(`.github/workflows/${file}`), workflowSchema), file).toEqual([])
  })

  it('action.yml and .pre-commit-hooks.yaml validate', () => {
    expect(problems(read('action.yml'), actionSchema)).toEqual([])
    expect(problems(read('.pre-commit-hooks.yaml'), hooksSchema)).toEqual([])
  })

  it('a broken workflow or action.yml does not', () => {
    const ci = read('.github/workflows/ci.yml')
    expect(problems(ci.replace('runs-on:', 'runs_on:'), workflowSchema)).not.toEqual([])
    expect(problems(ci.replace('pull_request:', 'pull-request:'), workflowSchema)).not.toEqual([])
    expect(problems(`${ci}\non: push\n`, workflowSchema)).not.toEqual([]) // a duplicate key
    expect(problems(read('action.yml').replace('using: node24', 'using: node18'), actionSchema)).not.toEqual([])
  })
})

describe('workflows', () => {
  it('CI installs exactly, runs the suite and checks dist/', () => {
    const run = commands('ci.yml')
    for (const command of ['npm ci', 'npm test', 'npm run check:dist']) expect(run).toContain(command)
  })

  it('the self-test runs the action from the checkout on pull requests touching examples/', () => {
    const workflow = parse(read('.github/workflows/self-test.yml')) as { on: { pull_request: { paths: string[] } } }
    expect(workflow.on.pull_request.paths).toContain('examples/**')
    expect(steps('self-test.yml').map((s) => s.uses)).toContain('./')
  })

  it('the release checks dist/, takes its notes from the changelog and moves the major tag', () => {
    const workflow = parse(read('.github/workflows/release.yml')) as { on: { push: { tags: string[] } } }
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+'])
    const run = commands('release.yml')
    for (const command of [
      'npm run check:dist',
      'node scripts/release-notes.mjs "$GITHUB_REF_NAME"',
      'gh release create',
      'git push --force origin "refs/tags/$major"',
    ])
      expect(run).toContain(command)
  })

  it('uses only actions from GitHub or this checkout, pinned to a major version', () => {
    for (const file of WORKFLOWS) {
      for (const { uses } of steps(file))
        if (uses !== undefined) expect(uses, file).toMatch(/^(\.\/|actions\/[a-z-]+@v\d+$)/)
    }
  })
})
