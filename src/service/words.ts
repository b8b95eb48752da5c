/**
 * systemd's extract_first_word() over a whole value, and the small value grammars the directive
 * parsers share. Pure string functions.
 */

export interface ExtractOptions {
  /** EXTRACT_UNQUOTE: `'…'` and `"…"` group words and are removed. */
  readonly unquote?: boolean
  /** EXTRACT_RELAX: an unterminated quote or trailing backslash ends the word instead of failing. */
  readonly relax?: boolean
  /** EXTRACT_CUNESCAPE: C escapes (`\n`, `\x41`, …) are decoded. */
  readonly cunescape?: boolean
  /** 262: a `\u`/`\U` escape of a UTF-16 surrogate (U+D800–U+DFFF) is no valid escape. */
  readonly surrogatesInvalid?: boolean
}

export interface ExtractedWords {
  readonly words: string[]
  /** Set when a word could not be extracted (systemd logs "Invalid syntax" and stops there). */
  readonly invalid: boolean
}

const QUOTE_OR_BACKSLASH = /["'\\]/
const SEPARATOR_RUN = /[ \t\n\r]+/

const isSeparator = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

/**
 * Splits a value into words the way systemd's parsers loop over extract_first_word(). Plain
 * runs of characters are copied as slices, so a word without quotes or escapes costs one slice.
 */
export function extractWords(value: string, opts: ExtractOptions = {}): ExtractedWords {
  // Without quotes or backslashes every option behaves the same: words are the runs between
  // separators, which a native split finds faster than the loop below (most values are so).
  if (!QUOTE_OR_BACKSLASH.test(value)) {
    const words = value.split(SEPARATOR_RUN)
    if (words[0] === '') words.shift()
    if (words.length > 0 && words[words.length - 1] === '') words.pop()
    return { words, invalid: false }
  }
  const words: string[] = []
  let i = 0
  const n = value.length
  for (;;) {
    while (i < n && isSeparator(value.charCodeAt(i))) i++
    if (i >= n) return { words, invalid: false }
    let word = ''
    let quote = 0
    // Start of the run of characters taken as they are, not yet added to `word`.
    let run = i
    for (;;) {
      if (i >= n) {
        if (quote !== 0 && !opts.relax) return { words, invalid: true }
        word += value.slice(run, i)
        break
      }
      const c = value.charCodeAt(i)
      if (c === 0x5c /* \ */) {
        word += value.slice(run, i)
        i++
        if (i >= n) {
          if (opts.relax) break
          return { words, invalid: true }
        }
        if (opts.cunescape) {
          const decoded = cunescapeOne(value, i, opts.surrogatesInvalid)
          if (decoded === null) return { words, invalid: true }
          word += decoded.text
          i += decoded.length
        } else {
          word += value[i]
          i++
        }
        run = i
        continue
      }
      if (quote !== 0) {
        if (c === quote) {
          word += value.slice(run, i)
          quote = 0
          run = i + 1
        }
        i++
        continue
      }
      if (opts.unquote && (c === 0x22 /* " */ || c === 0x27) /* ' */) {
        word += value.slice(run, i)
        quote = c
        i++
        run = i
        continue
      }
      if (isSeparator(c)) {
        word += value.slice(run, i)
        break
      }
      i++
    }
    words.push(word)
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
}

/** One C escape after a backslash at `at`; null if systemd's cunescape_one() rejects it. */
export function cunescapeOne(
  s: string,
  at: number,
  surrogatesInvalid = false,
): { text: string; length: number } | null {
  const c = s[at]!
  const simple = SIMPLE_ESCAPES[c]
  if (simple !== undefined) return { text: simple, length: 1 }
  const hex = (len: number): { text: string; length: number } | null => {
    const digits = s.slice(at + 1, at + 1 + len)
    if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) return null
    const code = parseInt(digits, 16)
    if (code === 0 || code > 0x10ffff) return null
    if (surrogatesInvalid && len > 2 && code >= 0xd800 && code <= 0xdfff) return null
    return { text: String.fromCodePoint(code), length: 1 + len }
  }
  if (c === 'x') return hex(2)
  if (c === 'u') return hex(4)
  if (c === 'U') return hex(8)
  if (c >= '0' && c <= '7') {
    const digits = s.slice(at, at + 3)
    if (!/^[0-7]{3}$/.test(digits)) return null
    const code = parseInt(digits, 8)
    if (code === 0 || code > 0xff) return null
    return { text: String.fromCharCode(code), length: 3 }
  }
  return null
}

const TRUE_WORDS = new Set(['1', 'yes', 'y', 'true', 't', 'on'])
const FALSE_WORDS = new Set(['0', 'no', 'n', 'false', 'f', 'off'])

/** systemd's parse_boolean(): case-insensitive; null when the text is not a boolean. */
export function parseBoolean(text: string): boolean | null {
  const lower = text.toLowerCase()
  if (TRUE_WORDS.has(lower)) return true
  if (FALSE_WORDS.has(lower)) return false
  return null
}

/** parse_mode(): octal, leading whitespace allowed, no sign, at most 07777. */
export function parseMode(text: string): number | null {
  const m = /^[ \t\n\r]*([0-7]+)$/.exec(text)
  if (!m) return null
  const v = parseInt(m[1]!, 8)
  return v <= 0o7777 ? v : null
}

/**
 * path_simplify() + path_is_normalized(): the simplified absolute path, or null when systemd
 * rejects it (relative, `..` components, over-long).
 */
export function simplifyAbsolutePath(path: string): string | null {
  if (!path.startsWith('/')) return null
  const parts = path.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.some((p) => p === '..' || p.length > 255)) return null
  // path_simplify() drops duplicate and trailing slashes and "." components.
  const simplified = '/' + parts.join('/')
  return simplified.length < 4096 ? simplified : null
}

