/**
 * The README's command synopses and option rows are the usage text's: the fenced block after each
 * `<!-- synopsis: COMMAND … -->` marker. `npm run gen:docs` rewrites them; a test checks them.
 */
import type { Command } from '../options/option.js'
import { COMMAND_NAMES, optionLines, synopsis } from './usage-text.js'

const BLOCK = /(<!-- synopsis: ([a-z]+)\b[^>]*-->\n```\n)[\s\S]*?(```)/g

/** The README with every marked synopsis as the option table makes it. */
export function withCurrentSynopses(readme: string): string {
  return readme.replace(BLOCK, (_block, open: string, command: string, close: string) => {
    if (!(COMMAND_NAMES as string[]).includes(command))
      throw new Error(`README: no command '${command}' for a synopsis marker`)
    const lines = [
      ...synopsis(command as Command, `systemd-exposure ${command} `),
      '',
      ...optionLines(command as Command),
    ]
    return `${open}${lines.join('\n')}\n${close}`
  })
}

/** The commands whose synopsis the README shows, in order. */
export function synopsesShown(readme: string): string[] {
  return [...readme.matchAll(BLOCK)].map((m) => m[2]!)
}
