/**
 * Exec*= command lines as config_parse_exec() (load-fragment.c) reads them: `;`-separated
 * commands, each a first word with prefixes (`-@:+!`, `!!`, and from 262 `|`), the executable
 * (specifiers expanded as a path) and arguments (specifiers expanded). What systemd refuses is
 * fatal, or — with the `-` prefix — drops the rest of the line with a warning.
 */
import type { VersionTraits } from '../../model/versions.js'
import { deprecatedSpecifierMessage, expandSpecifiers, type SpecifierContext } from '../../unit/specifiers.js'
import { isStringSafe } from '../../unit/string-safe.js'
import type { Assignment } from '../../unit/syntax.js'
import type { ExecCommand } from '../state.js'
import { extractFirstWord, isValidFilename, isValidPath, type FirstWord } from '../words.js'

export interface ExecLineContext {
  readonly traits: VersionTraits
  readonly specifiers: SpecifierContext
  warn(a: Assignment, message: string): void
  /** A message systemd logs without file and line. */
  note(a: Assignment, message: string): void
}

/** The commands of one Exec*= line, or the reason the unit is refused (a fatal error). */
export type ExecLine =
  { readonly commands: ExecCommand[] } | { readonly commands: ExecCommand[]; readonly fatal: string }

const WORD = { unquote: true, cunescape: true } as const
const WORD_262 = { ...WORD, surrogatesInvalid: true } as const
const SPECIAL_IN_WORD = /["'\\%]/
const LONE_SEMICOLON = /(?:^|[ \t\n\r]);(?=[ \t\n\r]|$)/
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d

export function parseExecLine(directive: string, a: Assignment, ctx: ExecLineContext): ExecLine {
  const commands: ExecCommand[] = []
  const t = ctx.traits
  const text = a.value
  const deprecated = (c: string): void => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName))
  // rvalue is what the messages quote: the line, then what follows each command's `;`.
  let rvalue = text
  let p = 0
  let semicolon: boolean
  do {
    semicolon = false
    // Where this command's text starts and ends (its `;` excluded): what reports quote.
    const commandStart = skipBlanks(text, p)
    let commandEnd = text.length
    const first = firstWord(text, p, a, rvalue, ctx)
    // An unreadable first word ends the line (logged, not fatal): `if (r <= 0) return 0`.
    if (first === null) return { commands }
    if (typeof first === 'string') {
      ctx.warn(a, first)
      return { commands }
    }
    p = first.next
    if (first.word === ';') {
      semicolon = true
      continue
    }
    const prefixes = readPrefixes(first.word, directive, a, ctx)
    const { ignore } = prefixes
    // log_syntax(…, "<what>%s: <detail>", ignore ? ", ignoring" : ""): a warning that drops the
    // rest of the line with `-`, else the unit's fatal error.
    const fail = (what: string, detail: string): ExecLine => {
      if (!ignore) return { commands, fatal: `${what}: ${detail}` }
      ctx.warn(a, `${what}, ignoring: ${detail}`)
      return { commands }
    }
    let path = '/bin/sh'
    if (!prefixes.viaShell) {
      // The executable: unit_path_printf(), then what makes a path or a file name valid.
      const expanded = expandSpecifiers(prefixes.rest, ctx.specifiers, 'path', deprecated)
      if ('error' in expanded) return fail(`Failed to resolve unit specifiers in '${prefixes.rest}'`, expanded.error)
      path = expanded.value
      if (path === '') return fail('Empty path in command line', t.execMessagesReworded ? rvalue : `'${rvalue}'`)
      if (!isStringSafe(path))
        return fail(
          `${t.execMessagesReworded ? 'Executable path' : 'Executable name'} contains special characters`,
          path,
        )
      if (impliesDirectory(path, t)) return fail('Executable path specifies a directory', path)
      if (!(path.startsWith('/') ? isValidPath(path) : isValidFilename(path)))
        return fail('Neither a valid executable name nor an absolute path', path)
    }
    // argv: the executable (unless `@` takes argv[0] from the arguments; the shell always has one),
    // then the arguments up to an unquoted lone `;`. Only whether each one parses matters.
    let argc = prefixes.separateArgv0 && !prefixes.viaShell ? 0 : 1
    const rest = text.slice(p)
    if (!SPECIAL_IN_WORD.test(rest)) {
      // No quotes, escapes or specifiers: every argument parses; a lone `;` is one between blanks.
      const m = LONE_SEMICOLON.exec(rest)
      if ((m ? rest.slice(0, m.index) : rest).trim() !== '') argc++
      if (m) {
        semicolon = true
        commandEnd = p + m.index
        p = skipBlanks(text, p + m.index + m[0].length)
      } else p = text.length
    } else {
      while (p < text.length) {
        if (text[p] === ';' && (p + 1 === text.length || isBlank(text.charCodeAt(p + 1)))) {
          semicolon = true
          commandEnd = p
          p = skipBlanks(text, p + 1)
          break
        }
        // `\;` alone is a literal `;` argument.
        if (text[p] === '\\' && text[p + 1] === ';' && (p + 2 === text.length || isBlank(text.charCodeAt(p + 2)))) {
          p = skipBlanks(text, p + 2)
          argc++
          continue
        }
        const word = firstWord(text, p, a, rvalue, ctx)
        if (word === null) break
        if (typeof word === 'string') {
          // Logged either way; fatal without `-`.
          if (!ignore) return { commands, fatal: word }
          ctx.warn(a, word)
          return { commands }
        }
        p = word.next
        const expanded = expandSpecifiers(word.word, ctx.specifiers, 'full', deprecated)
        if ('error' in expanded) {
          return fail(
            `Failed to resolve unit specifiers in ${t.execMessagesReworded ? `'${word.word}'` : word.word}`,
            expanded.error,
          )
        }
        argc++
      }
    }
    if (argc === 0) return fail('Empty executable name or zeroeth argument', rvalue)
    commands.push({
      directive,
      path,
      text: text.slice(commandStart, commandEnd).replace(/[ \t\n\r]+$/, ''),
      fullyPrivileged: prefixes.fullyPrivileged,
      noSetuid: prefixes.noSetuid,
      ambientMagic: prefixes.ambientMagic,
      viaShell: prefixes.viaShell,
      source: a,
    })
    rvalue = text.slice(p)
  } while (semicolon)
  return { commands }
}

