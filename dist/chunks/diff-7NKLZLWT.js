import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  MAX_UNIT_FILE_BYTES,
  UnitFileTooLarge
} from "./chunk-IGR2VK4I.js";
import {
  recommendUnitFile,
  suggestRegressionFix
} from "./chunk-5H722F3N.js";
import {
  parseChoice,
  parseVersion
} from "./chunk-7CPUXHYH.js";
import {
  ASSESSORS,
  CAPABILITY_NAMES,
  UsageError,
  VERSION_TRAITS,
  __commonJS,
  __toESM,
  assessUnitFile,
  basename,
  capabilityBit,
  capabilityNames,
  dirname,
  findDropIns,
  formatExposure,
  unitNameKind,
  unitType,
  withInstance
} from "./chunk-O4AFDTFO.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code2) => {
      return code2 === CHAR_FORWARD_SLASH || code2 === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code2;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code2;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code2 = advance();
        let next;
        if (code2 === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code2 = advance();
          if (code2 === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code2 === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code2 = advance())) {
            if (code2 === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code2 === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code2 === CHAR_DOT && (code2 = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code2 === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code2 === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code2 === CHAR_PLUS || code2 === CHAR_AT || code2 === CHAR_ASTERISK || code2 === CHAR_QUESTION_MARK || code2 === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code2 === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code2 = advance())) {
                if (code2 === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code2 === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code2 === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code2 === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code2 === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code2 === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code2 = advance())) {
              if (code2 === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code2 === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code2 === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code2)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix = POSIX_REGEX_SOURCE[rest2];
                if (posix) {
                  prev.value = pre + posix;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix });
        const result = { glob, state, regex, posix, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// src/cli/diff.ts
import { parseArgs } from "node:util";

// src/diff/affected.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
var DEFAULT_FILTER = {
  include: ["**"],
  exclude: ["**/node_modules/**", "**/.git/**", "**/vendor/**", "**/third_party/**"]
};
function isServiceUnitPath(path) {
  const name = basename(path);
  return unitType(name) === "service" && unitNameKind(name) !== null && !dirname(path).endsWith(".d");
}
function dropInParentDir(path) {
  const dir = dirname(path);
  return dir.endsWith(".d") ? dirname(dir) : null;
}
function touchedDirectories(changes) {
  const dirs = /* @__PURE__ */ new Set();
  for (const c of changes) {
    for (const p of c.oldPath !== void 0 ? [c.path, c.oldPath] : [c.path]) {
      if (isServiceUnitPath(p)) dirs.add(dirname(p));
      const parent = dropInParentDir(p);
      if (parent !== null) dirs.add(parent);
    }
  }
  return dirs;
}
function isInTouchedDirectory(path, dirs) {
  const dir = dirname(path);
  return dirs.has(dir) || dir.endsWith(".d") && dirs.has(dirname(dir));
}
function loadedName(path, traits) {
  const name = basename(path);
  return unitNameKind(name) === "template" ? withInstance(name, traits.templateInstance) : name;
}
function affectedServices(base, head, changes, traits, filter = DEFAULT_FILTER) {
  const included = (0, import_picomatch.default)([...filter.include], { dot: true });
  const excluded = (0, import_picomatch.default)([...filter.exclude], { dot: true });
  const inScope = (p) => included(p) && !excluded(p);
  const changed = new Set(changes.flatMap((c) => c.oldPath !== void 0 ? [c.path, c.oldPath] : [c.path]));
  const touchedDirs = touchedDirectories(changes);
  const candidates = /* @__PURE__ */ new Set();
  for (const snap of [base, head]) {
    for (const dir of touchedDirs) {
      for (const name of snap.source.list(dir) ?? []) {
        const p = dir === "." ? name : `${dir}/${name}`;
        if (snap.paths.has(p) && isServiceUnitPath(p) && inScope(p)) candidates.add(p);
      }
    }
  }
  const causesOf = (path) => {
    const causes = /* @__PURE__ */ new Set();
    if (changed.has(path)) causes.add(path);
    for (const snap of [base, head]) {
      if (!snap.paths.has(path)) continue;
      for (const d of findDropIns(snap.source, dirname(path), loadedName(path, traits))) if (changed.has(d)) causes.add(d);
    }
    return [...causes].sort();
  };
  const renamedFrom = /* @__PURE__ */ new Map();
  for (const c of changes) if (c.status === "renamed" && c.oldPath !== void 0) renamedFrom.set(c.path, c.oldPath);
  const headSide = [];
  const baseOnly = [];
  for (const p of [...candidates].sort()) {
    const causes = causesOf(p);
    if (causes.length === 0) continue;
    if (head.paths.has(p)) headSide.push(p);
    else baseOnly.push(p);
  }
  for (const to of renamedFrom.keys()) if (isServiceUnitPath(to) && inScope(to) && !headSide.includes(to)) headSide.push(to);
  const out = [];
  const pairedBase = /* @__PURE__ */ new Set();
  for (const p of headSide.sort()) {
    const from = renamedFrom.get(p);
    let basePath = base.paths.has(p) ? p : null;
    let status = basePath ? "modified" : "added";
    if (!basePath && from !== void 0 && base.paths.has(from) && isServiceUnitPath(from)) {
      basePath = from;
      status = "renamed";
    }
    if (!basePath) {
      const moved = baseOnly.find((b) => !pairedBase.has(b) && basename(b) === basename(p));
      if (moved) {
        basePath = moved;
        status = "renamed";
      }
    }
    if (basePath) pairedBase.add(basePath);
    out.push({ status, headPath: p, basePath, causes: [.../* @__PURE__ */ new Set([...causesOf(p), ...basePath && basePath !== p ? causesOf(basePath) : []])].sort() });
  }
  for (const b of baseOnly) {
    if (pairedBase.has(b) || [...renamedFrom.values()].includes(b)) continue;
    out.push({ status: "removed", headPath: null, basePath: b, causes: causesOf(b) });
  }
  return out;
}

// src/diff/capabilities.ts
var KNOWN_CAPS = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n;
var EXTRA_COMMANDS = ["ExecStartPre", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost", "ExecCondition"];
function capabilityCeiling(s) {
  const runsAsRoot = s.user === null || s.user === "" || s.user === "root" || s.user === "0";
  const canGainPrivileges = !s.noNewPrivileges;
  const privilegedExec = [];
  for (const list of Object.values(s.exec)) {
    for (const c of list) if (c.fullyPrivileged || c.noSetuid || c.ambientMagic) privilegedExec.push(c.source);
  }
  if (s.permissionsStartOnly) {
    for (const d of EXTRA_COMMANDS) for (const c of s.exec[d] ?? []) privilegedExec.push(c.source);
  }
  const bounding = s.capabilityBoundingSet & KNOWN_CAPS;
  if (privilegedExec.length > 0) {
    return { caps: KNOWN_CAPS, runsAsRoot, canGainPrivileges, privilegedExec, reason: "full-privilege-exec" };
  }
  if (runsAsRoot || canGainPrivileges) {
    return { caps: bounding, runsAsRoot, canGainPrivileges, privilegedExec, reason: "bounding-set" };
  }
  return { caps: s.ambientCapabilities & bounding, runsAsRoot, canGainPrivileges, privilegedExec, reason: "ambient" };
}

// src/diff/trace.ts
var identity = (svc, a) => `${a.file === svc.fragmentPath ? "<unit>" : basename(a.file)}\0${a.section}\0${a.key}\0${a.value}`;
function changedLines(base, head, keys) {
  const wanted = new Set(keys);
  const collect = (svc) => svc ? svc.files.flatMap((f) => f.assignments.filter((a) => wanted.has(a.key))) : [];
  const baseLines = collect(base);
  const headLines = collect(head);
  const count = /* @__PURE__ */ new Map();
  for (const a of baseLines) count.set(identity(base, a), (count.get(identity(base, a)) ?? 0) + 1);
  const added = [];
  for (const a of headLines) {
    const k = identity(head, a);
    const n = count.get(k) ?? 0;
    if (n > 0) count.set(k, n - 1);
    else added.push({ file: a.file, line: a.line, removed: false, text: `${a.key}=${a.value}` });
  }
  const headCount = /* @__PURE__ */ new Map();
  for (const a of headLines) headCount.set(identity(head, a), (headCount.get(identity(head, a)) ?? 0) + 1);
  const removed = [];
  for (const a of baseLines) {
    const k = identity(base, a);
    const n = headCount.get(k) ?? 0;
    if (n > 0) headCount.set(k, n - 1);
    else removed.push({ file: a.file, line: a.line, removed: true, text: `${a.key}=${a.value}` });
  }
  return [...added.reverse(), ...removed];
}
function blame(base, head, keys) {
  return changedLines(base, head, keys)[0] ?? null;
}

// src/diff/compare.ts
var READS = new Map(ASSESSORS.map((a) => [a.id, a.reads]));
var exposureRef = (a) => a && a.ok ? { exposure: Number(formatExposure(a.exposure)), verdict: a.verdict } : null;
function rowChanges(base, head) {
  const regressions = [];
  const improvements = [];
  const before = new Map(base?.rows.map((r) => [r.id, r]) ?? []);
  for (const a of ASSESSORS) {
    const h = head.rows.find((r) => r.id === a.id);
    const b = before.get(a.id);
    if (h.badness === null || base && (!b || b.badness === null)) continue;
    const was = b?.badness ?? 0;
    if (h.badness === was) continue;
    const line = blame(base?.service ?? null, head.service, READS.get(a.id) ?? []);
    const change = {
      id: a.id,
      before: base ? was : null,
      after: h.badness,
      range: h.range,
      description: h.description,
      file: line?.file ?? null,
      line: line?.line ?? null,
      removedLine: line?.removed ?? false
    };
    if (h.badness > was) regressions.push(change);
    else improvements.push(change);
  }
  return { regressions, improvements };
}
var BOUNDING_KEYS = ["CapabilityBoundingSet", "PrivateDevices", "ProtectKernelModules", "ProtectKernelLogs", "ProtectClock"];
var IDENTITY_KEYS = ["User", "DynamicUser", "NoNewPrivileges"];
var EXEC_KEYS = ["ExecCondition", "ExecStartPre", "ExecStart", "ExecStartPost", "ExecReload", "ExecStop", "ExecStopPost", "PermissionsStartOnly"];
function widenedCapabilities(base, head, waivers, allow) {
  const after = capabilityCeiling(head.state);
  const before = base ? capabilityCeiling(base.state) : null;
  const beforeCaps = before?.caps ?? 0n;
  const added = after.caps & ~beforeCaps;
  const removed = beforeCaps & ~after.caps;
  const cause = explain(base, before, head, after);
  const widened = capabilityNames(added).map((cap) => {
    const waiver = waivers.find((w) => w.capabilities.includes(cap));
    const allowed = allow.find((e) => e.capability === cap && (e.unit === null || e.unit === head.unit));
    const accepted = waiver ? { reason: waiver.reason, by: "waiver", file: waiver.file, line: waiver.line } : allowed ? { reason: `allowed by configuration (${allowed.unit ? `${allowed.unit}:` : ""}${cap})`, by: "allow-list" } : null;
    return {
      capability: cap,
      cause: cause.text,
      file: cause.line?.file ?? null,
      line: cause.line?.line ?? null,
      removedLine: cause.line?.removed ?? false,
      accepted
    };
  });
  return { added: capabilityNames(added), removed: capabilityNames(removed), widened };
}
function explain(base, before, head, after) {
  if (!base || !before) {
    const line = blame(null, head, [...IDENTITY_KEYS, ...BOUNDING_KEYS, "AmbientCapabilities", ...EXEC_KEYS]);
    return { text: `new service: ${describeCeiling(after)}`, line };
  }
  if (after.reason === "full-privilege-exec" && before.reason !== "full-privilege-exec") {
    const line = blame(base, head, EXEC_KEYS);
    return { text: "a command now runs with full privileges (+, ! or !! prefix, or PermissionsStartOnly=yes)", line };
  }
  if (after.reason === "bounding-set" && before.reason === "ambient") {
    const line = blame(base, head, IDENTITY_KEYS);
    const why = after.runsAsRoot ? "the service now runs as root" : "NoNewPrivileges= no longer stops privilege gain";
    return { text: `${why}, so its whole bounding set is reachable`, line };
  }
  if (after.reason === "bounding-set") {
    return { text: "the capability bounding set grew", line: blame(base, head, BOUNDING_KEYS) };
  }
  return {
    text: "new ambient capabilities",
    line: blame(base, head, ["AmbientCapabilities"]) ?? blame(base, head, ["CapabilityBoundingSet"])
  };
}
function describeCeiling(c) {
  if (c.reason === "full-privilege-exec") return "a command runs with full privileges";
  if (c.reason === "ambient") return "ambient capabilities";
  return c.runsAsRoot ? "runs as root with this bounding set" : "can gain privileges (no NoNewPrivileges=) up to this bounding set";
}

// src/diff/gate.ts
var tenths = (x) => Math.round(x * 10);
function gateFailures(services, gate) {
  const failures = [];
  for (const s of services) {
    const at = { unit: s.unit, path: s.path };
    if (gate.failOnCapabilityWidening) {
      const open = s.capabilities.widened.filter((w) => w.accepted === null);
      if (open.length > 0) {
        failures.push({
          kind: "capability-widening",
          ...at,
          message: `${s.unit} can now hold ${open.map((w) => w.capability).join(", ")}`
        });
      }
    }
    if (gate.maxExposure !== null && s.after && tenths(s.after.exposure) > tenths(gate.maxExposure)) {
      failures.push({ kind: "max-exposure", ...at, message: `${s.unit} exposure ${s.after.exposure.toFixed(1)} is above the maximum ${gate.maxExposure.toFixed(1)}` });
    }
    if (gate.maxExposureIncrease !== null && s.delta !== null && tenths(s.delta) > tenths(gate.maxExposureIncrease)) {
      failures.push({ kind: "exposure-increase", ...at, message: `${s.unit} exposure rose by ${s.delta.toFixed(1)}, more than ${gate.maxExposureIncrease.toFixed(1)}` });
    }
    if (gate.failOnRegression && s.regressions.length > 0) {
      failures.push({ kind: "regression", ...at, message: `${s.unit} regressed on ${s.regressions.map((r) => r.id).join(", ")}` });
    }
    if (gate.failOnInvalidUnit && s.status !== "removed" && s.errors.after !== null) {
      failures.push({ kind: "invalid-unit", ...at, message: `${s.unit}: ${s.errors.after}` });
    }
  }
  return failures;
}

// src/diff/report.ts
var REPORT_SCHEMA_VERSION = 1;

// src/diff/waivers.ts
var WAIVER = /^[ \t]*[#;][ \t]*systemd-exposure:[ \t]*allow\b(.*)$/i;
function findWaivers(file, bytes) {
  const waivers = [];
  const problems = [];
  const text = Buffer.from(bytes).toString("utf8");
  if (!text.includes("systemd-exposure:")) return { waivers, problems };
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((l, i) => {
    const m = WAIVER.exec(l);
    if (!m) return;
    const [capsPart, ...reasonParts] = m[1].split(/[ \t]--(?:[ \t]|$)/);
    const reason = reasonParts.join(" -- ").trim();
    const caps = capsPart.split(/[\s,]+/).filter((c) => c !== "").map((c) => c.toUpperCase());
    const unknown = caps.filter((c) => capabilityBit(c) === null);
    if (caps.length === 0 || unknown.length > 0) {
      problems.push({ file, line: i + 1, message: `waiver names no valid capability${unknown.length ? ` (${unknown.join(", ")})` : ""}; ignored` });
    } else if (reason === "") {
      problems.push({ file, line: i + 1, message: 'waiver has no reason after "--"; ignored (a reason is mandatory)' });
    } else waivers.push({ capabilities: caps, reason, file, line: i + 1 });
  });
  return { waivers, problems };
}
function parseAllowEntry(text) {
  const colon = text.lastIndexOf(":");
  const unit = colon >= 0 ? text.slice(0, colon).trim() : null;
  const capability = (colon >= 0 ? text.slice(colon + 1) : text).trim().toUpperCase();
  if (capabilityBit(capability) === null || unit === "") return null;
  return { unit, capability };
}

// src/diff/diff.ts
function diffSnapshots(base, head, changes, settings) {
  const traits = VERSION_TRAITS[settings.version];
  const affected = affectedServices(base, head, changes, traits, settings.filter ?? DEFAULT_FILTER);
  const recommend = (settings.recommend ?? true) && affected.length <= RECOMMEND_LIMIT;
  const services = affected.map((a) => compareService(a, base, head, settings, recommend));
  const failures = gateFailures(services, settings.gate);
  const after = services.map((s) => s.after?.exposure).filter((x) => x !== void 0);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "systemd-exposure", version: settings.toolVersion ?? "0.0.0" },
    systemdVersion: settings.version,
    base: { rev: base.rev },
    head: { rev: head.rev },
    verdict: failures.length > 0 ? "fail" : "pass",
    failures,
    summary: {
      servicesChanged: services.length,
      capabilitiesWidened: services.reduce((n, s) => n + s.capabilities.widened.filter((w) => w.accepted === null).length, 0),
      regressions: services.reduce((n, s) => n + s.regressions.length, 0),
      maxExposureAfter: after.length > 0 ? Math.max(...after) : null
    },
    services
  };
}
var RECOMMEND_LIMIT = 50;
function compareService(a, base, head, settings, recommend) {
  const traits = VERSION_TRAITS[settings.version];
  const options = { version: settings.version };
  const before = a.basePath ? assessUnitFile(base.source, a.basePath, options) : null;
  const after = a.headPath ? assessUnitFile(head.source, a.headPath, options) : null;
  const path = a.headPath ?? a.basePath;
  const unit = (after?.unit ?? before?.unit) || loadedName(path, traits) || basename(path);
  const waivers = [];
  const warnings = [];
  if (after?.ok) {
    for (const f of [after.service.fragmentPath, ...after.service.dropInPaths]) {
      const bytes = head.source.read(f);
      if (!bytes) continue;
      const found = findWaivers(f, bytes);
      waivers.push(...found.waivers);
      warnings.push(...found.problems);
    }
  }
  for (const d of after?.diagnostics ?? []) warnings.push({ file: d.file, line: d.line, message: d.message });
  const rows = after?.ok ? rowChanges(before?.ok ? before : null, after) : { regressions: [], improvements: [] };
  const regressions = recommend && before?.ok && after?.ok ? rows.regressions.map((r) => {
    const fix = suggestRegressionFix({ base: before.service, head: after.service, rowId: r.id, version: settings.version });
    return { ...r, fix: fix ? { kind: fix.kind, lines: fix.lines, remove: fix.remove, reason: fix.reason } : null };
  }) : rows.regressions;
  let recommendation = null;
  if (recommend && after?.ok && a.headPath) {
    const rec = recommendUnitFile(head.source, a.headPath, { version: settings.version });
    if (rec.ok && rec.phases.length > 0) {
      recommendation = {
        phases: rec.phases.map((p) => ({
          name: p.name,
          risk: p.risk,
          directives: p.directives.map((d) => `${d.directive}=${d.value}`),
          exposure: p.exposure,
          verdict: p.verdict
        })),
        predicted: rec.predicted,
        dropin: rec.dropin
      };
    }
  }
  const caps = after?.ok ? widenedCapabilities(before?.ok ? before.service : null, after.service, waivers, settings.allow ?? []) : { added: [], removed: [], widened: [] };
  const b = exposureRef(before);
  const h = exposureRef(after);
  return {
    unit,
    status: a.status,
    path,
    basePath: a.basePath,
    before: b,
    after: h,
    delta: b && h && before?.ok && after?.ok ? Number(formatSigned(after.exposure - before.exposure)) : null,
    capabilities: caps,
    regressions,
    improvements: rows.improvements,
    errors: {
      before: before && !before.ok ? before.error : null,
      after: after && !after.ok ? after.error : null
    },
    warnings,
    changedFiles: a.causes,
    recommendation
  };
}
var formatSigned = (tenths2) => (tenths2 < 0 ? "-" : "") + formatExposure(Math.abs(tenths2));

// src/diff/snapshot.ts
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
function directoryIndex(paths) {
  const dirs = /* @__PURE__ */ new Map();
  for (const p of paths) {
    let child = p;
    for (let dir = dirname(p); ; dir = dirname(dir)) {
      let entries = dirs.get(dir);
      if (!entries) dirs.set(dir, entries = /* @__PURE__ */ new Set());
      entries.add(basename(child));
      if (dir === "." || dir === "/") break;
      child = dir;
    }
  }
  return dirs;
}
function memorySnapshot(rev, files) {
  const paths = new Set(files.keys());
  const dirs = directoryIndex(paths);
  return {
    rev,
    paths,
    source: {
      read: (p) => files.get(normalize(p)) ?? null,
      list: (d) => {
        const e = dirs.get(normalize(d) || ".");
        return e ? [...e] : null;
      }
    }
  };
}
function normalize(p) {
  return p.startsWith("./") ? p.slice(2) : p;
}
function gitSnapshot(rev, tree, blobs, wanted) {
  const files = /* @__PURE__ */ new Map();
  const resolveLink = (path, depth) => {
    const entry = tree.get(path);
    if (!entry) return null;
    const content = blobs.get(entry.sha) ?? null;
    if (entry.mode !== "120000" || content === null) return content;
    const target = Buffer.from(content).toString("utf8");
    if (target === "/dev/null") return new Uint8Array(0);
    if (depth > 8 || target.startsWith("/")) return null;
    return resolveLink(normalizeJoin(dirname(path), target), depth + 1);
  };
  for (const path of tree.keys()) files.set(path, wanted(path) ? resolveLink(path, 0) : null);
  return memorySnapshot(rev, files);
}
function wantedBlobs(tree, wanted) {
  const out = [];
  for (const [path, e] of tree) if (wanted(path) || e.mode === "120000") out.push(e.sha);
  return out;
}
function normalizeJoin(dir, rel) {
  const parts = (dir === "." ? [] : dir.split("/")).concat(rel.split("/"));
  const out = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return out.join("/");
}
function worktreeSnapshot(root, paths) {
  const set = new Set(paths);
  const dirs = directoryIndex(set);
  return {
    rev: null,
    paths: set,
    source: {
      read(p) {
        const rel = normalize(p);
        if (!set.has(rel)) return null;
        const full = join(root, rel);
        try {
          const st = statSync(full);
          if (st.isCharacterDevice()) return new Uint8Array(0);
          if (!st.isFile()) return null;
          if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(rel, st.size);
          return readFileSync(full);
        } catch (e) {
          if (e instanceof UnitFileTooLarge) throw e;
          return null;
        }
      },
      list: (d) => {
        const e = dirs.get(normalize(d) || ".");
        return e ? [...e] : null;
      }
    }
  };
}

// src/diff/from-git.ts
function snapshotsFromGit(repo, base, head, pathspecs = [], knownChanges) {
  const changes = knownChanges ?? repo.changes(base, head, pathspecs);
  const dirs = touchedDirectories(changes);
  const wanted = (p) => isInTouchedDirectory(p, dirs);
  const baseTree = repo.tree(base);
  const headTree = head === null ? null : repo.tree(head);
  const blobs = repo.readBlobs([...wantedBlobs(baseTree, wanted), ...headTree ? wantedBlobs(headTree, wanted) : []]);
  return {
    base: gitSnapshot(base, baseTree, blobs, wanted),
    head: headTree ? gitSnapshot(head, headTree, blobs, wanted) : worktreeSnapshot(repo.topLevel(), repo.worktreeFiles()),
    changes
  };
}

// src/git/git.ts
import { execFileSync, spawnSync } from "node:child_process";
var GitError = class extends Error {
};
var MAX_BUFFER = 1 << 30;
var GitRepo = class {
  constructor(dir) {
    this.dir = dir;
  }
  dir;
  run(args, input) {
    try {
      return execFileSync("git", ["-C", this.dir, ...args], {
        encoding: "utf8",
        maxBuffer: MAX_BUFFER,
        stdio: ["pipe", "pipe", "pipe"],
        ...input !== void 0 ? { input } : {}
      });
    } catch (e) {
      const err = e;
      throw new GitError(`git ${args[0]} failed: ${(err.stderr || err.message).trim()}`);
    }
  }
  topLevel() {
    return this.run(["rev-parse", "--show-toplevel"]).trim();
  }
  resolve(rev) {
    return this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).trim();
  }
  mergeBase(a, b) {
    return this.run(["merge-base", a, b]).trim();
  }
  /** The remote's default branch (origin/HEAD), else a local main or master. */
  defaultBranch() {
    const candidates = ["origin/HEAD", "origin/main", "origin/master", "main", "master"];
    for (const c of candidates) {
      try {
        this.resolve(c);
        return c;
      } catch {
      }
    }
    throw new GitError("cannot find the default branch (no origin/HEAD, main or master): pass --base");
  }
  /** Changed files from base to head (null head = the work tree, untracked files included). */
  changes(base, head, pathspecs = []) {
    const args = ["diff", "--no-ext-diff", "--no-color", "-M", "-z", "--name-status", base];
    if (head !== null) args.push(head);
    args.push("--", ...pathspecs);
    const out = parseNameStatus(this.run(args));
    if (head === null) {
      const untracked = this.run(["ls-files", "-z", "--others", "--exclude-standard", "--", ...pathspecs]);
      for (const p of untracked.split("\0")) if (p !== "") out.push({ status: "added", path: p });
    }
    return out;
  }
  /** Every file of a revision's tree, with mode and blob id. */
  tree(rev, pathspecs = []) {
    const out = this.run(["ls-tree", "-r", "-z", "--full-tree", rev, "--", ...pathspecs]);
    const map = /* @__PURE__ */ new Map();
    for (const rec of out.split("\0")) {
      if (rec === "") continue;
      const tab = rec.indexOf("	");
      const [mode, type, sha] = rec.slice(0, tab).split(" ");
      if (type === "blob") map.set(rec.slice(tab + 1), { mode, sha });
    }
    return map;
  }
  /** Files of the work tree that git tracks or would track (not ignored). */
  worktreeFiles(pathspecs = []) {
    const out = this.run(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ...pathspecs]);
    return [...new Set(out.split("\0").filter((p) => p !== ""))];
  }
  /** Contents of many blobs through one `git cat-file --batch`. */
  readBlobs(shas) {
    const unique = [...new Set(shas)];
    const result = /* @__PURE__ */ new Map();
    if (unique.length === 0) return result;
    const r = spawnSync("git", ["-C", this.dir, "cat-file", "--batch"], {
      input: unique.join("\n") + "\n",
      maxBuffer: MAX_BUFFER
    });
    if (r.status !== 0) throw new GitError(`git cat-file failed: ${r.stderr.toString().trim()}`);
    const buf = r.stdout;
    let at = 0;
    for (const sha of unique) {
      const nl = buf.indexOf(10, at);
      const header = buf.subarray(at, nl).toString();
      at = nl + 1;
      const parts = header.split(" ");
      if (parts[1] === "missing" || parts.length < 3) continue;
      const size = Number(parts[2]);
      result.set(sha, buf.subarray(at, at + size));
      at += size + 1;
    }
    return result;
  }
};
function parseNameStatus(out) {
  const fields = out.split("\0");
  const changes = [];
  for (let i = 0; i < fields.length; ) {
    const code2 = fields[i++];
    if (!code2) continue;
    const letter = code2[0];
    if (letter === "R" || letter === "C") {
      const oldPath = fields[i++];
      const path2 = fields[i++];
      changes.push(letter === "R" ? { status: "renamed", path: path2, oldPath } : { status: "added", path: path2 });
      continue;
    }
    const path = fields[i++];
    const status = letter === "A" ? "added" : letter === "D" ? "deleted" : letter === "T" ? "type-changed" : "modified";
    changes.push({ status, path });
  }
  return changes;
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code2 = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code2;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code2 = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code2 === 99) {
      before = ":";
      after = ":";
    } else if (code2 === 108) {
      before = ":";
    } else if (code2 === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code2 = alignments[columnIndex];
        if (code2 === 114) {
          before = " ".repeat(size);
        } else if (code2 === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code2 = typeof value === "string" ? value.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
}

// src/report/escape.ts
var HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function md(text) {
  return text.replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`).replace(/[&<>"']/g, (c) => HTML[c]).replace(/@/g, "&#64;").replace(/[\r\n\t]+/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
}
function code(text) {
  const body = text.replace(/[&<>"']/g, (c) => HTML[c]).replace(/\|/g, "&#124;").replace(/@/g, "&#64;").replace(/[\r\n\t]+/g, " ").replace(/[\u0000-\u001f\u007f]/g, "");
  return `<code>${body}</code>`;
}
function fenced(text, info = "") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")}
${fence}`;
}

// src/report/markdown.ts
var COMPACT_ROWS = 20;
function limit(items, options) {
  if (options.detail !== "compact" || items.length <= COMPACT_ROWS) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, COMPACT_ROWS), hidden: items.length - COMPACT_ROWS };
}
var fmt = (x) => x === null || x === void 0 ? "—" : x.toFixed(1);
var signed = (x) => x === null ? "—" : x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1);
function headline(report) {
  if (report.services.length === 0) return "✅ **systemd-exposure**: no systemd service changed.";
  if (report.verdict === "fail") {
    return `❌ **systemd-exposure: fail** — ${report.failures.length} gate failure${report.failures.length === 1 ? "" : "s"}: ${md(report.failures[0].message)}${report.failures.length > 1 ? " …" : ""}`;
  }
  const widened = report.summary.capabilitiesWidened;
  return `✅ **systemd-exposure: pass** — ${report.services.length} service${report.services.length === 1 ? "" : "s"} changed, ${widened === 0 ? "no capability widened" : `${widened} widened`}.`;
}
function renderMarkdown(report, options = {}) {
  const out = [headline(report), ""];
  const detail = options.detail ?? "full";
  if (report.services.length > 0) {
    const services = limit(report.services, options);
    out.push(servicesTable(services.shown), "");
    if (services.hidden > 0) out.push(`… and ${services.hidden} more services.`, "");
    const failures = report.failures;
    if (failures.length > 0) {
      out.push("### Why it fails", "", ...failures.map((f) => `- ${md(f.message)}`), "");
    }
    const allWidened = report.services.flatMap((s) => s.capabilities.widened.map((w) => ({ s, w })));
    const widened = limit(allWidened, options);
    if (widened.shown.length > 0) out.push("### Capabilities widened", "", widenedTable(widened.shown, options), "");
    if (widened.hidden > 0) out.push(`… and ${widened.hidden} more widened capabilities.`, "");
    const regressions = report.services.flatMap((s) => s.regressions.map((r) => ({ s, r })));
    if (regressions.length > 0 && (detail === "no-regressions" || detail === "compact")) {
      out.push(`${regressions.length} setting${regressions.length === 1 ? "" : "s"} got worse (details left out for size).`, "");
    } else if (regressions.length > 0) {
      out.push(
        "### Regressions",
        "",
        markdownTable([
          ["Service", "Setting", "Before", "After", "Line", "Fix"],
          ...regressions.map(({ s, r }) => [
            code(s.unit),
            code(r.id),
            r.before === null ? "—" : `${r.before}/${r.range}`,
            `${r.after}/${r.range}`,
            where(r.file, r.line, r.removedLine, options),
            fixText(r.fix ?? null)
          ])
        ]),
        ""
      );
    }
    const advised = report.services.filter((s) => s.recommendation !== null);
    if (advised.length > 0) {
      out.push("### Recommended hardening", "");
      out.push(
        markdownTable([
          ["Service", "Now", "Phases (cumulative predicted exposure)", "With the drop-in"],
          ...limit(advised, options).shown.map((s) => [
            code(s.unit),
            fmt(s.after?.exposure),
            s.recommendation.phases.map((p) => `${md(p.name)} → ${p.exposure.toFixed(1)} (${md(p.risk)} risk)`).join("<br>"),
            `${s.recommendation.predicted.toFixed(1)}`
          ])
        ]),
        ""
      );
      if (detail === "full") {
        for (const s of advised) {
          const r = s.recommendation;
          out.push(
            `<details><summary>${code(r.dropin.path)} for ${code(s.unit)} (${fmt(s.after?.exposure)} → ${r.predicted.toFixed(1)})</summary>`,
            "",
            fenced(r.dropin.content, "ini"),
            "",
            "</details>",
            ""
          );
        }
      }
    }
    const errors = report.services.filter((s) => s.errors.after !== null || s.errors.before !== null);
    if (errors.length > 0) {
      out.push("### Units that could not be assessed", "");
      for (const s of errors) {
        if (s.errors.after) out.push(`- ${code(s.path)}: ${md(s.errors.after)}`);
        if (s.errors.before) out.push(`- ${code(s.basePath ?? s.path)} (base): ${md(s.errors.before)}`);
      }
      out.push("");
    }
  }
  if (options.trimmedNote && detail !== "full") out.push(options.trimmedNote, "");
  out.push(`<sub>Scores as <code>systemd-analyze security</code> of systemd ${md(report.systemdVersion)} computes them · systemd-exposure ${md(report.tool.version)}</sub>`);
  return out.join("\n") + "\n";
}
function servicesTable(services) {
  return markdownTable(
    [
      ["Service", "Change", "Before", "After", "Δ", "Verdict"],
      ...services.map((s) => [
        code(s.unit) + (s.status === "renamed" && s.basePath ? ` (from ${code(s.basePath)})` : ""),
        s.status,
        fmt(s.before?.exposure),
        fmt(s.after?.exposure),
        signed(s.delta),
        s.after ? s.after.verdict : s.errors.after ? "not loadable" : "—"
      ])
    ],
    { align: ["l", "l", "r", "r", "r", "l"] }
  );
}
function widenedTable(items, options) {
  return markdownTable([
    ["Service", "Capability", "Cause", "Line", "Accepted"],
    ...items.map(({ s, w }) => [
      code(s.unit),
      code(w.capability),
      md(w.cause),
      where(w.file, w.line, w.removedLine, options),
      w.accepted ? `yes: ${md(w.accepted.reason)}` : "**no**"
    ])
  ]);
}
function fixText(fix) {
  if (!fix) return "—";
  if (fix.kind === "remove") return `remove ${fix.remove.map((l) => code(`${l.file}:${l.line}`)).join(", ")}`;
  return `${fix.kind}: ${fix.lines.map((l) => code(l)).join(" ")}`;
}
function where(file, line, removed, options) {
  if (file === null) return "—";
  const label = code(`${file}${line !== null ? `:${line}` : ""}`) + (removed ? " (removed)" : "");
  const url = removed ? null : options.link?.(file, line) ?? null;
  return url ? `[${label}](${url})` : label;
}

