/**
 * `--security-policy` files: a JSON object keyed by assessor json_field, each value an object
 * with optional weight, range and description overrides. Wrongly typed fields are ignored, as
 * systemd's JSON dispatcher ignores them (analyze-security.c, security_policy_*: json_dispatch()).
 */
import { errorMessage } from '../text/error-message.js'
import type { VersionTraits } from './versions.js'

export interface PolicyEntry {
  readonly weight?: number
  readonly range?: number
  readonly descriptionGood?: string
  readonly descriptionBad?: string
  readonly descriptionNa?: string
}

export type SecurityPolicy = ReadonlyMap<string, PolicyEntry>

export class PolicyError extends Error {}

/** Parses a policy file's text; throws PolicyError with systemd's reason when it is refused. */
export function parseSecurityPolicy(text: string, file: string, traits: VersionTraits): SecurityPolicy {
  let doc: unknown
  try {
    doc = JSON.parse(traits.policyIgnoresExponentNumbers ? hideExponentNumbers(text) : text)
  } catch (e) {
    throw new PolicyError(`Failed to parse '${file}': ${errorMessage(e)}`)
  }
  const policy = new Map<string, PolicyEntry>()
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    if (traits.policyMustBeObject) throw new PolicyError(`Security policy '${file}' is not a JSON object`)
    return policy
  }
  for (const [key, value] of Object.entries(doc as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) continue
    const v = value as Record<string, unknown>
    const entry: { -readonly [K in keyof PolicyEntry]: PolicyEntry[K] } = {}
    const weight = unsigned(v['weight'])
    const range = unsigned(v['range'])
    if (weight !== undefined) entry.weight = weight
    if (range !== undefined) entry.range = range
    if (typeof v['description_good'] === 'string') entry.descriptionGood = v['description_good']
    if (typeof v['description_bad'] === 'string') entry.descriptionBad = v['description_bad']
    if (typeof v['description_na'] === 'string') entry.descriptionNa = v['description_na']
    policy.set(key, entry)
  }
  return policy
}

/** Unsigned integers, including integral reals such as 1e2; anything else is ignored. */
function unsigned(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : undefined
}

/**
 * 252/254's JSON parser does not take a number with an exponent of 3 or more (`1e3`, `1.5e3`) as an
 * unsigned integer, while `1e2` and `10e2` pass (observed): such a field is ignored. Turn those
 * numbers (outside strings) into strings, which are ignored the same way.
 */
function hideExponentNumbers(text: string): string {
  // A number is matched from its first character only: trying every digit of a long run of
  // digits as a start made a hostile policy file quadratic.
  return text.replace(/"(?:[^"\\]|\\.)*"|(?<![\d.])-?\d+(?:\.\d+)?[eE]([+-]?\d+)/g, (m, exp: string | undefined) =>
    m.startsWith('"') || exp === undefined || Number(exp) < 3 ? m : `"${m}"`,
  )
}
