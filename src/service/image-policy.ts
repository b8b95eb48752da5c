/**
 * Whether image_policy_from_string() (src/shared/image-policy.c) refuses a RootImagePolicy=,
 * MountImagePolicy= or ExtensionImagePolicy= value; config_parse_image_policy() returns that
 * error, which is fatal. Only the decision and its message are ported: the engine does not use
 * the policy itself.
 */

/** partition_designator_table[] (src/shared/gpt.c). */
const DESIGNATORS = new Set([
  'root',
  'usr',
  'home',
  'srv',
  'esp',
  'xbootldr',
  'swap',
  'root-verity',
  'usr-verity',
  'root-verity-sig',
  'usr-verity-sig',
  'tmp',
  'var',
])

/** policy_flag_from_string_one(). */
const FLAGS = new Set([
  'verity',
  'signed',
  'encrypted',
  'unprotected',
  'unused',
  'absent',
  'open',
  'ignore',
  'read-only-on',
  'read-only-off',
  'growfs-on',
  'growfs-off',
])

const WHITESPACE = /^[ \t\n\r]+|[ \t\n\r]+$/g
const strstrip = (s: string): string => s.replace(WHITESPACE, '')

/**
 * extract_first_word() with EXTRACT_DONT_COALESCE_SEPARATORS and no other flag, repeated: a
 * backslash takes the next character literally (a trailing one is an error), quotes are plain
 * characters, and a separator at the end leaves one more, empty word. null on error.
 */
function words(text: string, separator: string): string[] | null {
  const out: string[] = []
  let word = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (c === '\\') {
      if (i + 1 >= text.length) return null
      word += text[++i]
    } else if (c === separator) {
      out.push(word)
      word = ''
    } else word += c
  }
  out.push(word)
  return out
}

type Failure = 'EINVAL' | 'ENOTUNIQ' | 'EBADSLT' | 'EBADRQC'

/** image_policy_from_string(); 262 skips designators and flags it does not know. */
function parseFailure(text: string, skipUnknown: boolean): Failure | undefined {
  if (text === '-' || text === '*' || text === '~') return undefined
  const rules = words(text, ':')
  if (rules === null) return 'EINVAL'
  const seen = new Set<string>()
  let defaultSeen = false
  for (const rule of rules) {
    // `designator=flags`; an empty rule or one without `=` is EINVAL.
    const parts = words(rule, '=')
    if (parts === null || rule === '' || parts.length < 2) return 'EINVAL'
    const designator = strstrip(parts[0]!)
    if (designator === '') {
      if (defaultSeen) return 'ENOTUNIQ'
      defaultSeen = true
    } else if (DESIGNATORS.has(designator)) {
      if (seen.has(designator)) return 'ENOTUNIQ'
      seen.add(designator)
    } else if (!skipUnknown) return 'EBADSLT'
    // The rest after the first `=`, flags joined by `+` (partition_policy_flags_from_string()).
    const flags = strstrip(parts.slice(1).join('='))
    if (flags === '' || flags === '-') continue
    const list = words(flags, '+')
    if (list === null) return 'EINVAL'
    if (!skipUnknown && list.some((f) => !FLAGS.has(strstrip(f)))) return 'EBADRQC'
  }
  return undefined
}

const MESSAGES: Record<Failure, string> = {
  ENOTUNIQ: 'Duplicate rule in image policy, refusing',
  EBADSLT: 'Unknown partition type in image policy, refusing',
  EBADRQC: 'Unknown partition policy flag in image policy, refusing',
  EINVAL: 'Failed to parse image policy, refusing',
}

/** config_parse_image_policy(): the fatal message for a value, or undefined when it parses. */
export function imagePolicyFailure(value: string, skipUnknown: boolean): string | undefined {
  if (value === '') return undefined
  const failure = parseFailure(value, skipUnknown)
  return failure === undefined ? undefined : `${MESSAGES[failure]}: ${value}`
}
