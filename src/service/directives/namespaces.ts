/**
 * RestrictNamespaces= and the Private*=/Protect*= settings that give the unit namespaces of its
 * own, where they are more than a plain boolean, and the session keyring (KeyringMode=).
 */
import { namespaceFlag, NAMESPACE_FLAGS_ANY } from '../../model/linux-names.js'
import { extractWords, parseBoolean } from '../words.js'
import type { Handler } from './handler.js'
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
      ctx.warn(a, `Failed to parse namespace type string, ignoring: ${a.value}`)
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

export const protectHostname: Handler = (s, a, ctx) => {
  if (ctx.traits.protectHostnameEnum) {
    // The enum parser resets on an empty value (the older boolean parser ignored it).
    if (a.value === '') {
      s.protectHostname = 'no'
      return undefined
    }
    const m = /^(yes|private)(:.+)?$/.exec(a.value)
    if (m) {
      s.protectHostname = m[1]!
      return undefined
    }
  }
  return boolOrKeywords(
    () => [],
    'yes',
    (st, v) => (st.protectHostname = v),
  )(s, a, ctx)
}

/** KeyringMode=: whether the unit gets a session keyring of its own. */
export const keyringMode = enumOf(['inherit', 'private', 'shared'], (s, v) => (s.keyringMode = v), 'keyring mode')