// src/version.ts
var TOOL_VERSION = "0.1.0";

// src/cli/diff.ts
function diffCommand(args, io) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      base: { type: "string" },
      head: { type: "string" },
      repo: { type: "string" },
      "systemd-version": { type: "string" },
      format: { type: "string" },
      "fail-on-capability-widening": { type: "string" },
      "max-exposure": { type: "string" },
      "max-exposure-increase": { type: "string" },
      "fail-on-regression": { type: "boolean" },
      "fail-on-invalid-unit": { type: "boolean" },
      "allow-capability": { type: "string", multiple: true },
      include: { type: "string", multiple: true },
      exclude: { type: "string", multiple: true }
    }
  });
  const version = parseVersion(values["systemd-version"], io.env);
  const format = parseChoice("format", values.format, ["markdown", "json"], "markdown");
  const gate = {
    failOnCapabilityWidening: parseBool("fail-on-capability-widening", values["fail-on-capability-widening"], true),
    maxExposure: parseScore("max-exposure", values["max-exposure"]),
    maxExposureIncrease: parseScore("max-exposure-increase", values["max-exposure-increase"]),
    failOnRegression: values["fail-on-regression"] ?? false,
    failOnInvalidUnit: values["fail-on-invalid-unit"] ?? false
  };
  const allow = (values["allow-capability"] ?? []).map((text) => {
    const e = parseAllowEntry(text);
    if (!e) throw new UsageError(`--allow-capability takes CAP_NAME or UNIT:CAP_NAME, got '${text}'`);
    return e;
  });
  const filter = {
    include: values.include ?? DEFAULT_FILTER.include,
    exclude: [...DEFAULT_FILTER.exclude, ...values.exclude ?? []]
  };
  try {
    const repo = new GitRepo(values.repo ?? io.cwd);
    try {
      repo.topLevel();
    } catch {
      throw new GitError(`${values.repo ?? io.cwd} is not inside a git repository (run diff in one, or pass --repo DIR)`);
    }
    const base = repo.resolve(values.base ?? repo.mergeBase(repo.defaultBranch(), "HEAD"));
    const head = values.head === void 0 ? null : repo.resolve(values.head);
    const input = snapshotsFromGit(repo, base, head, positionals);
    const report = diffSnapshots(input.base, input.head, input.changes, { version, gate, filter, allow, toolVersion: TOOL_VERSION });
    io.stdout(format === "json" ? JSON.stringify(report, null, 2) + "\n" : renderMarkdown(report));
    return report.verdict === "fail" ? 1 : 0;
  } catch (e) {
    if (e instanceof GitError) {
      io.stderr(`systemd-exposure: ${e.message}
`);
      return 2;
    }
    throw e;
  }
}
function parseBool(name, value, fallback) {
  if (value === void 0) return fallback;
  if (/^(true|yes|1|on)$/i.test(value)) return true;
  if (/^(false|no|0|off)$/i.test(value)) return false;
  throw new UsageError(`--${name} must be true or false, got '${value}'`);
}
function parseScore(name, value) {
  if (value === void 0 || value === "") return null;
  if (!/^(10(\.0)?|[0-9](\.[0-9])?)$/.test(value)) {
    throw new UsageError(`--${name} must be a score from 0.0 to 10.0 with one decimal, got '${value}'`);
  }
  return Number(value);
}
export {
  diffCommand,
  parseScore
};