/** filename_is_valid(): one non-empty component, not `.` or `..`, at most NAME_MAX bytes. */
export function isValidFilename(s: string): boolean {
  return s !== '' && s !== '.' && s !== '..' && !s.includes('/') && utf8Length(s) <= 255
}

/** path_is_valid(): at most PATH_MAX - 1 bytes, no component longer than NAME_MAX. */
export function isValidPath(path: string): boolean {
  const length = utf8Length(path)
  if (path === '' || length >= 4096) return false
  // A path of at most NAME_MAX bytes cannot hold a longer component (nearly every path).
  return length <= 255 || path.split('/').every((part) => utf8Length(part) <= 255)
}

/** Length in UTF-8 bytes, which is what systemd's limits count. */
export function utf8Length(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : new TextEncoder().encode(s).length
}

export interface FirstWordOptions extends ExtractOptions {
  /** EXTRACT_UNESCAPE_RELAX: an unknown escape (and an unquoted trailing backslash) is kept verbatim. */
  readonly unescapeRelax?: boolean
  /** EXTRACT_RETAIN_ESCAPE: a backslash is an ordinary character. */
  readonly retainEscape?: boolean
}

/** A word read by extractFirstWord(): its value and where the next one may start (text.length: none). */
export interface FirstWord {
  readonly word: string
  readonly next: number
}

/**
 * extract_first_word() from `start`: null when only separators are left, 'invalid' on an
 * unterminated quote or an escape it cannot decode (-EINVAL). Separators are WHITESPACE.
 */
export function extractFirstWord(text: string, start: number, opts: FirstWordOptions): FirstWord | null | 'invalid' {
  const n = text.length
  let i = start
  while (i < n && isSeparator(text.charCodeAt(i))) i++
  if (i >= n) return null
  // A word without quotes or backslashes is a slice of the text (most words are).
  let end = i
  for (; end < n; end++) {
    const c = text.charCodeAt(end)
    if (isSeparator(c)) break
    if ((c === 0x5c && !opts.retainEscape) || ((c === 0x22 || c === 0x27) && opts.unquote)) {
      end = -1
      break
    }
  }
  if (end >= 0) {
    let next = end
    while (next < n && isSeparator(text.charCodeAt(next))) next++
    return { word: text.slice(i, end), next }
  }
  let word = ''
  let quote = 0
  for (;;) {
    if (i >= n) {
      if (quote !== 0 && !opts.relax) return 'invalid'
      return { word, next: n }
    }
    const c = text.charCodeAt(i)
    if (c === 0x5c /* \ */ && !opts.retainEscape) {
      i++
      if (i >= n) {
        // A trailing backslash.
        if (opts.unescapeRelax && (quote === 0 || opts.relax)) return { word: word + '\\', next: n }
        if (opts.relax) return { word, next: n }
        return 'invalid'
      }
      if (opts.cunescape) {
        const decoded = cunescapeOne(text, i, opts.surrogatesInvalid)
        if (decoded !== null) {
          word += decoded.text
          i += decoded.length
        } else if (opts.unescapeRelax) {
          word += '\\' + text[i]!
          i++
        } else return 'invalid'
      } else {
        word += text[i]!
        i++
      }
      continue
    }
    if (quote !== 0) {
      if (c === quote) quote = 0
      else word += text[i]!
      i++
      continue
    }
    if (opts.unquote && (c === 0x22 /* " */ || c === 0x27) /* ' */) {
      quote = c
      i++
      continue
    }
    if (isSeparator(c)) {
      while (i < n && isSeparator(text.charCodeAt(i))) i++
      return { word, next: i }
    }
    word += text[i]!
    i++
  }
}

/** path_is_normalized(): a valid path without `.` or `..` components or doubled slashes. */
export function isNormalizedPath(path: string): boolean {
  if (!isValidPath(path) || path.split('/').includes('..')) return false
  if (path === '.' || path.startsWith('./') || path.endsWith('/.') || path.includes('/./')) return false
  return !path.includes('//')
}

/** cunescape(…, UNESCAPE_ACCEPT_NUL): C escapes decoded; null when one is not valid (or the text ends in a backslash). */
export function cunescape(text: string): string | null {
  if (!text.includes('\\')) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') {
      out += text[i]
      continue
    }
    if (i + 1 >= text.length) return null
    // NUL is accepted here: \x00, \u0000, \000.
    const nul = /^(x00|u0000|U00000000|000)/.exec(text.slice(i + 1))
    if (nul) {
      out += '\0'
      i += nul[0].length
      continue
    }
    const decoded = cunescapeOne(text, i + 1)
    if (decoded === null) return null
    out += decoded.text
    i += decoded.length
  }
  return out
}
