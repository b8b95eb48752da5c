/**
 * LoadCredential[Encrypted]= and SetCredential[Encrypted]= as config_parse_load_credential() and
 * config_parse_set_credential() read them. The analysis only needs whether an encrypted credential
 * is left (it implies a TPM DeviceAllow= entry, patch.ts), but that depends on every line: both
 * settings of a kind share one table keyed by credential name, a later line for a name replaces
 * the earlier (encrypted or not), an empty assignment clears the table, and a line whose name or
 * source does not resolve or validate is ignored.
 */
import type { Expansion, SpecifierUse } from '../unit/specifiers.js'
import { cunescape, isNormalizedPath, isValidFilename } from './words.js'

export interface CredentialContext {
  expand(text: string, use: SpecifierUse): Expansion
  warn(message: string): void
  /** The Base64 warning ends with the decoder's error (257+). */
  readonly base64ErrorNamed: boolean
}

/** credential → encrypted. */
export type CredentialTable = Map<string, boolean>

/** LoadCredential=ID[:PATH] and LoadCredentialEncrypted=ID[:PATH] into `table`. */
export function loadCredential(
  table: CredentialTable,
  value: string,
  encrypted: boolean,
  ctx: CredentialContext,
): void {
  if (value === '') {
    table.clear()
    return
  }
  const split = splitAtColon(value)
  if (split === null) {
    ctx.warn(`Invalid syntax, ignoring: ${value}`)
    return
  }
  const id = credentialName(split.word, ctx)
  if (id === null) return
  if (split.rest !== null && split.rest !== '') {
    const path = ctx.expand(split.rest, 'path')
    if ('error' in path) {
      ctx.warn(`Failed to resolve unit specifiers in "${split.rest}", ignoring: ${path.error}`)
      return
    }
    if (path.value.startsWith('/') ? !isNormalizedPath(path.value) : !isCredentialName(path.value)) {
      ctx.warn(`Credential source "${path.value}" not valid, ignoring.`)
      return
    }
  }
  table.set(id, encrypted)
}

/** SetCredential=ID:DATA and SetCredentialEncrypted=ID:BASE64 into `table`. */
export function setCredential(table: CredentialTable, value: string, encrypted: boolean, ctx: CredentialContext): void {
  if (value === '') {
    table.clear()
    return
  }
  const split = splitAtColon(value)
  if (split === null) {
    ctx.warn(`Failed to extract credential name, ignoring: ${value}`)
    return
  }
  if (split.rest === null || split.rest === '') {
    ctx.warn(`Invalid syntax, ignoring: ${value}`)
    return
  }
  const id = credentialName(split.word, ctx)
  if (id === null) return
  if (encrypted) {
    const error = base64Error(split.rest)
    if (error !== null) {
      const message = 'Encrypted credential data not valid Base64 data, ignoring'
      ctx.warn(ctx.base64ErrorNamed ? `${message}: ${error}` : `${message}.`)
      return
    }
  } else if (cunescape(split.rest) === null) {
    ctx.warn(`Can't unescape "${split.rest}", ignoring: Invalid argument`)
    return
  }
  table.set(id, encrypted)
}

function credentialName(word: string, ctx: CredentialContext): string | null {
  const id = ctx.expand(word, 'credential')
  if ('error' in id) {
    ctx.warn(`Failed to resolve unit specifiers in "${word}", ignoring: ${id.error}`)
    return null
  }
  if (!isCredentialName(id.value)) {
    ctx.warn(`Credential name "${id.value}" not valid, ignoring.`)
    return null
  }
  return id.value
}

/** credential_name_valid(): a file name that is also an fd name (printable ASCII, no `:`). */
function isCredentialName(s: string): boolean {
  return isValidFilename(s) && /^[\x20-\x39\x3b-\x7e]*$/.test(s) && s.length <= 255
}

/**
 * extract_first_word(…, ":", EXTRACT_DONT_COALESCE_SEPARATORS): up to the first `:` not escaped
 * by a backslash (which is dropped); `rest` null when there is no `:`. null on a trailing backslash.
 */
function splitAtColon(value: string): { word: string; rest: string | null } | null {
  let word = ''
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!
    if (c === '\\') {
      if (i + 1 >= value.length) return null
      word += value[++i]!
    } else if (c === ':') return { word, rest: value.slice(i + 1) }
    else word += c
  }
  return { word, rest: null }
}

const BASE64 = /^[A-Za-z0-9+/]$/
const WHITESPACE = ' \t\n\r'

/**
 * unbase64mem_full(): groups of four, whitespace anywhere, padding only at the end of the last
 * group. The error it fails with, as strerror() words it; null for valid Base64.
 */
function base64Error(text: string): string | null {
  const chars: string[] = []
  for (const c of text) if (!WHITESPACE.includes(c)) chars.push(c)
  // The four characters of a block are read before any is checked; the input running out
  // inside a block is EPIPE, a bad character or misplaced padding EINVAL, and anything after
  // the padding ENAMETOOLONG.
  const INVALID = 'Invalid argument'
  for (let i = 0; i < chars.length; i += 4) {
    const block = chars.slice(i, i + 4)
    const [a, b, c, d] = block
    if (a === '=' || (a !== undefined && !BASE64.test(a))) return INVALID
    if (b === undefined) return 'Broken pipe'
    if (b === '=' || !BASE64.test(b)) return INVALID
    if (c === undefined) return 'Broken pipe'
    if (c !== '=' && !BASE64.test(c)) return INVALID
    if (d === undefined) return 'Broken pipe'
    if (d !== '=' && !BASE64.test(d)) return INVALID
    const last = i + 4 >= chars.length
    if (c === '=') {
      if (d !== '=' || (value(b) & 15) !== 0) return INVALID
      if (!last) return 'File name too long'
    } else if (d === '=') {
      if ((value(c) & 3) !== 0) return INVALID
      if (!last) return 'File name too long'
    }
  }
  return null
}

function value(c: string): number {
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(c)
}
