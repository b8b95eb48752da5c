/**
 * Every option of the CLI and every input of the action, declared once. The CLI's parser
 * (src/cli/command-line.ts), the action's (src/action/settings.ts), the usage text and the
 * README's synopses are made from this table; test/options/docs.test.ts checks action.yml and
 * the README's inputs table against it.
 *
 * Adding an option is one entry here plus its use:
 *  1. an entry: `flag` (and `commands`) for the CLI, `input` for the action, or both; a type from
 *     value-types.ts; the default as text (what action.yml declares); one line of description;
 *  2. read it where it is used — `read(OPTIONS.myOption)` in readReviewSettings
 *     (src/options/review-settings.ts) when both the CLI's diff and the action use it, in
 *     readSettings (src/action/settings.ts) or in the command (src/cli/*.ts) otherwise;
 *  3. `npm run gen:docs` rewrites the README's synopses; an input also goes into action.yml and
 *     the README's inputs table, which stay hand-written (the docs test names what is missing).
 * The order of entries is the order of the synopses, of action.yml and of the inputs table.
 */
import { DEFAULT_SYSTEMD_VERSION } from '../model/versions.js'
import { list, single, type Command, type Option } from './option.js'
import {
  ALLOW_ENTRY,
  BOOLEAN,
  choice,
  PATH_PATTERN,
  PLACEHOLDER,
  SCORE,
  SYSTEMD_TARGET,
  SYSTEMD_VERSION,
  TEMPLATE_SUFFIX,
  text,
  THRESHOLD,
} from './value-types.js'

