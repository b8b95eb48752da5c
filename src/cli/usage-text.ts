/**
 * The usage text, made from the option table and the commands' format tables: a flag, its values
 * and default, or a format shows here as soon as it is declared there. The README's synopses are
 * the same lines (readme-synopses.ts).
 */
import { SYSTEMD_VERSIONS } from '../model/versions.js'
import { commandOptions, OPTIONS } from '../options/option-table.js'
import type { Command, Option } from '../options/option.js'
import { BOOLEAN, BOOLEAN_WORDS } from '../options/value-types.js'
import { formatOption } from './format-option.js'
import { OUTPUT_FORMATS } from './output-formats.js'

/** Lines are wrapped to this many columns. */
const WIDTH = 100

/** What each command takes besides options, and what it does. */
const COMMANDS: Readonly<Record<Command, { readonly operands: string; readonly summary: string }>> = {
  score: {
    operands: '(UNIT_FILE|DIR)...',
    summary:
      'Exposure score, verdict and rows of each service, as systemd-analyze security --offline=true prints them; a DIR stands for the unit files under it. Exit 1 when a unit cannot be loaded or its exposure is above the threshold.',
  },
  recommend: {
    operands: '(UNIT_FILE|DIR)...',
    summary:
      'Phased hardening advice per unit (a DIR stands for the unit files under it), each phase with the score it reaches (computed by the engine on the unit with the drop-in applied) and a ready-to-paste drop-in.',
  },
  diff: {
    operands: '[PATH...]',
    summary:
      "Review the services changed between two revisions of the git repository here. Exit 1 when the gate fails (by default: a service's capabilities widen), 2 on usage or git errors.",
  },
  conformance: {
    operands: 'DIR',
    summary: 'Compare the engine with the goldens of a corpus directory, or with systemd-analyze itself (--live).',
  },
}

export const COMMAND_NAMES = Object.keys(COMMANDS) as Command[]

/** Flags every command takes besides its options: they print and exit. */
export const GLOBAL_FLAGS = ['--help', '--version'] as const

/**
 * `help` prints every option and format (`full`); a usage error prints the synopses only, after
 * the message, so the message stays in view.
 */
export function usageText(full = true): string {
  const head = 'Usage: systemd-exposure COMMAND [OPTIONS] ...\n\n'
  if (!full) {
    const synopses = COMMAND_NAMES.flatMap((command) => synopsis(command, `  ${command} `))
    return `${head}${synopses.join('\n')}\n\n'systemd-exposure help' describes every option and format.\n`
  }
  const column = optionColumn()
  const sections = COMMAND_NAMES.map((command) => commandSection(command, column).join('\n'))
  const footer = [
    `Booleans: ${BOOLEAN_WORDS.true.join(', ')} / ${BOOLEAN_WORDS.false.join(', ')}, in any case; a boolean flag alone means true.`,
    'An option given empty (--base=) takes its default. The action reads its inputs the same way.',
    `Supported systemd versions: ${SYSTEMD_VERSIONS.join(', ')}.`,
    "'systemd-exposure help COMMAND' or 'systemd-exposure COMMAND --help' (-h) describes one command; 'systemd-exposure --version' prints the version.",
  ]
  return `${head}Commands:\n\n${sections.join('\n\n')}\n\n${footer.flatMap((p) => wrap(p.split(' '), '', '')).join('\n')}\n`
}

/** `help COMMAND`, `COMMAND --help`: one command's synopsis, summary and options. */
export function commandHelp(command: Command): string {
  const lines = [
    ...synopsis(command, `Usage: systemd-exposure ${command} `),
    '',
    ...wrap(COMMANDS[command].summary.split(' '), '', ''),
    '',
    'Options:',
    ...optionLines(command),
  ]
  return `${lines.join('\n')}\n`
}

/**
 * The option rows of a command, one per line, as the README shows them under its synopsis
 * (readme-synopses.ts): the synopsis says an option exists, this says what it does.
 */
export function optionLines(command: Command): string[] {
  const column = 2 + Math.max(...optionRows(command).map(([label]) => label.length)) + 2
  return optionRows(command).flatMap(([label, description]) =>
    wrap(description.split(' '), `  ${label}`.padEnd(column), ' '.repeat(column)),
  )
}

/** Where option descriptions start: one column for every command, so the full text lines up. */
function optionColumn(): number {
  return 6 + Math.max(...COMMAND_NAMES.flatMap((c) => optionRows(c).map(([label]) => label.length))) + 2
}

function commandSection(command: Command, column: number): string[] {
  const lines = synopsis(command, `  ${command} `)
  lines.push(...wrap(COMMANDS[command].summary.split(' '), '      ', '      '))
  for (const [label, description] of optionRows(command)) {
    lines.push(...wrap(description.split(' '), `      ${label}`.padEnd(column), ' '.repeat(column)))
  }
  return lines
}

/** A command's synopsis, `lead` first (`  diff `), continued under its first option. */
export function synopsis(command: Command, lead: string): string[] {
  const tokens = commandOptions(command).map((o) => {
    const option = withFormats(command, o)
    // A flag off by default is turned on by naming it; one on by default is turned off by a value.
    const value =
      option.type === BOOLEAN ? (option.default === 'true' ? ' true|false' : '') : ` ${option.type.placeholder}`
    return `[--${option.flag}${value}]${option.list ? '...' : ''}`
  })
  tokens.push(COMMANDS[command].operands)
  return wrap(tokens, lead, ' '.repeat(lead.length))
}

/** Label and description of each option of a command; --format has one row per format. */
function optionRows(command: Command): [string, string][] {
  return commandOptions(command).flatMap((o): [string, string][] => {
    if (o === OPTIONS.format) {
      return OUTPUT_FORMATS[command]!.map((f, i) => [
        `--format ${f.name}`,
        `${f.description}${i === 0 ? ' (default)' : ''}`,
      ])
    }
    return [[`--${o.flag}`, o.description + defaultNote(o)]]
  })
}

function defaultNote(o: Option): string {
  if (o.list || o.default === '' || (o.type === BOOLEAN && o.default === 'false')) return ''
  return o.env === undefined ? ` (default: ${o.default})` : ` (default: $${o.env}, else ${o.default})`
}

function withFormats(command: Command, o: Option): Option {
  return o === OPTIONS.format ? formatOption(OUTPUT_FORMATS[command]!) : o
}

/** Words on lines of at most WIDTH columns: the first after `first`, the others after `next`. */
function wrap(words: readonly string[], first: string, next: string): string[] {
  const lines: string[] = []
  let line: string[] = []
  let used = first.length
  for (const word of words) {
    if (line.length > 0 && used + 1 + word.length > WIDTH) {
      lines.push((lines.length === 0 ? first : next) + line.join(' '))
      line = []
      used = next.length
    }
    used += (line.length > 0 ? 1 : 0) + word.length
    line.push(word)
  }
  lines.push((lines.length === 0 ? first : next) + line.join(' '))
  return lines
}