function skipBlanks(text: string, at: number): number {
  while (at < text.length && isBlank(text.charCodeAt(at))) at++
  return at
}

/**
 * extract_first_word_and_warn(): an unknown escape is kept (with a warning); an unbalanced quote
 * is the message returned instead of a word. null: no word left.
 */
function firstWord(
  text: string,
  at: number,
  a: Assignment,
  rvalue: string,
  ctx: ExecLineContext,
): FirstWord | null | string {
  const opts = ctx.traits.unescapeRejectsSurrogates ? WORD_262 : WORD
  const word = extractFirstWord(text, at, opts)
  if (word !== 'invalid') return word
  const relaxed = extractFirstWord(text, at, { ...opts, unescapeRelax: true })
  if (relaxed === 'invalid' || relaxed === null) return `Unbalanced quoting, ignoring: "${rvalue}"`
  ctx.warn(a, `Ignoring unknown escape sequences: "${relaxed.word}"`)
  return relaxed
}

interface Prefixes {
  readonly ignore: boolean
  readonly separateArgv0: boolean
  readonly fullyPrivileged: boolean
  readonly noSetuid: boolean
  readonly ambientMagic: boolean
  readonly viaShell: boolean
  /** The first word after its prefixes. */
  readonly rest: string
}

/**
 * The prefix loop: each prefix once; `+` and `!` exclude each other; a second `!` is `!!`
 * (ambient-capability magic; 262 ignores it with a notice and drops the `!`). 262 adds `|`:
 * run through the shell, and the rest of the word is then no executable to check.
 */
function readPrefixes(word: string, directive: string, a: Assignment, ctx: ExecLineContext): Prefixes {
  const t = ctx.traits
  let ignore = false
  let separateArgv0 = false
  let noEnv = false
  let full = false
  let noSetuid = false
  let ambient = false
  let viaShell = false
  let i = 0
  for (; i < word.length; i++) {
    const c = word[i]
    if (c === '-' && !ignore) ignore = true
    else if (c === '@' && !separateArgv0) separateArgv0 = true
    else if (c === ':' && !noEnv) noEnv = true
    else if (c === '+' && !full && !noSetuid && !ambient) full = true
    else if (c === '!' && !full && !noSetuid && !ambient) noSetuid = true
    else if (c === '!' && !full && !ambient) {
      noSetuid = false
      ambient = true
      if (t.execAmbientPrefixIgnored) {
        ctx.warn(
          a,
          `The !! modifier for ${directive}= lines is no longer supported and is now ignored. Please update your unit files and remove the modifier.`,
        )
      }
    } else if (c === '|' && t.execViaShellPrefix && !viaShell) viaShell = true
    else break
  }
  return {
    ignore,
    separateArgv0,
    fullyPrivileged: full,
    noSetuid,
    // 262 keeps no trace of `!!`: the command runs with the unit's credentials.
    ambientMagic: ambient && !t.execAmbientPrefixIgnored,
    viaShell,
    rest: word.slice(i),
  }
}

/** 252/254: a trailing slash; 257+ path_implies_directory(): also `.`/`..` as the last component. */
function impliesDirectory(path: string, t: VersionTraits): boolean {
  if (path.endsWith('/')) return true
  if (!t.execPathImpliesDirectory) return false
  return path === '.' || path === '..' || path.endsWith('/.') || path.endsWith('/..')
}