export const OPTIONS = {
  githubToken: single({
    flag: null,
    input: 'github-token',
    commands: [],
    type: text('TOKEN'),
    default: '',
    runnerDefault: '${{ github.token }}',
    description: "token that reads the pull request's files and writes the comment",
  }),
  base: single({
    flag: 'base',
    input: null,
    commands: ['diff'],
    type: text('REV'),
    default: '',
    description: 'base revision (default: the merge base of HEAD with the default branch)',
  }),
  head: single({
    flag: 'head',
    input: null,
    commands: ['diff'],
    type: text('REV'),
    default: '',
    description: 'head revision (default: the work tree, untracked files included)',
  }),
  staged: single({
    flag: 'staged',
    input: null,
    commands: ['diff'],
    type: BOOLEAN,
    default: 'false',
    description:
      'review the staged change (the index, against HEAD unless --base is given) instead of the work tree, as a pre-commit hook does',
  }),
  repo: single({
    flag: 'repo',
    input: null,
    commands: ['diff'],
    type: text('DIR'),
    default: '',
    description: 'a directory of the git repository (default: the current directory)',
  }),
  systemdVersion: single({
    flag: 'systemd-version',
    input: 'systemd-version',
    commands: ['score', 'recommend', 'diff'],
    type: SYSTEMD_TARGET,
    default: DEFAULT_SYSTEMD_VERSION,
    env: 'SYSTEMD_EXPOSURE_VERSION',
    description: "the systemd whose systemd-analyze security is reproduced, or a fleet's range",
  }),
  // Each command's formats are in its own table (src/cli/*-formats.ts); formatOption() gives
  // this option the command's format names as its choices and its first format as the default.
  format: single({
    flag: 'format',
    input: null,
    commands: ['score', 'recommend', 'diff'],
    type: text('FORMAT'),
    default: '',
    description: 'output format',
  }),
  threshold: single({
    flag: 'threshold',
    input: null,
    commands: ['score'],
    type: THRESHOLD,
    default: '100',
    description: "exit 1 when a unit's exposure, times ten, is above N",
  }),
  securityPolicy: single({
    flag: 'security-policy',
    input: null,
    commands: ['score'],
    type: text('FILE'),
    default: '',
    description: 'a JSON security policy, as systemd-analyze --security-policy reads it',
  }),
  paths: list({
    flag: null,
    input: 'paths',
    commands: [],
    type: PATH_PATTERN,
    description: 'globs of the unit files to review (default: every file); !glob excludes',
  }),
  failOnCapabilityWidening: single({
    flag: 'fail-on-capability-widening',
    input: 'fail-on-capability-widening',
    commands: ['diff'],
    type: BOOLEAN,
    default: 'true',
    description: 'fail when a service can hold a capability it could not hold before',
  }),
  failOnNewWaiver: single({
    flag: 'fail-on-new-waiver',
    input: 'fail-on-new-waiver',
    commands: ['diff'],
    type: BOOLEAN,
    default: 'false',
    description: 'fail when a widening is accepted only by a waiver the change itself adds',
  }),
  maxExposure: single({
    flag: 'max-exposure',
    input: 'max-exposure',
    commands: ['diff'],
    type: SCORE,
    default: '',
    description: "fail when a changed service's exposure after the change is above this",
  }),
  maxExposureIncrease: single({
    flag: 'max-exposure-increase',
    input: 'max-exposure-increase',
    commands: ['diff'],
    type: SCORE,
    default: '',
    description: "fail when a service's exposure rises by more than this",
  }),
  failOnRegression: single({
    flag: 'fail-on-regression',
    input: 'fail-on-regression',
    commands: ['diff'],
    type: BOOLEAN,
    default: 'false',
    description: 'fail when any setting of a changed service gets worse',
  }),
  failOnInvalidUnit: single({
    flag: 'fail-on-invalid-unit',
    input: 'fail-on-invalid-unit',
    commands: ['diff'],
    type: BOOLEAN,
    default: 'false',
    description: 'fail when a changed unit cannot be loaded (systemd would refuse it)',
  }),
  failOnUnreadableUnit: single({
    flag: 'fail-on-unreadable-unit',
    input: 'fail-on-unreadable-unit',
    commands: ['diff'],
    type: BOOLEAN,
    default: 'true',
    description:
      'fail when a changed unit cannot be read or assessed (too large, a link out of the repository, a Git LFS pointer, an unresolvable template)',
  }),
  allowCapabilities: list({
    flag: 'allow-capability',
    input: 'allow-capabilities',
    commands: ['diff'],
    type: ALLOW_ENTRY,
    description: 'a capability accepted without a waiver, for every service or for one unit',
  }),
  templateSuffixes: list({
    flag: 'template-suffix',
    input: 'template-suffixes',
    commands: ['diff'],
    type: TEMPLATE_SUFFIX,
    description:
      'a build-template suffix besides .in, .j2, .jinja, .jinja2 and .tmpl: foo.service.notify is reviewed as foo.service',
  }),
  templatePlaceholders: list({
    flag: 'template-placeholder',
    input: 'template-placeholders',
    commands: ['diff'],
    type: PLACEHOLDER,
    description: 'a value for a build-template placeholder, e.g. user=cockpit-ws for @user@',
  }),
  include: list({
    flag: 'include',
    input: null,
    commands: ['diff'],
    type: text('GLOB'),
    description: 'review only the unit files matching GLOB (default: every file)',
  }),
  exclude: list({
    flag: 'exclude',
    input: null,
    commands: ['diff'],
    type: text('GLOB'),
    description: 'skip the unit files matching GLOB (node_modules, vendor, third_party, Godeps/_workspace always are)',
  }),
  comment: single({
    flag: null,
    input: 'comment',
    commands: [],
    type: choice(['update', 'new', 'off'] as const),
    default: 'update',
    description: 'the PR comment: one edited in place, a new one each run, or none',
  }),
  reviewComments: single({
    flag: null,
    input: 'review-comments',
    commands: [],
    type: BOOLEAN,
    default: 'true',
    description:
      "inline review comments on the pull request's changed lines that widen a privilege or make a setting worse, with a suggested fix where one is safe",
  }),
  sarifFile: single({
    flag: null,
    input: 'sarif-file',
    commands: [],
    type: text('PATH'),
    default: '',
    description: 'also write the findings as SARIF 2.1.0 to PATH (relative to the workspace), for code scanning',
  }),
  workingDirectory: single({
    flag: null,
    input: 'working-directory',
    commands: [],
    type: text('DIR'),
    default: '.',
    description: 'the checkout, relative to the workspace',
  }),
  conformanceVersions: list({
    flag: 'systemd-version',
    input: null,
    commands: ['conformance'],
    type: SYSTEMD_VERSION,
    description: 'a systemd version to compare (default: every one)',
  }),
  live: single({
    flag: 'live',
    input: null,
    commands: ['conformance'],
    type: BOOLEAN,
    default: 'false',
    description: "run systemd-analyze through the oracle instead of reading the corpus's goldens",
  }),
  goldens: single({
    flag: 'goldens',
    input: null,
    commands: ['conformance'],
    type: text('DIR'),
    default: '',
    description: 'the goldens (default: DIR/golden)',
  }),
  oracle: single({
    flag: 'oracle',
    input: null,
    commands: ['conformance'],
    type: text('FILE'),
    default: '',
    description: 'the oracle script --live runs (default: DIR/../oracle/analyze)',
  }),
  verbose: single({
    flag: 'verbose',
    input: null,
    commands: ['conformance'],
    type: BOOLEAN,
    default: 'false',
    description: 'also list the targets that are identical',
  }),
} satisfies Record<string, Option>

/** The table's entries in order. */
export const ALL_OPTIONS: readonly Option[] = Object.values(OPTIONS)

/** The options a CLI command takes, in table order. */
export function commandOptions(command: Command): Option[] {
  return ALL_OPTIONS.filter((o) => o.commands.includes(command))
}

/** The action's inputs, in table order. */
export function actionInputs(): Option[] {
  return ALL_OPTIONS.filter((o) => o.input !== null)
}
