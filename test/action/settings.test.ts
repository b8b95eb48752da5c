import { describe, expect, it } from 'vitest'
import { InputError, readSettings } from '../../src/action/settings.js'
import { readDiffOptions } from '../../src/cli/diff.js'
import { DEFAULT_FILTER } from '../../src/diff/affected.js'
import { DEFAULT_GATE } from '../../src/diff/gate.js'

/** The action's inputs as the runner passes them: every input, '' when the workflow sets none. */
const settings = (inputs: Record<string, string>) => readSettings((name) => inputs[name] ?? '')

describe("the action's inputs", () => {
  it('take the range a fleet runs: the review scores with its oldest supported version, advice targets all of it', () => {
    const s = settings({ 'systemd-version': '252-257' })
    expect(s.version).toBe('252')
    expect(s.target).toEqual({ text: '252-257', oldest: 252, versions: ['252', '254', '257'] })
  })

  it('take the defaults of the option table when empty', () => {
    expect(settings({})).toEqual({
      token: '',
      version: '252',
      target: { text: '252', oldest: 252, versions: ['252'] },
      gate: DEFAULT_GATE,
      filter: DEFAULT_FILTER,
      allow: [],
      templateSuffixes: ['.in', '.j2', '.jinja', '.jinja2', '.tmpl'],
      templatePlaceholders: {},
      comment: 'update',
      reviewComments: true,
      workingDirectory: '.',
      sarifFile: '',
    })
  })

  it('take the one boolean grammar: YAML 1.2 words as before, and yes/no, on/off, 1/0', () => {
    for (const word of ['true', 'True', 'TRUE', 'yes', 'On', '1'])
      expect(settings({ 'fail-on-regression': word }).gate.failOnRegression, word).toBe(true)
    for (const word of ['false', 'False', 'FALSE', 'no', 'OFF', '0']) {
      expect(settings({ 'fail-on-capability-widening': ` ${word}\n` }).gate.failOnCapabilityWidening, word).toBe(false)
    }
  })

  it('read build-template suffixes (.in always) and placeholder values', () => {
    const s = settings({
      'template-suffixes': '.notify\n.simple\n.in',
      'template-placeholders': 'user=cockpit-ws\nPACKAGE=unbound',
    })
    expect(s.templateSuffixes).toEqual(['.in', '.j2', '.jinja', '.jinja2', '.tmpl', '.notify', '.simple'])
    expect(s.templatePlaceholders).toEqual({ user: 'cockpit-ws', PACKAGE: 'unbound' })
    expect(settings({ 'fail-on-unreadable-unit': 'false' }).gate.failOnUnreadableUnit).toBe(false)
    expect(settings({ 'fail-on-new-waiver': 'true' }).gate.failOnNewWaiver).toBe(true)
  })

  it('refuse a value with a message naming the input and what it takes', () => {
    const refused: [Record<string, string>, string][] = [
      [
        { 'fail-on-regression': 'maybe' },
        "input 'fail-on-regression' must be true or false (true, yes, on, 1 / false, no, off, 0, in any case), got 'maybe'",
      ],
      [
        { 'max-exposure': '7.25' },
        "input 'max-exposure' must be an exposure score from 0.0 to 10.0 with at most one decimal, got '7.25'",
      ],
      [
        { 'systemd-version': '249' },
        "input 'systemd-version' must be one of 252, 254, 257, 262, or a range OLDEST-NEWEST (such as 252-257) that contains one of them, got '249'",
      ],
      [
        { 'systemd-version': '258-260' },
        "input 'systemd-version' must be one of 252, 254, 257, 262, or a range OLDEST-NEWEST (such as 252-257) that contains one of them, got '258-260'",
      ],
      [{ comment: 'sticky' }, "input 'comment' must be one of update, new, off, got 'sticky'"],
      [
        { 'allow-capabilities': 'CAP_KILL\nCAP_NOPE' },
        "input 'allow-capabilities' must be CAP_NAME or UNIT:CAP_NAME, got 'CAP_NOPE'",
      ],
      [{ paths: 'units/**\n!' }, "input 'paths' must be a glob, or !glob to exclude, got '!'"],
      [
        { 'template-suffixes': 'notify' },
        "input 'template-suffixes' must be a suffix such as .notify (a dot, then letters, digits, _ or -), got 'notify'",
      ],
      [
        { 'template-placeholders': '@user@' },
        "input 'template-placeholders' must be NAME=VALUE, e.g. user=cockpit-ws, got '@user@'",
      ],
    ]
    for (const [inputs, message] of refused) {
      expect(() => settings(inputs)).toThrow(InputError)
      expect(() => settings(inputs)).toThrow(message)
    }
  })

  it('read lists one item per line, without blank and comment lines', () => {
    const s = settings({
      paths: 'units/**\r\n  !units/legacy/**\n\n# old ones\n',
      'allow-capabilities': 'chronyd.service:cap_sys_time\n\nCAP_NET_RAW\n',
    })
    expect(s.filter).toEqual({ include: ['units/**'], exclude: [...DEFAULT_FILTER.exclude, 'units/legacy/**'] })
    expect(s.allow).toEqual([
      { unit: 'chronyd.service', capability: 'CAP_SYS_TIME' },
      { unit: null, capability: 'CAP_NET_RAW' },
    ])
  })

  it("give the same review settings as the CLI's diff options saying the same", () => {
    const pairs: [Record<string, string>, string[]][] = [
      [{}, []],
      [
        {
          'systemd-version': '262',
          'max-exposure': '7.0',
          'max-exposure-increase': '0.5',
          'fail-on-regression': 'true',
          'fail-on-capability-widening': 'false',
        },
        [
          '--systemd-version',
          '262',
          '--max-exposure',
          '7.0',
          '--max-exposure-increase=0.5',
          '--fail-on-regression',
          '--fail-on-capability-widening',
          'false',
        ],
      ],
      [
        {
          'fail-on-invalid-unit': 'yes',
          paths: 'units/**\n!units/old/**',
          'allow-capabilities': 'a.service:CAP_KILL\nCAP_BPF',
        },
        [
          '--fail-on-invalid-unit',
          '--include',
          'units/**',
          '--exclude',
          'units/old/**',
          '--allow-capability',
          'a.service:CAP_KILL',
          '--allow-capability',
          'CAP_BPF',
        ],
      ],
    ]
    for (const [inputs, args] of pairs) {
      // The CLI writes SARIF to stdout (--format sarif): sarif-file is the action's own, as the rest
      // (review comments, too).
      const {
        token: _t,
        comment: _c,
        reviewComments: _r,
        workingDirectory: _w,
        sarifFile: _s,
        ...review
      } = settings(inputs)
      expect(readDiffOptions(args, {}).review, args.join(' ')).toEqual(review)
    }
  })
})
