/**
 * RestrictNamespaces= and the Private*=/Protect*= settings that give the unit namespaces of its
 * own, where they are more than a plain boolean, and the session keyring (KeyringMode=).
 */
import { namespaceFlag, NAMESPACE_FLAGS_ANY } from '../../model/linux-names.js'
import { extractWords, parseBoolean } from '../words.js'
import { expand, type Handler } from './handler.js'
import { bool, boolOrKeywords, enumOf } from './plain.js'

export const restrictNamespaces: Handler = (s, a, ctx) => {
  if (a.value === '') {
    s.restrictNamespaces = null
    return undefined
  }
  const b = parseBoolean(a.value)
  if (b !== null) {
    s.restrictNamespaces = b ? 0 : NAMESPACE_FLAGS_ANY
    return undefined
  }
  let text = a.value
  const invert = text.startsWith('~')
  if (invert) text = text.slice(1)
  let flags = 0
  for (const w of extractWords(text).words) {
    const f = namespaceFlag(w)
    if (f === undefined) {
      // The value is named without its `~`.
      ctx.warn(a, `Failed to parse namespace type string, ignoring: ${text}`)
      return undefined
    }
    flags |= f
  }
  if (s.restrictNamespaces === null) s.restrictNamespaces = invert ? ~flags & NAMESPACE_FLAGS_ANY : flags
  else s.restrictNamespaces = invert ? s.restrictNamespaces & ~flags : s.restrictNamespaces | flags
  return undefined
}

export const privateMounts: Handler = (s, a, ctx) => {
  if (a.value === '' && ctx.traits.privateMountsTristate) {
    s.privateMounts = null
    return undefined
  }
  // 254's tristate parser names the setting in its own words; 257 and later as every parser does.
  if (ctx.traits.privateMountsTristate && !ctx.traits.namedParseWarnings) {
    const b = parseBoolean(a.value)
    if (b === null) ctx.warn(a, `Failed to parse boolean value for ${a.key}=, ignoring: ${a.value}`)
    else s.privateMounts = b
    return undefined
  }
  return bool((st, v) => (st.privateMounts = v))(s, a, ctx)
}

export const privateTmp = boolOrKeywords(
  (t) => t.privateTmpKeywords,
  'yes',
  (s, v) => (s.privateTmp = v),
)

export const privateUsers = boolOrKeywords(
  (t) => t.privateUsersKeywords,
  'yes',
  (s, v) => (s.privateUsers = v),
)

export const protectControlGroups = boolOrKeywords(
  (t) => t.protectControlGroupsKeywords,
  'yes',
  (s, v) => (s.protectControlGroups = v),
)

/**
 * ProtectHostname=: before 262 a boolean; 262's config_parse_protect_hostname() takes a boolean
 * or `private`, either optionally followed by `:NAME` (only a true one), and resets on an empty
 * value. NAME is specifier-expanded (at most HOST_NAME_MAX bytes) and must be a valid host name;
 * a line that fails any of this is ignored whole.
 */
export const protectHostname: Handler = (s, a, ctx) => {
  if (!ctx.traits.protectHostnameEnum)
    return boolOrKeywords(
      () => [],
      'yes',
      (st, v) => (st.protectHostname = v),
    )(s, a, ctx)
  if (a.value === '') {
    s.protectHostname = 'no'
    return undefined
  }
  const colon = a.value.indexOf(':')
  const word = colon < 0 ? a.value : a.value.slice(0, colon)
  const b = word === 'private' ? null : parseBoolean(word)
  const mode = word === 'private' ? 'private' : b === true ? 'yes' : b === false && colon < 0 ? 'no' : null
  // protect_hostname_from_string() failing is logged without an error number.
  if (mode === null) ctx.warn(a, `Failed to parse ${a.key}=${a.value}, ignoring.`)
  else if (colon < 0) s.protectHostname = mode
  else {
    const raw = a.value.slice(colon + 1)
    const name = expand(ctx, a, raw, 'hostname')
    if ('error' in name) ctx.warn(a, `Failed to resolve unit specifiers in '${raw}', ignoring: ${name.error}`)
    else if (!isValidHostname(name.value))
      ctx.warn(a, `Invalid hostname is specified to ${a.key}=, ignoring: ${name.value}`)
    else s.protectHostname = mode
  }
  return undefined
}

/**
 * hostname_is_valid(…, 0): dot-separated labels of ASCII letters, digits and inner hyphens, no
 * empty label and no trailing dot, at most HOST_NAME_MAX (64) bytes.
 */
function isValidHostname(name: string): boolean {
  return (
    name.length <= 64 &&
    /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(name)
  )
}

/** KeyringMode=: whether the unit gets a session keyring of its own. */
export const keyringMode = enumOf(['inherit', 'private', 'shared'], (s, v) => (s.keyringMode = v), 'keyring mode')
