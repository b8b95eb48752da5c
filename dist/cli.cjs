#!/usr/bin/env node
"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/text/error-message.ts
function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}
var init_error_message = __esm({
  "src/text/error-message.ts"() {
    "use strict";
  }
});

// src/unit/source.ts
function memorySource(files) {
  const enc = new TextEncoder();
  const map = /* @__PURE__ */ new Map();
  for (const [p, c] of Object.entries(files)) map.set(normalize(p), typeof c === "string" ? enc.encode(c) : c);
  const read2 = (p, depth) => {
    const entry2 = map.get(normalize(p));
    if (entry2 === void 0) return null;
    if (entry2 instanceof Uint8Array) return entry2;
    if (entry2.link === "/dev/null") return new Uint8Array(0);
    if (depth > 8 || entry2.link.startsWith("/")) return null;
    return read2(joinPath(dirname(normalize(p)), entry2.link), depth + 1);
  };
  return {
    read: (p) => read2(p, 0),
    link: (p) => {
      const entry2 = map.get(normalize(p));
      return entry2 !== void 0 && !(entry2 instanceof Uint8Array) ? entry2.link : null;
    },
    list: (dir) => {
      const d = normalize(dir);
      const prefix2 = dir.startsWith("/") && d === "" ? "/" : d === "" ? "" : d + "/";
      const names2 = /* @__PURE__ */ new Set();
      for (const p of map.keys()) {
        if (!p.startsWith(prefix2)) continue;
        const name = p.slice(prefix2.length).split("/")[0];
        if (name !== "") names2.add(name);
      }
      return names2.size > 0 ? [...names2] : null;
    }
  };
}
function normalize(p) {
  const parts2 = [];
  for (const part of p.replace(/\/+/g, "/").split("/")) {
    if (part === "." || part === "" && parts2.length > 0) continue;
    if (part === ".." && parts2.length > 0 && parts2[parts2.length - 1] !== ".." && parts2[parts2.length - 1] !== "")
      parts2.pop();
    else parts2.push(part);
  }
  return parts2.join("/").replace(/\/$/, "");
}
function dirname(p) {
  const i = p.lastIndexOf("/");
  if (i < 0) return ".";
  return i === 0 ? "/" : p.slice(0, i);
}
function basename(p) {
  return p.slice(p.lastIndexOf("/") + 1);
}
function joinPath(dir, name) {
  if (dir === "." || dir === "") return name;
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}
function overlaySource(base, files) {
  const enc = new TextEncoder();
  const added = new Map(Object.entries(files).map(([p, text2]) => [p, enc.encode(text2)]));
  const childrenOf = (dir) => {
    const prefix2 = dir === "." || dir === "" ? "" : dir.endsWith("/") ? dir : `${dir}/`;
    const names2 = [];
    for (const p of added.keys()) if (p.startsWith(prefix2)) names2.push(p.slice(prefix2.length).split("/")[0]);
    return names2;
  };
  return {
    read: (p) => added.get(p) ?? base.read(p),
    link: (p) => added.has(p) ? null : base.link(p),
    list: (dir) => {
      const extra = childrenOf(dir);
      const own = base.list(dir);
      if (extra.length === 0) return own;
      return [.../* @__PURE__ */ new Set([...own ?? [], ...extra])];
    }
  };
}
var UnreadableFile;
var init_source = __esm({
  "src/unit/source.ts"() {
    "use strict";
    UnreadableFile = class extends Error {
      constructor(path, reason) {
        super(`${path}: ${reason}`);
        this.path = path;
        this.reason = reason;
      }
      path;
      reason;
    };
  }
});

// src/unit/fs-source.ts
function fileSystemSource() {
  const listings = /* @__PURE__ */ new Map();
  const listing = (dir) => {
    let l = listings.get(dir);
    if (l === void 0) listings.set(dir, l = readListing(dir));
    return l;
  };
  return {
    // Only what its directory lists as a regular file is opened straight away: anything else
    // (a link, perhaps to /dev/null or to a device; a directory that cannot be listed) is
    // stat()ed first, so no device is ever opened (opening some has effects: a watchdog).
    read: (path) => listing(dirname(path))?.regularFiles.has(basename(path)) ? readRegularFile(path) : readCarefully(path),
    list: (dir) => listing(dir)?.names ?? null,
    // Only a name its directory lists as a link is read as one (no readlink() of every file).
    link: (path) => listing(dirname(path))?.links.has(basename(path)) ? readLink(path) : null
  };
}
function readLink(path) {
  try {
    return (0, import_node_fs.readlinkSync)(path);
  } catch {
    return null;
  }
}
function readListing(dir) {
  let entries;
  try {
    entries = (0, import_node_fs.readdirSync)(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const names2 = [];
  const regularFiles = /* @__PURE__ */ new Set();
  const links = /* @__PURE__ */ new Set();
  for (const e of entries) {
    names2.push(e.name);
    if (e.isFile()) regularFiles.add(e.name);
    else if (e.isSymbolicLink()) links.add(e.name);
  }
  return { names: names2, regularFiles, links };
}
function readCarefully(path) {
  const st = (0, import_node_fs.statSync)(path, { throwIfNoEntry: false });
  if (st === void 0) return null;
  if (st.isCharacterDevice()) return new Uint8Array(0);
  return st.isFile() ? readRegularFile(path) : null;
}
function readRegularFile(path) {
  let fd;
  try {
    fd = (0, import_node_fs.openSync)(path, import_node_fs.constants.O_RDONLY | import_node_fs.constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const got = (0, import_node_fs.readSync)(fd, scratch, 0, scratch.length, null);
    if (got > 0 && got < scratch.length) return Uint8Array.prototype.slice.call(scratch, 0, got);
    const st = (0, import_node_fs.fstatSync)(fd);
    if (st.isCharacterDevice()) return new Uint8Array(0);
    if (!st.isFile()) return null;
    if (got === 0) return new Uint8Array(0);
    if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size);
    return readRest(fd, path, scratch.subarray(0, got));
  } catch (e) {
    if (e instanceof UnitFileTooLarge) throw e;
    return null;
  } finally {
    (0, import_node_fs.closeSync)(fd);
  }
}
function readRest(fd, path, head) {
  const chunks = [Buffer.from(head)];
  let total2 = head.length;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (; ; ) {
    const got = (0, import_node_fs.readSync)(fd, chunk, 0, chunk.length, null);
    if (got === 0) break;
    total2 += got;
    if (total2 > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, total2);
    chunks.push(Buffer.from(chunk.subarray(0, got)));
  }
  return Buffer.concat(chunks, total2);
}
var import_node_fs, MAX_UNIT_FILE_BYTES, scratch, UnitFileTooLarge;
var init_fs_source = __esm({
  "src/unit/fs-source.ts"() {
    "use strict";
    import_node_fs = require("node:fs");
    init_source();
    MAX_UNIT_FILE_BYTES = 64 * 1024 * 1024;
    scratch = Buffer.allocUnsafe(64 * 1024);
    UnitFileTooLarge = class extends UnreadableFile {
      constructor(path, size) {
        super(path, `file is ${size} bytes, larger than the ${MAX_UNIT_FILE_BYTES}-byte limit for unit files`);
        this.size = size;
      }
      size;
    };
  }
});

// src/version.ts
var TOOL_VERSION;
var init_version = __esm({
  "src/version.ts"() {
    "use strict";
    TOOL_VERSION = "0.1.0";
  }
});

// src/model/policy.ts
function parseSecurityPolicy(text2, file, traits) {
  let doc;
  try {
    doc = JSON.parse(traits.policyIgnoresExponentNumbers ? hideExponentNumbers(text2) : text2);
  } catch (e) {
    throw new PolicyError(`Failed to parse '${file}': ${errorMessage(e)}`);
  }
  const policy = /* @__PURE__ */ new Map();
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    if (traits.policyMustBeObject) throw new PolicyError(`Security policy '${file}' is not a JSON object`);
    return policy;
  }
  for (const [key, value2] of Object.entries(doc)) {
    if (typeof value2 !== "object" || value2 === null || Array.isArray(value2)) continue;
    const v = value2;
    const entry2 = {};
    const weight = unsigned(v["weight"]);
    const range = unsigned(v["range"]);
    if (weight !== void 0) entry2.weight = weight;
    if (range !== void 0) entry2.range = range;
    if (typeof v["description_good"] === "string") entry2.descriptionGood = v["description_good"];
    if (typeof v["description_bad"] === "string") entry2.descriptionBad = v["description_bad"];
    if (typeof v["description_na"] === "string") entry2.descriptionNa = v["description_na"];
    policy.set(key, entry2);
  }
  return policy;
}
function unsigned(v) {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : void 0;
}
function hideExponentNumbers(text2) {
  return text2.replace(
    /"(?:[^"\\]|\\.)*"|(?<![\d.])-?\d+(?:\.\d+)?[eE]([+-]?\d+)/g,
    (m, exp) => m.startsWith('"') || exp === void 0 || Number(exp) < 3 ? m : `"${m}"`
  );
}
var PolicyError;
var init_policy = __esm({
  "src/model/policy.ts"() {
    "use strict";
    init_error_message();
    PolicyError = class extends Error {
    };
  }
});

// src/model/versions.ts
function isSystemdVersion(v) {
  return SYSTEMD_VERSIONS.includes(v);
}
function releaseHas(version, since) {
  return Number(version) >= since;
}
function targetHas(target, since) {
  return target.oldest >= since && target.versions.every((v) => releaseHas(v, since));
}
function oldestSupportedSince(since) {
  return SYSTEMD_VERSIONS.find((v) => releaseHas(v, since));
}
function singleVersionTarget(version) {
  return { text: version, oldest: Number(version), versions: [version] };
}
function parseSystemdTarget(text2) {
  if (isSystemdVersion(text2)) return singleVersionTarget(text2);
  const m = /^([0-9]{3})-([0-9]{3})$/.exec(text2);
  if (!m) return void 0;
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  const versions = SYSTEMD_VERSIONS.filter((v) => releaseHas(v, lo) && !releaseHas(v, hi + 1));
  return lo <= hi && versions.length > 0 ? { text: text2, oldest: lo, versions } : void 0;
}
var SYSTEMD_VERSIONS, DEFAULT_SYSTEMD_VERSION, CGROUP_CONTROLLERS, VERSION_TRAITS;
var init_versions = __esm({
  "src/model/versions.ts"() {
    "use strict";
    SYSTEMD_VERSIONS = ["252", "254", "257", "262"];
    DEFAULT_SYSTEMD_VERSION = "252";
    CGROUP_CONTROLLERS = [
      "cpu",
      "cpuacct",
      "cpuset",
      "io",
      "blkio",
      "memory",
      "devices",
      "pids",
      "bpf-firewall",
      "bpf-devices",
      "bpf-foreign",
      "bpf-socket-bind",
      "bpf-restrict-network-interfaces"
    ];
    VERSION_TRAITS = {
      "252": {
        version: "252",
        unescapeRejectsSurrogates: false,
        mountNodeWhat: false,
        mountVerify257: false,
        namedParseWarnings: false,
        syscallNotKnownWording: false,
        base64ErrorNamed: false,
        loongarch64Architecture: false,
        nullDescriptionRowFirst: false,
        sharedDataDirSpecifier: false,
        execViaShellPrefix: false,
        execAmbientPrefixIgnored: false,
        execPathImpliesDirectory: false,
        execMessagesReworded: false,
        strtolBinaryPrefix: false,
        capabilityWordsRelaxed: false,
        privateMountsTristate: false,
        templateInstance: "i",
        privateTmpKeywords: [],
        privateUsersKeywords: [],
        protectControlGroupsKeywords: [],
        protectHostnameEnum: false,
        dynamicUserDisconnectedTmp: false,
        capabilityRuleB: false,
        maxCapabilityNumber: 63,
        addressFamilyStopsAtUnknown: false,
        encryptedCredentialDevice: "/dev/tpmrm0 rw",
        policyMustBeObject: false,
        policyIgnoresExponentNumbers: true,
        emptySectionHeaderInvalid: false,
        refusesPrivatePidsForking: false,
        pidFileRefusesApiVfs: false,
        imagePolicySkipsUnknown: false,
        refusesApiWorkingDirectory: false,
        trailingSlashPathIsName: false,
        delegateControllers: CGROUP_CONTROLLERS,
        socketMaxConnectionsAlways: false,
        notifyReload: false,
        oneshotRefusesRestartForceStatus: true,
        seccompKeepsPrivileges: false
      },
      "254": {
        version: "254",
        unescapeRejectsSurrogates: false,
        mountNodeWhat: false,
        mountVerify257: false,
        namedParseWarnings: false,
        syscallNotKnownWording: false,
        base64ErrorNamed: false,
        loongarch64Architecture: false,
        nullDescriptionRowFirst: false,
        sharedDataDirSpecifier: false,
        execViaShellPrefix: false,
        execAmbientPrefixIgnored: false,
        execPathImpliesDirectory: false,
        execMessagesReworded: false,
        strtolBinaryPrefix: false,
        capabilityWordsRelaxed: true,
        privateMountsTristate: true,
        templateInstance: "i",
        privateTmpKeywords: [],
        privateUsersKeywords: [],
        protectControlGroupsKeywords: [],
        protectHostnameEnum: false,
        dynamicUserDisconnectedTmp: false,
        capabilityRuleB: false,
        maxCapabilityNumber: 62,
        addressFamilyStopsAtUnknown: false,
        encryptedCredentialDevice: "char-tpm rw",
        policyMustBeObject: false,
        policyIgnoresExponentNumbers: true,
        emptySectionHeaderInvalid: false,
        refusesPrivatePidsForking: false,
        pidFileRefusesApiVfs: false,
        imagePolicySkipsUnknown: false,
        refusesApiWorkingDirectory: false,
        trailingSlashPathIsName: true,
        delegateControllers: CGROUP_CONTROLLERS,
        socketMaxConnectionsAlways: false,
        notifyReload: true,
        oneshotRefusesRestartForceStatus: true,
        seccompKeepsPrivileges: false
      },
      "257": {
        version: "257",
        unescapeRejectsSurrogates: false,
        mountNodeWhat: true,
        mountVerify257: true,
        namedParseWarnings: true,
        syscallNotKnownWording: true,
        base64ErrorNamed: true,
        loongarch64Architecture: true,
        nullDescriptionRowFirst: false,
        sharedDataDirSpecifier: true,
        execViaShellPrefix: false,
        execAmbientPrefixIgnored: false,
        execPathImpliesDirectory: true,
        execMessagesReworded: true,
        strtolBinaryPrefix: true,
        capabilityWordsRelaxed: true,
        privateMountsTristate: true,
        templateInstance: "test_instance",
        privateTmpKeywords: ["connected", "disconnected"],
        privateUsersKeywords: ["self", "identity"],
        protectControlGroupsKeywords: ["private", "strict"],
        protectHostnameEnum: false,
        dynamicUserDisconnectedTmp: true,
        capabilityRuleB: false,
        maxCapabilityNumber: 62,
        addressFamilyStopsAtUnknown: false,
        encryptedCredentialDevice: "char-tpm rw",
        policyMustBeObject: false,
        policyIgnoresExponentNumbers: false,
        emptySectionHeaderInvalid: false,
        refusesPrivatePidsForking: true,
        pidFileRefusesApiVfs: true,
        imagePolicySkipsUnknown: false,
        refusesApiWorkingDirectory: false,
        trailingSlashPathIsName: true,
        delegateControllers: CGROUP_CONTROLLERS,
        socketMaxConnectionsAlways: true,
        notifyReload: true,
        oneshotRefusesRestartForceStatus: false,
        seccompKeepsPrivileges: true
      },
      "262": {
        version: "262",
        unescapeRejectsSurrogates: true,
        mountNodeWhat: true,
        mountVerify257: true,
        namedParseWarnings: true,
        syscallNotKnownWording: true,
        base64ErrorNamed: true,
        loongarch64Architecture: true,
        nullDescriptionRowFirst: true,
        sharedDataDirSpecifier: true,
        execViaShellPrefix: true,
        execAmbientPrefixIgnored: true,
        execPathImpliesDirectory: true,
        execMessagesReworded: true,
        strtolBinaryPrefix: false,
        capabilityWordsRelaxed: true,
        privateMountsTristate: true,
        templateInstance: "test_instance",
        privateTmpKeywords: ["connected", "disconnected"],
        privateUsersKeywords: ["self", "identity", "full", "managed"],
        protectControlGroupsKeywords: ["private", "strict"],
        protectHostnameEnum: true,
        dynamicUserDisconnectedTmp: true,
        capabilityRuleB: true,
        maxCapabilityNumber: 62,
        addressFamilyStopsAtUnknown: true,
        encryptedCredentialDevice: null,
        policyMustBeObject: true,
        policyIgnoresExponentNumbers: false,
        emptySectionHeaderInvalid: true,
        refusesPrivatePidsForking: true,
        pidFileRefusesApiVfs: true,
        imagePolicySkipsUnknown: true,
        refusesApiWorkingDirectory: true,
        trailingSlashPathIsName: true,
        delegateControllers: [...CGROUP_CONTROLLERS, "bpf-bind-network-interface"],
        socketMaxConnectionsAlways: true,
        notifyReload: true,
        oneshotRefusesRestartForceStatus: false,
        seccompKeepsPrivileges: true
      }
    };
  }
});

// src/options/option.ts
var single, list;
var init_option = __esm({
  "src/options/option.ts"() {
    "use strict";
    single = (fields) => ({ ...fields, list: false });
    list = (fields) => ({
      ...fields,
      default: "",
      list: true
    });
  }
});

// src/service/words.ts
function extractWords(value2, opts = {}) {
  if (!QUOTE_OR_BACKSLASH.test(value2)) {
    const words3 = value2.split(SEPARATOR_RUN);
    if (words3[0] === "") words3.shift();
    if (words3.length > 0 && words3[words3.length - 1] === "") words3.pop();
    return { words: words3, invalid: false };
  }
  const words2 = [];
  let i = 0;
  const n = value2.length;
  for (; ; ) {
    while (i < n && isSeparator(value2.charCodeAt(i))) i++;
    if (i >= n) return { words: words2, invalid: false };
    let word = "";
    let quote = 0;
    let run = i;
    for (; ; ) {
      if (i >= n) {
        if (quote !== 0 && !opts.relax) return { words: words2, invalid: true };
        word += value2.slice(run, i);
        break;
      }
      const c = value2.charCodeAt(i);
      if (c === 92) {
        word += value2.slice(run, i);
        i++;
        if (i >= n) {
          if (opts.relax) break;
          return { words: words2, invalid: true };
        }
        if (opts.cunescape) {
          const decoded = cunescapeOne(value2, i, opts.surrogatesInvalid);
          if (decoded === null) return { words: words2, invalid: true };
          word += decoded.text;
          i += decoded.length;
        } else {
          word += value2[i];
          i++;
        }
        run = i;
        continue;
      }
      if (quote !== 0) {
        if (c === quote) {
          word += value2.slice(run, i);
          quote = 0;
          run = i + 1;
        }
        i++;
        continue;
      }
      if (opts.unquote && (c === 34 || c === 39)) {
        word += value2.slice(run, i);
        quote = c;
        i++;
        run = i;
        continue;
      }
      if (isSeparator(c)) {
        word += value2.slice(run, i);
        break;
      }
      i++;
    }
    words2.push(word);
  }
}
function cunescapeOne(s, at, surrogatesInvalid = false) {
  const c = s[at];
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== void 0) return { text: simple, length: 1 };
  const hex = (len) => {
    const digits = s.slice(at + 1, at + 1 + len);
    if (digits.length !== len || !/^[0-9a-fA-F]+$/.test(digits)) return null;
    const code2 = parseInt(digits, 16);
    if (code2 === 0 || code2 > 1114111) return null;
    if (surrogatesInvalid && len > 2 && code2 >= 55296 && code2 <= 57343) return null;
    return { text: String.fromCodePoint(code2), length: 1 + len };
  };
  if (c === "x") return hex(2);
  if (c === "u") return hex(4);
  if (c === "U") return hex(8);
  if (c >= "0" && c <= "7") {
    const digits = s.slice(at, at + 3);
    if (!/^[0-7]{3}$/.test(digits)) return null;
    const code2 = parseInt(digits, 8);
    if (code2 === 0 || code2 > 255) return null;
    return { text: String.fromCharCode(code2), length: 3 };
  }
  return null;
}
function parseBoolean(text2) {
  const lower = text2.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return null;
}
function parseMode(text2) {
  const m = /^[ \t\n\r]*([0-7]+)$/.exec(text2);
  if (!m) return null;
  const v = parseInt(m[1], 8);
  return v <= 4095 ? v : null;
}
function simplifyAbsolutePath(path) {
  if (!path.startsWith("/")) return null;
  const parts2 = path.split("/").filter((p) => p !== "" && p !== ".");
  if (parts2.some((p) => p === ".." || p.length > 255)) return null;
  const simplified = "/" + parts2.join("/");
  return simplified.length < 4096 ? simplified : null;
}
function isValidFilename(s) {
  return s !== "" && s !== "." && s !== ".." && !s.includes("/") && utf8Length(s) <= 255;
}
function isValidPath(path) {
  const length = utf8Length(path);
  if (path === "" || length >= 4096) return false;
  return length <= 255 || path.split("/").every((part) => utf8Length(part) <= 255);
}
function utf8Length(s) {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : new TextEncoder().encode(s).length;
}
function extractFirstWord(text2, start, opts) {
  const n = text2.length;
  let i = start;
  while (i < n && isSeparator(text2.charCodeAt(i))) i++;
  if (i >= n) return null;
  let end = i;
  for (; end < n; end++) {
    const c = text2.charCodeAt(end);
    if (isSeparator(c)) break;
    if (c === 92 && !opts.retainEscape || (c === 34 || c === 39) && opts.unquote) {
      end = -1;
      break;
    }
  }
  if (end >= 0) {
    let next = end;
    while (next < n && isSeparator(text2.charCodeAt(next))) next++;
    return { word: text2.slice(i, end), next };
  }
  let word = "";
  let quote = 0;
  for (; ; ) {
    if (i >= n) {
      if (quote !== 0 && !opts.relax) return "invalid";
      return { word, next: n };
    }
    const c = text2.charCodeAt(i);
    if (c === 92 && !opts.retainEscape) {
      i++;
      if (i >= n) {
        if (opts.unescapeRelax && (quote === 0 || opts.relax)) return { word: word + "\\", next: n };
        if (opts.relax) return { word, next: n };
        return "invalid";
      }
      if (opts.cunescape) {
        const decoded = cunescapeOne(text2, i, opts.surrogatesInvalid);
        if (decoded !== null) {
          word += decoded.text;
          i += decoded.length;
        } else if (opts.unescapeRelax) {
          word += "\\" + text2[i];
          i++;
        } else return "invalid";
      } else {
        word += text2[i];
        i++;
      }
      continue;
    }
    if (quote !== 0) {
      if (c === quote) quote = 0;
      else word += text2[i];
      i++;
      continue;
    }
    if (opts.unquote && (c === 34 || c === 39)) {
      quote = c;
      i++;
      continue;
    }
    if (isSeparator(c)) {
      while (i < n && isSeparator(text2.charCodeAt(i))) i++;
      return { word, next: i };
    }
    word += text2[i];
    i++;
  }
}
function isNormalizedPath(path) {
  if (!isValidPath(path) || path.split("/").includes("..")) return false;
  if (path === "." || path.startsWith("./") || path.endsWith("/.") || path.includes("/./")) return false;
  return !path.includes("//");
}
function cunescape(text2) {
  if (!text2.includes("\\")) return text2;
  let out = "";
  for (let i = 0; i < text2.length; i++) {
    if (text2[i] !== "\\") {
      out += text2[i];
      continue;
    }
    if (i + 1 >= text2.length) return null;
    const nul = /^(x00|u0000|U00000000|000)/.exec(text2.slice(i + 1));
    if (nul) {
      out += "\0";
      i += nul[0].length;
      continue;
    }
    const decoded = cunescapeOne(text2, i + 1);
    if (decoded === null) return null;
    out += decoded.text;
    i += decoded.length;
  }
  return out;
}
var QUOTE_OR_BACKSLASH, SEPARATOR_RUN, isSeparator, SIMPLE_ESCAPES, TRUE_WORDS, FALSE_WORDS;
var init_words = __esm({
  "src/service/words.ts"() {
    "use strict";
    QUOTE_OR_BACKSLASH = /["'\\]/;
    SEPARATOR_RUN = /[ \t\n\r]+/;
    isSeparator = (c) => c === 32 || c === 9 || c === 10 || c === 13;
    SIMPLE_ESCAPES = {
      a: "\x07",
      b: "\b",
      f: "\f",
      n: "\n",
      r: "\r",
      t: "	",
      v: "\v",
      "\\": "\\",
      '"': '"',
      "'": "'",
      s: " "
    };
    TRUE_WORDS = /* @__PURE__ */ new Set(["1", "yes", "y", "true", "t", "on"]);
    FALSE_WORDS = /* @__PURE__ */ new Set(["0", "no", "n", "false", "f", "off"]);
  }
});

// src/unit/line-ends.ts
function eolKind(c) {
  return c === 10 ? LF : c === 13 ? CR : c === 0 ? NUL : 0;
}
function isLineEnd(c) {
  return c === 10 || c === 13 || c === 0;
}
function terminatorEnd(bytes, at) {
  return typeof bytes === "string" ? textTerminatorEnd(bytes, at) : byteTerminatorEnd(bytes, at);
}
function byteTerminatorEnd(bytes, at) {
  let seen = 0;
  let i = at;
  for (; i < bytes.length; i++) {
    const kind = eolKind(bytes[i]);
    if (kind === 0 || (seen & (kind | NUL)) !== 0) break;
    seen |= kind;
  }
  return i;
}
function textTerminatorEnd(text2, at) {
  let seen = 0;
  let i = at;
  for (; i < text2.length; i++) {
    const kind = eolKind(text2.charCodeAt(i));
    if (kind === 0 || (seen & (kind | NUL)) !== 0) break;
    seen |= kind;
  }
  return i;
}
function* lineSpans(text2) {
  const n = text2.length;
  let start = 0;
  while (start < n) {
    let end = start;
    while (end < n && !isLineEnd(text2.charCodeAt(end))) end++;
    const next = end < n ? textTerminatorEnd(text2, end) : n;
    yield { start, end, next };
    start = next;
  }
}
var LF, CR, NUL;
var init_line_ends = __esm({
  "src/unit/line-ends.ts"() {
    "use strict";
    LF = 1;
    CR = 2;
    NUL = 4;
  }
});

// src/model/safe-atoi.ts
function safeAtoi(text2, rules) {
  let i = 0;
  while (i < text2.length && WHITESPACE.includes(text2[i])) i++;
  let base = 0;
  const prefix2 = text2.slice(i, i + 2);
  if (prefix2 === "0b" || prefix2 === "0B") {
    base = 2;
    i += 2;
  } else if (prefix2 === "0o" || prefix2 === "0O") {
    base = 8;
    i += 2;
  }
  const parsed = strtol(text2, i, base, rules);
  if (parsed === null || parsed.end !== text2.length) return null;
  return parsed.value >= -2147483648 && parsed.value <= 2147483647 ? parsed.value : null;
}
function strtol(text2, start, base, rules) {
  let i = start;
  while (i < text2.length && C_SPACE.includes(text2[i])) i++;
  let negative = false;
  if (text2[i] === "+" || text2[i] === "-") {
    negative = text2[i] === "-";
    i++;
  }
  const at = (k) => text2[k] ?? "";
  const hasPrefix = (letters, radix) => at(i) === "0" && letters.includes(at(i + 1)) && digitValue(at(i + 2)) < radix;
  if ((base === 0 || base === 16) && hasPrefix("xX", 16)) {
    base = 16;
    i += 2;
  } else if (rules.binaryPrefix && (base === 0 || base === 2) && hasPrefix("bB", 2)) {
    base = 2;
    i += 2;
  } else if (base === 0) base = at(i) === "0" ? 8 : 10;
  let value2 = 0;
  const first = i;
  while (i < text2.length && digitValue(text2[i]) < base) {
    value2 = value2 * base + digitValue(text2[i]);
    if (value2 > 2147483648) value2 = Infinity;
    i++;
  }
  if (i === first) return null;
  return { value: negative ? 0 - value2 : value2, end: i };
}
var WHITESPACE, C_SPACE, digitValue;
var init_safe_atoi = __esm({
  "src/model/safe-atoi.ts"() {
    "use strict";
    WHITESPACE = " 	\n\r";
    C_SPACE = " 	\n\v\f\r";
    digitValue = (c) => {
      const code2 = c.charCodeAt(0);
      if (code2 >= 48 && code2 <= 57) return code2 - 48;
      if (code2 >= 97 && code2 <= 122) return code2 - 97 + 10;
      if (code2 >= 65 && code2 <= 90) return code2 - 65 + 10;
      return 99;
    };
  }
});

// src/model/linux-names.ts
function capabilitySet(...names2) {
  return capabilitySetOf(names2);
}
function capabilitySetOf(names2) {
  let set = 0n;
  for (const name of names2) {
    const bit = capabilityBit(name);
    if (bit === null) throw new Error(`not a capability name: ${name}`);
    set |= bit;
  }
  return set;
}
function secureBit(name) {
  return Object.hasOwn(SECURE_BITS, name) ? SECURE_BITS[name] : void 0;
}
function namespaceFlag(name) {
  return Object.hasOwn(NAMESPACE_FLAGS, name) ? NAMESPACE_FLAGS[name] : void 0;
}
function capabilityFromName(word, rules) {
  const n = safeAtoi(word, rules);
  if (n !== null) return n >= 0 && n <= rules.max ? n : null;
  return CAPABILITY_BY_NAME.get(word.toLowerCase()) ?? null;
}
function capabilityName(n) {
  return (CAPABILITY_NAMES[n] ?? `cap_${n}`).toUpperCase();
}
function capabilityNames(caps) {
  const out = [];
  for (let i = 0; i < CAPABILITY_NAMES.length; i++) if (caps & 1n << BigInt(i)) out.push(capabilityName(i));
  return out;
}
function capabilityBit(name) {
  const i = CAPABILITY_BY_NAME.get(name.toLowerCase());
  return i === void 0 ? null : 1n << BigInt(i);
}
function addressFamilyFromName(word) {
  const upper = word.toUpperCase();
  if (!(upper in ADDRESS_FAMILY_CLASS)) return null;
  return FAMILY_ALIASES[upper] ?? upper;
}
function addressFamilyClass(canonical) {
  return ADDRESS_FAMILY_CLASS[canonical] ?? "other";
}
var CAPABILITY_NAMES, CAPABILITY_BY_NAME, KNOWN_CAPS, ALL_CAPS_64, SECURE_BITS, NAMESPACE_FLAGS, NAMESPACE_FLAGS_ANY, NAMESPACE_FLAGS_ALL, ADDRESS_FAMILY_CLASS, OTHER_FAMILIES, FAMILY_ALIASES, SECCOMP_ARCHITECTURES, ERRNO_NAMES;
var init_linux_names = __esm({
  "src/model/linux-names.ts"() {
    "use strict";
    init_safe_atoi();
    CAPABILITY_NAMES = [
      "cap_chown",
      "cap_dac_override",
      "cap_dac_read_search",
      "cap_fowner",
      "cap_fsetid",
      "cap_kill",
      "cap_setgid",
      "cap_setuid",
      "cap_setpcap",
      "cap_linux_immutable",
      "cap_net_bind_service",
      "cap_net_broadcast",
      "cap_net_admin",
      "cap_net_raw",
      "cap_ipc_lock",
      "cap_ipc_owner",
      "cap_sys_module",
      "cap_sys_rawio",
      "cap_sys_chroot",
      "cap_sys_ptrace",
      "cap_sys_pacct",
      "cap_sys_admin",
      "cap_sys_boot",
      "cap_sys_nice",
      "cap_sys_resource",
      "cap_sys_time",
      "cap_sys_tty_config",
      "cap_mknod",
      "cap_lease",
      "cap_audit_write",
      "cap_audit_control",
      "cap_setfcap",
      "cap_mac_override",
      "cap_mac_admin",
      "cap_syslog",
      "cap_wake_alarm",
      "cap_block_suspend",
      "cap_audit_read",
      "cap_perfmon",
      "cap_bpf",
      "cap_checkpoint_restore"
    ];
    CAPABILITY_BY_NAME = new Map(CAPABILITY_NAMES.map((n, i) => [n, i]));
    KNOWN_CAPS = (1n << BigInt(CAPABILITY_NAMES.length)) - 1n;
    ALL_CAPS_64 = (1n << 64n) - 1n;
    SECURE_BITS = {
      noroot: 0,
      "noroot-locked": 1,
      "no-setuid-fixup": 2,
      "no-setuid-fixup-locked": 3,
      "keep-caps": 4,
      "keep-caps-locked": 5
    };
    NAMESPACE_FLAGS = {
      cgroup: 33554432,
      ipc: 134217728,
      net: 1073741824,
      mnt: 131072,
      pid: 536870912,
      user: 268435456,
      uts: 67108864,
      time: 128
    };
    NAMESPACE_FLAGS_ANY = Object.values(NAMESPACE_FLAGS).reduce((a, b) => a | b, 0);
    NAMESPACE_FLAGS_ALL = NAMESPACE_FLAGS_ANY & ~NAMESPACE_FLAGS.time;
    ADDRESS_FAMILY_CLASS = {
      AF_UNIX: "unix",
      AF_LOCAL: "unix",
      AF_FILE: "unix",
      AF_INET: "inet",
      AF_INET6: "inet",
      AF_NETLINK: "netlink",
      AF_ROUTE: "netlink",
      AF_PACKET: "packet"
    };
    OTHER_FAMILIES = [
      "AF_AX25",
      "AF_IPX",
      "AF_APPLETALK",
      "AF_NETROM",
      "AF_BRIDGE",
      "AF_ATMPVC",
      "AF_X25",
      "AF_ROSE",
      "AF_DECNET",
      "AF_NETBEUI",
      "AF_SECURITY",
      "AF_KEY",
      "AF_ASH",
      "AF_ECONET",
      "AF_ATMSVC",
      "AF_RDS",
      "AF_SNA",
      "AF_IRDA",
      "AF_PPPOX",
      "AF_WANPIPE",
      "AF_LLC",
      "AF_IB",
      "AF_MPLS",
      "AF_CAN",
      "AF_TIPC",
      "AF_BLUETOOTH",
      "AF_IUCV",
      "AF_RXRPC",
      "AF_ISDN",
      "AF_PHONET",
      "AF_IEEE802154",
      "AF_CAIF",
      "AF_ALG",
      "AF_NFC",
      "AF_VSOCK",
      "AF_KCM",
      "AF_QIPCRTR",
      "AF_SMC",
      "AF_XDP",
      "AF_MCTP"
    ];
    for (const f of OTHER_FAMILIES) ADDRESS_FAMILY_CLASS[f] = "other";
    FAMILY_ALIASES = { AF_LOCAL: "AF_UNIX", AF_FILE: "AF_UNIX", AF_ROUTE: "AF_NETLINK" };
    SECCOMP_ARCHITECTURES = [
      "native",
      "x86",
      "x86-64",
      "x32",
      "arm",
      "arm64",
      "mips",
      "mips64",
      "mips64-n32",
      "mips-le",
      "mips64-le",
      "mips64-le-n32",
      "parisc",
      "parisc64",
      "ppc",
      "ppc64",
      "ppc64-le",
      "riscv64",
      "s390",
      "s390x"
    ];
    ERRNO_NAMES = new Set(
      "EPERM ENOENT ESRCH EINTR EIO ENXIO E2BIG ENOEXEC EBADF ECHILD EAGAIN ENOMEM EACCES EFAULT ENOTBLK EBUSY EEXIST EXDEV ENODEV ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOTTY ETXTBSY EFBIG ENOSPC ESPIPE EROFS EMLINK EPIPE EDOM ERANGE EDEADLK ENAMETOOLONG ENOLCK ENOSYS ENOTEMPTY ELOOP EWOULDBLOCK ENOMSG EIDRM ECHRNG EL2NSYNC EL3HLT EL3RST ELNRNG EUNATCH ENOCSI EL2HLT EBADE EBADR EXFULL ENOANO EBADRQC EBADSLT EDEADLOCK EBFONT ENOSTR ENODATA ETIME ENOSR ENONET ENOPKG EREMOTE ENOLINK EADV ESRMNT ECOMM EPROTO EMULTIHOP EDOTDOT EBADMSG EOVERFLOW ENOTUNIQ EBADFD EREMCHG ELIBACC ELIBBAD ELIBSCN ELIBMAX ELIBEXEC EILSEQ ERESTART ESTRPIPE EUSERS ENOTSOCK EDESTADDRREQ EMSGSIZE EPROTOTYPE ENOPROTOOPT EPROTONOSUPPORT ESOCKTNOSUPPORT EOPNOTSUPP ENOTSUP EPFNOSUPPORT EAFNOSUPPORT EADDRINUSE EADDRNOTAVAIL ENETDOWN ENETUNREACH ENETRESET ECONNABORTED ECONNRESET ENOBUFS EISCONN ENOTCONN ESHUTDOWN ETOOMANYREFS ETIMEDOUT ECONNREFUSED EHOSTDOWN EHOSTUNREACH EALREADY EINPROGRESS ESTALE EUCLEAN ENOTNAM ENAVAIL EISNAM EREMOTEIO EDQUOT ENOMEDIUM EMEDIUMTYPE ECANCELED ENOKEY EKEYEXPIRED EKEYREVOKED EKEYREJECTED EOWNERDEAD ENOTRECOVERABLE ERFKILL EHWPOISON".split(" ")
    );
  }
});

// src/service/exec-directives.ts
function isExecDirective(key) {
  return EXEC_DIRECTIVES.includes(key);
}
var EXEC_DIRECTIVES, SERVICE_EXEC_DIRECTIVES, SOCKET_EXEC_DIRECTIVES, SERVICE_ONLY_EXEC_DIRECTIVES;
var init_exec_directives = __esm({
  "src/service/exec-directives.ts"() {
    "use strict";
    EXEC_DIRECTIVES = [
      "ExecCondition",
      "ExecStartPre",
      "ExecStart",
      "ExecStartPost",
      "ExecReload",
      "ExecReloadPost",
      "ExecStop",
      "ExecStopPre",
      "ExecStopPost"
    ];
    SERVICE_EXEC_DIRECTIVES = EXEC_DIRECTIVES.filter((d) => d !== "ExecStopPre");
    SOCKET_EXEC_DIRECTIVES = [
      "ExecStartPre",
      "ExecStartPost",
      "ExecStopPre",
      "ExecStopPost"
    ];
    SERVICE_ONLY_EXEC_DIRECTIVES = SERVICE_EXEC_DIRECTIVES.filter(
      (d) => !SOCKET_EXEC_DIRECTIVES.includes(d)
    );
  }
});

// src/model/root-user.ts
function namesRoot(user2) {
  return user2 === "root" || user2 === "0";
}
function isRootUser(user2) {
  return user2 === null || user2 === "" || namesRoot(user2);
}
var init_root_user = __esm({
  "src/model/root-user.ts"() {
    "use strict";
  }
});

// src/unit/names.ts
function unitNameKind(name) {
  if (name === "" || name.length >= UNIT_NAME_MAX) return null;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return null;
  if (!UNIT_TYPES.includes(name.slice(dot + 1))) return null;
  const stem = name.slice(0, dot);
  if (!VALID_CHARS.test(stem)) return null;
  const at = stem.indexOf("@");
  if (at === 0) return null;
  if (at < 0) return "plain";
  return at === stem.length - 1 ? "template" : "instance";
}
function unitType(name) {
  return name.slice(name.lastIndexOf(".") + 1);
}
function unitPrefix(name) {
  const dot = name.lastIndexOf(".");
  const at = name.indexOf("@");
  return at >= 0 && at < dot ? name.slice(0, at) : name.slice(0, dot);
}
function unitInstance(name) {
  const dot = name.lastIndexOf(".");
  const at = name.indexOf("@");
  return at >= 0 && at < dot ? name.slice(at + 1, dot) : null;
}
function templateOf(name) {
  return `${unitPrefix(name)}@.${unitType(name)}`;
}
function withInstance(template, instance) {
  return `${unitPrefix(template)}@${instance}.${unitType(template)}`;
}
function unescapeUnitName(s) {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "-") out += "/";
    else if (c === "\\" && s[i + 1] === "x" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else out += c;
  }
  return out;
}
function dropInUnitNames(name) {
  const out = [];
  const visit = (n) => {
    out.push(n);
    const kind = unitNameKind(n);
    if (kind === "instance") visit(templateOf(n));
    let prefix2 = unitPrefix(n);
    let chopped = false;
    for (; ; ) {
      const dash = prefix2.lastIndexOf("-");
      if (dash <= 0) return;
      if (dash + 1 < prefix2.length || chopped) {
        prefix2 = prefix2.slice(0, dash + 1);
        break;
      }
      prefix2 = prefix2.slice(0, dash);
      chopped = true;
    }
    const instance = kind === "instance" ? unitInstance(n) : null;
    const type = unitType(n);
    visit(instance !== null ? `${prefix2}@${instance}.${type}` : `${prefix2}.${type}`);
  };
  visit(name);
  return out;
}
function unitNameToPath(name) {
  const prefix2 = unitPrefix(name);
  if (prefix2 === "") return null;
  if (prefix2 === "-") return "/";
  let bytes = "";
  for (let i = 0; i < prefix2.length; i++) {
    const c = prefix2[i];
    if (c === "-") bytes += "/";
    else if (c === "\\") {
      const hex = prefix2.slice(i + 2, i + 4);
      if (prefix2[i + 1] !== "x" || !/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes += String.fromCharCode(parseInt(hex, 16));
      i += 3;
    } else bytes += c;
  }
  if (bytes.startsWith("/") || bytes.endsWith("/")) return null;
  const path = `/${decodeBytes(bytes)}`;
  return isNormalizedUnitPath(path) ? path : null;
}
function unitNameFromPath(path, suffix) {
  const simplified = `/${path.split("/").filter((p) => p !== "" && p !== ".").join("/")}`;
  if (!path.startsWith("/") || !isNormalizedUnitPath(simplified)) return null;
  const stem = simplified === "/" ? "-" : escapeUnitPath(simplified.slice(1));
  const name = stem + suffix;
  return unitNameKind(name) === "plain" ? name : null;
}
function escapeUnitPath(path) {
  let out = "";
  const bytes = new TextEncoder().encode(path);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    const c = String.fromCharCode(b);
    if (c === "/") out += "-";
    else if (i === 0 && c === "." || !/^[A-Za-z0-9:_.]$/.test(c)) out += `\\x${b.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return out;
}
function decodeBytes(bytes) {
  if (!/[\x80-\xff]/.test(bytes)) return bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } catch {
    return bytes;
  }
}
function isNormalizedUnitPath(path) {
  return !path.includes("//") && !path.split("/").some((p) => p === "." || p === "..") && !path.includes("\0");
}
function isValidSliceName(name) {
  if (name === "-.slice") return true;
  if (unitNameKind(name) !== "plain" || !name.endsWith(".slice")) return false;
  const stem = name.slice(0, -".slice".length);
  return !stem.startsWith("-") && !stem.endsWith("-") && !stem.includes("--");
}
var UNIT_TYPES, VALID_CHARS, UNIT_NAME_MAX;
var init_names = __esm({
  "src/unit/names.ts"() {
    "use strict";
    UNIT_TYPES = [
      "service",
      "socket",
      "target",
      "device",
      "mount",
      "automount",
      "swap",
      "timer",
      "path",
      "slice",
      "scope"
    ];
    VALID_CHARS = /^[A-Za-z0-9:\-_.\\@]*$/;
    UNIT_NAME_MAX = 256;
  }
});

// src/service/privileges.ts
function hostCapabilitiesUnder(privateUsers2) {
  switch (privateUsers2) {
    case "no":
      return KNOWN_CAPS;
    case "identity":
    case "full":
      return OVER_MAPPED_IDS;
    case "managed":
      return 0n;
    default:
      return OVER_MAPPED_FILES;
  }
}
function privilegeProfile(loaded, traits, instanceUser = "root") {
  const { state, unit } = loaded;
  const commands = Object.values(state.exec).flat();
  const type = unitType(unit);
  const startsProcesses = commands.length > 0 || type in IMPLICIT_HELPER;
  const bounding = state.capabilityBoundingSet & KNOWN_CAPS;
  const user2 = identity(state, unit, instanceUser);
  const userNamespace = state.privateUsers;
  const privateUsers2 = userNamespace !== "no";
  if (!startsProcesses) {
    return {
      startsProcesses,
      user: user2,
      privateUsers: privateUsers2,
      userNamespace,
      bounding,
      held: NOTHING,
      reachable: 0n,
      noNewPrivileges: null,
      elevated: [],
      prefixed: [],
      manager: "system"
    };
  }
  const noroot = (state.secureBits & SECURE_NOROOT) !== 0;
  const host = hostCapabilitiesUnder(userNamespace);
  const heldAs = (root) => (root && !noroot ? bounding : state.ambientCapabilities & bounding) & host;
  const held = { root: user2.root, caps: heldAs(user2.root) };
  const noNewPrivileges2 = noNewPrivilegesSource(state, user2.root, traits);
  const reachable = noNewPrivileges2 !== null ? held.caps : bounding & host | held.caps;
  const sandbox = sandboxed(loaded);
  const elevated = [];
  const prefixed = [];
  for (const command of commands) {
    const kind = elevation(command, state);
    if (kind === null) continue;
    const rootCredentials = kind === "root-credentials";
    const privileges2 = rootCredentials ? { root: true, caps: heldAs(true) } : { root: true, caps: KNOWN_CAPS };
    const escapesSandbox = !rootCredentials && sandbox;
    const e = { command, kind, privileges: privileges2, escapesSandbox };
    prefixed.push(e);
    if (escapesSandbox || privileges2.caps & ~held.caps || privileges2.root && !held.root) elevated.push(e);
  }
  return {
    startsProcesses,
    user: user2,
    privateUsers: privateUsers2,
    userNamespace,
    bounding,
    held,
    reachable,
    noNewPrivileges: noNewPrivileges2,
    elevated,
    prefixed,
    manager: "system"
  };
}
function sandboxed(loaded) {
  if (loaded.state.dynamicUser || hasSeccomp(loaded.state) || loaded.state.noNewPrivileges) return true;
  const last = /* @__PURE__ */ new Map();
  for (const f of loaded.files) for (const a of f.assignments) if (SANDBOX_KEYS.has(a.key)) last.set(a.key, a.value);
  for (const v of last.values()) if (v !== "" && !/^(no|false|off|0)$/i.test(v)) return true;
  return false;
}
function identity(state, unit, instanceUser) {
  const name = state.user;
  let raw;
  for (const a of state.applied) if (a.key === "User") raw = a;
  const fromInstance = unitNameKind(unit) !== "plain" && raw !== void 0 && raw.value !== "" && INSTANCE_SPECIFIER.test(raw.value);
  const root = fromInstance ? instanceUser === "root" : isRootUser(name);
  return { name, root, fromInstance };
}
function noNewPrivilegesSource(state, root, traits) {
  if (state.dynamicUser) return "dynamic-user";
  if (state.noNewPrivileges) return "setting";
  if (root || !hasSeccomp(state)) return null;
  if (traits.seccompKeepsPrivileges && filterAllowsDroppingPrivileges(state)) return null;
  return "seccomp";
}
function hasSeccomp(s) {
  return s.lockPersonality || s.memoryDenyWriteExecute || s.privateDevices || s.protectClock || s.protectHostname !== "no" || s.protectKernelTunables || s.protectKernelModules || s.protectKernelLogs || s.addressFamiliesAllowList || s.addressFamilies !== null && s.addressFamilies.size > 0 || s.restrictNamespaces !== null && (s.restrictNamespaces & NAMESPACE_FLAGS_ALL) !== NAMESPACE_FLAGS_ALL || s.restrictRealtime || s.restrictSuidSgid || s.syscallArchitectures.size > 0 || s.syscallFilter !== null && (s.syscallFilter.allowList || s.syscallFilter.entries.size > 0) || s.syscallLog !== null && (s.syscallLog.allowList || s.syscallLog.entries.size > 0);
}
function filterAllowsDroppingPrivileges(s) {
  const f = s.syscallFilter;
  if (f === null || f.entries.size === 0) return true;
  const listed3 = ["capget", "capset", "prctl"].map((n) => f.entries.has(n));
  return f.allowList ? listed3.every(Boolean) : !listed3.some(Boolean);
}
function elevation(c, state) {
  if (c.fullyPrivileged) return "full-privileges";
  if (state.permissionsStartOnly && c.directive !== "ExecStart") return "permissions-start-only";
  if (c.noSetuid) return "root-credentials";
  return null;
}
function implicitHelper(unit) {
  return IMPLICIT_HELPER[unitType(unit)] ?? null;
}
var SECURE_NOROOT, OVER_MAPPED_FILES, OVER_MAPPED_IDS, IMPLICIT_HELPER, INSTANCE_SPECIFIER, SANDBOX_KEYS, NOTHING;
var init_privileges = __esm({
  "src/service/privileges.ts"() {
    "use strict";
    init_linux_names();
    init_root_user();
    init_names();
    SECURE_NOROOT = 1 << SECURE_BITS.noroot;
    OVER_MAPPED_FILES = capabilitySet("CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER");
    OVER_MAPPED_IDS = OVER_MAPPED_FILES | capabilitySet("CAP_CHOWN", "CAP_FSETID", "CAP_SETGID", "CAP_SETUID");
    IMPLICIT_HELPER = { mount: "mount/umount", swap: "swapon/swapoff" };
    INSTANCE_SPECIFIER = /%[iInNf]/;
    SANDBOX_KEYS = /* @__PURE__ */ new Set([
      "ProtectSystem",
      "ProtectHome",
      "PrivateTmp",
      "PrivateDevices",
      "PrivateNetwork",
      "PrivateUsers",
      "PrivateMounts",
      "PrivateIPC",
      "PrivatePIDs",
      "ProtectProc",
      "ProcSubset",
      "ReadOnlyPaths",
      "ReadWritePaths",
      "InaccessiblePaths",
      "ExecPaths",
      "NoExecPaths",
      "TemporaryFileSystem",
      "BindPaths",
      "BindReadOnlyPaths",
      "RootDirectory",
      "RootImage",
      "MountAPIVFS",
      "ProtectKernelTunables",
      "ProtectKernelModules",
      "ProtectKernelLogs",
      "ProtectClock",
      "ProtectControlGroups",
      "ProtectHostname",
      "NetworkNamespacePath",
      "IPCNamespacePath",
      "SystemCallFilter",
      "SystemCallArchitectures",
      "SystemCallLog",
      "RestrictAddressFamilies",
      "RestrictNamespaces",
      "LockPersonality",
      "MemoryDenyWriteExecute",
      "RestrictRealtime",
      "RestrictSUIDSGID",
      "RestrictFileSystems",
      "NoNewPrivileges",
      "SecureBits",
      "AppArmorProfile",
      "SELinuxContext",
      "SmackProcessLabel",
      "DynamicUser",
      "ReadOnlyDirectories",
      "ReadWriteDirectories",
      "InaccessibleDirectories"
    ]);
    NOTHING = { root: false, caps: 0n };
  }
});

// src/service/user-units.ts
function isUserUnitPath(path) {
  return /(^|\/)systemd\/user\//.test(path);
}
function userManagerProfile(systemProfile) {
  return {
    ...systemProfile,
    user: { ...systemProfile.user, root: false, fromInstance: false },
    privateUsers: false,
    held: { root: false, caps: 0n },
    reachable: 0n,
    elevated: [],
    prefixed: [],
    manager: "user"
  };
}
var init_user_units = __esm({
  "src/service/user-units.ts"() {
    "use strict";
  }
});

// src/diff/trace.ts
function changedLines(base, head, keys) {
  const wanted = new Set(keys);
  const collect = (svc) => svc ? svc.state.applied.filter((a) => wanted.has(a.key)) : [];
  const baseLines = collect(base);
  const headLines = collect(head);
  const lineRef = (removed2) => (a) => ({ file: a.file, line: a.line, removed: removed2, text: `${a.key}=${a.value}` });
  const added = unpaired(head, headLines, base, baseLines).map(lineRef(false));
  const removed = unpaired(base, baseLines, head, headLines).map(lineRef(true));
  return [...added.reverse(), ...removed];
}
function unpaired(svc, lines2, other, otherLines) {
  const available = /* @__PURE__ */ new Map();
  for (const a of otherLines) {
    const k = identity2(other, a);
    available.set(k, (available.get(k) ?? 0) + 1);
  }
  return lines2.filter((a) => {
    const k = identity2(svc, a);
    const n = available.get(k) ?? 0;
    if (n > 0) available.set(k, n - 1);
    return n === 0;
  });
}
function blame(base, head, keys) {
  return changedLines(base, head, keys)[0] ?? null;
}
var identity2;
var init_trace = __esm({
  "src/diff/trace.ts"() {
    "use strict";
    init_source();
    identity2 = (svc, a) => `${a.file === svc.fragmentPath ? "<unit>" : basename(a.file)}\0${a.section}\0${a.key}\0${a.value}`;
  }
});

// src/diff/capabilities.ts
function names(caps) {
  const out = [];
  for (let i = 0; i < CAPABILITY_NAMES.length; i++) if (caps & 1n << BigInt(i)) out.push(capabilityName(i));
  return out;
}
function profileOf(svc, traits, instanceUser = "root") {
  const profile = privilegeProfile(svc, traits, instanceUser);
  return isUserUnitPath(svc.fragmentPath) ? userManagerProfile(profile) : profile;
}
function summarize(p) {
  return {
    startsProcesses: p.startsProcesses,
    user: p.user.name,
    root: p.user.root,
    userFromInstance: p.user.fromInstance,
    held: names(p.held.caps),
    reachable: names(p.reachable),
    noNewPrivileges: p.noNewPrivileges,
    elevated: p.elevated.map((e) => ({
      directive: e.command.directive,
      command: e.command.text,
      kind: e.kind,
      root: e.privileges.root,
      capabilities: names(e.privileges.caps),
      file: e.command.source.file,
      line: e.command.source.line
    }))
  };
}
function privilegeWidenings(base, head, acceptor) {
  const h = head.profile;
  const b = base?.profile ?? null;
  const out = [];
  const finding = (level2, caps, root, what, cause, line, command = null, others = []) => {
    const capabilities3 = names(caps);
    const wanted = [...root ? [ROOT] : [], ...capabilities3, ...others];
    const { accepted, unaccepted } = accept(wanted, acceptor, line);
    out.push({
      level: level2,
      capabilities: capabilities3,
      root,
      command,
      what,
      cause,
      file: line?.file ?? null,
      line: line?.line ?? null,
      removedLine: line?.removed ?? false,
      directive: line ? line.text.slice(0, line.text.indexOf("=") + 1) : null,
      accepted,
      unaccepted
    });
  };
  const heldCaps = h.held.caps & ~(b?.held.caps ?? 0n);
  const heldRoot = h.held.root && !(b?.held.root ?? false) && h.startsProcesses;
  if (heldCaps !== 0n || heldRoot) {
    const why = heldCause(base?.svc ?? null, b, head.svc, h);
    finding("held", heldCaps, heldRoot, heldWhat(b, h, heldCaps, heldRoot), why.text, why.line);
  }
  const reach = h.reachable & ~(b?.reachable ?? 0n) & ~h.held.caps;
  const reachRoot = reachesRoot(h) && !(b !== null && (b.held.root || reachesRoot(b)));
  if (reach !== 0n || reachRoot) {
    const why = reachCause(base?.svc ?? null, b, head.svc, h);
    const gains = [reach !== 0n ? capList(reach) : "", reachRoot ? "uid 0" : ""].filter((x) => x !== "").join(" and ");
    finding(
      "reachable",
      reach,
      reachRoot,
      `${b ? "can now gain" : "is new and can gain"} ${gains} through set-user-ID or file-capability programs`,
      why.text,
      why.line
    );
  }
  const baseEnv = base ? execEnvironment(base.svc) : null;
  const headEnv = execEnvironment(head.svc);
  const baseElevated = [...b?.prefixed ?? []];
  const matches = /* @__PURE__ */ new Map();
  const passes = [
    [true, (x, e) => sameCommand(x, baseEnv, e, headEnv)],
    [false, (x, e) => sameCommand(x, baseEnv, e, headEnv)],
    [true, (x, e) => harmlessChange(x, baseEnv, e, headEnv)],
    [false, (x, e) => harmlessChange(x, baseEnv, e, headEnv)]
  ];
  for (const [sameDirective, equal] of passes) {
    for (const e of h.elevated) {
      if (matches.has(e)) continue;
      const i = baseElevated.findIndex(
        (x) => x.kind === e.kind && (!sameDirective || x.command.directive === e.command.directive) && equal(x, e)
      );
      if (i >= 0) matches.set(e, baseElevated.splice(i, 1)[0]);
    }
  }
  for (const e of h.elevated) {
    const matched = matches.get(e) ?? null;
    const changed = matched === null && baseElevated.some((x) => x.command.directive === e.command.directive && sameProgram(x, baseEnv, e, headEnv));
    const before = matched?.privileges ?? b?.held ?? { root: false, caps: 0n };
    const caps = e.privileges.caps & ~before.caps;
    const root = e.privileges.root && !before.root;
    const escapes = e.escapesSandbox && matched === null;
    if (caps === 0n && !root && !escapes) continue;
    const why = commandCause(base?.svc ?? null, head.svc, e, matched, changed);
    const cmd = {
      directive: e.command.directive,
      text: e.command.text,
      kind: e.kind,
      file: e.command.source.file,
      line: e.command.source.line
    };
    const what = `runs ${e.command.directive}=${e.command.text} ${KIND_PHRASE[e.kind]}: ${[privilegeList(caps, root), escapes ? "outside the sandbox" : ""].filter((x) => x !== "" && x !== "no capability").join(", ") || "no capability"}`;
    finding("command", caps, root, what, why.text, why.line, cmd, escapes ? [SANDBOX_ESCAPE] : []);
  }
  if (h.elevated.length > 0 && base !== null) {
    const env = environmentChange(base.svc, baseEnv, head.svc, headEnv);
    if (env !== null) {
      const first = h.elevated[0].command;
      const more = h.elevated.length > 1 ? ` and ${h.elevated.length - 1} more` : "";
      finding(
        "command",
        0n,
        false,
        `changes what its privileged commands (${first.directive}=${first.text}${more}) load and run: ${env.text}`,
        "the environment, search path and working directory decide what a privileged command loads, runs and touches (LD_PRELOAD, PATH, HOME, its arguments through $VAR, relative paths, …)",
        env.line,
        null,
        [ELEVATED_ENVIRONMENT]
      );
    }
  }
  return out;
}
function execEnvironment(svc) {
  const variables = /* @__PURE__ */ new Map();
  const setBy = /* @__PURE__ */ new Map();
  let unset = [];
  let files = [];
  let passed = [];
  let searchPath = [];
  let workingDirectory2 = "";
  const lines2 = [];
  for (const f of svc.files) {
    for (const a of f.assignments) {
      if (!ENVIRONMENT_KEYS.has(a.key) || a.section === "Unit" || a.section === "Install") continue;
      lines2.push(a);
      const words2 = () => extractWords(a.value, { unquote: true, relax: true, cunescape: true }).words;
      switch (a.key) {
        case "Environment":
          if (a.value === "") {
            variables.clear();
            setBy.clear();
          }
          for (const w of words2()) {
            const eq = w.indexOf("=");
            if (eq <= 0 || !VARIABLE_NAME.test(w.slice(0, eq))) continue;
            variables.set(w.slice(0, eq), w.slice(eq + 1));
            setBy.set(w.slice(0, eq), a);
          }
          break;
        case "UnsetEnvironment":
          unset = a.value === "" ? [] : [...unset, ...words2()];
          break;
        case "EnvironmentFile":
          files = a.value === "" ? [] : [...files, a.value.trim()];
          break;
        case "PassEnvironment":
          passed = a.value === "" ? [] : [...passed, ...words2()];
          break;
        case "ExecSearchPath":
          searchPath = a.value === "" ? [] : [
            ...searchPath,
            ...a.value.split(":").map((d) => d.trim()).filter((d) => d !== "")
          ];
          break;
        case "WorkingDirectory":
          workingDirectory2 = a.value.trim();
          break;
      }
    }
  }
  for (const u of unset) {
    const eq = u.indexOf("=");
    const name = eq < 0 ? u : u.slice(0, eq);
    if (eq < 0 || variables.get(name) === u.slice(eq + 1)) {
      variables.delete(name);
      setBy.delete(name);
    }
  }
  return { variables, setBy, files, passed, searchPath, workingDirectory: workingDirectory2, lines: lines2, unit: svc.unit };
}
function environmentChange(base, b, head, h) {
  const set = [];
  const gone = [];
  for (const [name, value2] of h.variables)
    if (b.variables.get(name) !== value2 && !(inert(name, value2) && inert(name, b.variables.get(name)))) set.push(name);
  for (const [name, value2] of b.variables) if (!h.variables.has(name) && !inert(name, value2)) gone.push(name);
  const parts2 = [];
  if (set.length > 0) parts2.push(`Environment= sets ${set.join(", ")}`);
  if (gone.length > 0) parts2.push(`${gone.join(", ")} no longer set`);
  const list3 = (x) => x.join(" ");
  if (list3(h.files) !== list3(b.files))
    parts2.push(`EnvironmentFile=${list3(h.files) || " (none)"} (was ${list3(b.files) || "none"})`);
  if (list3(h.passed) !== list3(b.passed))
    parts2.push(`PassEnvironment=${list3(h.passed) || " (none)"} (was ${list3(b.passed) || "none"})`);
  if (list3(h.searchPath) !== list3(b.searchPath)) parts2.push(`ExecSearchPath=${h.searchPath.join(":") || " (default)"}`);
  if (h.workingDirectory !== b.workingDirectory)
    parts2.push(`WorkingDirectory=${h.workingDirectory || " (none)"} (was ${b.workingDirectory || "none"})`);
  if (parts2.length === 0) return null;
  const ref = (a, removed2 = false) => ({
    file: a.file,
    line: a.line,
    removed: removed2,
    text: `${a.key}=${a.value}`
  });
  const role = (svc, a) => `${a.file === svc.fragmentPath ? "<unit>" : basename(a.file)}\0${a.key}\0${a.value}`;
  const baseLines = new Set(b.lines.map((a) => role(base, a)));
  const headLines = new Set(h.lines.map((a) => role(head, a)));
  const setter = set.map((n) => h.setBy.get(n)).find((a) => !baseLines.has(role(head, a)));
  const added = h.lines.find((a) => !baseLines.has(role(head, a)));
  const removed = b.lines.find((a) => !headLines.has(role(base, a)));
  const line = setter ? ref(setter) : added ? ref(added) : removed ? ref(removed, true) : ref(h.setBy.get(set[0] ?? "") ?? h.lines[0] ?? b.lines[0]);
  return { text: parts2.join("; "), line };
}
function argvOf(e, env) {
  const c = e.command;
  const words2 = extractWords(c.text, { unquote: true, relax: true, cunescape: true }).words;
  const first = words2[0] ?? "";
  const prefix2 = /^[-@:+!|]*/.exec(first)[0];
  const expand3 = !prefix2.includes(":");
  if (c.viaShell)
    return { program: "/bin/sh", args: ["-c", collapse([first.slice(prefix2.length), ...words2.slice(1)].join(" "))] };
  const args = [];
  for (const word of words2.slice(1)) {
    const w = expandUnitSpecifiers(word, env.unit);
    if (!expand3) args.push(collapse(w));
    else if (/^\$[A-Za-z_][A-Za-z0-9_]*$/.test(w) && env.variables.has(w.slice(1))) {
      for (const x of extractWords(env.variables.get(w.slice(1)), { unquote: true, relax: true }).words)
        args.push(collapse(x));
    } else args.push(collapse(expandWord(w, env)));
  }
  return unwrapShell({ program: c.path, args: args.map(runMerged) });
}
function expandWord(w, env) {
  return w.replace(
    /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (m, name) => m === "$$" ? "$" : env.variables.has(name) ? env.variables.get(name) : m
  );
}
function unwrapShell(a) {
  if (!SHELL.test(a.program) || a.args.length !== 2 || a.args[0] !== "-c" || !SIMPLE_SCRIPT.test(a.args[1])) return a;
  const [program2, ...args] = a.args[1].split(" ");
  return { program: program2, args };
}
function sameExecutable(x, bEnv, y, hEnv) {
  const bare = (p) => !p.startsWith("/");
  if (!bare(x) && !bare(y)) return usrMerged(x) === usrMerged(y);
  if (bEnv.searchPath.join(":") !== hEnv.searchPath.join(":")) return false;
  if (bare(x) && bare(y)) return x === y;
  const [name, path] = bare(x) ? [x, y] : [y, x];
  const dirs = hEnv.searchPath.length > 0 ? hEnv.searchPath : DEFAULT_SEARCH_PATH;
  const slash = path.lastIndexOf("/");
  return path.slice(slash + 1) === name && dirs.includes(path.slice(0, slash) || "/");
}
function sameProgram(x, bEnv, y, hEnv) {
  return sameExecutable(argvOf(x, bEnv).program, bEnv, argvOf(y, hEnv).program, hEnv);
}
function sameCommand(x, bEnv, y, hEnv) {
  const a = argvOf(x, bEnv);
  const b = argvOf(y, hEnv);
  return sameExecutable(a.program, bEnv, b.program, hEnv) && a.args.length === b.args.length && a.args.every((w, i) => w === b.args[i]);
}
function harmlessChange(x, bEnv, y, hEnv) {
  if (sameCommand(x, bEnv, y, hEnv)) return true;
  const a = argvOf(x, bEnv);
  const b = argvOf(y, hEnv);
  if (!sameExecutable(a.program, bEnv, b.program, hEnv)) return false;
  if (basename(a.program) === "kill" && KILL_MAINPID.test(a.args.join(" ")) && KILL_MAINPID.test(b.args.join(" ")))
    return true;
  const [longer, shorter] = a.args.length > b.args.length ? [a.args, b.args] : [b.args, a.args];
  return longer.length === shorter.length + 1 && longer[longer.length - 1] === "--verbose" && shorter.every((w, i) => w === longer[i]);
}
function heldWhat(b, h, caps, root) {
  const instance = h.user.fromInstance && h.user.root ? " (for an instance named root)" : "";
  if (!b) {
    if (h.user.root && h.held.caps === h.bounding && caps !== 0n) {
      const set = h.bounding === KNOWN_CAPS ? `its full bounding set, ${capCount(caps)}` : `its bounding set, ${capList(caps)}`;
      return `is new and runs as root${instance}: ${set}`;
    }
    return `is new and holds ${privilegeList(caps, root)} at start${instance}`;
  }
  if (root) return `now runs as root${instance}: ${caps === 0n ? "uid 0 without capabilities" : capList(caps)} at start`;
  return `now holds ${capList(caps)} at start`;
}
function heldCause(base, b, head, h) {
  if (!b) {
    const helper = implicitHelper(head.unit);
    const keys = h.user.fromInstance || !h.user.root ? h.user.fromInstance ? ["User"] : ["AmbientCapabilities"] : IDENTITY_KEYS;
    const line = blame(null, head, keys) ?? firstCommand(head);
    const who = h.user.fromInstance ? "User= comes from the instance name" : h.user.root ? `no User= (or User=root)${helper ? `; the manager runs ${helper} for it` : ""}` : "AmbientCapabilities=";
    return { text: `new unit: ${who}`, line };
  }
  if (b.privateUsers && !h.privateUsers) {
    return {
      text: "PrivateUsers= is gone: its capabilities now count on the host, not in a user namespace of its own",
      line: blame(base, head, ["PrivateUsers"])
    };
  }
  if (h.user.root && !b.user.root) {
    const text2 = h.user.fromInstance ? "User= now comes from the instance name (%i): an instance named root runs as root" : "the unit now runs as root (User= removed or set to root)";
    return { text: text2, line: blame(base, head, IDENTITY_KEYS) };
  }
  if (h.user.root) {
    const ns = h.privateUsers ? `; under PrivateUsers=${h.userNamespace} it keeps these over the host files whose owners its user namespace maps` : "";
    return {
      text: `the bounding set of this root unit grew${ns}`,
      line: blame(base, head, [...BOUNDING_KEYS, "SecureBits", "PrivateUsers"])
    };
  }
  return {
    text: "new ambient capabilities",
    line: blame(base, head, ["AmbientCapabilities"]) ?? blame(base, head, ["CapabilityBoundingSet", "SecureBits"])
  };
}
function reachCause(base, b, head, h) {
  if (!b) {
    return {
      text: "new unit: NoNewPrivileges= is not in force, so set-user-ID and file-capability programs can raise it to its bounding set",
      line: blame(null, head, ["NoNewPrivileges", ...BOUNDING_KEYS]) ?? firstCommand(head)
    };
  }
  if (b.noNewPrivileges !== null && h.noNewPrivileges === null) {
    switch (b.noNewPrivileges) {
      case "setting":
        return {
          text: "NoNewPrivileges= is no longer in force",
          line: blame(base, head, ["NoNewPrivileges"]) ?? blame(base, head, IDENTITY_KEYS)
        };
      case "dynamic-user":
        return {
          text: "DynamicUser= (which sets NoNewPrivileges=) is gone",
          line: blame(base, head, ["DynamicUser", "NoNewPrivileges"])
        };
      case "seccomp":
        return {
          text: "no setting forces NoNewPrivileges= any more (seccomp-based settings force it for a unit that is not root on this systemd)",
          line: blame(base, head, [...SECCOMP_KEYS, "NoNewPrivileges", ...IDENTITY_KEYS])
        };
    }
  }
  if (b.privateUsers && !h.privateUsers) {
    return {
      text: "PrivateUsers= is gone: what it gains now counts on the host",
      line: blame(base, head, ["PrivateUsers"])
    };
  }
  if (h.user.root && !b.user.root) return { text: "the unit now runs as root", line: blame(base, head, IDENTITY_KEYS) };
  return { text: "the bounding set grew", line: blame(base, head, BOUNDING_KEYS) };
}
function firstCommand(svc) {
  const a = svc.state.applied.find((x) => isExecDirective(x.key));
  return a ? { file: a.file, line: a.line, removed: false, text: `${a.key}=${a.value}` } : { file: svc.fragmentPath, line: 1, removed: false, text: "" };
}
function commandCause(base, head, e, matched, changed) {
  const own = {
    file: e.command.source.file,
    line: e.command.source.line,
    removed: false,
    text: `${e.command.directive}=${e.command.source.value}`
  };
  if (changed) {
    return {
      text: "the command line of a privileged command changed: what a privileged program does with other arguments is a new privilege",
      line: own
    };
  }
  if (!matched) {
    if (e.kind === "permissions-start-only") {
      const pso = blame(base, head, ["PermissionsStartOnly"]);
      if (pso)
        return {
          text: "PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root",
          line: pso
        };
    }
    const text2 = e.kind === "full-privileges" ? "the + prefix runs the command with full privileges: no User=, no bounding set, no sandbox" : e.kind === "root-credentials" ? "the ! prefix skips User=/Group=: the command runs as root, within the bounding set" : "PermissionsStartOnly=yes runs every command but ExecStart= without the sandbox, as root";
    return { text: text2, line: own };
  }
  return {
    text: "the bounding set its elevated command runs within grew",
    line: blame(base, head, BOUNDING_KEYS) ?? own
  };
}
function accept(wanted, a, line) {
  const accepted = [];
  const unaccepted = [];
  const known = (w) => a.baseWaivers.some((b) => sameWaiver(b, w));
  const allowCovers = (capability, name) => capability === "ALL" || name.startsWith("CAP_") && capability === name;
  const waiverCovers = (w, name) => w.capabilities.includes("ALL") ? line !== null && (line.removed ? !known(w) : line.file === w.file && line.line === w.nextLine) : name.startsWith("CAP_") && w.capabilities.includes(name);
  const byWaiver = (w, name, addedInChange) => ({
    privilege: name,
    by: "waiver",
    reason: w.reason,
    file: w.file,
    line: w.line,
    addedInChange
  });
  for (const name of wanted) {
    const waivers = a.waivers.filter((w) => waiverCovers(w, name));
    const old = waivers.find(known);
    if (old) {
      accepted.push(byWaiver(old, name, false));
      continue;
    }
    const entry2 = a.allow.find(
      (e) => allowCovers(e.capability, name) && (e.unit === null || a.unitNames.includes(e.unit))
    );
    if (entry2) {
      accepted.push({
        privilege: name,
        by: "allow-list",
        reason: `allowed by configuration (${entry2.unit ? `${entry2.unit}:` : ""}${entry2.capability})`,
        addedInChange: false
      });
      continue;
    }
    if (waivers.length > 0) {
      accepted.push(byWaiver(waivers[0], name, true));
      continue;
    }
    unaccepted.push(name);
  }
  return { accepted, unaccepted };
}
function sameWaiver(x, y) {
  return basename(x.file) === basename(y.file) && x.reason === y.reason && x.capabilities.join(" ") === y.capabilities.join(" ") && (!x.capabilities.includes("ALL") || x.nextKey === y.nextKey);
}
function capList(caps) {
  const list3 = names(caps);
  if (list3.length === 0) return "no capability";
  if (list3.length <= 6) return list3.join(", ");
  return capCount(caps);
}
function capCount(caps) {
  const n = names(caps).length;
  return caps === KNOWN_CAPS ? `all ${n} capabilities` : `${n} capabilities`;
}
function privilegeList(caps, root) {
  if (!root) return capList(caps);
  return caps === 0n ? "uid 0" : `uid 0 and ${capList(caps)}`;
}
function expandUnitSpecifiers(word, unit) {
  if (!word.includes("%")) return word;
  const dot = unit.lastIndexOf(".");
  const stem = dot > 0 ? unit.slice(0, dot) : unit;
  const at = stem.indexOf("@");
  const prefix2 = at >= 0 ? stem.slice(0, at) : stem;
  const instance = at >= 0 ? stem.slice(at + 1) : "";
  const dash = prefix2.lastIndexOf("-");
  const last = dash >= 0 ? prefix2.slice(dash + 1) : prefix2;
  const values = {
    n: unit,
    N: stem,
    p: prefix2,
    P: unescapeUnitName(prefix2),
    i: instance,
    I: unescapeUnitName(instance),
    j: last,
    J: unescapeUnitName(last),
    f: "/" + unescapeUnitName(instance !== "" ? instance : prefix2).replace(/^\/+/, "")
  };
  return word.replace(/%(.)/g, (m, c) => c === "%" ? m : values[c] ?? m);
}
var ROOT, SANDBOX_ESCAPE, ELEVATED_ENVIRONMENT, BOUNDING_KEYS, IDENTITY_KEYS, SECCOMP_KEYS, ENVIRONMENT_KEYS, VARIABLE_NAME, INERT_VARIABLE, INERT_VALUE, inert, KIND_PHRASE, reachesRoot, DEFAULT_SEARCH_PATH, runMerged, collapse, SHELL, SIMPLE_SCRIPT, usrMerged, KILL_MAINPID;
var init_capabilities = __esm({
  "src/diff/capabilities.ts"() {
    "use strict";
    init_linux_names();
    init_exec_directives();
    init_privileges();
    init_user_units();
    init_words();
    init_names();
    init_source();
    init_trace();
    init_linux_names();
    ROOT = "root";
    SANDBOX_ESCAPE = "outside-sandbox";
    ELEVATED_ENVIRONMENT = "elevated-environment";
    BOUNDING_KEYS = [
      "CapabilityBoundingSet",
      "PrivateDevices",
      "ProtectKernelModules",
      "ProtectKernelLogs",
      "ProtectClock"
    ];
    IDENTITY_KEYS = ["User", "DynamicUser"];
    SECCOMP_KEYS = [
      "LockPersonality",
      "MemoryDenyWriteExecute",
      "PrivateDevices",
      "ProtectClock",
      "ProtectHostname",
      "ProtectKernelTunables",
      "ProtectKernelModules",
      "ProtectKernelLogs",
      "RestrictAddressFamilies",
      "RestrictNamespaces",
      "RestrictRealtime",
      "RestrictSUIDSGID",
      "SystemCallArchitectures",
      "SystemCallFilter"
    ];
    ENVIRONMENT_KEYS = /* @__PURE__ */ new Set([
      "Environment",
      "EnvironmentFile",
      "PassEnvironment",
      "UnsetEnvironment",
      "ExecSearchPath",
      "WorkingDirectory"
    ]);
    VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
    INERT_VARIABLE = /^(LANG|LANGUAGE|LC_[A-Z]+|TZ|TERM|NO_COLOR)$/;
    INERT_VALUE = /^[A-Za-z0-9_.@:+-]*$/;
    inert = (name, value2) => INERT_VARIABLE.test(name) && (value2 === void 0 || INERT_VALUE.test(value2) && !value2.includes(".."));
    KIND_PHRASE = {
      "full-privileges": "with full privileges (+ prefix)",
      "root-credentials": "as root within the bounding set (! prefix)",
      "permissions-start-only": "with full privileges (PermissionsStartOnly=yes)"
    };
    reachesRoot = (p) => p.manager === "system" && p.startsProcesses && !p.held.root && p.noNewPrivileges === null;
    DEFAULT_SEARCH_PATH = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];
    runMerged = (w) => w.replace(
      /(^|[=:, ])\/var\/(run|lock)(?=\/|$|[ :,])/g,
      (_m, lead, dir) => `${lead}/run${dir === "lock" ? "/lock" : ""}`
    );
    collapse = (w) => w.replace(/\s+/g, " ").trim();
    SHELL = /^\/(usr\/)?bin\/(sh|bash|dash)$/;
    SIMPLE_SCRIPT = /^\/[A-Za-z0-9_./@%+,:=-]*( [A-Za-z0-9_./@%+,:=-]+)*$/;
    usrMerged = (p) => p.replace(/^\/(usr\/)?s?bin\//, "/usr/bin/");
    KILL_MAINPID = /^(-[A-Za-z0-9+]+ |-s [A-Za-z0-9+]+ )?\$(MAINPID|\{MAINPID\})$/;
  }
});

// src/diff/waivers.ts
function findWaivers(file, bytes) {
  const waivers = [];
  const problems = [];
  const text2 = Buffer.from(bytes).toString("utf8");
  if (!text2.includes("systemd-exposure:")) return { waivers, problems };
  const lines2 = [...lineSpans(text2)].map((l) => text2.slice(l.start, l.end));
  lines2.forEach((l, i) => {
    const m = WAIVER.exec(l);
    if (!m) return;
    const [capsPart, ...reasonParts] = m[1].split(/[ \t]--(?:[ \t]|$)/);
    const reason = reasonParts.join(" -- ").trim();
    const caps = capsPart.split(/[\s,]+/).filter((c) => c !== "").map((c) => c.toUpperCase());
    const unknown = caps.filter((c) => c !== "ALL" && capabilityBit(c) === null);
    if (caps.length === 0 || unknown.length > 0) {
      problems.push({
        file,
        line: i + 1,
        message: `waiver names no valid capability${unknown.length ? ` (${unknown.join(", ")})` : ""}; ignored`
      });
    } else if (reason === "") {
      problems.push({ file, line: i + 1, message: 'waiver has no reason after "--"; ignored (a reason is mandatory)' });
    } else {
      const nextLine = nextContentLine(lines2, i + 1);
      waivers.push({
        capabilities: caps,
        reason,
        file,
        line: i + 1,
        nextLine,
        nextKey: nextLine === null ? null : lineKey(lines2, nextLine - 1)
      });
    }
  });
  return { waivers, problems };
}
function nextContentLine(lines2, from) {
  for (let i = from; i < lines2.length; i++) {
    const t = lines2[i].trim();
    if (t !== "" && !t.startsWith("#") && !t.startsWith(";")) return i + 1;
  }
  return null;
}
function lineKey(lines2, at) {
  let text2 = lines2[at];
  for (let i = at + 1; /\\[ \t]*$/.test(text2) && i < lines2.length; i++) text2 = text2.replace(/\\[ \t]*$/, " ") + lines2[i];
  const eq = text2.indexOf("=");
  if (eq < 0) return text2.trim();
  const key = text2.slice(0, eq).trim();
  const value2 = text2.slice(eq + 1).trim();
  if (!key.startsWith("Exec")) return `${key}=${value2}`;
  const words2 = extractWords(value2, { unquote: true, relax: true }).words.map((w) => w.replace(/\s+/g, " ").trim());
  if (words2.length > 0) words2[0] = words2[0].replace(/^([-@:+!|]*)\/(usr\/)?s?bin\//, "$1/usr/bin/");
  return `${key}=${words2.join("\0")}`;
}
function parseAllowEntry(text2) {
  const colon = text2.lastIndexOf(":");
  const unit = colon >= 0 ? text2.slice(0, colon).trim() : null;
  const capability = (colon >= 0 ? text2.slice(colon + 1) : text2).trim().toUpperCase();
  if (capability !== "ALL" && capabilityBit(capability) === null || unit === "") return null;
  return { unit, capability };
}
var WAIVER;
var init_waivers = __esm({
  "src/diff/waivers.ts"() {
    "use strict";
    init_words();
    init_line_ends();
    init_capabilities();
    WAIVER = /^[ \t]*[#;][ \t]*systemd-exposure:[ \t]*allow\b(.*)$/i;
  }
});

// src/options/value-types.ts
function choice(choices) {
  return {
    placeholder: choices.join("|"),
    accepts: `one of ${choices.join(", ")}`,
    parse: (text2) => choices.includes(text2) ? text2 : void 0
  };
}
function text(placeholder) {
  return { placeholder, accepts: "any text", parse: (t) => t };
}
var BOOLEAN_WORDS, TRUE_WORDS2, FALSE_WORDS2, BOOLEAN, SCORE, THRESHOLD, SYSTEMD_VERSION, SYSTEMD_TARGET, ALLOW_ENTRY, PATH_PATTERN, TEMPLATE_SUFFIX, PLACEHOLDER;
var init_value_types = __esm({
  "src/options/value-types.ts"() {
    "use strict";
    init_waivers();
    init_versions();
    BOOLEAN_WORDS = {
      true: ["true", "yes", "on", "1"],
      false: ["false", "no", "off", "0"]
    };
    TRUE_WORDS2 = BOOLEAN_WORDS.true;
    FALSE_WORDS2 = BOOLEAN_WORDS.false;
    BOOLEAN = {
      placeholder: "true|false",
      accepts: `true or false (${TRUE_WORDS2.join(", ")} / ${FALSE_WORDS2.join(", ")}, in any case)`,
      parse(text2) {
        const word = text2.toLowerCase();
        if (TRUE_WORDS2.includes(word)) return true;
        if (FALSE_WORDS2.includes(word)) return false;
        return void 0;
      }
    };
    SCORE = {
      placeholder: "X.Y",
      accepts: "an exposure score from 0.0 to 10.0 with at most one decimal",
      parse: (text2) => text2 === "" ? null : /^(10(\.0)?|[0-9](\.[0-9])?)$/.test(text2) ? Number(text2) : void 0
    };
    THRESHOLD = {
      placeholder: "N",
      accepts: "an integer from 0 to 100 (ten times the score)",
      parse: (text2) => /^[0-9]+$/.test(text2) && Number(text2) <= 100 ? Number(text2) : void 0
    };
    SYSTEMD_VERSION = {
      placeholder: SYSTEMD_VERSIONS.join("|"),
      accepts: `one of ${SYSTEMD_VERSIONS.join(", ")}`,
      parse: (text2) => isSystemdVersion(text2) ? text2 : void 0
    };
    SYSTEMD_TARGET = {
      placeholder: `${SYSTEMD_VERSIONS.join("|")}|OLDEST-NEWEST`,
      accepts: `one of ${SYSTEMD_VERSIONS.join(", ")}, or a range OLDEST-NEWEST (such as ${SYSTEMD_VERSIONS[0]}-${SYSTEMD_VERSIONS[2]}) that contains one of them`,
      parse: parseSystemdTarget
    };
    ALLOW_ENTRY = {
      placeholder: "[UNIT:]CAP_NAME",
      accepts: "CAP_NAME or UNIT:CAP_NAME",
      parse: (text2) => parseAllowEntry(text2) ?? void 0
    };
    PATH_PATTERN = {
      placeholder: "[!]GLOB",
      accepts: "a glob, or !glob to exclude",
      parse: (text2) => {
        const exclude = text2.startsWith("!");
        const glob = exclude ? text2.slice(1) : text2;
        return glob === "" ? void 0 : { glob, exclude };
      }
    };
    TEMPLATE_SUFFIX = {
      placeholder: ".SUFFIX",
      accepts: "a suffix such as .notify (a dot, then letters, digits, _ or -)",
      parse: (text2) => /^\.[A-Za-z0-9_-]+$/.test(text2) ? text2 : void 0
    };
    PLACEHOLDER = {
      placeholder: "NAME=VALUE",
      accepts: "NAME=VALUE, e.g. user=cockpit-ws",
      parse: (text2) => {
        const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(text2);
        return m ? { name: m[1], value: m[2] } : void 0;
      }
    };
  }
});

// src/options/option-table.ts
function commandOptions(command) {
  return ALL_OPTIONS.filter((o) => o.commands.includes(command));
}
var OPTIONS, ALL_OPTIONS;
var init_option_table = __esm({
  "src/options/option-table.ts"() {
    "use strict";
    init_versions();
    init_option();
    init_value_types();
    OPTIONS = {
      githubToken: single({
        flag: null,
        input: "github-token",
        commands: [],
        type: text("TOKEN"),
        default: "",
        runnerDefault: "${{ github.token }}",
        description: "token that reads the pull request's files and writes the comment"
      }),
      base: single({
        flag: "base",
        input: null,
        commands: ["diff"],
        type: text("REV"),
        default: "",
        description: "base revision (default: the merge base of HEAD with the default branch)"
      }),
      head: single({
        flag: "head",
        input: null,
        commands: ["diff"],
        type: text("REV"),
        default: "",
        description: "head revision (default: the work tree, untracked files included)"
      }),
      staged: single({
        flag: "staged",
        input: null,
        commands: ["diff"],
        type: BOOLEAN,
        default: "false",
        description: "review the staged change (the index, against HEAD unless --base is given) instead of the work tree, as a pre-commit hook does"
      }),
      repo: single({
        flag: "repo",
        input: null,
        commands: ["diff"],
        type: text("DIR"),
        default: "",
        description: "a directory of the git repository (default: the current directory)"
      }),
      systemdVersion: single({
        flag: "systemd-version",
        input: "systemd-version",
        commands: ["score", "recommend", "diff"],
        type: SYSTEMD_TARGET,
        default: DEFAULT_SYSTEMD_VERSION,
        env: "SYSTEMD_EXPOSURE_VERSION",
        description: "the systemd whose systemd-analyze security is reproduced, or a fleet's range"
      }),
      // Each command's formats are in its own table (src/cli/*-formats.ts); formatOption() gives
      // this option the command's format names as its choices and its first format as the default.
      format: single({
        flag: "format",
        input: null,
        commands: ["score", "recommend", "diff"],
        type: text("FORMAT"),
        default: "",
        description: "output format"
      }),
      threshold: single({
        flag: "threshold",
        input: null,
        commands: ["score"],
        type: THRESHOLD,
        default: "100",
        description: "exit 1 when a unit's exposure, times ten, is above N"
      }),
      securityPolicy: single({
        flag: "security-policy",
        input: null,
        commands: ["score"],
        type: text("FILE"),
        default: "",
        description: "a JSON security policy, as systemd-analyze --security-policy reads it"
      }),
      paths: list({
        flag: null,
        input: "paths",
        commands: [],
        type: PATH_PATTERN,
        description: "globs of the unit files to review (default: every file); !glob excludes"
      }),
      failOnCapabilityWidening: single({
        flag: "fail-on-capability-widening",
        input: "fail-on-capability-widening",
        commands: ["diff"],
        type: BOOLEAN,
        default: "true",
        description: "fail when a service can hold a capability it could not hold before"
      }),
      failOnNewWaiver: single({
        flag: "fail-on-new-waiver",
        input: "fail-on-new-waiver",
        commands: ["diff"],
        type: BOOLEAN,
        default: "false",
        description: "fail when a widening is accepted only by a waiver the change itself adds"
      }),
      maxExposure: single({
        flag: "max-exposure",
        input: "max-exposure",
        commands: ["diff"],
        type: SCORE,
        default: "",
        description: "fail when a changed service's exposure after the change is above this"
      }),
      maxExposureIncrease: single({
        flag: "max-exposure-increase",
        input: "max-exposure-increase",
        commands: ["diff"],
        type: SCORE,
        default: "",
        description: "fail when a service's exposure rises by more than this"
      }),
      failOnRegression: single({
        flag: "fail-on-regression",
        input: "fail-on-regression",
        commands: ["diff"],
        type: BOOLEAN,
        default: "false",
        description: "fail when any setting of a changed service gets worse"
      }),
      failOnInvalidUnit: single({
        flag: "fail-on-invalid-unit",
        input: "fail-on-invalid-unit",
        commands: ["diff"],
        type: BOOLEAN,
        default: "false",
        description: "fail when a changed unit cannot be loaded (systemd would refuse it)"
      }),
      failOnUnreadableUnit: single({
        flag: "fail-on-unreadable-unit",
        input: "fail-on-unreadable-unit",
        commands: ["diff"],
        type: BOOLEAN,
        default: "true",
        description: "fail when a changed unit cannot be read or assessed (too large, a link out of the repository, a Git LFS pointer, an unresolvable template)"
      }),
      allowCapabilities: list({
        flag: "allow-capability",
        input: "allow-capabilities",
        commands: ["diff"],
        type: ALLOW_ENTRY,
        description: "a capability accepted without a waiver, for every service or for one unit"
      }),
      templateSuffixes: list({
        flag: "template-suffix",
        input: "template-suffixes",
        commands: ["diff"],
        type: TEMPLATE_SUFFIX,
        description: "a build-template suffix besides .in, .j2, .jinja, .jinja2 and .tmpl: foo.service.notify is reviewed as foo.service"
      }),
      templatePlaceholders: list({
        flag: "template-placeholder",
        input: "template-placeholders",
        commands: ["diff"],
        type: PLACEHOLDER,
        description: "a value for a build-template placeholder, e.g. user=cockpit-ws for @user@"
      }),
      include: list({
        flag: "include",
        input: null,
        commands: ["diff"],
        type: text("GLOB"),
        description: "review only the unit files matching GLOB (default: every file)"
      }),
      exclude: list({
        flag: "exclude",
        input: null,
        commands: ["diff"],
        type: text("GLOB"),
        description: "skip the unit files matching GLOB (node_modules, vendor, third_party, Godeps/_workspace always are)"
      }),
      comment: single({
        flag: null,
        input: "comment",
        commands: [],
        type: choice(["update", "new", "off"]),
        default: "update",
        description: "the PR comment: one edited in place, a new one each run, or none"
      }),
      reviewComments: single({
        flag: null,
        input: "review-comments",
        commands: [],
        type: BOOLEAN,
        default: "true",
        description: "inline review comments on the pull request's changed lines that widen a privilege or make a setting worse, with a suggested fix where one is safe"
      }),
      sarifFile: single({
        flag: null,
        input: "sarif-file",
        commands: [],
        type: text("PATH"),
        default: "",
        description: "also write the findings as SARIF 2.1.0 to PATH (relative to the workspace), for code scanning"
      }),
      workingDirectory: single({
        flag: null,
        input: "working-directory",
        commands: [],
        type: text("DIR"),
        default: ".",
        description: "the checkout, relative to the workspace"
      }),
      conformanceVersions: list({
        flag: "systemd-version",
        input: null,
        commands: ["conformance"],
        type: SYSTEMD_VERSION,
        description: "a systemd version to compare (default: every one)"
      }),
      live: single({
        flag: "live",
        input: null,
        commands: ["conformance"],
        type: BOOLEAN,
        default: "false",
        description: "run systemd-analyze through the oracle instead of reading the corpus's goldens"
      }),
      goldens: single({
        flag: "goldens",
        input: null,
        commands: ["conformance"],
        type: text("DIR"),
        default: "",
        description: "the goldens (default: DIR/golden)"
      }),
      oracle: single({
        flag: "oracle",
        input: null,
        commands: ["conformance"],
        type: text("FILE"),
        default: "",
        description: "the oracle script --live runs (default: DIR/../oracle/analyze)"
      }),
      verbose: single({
        flag: "verbose",
        input: null,
        commands: ["conformance"],
        type: BOOLEAN,
        default: "false",
        description: "also list the targets that are identical"
      })
    };
    ALL_OPTIONS = Object.values(OPTIONS);
  }
});

// src/report/byte-sink.ts
function collectBytes(write) {
  const parts2 = [];
  const sink = new ByteSink((b) => parts2.push(b), 16 * 1024);
  write(sink);
  sink.flush();
  return parts2.length === 1 ? parts2[0].slice() : Buffer.concat(parts2);
}
var encoder, ByteSink;
var init_byte_sink = __esm({
  "src/report/byte-sink.ts"() {
    "use strict";
    encoder = new TextEncoder();
    ByteSink = class {
      constructor(emit, blockSize = 256 * 1024) {
        this.emit = emit;
        this.blockSize = blockSize;
        this.block = new Uint8Array(blockSize);
      }
      emit;
      blockSize;
      block;
      used = 0;
      text(text2) {
        if (text2.length * 3 > this.blockSize - this.used) {
          this.flush();
          if (text2.length * 3 > this.blockSize) return this.emit(encoder.encode(text2));
        }
        this.used += encoder.encodeInto(text2, this.block.subarray(this.used)).written;
      }
      bytes(bytes) {
        if (bytes.length > this.blockSize - this.used) {
          this.flush();
          if (bytes.length > this.blockSize) return this.emit(bytes.slice());
        }
        this.block.set(bytes, this.used);
        this.used += bytes.length;
      }
      /** Emits what is buffered, if anything. */
      flush() {
        if (this.used === 0) return;
        this.emit(this.block.subarray(0, this.used));
        this.block = new Uint8Array(this.blockSize);
        this.used = 0;
      }
    };
  }
});

// src/text/visible.ts
function escapeOne(c) {
  const n = c.codePointAt(0);
  if (NAMED[c]) return NAMED[c];
  if (n <= 159) return `\\x${n.toString(16).padStart(2, "0")}`;
  if (n >= 56448 && n <= 56575) return `\\x${(n - 56320).toString(16).padStart(2, "0")}`;
  return `\\u{${n.toString(16)}}`;
}
function visible(text2, keep = "") {
  return text2.replace(INVISIBLE, (c) => keep.includes(c) ? c : escapeOne(c));
}
function clip(text2, max) {
  if (text2.length <= max) return text2;
  const points = Array.from(text2);
  if (points.length <= max) return text2;
  const tail = Math.floor((max - 1) / 3);
  const head = max - 1 - tail;
  return `${points.slice(0, head).join("")}…${tail > 0 ? points.slice(-tail).join("") : ""}`;
}
var INVISIBLE, NAMED;
var init_visible = __esm({
  "src/text/visible.ts"() {
    "use strict";
    INVISIBLE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\u2028\u2029\ud800-\udfff]/gu;
    NAMED = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
  }
});

// src/options/read-option.ts
function optionReader(source) {
  return (option) => {
    const given = source.given(option);
    if (given === null) return defaultValue(option);
    const values = given.texts.map((text2) => {
      const value2 = option.type.parse(text2);
      if (value2 === void 0)
        throw source.refuse(`${given.label} must be ${option.type.accepts}, got '${visible(clip(text2, MAX_SHOWN))}'`);
      return value2;
    });
    return option.list ? values : values[values.length - 1];
  };
}
function defaultValue(option) {
  if (option.list) return [];
  const value2 = option.type.parse(option.default);
  if (value2 === void 0)
    throw new Error(`the default '${option.default}' of ${option.flag ?? option.input} is not ${option.type.accepts}`);
  return value2;
}
var MAX_SHOWN;
var init_read_option = __esm({
  "src/options/read-option.ts"() {
    "use strict";
    init_visible();
    MAX_SHOWN = 80;
  }
});

// src/cli/usage.ts
var UsageError;
var init_usage = __esm({
  "src/cli/usage.ts"() {
    "use strict";
    UsageError = class extends Error {
    };
  }
});

// src/cli/command-line.ts
function readCommandLine(command, args, env) {
  const { values, positionals } = parseCommandLine(args, commandOptions(command));
  const read2 = optionReader({
    given(option) {
      if (option.flag === null || !option.commands.includes(command)) return null;
      const raw = values[option.flag];
      const texts = (raw === void 0 ? [] : typeof raw === "string" ? [raw] : raw).filter((t) => t !== "");
      if (texts.length > 0) return { texts, label: `--${option.flag}` };
      const fromEnv = option.env === void 0 ? void 0 : env[option.env];
      return fromEnv ? { texts: [fromEnv], label: option.env } : null;
    },
    refuse: (message) => new UsageError(message)
  });
  return { read: read2, positionals };
}
function parseCommandLine(args, options) {
  const byArg = new Map(options.map((o) => [`--${o.flag}`, o]));
  const optionArgs = [];
  const positionals = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--") {
      for (let j = i + 1; j < args.length; j++) positionals.push(args[j]);
      break;
    }
    if (arg.length < 2 || arg[0] !== "-") {
      positionals.push(arg);
      continue;
    }
    const option = byArg.get(arg);
    if (option?.type === BOOLEAN) {
      const next = args[i + 1];
      const takesNext = next !== void 0 && BOOLEAN.parse(next) !== void 0;
      optionArgs.push(`${arg}=${takesNext ? next : "true"}`);
      if (takesNext) i++;
      continue;
    }
    optionArgs.push(arg);
    if (option && i + 1 < args.length) optionArgs.push(args[++i]);
  }
  const config = Object.fromEntries(options.map((o) => [o.flag, { type: "string", multiple: o.list }]));
  const parsed = (0, import_node_util.parseArgs)({ args: optionArgs, options: config, allowPositionals: true, strict: true });
  return { values: parsed.values, positionals: [...parsed.positionals, ...positionals] };
}
var import_node_util;
var init_command_line = __esm({
  "src/cli/command-line.ts"() {
    "use strict";
    import_node_util = require("node:util");
    init_option_table();
    init_read_option();
    init_value_types();
    init_usage();
  }
});

// src/cli/format-option.ts
function formatOption(formats) {
  const names2 = formats.map((f) => f.name);
  return { ...OPTIONS.format, type: choice(names2), default: names2[0] };
}
function readFormat(read2, formats) {
  const name = read2(formatOption(formats));
  return formats.find((f) => f.name === name);
}
var init_format_option = __esm({
  "src/cli/format-option.ts"() {
    "use strict";
    init_option_table();
    init_value_types();
  }
});

// src/text/compare-bytes.ts
function compareBytes(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 55296 && x <= 57343 || y >= 55296 && y <= 57343) {
      return (a.codePointAt(i) ?? 0) - (b.codePointAt(i) ?? 0);
    }
    return x - y;
  }
  return a.length - b.length;
}
var init_compare_bytes = __esm({
  "src/text/compare-bytes.ts"() {
    "use strict";
  }
});

// src/model/display-order.ts
function sharedOrder(rows, ranks, signature, nullDescriptionFirst) {
  const candidates = orderCache.get(signature);
  if (candidates !== void 0) {
    for (const c of candidates) if (sameRows(c.byAssessor, rows)) return c.ordered;
  }
  const ordered = displayOrder(rows, ranks, nullDescriptionFirst);
  if (ordersCached < ORDER_CACHE_MAX) {
    ordersCached++;
    const entry2 = { byAssessor: rows, ordered };
    if (candidates === void 0) orderCache.set(signature, [entry2]);
    else candidates.push(entry2);
  }
  return ordered;
}
function sameRows(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function row(index, a, weight, range, badness, exposure, description) {
  const shareable = weight === a.weight && range === a.range && (description === null || description.length <= SHARED_DESCRIPTION_MAX);
  const key = badness === null ? -1 : badness * 1e3 + (exposure ?? 0);
  const slot = shareable ? rowCache[index]?.get(key) : void 0;
  if (slot !== void 0) {
    for (let i = 0; i < slot.length; i++) {
      const shared2 = slot[i];
      if (shared2.row.description === description && shared2.assessor === a) return shared2;
    }
  }
  const made = {
    id: a.id,
    jsonField: a.jsonField,
    set: badness === null ? null : badness === 0,
    badness,
    exposure,
    description,
    weight,
    range
  };
  if (!shareable || rowsCached >= ROW_CACHE_MAX) return made;
  rowsCached++;
  const shared = {
    assessor: a,
    row: made,
    serial: rowsCached,
    rank: description === null ? void 0 : rankOf(made.id, description)
  };
  let byKey = rowCache[index];
  if (byKey === void 0) rowCache[index] = byKey = /* @__PURE__ */ new Map();
  if (slot === void 0) byKey.set(key, [shared]);
  else slot.push(shared);
  return shared;
}
function rankOf(id, description) {
  let byDescription = rankByPair.get(id);
  const existing = byDescription?.get(description);
  if (existing !== void 0) return existing;
  if (ranked.length >= RANKED_MAX) return void 0;
  let lo = 0;
  let hi = ranked.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    const e = ranked[mid];
    if ((-compareBytes(e.description, description) || compareBytes(e.id, id)) < 0) lo = mid + 1;
    else hi = mid;
  }
  const rank = { value: lo };
  ranked.splice(lo, 0, { id, description, rank });
  for (let i = lo + 1; i < ranked.length; i++) ranked[i].rank.value = i;
  if (byDescription === void 0) rankByPair.set(id, byDescription = /* @__PURE__ */ new Map());
  byDescription.set(description, rank);
  return rank;
}
function sortByRank(rows, ranks) {
  const keys = rows.length === sortKeys.length ? sortKeys : new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = ranks[i].value * 256 + i;
  keys.sort();
  const out = new Array(rows.length);
  for (let i = 0; i < keys.length; i++) out[i] = rows[keys[i] & 255];
  return out;
}
function displayOrder(rows, ranks, nullDescriptionFirst) {
  if (ranks !== null && rows.length <= 256) return sortByRank(rows, ranks);
  let hasNull = false;
  let hasSurrogate = false;
  for (const r of rows) {
    if (r.description === null) hasNull = true;
    else if (!hasSurrogate && SURROGATE.test(r.description)) hasSurrogate = true;
    if (!hasSurrogate && SURROGATE.test(r.id)) hasSurrogate = true;
  }
  if (!hasNull) return rows.slice().sort(hasSurrogate ? compareRowsBytes : compareRowsNative);
  const items = [HEADER, ...rows.map((r, i) => ({ r, i: i + 1 }))];
  if (nullDescriptionFirst) {
    const nulls = rows.filter((r) => r.description === null);
    const rest = rows.filter((r) => r.description !== null);
    return [...nulls, ...glibcMergeSort(rest.map((r, i) => ({ r, i: i + 1 }))).map((x) => x.r)];
  }
  return glibcMergeSort(items).slice(1).map((x) => x.r);
}
function compareRowsBytes(a, b) {
  return -compareBytes(a.description, b.description) || compareBytes(a.id, b.id);
}
function compareRowsNative(a, b) {
  const da = a.description;
  const db = b.description;
  if (da !== db) return da < db ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? -1 : 1;
}
function compareCells(a, b) {
  if (a.r === null) return b.r === null ? 0 : -1;
  if (b.r === null) return 1;
  const da = a.r.description;
  const db = b.r.description;
  let c;
  if (da === null || db === null) c = da === db ? 0 : -Math.sign(a.i - b.i);
  else c = -compareBytes(da, db);
  if (c !== 0) return c;
  c = compareBytes(a.r.id, b.r.id);
  return c !== 0 ? c : Math.sign(a.i - b.i);
}
function glibcMergeSort(items) {
  if (items.length <= 1) return items;
  const n1 = Math.floor(items.length / 2);
  const left = glibcMergeSort(items.slice(0, n1));
  const right = glibcMergeSort(items.slice(n1));
  const out = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length)
    out.push(compareCells(left[i], right[j]) <= 0 ? left[i++] : right[j++]);
  while (i < left.length) out.push(left[i++]);
  while (j < right.length) out.push(right[j++]);
  return out;
}
var RowList, orderCache, ORDER_CACHE_MAX, ordersCached, rowCache, ROW_CACHE_MAX, SHARED_DESCRIPTION_MAX, rowsCached, rankByPair, ranked, RANKED_MAX, sortKeys, SURROGATE, HEADER;
var init_display_order = __esm({
  "src/model/display-order.ts"() {
    "use strict";
    init_compare_bytes();
    RowList = class {
      rows;
      // Display-order ranks of the rows (see Rank), while every row has one. Read once all rows
      // are made: making one can insert a new rank and renumber the others.
      ranks;
      // Identifies the list of shared rows (see sharedOrder), while every row is shared.
      signature;
      constructor(size) {
        this.rows = new Array(size);
        this.ranks = new Array(size);
        this.signature = size;
        if (sortKeys.length !== size) sortKeys = new Uint32Array(size);
      }
      add(index, a, weight, range, badness, exposure, description) {
        const made = row(index, a, weight, range, badness, exposure, description);
        if ("row" in made) {
          this.rows[index] = made.row;
          this.signature = Math.imul(this.signature, 2654435761) + made.serial | 0;
          if (this.ranks !== null) {
            if (made.rank === void 0) this.ranks = null;
            else this.ranks[index] = made.rank;
          }
        } else {
          this.rows[index] = made;
          this.ranks = null;
        }
      }
      /** systemd's display order (see displayOrder); 262 puts a row without description first. */
      inDisplayOrder(nullDescriptionFirst) {
        if (this.ranks === null) return displayOrder(this.rows, null, nullDescriptionFirst);
        return sharedOrder(this.rows, this.ranks, this.signature, nullDescriptionFirst);
      }
    };
    orderCache = /* @__PURE__ */ new Map();
    ORDER_CACHE_MAX = 1e4;
    ordersCached = 0;
    rowCache = [];
    ROW_CACHE_MAX = 5e4;
    SHARED_DESCRIPTION_MAX = 1024;
    rowsCached = 0;
    rankByPair = /* @__PURE__ */ new Map();
    ranked = [];
    RANKED_MAX = 4096;
    sortKeys = new Uint32Array(0);
    SURROGATE = /[\uD800-\uDFFF]/;
    HEADER = { r: null, i: 0 };
  }
});

// src/model/exposure.ts
function verdictOf(exposure) {
  return BANDS.find((b) => exposure >= b.min).verdict;
}
function verdictEmoji(verdict) {
  return BANDS.find((b) => b.verdict === verdict).emoji;
}
function formatExposure(exposure) {
  return `${Math.floor(exposure / 10)}.${exposure % 10}`;
}
function score(assessors, results, defaultDependencies, policy, nullDescriptionFirst) {
  let badnessSum = 0;
  let weightSum = 0;
  for (let i = 0; i < assessors.length; i++) {
    const a = assessors[i];
    const override = policy?.get(a.jsonField);
    const weight = override?.weight ?? a.weight;
    const range = override?.range ?? a.range;
    const r = results[i];
    if (r.kind !== "badness" || weight === 0 || a.defaultDependenciesOnly === true && !defaultDependencies) continue;
    if (range === 0 || r.badness > range) throw new PolicyRangeError(a.jsonField, range, r.badness);
    badnessSum += Math.floor((r.badness * weight + range - 1) / range);
    weightSum += weight;
  }
  if (weightSum === 0) throw new PolicyRangeError("*", 0, 0);
  const exposure = ceilDiv(badnessSum * 100, weightSum);
  const rows = new RowList(assessors.length);
  for (let i = 0; i < assessors.length; i++) {
    const a = assessors[i];
    const override = policy?.get(a.jsonField);
    const weight = override?.weight ?? a.weight;
    const range = override?.range ?? a.range;
    const r = results[i];
    const na2 = weight === 0 || a.defaultDependenciesOnly === true && !defaultDependencies ? naReason(a, weight, defaultDependencies) : void 0;
    if (na2 !== void 0 || r.kind === "na") {
      const description = na2 ?? r.description ?? override?.descriptionNa ?? a.descriptionNa ?? null;
      rows.add(i, a, weight, range, null, null, description);
    } else {
      const b = r.badness;
      const description = r.description ?? (b === 0 ? override?.descriptionGood ?? a.descriptionGood : b === a.range ? override?.descriptionBad ?? a.descriptionBad : void 0) ?? null;
      const rowExposure2 = b > 0 ? Math.floor((Math.floor((b * weight * 100 + range - 1) / range) + weightSum - 1) / weightSum) : null;
      rows.add(i, a, weight, range, b, rowExposure2, description);
    }
  }
  return { exposure, verdict: verdictOf(exposure), rows: rows.inDisplayOrder(nullDescriptionFirst) };
}
function naReason(a, weight, defaultDependencies) {
  if (a.defaultDependenciesOnly && !defaultDependencies)
    return "Service runs in special boot phase, option is not appropriate";
  if (weight === 0) return "Option excluded by policy, skipping";
  return void 0;
}
var BANDS, ceilDiv, PolicyRangeError;
var init_exposure = __esm({
  "src/model/exposure.ts"() {
    "use strict";
    init_display_order();
    BANDS = [
      { min: 100, verdict: "DANGEROUS", emoji: "🤢" },
      { min: 90, verdict: "UNSAFE", emoji: "😨" },
      { min: 75, verdict: "EXPOSED", emoji: "🙁" },
      { min: 50, verdict: "MEDIUM", emoji: "😐" },
      { min: 10, verdict: "OK", emoji: "🙂" },
      { min: 1, verdict: "SAFE", emoji: "😀" },
      { min: 0, verdict: "PERFECT", emoji: "😇" }
    ];
    ceilDiv = (a, b) => Math.floor((a + b - 1) / b);
    PolicyRangeError = class extends Error {
      constructor(jsonField, range, badness) {
        super(
          jsonField === "*" ? "security policy gives every assessor weight 0 (systemd-analyze aborts on this)" : `security policy range ${range} for ${jsonField} is smaller than its badness ${badness} (systemd-analyze aborts on this)`
        );
        this.jsonField = jsonField;
        this.range = range;
        this.badness = badness;
      }
      jsonField;
      range;
      badness;
    };
  }
});

// src/report/score-text.ts
function writeScoreText(a, sink, style) {
  let nameWidth = 4;
  let descWidth = 11;
  for (const r of a.rows) {
    if (r.id.length > nameWidth) nameWidth = r.id.length;
    if (r.description !== null && r.description.length > descWidth) descWidth = r.description.length;
  }
  sink.text(`  ${"NAME".padEnd(nameWidth)} ${"DESCRIPTION".padEnd(descWidth)} EXPOSURE
`);
  const emoji = style.emoji ? ` ${verdictEmoji(a.verdict)}` : "";
  if (style.colour !== true) {
    for (const r of a.rows) sink.bytes(rowLine(r, nameWidth, descWidth));
    sink.text(`
→ Overall exposure level for ${a.unit}: ${formatExposure(a.exposure)} ${a.verdict}${emoji}
`);
    return;
  }
  for (const r of a.rows) {
    const line = rowLine(r, nameWidth, descWidth);
    if (r.set === null) sink.bytes(line);
    else {
      sink.text(`${r.set ? GREEN : RED}${r.set ? "✓" : "✗"}${NORMAL}`);
      sink.bytes(line.subarray(MARK_BYTES));
    }
  }
  const verdict = `${formatExposure(a.exposure)} ${a.verdict}`;
  const colour = VERDICT_COLOUR[a.verdict] ?? "";
  sink.text(`
→ ${BOLD}Overall exposure level for ${a.unit}${NORMAL}: ${colour}${verdict}${NORMAL}${emoji}
`);
}
function rowLine(r, nameWidth, descWidth) {
  const cached = rowLineCache.get(r)?.get(nameWidth)?.get(descWidth);
  if (cached !== void 0) return cached;
  const mark = r.set === null ? " " : r.set ? "✓" : "✗";
  const name = r.id.padEnd(nameWidth);
  const description = (r.description ?? "").padEnd(descWidth);
  const line = encoder2.encode(
    `${mark} ${name} ${description} ${r.exposure === null ? "" : formatExposure(r.exposure).padStart(8)}
`
  );
  if (rowLineCachedBytes + line.length <= ROW_LINE_CACHE_MAX_BYTES) {
    rowLineCachedBytes += line.length;
    let byName = rowLineCache.get(r);
    if (byName === void 0) rowLineCache.set(r, byName = /* @__PURE__ */ new Map());
    let byDesc = byName.get(nameWidth);
    if (byDesc === void 0) byName.set(nameWidth, byDesc = /* @__PURE__ */ new Map());
    byDesc.set(descWidth, line);
  }
  return line;
}
function jsonRows(a) {
  return a.rows.map(rowObject);
}
function rowObject(r) {
  return {
    set: r.set,
    name: r.id,
    json_field: r.jsonField,
    description: r.description,
    exposure: r.exposure === null ? null : formatExposure(r.exposure)
  };
}
function writeJsonRows(a, sink) {
  const cached = listJsonCache.get(a.rows);
  if (cached instanceof Uint8Array) return sink.bytes(cached);
  if (cached === void 0) {
    listJsonCache.set(a.rows, true);
    return writeEachRow(a.rows, sink);
  }
  const json = collectBytes((s) => writeEachRow(a.rows, s));
  if (listJsonCachedBytes + json.length <= LIST_JSON_CACHE_MAX_BYTES) {
    listJsonCachedBytes += json.length;
    listJsonCache.set(a.rows, json);
  }
  sink.bytes(json);
}
function writeEachRow(rows, sink) {
  if (rows.length === 0) return sink.bytes(EMPTY_ARRAY);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    let json = rowJsonCache.get(r);
    if (json === void 0) rowJsonCache.set(r, json = encoder2.encode(`,${JSON.stringify(rowObject(r))}`));
    if (i === 0) {
      sink.bytes(OPEN);
      sink.bytes(json.subarray(1));
    } else sink.bytes(json);
  }
  sink.bytes(CLOSE);
}
var BOLD, RED, GREEN, YELLOW, NORMAL, VERDICT_COLOUR, MARK_BYTES, encoder2, rowLineCache, ROW_LINE_CACHE_MAX_BYTES, rowLineCachedBytes, rowJsonCache, listJsonCache, LIST_JSON_CACHE_MAX_BYTES, listJsonCachedBytes, OPEN, CLOSE, EMPTY_ARRAY;
var init_score_text = __esm({
  "src/report/score-text.ts"() {
    "use strict";
    init_exposure();
    init_byte_sink();
    BOLD = "\x1B[0;1;39m";
    RED = "\x1B[0;1;31m";
    GREEN = "\x1B[0;1;32m";
    YELLOW = "\x1B[0;1;38;5;185m";
    NORMAL = "\x1B[0m";
    VERDICT_COLOUR = {
      DANGEROUS: RED,
      UNSAFE: RED,
      EXPOSED: YELLOW,
      MEDIUM: "",
      OK: GREEN,
      SAFE: GREEN,
      PERFECT: GREEN
    };
    MARK_BYTES = 3;
    encoder2 = new TextEncoder();
    rowLineCache = /* @__PURE__ */ new WeakMap();
    ROW_LINE_CACHE_MAX_BYTES = 16 * 1024 * 1024;
    rowLineCachedBytes = 0;
    rowJsonCache = /* @__PURE__ */ new WeakMap();
    listJsonCache = /* @__PURE__ */ new WeakMap();
    LIST_JSON_CACHE_MAX_BYTES = 16 * 1024 * 1024;
    listJsonCachedBytes = 0;
    OPEN = encoder2.encode("[");
    CLOSE = encoder2.encode("]");
    EMPTY_ARRAY = encoder2.encode("[]");
  }
});

// src/cli/score-formats.ts
function writeJsonEntry(r, out) {
  if (!r.ok) {
    out.text(JSON.stringify({ path: r.path, error: r.error }));
    return;
  }
  const exposure = String(Number(formatExposure(r.exposure)));
  out.text(
    `{"unit":${JSON.stringify(r.unit)},"path":${JSON.stringify(r.path)},"exposure":${exposure},"verdict":${JSON.stringify(r.verdict)},"items":`
  );
  writeJsonRows(r, out);
  out.text("}");
}
var SCORE_FORMATS;
var init_score_formats = __esm({
  "src/cli/score-formats.ts"() {
    "use strict";
    init_exposure();
    init_score_text();
    SCORE_FORMATS = [
      {
        name: "text",
        description: "the table and overall line systemd-analyze security prints",
        render: {
          begin() {
          },
          // A unit that cannot be loaded prints nothing here; its error goes to standard error.
          unit(r, _index, out, style) {
            if (r.ok) writeScoreText(r, out, style);
          },
          end() {
          }
        }
      },
      {
        name: "json",
        description: "one JSON array: per unit file, its score and systemd's --json=short rows",
        render: {
          begin: (out) => out.text("["),
          unit(r, index, out) {
            if (index > 0) out.text(",");
            writeJsonEntry(r, out);
          },
          end: (out) => out.text("]\n")
        }
      }
    ];
  }
});

// src/model/syscall-data.generated.ts
function list2(i) {
  let v = cache.get(i);
  if (v === void 0) {
    const s = L[i];
    if (s.startsWith("^")) {
      const [base, ...ops] = s.slice(1).split(" ");
      const set = new Set(list2(Number(base)));
      for (const op of ops) {
        if (op.startsWith("+")) set.add(op.slice(1));
        else set.delete(op.slice(1));
      }
      v = Object.freeze([...set].sort());
    } else {
      v = Object.freeze(s === "" ? [] : s.split(" "));
    }
    cache.set(i, v);
  }
  return v;
}
function groups(spec) {
  const out = {};
  for (const e of spec.split(" ")) {
    const k = e.lastIndexOf("=");
    out[e.slice(0, k)] = list2(Number(e.slice(k + 1)));
  }
  return Object.freeze(out);
}
function tables(libseccomp, known, foreign, spec) {
  const k = list2(known);
  const f = new Set(list2(foreign));
  return Object.freeze({ libseccomp, known: k, native: Object.freeze(k.filter((n) => !f.has(n))), groups: groups(spec) });
}
function lazily(make) {
  const out = {};
  for (const v of Object.keys(make)) {
    let t;
    Object.defineProperty(out, v, { enumerable: true, get: () => t ??= make[v]() });
  }
  return Object.freeze(out);
}
var L, cache, SYSCALL_DATA;
var init_syscall_data_generated = __esm({
  "src/model/syscall-data.generated.ts"() {
    "use strict";
    L = [
      /* 0 */
      "arch_prctl brk cacheflush clock_getres clock_getres_time64 clock_gettime clock_gettime64 clock_nanosleep clock_nanosleep_time64 execve exit exit_group futex futex_time64 futex_waitv get_robust_list get_thread_area getegid getegid32 geteuid geteuid32 getgid getgid32 getgroups getgroups32 getpgid getpgrp getpid getppid getrandom getresgid getresgid32 getresuid getresuid32 getrlimit getsid gettid gettimeofday getuid getuid32 membarrier mmap mmap2 mprotect munmap nanosleep pause prlimit64 restart_syscall riscv_flush_icache riscv_hwprobe rseq rt_sigreturn sched_getaffinity sched_yield set_robust_list set_thread_area set_tid_address set_tls sigreturn time ugetrlimit uretprobe",
      /* 1 */
      "io_cancel io_destroy io_getevents io_pgetevents io_pgetevents_time64 io_setup io_submit io_uring_enter io_uring_register io_uring_setup",
      /* 2 */
      "_llseek close close_range dup dup2 dup3 lseek pread64 preadv preadv2 pwrite64 pwritev pwritev2 read readv write writev",
      /* 3 */
      "chown chown32 fchown fchown32 fchownat lchown lchown32",
      /* 4 */
      "adjtimex clock_adjtime clock_adjtime64 clock_settime clock_settime64 settimeofday",
      /* 5 */
      "modify_ldt subpage_prot switch_endian vm86 vm86old",
      /* 6 */
      "lookup_dcookie perf_event_open pidfd_getfd ptrace rtas s390_runtime_instr sys_debug_setcontext",
      /* 7 */
      "access chdir chmod close creat faccessat faccessat2 fallocate fchdir fchmod fchmodat fchmodat2 fcntl fcntl64 fgetxattr flistxattr fremovexattr fsetxattr fstat fstat64 fstatat64 fstatfs fstatfs64 ftruncate ftruncate64 futimesat getcwd getdents getdents64 getxattr inotify_add_watch inotify_init inotify_init1 inotify_rm_watch lgetxattr link linkat listxattr llistxattr lremovexattr lsetxattr lstat lstat64 mkdir mkdirat mknod mknodat newfstatat oldfstat oldlstat oldstat open openat openat2 readlink readlinkat removexattr rename renameat renameat2 rmdir setxattr stat stat64 statfs statfs64 statx symlink symlinkat truncate truncate64 unlink unlinkat utime utimensat utimensat_time64 utimes",
      /* 8 */
      "_newselect epoll_create epoll_create1 epoll_ctl epoll_ctl_old epoll_pwait epoll_pwait2 epoll_wait epoll_wait_old eventfd eventfd2 poll ppoll ppoll_time64 pselect6 pselect6_time64 select",
      /* 9 */
      "ipc memfd_create mq_getsetattr mq_notify mq_open mq_timedreceive mq_timedreceive_time64 mq_timedsend mq_timedsend_time64 mq_unlink msgctl msgget msgrcv msgsnd pipe pipe2 process_madvise process_vm_readv process_vm_writev semctl semget semop semtimedop semtimedop_time64 shmat shmctl shmdt shmget",
      /* 10 */
      "add_key keyctl request_key",
      /* 11 */
      "mlock mlock2 mlockall munlock munlockall",
      /* 12 */
      "delete_module finit_module init_module",
      /* 13 */
      "chroot fsconfig fsmount fsopen fspick mount mount_setattr move_mount open_tree pivot_root umount umount2",
      /* 14 */
      "accept accept4 bind connect getpeername getsockname getsockopt listen recv recvfrom recvmmsg recvmmsg_time64 recvmsg send sendmmsg sendmsg sendto setsockopt shutdown socket socketcall socketpair",
      /* 15 */
      "_sysctl afs_syscall bdflush break create_module ftime get_kernel_syms getpmsg gtty idle lock mpx prof profil putpmsg query_module security sgetmask ssetmask stime stty sysfs tuxcall ulimit uselib ustat vserver",
      /* 16 */
      "pkey_alloc pkey_free pkey_mprotect",
      /* 17 */
      "@chown @clock @module @raw-io @reboot @swap _sysctl acct bpf capset chroot fanotify_init fanotify_mark nfsservctl open_by_handle_at pivot_root quotactl quotactl_fd setdomainname setfsuid setfsuid32 setgroups setgroups32 sethostname setresuid setresuid32 setreuid setreuid32 setuid setuid32 vhangup",
      /* 18 */
      "capget clone clone3 execveat fork getrusage kill pidfd_open pidfd_send_signal prctl rt_sigqueueinfo rt_tgsigqueueinfo setns swapcontext tgkill times tkill unshare vfork wait4 waitid waitpid",
      /* 19 */
      "ioperm iopl pciconfig_iobase pciconfig_read pciconfig_write s390_pci_mmio_read s390_pci_mmio_write",
      /* 20 */
      "kexec_file_load kexec_load reboot",
      /* 21 */
      "ioprio_set mbind migrate_pages move_pages nice sched_setaffinity sched_setattr sched_setparam sched_setscheduler set_mempolicy set_mempolicy_home_node setpriority setrlimit",
      /* 22 */
      "setgid setgid32 setgroups setgroups32 setregid setregid32 setresgid setresgid32 setresuid setresuid32 setreuid setreuid32 setuid setuid32",
      /* 23 */
      "rt_sigaction rt_sigpending rt_sigprocmask rt_sigsuspend rt_sigtimedwait rt_sigtimedwait_time64 sigaction sigaltstack signal signalfd signalfd4 sigpending sigprocmask sigsuspend",
      /* 24 */
      "swapoff swapon",
      /* 25 */
      "fdatasync fsync msync sync sync_file_range sync_file_range2 syncfs",
      /* 26 */
      "@aio @basic-io @chown @default @file-system @io-event @ipc @keyring @memlock @network-io @process @resources @setuid @signal @sync @timer arm_fadvise64_64 capget capset copy_file_range fadvise64 fadvise64_64 flock get_mempolicy getcpu getpriority ioctl ioprio_get kcmp madvise mremap name_to_handle_at oldolduname olduname personality readahead readdir remap_file_pages sched_get_priority_max sched_get_priority_min sched_getattr sched_getparam sched_getscheduler sched_rr_get_interval sched_rr_get_interval_time64 sched_yield sendfile sendfile64 setfsgid setfsgid32 setfsuid setfsuid32 setpgid setsid splice sysinfo tee umask uname userfaultfd vmsplice",
      /* 27 */
      "alarm getitimer setitimer timer_create timer_delete timer_getoverrun timer_gettime timer_gettime64 timer_settime timer_settime64 timerfd_create timerfd_gettime timerfd_gettime64 timerfd_settime timerfd_settime64 times",
      /* 28 */
      "^7 +@obsolete +_llseek +_newselect +accept +accept4 +acct +add_key +adjtimex +alarm +arc_gettls +arc_settls +arc_usr_cmpxchg +arch_prctl +arm_fadvise64_64 +atomic_barrier +atomic_cmpxchg_32 +bind +bpf +brk +cachectl +cacheflush +capget +capset +chown +chown32 +chroot +clock_adjtime +clock_adjtime64 +clock_getres +clock_getres_time64 +clock_gettime +clock_gettime64 +clock_nanosleep +clock_nanosleep_time64 +clock_settime +clock_settime64 +clone +clone3 +close_range +connect +copy_file_range +delete_module +dipc +dup +dup2 +dup3 +epoll_create +epoll_create1 +epoll_ctl +epoll_ctl_old +epoll_pwait +epoll_pwait2 +epoll_wait +epoll_wait_old +eventfd +eventfd2 +exec_with_loader +execv +execve +execveat +exit +exit_group +fadvise64 +fadvise64_64 +fanotify_init +fanotify_mark +fchown +fchown32 +fchownat +fdatasync +finit_module +flock +fork +fsconfig +fsmount +fsopen +fspick +fsync +futex +futex_requeue +futex_time64 +futex_wait +futex_waitv +futex_wake +get_mempolicy +get_robust_list +get_thread_area +getcpu +getdomainname +getdtablesize +getegid +getegid32 +geteuid +geteuid32 +getgid +getgid32 +getgroups +getgroups32 +gethostname +getitimer +getpagesize +getpeername +getpgid +getpgrp +getpid +getppid +getpriority +getrandom +getresgid +getresgid32 +getresuid +getresuid32 +getrlimit +getrusage +getsid +getsockname +getsockopt +gettid +gettimeofday +getuid +getuid32 +getxgid +getxpid +getxuid +init_module +io_cancel +io_destroy +io_getevents +io_pgetevents +io_pgetevents_time64 +io_setup +io_submit +io_uring_enter +io_uring_register +io_uring_setup +ioctl +ioperm +iopl +ioprio_get +ioprio_set +ipc +kcmp +kern_features +kexec_file_load +kexec_load +keyctl +kill +landlock_add_rule +landlock_create_ruleset +landlock_restrict_self +lchown +lchown32 +listen +lookup_dcookie +lseek +madvise +map_shadow_stack +mbind +membarrier +memfd_create +memfd_secret +memory_ordering +migrate_pages +mincore +mlock +mlock2 +mlockall +mmap +mmap2 +modify_ldt +mount +mount_setattr +move_mount +move_pages +mprotect +mq_getsetattr +mq_notify +mq_open +mq_timedreceive +mq_timedreceive_time64 +mq_timedsend +mq_timedsend_time64 +mq_unlink +mremap +msgctl +msgget +msgrcv +msgsnd +msync +multiplexer +munlock +munlockall +munmap +name_to_handle_at +nanosleep +nice +old_adjtimex +oldolduname +oldumount +olduname +open_by_handle_at +open_tree +or1k_atomic +osf_fstat +osf_fstatfs +osf_fstatfs64 +osf_getdirentries +osf_getdomainname +osf_getitimer +osf_getrusage +osf_getsysinfo +osf_gettimeofday +osf_lstat +osf_mount +osf_proplist_syscall +osf_select +osf_set_program_attributes +osf_setitimer +osf_setsysinfo +osf_settimeofday +osf_shmat +osf_sigprocmask +osf_sigstack +osf_stat +osf_statfs +osf_statfs64 +osf_swapon +osf_syscall +osf_sysinfo +osf_usleep_thread +osf_utimes +osf_utsname +osf_wait4 +pause +pciconfig_iobase +pciconfig_read +pciconfig_write +perf_event_open +perfctr +personality +pidfd_getfd +pidfd_open +pidfd_send_signal +pipe +pipe2 +pivot_root +pkey_alloc +pkey_free +pkey_mprotect +poll +ppoll +ppoll_time64 +prctl +pread64 +preadv +preadv2 +prlimit64 +process_madvise +process_mrelease +process_vm_readv +process_vm_writev +pselect6 +pselect6_time64 +ptrace +pwrite64 +pwritev +pwritev2 +quotactl +quotactl_fd +read +readahead +readdir +readv +reboot +recv +recvfrom +recvmmsg +recvmmsg_time64 +recvmsg +remap_file_pages +request_key +restart_syscall +riscv_flush_icache +riscv_hwprobe +rseq +rt_sigaction +rt_sigpending +rt_sigprocmask +rt_sigqueueinfo +rt_sigreturn +rt_sigsuspend +rt_sigtimedwait +rt_sigtimedwait_time64 +rt_tgsigqueueinfo +rtas +s390_guarded_storage +s390_pci_mmio_read +s390_pci_mmio_write +s390_runtime_instr +s390_sthyi +sched_get_affinity +sched_get_priority_max +sched_get_priority_min +sched_getaffinity +sched_getattr +sched_getparam +sched_getscheduler +sched_rr_get_interval +sched_rr_get_interval_time64 +sched_set_affinity +sched_setaffinity +sched_setattr +sched_setparam +sched_setscheduler +sched_yield +seccomp +select +semctl +semget +semop +semtimedop +semtimedop_time64 +send +sendfile +sendfile64 +sendmmsg +sendmsg +sendto +set_mempolicy +set_mempolicy_home_node +set_robust_list +set_thread_area +set_tid_address +setdomainname +setfsgid +setfsgid32 +setfsuid +setfsuid32 +setgid +setgid32 +setgroups +setgroups32 +sethae +sethostname +setitimer +setns +setpgid +setpgrp +setpriority +setregid +setregid32 +setresgid +setresgid32 +setresuid +setresuid32 +setreuid +setreuid32 +setrlimit +setsid +setsockopt +settimeofday +setuid +setuid32 +sgetmask +shmat +shmctl +shmdt +shmget +shutdown +sigaction +sigaltstack +signal +signalfd +signalfd4 +sigpending +sigprocmask +sigreturn +sigsuspend +socket +socketcall +socketpair +splice +spu_create +spu_run +ssetmask +stime +subpage_prot +swapcontext +swapoff +swapon +switch_endian +sync +sync_file_range +sync_file_range2 +syncfs +sys_debug_setcontext +syscall +sysfs +sysinfo +syslog +sysmips +tee +tgkill +time +timer_create +timer_delete +timer_getoverrun +timer_gettime +timer_gettime64 +timer_settime +timer_settime64 +timerfd +timerfd_create +timerfd_gettime +timerfd_gettime64 +timerfd_settime +timerfd_settime64 +times +tkill +ugetrlimit +umask +umount +umount2 +uname +unshare +userfaultfd +ustat +utrap_install +vfork +vhangup +vm86 +vm86old +vmsplice +wait4 +waitid +waitpid +write +writev",
      /* 29 */
      "^28 +_sysctl +afs_syscall +arm_sync_file_range +bdflush +break +breakpoint +cachestat +create_module +ftime +get_kernel_syms +get_tls +getpmsg +gtty +idle +lock +mpx +nfsservctl +prof +profil +putpmsg +query_module +security +set_tls +stty +tuxcall +ulimit +uselib +usr26 +usr32 +vserver -@obsolete -arc_gettls -arc_settls -arc_usr_cmpxchg -atomic_barrier -atomic_cmpxchg_32 -dipc -exec_with_loader -execv -getdomainname -getdtablesize -gethostname -getpagesize -getxgid -getxpid -getxuid -kern_features -memory_ordering -old_adjtimex -oldumount -or1k_atomic -osf_fstat -osf_fstatfs -osf_fstatfs64 -osf_getdirentries -osf_getdomainname -osf_getitimer -osf_getrusage -osf_getsysinfo -osf_gettimeofday -osf_lstat -osf_mount -osf_proplist_syscall -osf_select -osf_set_program_attributes -osf_setitimer -osf_setsysinfo -osf_settimeofday -osf_shmat -osf_sigprocmask -osf_sigstack -osf_stat -osf_statfs -osf_statfs64 -osf_swapon -osf_syscall -osf_sysinfo -osf_usleep_thread -osf_utimes -osf_utsname -osf_wait4 -perfctr -riscv_hwprobe -sched_get_affinity -sched_set_affinity -sethae -setpgrp -utrap_install",
      /* 30 */
      "_llseek _newselect arm_fadvise64_64 arm_sync_file_range bdflush break breakpoint cachectl cacheflush chown32 clock_adjtime64 clock_getres_time64 clock_gettime64 clock_nanosleep_time64 clock_settime64 fadvise64_64 fchown32 fcntl64 fstat64 fstatat64 fstatfs64 ftime ftruncate64 futex_time64 get_tls getegid32 geteuid32 getgid32 getgroups32 getresgid32 getresuid32 getuid32 gtty idle io_pgetevents_time64 ipc lchown32 lock lstat64 mmap2 mpx mq_timedreceive_time64 mq_timedsend_time64 multiplexer nice oldfstat oldlstat oldolduname oldstat olduname pciconfig_iobase pciconfig_read pciconfig_write ppoll_time64 prof profil pselect6_time64 readdir recv recvmmsg_time64 riscv_flush_icache rt_sigtimedwait_time64 rtas s390_guarded_storage s390_pci_mmio_read s390_pci_mmio_write s390_runtime_instr s390_sthyi sched_rr_get_interval_time64 semtimedop_time64 send sendfile64 set_tls setfsgid32 setfsuid32 setgid32 setgroups32 setregid32 setresgid32 setresuid32 setreuid32 setuid32 sgetmask sigaction signal sigpending sigprocmask sigreturn sigsuspend socketcall spu_create spu_run ssetmask stat64 statfs64 stime stty subpage_prot swapcontext switch_endian sync_file_range2 sys_debug_setcontext syscall sysmips timer_gettime64 timer_settime64 timerfd timerfd_gettime64 timerfd_settime64 truncate64 ugetrlimit ulimit umount usr26 usr32 utimensat_time64 vm86 vm86old waitpid",
      /* 31 */
      "^0 +@sandbox",
      /* 32 */
      "landlock_add_rule landlock_create_ruleset landlock_restrict_self seccomp",
      /* 33 */
      "^28 +cachestat",
      /* 34 */
      "^31 +lsm_get_self_attr +lsm_list_modules +mseal",
      /* 35 */
      "^2 +llseek",
      /* 36 */
      "^7 +file_getattr +file_setattr +fstatat +getxattrat +listmount +listxattrat +newfstat +removexattrat +setxattrat +statmount",
      /* 37 */
      "^33 +breakpoint +file_getattr +file_setattr +get_tls +getxattrat +listmount +listxattrat +llseek +lsm_get_self_attr +lsm_list_modules +lsm_set_self_attr +mseal +removexattrat +set_tls +setxattrat +statmount +uretprobe +usr26 +usr32",
      /* 38 */
      "^29 +atomic_barrier +atomic_cmpxchg_32 +getpagesize +getxattrat +listmount +listxattrat +lsm_get_self_attr +lsm_list_modules +lsm_set_self_attr +mseal +removexattrat +riscv_hwprobe +setxattrat +statmount +uretprobe",
      /* 39 */
      "^30 +atomic_barrier +atomic_cmpxchg_32 +getpagesize +riscv_hwprobe",
      /* 40 */
      "^36 +open_tree",
      /* 41 */
      "^13 +open_tree_attr -open_tree",
      /* 42 */
      "^37 +fchroot +listns +open_tree_attr +rseq_slice_yield +uprobe",
      /* 43 */
      "^38 +file_getattr +file_setattr +listns +open_tree_attr +rseq_slice_yield +uprobe"
    ];
    cache = /* @__PURE__ */ new Map();
    SYSCALL_DATA = lazily({
      "252": () => tables(
        "2.5.4",
        29,
        30,
        "@default=0 @aio=1 @basic-io=2 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=7 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=13 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=28"
      ),
      "254": () => tables(
        "2.5.4",
        29,
        30,
        "@default=31 @aio=1 @basic-io=2 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=7 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=13 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @sandbox=32 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=33"
      ),
      "257": () => tables(
        "2.6.0",
        38,
        39,
        "@default=34 @aio=1 @basic-io=35 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=36 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=13 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @sandbox=32 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=37"
      ),
      "262": () => tables(
        "2.6.1",
        43,
        39,
        "@default=34 @aio=1 @basic-io=35 @chown=3 @clock=4 @cpu-emulation=5 @debug=6 @file-system=40 @io-event=8 @ipc=9 @keyring=10 @memlock=11 @module=12 @mount=41 @network-io=14 @obsolete=15 @pkey=16 @privileged=17 @process=18 @raw-io=19 @reboot=20 @resources=21 @sandbox=32 @setuid=22 @signal=23 @swap=24 @sync=25 @system-service=26 @timer=27 @known=42"
      )
    });
  }
});

// src/model/syscalls.ts
function syscallTable(version) {
  let t = tables2.get(version);
  if (!t) {
    const data = SYSCALL_DATA[version];
    const known = asList(data.known);
    t = {
      groups: new Map(Object.entries(data.groups).map(([k, v]) => [k, asList(v)])),
      known: new Set(known),
      native: new Set(asList(data.native)),
      position: new Map(known.map((name, i) => [name, i]))
    };
    tables2.set(version, t);
  }
  return t;
}
function expandGroup(table, group) {
  let byGroup = expansions.get(table);
  if (byGroup === void 0) expansions.set(table, byGroup = /* @__PURE__ */ new Map());
  if (!table.groups.has(group)) return null;
  let e = byGroup.get(group);
  if (e === void 0) {
    const seen = /* @__PURE__ */ new Set();
    const names2 = [];
    const visiting = /* @__PURE__ */ new Set();
    const walk = (g) => {
      if (visiting.has(g)) return;
      visiting.add(g);
      for (const m of table.groups.get(g) ?? []) {
        if (m.startsWith("@")) walk(m);
        else if (!seen.has(m)) {
          seen.add(m);
          names2.push(m);
        }
      }
      visiting.delete(g);
    };
    walk(group);
    e = {
      knownPositions: Int32Array.from(
        names2.filter((n) => table.known.has(n)),
        (n) => table.position.get(n)
      ),
      native: names2.filter((n) => table.native.has(n))
    };
    byGroup.set(group, e);
  }
  return e;
}
var tables2, asList, expansions, ABSENT, SyscallSet;
var init_syscalls = __esm({
  "src/model/syscalls.ts"() {
    "use strict";
    init_syscall_data_generated();
    tables2 = /* @__PURE__ */ new Map();
    asList = (v) => typeof v === "string" ? v.split(" ").filter((s) => s !== "") : v;
    expansions = /* @__PURE__ */ new WeakMap();
    ABSENT = -2;
    SyscallSet = class {
      constructor(table) {
        this.table = table;
        this.errnos = new Int32Array(table.position.size).fill(ABSENT);
      }
      table;
      errnos;
      count = 0;
      get size() {
        return this.count;
      }
      /** Sets the errno of a known name (others cannot be stored: libseccomp does not resolve them). */
      set(name, errno) {
        const i = this.table.position.get(name);
        if (i !== void 0) this.setAt(i, errno);
      }
      delete(name) {
        const i = this.table.position.get(name);
        if (i !== void 0) this.deleteAt(i);
      }
      /** Adds (or, with errno null, removes) every known member of an expanded group. */
      setGroup(group, errno) {
        const positions = group.knownPositions;
        for (let k = 0; k < positions.length; k++) {
          if (errno === null) this.deleteAt(positions[k]);
          else this.setAt(positions[k], errno);
        }
      }
      has(name) {
        return this.get(name) !== void 0;
      }
      get(name) {
        const i = this.table.position.get(name);
        if (i === void 0) return void 0;
        const errno = this.errnos[i];
        return errno === ABSENT ? void 0 : errno;
      }
      /** How many entries have no errno (−1): the allowed ones of an allow-list. */
      countWithoutErrno() {
        let n = 0;
        for (let i = 0; i < this.errnos.length; i++) if (this.errnos[i] === -1) n++;
        return n;
      }
      setAt(i, errno) {
        if (this.errnos[i] === ABSENT) this.count++;
        this.errnos[i] = errno;
      }
      deleteAt(i) {
        if (this.errnos[i] !== ABSENT) this.count--;
        this.errnos[i] = ABSENT;
      }
    };
  }
});

// src/model/assessors.ts
function runsPrivileged(info) {
  if (namesRoot(info.user)) return true;
  if (info.dynamicUser) return false;
  return isRootUser(info.user);
}
function boolRow(setting2, weight, good, badText, opts = {}) {
  return {
    id: `${setting2}=`,
    jsonField: setting2,
    weight,
    range: 1,
    ...opts.defaultDependenciesOnly ? { defaultDependenciesOnly: true } : {},
    descriptionGood: good,
    descriptionBad: badText,
    reads: opts.reads ?? [setting2],
    assess: ({ info }) => bad(info.enabled[setting2] ? 0 : 1)
  };
}
function capabilityRow(id, jsonField, weight, caps, good, badText) {
  let low = 0;
  let high = 0;
  for (const c of caps) {
    if (c < 32) low |= 1 << c;
    else high |= 1 << c - 32;
  }
  return {
    id: `CapabilityBoundingSet=~${id}`,
    jsonField: `CapabilityBoundingSet_${jsonField}`,
    weight,
    range: 1,
    descriptionGood: good,
    descriptionBad: badText,
    reads: CAP_READS,
    assess: ({ info }) => {
      return bad((info.capabilityBoundingSetLow & low) !== 0 || (info.capabilityBoundingSetHigh & high) !== 0 ? 1 : 0);
    }
  };
}
function namespaceRow(name, flag, weight, what) {
  return {
    id: `RestrictNamespaces=~${name}`,
    jsonField: `RestrictNamespaces_${name}`,
    weight,
    range: 1,
    descriptionGood: `Service cannot create ${what} namespaces`,
    descriptionBad: `Service may create ${what} namespaces`,
    reads: ["RestrictNamespaces"],
    assess: ({ info }) => bad((info.restrictNamespaces & flag) !== 0 ? 1 : 0)
  };
}
function addressFamilyRow(id, jsonField, cls, weight, what) {
  return {
    id: `RestrictAddressFamilies=~${id}`,
    jsonField: `RestrictAddressFamilies_${jsonField}`,
    weight,
    range: 1,
    descriptionGood: `Service cannot allocate ${what} sockets`,
    descriptionBad: `Service may allocate ${what} sockets`,
    reads: ["RestrictAddressFamilies"],
    assess: ({ info }) => bad(info.addressFamilyRestricted[cls] ? 0 : 1)
  };
}
function groupLeaks(info, table, group) {
  for (const member of expandGroup(table, group)?.native ?? []) {
    if (info.syscallFilter.has(member) === info.syscallFilterAllowList) return member;
  }
  return null;
}
function syscallGroupRow(group, weight) {
  const name = group.slice(1);
  return {
    id: `SystemCallFilter=~${group}`,
    jsonField: `SystemCallFilter_${name.replace(/-/g, "_")}`,
    weight,
    range: 10,
    reads: ["SystemCallFilter"],
    assess: ({ info, syscalls }) => {
      if (!info.syscallFilterAllowList && info.syscallFilter.size === 0) {
        return bad(10, "Service does not filter system calls");
      }
      const offender = groupLeaks(info, syscalls, group);
      if (info.syscallFilterAllowList) {
        return offender !== null ? bad(9, `System call allow list defined for service, and ${group} is included (e.g. ${offender} is allowed)`) : bad(0, `System call allow list defined for service, and ${group} is not included`);
      }
      return offender !== null ? bad(
        10,
        `System call deny list defined for service, and ${group} is not included (e.g. ${offender} is allowed)`
      ) : bad(0, `System call deny list defined for service, and ${group} is included`);
    }
  };
}
function uniformShape(a) {
  return {
    id: a.id,
    jsonField: a.jsonField,
    weight: a.weight,
    range: a.range,
    defaultDependenciesOnly: a.defaultDependenciesOnly ?? false,
    descriptionGood: a.descriptionGood,
    descriptionBad: a.descriptionBad,
    descriptionNa: a.descriptionNa,
    reads: a.reads,
    assess: a.assess
  };
}
var PLAIN_BADNESS, PLAIN_NA, bad, na, CAP_READS, NS, TABLE, ASSESSORS;
var init_assessors = __esm({
  "src/model/assessors.ts"() {
    "use strict";
    init_linux_names();
    init_root_user();
    init_syscalls();
    PLAIN_BADNESS = Array.from({ length: 11 }, (_, badness) => ({
      kind: "badness",
      badness,
      description: void 0
    }));
    PLAIN_NA = { kind: "na", badness: 0, description: void 0 };
    bad = (badness, description) => description === void 0 ? PLAIN_BADNESS[badness] ?? { kind: "badness", badness, description } : { kind: "badness", badness, description };
    na = (description) => description === void 0 ? PLAIN_NA : { kind: "na", badness: 0, description };
    CAP_READS = [
      "CapabilityBoundingSet",
      "PrivateDevices",
      "ProtectKernelModules",
      "ProtectKernelLogs",
      "ProtectClock"
    ];
    NS = NAMESPACE_FLAGS;
    TABLE = [
      {
        id: "User=/DynamicUser=",
        jsonField: "UserOrDynamicUser",
        weight: 2e3,
        range: 10,
        descriptionBad: "Service runs as root user",
        reads: ["User", "DynamicUser"],
        assess: ({ info }) => {
          if (info.user === "nobody")
            return bad(9, "Service runs under as 'nobody' user, which should not be used for services");
          if (info.dynamicUser && info.user !== "0" && info.user !== "root")
            return bad(0, "Service runs under a transient non-root user identity");
          if (info.user !== null && info.user !== "0" && info.user !== "root" && info.user !== "")
            return bad(0, "Service runs under a static non-root user identity");
          return bad(10);
        }
      },
      {
        id: "SupplementaryGroups=",
        jsonField: "SupplementaryGroups",
        weight: 200,
        range: 1,
        descriptionGood: "Service has no supplementary groups",
        descriptionBad: "Service runs with supplementary groups",
        descriptionNa: "Service runs as root, option does not matter",
        reads: ["SupplementaryGroups", "User", "DynamicUser"],
        assess: ({ info }) => runsPrivileged(info) ? na() : bad(info.supplementaryGroups.length > 0 ? 1 : 0)
      },
      boolRow(
        "PrivateDevices",
        1e3,
        "Service has no access to hardware devices",
        "Service potentially has access to hardware devices"
      ),
      boolRow("PrivateMounts", 1e3, "Service cannot install system mounts", "Service may install system mounts"),
      boolRow(
        "PrivateNetwork",
        2500,
        "Service has no access to the host's network",
        "Service has access to the host's network"
      ),
      boolRow(
        "PrivateTmp",
        1e3,
        "Service has no access to other software's temporary files",
        "Service has access to other software's temporary files",
        { defaultDependenciesOnly: true, reads: ["PrivateTmp", "DynamicUser"] }
      ),
      boolRow("PrivateUsers", 1e3, "Service does not have access to other users", "Service has access to other users"),
      boolRow(
        "ProtectControlGroups",
        1e3,
        "Service cannot modify the control group file system",
        "Service may modify the control group file system"
      ),
      boolRow(
        "ProtectKernelModules",
        1e3,
        "Service cannot load or read kernel modules",
        "Service may load or read kernel modules"
      ),
      boolRow(
        "ProtectKernelTunables",
        1e3,
        "Service cannot alter kernel tunables (/proc/sys, …)",
        "Service may alter kernel tunables"
      ),
      boolRow(
        "ProtectKernelLogs",
        1e3,
        "Service cannot read from or write to the kernel log ring buffer",
        "Service may read from or write to the kernel log ring buffer"
      ),
      boolRow(
        "ProtectClock",
        1e3,
        "Service cannot write to the hardware clock or system clock",
        "Service may write to the hardware clock or system clock"
      ),
      {
        id: "ProtectHome=",
        jsonField: "ProtectHome",
        weight: 1e3,
        range: 10,
        defaultDependenciesOnly: true,
        reads: ["ProtectHome", "DynamicUser"],
        assess: ({ info }) => {
          switch (info.protectHome) {
            case "yes":
              return bad(0, "Service has no access to home directories");
            case "tmpfs":
              return bad(1, "Service has access to fake empty home directories");
            case "read-only":
              return bad(5, "Service has read-only access to home directories");
            default:
              return bad(10, "Service has full access to home directories");
          }
        }
      },
      boolRow(
        "ProtectHostname",
        50,
        "Service cannot change system host/domainname",
        "Service may change system host/domainname"
      ),
      {
        id: "ProtectSystem=",
        jsonField: "ProtectSystem",
        weight: 1e3,
        range: 10,
        defaultDependenciesOnly: true,
        reads: ["ProtectSystem", "DynamicUser"],
        assess: ({ info }) => {
          switch (info.protectSystem) {
            case "strict":
              return bad(0, "Service has strict read-only access to the OS file hierarchy");
            case "full":
              return bad(3, "Service has very limited write access to the OS file hierarchy");
            case "yes":
              return bad(5, "Service has limited write access to the OS file hierarchy");
            default:
              return bad(10, "Service has full access to the OS file hierarchy");
          }
        }
      },
      {
        id: "RootDirectory=/RootImage=",
        jsonField: "RootDirectoryOrRootImage",
        weight: 200,
        range: 1,
        defaultDependenciesOnly: true,
        descriptionGood: "Service has its own root directory/image",
        descriptionBad: "Service runs within the host's root directory",
        reads: ["RootDirectory", "RootImage"],
        assess: ({ info }) => {
          const own = (p) => p !== null && p !== "" && p !== "/";
          return bad(own(info.rootDirectory) || own(info.rootImage) ? 0 : 1);
        }
      },
      boolRow("LockPersonality", 100, "Service cannot change ABI personality", "Service may change ABI personality"),
      boolRow(
        "MemoryDenyWriteExecute",
        100,
        "Service cannot create writable executable memory mappings",
        "Service may create writable executable memory mappings"
      ),
      boolRow(
        "NoNewPrivileges",
        1e3,
        "Service processes cannot acquire new privileges",
        "Service processes may acquire new privileges",
        { reads: ["NoNewPrivileges", "DynamicUser"] }
      ),
      capabilityRow(
        "CAP_SYS_ADMIN",
        "CAP_SYS_ADMIN",
        1500,
        [21],
        "Service has no administrator privileges",
        "Service has administrator privileges"
      ),
      capabilityRow(
        "CAP_SET(UID|GID|PCAP)",
        "CAP_SET_UID_GID_PCAP",
        1500,
        [6, 7, 8],
        "Service cannot change UID/GID identities/capabilities",
        "Service may change UID/GID identities/capabilities"
      ),
      capabilityRow(
        "CAP_SYS_PTRACE",
        "CAP_SYS_PTRACE",
        1500,
        [19],
        "Service has no ptrace() debugging abilities",
        "Service has ptrace() debugging abilities"
      ),
      capabilityRow(
        "CAP_SYS_TIME",
        "CAP_SYS_TIME",
        1e3,
        [25],
        "Service processes cannot change the system clock",
        "Service processes may change the system clock"
      ),
      capabilityRow(
        "CAP_NET_ADMIN",
        "CAP_NET_ADMIN",
        1e3,
        [12],
        "Service has no network configuration privileges",
        "Service has network configuration privileges"
      ),
      capabilityRow(
        "CAP_SYS_RAWIO",
        "CAP_SYS_RAWIO",
        1e3,
        [17],
        "Service has no raw I/O access",
        "Service has raw I/O access"
      ),
      capabilityRow(
        "CAP_SYS_MODULE",
        "CAP_SYS_MODULE",
        1e3,
        [16],
        "Service cannot load kernel modules",
        "Service may load kernel modules"
      ),
      capabilityRow(
        "CAP_AUDIT_*",
        "CAP_AUDIT",
        500,
        [29, 30, 37],
        "Service has no audit subsystem access",
        "Service has audit subsystem access"
      ),
      capabilityRow(
        "CAP_SYSLOG",
        "CAP_SYSLOG",
        500,
        [34],
        "Service has no access to kernel logging",
        "Service has access to kernel logging"
      ),
      capabilityRow(
        "CAP_SYS_(NICE|RESOURCE)",
        "CAP_SYS_NICE_RESOURCE",
        500,
        [23, 24],
        "Service has no privileges to change resource use parameters",
        "Service has privileges to change resource use parameters"
      ),
      capabilityRow(
        "CAP_MKNOD",
        "CAP_MKNOD",
        500,
        [27],
        "Service cannot create device nodes",
        "Service may create device nodes"
      ),
      capabilityRow(
        "CAP_(CHOWN|FSETID|SETFCAP)",
        "CAP_CHOWN_FSETID_SETFCAP",
        1e3,
        [0, 4, 31],
        "Service cannot change file ownership/access mode/capabilities",
        "Service may change file ownership/access mode/capabilities unrestricted"
      ),
      capabilityRow(
        "CAP_(DAC_*|FOWNER|IPC_OWNER)",
        "CAP_DAC_FOWNER_IPC_OWNER",
        1e3,
        [1, 2, 3, 15],
        "Service cannot override UNIX file/IPC permission checks",
        "Service may override UNIX file/IPC permission checks"
      ),
      capabilityRow(
        "CAP_KILL",
        "CAP_KILL",
        500,
        [5],
        "Service cannot send UNIX signals to arbitrary processes",
        "Service may send UNIX signals to arbitrary processes"
      ),
      capabilityRow(
        "CAP_NET_(BIND_SERVICE|BROADCAST|RAW)",
        "CAP_NET_BIND_SERVICE_BROADCAST_RAW)",
        500,
        [10, 11, 13],
        "Service has no elevated networking privileges",
        "Service has elevated networking privileges"
      ),
      capabilityRow(
        "CAP_SYS_BOOT",
        "CAP_SYS_BOOT",
        100,
        [22],
        "Service cannot issue reboot()",
        "Service may issue reboot()"
      ),
      capabilityRow(
        "CAP_MAC_*",
        "CAP_MAC",
        100,
        [32, 33],
        "Service cannot adjust SMACK MAC",
        "Service may adjust SMACK MAC"
      ),
      capabilityRow(
        "CAP_LINUX_IMMUTABLE",
        "CAP_LINUX_IMMUTABLE",
        75,
        [9],
        "Service cannot mark files immutable",
        "Service may mark files immutable"
      ),
      capabilityRow(
        "CAP_IPC_LOCK",
        "CAP_IPC_LOCK",
        50,
        [14],
        "Service cannot lock memory into RAM",
        "Service may lock memory into RAM"
      ),
      capabilityRow(
        "CAP_SYS_CHROOT",
        "CAP_SYS_CHROOT",
        50,
        [18],
        "Service cannot issue chroot()",
        "Service may issue chroot()"
      ),
      capabilityRow(
        "CAP_BLOCK_SUSPEND",
        "CAP_BLOCK_SUSPEND",
        25,
        [36],
        "Service cannot establish wake locks",
        "Service may establish wake locks"
      ),
      capabilityRow(
        "CAP_WAKE_ALARM",
        "CAP_WAKE_ALARM",
        25,
        [35],
        "Service cannot program timers that wake up the system",
        "Service may program timers that wake up the system"
      ),
      capabilityRow(
        "CAP_LEASE",
        "CAP_LEASE",
        25,
        [28],
        "Service cannot create file leases",
        "Service may create file leases"
      ),
      capabilityRow(
        "CAP_SYS_TTY_CONFIG",
        "CAP_SYS_TTY_CONFIG",
        25,
        [26],
        "Service cannot issue vhangup()",
        "Service may issue vhangup()"
      ),
      capabilityRow("CAP_SYS_PACCT", "CAP_SYS_PACCT", 25, [20], "Service cannot use acct()", "Service may use acct()"),
      capabilityRow("CAP_BPF", "CAP_BPF", 25, [39], "Service may not load BPF programs", "Service may load BPF programs"),
      {
        id: "UMask=",
        jsonField: "UMask",
        weight: 100,
        range: 10,
        reads: ["UMask"],
        assess: ({ info }) => {
          const m = info.umask;
          if (!(m & 2)) return bad(10, "Files created by service are world-writable by default");
          if (!(m & 4)) return bad(5, "Files created by service are world-readable by default");
          if (!(m & 16)) return bad(2, "Files created by service are group-writable by default");
          if (!(m & 32)) return bad(1, "Files created by service are group-readable by default");
          return bad(0, "Files created by service are accessible only by service's own user by default");
        }
      },
      {
        id: "KeyringMode=",
        jsonField: "KeyringMode",
        weight: 1e3,
        range: 1,
        descriptionGood: "Service doesn't share key material with other services",
        descriptionBad: "Service shares key material with other service",
        reads: ["KeyringMode"],
        assess: ({ info }) => bad(info.keyringMode === "private" ? 0 : 1)
      },
      {
        id: "ProtectProc=",
        jsonField: "ProtectProc",
        weight: 1e3,
        range: 3,
        descriptionGood: "Service has restricted access to process tree (/proc hidepid=)",
        descriptionBad: "Service has full access to process tree (/proc hidepid=)",
        reads: ["ProtectProc"],
        assess: ({ info }) => {
          switch (info.protectProc) {
            case "noaccess":
              return bad(1);
            case "invisible":
            case "ptraceable":
              return bad(0);
            default:
              return bad(3);
          }
        }
      },
      {
        id: "ProcSubset=",
        jsonField: "ProcSubset",
        weight: 10,
        range: 1,
        descriptionGood: "Service has no access to non-process /proc files (/proc subset=)",
        descriptionBad: "Service has full access to non-process /proc files (/proc subset=)",
        reads: ["ProcSubset"],
        assess: ({ info }) => bad(info.procSubset === "pid" ? 0 : 1)
      },
      {
        id: "NotifyAccess=",
        jsonField: "NotifyAccess",
        weight: 1e3,
        range: 1,
        descriptionGood: "Service child processes cannot alter service state",
        descriptionBad: "Service child processes may alter service state",
        reads: ["NotifyAccess"],
        assess: ({ info }) => bad(info.notifyAccess === "all" ? 1 : 0)
      },
      {
        id: "RemoveIPC=",
        jsonField: "RemoveIPC",
        weight: 100,
        range: 1,
        descriptionGood: "Service user cannot leave SysV IPC objects around",
        descriptionBad: "Service user may leave SysV IPC objects around",
        descriptionNa: "Service runs as root, option does not apply",
        reads: ["RemoveIPC", "User", "DynamicUser"],
        assess: ({ info }) => runsPrivileged(info) ? na() : bad(info.removeIpc ? 0 : 1)
      },
      {
        id: "Delegate=",
        jsonField: "Delegate",
        weight: 100,
        range: 1,
        descriptionGood: "Service does not maintain its own delegated control group subtree",
        descriptionBad: "Service maintains its own delegated control group subtree",
        reads: ["Delegate"],
        assess: ({ info }) => bad(info.delegate ? 1 : 0)
      },
      boolRow(
        "RestrictRealtime",
        500,
        "Service realtime scheduling access is restricted",
        "Service may acquire realtime scheduling"
      ),
      boolRow(
        "RestrictSUIDSGID",
        1e3,
        "SUID/SGID file creation by service is restricted",
        "Service may create SUID/SGID files",
        { reads: ["RestrictSUIDSGID", "DynamicUser"] }
      ),
      namespaceRow("user", NS.user, 1500, "user"),
      namespaceRow("mnt", NS.mnt, 500, "file system"),
      namespaceRow("ipc", NS.ipc, 500, "IPC"),
      namespaceRow("pid", NS.pid, 500, "process"),
      namespaceRow("cgroup", NS.cgroup, 500, "cgroup"),
      namespaceRow("net", NS.net, 500, "network"),
      namespaceRow("uts", NS.uts, 100, "hostname"),
      addressFamilyRow("AF_(INET|INET6)", "AF_INET_INET6", "inet", 1500, "Internet"),
      addressFamilyRow("AF_UNIX", "AF_UNIX", "unix", 25, "local"),
      addressFamilyRow("AF_NETLINK", "AF_NETLINK", "netlink", 200, "netlink"),
      addressFamilyRow("AF_PACKET", "AF_PACKET", "packet", 1e3, "packet"),
      addressFamilyRow("…", "OTHER", "other", 1250, "exotic"),
      {
        id: "SystemCallArchitectures=",
        jsonField: "SystemCallArchitectures",
        weight: 1e3,
        range: 10,
        reads: ["SystemCallArchitectures"],
        assess: ({ info }) => {
          const archs = info.syscallArchitectures;
          if (archs.size === 0) return bad(10, "Service may execute system calls with all ABIs");
          if (archs.size === 1 && archs.has("native"))
            return bad(0, "Service may execute system calls only with native ABI");
          return bad(8, "Service may execute system calls with multiple ABIs");
        }
      },
      syscallGroupRow("@swap", 1e3),
      syscallGroupRow("@obsolete", 250),
      syscallGroupRow("@clock", 1e3),
      syscallGroupRow("@cpu-emulation", 250),
      syscallGroupRow("@debug", 1e3),
      syscallGroupRow("@mount", 1e3),
      syscallGroupRow("@module", 1e3),
      syscallGroupRow("@raw-io", 1e3),
      syscallGroupRow("@reboot", 1e3),
      syscallGroupRow("@privileged", 700),
      syscallGroupRow("@resources", 700),
      {
        id: "IPAddressDeny=",
        jsonField: "IPAddressDeny",
        weight: 1e3,
        range: 10,
        reads: ["IPAddressDeny", "IPAddressAllow", "IPIngressFilterPath", "IPEgressFilterPath"],
        assess: ({ info }) => {
          if (info.ipFiltersCustom) return bad(0, "Service defines custom ingress/egress IP filters with BPF programs");
          if (!info.ipAddressDenyAll) return bad(10, "Service does not define an IP address allow list");
          if (info.ipAddressAllowOther) return bad(5, "Service defines IP address allow list with non-localhost entries");
          if (info.ipAddressAllowLocalhost)
            return bad(2, "Service defines IP address allow list with only localhost entries");
          return bad(0, "Service blocks all IP address ranges");
        }
      },
      {
        id: "DeviceAllow=",
        jsonField: "DeviceAllow",
        weight: 1e3,
        range: 10,
        reads: [
          "DeviceAllow",
          "DevicePolicy",
          "PrivateDevices",
          "ProtectClock",
          "RootImage",
          "MountImages",
          "LoadCredentialEncrypted",
          "SetCredentialEncrypted"
        ],
        assess: ({ info }) => {
          if (info.devicePolicy !== "strict" && info.devicePolicy !== "closed") return bad(10, "Service has no device ACL");
          if (info.deviceAllow.length > 0)
            return bad(5, `Service has a device ACL with some special devices: ${info.deviceAllow.join(" ")}`);
          return bad(0, "Service has a minimal device ACL");
        }
      },
      {
        id: "AmbientCapabilities=",
        jsonField: "AmbientCapabilities",
        weight: 500,
        range: 1,
        descriptionGood: "Service process does not receive ambient capabilities",
        descriptionBad: "Service process receives ambient capabilities",
        reads: ["AmbientCapabilities"],
        assess: ({ info }) => bad(info.ambientCapabilities !== 0n ? 1 : 0)
      }
    ];
    ASSESSORS = TABLE.map(uniformShape);
  }
});

// src/unit/key-parsers.generated.ts
function read(groups2, into) {
  for (const line of groups2.split("\n")) {
    const [parser, ...keys] = line.split(" ");
    for (const k of keys) into.set(k, parser);
  }
}
function unitKeyParsers(version) {
  let map = cache2.get(version);
  if (map) return map;
  const m = /* @__PURE__ */ new Map();
  read(BASE, m);
  const change = CHANGES[version];
  if (change) {
    for (const k of change.removed.split(" ")) if (k) m.delete(k);
    if (change.added) read(change.added, m);
  }
  cache2.set(version, map = m);
  return map;
}
var BASE, CHANGES, cache2;
var init_key_parsers_generated = __esm({
  "src/unit/key-parsers.generated.ts"() {
    "use strict";
    BASE = "- Install.Alias Install.Also Install.DefaultInstance Install.RequiredBy Install.WantedBy\nconfig_parse_address_families Mount.RestrictAddressFamilies Service.RestrictAddressFamilies Socket.RestrictAddressFamilies Swap.RestrictAddressFamilies\nconfig_parse_allowed_cpuset Mount.AllowedCPUs Mount.AllowedMemoryNodes Mount.StartupAllowedCPUs Mount.StartupAllowedMemoryNodes Scope.AllowedCPUs Scope.AllowedMemoryNodes Scope.StartupAllowedCPUs Scope.StartupAllowedMemoryNodes Service.AllowedCPUs Service.AllowedMemoryNodes Service.StartupAllowedCPUs Service.StartupAllowedMemoryNodes Slice.AllowedCPUs Slice.AllowedMemoryNodes Slice.StartupAllowedCPUs Slice.StartupAllowedMemoryNodes Socket.AllowedCPUs Socket.AllowedMemoryNodes Socket.StartupAllowedCPUs Socket.StartupAllowedMemoryNodes Swap.AllowedCPUs Swap.AllowedMemoryNodes Swap.StartupAllowedCPUs Swap.StartupAllowedMemoryNodes\nconfig_parse_bind_paths Mount.BindPaths Mount.BindReadOnlyPaths Service.BindPaths Service.BindReadOnlyPaths Socket.BindPaths Socket.BindReadOnlyPaths Swap.BindPaths Swap.BindReadOnlyPaths\nconfig_parse_blockio_bandwidth Mount.BlockIOReadBandwidth Mount.BlockIOWriteBandwidth Scope.BlockIOReadBandwidth Scope.BlockIOWriteBandwidth Service.BlockIOReadBandwidth Service.BlockIOWriteBandwidth Slice.BlockIOReadBandwidth Slice.BlockIOWriteBandwidth Socket.BlockIOReadBandwidth Socket.BlockIOWriteBandwidth Swap.BlockIOReadBandwidth Swap.BlockIOWriteBandwidth\nconfig_parse_blockio_device_weight Mount.BlockIODeviceWeight Scope.BlockIODeviceWeight Service.BlockIODeviceWeight Slice.BlockIODeviceWeight Socket.BlockIODeviceWeight Swap.BlockIODeviceWeight\nconfig_parse_blockio_weight Mount.BlockIOWeight Mount.StartupBlockIOWeight Scope.BlockIOWeight Scope.StartupBlockIOWeight Service.BlockIOWeight Service.StartupBlockIOWeight Slice.BlockIOWeight Slice.StartupBlockIOWeight Socket.BlockIOWeight Socket.StartupBlockIOWeight Swap.BlockIOWeight Swap.StartupBlockIOWeight\nconfig_parse_bool Mount.BlockIOAccounting Mount.CPUAccounting Mount.CPUSchedulingResetOnFork Mount.ForceUnmount Mount.IOAccounting Mount.IPAccounting Mount.IgnoreSIGPIPE Mount.LazyUnmount Mount.LockPersonality Mount.MemoryAccounting Mount.MemoryDenyWriteExecute Mount.NoNewPrivileges Mount.PrivateDevices Mount.PrivateIPC Mount.PrivateMounts Mount.PrivateNetwork Mount.PrivateTmp Mount.PrivateUsers Mount.ProtectClock Mount.ProtectControlGroups Mount.ProtectHostname Mount.ProtectKernelLogs Mount.ProtectKernelModules Mount.ProtectKernelTunables Mount.ReadWriteOnly Mount.RemoveIPC Mount.RestrictRealtime Mount.RestrictSUIDSGID Mount.SendSIGHUP Mount.SendSIGKILL Mount.SloppyOptions Mount.SyslogLevelPrefix Mount.TTYReset Mount.TTYVHangup Mount.TTYVTDisallocate Mount.TasksAccounting Path.MakeDirectory Scope.BlockIOAccounting Scope.CPUAccounting Scope.IOAccounting Scope.IPAccounting Scope.MemoryAccounting Scope.SendSIGHUP Scope.SendSIGKILL Scope.TasksAccounting Service.BlockIOAccounting Service.CPUAccounting Service.CPUSchedulingResetOnFork Service.GuessMainPID Service.IOAccounting Service.IPAccounting Service.IgnoreSIGPIPE Service.LockPersonality Service.MemoryAccounting Service.MemoryDenyWriteExecute Service.NoNewPrivileges Service.NonBlocking Service.PermissionsStartOnly Service.PrivateDevices Service.PrivateIPC Service.PrivateMounts Service.PrivateNetwork Service.PrivateTmp Service.PrivateUsers Service.ProtectClock Service.ProtectControlGroups Service.ProtectHostname Service.ProtectKernelLogs Service.ProtectKernelModules Service.ProtectKernelTunables Service.RemainAfterExit Service.RemoveIPC Service.RestrictRealtime Service.RestrictSUIDSGID Service.RootDirectoryStartOnly Service.SendSIGHUP Service.SendSIGKILL Service.SyslogLevelPrefix Service.TTYReset Service.TTYVHangup Service.TTYVTDisallocate Service.TasksAccounting Slice.BlockIOAccounting Slice.CPUAccounting Slice.IOAccounting Slice.IPAccounting Slice.MemoryAccounting Slice.TasksAccounting Socket.Accept Socket.BlockIOAccounting Socket.Broadcast Socket.CPUAccounting Socket.CPUSchedulingResetOnFork Socket.FlushPending Socket.FreeBind Socket.IOAccounting Socket.IPAccounting Socket.IgnoreSIGPIPE Socket.KeepAlive Socket.LockPersonality Socket.MemoryAccounting Socket.MemoryDenyWriteExecute Socket.NoDelay Socket.NoNewPrivileges Socket.PassCredentials Socket.PassPacketInfo Socket.PassSecurity Socket.PrivateDevices Socket.PrivateIPC Socket.PrivateMounts Socket.PrivateNetwork Socket.PrivateTmp Socket.PrivateUsers Socket.ProtectClock Socket.ProtectControlGroups Socket.ProtectHostname Socket.ProtectKernelLogs Socket.ProtectKernelModules Socket.ProtectKernelTunables Socket.RemoveIPC Socket.RemoveOnStop Socket.RestrictRealtime Socket.RestrictSUIDSGID Socket.ReusePort Socket.SELinuxContextFromNet Socket.SendSIGHUP Socket.SendSIGKILL Socket.SyslogLevelPrefix Socket.TTYReset Socket.TTYVHangup Socket.TTYVTDisallocate Socket.TasksAccounting Socket.Transparent Socket.Writable Swap.BlockIOAccounting Swap.CPUAccounting Swap.CPUSchedulingResetOnFork Swap.IOAccounting Swap.IPAccounting Swap.IgnoreSIGPIPE Swap.LockPersonality Swap.MemoryAccounting Swap.MemoryDenyWriteExecute Swap.NoNewPrivileges Swap.PrivateDevices Swap.PrivateIPC Swap.PrivateMounts Swap.PrivateNetwork Swap.PrivateTmp Swap.PrivateUsers Swap.ProtectClock Swap.ProtectControlGroups Swap.ProtectHostname Swap.ProtectKernelLogs Swap.ProtectKernelModules Swap.ProtectKernelTunables Swap.RemoveIPC Swap.RestrictRealtime Swap.RestrictSUIDSGID Swap.SendSIGHUP Swap.SendSIGKILL Swap.SyslogLevelPrefix Swap.TTYReset Swap.TTYVHangup Swap.TTYVTDisallocate Swap.TasksAccounting Timer.FixedRandomDelay Timer.OnClockChange Timer.OnTimezoneChange Timer.Persistent Timer.RemainAfterElapse Timer.WakeSystem Unit.AllowIsolate Unit.DefaultDependencies Unit.IgnoreOnIsolate Unit.RefuseManualStart Unit.RefuseManualStop Unit.StopWhenUnneeded\nconfig_parse_bool:1 Mount.DynamicUser Service.DynamicUser Socket.DynamicUser Swap.DynamicUser\nconfig_parse_bpf_foreign_program Mount.BPFProgram Scope.BPFProgram Service.BPFProgram Slice.BPFProgram Socket.BPFProgram Swap.BPFProgram\nconfig_parse_bus_name Service.BusName\nconfig_parse_capability_set Mount.AmbientCapabilities Mount.CapabilityBoundingSet Service.AmbientCapabilities Service.CapabilityBoundingSet Socket.AmbientCapabilities Socket.CapabilityBoundingSet Swap.AmbientCapabilities Swap.CapabilityBoundingSet\nconfig_parse_cg_cpu_weight Mount.CPUWeight Mount.StartupCPUWeight Scope.CPUWeight Scope.StartupCPUWeight Service.CPUWeight Service.StartupCPUWeight Slice.CPUWeight Slice.StartupCPUWeight Socket.CPUWeight Socket.StartupCPUWeight Swap.CPUWeight Swap.StartupCPUWeight\nconfig_parse_cg_weight Mount.IOWeight Mount.StartupIOWeight Scope.IOWeight Scope.StartupIOWeight Service.IOWeight Service.StartupIOWeight Slice.IOWeight Slice.StartupIOWeight Socket.IOWeight Socket.StartupIOWeight Swap.IOWeight Swap.StartupIOWeight\nconfig_parse_cgroup_socket_bind Mount.SocketBindAllow Mount.SocketBindDeny Scope.SocketBindAllow Scope.SocketBindDeny Service.SocketBindAllow Service.SocketBindDeny Slice.SocketBindAllow Slice.SocketBindDeny Socket.SocketBindAllow Socket.SocketBindDeny Swap.SocketBindAllow Swap.SocketBindDeny\nconfig_parse_collect_mode Unit.CollectMode\nconfig_parse_colon_separated_paths Mount.ExecSearchPath Service.ExecSearchPath Socket.ExecSearchPath Swap.ExecSearchPath\nconfig_parse_cpu_quota Mount.CPUQuota Scope.CPUQuota Service.CPUQuota Slice.CPUQuota Socket.CPUQuota Swap.CPUQuota\nconfig_parse_cpu_shares Mount.CPUShares Mount.StartupCPUShares Scope.CPUShares Scope.StartupCPUShares Service.CPUShares Service.StartupCPUShares Slice.CPUShares Slice.StartupCPUShares Socket.CPUShares Socket.StartupCPUShares Swap.CPUShares Swap.StartupCPUShares\nconfig_parse_delegate Mount.Delegate Scope.Delegate Service.Delegate Slice.Delegate Socket.Delegate Swap.Delegate\nconfig_parse_device_allow Mount.DeviceAllow Scope.DeviceAllow Service.DeviceAllow Slice.DeviceAllow Socket.DeviceAllow Swap.DeviceAllow\nconfig_parse_device_policy Mount.DevicePolicy Scope.DevicePolicy Service.DevicePolicy Slice.DevicePolicy Socket.DevicePolicy Swap.DevicePolicy\nconfig_parse_disable_controllers Mount.DisableControllers Scope.DisableControllers Service.DisableControllers Slice.DisableControllers Socket.DisableControllers Swap.DisableControllers\nconfig_parse_documentation Unit.Documentation\nconfig_parse_emergency_action Service.FailureAction Service.StartLimitAction Unit.FailureAction Unit.JobTimeoutAction Unit.StartLimitAction Unit.SuccessAction\nconfig_parse_environ Mount.Environment Service.Environment Socket.Environment Swap.Environment\nconfig_parse_exec Service.ExecCondition Service.ExecReload Service.ExecStart Service.ExecStartPost Service.ExecStartPre Service.ExecStop Service.ExecStopPost Socket.ExecStartPost Socket.ExecStartPre Socket.ExecStopPost Socket.ExecStopPre\nconfig_parse_exec_apparmor_profile Mount.AppArmorProfile Service.AppArmorProfile Socket.AppArmorProfile Swap.AppArmorProfile\nconfig_parse_exec_coredump_filter Mount.CoredumpFilter Service.CoredumpFilter Socket.CoredumpFilter Swap.CoredumpFilter\nconfig_parse_exec_cpu_affinity Mount.CPUAffinity Service.CPUAffinity Socket.CPUAffinity Swap.CPUAffinity\nconfig_parse_exec_cpu_sched_policy Mount.CPUSchedulingPolicy Service.CPUSchedulingPolicy Socket.CPUSchedulingPolicy Swap.CPUSchedulingPolicy\nconfig_parse_exec_cpu_sched_prio Mount.CPUSchedulingPriority Service.CPUSchedulingPriority Socket.CPUSchedulingPriority Swap.CPUSchedulingPriority\nconfig_parse_exec_directories Mount.CacheDirectory Mount.ConfigurationDirectory Mount.LogsDirectory Mount.RuntimeDirectory Mount.StateDirectory Service.CacheDirectory Service.ConfigurationDirectory Service.LogsDirectory Service.RuntimeDirectory Service.StateDirectory Socket.CacheDirectory Socket.ConfigurationDirectory Socket.LogsDirectory Socket.RuntimeDirectory Socket.StateDirectory Swap.CacheDirectory Swap.ConfigurationDirectory Swap.LogsDirectory Swap.RuntimeDirectory Swap.StateDirectory\nconfig_parse_exec_input Mount.StandardInput Service.StandardInput Socket.StandardInput Swap.StandardInput\nconfig_parse_exec_input_data Mount.StandardInputData Service.StandardInputData Socket.StandardInputData Swap.StandardInputData\nconfig_parse_exec_input_text Mount.StandardInputText Service.StandardInputText Socket.StandardInputText Swap.StandardInputText\nconfig_parse_exec_io_class Mount.IOSchedulingClass Service.IOSchedulingClass Socket.IOSchedulingClass Swap.IOSchedulingClass\nconfig_parse_exec_io_priority Mount.IOSchedulingPriority Service.IOSchedulingPriority Socket.IOSchedulingPriority Swap.IOSchedulingPriority\nconfig_parse_exec_keyring_mode Mount.KeyringMode Service.KeyringMode Socket.KeyringMode Swap.KeyringMode\nconfig_parse_exec_mount_apivfs Mount.MountAPIVFS Service.MountAPIVFS Socket.MountAPIVFS Swap.MountAPIVFS\nconfig_parse_exec_mount_flags Mount.MountFlags Service.MountFlags Socket.MountFlags Swap.MountFlags\nconfig_parse_exec_nice Mount.Nice Service.Nice Socket.Nice Swap.Nice\nconfig_parse_exec_oom_score_adjust Mount.OOMScoreAdjust Service.OOMScoreAdjust Socket.OOMScoreAdjust Swap.OOMScoreAdjust\nconfig_parse_exec_output Mount.StandardError Mount.StandardOutput Service.StandardError Service.StandardOutput Socket.StandardError Socket.StandardOutput Swap.StandardError Swap.StandardOutput\nconfig_parse_exec_root_hash Mount.RootHash Service.RootHash Socket.RootHash Swap.RootHash\nconfig_parse_exec_root_hash_sig Mount.RootHashSignature Service.RootHashSignature Socket.RootHashSignature Swap.RootHashSignature\nconfig_parse_exec_secure_bits Mount.SecureBits Service.SecureBits Socket.SecureBits Swap.SecureBits\nconfig_parse_exec_selinux_context Mount.SELinuxContext Service.SELinuxContext Socket.SELinuxContext Swap.SELinuxContext\nconfig_parse_exec_smack_process_label Mount.SmackProcessLabel Service.SmackProcessLabel Socket.SmackProcessLabel Swap.SmackProcessLabel\nconfig_parse_exec_utmp_mode Mount.UtmpMode Service.UtmpMode Socket.UtmpMode Swap.UtmpMode\nconfig_parse_exit_status Unit.FailureActionExitStatus Unit.SuccessActionExitStatus\nconfig_parse_extension_images Mount.ExtensionImages Service.ExtensionImages Socket.ExtensionImages Swap.ExtensionImages\nconfig_parse_fdname Socket.FileDescriptorName\nconfig_parse_iec_size Socket.PipeSize Socket.ReceiveBuffer Socket.SendBuffer\nconfig_parse_in_addr_prefixes Mount.IPAddressAllow Mount.IPAddressDeny Scope.IPAddressAllow Scope.IPAddressDeny Service.IPAddressAllow Service.IPAddressDeny Slice.IPAddressAllow Slice.IPAddressDeny Socket.IPAddressAllow Socket.IPAddressDeny Swap.IPAddressAllow Swap.IPAddressDeny\nconfig_parse_int Socket.IPTTL Socket.Mark Socket.Priority\nconfig_parse_io_device_latency Mount.IODeviceLatencyTargetSec Scope.IODeviceLatencyTargetSec Service.IODeviceLatencyTargetSec Slice.IODeviceLatencyTargetSec Socket.IODeviceLatencyTargetSec Swap.IODeviceLatencyTargetSec\nconfig_parse_io_device_weight Mount.IODeviceWeight Scope.IODeviceWeight Service.IODeviceWeight Slice.IODeviceWeight Socket.IODeviceWeight Swap.IODeviceWeight\nconfig_parse_io_limit Mount.IOReadBandwidthMax Mount.IOReadIOPSMax Mount.IOWriteBandwidthMax Mount.IOWriteIOPSMax Scope.IOReadBandwidthMax Scope.IOReadIOPSMax Scope.IOWriteBandwidthMax Scope.IOWriteIOPSMax Service.IOReadBandwidthMax Service.IOReadIOPSMax Service.IOWriteBandwidthMax Service.IOWriteIOPSMax Slice.IOReadBandwidthMax Slice.IOReadIOPSMax Slice.IOWriteBandwidthMax Slice.IOWriteIOPSMax Socket.IOReadBandwidthMax Socket.IOReadIOPSMax Socket.IOWriteBandwidthMax Socket.IOWriteIOPSMax Swap.IOReadBandwidthMax Swap.IOReadIOPSMax Swap.IOWriteBandwidthMax Swap.IOWriteIOPSMax\nconfig_parse_ip_filter_bpf_progs Mount.IPEgressFilterPath Mount.IPIngressFilterPath Scope.IPEgressFilterPath Scope.IPIngressFilterPath Service.IPEgressFilterPath Service.IPIngressFilterPath Slice.IPEgressFilterPath Slice.IPIngressFilterPath Socket.IPEgressFilterPath Socket.IPIngressFilterPath Swap.IPEgressFilterPath Swap.IPIngressFilterPath\nconfig_parse_ip_tos Socket.IPTOS\nconfig_parse_job_mode Unit.OnFailureJobMode Unit.OnSuccessJobMode\nconfig_parse_job_mode_isolate Unit.OnFailureIsolate\nconfig_parse_job_running_timeout_sec Unit.JobRunningTimeoutSec\nconfig_parse_job_timeout_sec Unit.JobTimeoutSec\nconfig_parse_kill_mode Mount.KillMode Scope.KillMode Service.KillMode Socket.KillMode Swap.KillMode\nconfig_parse_load_credential Mount.LoadCredential Mount.LoadCredentialEncrypted Service.LoadCredential Service.LoadCredentialEncrypted Socket.LoadCredential Socket.LoadCredentialEncrypted Swap.LoadCredential Swap.LoadCredentialEncrypted\nconfig_parse_log_extra_fields Mount.LogExtraFields Service.LogExtraFields Socket.LogExtraFields Swap.LogExtraFields\nconfig_parse_log_facility Mount.SyslogFacility Service.SyslogFacility Socket.SyslogFacility Swap.SyslogFacility\nconfig_parse_log_level Mount.LogLevelMax Mount.SyslogLevel Service.LogLevelMax Service.SyslogLevel Socket.LogLevelMax Socket.SyslogLevel Swap.LogLevelMax Swap.SyslogLevel\nconfig_parse_log_namespace Mount.LogNamespace Service.LogNamespace Socket.LogNamespace Swap.LogNamespace\nconfig_parse_long Socket.MessageQueueMaxMessages Socket.MessageQueueMessageSize\nconfig_parse_managed_oom_mem_pressure_limit Mount.ManagedOOMMemoryPressureLimit Scope.ManagedOOMMemoryPressureLimit Service.ManagedOOMMemoryPressureLimit Slice.ManagedOOMMemoryPressureLimit Socket.ManagedOOMMemoryPressureLimit Swap.ManagedOOMMemoryPressureLimit\nconfig_parse_managed_oom_mode Mount.ManagedOOMMemoryPressure Mount.ManagedOOMSwap Scope.ManagedOOMMemoryPressure Scope.ManagedOOMSwap Service.ManagedOOMMemoryPressure Service.ManagedOOMSwap Slice.ManagedOOMMemoryPressure Slice.ManagedOOMSwap Socket.ManagedOOMMemoryPressure Socket.ManagedOOMSwap Swap.ManagedOOMMemoryPressure Swap.ManagedOOMSwap\nconfig_parse_managed_oom_preference Mount.ManagedOOMPreference Scope.ManagedOOMPreference Service.ManagedOOMPreference Slice.ManagedOOMPreference Socket.ManagedOOMPreference Swap.ManagedOOMPreference\nconfig_parse_memory_limit Mount.DefaultMemoryLow Mount.DefaultMemoryMin Mount.MemoryHigh Mount.MemoryLimit Mount.MemoryLow Mount.MemoryMax Mount.MemoryMin Mount.MemorySwapMax Scope.DefaultMemoryLow Scope.DefaultMemoryMin Scope.MemoryHigh Scope.MemoryLimit Scope.MemoryLow Scope.MemoryMax Scope.MemoryMin Scope.MemorySwapMax Service.DefaultMemoryLow Service.DefaultMemoryMin Service.MemoryHigh Service.MemoryLimit Service.MemoryLow Service.MemoryMax Service.MemoryMin Service.MemorySwapMax Slice.DefaultMemoryLow Slice.DefaultMemoryMin Slice.MemoryHigh Slice.MemoryLimit Slice.MemoryLow Slice.MemoryMax Slice.MemoryMin Slice.MemorySwapMax Socket.DefaultMemoryLow Socket.DefaultMemoryMin Socket.MemoryHigh Socket.MemoryLimit Socket.MemoryLow Socket.MemoryMax Socket.MemoryMin Socket.MemorySwapMax Swap.DefaultMemoryLow Swap.DefaultMemoryMin Swap.MemoryHigh Swap.MemoryLimit Swap.MemoryLow Swap.MemoryMax Swap.MemoryMin Swap.MemorySwapMax\nconfig_parse_mode Automount.DirectoryMode Mount.CacheDirectoryMode Mount.ConfigurationDirectoryMode Mount.DirectoryMode Mount.LogsDirectoryMode Mount.RuntimeDirectoryMode Mount.StateDirectoryMode Mount.UMask Path.DirectoryMode Service.CacheDirectoryMode Service.ConfigurationDirectoryMode Service.LogsDirectoryMode Service.RuntimeDirectoryMode Service.StateDirectoryMode Service.UMask Socket.CacheDirectoryMode Socket.ConfigurationDirectoryMode Socket.DirectoryMode Socket.LogsDirectoryMode Socket.RuntimeDirectoryMode Socket.SocketMode Socket.StateDirectoryMode Socket.UMask Swap.CacheDirectoryMode Swap.ConfigurationDirectoryMode Swap.LogsDirectoryMode Swap.RuntimeDirectoryMode Swap.StateDirectoryMode Swap.UMask\nconfig_parse_mount_images Mount.MountImages Service.MountImages Socket.MountImages Swap.MountImages\nconfig_parse_namespace_path_strv Mount.ExecPaths Mount.ExtensionDirectories Mount.InaccessibleDirectories Mount.InaccessiblePaths Mount.NoExecPaths Mount.ReadOnlyDirectories Mount.ReadOnlyPaths Mount.ReadWriteDirectories Mount.ReadWritePaths Service.ExecPaths Service.ExtensionDirectories Service.InaccessibleDirectories Service.InaccessiblePaths Service.NoExecPaths Service.ReadOnlyDirectories Service.ReadOnlyPaths Service.ReadWriteDirectories Service.ReadWritePaths Socket.ExecPaths Socket.ExtensionDirectories Socket.InaccessibleDirectories Socket.InaccessiblePaths Socket.NoExecPaths Socket.ReadOnlyDirectories Socket.ReadOnlyPaths Socket.ReadWriteDirectories Socket.ReadWritePaths Swap.ExecPaths Swap.ExtensionDirectories Swap.InaccessibleDirectories Swap.InaccessiblePaths Swap.NoExecPaths Swap.ReadOnlyDirectories Swap.ReadOnlyPaths Swap.ReadWriteDirectories Swap.ReadWritePaths\nconfig_parse_notify_access Service.NotifyAccess\nconfig_parse_nsec Mount.TimerSlackNSec Service.TimerSlackNSec Socket.TimerSlackNSec Swap.TimerSlackNSec\nconfig_parse_numa_mask Mount.NUMAMask Service.NUMAMask Socket.NUMAMask Swap.NUMAMask\nconfig_parse_numa_policy Mount.NUMAPolicy Service.NUMAPolicy Socket.NUMAPolicy Swap.NUMAPolicy\nconfig_parse_obsolete_unit_deps Unit.RequiresOverridable Unit.RequisiteOverridable\nconfig_parse_oom_policy Scope.OOMPolicy Service.OOMPolicy\nconfig_parse_pass_environ Mount.PassEnvironment Service.PassEnvironment Socket.PassEnvironment Swap.PassEnvironment\nconfig_parse_path_spec Path.DirectoryNotEmpty Path.PathChanged Path.PathExists Path.PathExistsGlob Path.PathModified\nconfig_parse_personality Mount.Personality Service.Personality Socket.Personality Swap.Personality\nconfig_parse_pid_file Service.PIDFile\nconfig_parse_proc_subset Mount.ProcSubset Service.ProcSubset Socket.ProcSubset Swap.ProcSubset\nconfig_parse_protect_home Mount.ProtectHome Service.ProtectHome Socket.ProtectHome Swap.ProtectHome\nconfig_parse_protect_proc Mount.ProtectProc Service.ProtectProc Socket.ProtectProc Swap.ProtectProc\nconfig_parse_protect_system Mount.ProtectSystem Service.ProtectSystem Socket.ProtectSystem Swap.ProtectSystem\nconfig_parse_reboot_parameter Unit.JobTimeoutRebootArgument Unit.RebootArgument\nconfig_parse_restrict_filesystems Mount.RestrictFileSystems Service.RestrictFileSystems Socket.RestrictFileSystems Swap.RestrictFileSystems\nconfig_parse_restrict_namespaces Mount.RestrictNamespaces Service.RestrictNamespaces Socket.RestrictNamespaces Swap.RestrictNamespaces\nconfig_parse_restrict_network_interfaces Mount.RestrictNetworkInterfaces Scope.RestrictNetworkInterfaces Service.RestrictNetworkInterfaces Slice.RestrictNetworkInterfaces Socket.RestrictNetworkInterfaces Swap.RestrictNetworkInterfaces\nconfig_parse_rlimit Mount.LimitAS Mount.LimitCORE Mount.LimitCPU Mount.LimitDATA Mount.LimitFSIZE Mount.LimitLOCKS Mount.LimitMEMLOCK Mount.LimitMSGQUEUE Mount.LimitNICE Mount.LimitNOFILE Mount.LimitNPROC Mount.LimitRSS Mount.LimitRTPRIO Mount.LimitRTTIME Mount.LimitSIGPENDING Mount.LimitSTACK Service.LimitAS Service.LimitCORE Service.LimitCPU Service.LimitDATA Service.LimitFSIZE Service.LimitLOCKS Service.LimitMEMLOCK Service.LimitMSGQUEUE Service.LimitNICE Service.LimitNOFILE Service.LimitNPROC Service.LimitRSS Service.LimitRTPRIO Service.LimitRTTIME Service.LimitSIGPENDING Service.LimitSTACK Socket.LimitAS Socket.LimitCORE Socket.LimitCPU Socket.LimitDATA Socket.LimitFSIZE Socket.LimitLOCKS Socket.LimitMEMLOCK Socket.LimitMSGQUEUE Socket.LimitNICE Socket.LimitNOFILE Socket.LimitNPROC Socket.LimitRSS Socket.LimitRTPRIO Socket.LimitRTTIME Socket.LimitSIGPENDING Socket.LimitSTACK Swap.LimitAS Swap.LimitCORE Swap.LimitCPU Swap.LimitDATA Swap.LimitFSIZE Swap.LimitLOCKS Swap.LimitMEMLOCK Swap.LimitMSGQUEUE Swap.LimitNICE Swap.LimitNOFILE Swap.LimitNPROC Swap.LimitRSS Swap.LimitRTPRIO Swap.LimitRTTIME Swap.LimitSIGPENDING Swap.LimitSTACK\nconfig_parse_root_image_options Mount.RootImageOptions Service.RootImageOptions Socket.RootImageOptions Swap.RootImageOptions\nconfig_parse_runtime_preserve_mode Mount.RuntimeDirectoryPreserve Service.RuntimeDirectoryPreserve Socket.RuntimeDirectoryPreserve Swap.RuntimeDirectoryPreserve\nconfig_parse_sec Mount.LogRateLimitIntervalSec Mount.TimeoutCleanSec Path.TriggerLimitIntervalSec Scope.RuntimeMaxSec Scope.RuntimeRandomizedExtraSec Scope.TimeoutStopSec Service.LogRateLimitIntervalSec Service.RestartSec Service.RuntimeMaxSec Service.RuntimeRandomizedExtraSec Service.StartLimitInterval Service.TimeoutCleanSec Service.WatchdogSec Socket.DeferAcceptSec Socket.KeepAliveIntervalSec Socket.KeepAliveTimeSec Socket.LogRateLimitIntervalSec Socket.TimeoutCleanSec Socket.TriggerLimitIntervalSec Swap.LogRateLimitIntervalSec Swap.TimeoutCleanSec Timer.AccuracySec Timer.RandomizedDelaySec Unit.StartLimitInterval Unit.StartLimitIntervalSec\nconfig_parse_sec_def_infinity Mount.CPUQuotaPeriodSec Scope.CPUQuotaPeriodSec Service.CPUQuotaPeriodSec Slice.CPUQuotaPeriodSec Socket.CPUQuotaPeriodSec Swap.CPUQuotaPeriodSec\nconfig_parse_sec_fix_0 Automount.TimeoutIdleSec Mount.TimeoutSec Service.TimeoutStopSec Socket.TimeoutSec Swap.TimeoutSec\nconfig_parse_service_exit_type Service.ExitType\nconfig_parse_service_restart Service.Restart\nconfig_parse_service_sockets Service.Sockets\nconfig_parse_service_timeout Service.TimeoutSec Service.TimeoutStartSec\nconfig_parse_service_timeout_abort Service.TimeoutAbortSec\nconfig_parse_service_timeout_failure_mode Service.TimeoutStartFailureMode Service.TimeoutStopFailureMode\nconfig_parse_service_type Service.Type\nconfig_parse_set_credential Mount.SetCredential Mount.SetCredentialEncrypted Service.SetCredential Service.SetCredentialEncrypted Socket.SetCredential Socket.SetCredentialEncrypted Swap.SetCredential Swap.SetCredentialEncrypted\nconfig_parse_set_status Service.RestartForceExitStatus Service.RestartPreventExitStatus Service.SuccessExitStatus\nconfig_parse_signal Mount.FinalKillSignal Mount.KillSignal Mount.RestartKillSignal Mount.WatchdogSignal Scope.FinalKillSignal Scope.KillSignal Scope.RestartKillSignal Scope.WatchdogSignal Service.FinalKillSignal Service.KillSignal Service.RestartKillSignal Service.WatchdogSignal Socket.FinalKillSignal Socket.KillSignal Socket.RestartKillSignal Socket.WatchdogSignal Swap.FinalKillSignal Swap.KillSignal Swap.RestartKillSignal Swap.WatchdogSignal\nconfig_parse_socket_bind Socket.BindIPv6Only\nconfig_parse_socket_bindtodevice Socket.BindToDevice\nconfig_parse_socket_listen Socket.ListenDatagram Socket.ListenFIFO Socket.ListenMessageQueue Socket.ListenNetlink Socket.ListenSequentialPacket Socket.ListenSpecial Socket.ListenStream Socket.ListenUSBFunction\nconfig_parse_socket_protocol Socket.SocketProtocol\nconfig_parse_socket_service Socket.Service\nconfig_parse_socket_timestamping Socket.Timestamping\nconfig_parse_string Socket.TCPCongestion\nconfig_parse_swap_priority Swap.Priority\nconfig_parse_syscall_archs Mount.SystemCallArchitectures Service.SystemCallArchitectures Socket.SystemCallArchitectures Swap.SystemCallArchitectures\nconfig_parse_syscall_errno Mount.SystemCallErrorNumber Service.SystemCallErrorNumber Socket.SystemCallErrorNumber Swap.SystemCallErrorNumber\nconfig_parse_syscall_filter Mount.SystemCallFilter Service.SystemCallFilter Socket.SystemCallFilter Swap.SystemCallFilter\nconfig_parse_syscall_log Mount.SystemCallLog Service.SystemCallLog Socket.SystemCallLog Swap.SystemCallLog\nconfig_parse_tasks_max Mount.TasksMax Scope.TasksMax Service.TasksMax Slice.TasksMax Socket.TasksMax Swap.TasksMax\nconfig_parse_temporary_filesystems Mount.TemporaryFileSystem Service.TemporaryFileSystem Socket.TemporaryFileSystem Swap.TemporaryFileSystem\nconfig_parse_timer Timer.OnActiveSec Timer.OnBootSec Timer.OnCalendar Timer.OnStartupSec Timer.OnUnitActiveSec Timer.OnUnitInactiveSec\nconfig_parse_trigger_unit Path.Unit Timer.Unit\nconfig_parse_tty_size Mount.TTYColumns Mount.TTYRows Service.TTYColumns Service.TTYRows Socket.TTYColumns Socket.TTYRows Swap.TTYColumns Swap.TTYRows\nconfig_parse_unit_condition_path Unit.AssertDirectoryNotEmpty Unit.AssertFileIsExecutable Unit.AssertFileNotEmpty Unit.AssertNeedsUpdate Unit.AssertPathExists Unit.AssertPathExistsGlob Unit.AssertPathIsDirectory Unit.AssertPathIsEncrypted Unit.AssertPathIsMountPoint Unit.AssertPathIsReadWrite Unit.AssertPathIsSymbolicLink Unit.ConditionDirectoryNotEmpty Unit.ConditionFileIsExecutable Unit.ConditionFileNotEmpty Unit.ConditionNeedsUpdate Unit.ConditionPathExists Unit.ConditionPathExistsGlob Unit.ConditionPathIsDirectory Unit.ConditionPathIsEncrypted Unit.ConditionPathIsMountPoint Unit.ConditionPathIsReadWrite Unit.ConditionPathIsSymbolicLink\nconfig_parse_unit_condition_string Unit.AssertACPower Unit.AssertArchitecture Unit.AssertCPUFeature Unit.AssertCPUPressure Unit.AssertCPUs Unit.AssertCapability Unit.AssertControlGroupController Unit.AssertCredential Unit.AssertEnvironment Unit.AssertFirstBoot Unit.AssertGroup Unit.AssertHost Unit.AssertIOPressure Unit.AssertKernelCommandLine Unit.AssertKernelVersion Unit.AssertMemory Unit.AssertMemoryPressure Unit.AssertOSRelease Unit.AssertSecurity Unit.AssertUser Unit.AssertVirtualization Unit.ConditionACPower Unit.ConditionArchitecture Unit.ConditionCPUFeature Unit.ConditionCPUPressure Unit.ConditionCPUs Unit.ConditionCapability Unit.ConditionControlGroupController Unit.ConditionCredential Unit.ConditionEnvironment Unit.ConditionFirmware Unit.ConditionFirstBoot Unit.ConditionGroup Unit.ConditionHost Unit.ConditionIOPressure Unit.ConditionKernelCommandLine Unit.ConditionKernelVersion Unit.ConditionMemory Unit.ConditionMemoryPressure Unit.ConditionOSRelease Unit.ConditionSecurity Unit.ConditionUser Unit.ConditionVirtualization\nconfig_parse_unit_deps Unit.After Unit.Before Unit.BindTo Unit.BindsTo Unit.Conflicts Unit.JoinsNamespaceOf Unit.OnFailure Unit.OnSuccess Unit.PartOf Unit.PropagateReloadFrom Unit.PropagateReloadTo Unit.PropagatesReloadTo Unit.PropagatesStopTo Unit.ReloadPropagatedFrom Unit.Requires Unit.Requisite Unit.StopPropagatedFrom Unit.Upholds Unit.Wants\nconfig_parse_unit_env_file Mount.EnvironmentFile Service.EnvironmentFile Socket.EnvironmentFile Swap.EnvironmentFile\nconfig_parse_unit_path_printf Automount.Where Mount.IPCNamespacePath Mount.NetworkNamespacePath Mount.TTYPath Mount.Where Service.IPCNamespacePath Service.NetworkNamespacePath Service.TTYPath Service.USBFunctionDescriptors Service.USBFunctionStrings Socket.IPCNamespacePath Socket.NetworkNamespacePath Socket.TTYPath Swap.IPCNamespacePath Swap.NetworkNamespacePath Swap.TTYPath Swap.What Unit.SourcePath\nconfig_parse_unit_path_printf:1 Mount.RootDirectory Mount.RootImage Mount.RootVerity Service.RootDirectory Service.RootImage Service.RootVerity Socket.RootDirectory Socket.RootImage Socket.RootVerity Swap.RootDirectory Swap.RootImage Swap.RootVerity\nconfig_parse_unit_path_strv_printf Socket.Symlinks\nconfig_parse_unit_requires_mounts_for Unit.RequiresMountsFor\nconfig_parse_unit_slice Mount.Slice Scope.Slice Service.Slice Slice.Slice Socket.Slice Swap.Slice\nconfig_parse_unit_string_printf Automount.ExtraOptions Mount.Options Mount.PAMName Mount.SyslogIdentifier Mount.Type Mount.UtmpIdentifier Mount.What Service.PAMName Service.RebootArgument Service.SyslogIdentifier Service.UtmpIdentifier Socket.PAMName Socket.SmackLabel Socket.SmackLabelIPIn Socket.SmackLabelIPOut Socket.SyslogIdentifier Socket.UtmpIdentifier Swap.Options Swap.PAMName Swap.SyslogIdentifier Swap.UtmpIdentifier Unit.Description\nconfig_parse_unset_environ Mount.UnsetEnvironment Service.UnsetEnvironment Socket.UnsetEnvironment Swap.UnsetEnvironment\nconfig_parse_unsigned Mount.LogRateLimitBurst Path.TriggerLimitBurst Service.FileDescriptorStoreMax Service.LogRateLimitBurst Service.StartLimitBurst Socket.Backlog Socket.KeepAliveProbes Socket.LogRateLimitBurst Socket.MaxConnections Socket.MaxConnectionsPerSource Socket.TriggerLimitBurst Swap.LogRateLimitBurst Unit.StartLimitBurst\nconfig_parse_user_group_compat Mount.Group Mount.User Service.Group Service.User Socket.Group Socket.SocketGroup Socket.SocketUser Socket.User Swap.Group Swap.User\nconfig_parse_user_group_strv_compat Mount.SupplementaryGroups Service.SupplementaryGroups Socket.SupplementaryGroups Swap.SupplementaryGroups\nconfig_parse_warn_compat Mount.Capabilities Mount.NetClass Scope.NetClass Service.BusPolicy Service.Capabilities Service.NetClass Service.SysVStartPriority Slice.NetClass Socket.Capabilities Socket.NetClass Swap.Capabilities Swap.NetClass Unit.IgnoreOnSnapshot\nconfig_parse_working_directory Mount.WorkingDirectory Service.WorkingDirectory Socket.WorkingDirectory Swap.WorkingDirectory";
    CHANGES = {
      "254": { added: "- Install.UpheldBy\nconfig_parse_bool Mount.RootEphemeral Service.RootEphemeral Socket.RootEphemeral Swap.RootEphemeral\nconfig_parse_delegate_subgroup Mount.DelegateSubgroup Scope.DelegateSubgroup Service.DelegateSubgroup Slice.DelegateSubgroup Socket.DelegateSubgroup Swap.DelegateSubgroup\nconfig_parse_exec_mount_propagation_flag Mount.MountFlags Service.MountFlags Socket.MountFlags Swap.MountFlags\nconfig_parse_exec_preserve_mode Mount.RuntimeDirectoryPreserve Service.FileDescriptorStorePreserve Service.RuntimeDirectoryPreserve Socket.RuntimeDirectoryPreserve Swap.RuntimeDirectoryPreserve\nconfig_parse_image_policy Mount.ExtensionImagePolicy Mount.MountImagePolicy Mount.RootImagePolicy Service.ExtensionImagePolicy Service.MountImagePolicy Service.RootImagePolicy Socket.ExtensionImagePolicy Socket.MountImagePolicy Socket.RootImagePolicy Swap.ExtensionImagePolicy Swap.MountImagePolicy Swap.RootImagePolicy\nconfig_parse_import_credential Mount.ImportCredential Service.ImportCredential Socket.ImportCredential Swap.ImportCredential\nconfig_parse_log_filter_patterns Mount.LogFilterPatterns Service.LogFilterPatterns Socket.LogFilterPatterns Swap.LogFilterPatterns\nconfig_parse_memory_limit Mount.DefaultStartupMemoryLow Mount.MemoryZSwapMax Mount.StartupMemoryHigh Mount.StartupMemoryLow Mount.StartupMemoryMax Mount.StartupMemorySwapMax Mount.StartupMemoryZSwapMax Scope.DefaultStartupMemoryLow Scope.MemoryZSwapMax Scope.StartupMemoryHigh Scope.StartupMemoryLow Scope.StartupMemoryMax Scope.StartupMemorySwapMax Scope.StartupMemoryZSwapMax Service.DefaultStartupMemoryLow Service.MemoryZSwapMax Service.StartupMemoryHigh Service.StartupMemoryLow Service.StartupMemoryMax Service.StartupMemorySwapMax Service.StartupMemoryZSwapMax Slice.DefaultStartupMemoryLow Slice.MemoryZSwapMax Slice.StartupMemoryHigh Slice.StartupMemoryLow Slice.StartupMemoryMax Slice.StartupMemorySwapMax Slice.StartupMemoryZSwapMax Socket.DefaultStartupMemoryLow Socket.MemoryZSwapMax Socket.StartupMemoryHigh Socket.StartupMemoryLow Socket.StartupMemoryMax Socket.StartupMemorySwapMax Socket.StartupMemoryZSwapMax Swap.DefaultStartupMemoryLow Swap.MemoryZSwapMax Swap.StartupMemoryHigh Swap.StartupMemoryLow Swap.StartupMemoryMax Swap.StartupMemorySwapMax Swap.StartupMemoryZSwapMax\nconfig_parse_memory_pressure_watch Mount.MemoryPressureWatch Scope.MemoryPressureWatch Service.MemoryPressureWatch Slice.MemoryPressureWatch Socket.MemoryPressureWatch Swap.MemoryPressureWatch\nconfig_parse_open_file Service.OpenFile\nconfig_parse_sec Mount.MemoryPressureThresholdSec Scope.MemoryPressureThresholdSec Service.MemoryPressureThresholdSec Service.RestartMaxDelaySec Slice.MemoryPressureThresholdSec Socket.MemoryPressureThresholdSec Swap.MemoryPressureThresholdSec\nconfig_parse_service_restart_mode Service.RestartMode\nconfig_parse_signal Service.ReloadSignal\nconfig_parse_tristate Mount.MemoryKSM Mount.PrivateMounts Service.MemoryKSM Service.PrivateMounts Socket.MemoryKSM Socket.PrivateMounts Swap.MemoryKSM Swap.PrivateMounts\nconfig_parse_unsigned Service.RestartSteps", removed: "Mount.MountFlags Mount.PrivateMounts Mount.RuntimeDirectoryPreserve Service.MountFlags Service.PrivateMounts Service.RuntimeDirectoryPreserve Socket.MountFlags Socket.PrivateMounts Socket.RuntimeDirectoryPreserve Swap.MountFlags Swap.PrivateMounts Swap.RuntimeDirectoryPreserve" },
      "257": { added: "- Install.UpheldBy\nconfig_parse_bool Mount.CoredumpReceive Mount.MemoryZSwapWriteback Mount.RootEphemeral Scope.CoredumpReceive Scope.MemoryZSwapWriteback Service.CoredumpReceive Service.MemoryZSwapWriteback Service.RootEphemeral Slice.CoredumpReceive Slice.MemoryZSwapWriteback Socket.CoredumpReceive Socket.MemoryZSwapWriteback Socket.PassFileDescriptorsToExec Socket.RootEphemeral Swap.CoredumpReceive Swap.MemoryZSwapWriteback Swap.RootEphemeral Timer.DeferReactivation Unit.SurviveFinalKillSignal\nconfig_parse_cgroup_nft_set Mount.NFTSet Scope.NFTSet Service.NFTSet Slice.NFTSet Socket.NFTSet Swap.NFTSet\nconfig_parse_delegate_subgroup Mount.DelegateSubgroup Scope.DelegateSubgroup Service.DelegateSubgroup Slice.DelegateSubgroup Socket.DelegateSubgroup Swap.DelegateSubgroup\nconfig_parse_exec_mount_propagation_flag Mount.MountFlags Service.MountFlags Socket.MountFlags Swap.MountFlags\nconfig_parse_exec_preserve_mode Mount.RuntimeDirectoryPreserve Service.FileDescriptorStorePreserve Service.RuntimeDirectoryPreserve Socket.RuntimeDirectoryPreserve Swap.RuntimeDirectoryPreserve\nconfig_parse_image_policy Mount.ExtensionImagePolicy Mount.MountImagePolicy Mount.RootImagePolicy Service.ExtensionImagePolicy Service.MountImagePolicy Service.RootImagePolicy Socket.ExtensionImagePolicy Socket.MountImagePolicy Socket.RootImagePolicy Swap.ExtensionImagePolicy Swap.MountImagePolicy Swap.RootImagePolicy\nconfig_parse_import_credential Mount.ImportCredential Service.ImportCredential Socket.ImportCredential Swap.ImportCredential\nconfig_parse_log_filter_patterns Mount.LogFilterPatterns Service.LogFilterPatterns Socket.LogFilterPatterns Swap.LogFilterPatterns\nconfig_parse_managed_oom_mem_pressure_duration_sec Mount.ManagedOOMMemoryPressureDurationSec Scope.ManagedOOMMemoryPressureDurationSec Service.ManagedOOMMemoryPressureDurationSec Slice.ManagedOOMMemoryPressureDurationSec Socket.ManagedOOMMemoryPressureDurationSec Swap.ManagedOOMMemoryPressureDurationSec\nconfig_parse_memory_limit Mount.DefaultStartupMemoryLow Mount.MemoryZSwapMax Mount.StartupMemoryHigh Mount.StartupMemoryLow Mount.StartupMemoryMax Mount.StartupMemorySwapMax Mount.StartupMemoryZSwapMax Scope.DefaultStartupMemoryLow Scope.MemoryZSwapMax Scope.StartupMemoryHigh Scope.StartupMemoryLow Scope.StartupMemoryMax Scope.StartupMemorySwapMax Scope.StartupMemoryZSwapMax Service.DefaultStartupMemoryLow Service.MemoryZSwapMax Service.StartupMemoryHigh Service.StartupMemoryLow Service.StartupMemoryMax Service.StartupMemorySwapMax Service.StartupMemoryZSwapMax Slice.DefaultStartupMemoryLow Slice.MemoryZSwapMax Slice.StartupMemoryHigh Slice.StartupMemoryLow Slice.StartupMemoryMax Slice.StartupMemorySwapMax Slice.StartupMemoryZSwapMax Socket.DefaultStartupMemoryLow Socket.MemoryZSwapMax Socket.StartupMemoryHigh Socket.StartupMemoryLow Socket.StartupMemoryMax Socket.StartupMemorySwapMax Socket.StartupMemoryZSwapMax Swap.DefaultStartupMemoryLow Swap.MemoryZSwapMax Swap.StartupMemoryHigh Swap.StartupMemoryLow Swap.StartupMemoryMax Swap.StartupMemorySwapMax Swap.StartupMemoryZSwapMax\nconfig_parse_memory_pressure_watch Mount.MemoryPressureWatch Scope.MemoryPressureWatch Service.MemoryPressureWatch Slice.MemoryPressureWatch Socket.MemoryPressureWatch Swap.MemoryPressureWatch\nconfig_parse_mount_node Mount.What Swap.What\nconfig_parse_open_file Service.OpenFile\nconfig_parse_private_pids Mount.PrivatePIDs Service.PrivatePIDs Socket.PrivatePIDs Swap.PrivatePIDs\nconfig_parse_private_tmp Mount.PrivateTmp Service.PrivateTmp Socket.PrivateTmp Swap.PrivateTmp\nconfig_parse_private_users Mount.PrivateUsers Service.PrivateUsers Socket.PrivateUsers Swap.PrivateUsers\nconfig_parse_protect_control_groups Mount.ProtectControlGroups Service.ProtectControlGroups Socket.ProtectControlGroups Swap.ProtectControlGroups\nconfig_parse_sec Mount.MemoryPressureThresholdSec Scope.MemoryPressureThresholdSec Service.MemoryPressureThresholdSec Service.RestartMaxDelaySec Slice.MemoryPressureThresholdSec Socket.MemoryPressureThresholdSec Socket.PollLimitIntervalSec Swap.MemoryPressureThresholdSec\nconfig_parse_service_restart_mode Service.RestartMode\nconfig_parse_signal Service.ReloadSignal\nconfig_parse_tristate Mount.BindLogSockets Mount.MemoryKSM Mount.MountAPIVFS Mount.PrivateMounts Mount.SetLoginEnvironment Service.BindLogSockets Service.MemoryKSM Service.MountAPIVFS Service.PrivateMounts Service.SetLoginEnvironment Socket.BindLogSockets Socket.MemoryKSM Socket.MountAPIVFS Socket.PrivateMounts Socket.SetLoginEnvironment Swap.BindLogSockets Swap.MemoryKSM Swap.MountAPIVFS Swap.PrivateMounts Swap.SetLoginEnvironment\nconfig_parse_unit_mounts_for Unit.RequiresMountsFor Unit.WantsMountsFor\nconfig_parse_unsigned Service.RestartSteps Socket.PollLimitBurst", removed: "Mount.MountAPIVFS Mount.MountFlags Mount.PrivateMounts Mount.PrivateTmp Mount.PrivateUsers Mount.ProtectControlGroups Mount.RuntimeDirectoryPreserve Mount.What Service.MountAPIVFS Service.MountFlags Service.PrivateMounts Service.PrivateTmp Service.PrivateUsers Service.ProtectControlGroups Service.RuntimeDirectoryPreserve Socket.MountAPIVFS Socket.MountFlags Socket.PrivateMounts Socket.PrivateTmp Socket.PrivateUsers Socket.ProtectControlGroups Socket.RuntimeDirectoryPreserve Swap.MountAPIVFS Swap.MountFlags Swap.PrivateMounts Swap.PrivateTmp Swap.PrivateUsers Swap.ProtectControlGroups Swap.RuntimeDirectoryPreserve Swap.What Unit.RequiresMountsFor" },
      "262": { added: "- Install.UpheldBy\nconfig_parse_bind_network_interface Mount.BindNetworkInterface Scope.BindNetworkInterface Service.BindNetworkInterface Slice.BindNetworkInterface Socket.BindNetworkInterface Swap.BindNetworkInterface\nconfig_parse_bool Mount.CacheDirectoryAccounting Mount.CoredumpReceive Mount.LogsDirectoryAccounting Mount.MemoryZSwapWriteback Mount.RootEphemeral Mount.StateDirectoryAccounting Scope.CoredumpReceive Scope.MemoryZSwapWriteback Service.CacheDirectoryAccounting Service.CoredumpReceive Service.LogsDirectoryAccounting Service.MemoryZSwapWriteback Service.RootEphemeral Service.StateDirectoryAccounting Slice.CoredumpReceive Slice.MemoryZSwapWriteback Socket.AcceptFileDescriptors Socket.CacheDirectoryAccounting Socket.CoredumpReceive Socket.LogsDirectoryAccounting Socket.MemoryZSwapWriteback Socket.PassFileDescriptorsToExec Socket.PassPIDFD Socket.RootEphemeral Socket.StateDirectoryAccounting Swap.CacheDirectoryAccounting Swap.CoredumpReceive Swap.LogsDirectoryAccounting Swap.MemoryZSwapWriteback Swap.RootEphemeral Swap.StateDirectoryAccounting Timer.DeferReactivation Unit.SurviveFinalKillSignal\nconfig_parse_bpf_delegate_attachments Mount.BPFDelegateAttachments Service.BPFDelegateAttachments Socket.BPFDelegateAttachments Swap.BPFDelegateAttachments\nconfig_parse_bpf_delegate_commands Mount.BPFDelegateCommands Service.BPFDelegateCommands Socket.BPFDelegateCommands Swap.BPFDelegateCommands\nconfig_parse_bpf_delegate_maps Mount.BPFDelegateMaps Service.BPFDelegateMaps Socket.BPFDelegateMaps Swap.BPFDelegateMaps\nconfig_parse_bpf_delegate_programs Mount.BPFDelegatePrograms Service.BPFDelegatePrograms Socket.BPFDelegatePrograms Swap.BPFDelegatePrograms\nconfig_parse_cgroup_nft_set Mount.NFTSet Scope.NFTSet Service.NFTSet Slice.NFTSet Socket.NFTSet Swap.NFTSet\nconfig_parse_concurrency_max Slice.ActivatingConcurrencyMax Slice.ConcurrencyHardMax Slice.ConcurrencySoftMax\nconfig_parse_cpuset_partition Mount.CPUSetPartition Scope.CPUSetPartition Service.CPUSetPartition Slice.CPUSetPartition Socket.CPUSetPartition Swap.CPUSetPartition\nconfig_parse_delegate_subgroup Mount.DelegateSubgroup Scope.DelegateSubgroup Service.DelegateSubgroup Slice.DelegateSubgroup Socket.DelegateSubgroup Swap.DelegateSubgroup\nconfig_parse_exec Service.ExecReloadPost\nconfig_parse_exec_memory_thp Mount.MemoryTHP Service.MemoryTHP Socket.MemoryTHP Swap.MemoryTHP\nconfig_parse_exec_mount_propagation_flag Mount.MountFlags Service.MountFlags Socket.MountFlags Swap.MountFlags\nconfig_parse_exec_preserve_mode Mount.RuntimeDirectoryPreserve Service.FileDescriptorStorePreserve Service.RuntimeDirectoryPreserve Socket.RuntimeDirectoryPreserve Swap.RuntimeDirectoryPreserve\nconfig_parse_exec_quota Mount.CacheDirectoryQuota Mount.LogsDirectoryQuota Mount.StateDirectoryQuota Service.CacheDirectoryQuota Service.LogsDirectoryQuota Service.StateDirectoryQuota Socket.CacheDirectoryQuota Socket.LogsDirectoryQuota Socket.StateDirectoryQuota Swap.CacheDirectoryQuota Swap.LogsDirectoryQuota Swap.StateDirectoryQuota\nconfig_parse_iec_size_long Socket.MessageQueueMessageSize\nconfig_parse_image_policy Mount.ExtensionImagePolicy Mount.MountImagePolicy Mount.RootImagePolicy Service.ExtensionImagePolicy Service.MountImagePolicy Service.RootImagePolicy Socket.ExtensionImagePolicy Socket.MountImagePolicy Socket.RootImagePolicy Swap.ExtensionImagePolicy Swap.MountImagePolicy Swap.RootImagePolicy\nconfig_parse_import_credential Mount.ImportCredential Service.ImportCredential Socket.ImportCredential Swap.ImportCredential\nconfig_parse_log_filter_patterns Mount.LogFilterPatterns Service.LogFilterPatterns Socket.LogFilterPatterns Swap.LogFilterPatterns\nconfig_parse_luo_sessions Service.LUOSession\nconfig_parse_managed_oom_mem_pressure_duration_sec Mount.ManagedOOMMemoryPressureDurationSec Scope.ManagedOOMMemoryPressureDurationSec Service.ManagedOOMMemoryPressureDurationSec Slice.ManagedOOMMemoryPressureDurationSec Socket.ManagedOOMMemoryPressureDurationSec Swap.ManagedOOMMemoryPressureDurationSec\nconfig_parse_managed_oom_rules Mount.OOMRules Scope.OOMRules Service.OOMRules Slice.OOMRules Socket.OOMRules Swap.OOMRules\nconfig_parse_memory_limit Mount.MemoryZSwapMax Mount.StartupMemoryHigh Mount.StartupMemoryLow Mount.StartupMemoryMax Mount.StartupMemorySwapMax Mount.StartupMemoryZSwapMax Scope.MemoryZSwapMax Scope.StartupMemoryHigh Scope.StartupMemoryLow Scope.StartupMemoryMax Scope.StartupMemorySwapMax Scope.StartupMemoryZSwapMax Service.MemoryZSwapMax Service.StartupMemoryHigh Service.StartupMemoryLow Service.StartupMemoryMax Service.StartupMemorySwapMax Service.StartupMemoryZSwapMax Slice.MemoryZSwapMax Slice.StartupMemoryHigh Slice.StartupMemoryLow Slice.StartupMemoryMax Slice.StartupMemorySwapMax Slice.StartupMemoryZSwapMax Socket.MemoryZSwapMax Socket.StartupMemoryHigh Socket.StartupMemoryLow Socket.StartupMemoryMax Socket.StartupMemorySwapMax Socket.StartupMemoryZSwapMax Swap.MemoryZSwapMax Swap.StartupMemoryHigh Swap.StartupMemoryLow Swap.StartupMemoryMax Swap.StartupMemorySwapMax Swap.StartupMemoryZSwapMax\nconfig_parse_mount_node Mount.What Swap.What\nconfig_parse_namespace_flags Mount.DelegateNamespaces Mount.RestrictNamespaces Service.DelegateNamespaces Service.RestrictNamespaces Socket.DelegateNamespaces Socket.RestrictNamespaces Swap.DelegateNamespaces Swap.RestrictNamespaces\nconfig_parse_open_file Service.OpenFile\nconfig_parse_pressure_watch Mount.CPUPressureWatch Mount.IOPressureWatch Mount.MemoryPressureWatch Scope.CPUPressureWatch Scope.IOPressureWatch Scope.MemoryPressureWatch Service.CPUPressureWatch Service.IOPressureWatch Service.MemoryPressureWatch Slice.CPUPressureWatch Slice.IOPressureWatch Slice.MemoryPressureWatch Socket.CPUPressureWatch Socket.IOPressureWatch Socket.MemoryPressureWatch Swap.CPUPressureWatch Swap.IOPressureWatch Swap.MemoryPressureWatch\nconfig_parse_private_bpf Mount.PrivateBPF Service.PrivateBPF Socket.PrivateBPF Swap.PrivateBPF\nconfig_parse_private_pids Mount.PrivatePIDs Service.PrivatePIDs Socket.PrivatePIDs Swap.PrivatePIDs\nconfig_parse_private_tmp Mount.PrivateTmp Service.PrivateTmp Socket.PrivateTmp Swap.PrivateTmp\nconfig_parse_private_users Mount.PrivateUsers Service.PrivateUsers Socket.PrivateUsers Swap.PrivateUsers\nconfig_parse_protect_control_groups Mount.ProtectControlGroups Service.ProtectControlGroups Socket.ProtectControlGroups Swap.ProtectControlGroups\nconfig_parse_protect_hostname Mount.ProtectHostname Service.ProtectHostname Socket.ProtectHostname Swap.ProtectHostname\nconfig_parse_sec Mount.CPUPressureThresholdSec Mount.IOPressureThresholdSec Mount.MemoryPressureThresholdSec Scope.CPUPressureThresholdSec Scope.IOPressureThresholdSec Scope.MemoryPressureThresholdSec Service.CPUPressureThresholdSec Service.IOPressureThresholdSec Service.MemoryPressureThresholdSec Service.RestartMaxDelaySec Service.RestartRandomizedDelaySec Slice.CPUPressureThresholdSec Slice.IOPressureThresholdSec Slice.MemoryPressureThresholdSec Socket.CPUPressureThresholdSec Socket.IOPressureThresholdSec Socket.MemoryPressureThresholdSec Socket.PollLimitIntervalSec Swap.CPUPressureThresholdSec Swap.IOPressureThresholdSec Swap.MemoryPressureThresholdSec Timer.RandomizedOffsetSec\nconfig_parse_sec_fix_0 Socket.DeferTriggerMaxSec\nconfig_parse_service_refresh_on_reload Service.RefreshOnReload\nconfig_parse_service_restart_mode Service.RestartMode\nconfig_parse_signal Service.ReloadSignal\nconfig_parse_socket_defer_trigger Socket.DeferTrigger\nconfig_parse_tristate Mount.BindLogSockets Mount.MemoryKSM Mount.MountAPIVFS Mount.PrivateMounts Mount.SetLoginEnvironment Service.BindLogSockets Service.MemoryKSM Service.MountAPIVFS Service.PrivateMounts Service.SetLoginEnvironment Socket.BindLogSockets Socket.MemoryKSM Socket.MountAPIVFS Socket.PrivateMounts Socket.SetLoginEnvironment Swap.BindLogSockets Swap.MemoryKSM Swap.MountAPIVFS Swap.PrivateMounts Swap.SetLoginEnvironment\nconfig_parse_unit_condition_path Unit.AssertPathIsSocket Unit.ConditionPathIsSocket\nconfig_parse_unit_condition_string Unit.AssertFraction Unit.AssertKernelModuleLoaded Unit.AssertMachineTag Unit.AssertVersion Unit.ConditionFraction Unit.ConditionKernelModuleLoaded Unit.ConditionMachineTag Unit.ConditionVersion\nconfig_parse_unit_cpu_set Mount.AllowedCPUs Mount.AllowedMemoryNodes Mount.StartupAllowedCPUs Mount.StartupAllowedMemoryNodes Scope.AllowedCPUs Scope.AllowedMemoryNodes Scope.StartupAllowedCPUs Scope.StartupAllowedMemoryNodes Service.AllowedCPUs Service.AllowedMemoryNodes Service.StartupAllowedCPUs Service.StartupAllowedMemoryNodes Slice.AllowedCPUs Slice.AllowedMemoryNodes Slice.StartupAllowedCPUs Slice.StartupAllowedMemoryNodes Socket.AllowedCPUs Socket.AllowedMemoryNodes Socket.StartupAllowedCPUs Socket.StartupAllowedMemoryNodes Swap.AllowedCPUs Swap.AllowedMemoryNodes Swap.StartupAllowedCPUs Swap.StartupAllowedMemoryNodes\nconfig_parse_unit_mounts_for Unit.RequiresMountsFor Unit.WantsMountsFor\nconfig_parse_unit_path_printf Mount.UserNamespacePath Service.UserNamespacePath Socket.UserNamespacePath Swap.UserNamespacePath\nconfig_parse_unit_path_printf:1 Mount.RootMStack Service.RootMStack Socket.RootMStack Swap.RootMStack\nconfig_parse_unsigned Service.RestartSteps Socket.PollLimitBurst\nconfig_parse_warn_compat Mount.BlockIOAccounting Mount.BlockIODeviceWeight Mount.BlockIOReadBandwidth Mount.BlockIOWeight Mount.BlockIOWriteBandwidth Mount.CPUAccounting Mount.CPUShares Mount.DefaultMemoryLow Mount.DefaultMemoryMin Mount.DefaultStartupMemoryLow Mount.MemoryLimit Mount.StartupBlockIOWeight Mount.StartupCPUShares Scope.BlockIOAccounting Scope.BlockIODeviceWeight Scope.BlockIOReadBandwidth Scope.BlockIOWeight Scope.BlockIOWriteBandwidth Scope.CPUAccounting Scope.CPUShares Scope.DefaultMemoryLow Scope.DefaultMemoryMin Scope.DefaultStartupMemoryLow Scope.MemoryLimit Scope.StartupBlockIOWeight Scope.StartupCPUShares Service.BlockIOAccounting Service.BlockIODeviceWeight Service.BlockIOReadBandwidth Service.BlockIOWeight Service.BlockIOWriteBandwidth Service.CPUAccounting Service.CPUShares Service.DefaultMemoryLow Service.DefaultMemoryMin Service.DefaultStartupMemoryLow Service.MemoryLimit Service.StartupBlockIOWeight Service.StartupCPUShares Slice.BlockIOAccounting Slice.BlockIODeviceWeight Slice.BlockIOReadBandwidth Slice.BlockIOWeight Slice.BlockIOWriteBandwidth Slice.CPUAccounting Slice.CPUShares Slice.DefaultMemoryLow Slice.DefaultMemoryMin Slice.DefaultStartupMemoryLow Slice.MemoryLimit Slice.StartupBlockIOWeight Slice.StartupCPUShares Socket.BlockIOAccounting Socket.BlockIODeviceWeight Socket.BlockIOReadBandwidth Socket.BlockIOWeight Socket.BlockIOWriteBandwidth Socket.CPUAccounting Socket.CPUShares Socket.DefaultMemoryLow Socket.DefaultMemoryMin Socket.DefaultStartupMemoryLow Socket.MemoryLimit Socket.StartupBlockIOWeight Socket.StartupCPUShares Swap.BlockIOAccounting Swap.BlockIODeviceWeight Swap.BlockIOReadBandwidth Swap.BlockIOWeight Swap.BlockIOWriteBandwidth Swap.CPUAccounting Swap.CPUShares Swap.DefaultMemoryLow Swap.DefaultMemoryMin Swap.DefaultStartupMemoryLow Swap.MemoryLimit Swap.StartupBlockIOWeight Swap.StartupCPUShares\nconfig_parse_xattr Socket.XAttrAccept Socket.XAttrEntryPoint Socket.XAttrListen", removed: "Mount.AllowedCPUs Mount.AllowedMemoryNodes Mount.BlockIOAccounting Mount.BlockIODeviceWeight Mount.BlockIOReadBandwidth Mount.BlockIOWeight Mount.BlockIOWriteBandwidth Mount.CPUAccounting Mount.CPUShares Mount.DefaultMemoryLow Mount.DefaultMemoryMin Mount.MemoryLimit Mount.MountAPIVFS Mount.MountFlags Mount.PrivateMounts Mount.PrivateTmp Mount.PrivateUsers Mount.ProtectControlGroups Mount.ProtectHostname Mount.RestrictNamespaces Mount.RuntimeDirectoryPreserve Mount.StartupAllowedCPUs Mount.StartupAllowedMemoryNodes Mount.StartupBlockIOWeight Mount.StartupCPUShares Mount.What Scope.AllowedCPUs Scope.AllowedMemoryNodes Scope.BlockIOAccounting Scope.BlockIODeviceWeight Scope.BlockIOReadBandwidth Scope.BlockIOWeight Scope.BlockIOWriteBandwidth Scope.CPUAccounting Scope.CPUShares Scope.DefaultMemoryLow Scope.DefaultMemoryMin Scope.MemoryLimit Scope.StartupAllowedCPUs Scope.StartupAllowedMemoryNodes Scope.StartupBlockIOWeight Scope.StartupCPUShares Service.AllowedCPUs Service.AllowedMemoryNodes Service.BlockIOAccounting Service.BlockIODeviceWeight Service.BlockIOReadBandwidth Service.BlockIOWeight Service.BlockIOWriteBandwidth Service.CPUAccounting Service.CPUShares Service.DefaultMemoryLow Service.DefaultMemoryMin Service.MemoryLimit Service.MountAPIVFS Service.MountFlags Service.PrivateMounts Service.PrivateTmp Service.PrivateUsers Service.ProtectControlGroups Service.ProtectHostname Service.RestrictNamespaces Service.RuntimeDirectoryPreserve Service.StartupAllowedCPUs Service.StartupAllowedMemoryNodes Service.StartupBlockIOWeight Service.StartupCPUShares Slice.AllowedCPUs Slice.AllowedMemoryNodes Slice.BlockIOAccounting Slice.BlockIODeviceWeight Slice.BlockIOReadBandwidth Slice.BlockIOWeight Slice.BlockIOWriteBandwidth Slice.CPUAccounting Slice.CPUShares Slice.DefaultMemoryLow Slice.DefaultMemoryMin Slice.MemoryLimit Slice.StartupAllowedCPUs Slice.StartupAllowedMemoryNodes Slice.StartupBlockIOWeight Slice.StartupCPUShares Socket.AllowedCPUs Socket.AllowedMemoryNodes Socket.BlockIOAccounting Socket.BlockIODeviceWeight Socket.BlockIOReadBandwidth Socket.BlockIOWeight Socket.BlockIOWriteBandwidth Socket.CPUAccounting Socket.CPUShares Socket.DefaultMemoryLow Socket.DefaultMemoryMin Socket.MemoryLimit Socket.MessageQueueMessageSize Socket.MountAPIVFS Socket.MountFlags Socket.PrivateMounts Socket.PrivateTmp Socket.PrivateUsers Socket.ProtectControlGroups Socket.ProtectHostname Socket.RestrictNamespaces Socket.RuntimeDirectoryPreserve Socket.StartupAllowedCPUs Socket.StartupAllowedMemoryNodes Socket.StartupBlockIOWeight Socket.StartupCPUShares Swap.AllowedCPUs Swap.AllowedMemoryNodes Swap.BlockIOAccounting Swap.BlockIODeviceWeight Swap.BlockIOReadBandwidth Swap.BlockIOWeight Swap.BlockIOWriteBandwidth Swap.CPUAccounting Swap.CPUShares Swap.DefaultMemoryLow Swap.DefaultMemoryMin Swap.MemoryLimit Swap.MountAPIVFS Swap.MountFlags Swap.PrivateMounts Swap.PrivateTmp Swap.PrivateUsers Swap.ProtectControlGroups Swap.ProtectHostname Swap.RestrictNamespaces Swap.RuntimeDirectoryPreserve Swap.StartupAllowedCPUs Swap.StartupAllowedMemoryNodes Swap.StartupBlockIOWeight Swap.StartupCPUShares Swap.What Unit.RequiresMountsFor" }
    };
    cache2 = /* @__PURE__ */ new Map();
  }
});

// src/unit/string-safe.ts
function isStringSafe(s) {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0 && c < 32 || c === 34 || c === 39 || c === 92 || c === 127) return false;
  }
  return true;
}
var init_string_safe = __esm({
  "src/unit/string-safe.ts"() {
    "use strict";
  }
});

// src/unit/utf8.ts
function isValidUtf8Text(text2) {
  return !NONCHARACTER.test(text2);
}
function isValidUnichar(c) {
  if (c >= 55296 && c <= 57343) return false;
  if (c > 1114111) return false;
  if (c >= 64976 && c <= 65007) return false;
  return (c & 65534) !== 65534;
}
function validCharLength(b, i) {
  const first = b[i];
  const len = first < 128 ? 1 : (first & 224) === 192 ? 2 : (first & 240) === 224 ? 3 : (first & 248) === 240 ? 4 : 0;
  if (len === 0 || i + len > b.length) return 0;
  if (len === 1) return 1;
  let c = first & 255 >> len + 1;
  for (let k = 1; k < len; k++) {
    const next = b[i + k];
    if ((next & 192) !== 128) return 0;
    c = c << 6 | next & 63;
  }
  const needed = c < 128 ? 1 : c < 2048 ? 2 : c < 65536 ? 3 : 4;
  return needed === len && isValidUnichar(c) ? len : 0;
}
function escapeInvalidUtf8(b) {
  const out = [];
  const replacement = [239, 191, 189];
  for (let i = 0; i < b.length; ) {
    const len = validCharLength(b, i);
    if (len > 0) {
      for (let k = 0; k < len; k++) out.push(b[i + k]);
      i += len;
    } else {
      out.push(...replacement);
      i++;
    }
  }
  return new TextDecoder().decode(Uint8Array.from(out));
}
var NONCHARACTER;
var init_utf8 = __esm({
  "src/unit/utf8.ts"() {
    "use strict";
    NONCHARACTER = /[\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]/;
  }
});

// src/unit/syntax.ts
function parseUnitFile(bytes, file, sections, options = {}) {
  const p = new LogicalLines(file, sections, options.emptySectionHeaderInvalid ?? false);
  const ascii = asciiText(bytes);
  const aborted = ascii !== null ? p.splitAscii(ascii) : p.splitBytes(bytes);
  if (aborted && !aborted.message.endsWith("too long")) p.diagnostics.push(aborted);
  return aborted ? { file, assignments: p.assignments, diagnostics: p.diagnostics, aborted } : { file, assignments: p.assignments, diagnostics: p.diagnostics };
}
function asciiText(bytes) {
  let text2;
  try {
    text2 = utf8.decode(bytes);
  } catch {
    return null;
  }
  return text2.length === bytes.length ? text2 : null;
}
function firstNonWhitespace(text2, start, end) {
  let i = start;
  while (i < end && isWhitespaceCode(text2.charCodeAt(i))) i++;
  return i;
}
function trailingBackslashes(text2, start, end) {
  let i = end;
  while (i > start && text2.charCodeAt(i - 1) === 92) i--;
  return end - i;
}
function* physicalLines(bytes) {
  const n = bytes.length;
  let start = 0;
  let i = 0;
  while (i < n) {
    if (!isLineEnd(bytes[i])) {
      i++;
      continue;
    }
    const end = i;
    i = terminatorEnd(bytes, i);
    yield bytes.subarray(start, end);
    start = i;
  }
  if (start < n) yield bytes.subarray(start, n);
}
function isCommentLine(b) {
  let i = 0;
  while (i < b.length && WHITESPACE2.has(b[i])) i++;
  return i < b.length && (b[i] === 35 || b[i] === 59);
}
function startsWithBom(b) {
  return b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];
}
function endsWithUnescapedBackslash(b) {
  let escaped = false;
  for (let i = 0; i < b.length; i++) {
    if (escaped) escaped = false;
    else if (b[i] === 92) escaped = true;
  }
  return escaped;
}
function concat(parts2, length) {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts2) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
function decodeTrimmed(b) {
  let s = 0;
  let e = b.length;
  while (s < e && WHITESPACE2.has(b[s])) s++;
  while (e > s && WHITESPACE2.has(b[e - 1])) e--;
  if (s === e) return "";
  let text2;
  try {
    text2 = utf8.decode(b.subarray(s, e));
  } catch {
    return null;
  }
  return isValidUtf8Text(text2) ? text2 : null;
}
function trimmedBytes(b) {
  let s = 0;
  let e = b.length;
  while (s < e && WHITESPACE2.has(b[s])) s++;
  while (e > s && WHITESPACE2.has(b[e - 1])) e--;
  return b.subarray(s, e);
}
function trimWhitespace(s) {
  let start = 0;
  let end = s.length;
  while (start < end && isWhitespaceCode(s.charCodeAt(start))) start++;
  while (end > start && isWhitespaceCode(s.charCodeAt(end - 1))) end--;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
var LONG_LINE_MAX, BOM, WHITESPACE2, utf8, LogicalLines, isWhitespaceCode;
var init_syntax = __esm({
  "src/unit/syntax.ts"() {
    "use strict";
    init_line_ends();
    init_string_safe();
    init_utf8();
    LONG_LINE_MAX = 1024 * 1024;
    BOM = [239, 187, 191];
    WHITESPACE2 = /* @__PURE__ */ new Set([32, 9, 10, 13]);
    utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    LogicalLines = class {
      constructor(file, sections, emptySectionHeaderInvalid) {
        this.file = file;
        this.sections = sections;
        this.emptySectionHeaderInvalid = emptySectionHeaderInvalid;
      }
      file;
      sections;
      emptySectionHeaderInvalid;
      assignments = [];
      diagnostics = [];
      section = null;
      sectionIgnored = false;
      warn(line, message) {
        this.diagnostics.push({ file: this.file, line, severity: "warning", message });
      }
      /** The byte-level splitter: any content, decoded line by line. */
      splitBytes(bytes) {
        const file = this.file;
        let bomAllowed = true;
        let pending = null;
        let pendingLength = 0;
        let line = 0;
        for (const physical of physicalLines(bytes)) {
          line++;
          if (physical.length >= LONG_LINE_MAX) return { file, line, severity: "error", message: "Line too long" };
          if (isCommentLine(physical)) continue;
          let content = physical;
          if (bomAllowed && startsWithBom(content)) {
            content = content.subarray(3);
            bomAllowed = false;
          }
          if (pending !== null && pendingLength + content.length > LONG_LINE_MAX) {
            return { file, line, severity: "error", message: "Continuation line too long" };
          }
          if (endsWithUnescapedBackslash(content)) {
            const piece = content.slice();
            piece[piece.length - 1] = 32;
            if (pending === null) pending = [];
            pending.push(piece);
            pendingLength += piece.length;
            continue;
          }
          let logical = content;
          if (pending !== null) {
            pending.push(content);
            logical = concat(pending, pendingLength + content.length);
            pending = null;
            pendingLength = 0;
          }
          const aborted = this.logicalBytes(logical, line);
          if (aborted) return aborted;
        }
        return pending !== null ? this.logicalBytes(concat(pending, pendingLength), line + 1) : void 0;
      }
      /**
       * The same splitting over an all-ASCII file decoded as one string (so lengths in characters
       * are lengths in bytes, and there is no BOM to drop). Kept step for step like splitBytes().
       */
      splitAscii(text2) {
        const file = this.file;
        const n = text2.length;
        const lfOnly = text2.indexOf("\r") < 0 && text2.indexOf("\0") < 0;
        let pending = null;
        let pendingLength = 0;
        let line = 0;
        let start = 0;
        while (start < n) {
          let end;
          let next;
          if (lfOnly) {
            end = text2.indexOf("\n", start);
            if (end < 0) end = n;
            next = end + 1;
          } else {
            end = start;
            while (end < n && !isLineEnd(text2.charCodeAt(end))) end++;
            next = end < n ? terminatorEnd(text2, end) : n;
          }
          const physicalStart = start;
          start = next;
          line++;
          const length = end - physicalStart;
          if (length >= LONG_LINE_MAX) return { file, line, severity: "error", message: "Line too long" };
          const first = firstNonWhitespace(text2, physicalStart, end);
          if (first < end) {
            const c = text2.charCodeAt(first);
            if (c === 35 || c === 59) continue;
          }
          if (pending !== null && pendingLength + length > LONG_LINE_MAX) {
            return { file, line, severity: "error", message: "Continuation line too long" };
          }
          if (trailingBackslashes(text2, physicalStart, end) % 2 === 1) {
            const piece = text2.slice(physicalStart, end - 1) + " ";
            if (pending === null) pending = [];
            pending.push(piece);
            pendingLength += piece.length;
            continue;
          }
          let logical;
          if (pending !== null) {
            pending.push(text2.slice(physicalStart, end));
            logical = pending.join("");
            pending = null;
            pendingLength = 0;
          } else {
            logical = text2.slice(first, end);
          }
          const aborted = this.logicalText(trimWhitespace(logical), line);
          if (aborted) return aborted;
        }
        return pending !== null ? this.logicalText(trimWhitespace(pending.join("")), line + 1) : void 0;
      }
      logicalBytes(raw, at) {
        const text2 = decodeTrimmed(raw);
        if (text2 === null)
          return {
            file: this.file,
            line: at,
            severity: "error",
            message: `String is not UTF-8 clean, ignoring assignment: ${escapeInvalidUtf8(trimmedBytes(raw))}`
          };
        return this.logicalText(text2, at);
      }
      /** One trimmed logical line: a section header, an assignment, or something to warn about. */
      logicalText(text2, at) {
        if (text2 === "") return void 0;
        if (text2.charCodeAt(0) === 91) {
          if (!text2.endsWith("]") || text2.length < 2) {
            return { file: this.file, line: at, severity: "error", message: `Invalid section header '${text2}'` };
          }
          const name = text2.slice(1, -1);
          if (this.emptySectionHeaderInvalid && (name === "" || !isStringSafe(name)))
            return { file: this.file, line: at, severity: "error", message: `Section header invalid '${text2}'` };
          if (!isStringSafe(name)) {
            return { file: this.file, line: at, severity: "error", message: `Bad characters in section header '${text2}'` };
          }
          if (this.sections.has(name)) {
            this.section = name;
            this.sectionIgnored = false;
          } else {
            if (!name.startsWith("X-")) this.warn(at, `Unknown section '${name}'. Ignoring.`);
            this.section = null;
            this.sectionIgnored = true;
          }
          return void 0;
        }
        if (this.section === null) {
          if (!this.sectionIgnored) this.warn(at, "Assignment outside of section. Ignoring.");
          return void 0;
        }
        const eq = text2.indexOf("=");
        if (eq < 0) {
          this.warn(at, "Missing '=', ignoring line.");
          return void 0;
        }
        if (eq === 0) {
          this.warn(at, "Missing key name before '=', ignoring line.");
          return void 0;
        }
        this.assignments.push({
          section: this.section,
          key: trimWhitespace(text2.slice(0, eq)),
          value: trimWhitespace(text2.slice(eq + 1)),
          file: this.file,
          line: at
        });
        return void 0;
      }
    };
    isWhitespaceCode = (c) => c === 32 || c === 9 || c === 10 || c === 13;
  }
});

// src/unit/source-view.ts
function listingOf(source, dir) {
  let listings = listingsBySource.get(source);
  if (!listings) listingsBySource.set(source, listings = /* @__PURE__ */ new Map());
  let l = listings.get(dir);
  if (l === void 0) {
    const names2 = source.list(dir);
    listings.set(dir, l = names2 === null ? null : new Set(names2));
  }
  return l;
}
function parts(path) {
  return path.split("/").filter((p) => p !== "" && p !== ".");
}
function render(absolute, parts2) {
  if (absolute) return "/" + parts2.join("/");
  return parts2.length === 0 ? "." : parts2.join("/");
}
function normalize2(path) {
  const absolute = path.startsWith("/");
  const out = [];
  for (const p of parts(path)) {
    if (p === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else if (p !== ".." || !absolute) out.push(p);
  }
  return render(absolute, out);
}
var SYSTEM_UNIT_PATH, SYSTEM_ROOTS, ALWAYS_THERE, CHASE_SYMLINKS_MAX, NO_SUCH_FILE, listingsBySource, EMPTY, SourceView;
var init_source_view = __esm({
  "src/unit/source-view.ts"() {
    "use strict";
    init_source();
    SYSTEM_UNIT_PATH = [
      "/etc/systemd/system.control",
      "/run/systemd/system.control",
      "/etc/systemd/system",
      "/etc/systemd/system.attached",
      "/run/systemd/system",
      "/run/systemd/system.attached",
      "/usr/local/lib/systemd/system",
      "/usr/lib/systemd/system",
      "/lib/systemd/system"
    ];
    SYSTEM_ROOTS = ["/etc/systemd/", "/run/systemd/", "/usr/", "/lib/"];
    ALWAYS_THERE = ["/etc/systemd/system", "/run/systemd/system", "/usr/lib/systemd/system", "/dev/null"];
    CHASE_SYMLINKS_MAX = 32;
    NO_SUCH_FILE = "No such file or directory";
    listingsBySource = /* @__PURE__ */ new WeakMap();
    EMPTY = /* @__PURE__ */ new Set();
    SourceView = class {
      /**
       * @param rootPrefix a root file system the source ships (a path of the source, '.' for its
       *   top): absolute paths and link targets are looked up under it, `..` stops at it, and no
       *   system unit directory is hidden (its own are the search path). /dev/null stays /dev/null.
       */
      constructor(source, root, ownDir, rootPrefix) {
        this.source = source;
        this.root = root;
        this.ownDir = ownDir;
        this.rootPrefix = rootPrefix;
        this.rootParts = rootPrefix === void 0 ? null : parts(rootPrefix);
      }
      source;
      root;
      ownDir;
      rootPrefix;
      /**
       * @param root absolute path of the source's working directory, when known
       * @param ownDir the unit's directory: never hidden, even when it is a system unit directory
       */
      /** The unit's directory, absolute when it can be (worked out when first needed). */
      ownAbsolute;
      /** Relative paths can reach a system unit directory (the working directory is near one). */
      relativeMayHide;
      /** The root file system's path components (rootPrefix split). */
      rootParts;
      /** Entries of a directory (links followed), or null when it is none here. */
      entries(dir) {
        const hidden = this.hidden(dir);
        if (hidden) return hidden === "empty" ? EMPTY : null;
        return listingOf(this.source, dir);
      }
      /** The stored target of a link, or null. */
      link(path) {
        return this.hidden(path) ? null : this.source.link(path);
      }
      /** A file's bytes, links followed (to /dev/null: empty, it masks). */
      read(path) {
        if (path === "/dev/null") return new Uint8Array(0);
        if (this.source.link(path) === null) {
          if (dirname(path) !== this.ownDir && this.hidden(path)) return null;
          return this.source.read(path);
        }
        if (this.hidden(path)) return null;
        const c = this.chase(path, { followLast: true, nonexistent: false });
        if ("error" in c) return null;
        if (c.path === "/dev/null") return new Uint8Array(0);
        return this.hidden(c.path) ? null : this.source.read(c.path);
      }
      /** The entry exists (a final link is not followed). */
      has(path) {
        if (path === "/" || path === "." || path === "") return true;
        if (path.startsWith("/") && ALWAYS_THERE.some((d) => d === path || d.startsWith(path + "/"))) return true;
        return this.entries(dirname(path))?.has(basename(path)) ?? false;
      }
      /** access(F_OK): the path exists, links followed. */
      exists(path) {
        const c = this.chase(path, { followLast: true, nonexistent: false });
        return !("error" in c);
      }
      /** is_dir(): a directory, links followed. */
      isDirectory(path) {
        const c = this.chase(path, { followLast: true, nonexistent: false });
        return !("error" in c) && this.entries(c.path) !== null;
      }
      /**
       * chase(): `path` with `.`, `..` and symbolic links resolved component by component, `..`
       * going up from where the links led. With `nonexistent`, a missing component ends the
       * lookup and the rest is kept as it is, unless it climbs with `..` (then it fails).
       */
      chase(path, opts) {
        let absolute = path.startsWith("/");
        let done = [];
        let todo = parts(path);
        const rootParts = this.rootParts;
        const intoRoot = (p) => rootParts !== null && normalize2(p) !== "/dev/null";
        if (absolute && intoRoot(path)) {
          absolute = false;
          todo = [...rootParts, ...todo];
        }
        const links = [];
        let hops = 0;
        let missing = false;
        while (todo.length > 0) {
          const c = todo.shift();
          if (missing) {
            done.push(c);
            continue;
          }
          if (c === "..") {
            if (rootParts !== null && !absolute && done.length <= rootParts.length) continue;
            if (done.length > 0 && done[done.length - 1] !== "..") done.pop();
            else if (!absolute && this.root !== void 0) {
              absolute = true;
              done = parts(this.root);
              done.pop();
            } else if (!absolute) done.push("..");
            continue;
          }
          const p = render(absolute, [...done, c]);
          if (!this.has(p)) {
            if (!opts.nonexistent || todo.includes("..")) return { error: NO_SUCH_FILE };
            missing = true;
            done.push(c);
            continue;
          }
          const target = todo.length === 0 && !opts.followLast ? null : this.link(p);
          if (target === null) {
            done.push(c);
            continue;
          }
          if (++hops > CHASE_SYMLINKS_MAX) return { error: "Too many levels of symbolic links" };
          links.push({ path: p, target });
          if (target.startsWith("/") && intoRoot(target)) {
            absolute = false;
            done = [...rootParts];
          } else if (target.startsWith("/")) {
            absolute = true;
            done = [];
          }
          todo = [...parts(target), ...todo];
        }
        return { path: this.inFrame(render(absolute, done)), links };
      }
      /** An absolute path under the source's working directory, written relative to it again. */
      inFrame(path) {
        if (this.root === void 0 || !path.startsWith("/")) return path;
        if (path === this.root) return ".";
        return path.startsWith(this.root + "/") ? path.slice(this.root.length + 1) : path;
      }
      /** The absolute form of a path when it can be known, else the path (relative to the source). */
      absolute(path) {
        const p = path.startsWith("/") || this.root === void 0 ? path : joinPath(this.root, path);
        return /\/\.|\/\/|\/$|^\.\.?(\/|$)/.test(p) ? normalize2(p) : p;
      }
      /** Hidden system unit directories read as empty; what is in them does not exist. */
      hidden(path) {
        if (this.rootParts !== null) return null;
        if (path.startsWith("/")) {
          if (!SYSTEM_ROOTS.some((r) => path.startsWith(r)) && !path.includes("/.")) return null;
        } else {
          const root = this.root;
          if (root === void 0) return null;
          this.relativeMayHide ??= SYSTEM_UNIT_PATH.some(
            (d) => root === "/" || d === root || d.startsWith(root + "/") || root.startsWith(d + "/")
          );
          if (!this.relativeMayHide && !path.startsWith("..")) return null;
        }
        const abs = this.absolute(path);
        if (!abs.startsWith("/")) return null;
        const own = this.ownAbsolute ??= this.absolute(this.ownDir);
        if (abs === own || abs.startsWith(own + "/")) return null;
        for (const dir of SYSTEM_UNIT_PATH) {
          if (abs === dir) return "empty";
          if (abs.startsWith(dir + "/")) return "inside";
        }
        return null;
      }
    };
  }
});

// src/unit/unit-files.ts
function directoryIndex(source, dir, location) {
  let bySource = indexes.get(source);
  if (!bySource) indexes.set(source, bySource = /* @__PURE__ */ new Map());
  const key = `${location.absoluteRoot ?? ""}\0${location.followDropInDirectoryLinks === true}\0${dir}`;
  let index = bySource.get(key);
  if (index !== void 0) return index;
  const entries = listingOf(source, dir);
  if (entries === null) index = null;
  else {
    const unitLinks = /* @__PURE__ */ new Map();
    let dropInDirectories = false;
    for (const name of entries) {
      if (name.endsWith(".d")) dropInDirectories = true;
      else if (UNIT_SUFFIXES.has(name.slice(name.lastIndexOf(".") + 1)) && unitNameKind(name) !== null) {
        const target = source.link(joinPath(dir, name));
        if (target !== null) unitLinks.set(name, target);
      }
    }
    const view = new SourceView(source, location.absoluteRoot, dir);
    index = { view, read: (p) => view.read(p), names: entries, unitLinks, dropInDirectories, readings: /* @__PURE__ */ new Map() };
  }
  bySource.set(key, index);
  return index;
}
function resolveUnitFiles(source, path, instance, location = {}) {
  const dir = dirname(path);
  const base = basename(path);
  const kind = unitNameKind(base);
  if (kind === null) throw new Error(`not a unit name: ${base}`);
  const requested = kind === "template" ? withInstance(base, instance) : base;
  if (location.searchRoot !== void 0) return resolveInRoot(source, path, requested, location.searchRoot, location);
  const diagnostics = [];
  const index = directoryIndex(source, dir, location);
  if (index !== null && index.unitLinks.size === 0) {
    const name = index.names.has(base) ? base : kind === "instance" && index.names.has(templateOf(base)) ? templateOf(base) : null;
    if (name !== null) {
      const fragmentPath = joinPath(dir, name);
      const drop = index.dropInDirectories ? findDropIns(index.view, dir, requested, [], location) : NO_DROP_INS;
      const plain = drop.paths.length === 0 && drop.links.length === 0;
      if (plain || drop.links.length === 0 && drop.paths.every((p) => index.view.link(p) === null)) {
        return {
          requested,
          unit: requested,
          names: [requested],
          fragmentPath,
          dropInPaths: drop.paths,
          links: [],
          involved: plain ? [path] : [.../* @__PURE__ */ new Set([path, fragmentPath, ...drop.paths])].sort(compareBytes),
          read: index.read,
          diagnostics: drop.diagnostics
        };
      }
    }
  }
  const notFound = () => ({
    requested,
    unit: requested,
    names: [requested],
    fragmentPath: null,
    dropInPaths: [],
    links: [],
    involved: [path],
    read: index?.read ?? ((p) => source.read(p)),
    diagnostics
  });
  if (index === null) return notFound();
  const { view } = index;
  const present = (name) => index.names.has(name) && (!index.unitLinks.has(name) || view.exists(joinPath(dir, name)));
  const here = present(base);
  if (!here && !(kind === "instance" && present(templateOf(base)))) return notFound();
  let fragment;
  let unit = requested;
  let aliases = [];
  const links = [];
  if (index.unitLinks.size === 0) {
    fragment = joinPath(dir, here ? base : templateOf(base));
  } else {
    const map = new NameMap(directoryTable(view, dir, index));
    const found = map.findFragment(requested);
    for (const w of map.warnings()) diagnostics.push(linkDiagnostic(w));
    if (found === null) return notFound();
    fragment = found.fragment;
    const inst = unitInstance(requested);
    const ofInstance = (name) => unitNameKind(name) === "template" && inst !== null ? withInstance(name, inst) : name;
    if (fragment !== null) unit = ofInstance(basename(fragment));
    const aliasSet = /* @__PURE__ */ new Set();
    for (const n of found.names) {
      const name = ofInstance(n);
      if (name !== unit) aliasSet.add(name);
    }
    aliases = [...aliasSet].sort(compareBytes);
    for (const l of map.followed()) links.push(l);
  }
  return unitFiles(view, {
    path,
    requested,
    unit,
    aliases,
    fragment,
    drop: findDropIns(view, dir, unit, aliases, location),
    links,
    read: index.read,
    diagnostics
  });
}
function rootTable(source, root) {
  let bySource = rootTables.get(source);
  if (!bySource) rootTables.set(source, bySource = /* @__PURE__ */ new Map());
  const key = `${root.prefix}\0${root.dirs.join("\0")}`;
  let t = bySource.get(key);
  if (t !== void 0) return t;
  const view = new SourceView(source, void 0, root.prefix, root.prefix);
  const where3 = /* @__PURE__ */ new Map();
  const unitLinks = /* @__PURE__ */ new Map();
  for (const dir of root.dirs) {
    for (const name of view.entries(dir) ?? []) {
      if (where3.has(name) || !UNIT_SUFFIXES.has(name.slice(name.lastIndexOf(".") + 1)) || unitNameKind(name) === null)
        continue;
      where3.set(name, dir);
      const target = view.link(joinPath(dir, name));
      if (target !== null) unitLinks.set(name, target);
    }
  }
  const tail = (p) => {
    for (const d of root.dirs) {
      if (p === d) return "";
      if (d === "." ? !p.startsWith("/") && !p.startsWith("../") : p.startsWith(d + "/"))
        return d === "." ? p : p.slice(d.length + 1);
    }
    return null;
  };
  const readings = /* @__PURE__ */ new Map();
  const table = {
    has: (name) => where3.has(name),
    unitLinks,
    pathOf: (name) => joinPath(where3.get(name) ?? root.dirs[0], name),
    reading: (name) => {
      let r = readings.get(name);
      if (r === void 0)
        readings.set(name, r = readUnitLink(view, where3.get(name), name, unitLinks.get(name), tail));
      return r;
    }
  };
  bySource.set(key, t = { view, table });
  return t;
}
function resolveInRoot(source, path, requested, root, location) {
  const { view, table } = rootTable(source, root);
  const read2 = (p) => view.read(p);
  const diagnostics = [];
  const map = new NameMap(table);
  const found = map.findFragment(requested);
  for (const w of map.warnings()) diagnostics.push(linkDiagnostic(w));
  if (found === null) {
    return {
      requested,
      unit: requested,
      names: [requested],
      fragmentPath: null,
      dropInPaths: [],
      links: [],
      involved: [path],
      read: read2,
      diagnostics
    };
  }
  const fragment = found.fragment;
  const inst = unitInstance(requested);
  const ofInstance = (name) => unitNameKind(name) === "template" && inst !== null ? withInstance(name, inst) : name;
  const unit = fragment !== null ? ofInstance(basename(fragment)) : requested;
  const aliasSet = /* @__PURE__ */ new Set();
  for (const n of found.names) {
    const name = ofInstance(n);
    if (name !== unit) aliasSet.add(name);
  }
  const aliases = [...aliasSet].sort(compareBytes);
  const links = [...map.followed()];
  return unitFiles(view, {
    path,
    requested,
    unit,
    aliases,
    fragment,
    drop: findDropInsIn(view, root.dirs, unit, aliases, location),
    links,
    read: read2,
    diagnostics
  });
}
function unitFiles(view, r) {
  const { path, unit, aliases, fragment, drop, links, diagnostics } = r;
  for (const d of drop.diagnostics) diagnostics.push(d);
  for (const l of drop.links) links.push(l);
  const involved = /* @__PURE__ */ new Set([path]);
  for (const p of fragment === null ? drop.paths : [fragment, ...drop.paths]) {
    involved.add(p);
    if (view.link(p) === null) continue;
    const c = view.chase(p, { followLast: true, nonexistent: true });
    if ("error" in c) continue;
    for (const l of c.links) links.push(l);
    if (c.path !== "/dev/null") involved.add(c.path);
  }
  for (const l of links) involved.add(l.path);
  return {
    requested: r.requested,
    unit,
    names: aliases.length === 0 ? [unit] : [unit, ...aliases],
    fragmentPath: fragment,
    dropInPaths: drop.paths,
    links: links.length === 0 ? links : dedupeLinks(links),
    involved: involved.size === 1 ? [path] : [...involved].sort(compareBytes),
    read: r.read,
    diagnostics
  };
}
function dedupeLinks(links) {
  const byPath = /* @__PURE__ */ new Map();
  for (const l of links) byPath.set(l.path, l);
  return [...byPath.values()].sort((a, b) => compareBytes(a.path, b.path));
}
function directoryTable(view, dir, index) {
  const tail = (p) => searchPathTail(view, dir, p);
  return {
    has: (name) => index.names.has(name),
    unitLinks: index.unitLinks,
    pathOf: (name) => joinPath(dir, name),
    reading: (name) => {
      let r = index.readings.get(name);
      if (r === void 0)
        index.readings.set(name, r = readUnitLink(view, dir, name, index.unitLinks.get(name), tail));
      return r;
    }
  };
}
function readUnitLink(view, dir, name, target, searchPathTail2) {
  const path = joinPath(dir, name);
  const own = { path, target };
  const joined = target.startsWith("/") ? target : joinPath(dir, target);
  const simplified = view.chase(joined, { followLast: false, nonexistent: true });
  if ("error" in simplified) {
    return {
      entry: null,
      warning: `Failed to resolve symlink ${view.absolute(path)} pointing to ${target.startsWith("/") ? target : joinPath(view.absolute(dir), target)}: ${simplified.error}`,
      links: [own]
    };
  }
  const links = [own, ...simplified.links];
  const tail = searchPathTail2(simplified.path);
  if (tail === null) return { entry: { file: path }, warning: null, links };
  const dst = basename(simplified.path);
  const invalid = aliasProblem(name, dst);
  if (invalid === "self") return { entry: null, warning: null, links };
  if (invalid !== null) return { entry: null, warning: invalid, links };
  const warning = tail.includes("/") ? `Suspicious symlink ${view.absolute(path)} → ${view.absolute(simplified.path)}, treating as alias.` : null;
  return { entry: { alias: dst }, warning, links };
}
function searchPathTail(view, dir, path) {
  const abs = view.absolute(path);
  const dirs = [view.absolute(dir)];
  const resolved = view.chase(dir, { followLast: true, nonexistent: false });
  if (!("error" in resolved)) dirs.push(view.absolute(resolved.path));
  for (const d of [...dirs, ...SYSTEM_UNIT_PATH]) {
    if (abs === d) return "";
    if (d === "." && !abs.startsWith("/") && !abs.startsWith("../")) return abs;
    if (abs.startsWith(d === "/" ? "/" : d + "/")) return abs.slice(d === "/" ? 1 : d.length + 1);
  }
  return null;
}
function linkDiagnostic(w) {
  const message = w.message.endsWith(", rejecting.") ? `${basename(w.file)}: ${w.message}` : w.message;
  return { file: w.file, line: 0, severity: "warning", message, unlocated: true };
}
function aliasProblem(src, dst) {
  const srcKind = unitNameKind(src);
  if (src === dst) return "self";
  const dstKind = unitNameKind(dst);
  if (dstKind === null) return `symlink target "${dst}" is not a valid unit name, rejecting.`;
  if (!(dstKind === srcKind || srcKind === "instance" && dstKind === "template")) {
    return `symlink target name type "${dst}" does not match source, rejecting.`;
  }
  if (dstKind === "instance" && unitInstance(src) !== unitInstance(dst)) {
    return `unit symlink target "${dst}" instance name doesn't match, rejecting.`;
  }
  if (unitType(src) !== unitType(dst)) return `symlink target "${dst}" has incompatible suffix, rejecting.`;
  return null;
}
function hasDirectoryNamedD(entries) {
  let any = anyDropInDirectory.get(entries);
  if (any === void 0) {
    any = false;
    for (const e of entries) if (e.endsWith(".d")) any = true;
    anyDropInDirectory.set(entries, any);
  }
  return any;
}
function findDropIns(view, dir, unit, aliases, location = {}) {
  return findDropInsIn(view, [dir], unit, aliases, location);
}
function findDropInsIn(view, unitDirs, unit, aliases, location = {}) {
  const listed3 = [];
  for (const dir of unitDirs) {
    const siblings = view.entries(dir);
    if (siblings !== null && hasDirectoryNamedD(siblings)) listed3.push({ dir, siblings });
  }
  if (listed3.length === 0) return NO_DROP_INS;
  const typeDir = `${unitType(unit)}.d`;
  const own = dropInUnitNames(unit);
  if (aliases.length === 0 && !listed3.some(({ siblings }) => siblings.has(typeDir) || own.some((n) => siblings.has(`${n}.d`))))
    return NO_DROP_INS;
  const out = { paths: [], links: [], diagnostics: [] };
  const workingDirectory2 = location.workingDirectory ?? ".";
  const dirs = [];
  const seen = /* @__PURE__ */ new Set();
  const visit = (dirName, forName) => {
    for (const { dir, siblings } of listed3) {
      if (!siblings.has(dirName)) continue;
      const p = joinPath(dir, dirName);
      if (seen.has(p)) continue;
      seen.add(p);
      const target = view.link(p);
      if (target === null) {
        if (view.entries(p) !== null) dirs.push({ path: p, name: forName });
        continue;
      }
      const from = location.followDropInDirectoryLinks === true || location.searchRoot !== void 0 ? dir : workingDirectory2;
      if (!view.isDirectory(target.startsWith("/") ? target : joinPath(from, target))) continue;
      const chased = view.chase(p, { followLast: true, nonexistent: false });
      if ("error" in chased || view.entries(chased.path) === null) continue;
      for (const l of chased.links) out.links.push(l);
      dirs.push({ path: chased.path, name: forName });
    }
  };
  for (const n of own) visit(`${n}.d`, unit);
  for (const name of aliases) for (const n of dropInUnitNames(name)) visit(`${n}.d`, name);
  visit(typeDir, null);
  const chosen = /* @__PURE__ */ new Map();
  const ambiguous = /* @__PURE__ */ new Set();
  for (const d of dirs) {
    for (const entry2 of view.entries(d.path)) {
      if (!entry2.endsWith(".conf") || entry2.startsWith(".") || BACKUP_SUFFIXES.some((s) => entry2.endsWith(s))) continue;
      const first = chosen.get(entry2);
      if (first === void 0) chosen.set(entry2, { path: joinPath(d.path, entry2), name: d.name });
      else if (first.name !== null && first.name !== unit && d.name !== null && d.name !== first.name && d.path !== dirname(first.path))
        ambiguous.add(entry2);
    }
  }
  for (const entry2 of [...chosen.keys()].sort(compareBytes)) {
    const { path } = chosen.get(entry2);
    out.paths.push(path);
    const target = view.link(path);
    if (target !== null) out.links.push({ path, target });
    if (ambiguous.has(entry2)) {
      out.diagnostics.push({
        file: path,
        line: 0,
        severity: "warning",
        message: `drop-in ${entry2} exists for several aliases of ${unit}; systemd applies one of them, which one changes from run to run`
      });
    }
  }
  return out;
}
var BACKUP_SUFFIXES, FOLLOW_MAX, UNIT_SUFFIXES, indexes, rootTables, NameMap, NO_DROP_INS, anyDropInDirectory;
var init_unit_files = __esm({
  "src/unit/unit-files.ts"() {
    "use strict";
    init_compare_bytes();
    init_names();
    init_source_view();
    init_source();
    BACKUP_SUFFIXES = [
      "~",
      ".rpmnew",
      ".rpmsave",
      ".rpmorig",
      ".dpkg-old",
      ".dpkg-new",
      ".dpkg-tmp",
      ".dpkg-dist",
      ".dpkg-bak",
      ".dpkg-backup",
      ".dpkg-remove",
      ".ucf-new",
      ".ucf-old",
      ".ucf-dist",
      ".swp",
      ".bak",
      ".old",
      ".new"
    ];
    FOLLOW_MAX = 8;
    UNIT_SUFFIXES = new Set(UNIT_TYPES);
    indexes = /* @__PURE__ */ new WeakMap();
    rootTables = /* @__PURE__ */ new WeakMap();
    NameMap = class {
      constructor(table) {
        this.table = table;
      }
      table;
      consulted = /* @__PURE__ */ new Set();
      /** The map's entry for a name; undefined when none (not there, or a link systemd rejected). */
      entry(name, track) {
        if (!this.table.has(name) || unitNameKind(name) === null) return void 0;
        if (!this.table.unitLinks.has(name)) return { file: this.table.pathOf(name) };
        track.add(name);
        return this.reading(name).entry ?? void 0;
      }
      reading(name) {
        return this.table.reading(name);
      }
      /** unit_ids_map_get(): the fragment a name leads to; 'ENOENT' (no such name), 'ENXIO' (a broken alias), 'ELOOP'. */
      fragmentOf(name, track = this.consulted) {
        let id = null;
        for (let n = 0; n < FOLLOW_MAX; n++) {
          let t = this.entry(id ?? name, track);
          if (t === void 0) {
            if (id === null) return "ENOENT";
            if (unitNameKind(id) !== "instance") return "ENXIO";
            t = this.entry(templateOf(id), track);
            if (t === void 0) return "ENXIO";
          }
          if ("file" in t) return t.file;
          id = t.alias;
        }
        return "ELOOP";
      }
      /** The reverse map: every name whose entry leads to a fragment called `key` (instance links as instances). */
      namesOf(key) {
        const out = [];
        if (this.table.has(key) && unitNameKind(key) !== null && !this.table.unitLinks.has(key)) out.push(key);
        for (const [src, target] of this.table.unitLinks) {
          if (this.reading(src).entry === null) {
            if (basename(target) === key) this.consulted.add(src);
            continue;
          }
          const hops = /* @__PURE__ */ new Set();
          const dst = this.fragmentOf(src, hops);
          if (dst === "ENOENT" || dst === "ENXIO" || dst === "ELOOP") continue;
          let name = basename(dst);
          if (unitNameKind(name) === "template" && unitNameKind(src) === "instance")
            name = withInstance(name, unitInstance(src));
          if (name === key) {
            out.push(src);
            for (const h of hops) this.consulted.add(h);
          }
        }
        return out;
      }
      /** unit_file_find_fragment(): the fragment (null: none) and the set of names; null on a loop. */
      findFragment(unitName) {
        const kind = unitNameKind(unitName);
        const instance = unitInstance(unitName);
        const names2 = /* @__PURE__ */ new Set();
        if (!this.addNames(unitName, null, kind, instance, names2, unitName)) return null;
        let fragment = this.fragmentOf(unitName);
        if ((fragment === "ENOENT" || fragment === "ENXIO") && kind === "instance")
          fragment = this.fragmentOf(templateOf(unitName));
        if (fragment === "ELOOP") return null;
        if (fragment === "ENOENT" || fragment === "ENXIO") return { fragment: null, names: names2 };
        const fragmentName = basename(fragment);
        if (fragmentName !== unitName && !this.addNames(unitName, fragmentName, kind, instance, names2, fragmentName))
          return null;
        return { fragment, names: names2 };
      }
      /** add_names(): false when a name leads into a loop (the unit fails to load). */
      addNames(unitName, fragmentName, kind, instance, names2, name) {
        if (kind !== "template") names2.add(name);
        for (const alias of this.namesOf(name)) {
          if (kind === "instance" && unitNameKind(alias) === "template") {
            const inst = withInstance(alias, instance);
            const instFragment = this.fragmentOf(inst);
            if (instFragment === "ELOOP") return false;
            if (instFragment !== "ENOENT" && instFragment !== "ENXIO" && fragmentName !== null && basename(instFragment) !== fragmentName)
              continue;
            names2.add(inst);
          } else names2.add(alias);
        }
        void unitName;
        return true;
      }
      /** What systemd logged about the links this unit's lookup involved. */
      warnings() {
        const out = [];
        for (const name of [...this.consulted].sort(compareBytes)) {
          const w = this.reading(name).warning;
          if (w !== null) out.push({ file: this.table.pathOf(name), message: w });
        }
        return out;
      }
      /** The links the lookup went through. */
      followed() {
        return [...this.consulted].sort(compareBytes).flatMap((name) => this.reading(name).links);
      }
    };
    NO_DROP_INS = Object.freeze({ paths: [], links: [], diagnostics: [] });
    anyDropInDirectory = /* @__PURE__ */ new WeakMap();
  }
});

// src/unit/specifiers.ts
function expandSpecifiers(text2, ctx, use, deprecated) {
  if (!text2.includes("%")) return fits(text2, use) ? { value: text2 } : { error: TOO_LONG };
  let out = "";
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c !== "%") out += c;
    else if (i + 1 >= text2.length)
      out += "%";
    else {
      const spec = text2[++i];
      if (spec === "%") out += "%";
      else {
        const value2 = specifierValue(spec, ctx);
        if (value2 === void 0) {
          if (/[A-Za-z0-9]/.test(spec)) return { error: INVALID_SLOT };
          out += "%" + spec;
        } else if (typeof value2 === "object") return value2;
        else {
          if (DEPRECATED.has(spec)) deprecated?.(spec);
          out += value2;
        }
      }
    }
    if (out.length > MAX_BYTES[use] / 3 && !fits(out, use)) return { error: TOO_LONG };
  }
  return { value: out };
}
function deprecatedSpecifierMessage(c, unit) {
  const message = `Specifier '%${c}' used in unit configuration, which is deprecated. Please update your unit file, as it does not work as intended.`;
  return unit === void 0 ? message : `${unit}: ${message}`;
}
function fits(text2, use) {
  const max = MAX_BYTES[use];
  return text2.length <= max / 3 || new TextEncoder().encode(text2).length <= max;
}
function specifierValue(spec, ctx) {
  const name = ctx.unitName;
  const instance = unitInstance(name);
  const prefix2 = unitPrefix(name);
  switch (spec) {
    case "n":
      return name;
    case "N":
      return name.slice(0, name.length - unitType(name).length - 1);
    case "p":
      return prefix2;
    case "P":
      return unescaped(prefix2);
    case "i":
      return instance ?? "";
    case "I":
      return unescaped(instance ?? "");
    case "j":
      return lastComponent(prefix2);
    case "J":
      return unescaped(lastComponent(prefix2));
    case "f":
      return pathUnescaped(instance ?? prefix2);
    case "y":
      return realPath(ctx.fragmentPath);
    case "Y":
      return realDirectory(ctx.fragmentPath);
    // The offline manager's cgroup root is empty and the unit has no slice yet.
    case "c":
      return `/${name}`;
    case "r":
      return "";
    case "R":
      return "";
    case "C":
      return "/var/cache";
    case "d":
      return `/run/credentials/${name}`;
    case "D":
      return ctx.sharedDataDirSpecifier ? "/usr/share" : void 0;
    case "E":
      return "/etc";
    case "L":
      return "/var/log";
    case "S":
      return "/var/lib";
    case "t":
      return "/run";
    case "h":
      return "/root";
    case "s":
      return "/bin/sh";
    // COMMON_SYSTEM_SPECIFIERS: Debian's os-release has no IMAGE_VERSION, BUILD_ID, IMAGE_ID, VARIANT_ID.
    case "a":
      return "x86-64";
    case "A":
      return "";
    case "b":
      return "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    case "B":
      return "";
    case "H":
      return "localhost";
    case "l":
      return "localhost";
    case "q":
      return "localhost";
    case "m":
      return "5e1f0c2a9b7d4e3f8a6c1b2d3e4f5a6b";
    case "M":
      return "";
    case "o":
      return "debian";
    case "v":
      return "6.1.0-amd64";
    case "w":
      return "12";
    case "W":
      return "";
    // COMMON_CREDS_SPECIFIERS of the system scope: root.
    case "g":
      return "root";
    case "G":
      return "0";
    case "u":
      return "root";
    case "U":
      return "0";
    case "T":
      return "/tmp";
    case "V":
      return "/var/tmp";
    default:
      return void 0;
  }
}
function lastComponent(prefix2) {
  const dash = prefix2.lastIndexOf("-");
  return dash >= 0 ? prefix2.slice(dash + 1) : prefix2;
}
function unescaped(text2) {
  if (!text2.includes("\\")) return unescapeUnitName(text2);
  let out = "";
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c === "-") out += "/";
    else if (c === "\\") {
      const hex = text2.slice(i + 2, i + 4);
      if (text2[i + 1] !== "x" || !/^[0-9a-fA-F]{2}$/.test(hex)) return { error: INVALID_ARGUMENT };
      const byte = parseInt(hex, 16);
      if (byte === 0) return out;
      out += String.fromCharCode(byte);
      i += 3;
    } else out += c;
  }
  return out;
}
function pathUnescaped(text2) {
  if (text2 === "") return { error: INVALID_ARGUMENT };
  if (text2 === "-") return "/";
  const w = unescaped(text2);
  if (typeof w === "object") return w;
  if (w.startsWith("/") || w.endsWith("/")) return { error: INVALID_ARGUMENT };
  const path = "/" + w;
  const parts2 = path.slice(1).split("/");
  if (parts2.some((p) => p === "" || p === "." || p === "..")) return { error: INVALID_ARGUMENT };
  return path;
}
function realPath(fragmentPath) {
  return fragmentPath.startsWith("/") ? fragmentPath : `/${fragmentPath.replace(/^(\.\/)+/, "")}`;
}
function realDirectory(fragmentPath) {
  const path = realPath(fragmentPath);
  return path.slice(0, path.lastIndexOf("/")) || "/";
}
var MAX_BYTES, INVALID_SLOT, TOO_LONG, INVALID_ARGUMENT, DEPRECATED;
var init_specifiers = __esm({
  "src/unit/specifiers.ts"() {
    "use strict";
    init_names();
    MAX_BYTES = { full: 1024 * 1024, path: 4095, credential: 255, hostname: 64 };
    INVALID_SLOT = "Invalid slot";
    TOO_LONG = "File name too long";
    INVALID_ARGUMENT = "Invalid argument";
    DEPRECATED = /* @__PURE__ */ new Set(["c", "r", "R"]);
  }
});

// src/service/socket-address.ts
function parseSocketAddress(text2) {
  const invalid = { error: "Invalid argument" };
  if (text2.startsWith("/")) return utf8Bytes(text2) < 108 ? { family: "unix", path: text2 } : invalid;
  if (text2.startsWith("@"))
    return utf8Bytes(text2) - 1 < 108 && text2.length > 1 ? { family: "unix", path: null } : invalid;
  if (text2.startsWith("vsock:")) return /^vsock:(\d+)?:\d+$/.test(text2) ? { family: "vsock" } : invalid;
  if (text2.startsWith("[")) {
    const m = /^\[([^\]]*)\]:(.*)$/.exec(text2);
    if (!m || m[1].includes("%") || !(0, import_node_net.isIPv6)(m[1])) return invalid;
    const port2 = parseIpPort(m[2]);
    return typeof port2 === "string" ? { error: port2 } : { family: "inet" };
  }
  const colon = text2.lastIndexOf(":");
  if (colon >= 0) {
    if (!(0, import_node_net.isIPv4)(text2.slice(0, colon))) return invalid;
    const port2 = parseIpPort(text2.slice(colon + 1));
    return typeof port2 === "string" ? { error: port2 } : { family: "inet" };
  }
  const port = parseIpPort(text2);
  return typeof port === "string" ? { error: port } : { family: "inet" };
}
function parseIpPort(text2) {
  const m = /^[ \t\n\r]*(\d+)$/.exec(text2);
  if (!m) return "Invalid argument";
  const n = Number(m[1]);
  if (n > 65535) return "Numerical result out of range";
  return n === 0 ? "Invalid argument" : n;
}
function utf8Bytes(s) {
  return new TextEncoder().encode(s).length;
}
var import_node_net;
var init_socket_address = __esm({
  "src/service/socket-address.ts"() {
    "use strict";
    import_node_net = require("node:net");
  }
});

// src/service/time-specs.ts
function isTimespan(text2) {
  return text2.trim() === "infinity" || TIMESPAN.test(text2);
}
function isComponent(text2, min, max, fraction = false) {
  if (text2 === "") return false;
  return text2.split(",").every((item) => {
    const m = new RegExp(
      `^(?:\\*|(\\d+)(?:\\.\\.(\\d+))?)${fraction ? "(?:\\.\\d+)?" : ""}(?:/(\\d+)${fraction ? "(?:\\.\\d+)?" : ""})?$`
    ).exec(item);
    if (!m) return false;
    const inRange = (n) => n === void 0 || Number(n) >= min && Number(n) <= max;
    if (m[3] !== void 0 && Number(m[3]) === 0) return false;
    return inRange(m[1]) && inRange(m[2]) && (m[1] === void 0 || m[2] === void 0 || Number(m[1]) <= Number(m[2]));
  });
}
function isWeekdays(text2) {
  const day = (d) => d.length >= 3 && WEEKDAYS.some((w) => w === d.toLowerCase() || w.slice(0, 3) === d.toLowerCase());
  return text2.split(",").every((item) => {
    const ends = item.split(/\.\.|-/);
    return ends.length <= 2 && ends.every(day);
  });
}
function isDate(text2) {
  const m = /^(?:([^-~]+)-)?([^-~]+)([-~])([^-~]+)$/.exec(text2);
  if (!m) return false;
  return (m[1] === void 0 || isComponent(m[1], 1970, 2199)) && isComponent(m[2], 1, 12) && isComponent(m[4], 1, 31);
}
function isTime(text2) {
  const parts2 = text2.split(":");
  if (parts2.length < 2 || parts2.length > 3) return false;
  return isComponent(parts2[0], 0, 23) && isComponent(parts2[1], 0, 59) && (parts2[2] === void 0 || isComponent(parts2[2], 0, 59, true));
}
function isCalendarSpec(text2) {
  const words2 = text2.trim().split(/[ \t\n\r]+/);
  if (words2.length === 1 && SHORTHANDS.has(words2[0].toLowerCase())) return true;
  if (words2.length > 1 && (words2[words2.length - 1] === "UTC" || /^[A-Z][A-Za-z_+-]*(\/[A-Za-z0-9_+-]+)+$/.test(words2[words2.length - 1])))
    words2.pop();
  if (words2.length === 1 && SHORTHANDS.has(words2[0].toLowerCase())) return true;
  let i = 0;
  if (words2[i] !== void 0 && /^[A-Za-z]/.test(words2[i])) {
    if (!isWeekdays(words2[i])) return false;
    i++;
  }
  if (words2[i] !== void 0 && !words2[i].includes(":")) {
    if (!isDate(words2[i])) return false;
    i++;
  }
  if (words2[i] !== void 0) {
    if (!isTime(words2[i])) return false;
    i++;
  }
  return i > 0 && i === words2.length;
}
var SEC_UNITS, TIMESPAN, SHORTHANDS, WEEKDAYS;
var init_time_specs = __esm({
  "src/service/time-specs.ts"() {
    "use strict";
    SEC_UNITS = "usec|us|µs|μs|msec|ms|seconds|second|sec|s|minutes|minute|min|m|hours|hour|hr|h|days|day|d|weeks|week|w|months|month|M|years|year|y";
    TIMESPAN = new RegExp(
      `^[ \\t\\n\\r]*(?:(?:\\d+(?:\\.\\d+)?|\\.\\d+)[ \\t\\n\\r]*(?:${SEC_UNITS})?[ \\t\\n\\r]*)+$`
    );
    SHORTHANDS = /* @__PURE__ */ new Set([
      "minutely",
      "hourly",
      "daily",
      "monthly",
      "weekly",
      "yearly",
      "annually",
      "quarterly",
      "semiannually"
    ]);
    WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  }
});

// src/service/unit-type-settings.ts
function initialUnitTypeSettings() {
  return {
    where: null,
    what: null,
    pathSpecs: 0,
    timerValues: 0,
    onClockChange: false,
    onTimezoneChange: false,
    listeners: [],
    accept: false,
    maxConnections: 64,
    explicitService: false,
    triggerName: null,
    symlinks: 0
  };
}
function expanded(a, ctx, use, quote = true) {
  const r = expandSpecifiers(
    a.value,
    ctx.specifiers,
    use,
    (c) => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName))
  );
  if (!("error" in r)) return r.value;
  ctx.warn(a, `Failed to resolve unit specifiers in ${quote ? `'${a.value}'` : a.value}, ignoring: ${r.error}`);
  return null;
}
function absolutePath(a, path, ctx) {
  if (!path.startsWith("/")) {
    ctx.warn(a, `${a.key}= path is not absolute, ignoring: ${path}`);
    return null;
  }
  const simple = `/${path.split("/").filter((p) => p !== "" && p !== ".").join("/")}`;
  if (!isValidPath(simple)) {
    ctx.warn(a, `${a.key}= path has invalid length (${utf8Length(simple)} bytes), ignoring.`);
    return null;
  }
  if (!isNormalizedPath(simple)) {
    ctx.warn(a, `${a.key}= path is not normalized, ignoring: ${simple}`);
    return null;
  }
  return simple;
}
function udevNode(value2) {
  const m = /^(LABEL|UUID|PARTUUID|PARTLABEL)=(.*)$/.exec(value2);
  if (!m) return value2;
  const dir = { LABEL: "by-label", UUID: "by-uuid", PARTUUID: "by-partuuid", PARTLABEL: "by-partlabel" }[m[1]];
  const tag = m[1] === "UUID" || m[1] === "PARTUUID" ? m[2].toLowerCase() : m[2];
  return `/dev/disk/${dir}/${tag.replace(/[^A-Za-z0-9#+\-.:=@_]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)}`;
}
var pathSetting, mountWhat, swapWhat, pathSpec, timerValue, boolSetting, LISTEN_KINDS, listen, maxConnections, socketService, triggerUnit, symlinks, sliceOfSlice, SILENT_EINVAL, UNIT_TYPE_SETTINGS;
var init_unit_type_settings = __esm({
  "src/service/unit-type-settings.ts"() {
    "use strict";
    init_names();
    init_specifiers();
    init_socket_address();
    init_time_specs();
    init_words();
    pathSetting = (set) => (t, a, ctx) => {
      if (a.value === "") return void set(t, null);
      const value2 = expanded(a, ctx, "path");
      if (value2 === null) return void 0;
      const path = absolutePath(a, value2, ctx);
      if (path !== null) set(t, path);
      return void 0;
    };
    mountWhat = (t, a, ctx) => {
      if (a.value === "") return void (t.what = null);
      const value2 = expanded(a, ctx, "full");
      if (value2 !== null) t.what = ctx.traits.mountNodeWhat ? udevNode(value2) : value2;
      return void 0;
    };
    swapWhat = (t, a, ctx) => {
      if (!ctx.traits.mountNodeWhat) return pathSetting((st, v) => st.what = v)(t, a, ctx);
      if (a.value === "") return void (t.what = null);
      const value2 = expanded(a, ctx, "full");
      if (value2 === null) return void 0;
      const node = udevNode(value2);
      const simple = `/${node.split("/").filter((p) => p !== "" && p !== ".").join("/")}`;
      if (!node.startsWith("/") || !isNormalizedPath(simple)) return SILENT_EINVAL;
      t.what = simple;
      return void 0;
    };
    pathSpec = (t, a, ctx) => {
      if (a.value === "") return void (t.pathSpecs = 0);
      const r = expandSpecifiers(
        a.value,
        ctx.specifiers,
        "path",
        (c) => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName))
      );
      if ("error" in r) return void ctx.warn(a, `Failed to resolve unit specifiers in ${a.value}, ignoring: ${r.error}`);
      if (absolutePath(a, r.value, ctx) !== null) t.pathSpecs++;
      return void 0;
    };
    timerValue = (t, a, ctx) => {
      if (a.value === "") return void (t.timerValues = 0);
      const value2 = expanded(a, ctx, "full");
      if (value2 === null) return void 0;
      if (a.key === "OnCalendar") {
        if (!isCalendarSpec(value2)) return void ctx.warn(a, `Failed to parse calendar specification, ignoring: ${value2}`);
      } else if (!isTimespan(value2)) return void ctx.warn(a, `Failed to parse timer value, ignoring: ${value2}`);
      t.timerValues++;
      return void 0;
    };
    boolSetting = (set) => (t, a, ctx) => {
      const v = parseBoolean(a.value);
      if (v !== null) set(t, v);
      else if (ctx.traits.namedParseWarnings)
        ctx.warn(a, `Failed to parse ${a.key}=${a.value}, ignoring: Invalid argument`);
      else ctx.warn(a, `Failed to parse boolean value, ignoring: ${a.value}`);
      return void 0;
    };
    LISTEN_KINDS = {
      ListenStream: "stream",
      ListenDatagram: "datagram",
      ListenSequentialPacket: "seqpacket",
      ListenFIFO: "fifo",
      ListenSpecial: "special",
      ListenNetlink: "netlink",
      ListenMessageQueue: "mqueue",
      ListenUSBFunction: "usb"
    };
    listen = (t, a, ctx) => {
      if (a.value === "") return void (t.listeners = []);
      const kind = LISTEN_KINDS[a.key];
      const socket = kind === "stream" || kind === "datagram" || kind === "seqpacket";
      const value2 = expanded(a, ctx, socket || kind === "netlink" ? "full" : "path");
      if (value2 === null) return void 0;
      if (kind === "netlink") {
        if (!/^[a-z_]+([ \t\n\r]+\d+)?[ \t\n\r]*$/.test(value2.trim()))
          return void ctx.warn(a, `Failed to parse address value in '${value2}', ignoring: Invalid argument`);
        t.listeners.push({ kind, node: null });
        return void 0;
      }
      if (!socket) {
        const path = absolutePath(a, value2, ctx);
        if (path !== null) t.listeners.push({ kind, node: kind === "fifo" ? path : null });
        return void 0;
      }
      const address = parseSocketAddress(value2);
      if ("error" in address)
        return void ctx.warn(a, `Failed to parse address value in '${value2}', ignoring: ${address.error}`);
      if (kind === "seqpacket" && address.family !== "unix")
        return void ctx.warn(a, `Address family not supported, ignoring: ${a.value}`);
      t.listeners.push({ kind, node: address.family === "unix" ? address.path : null });
      return void 0;
    };
    maxConnections = (t, a, ctx) => {
      const m = /^[ \t\n\r]*\+?(\d+)$/.exec(a.value);
      if (m && Number(m[1]) <= 4294967295) t.maxConnections = Number(m[1]);
      else if (ctx.traits.namedParseWarnings)
        ctx.warn(
          a,
          `Failed to parse ${a.key}=${a.value}, ignoring: ${m ? "Numerical result out of range" : "Invalid argument"}`
        );
      else ctx.warn(a, `Failed to parse unsigned value, ignoring: ${a.value}`);
      return void 0;
    };
    socketService = (t, a, ctx) => {
      const value2 = expanded(a, ctx, "full", false);
      if (value2 === null) return void 0;
      if (!value2.endsWith(".service")) return void ctx.warn(a, `Unit must be of type service, ignoring: ${a.value}`);
      t.explicitService = true;
      t.triggerName = value2;
      return void 0;
    };
    triggerUnit = (t, a, ctx) => {
      const value2 = expanded(a, ctx, "full", false);
      if (value2 !== null && value2 !== "") t.triggerName = value2;
      return void 0;
    };
    symlinks = (t, a, ctx) => {
      if (a.value === "") return void (t.symlinks = 0);
      for (const word of a.value.split(/[ \t\n\r]+/).filter((w) => w !== "")) {
        const r = expandSpecifiers(
          word,
          ctx.specifiers,
          "path",
          (c) => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName))
        );
        if ("error" in r) ctx.warn(a, `Failed to resolve unit specifiers in '${word}', ignoring: ${r.error}`);
        else if (absolutePath(a, r.value, ctx) !== null) t.symlinks++;
      }
      return void 0;
    };
    sliceOfSlice = (_t, a, ctx) => {
      const value2 = expanded(a, ctx, "full", false);
      if (value2 === null || value2 === "" || !value2.endsWith(".slice") || unitNameKind(value2) === null) return void 0;
      ctx.warn(a, `Failed to assign slice ${value2} to unit ${ctx.specifiers.unitName}, ignoring: Invalid argument`);
      return void 0;
    };
    SILENT_EINVAL = "Invalid argument";
    UNIT_TYPE_SETTINGS = new Map([
      ["Mount.Where", pathSetting((t, v) => t.where = v)],
      ["Automount.Where", pathSetting((t, v) => t.where = v)],
      ["Mount.What", mountWhat],
      ["Swap.What", swapWhat],
      ...["PathExists", "PathExistsGlob", "PathChanged", "PathModified", "DirectoryNotEmpty"].map((k) => [
        `Path.${k}`,
        pathSpec
      ]),
      ...["OnActiveSec", "OnBootSec", "OnStartupSec", "OnUnitActiveSec", "OnUnitInactiveSec", "OnCalendar"].map(
        (k) => [`Timer.${k}`, timerValue]
      ),
      ["Timer.OnClockChange", boolSetting((t, v) => t.onClockChange = v)],
      ["Timer.OnTimezoneChange", boolSetting((t, v) => t.onTimezoneChange = v)],
      ...Object.keys(LISTEN_KINDS).map((k) => [`Socket.${k}`, listen]),
      ["Socket.Accept", boolSetting((t, v) => t.accept = v)],
      ["Socket.MaxConnections", maxConnections],
      ["Socket.Service", socketService],
      ["Timer.Unit", triggerUnit],
      ["Slice.Slice", sliceOfSlice],
      ["Path.Unit", triggerUnit],
      ["Socket.Symlinks", symlinks]
    ]);
  }
});

// src/service/directives/capabilities.ts
var capabilities, capabilityBoundingSet, ambientCapabilities, secureBits;
var init_capabilities2 = __esm({
  "src/service/directives/capabilities.ts"() {
    "use strict";
    init_linux_names();
    init_words();
    capabilities = (bounding) => (s, a, ctx) => {
      const t = ctx.traits;
      let text2 = a.value;
      const invert = text2.startsWith("~");
      if (invert) text2 = text2.slice(1);
      let sum = 0n;
      const rules = { max: t.maxCapabilityNumber, binaryPrefix: t.strtolBinaryPrefix };
      for (const w of extractWords(text2, { unquote: true, relax: t.capabilityWordsRelaxed }).words) {
        const cap = capabilityFromName(w, rules);
        if (cap !== null) sum |= 1n << BigInt(cap);
      }
      const current = bounding ? s.capabilityBoundingSet : s.ambientCapabilities;
      const untouched = bounding ? t.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64 : 0n;
      let next;
      if (t.capabilityRuleB && a.value === "") next = 0n;
      else if (sum === 0n || current === untouched) {
        const all = t.capabilityRuleB ? KNOWN_CAPS : ALL_CAPS_64;
        next = invert ? all & ~sum : sum;
      } else next = invert ? current & ~sum : current | sum;
      if (bounding) s.capabilityBoundingSet = next;
      else s.ambientCapabilities = next;
      return void 0;
    };
    capabilityBoundingSet = capabilities(true);
    ambientCapabilities = capabilities(false);
    secureBits = (s, a) => {
      let bits = 0;
      for (const w of extractWords(a.value, { unquote: true }).words) {
        const bit = secureBit(w);
        if (bit !== void 0) bits |= 1 << bit;
      }
      s.secureBits = bits;
      return void 0;
    };
  }
});

// src/service/credentials.ts
function loadCredential(table, value2, encrypted, ctx) {
  if (value2 === "") {
    table.clear();
    return;
  }
  const split = splitAtColon(value2);
  if (split === null) {
    ctx.warn(`Invalid syntax, ignoring: ${value2}`);
    return;
  }
  const id = credentialName(split.word, ctx);
  if (id === null) return;
  if (split.rest !== null && split.rest !== "") {
    const path = ctx.expand(split.rest, "path");
    if ("error" in path) {
      ctx.warn(`Failed to resolve unit specifiers in "${split.rest}", ignoring: ${path.error}`);
      return;
    }
    if (path.value.startsWith("/") ? !isNormalizedPath(path.value) : !isCredentialName(path.value)) {
      ctx.warn(`Credential source "${path.value}" not valid, ignoring.`);
      return;
    }
  }
  table.set(id, encrypted);
}
function setCredential(table, value2, encrypted, ctx) {
  if (value2 === "") {
    table.clear();
    return;
  }
  const split = splitAtColon(value2);
  if (split === null) {
    ctx.warn(`Failed to extract credential name, ignoring: ${value2}`);
    return;
  }
  if (split.rest === null || split.rest === "") {
    ctx.warn(`Invalid syntax, ignoring: ${value2}`);
    return;
  }
  const id = credentialName(split.word, ctx);
  if (id === null) return;
  if (encrypted) {
    const error = base64Error(split.rest);
    if (error !== null) {
      const message = "Encrypted credential data not valid Base64 data, ignoring";
      ctx.warn(ctx.base64ErrorNamed ? `${message}: ${error}` : `${message}.`);
      return;
    }
  } else if (cunescape(split.rest) === null) {
    ctx.warn(`Can't unescape "${split.rest}", ignoring: Invalid argument`);
    return;
  }
  table.set(id, encrypted);
}
function credentialName(word, ctx) {
  const id = ctx.expand(word, "credential");
  if ("error" in id) {
    ctx.warn(`Failed to resolve unit specifiers in "${word}", ignoring: ${id.error}`);
    return null;
  }
  if (!isCredentialName(id.value)) {
    ctx.warn(`Credential name "${id.value}" not valid, ignoring.`);
    return null;
  }
  return id.value;
}
function isCredentialName(s) {
  return isValidFilename(s) && /^[\x20-\x39\x3b-\x7e]*$/.test(s) && s.length <= 255;
}
function splitAtColon(value2) {
  let word = "";
  for (let i = 0; i < value2.length; i++) {
    const c = value2[i];
    if (c === "\\") {
      if (i + 1 >= value2.length) return null;
      word += value2[++i];
    } else if (c === ":") return { word, rest: value2.slice(i + 1) };
    else word += c;
  }
  return { word, rest: null };
}
function base64Error(text2) {
  const chars = [];
  for (const c of text2) if (!WHITESPACE3.includes(c)) chars.push(c);
  const INVALID = "Invalid argument";
  for (let i = 0; i < chars.length; i += 4) {
    const block = chars.slice(i, i + 4);
    const [a, b, c, d] = block;
    if (a === "=" || a !== void 0 && !BASE64.test(a)) return INVALID;
    if (b === void 0) return "Broken pipe";
    if (b === "=" || !BASE64.test(b)) return INVALID;
    if (c === void 0) return "Broken pipe";
    if (c !== "=" && !BASE64.test(c)) return INVALID;
    if (d === void 0) return "Broken pipe";
    if (d !== "=" && !BASE64.test(d)) return INVALID;
    const last = i + 4 >= chars.length;
    if (c === "=") {
      if (d !== "=" || (value(b) & 15) !== 0) return INVALID;
      if (!last) return "File name too long";
    } else if (d === "=") {
      if ((value(c) & 3) !== 0) return INVALID;
      if (!last) return "File name too long";
    }
  }
  return null;
}
function value(c) {
  return "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".indexOf(c);
}
var BASE64, WHITESPACE3;
var init_credentials = __esm({
  "src/service/credentials.ts"() {
    "use strict";
    init_words();
    BASE64 = /^[A-Za-z0-9+/]$/;
    WHITESPACE3 = " 	\n\r";
  }
});

// src/service/directives/handler.ts
function unparsed(ctx, a, legacy, error = "Invalid argument") {
  ctx.warn(a, ctx.traits.namedParseWarnings ? `Failed to parse ${a.key}=${a.value}, ignoring: ${error}` : legacy);
}
function lineContext(ctx, a) {
  return {
    expand: (text2, use) => expand(ctx, a, text2, use),
    warn: (message) => ctx.warn(a, message)
  };
}
function expand(ctx, a, text2, use) {
  return expandSpecifiers(
    text2,
    ctx.specifiers,
    use,
    (c) => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName))
  );
}
var init_handler = __esm({
  "src/service/directives/handler.ts"() {
    "use strict";
    init_specifiers();
  }
});

// src/service/directives/credentials.ts
var loadCredential2, setCredential2;
var init_credentials2 = __esm({
  "src/service/directives/credentials.ts"() {
    "use strict";
    init_credentials();
    init_handler();
    loadCredential2 = (encrypted) => (s, a, ctx) => void loadCredential(s.loadCredentials, a.value, encrypted, {
      ...lineContext(ctx, a),
      base64ErrorNamed: ctx.traits.base64ErrorNamed
    });
    setCredential2 = (encrypted) => (s, a, ctx) => void setCredential(s.setCredentials, a.value, encrypted, {
      ...lineContext(ctx, a),
      base64ErrorNamed: ctx.traits.base64ErrorNamed
    });
  }
});

// src/service/directives/plain.ts
var bool, enumOf, boolOrKeywords;
var init_plain = __esm({
  "src/service/directives/plain.ts"() {
    "use strict";
    init_words();
    init_handler();
    bool = (set) => (s, a, ctx) => {
      const v = parseBoolean(a.value);
      if (v === null) unparsed(ctx, a, `Failed to parse boolean value, ignoring: ${a.value}`);
      else set(s, v);
      return void 0;
    };
    enumOf = (values, set, what = "value") => (s, a, ctx) => {
      if (values.includes(a.value)) set(s, a.value);
      else unparsed(ctx, a, `Failed to parse ${what}, ignoring: ${a.value}`);
      return void 0;
    };
    boolOrKeywords = (keywords, yes, set, what = "boolean value") => (s, a, ctx) => {
      const b = parseBoolean(a.value);
      if (b !== null) set(s, b ? yes : "no");
      else if (keywords(ctx.traits).includes(a.value)) set(s, a.value);
      else unparsed(ctx, a, `Failed to parse ${what}, ignoring: ${a.value}`);
      return void 0;
    };
  }
});

// src/service/directives/devices.ts
function canonicalRights(rights) {
  if (rights === "") return "rwm";
  return ["r", "w", "m"].filter((c) => rights.includes(c)).join("");
}
var devicePolicy, deviceAllow;
var init_devices = __esm({
  "src/service/directives/devices.ts"() {
    "use strict";
    init_words();
    init_handler();
    init_plain();
    devicePolicy = enumOf(["auto", "closed", "strict"], (s, v) => s.devicePolicy = v, "device policy");
    deviceAllow = (s, a, ctx) => {
      if (a.value === "") {
        s.deviceAllow = [];
        return void 0;
      }
      const m = /^([^ \t\n\r]+)[ \t\n\r]*(.*)$/s.exec(a.value);
      const first = m ? extractWords(m[1], { unquote: true }).words[0] : void 0;
      if (!m || first === void 0) {
        ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
        return void 0;
      }
      const expanded2 = expand(ctx, a, first, "path");
      if ("error" in expanded2) {
        ctx.warn(a, `Failed to resolve unit specifiers in '${first}', ignoring: ${expanded2.error}`);
        return void 0;
      }
      const resolved = expanded2.value;
      let device = resolved;
      if (!device.startsWith("block-") && !device.startsWith("char-")) {
        const simplified = device.startsWith("/") ? simplifyAbsolutePath(device) : null;
        if (simplified === null || // path_startswith() compares whole components: "/dev" itself is under "/dev/".
        !["/dev", "/run/systemd/inaccessible"].some((root) => simplified === root || simplified.startsWith(root + "/"))) {
          ctx.warn(a, `Invalid device node path '${resolved}', ignoring.`);
          return void 0;
        }
        device = simplified;
      }
      const rights = m[2];
      if (rights !== "" && !/^[rwm]*$/.test(rights)) {
        ctx.warn(a, `Invalid device rights '${rights}', ignoring.`);
        return void 0;
      }
      s.deviceAllow.unshift(`${device}:${canonicalRights(rights)}`);
      return void 0;
    };
  }
});

// src/service/directives/exec-command.ts
function parseExecLine(directive, a, ctx) {
  const commands = [];
  const t = ctx.traits;
  const text2 = a.value;
  const deprecated = (c) => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName));
  let rvalue = text2;
  let p = 0;
  let semicolon;
  do {
    semicolon = false;
    const commandStart = skipBlanks(text2, p);
    let commandEnd = text2.length;
    const first = firstWord(text2, p, a, rvalue, ctx);
    if (first === null) return { commands };
    if (typeof first === "string") {
      ctx.warn(a, first);
      return { commands };
    }
    p = first.next;
    if (first.word === ";") {
      semicolon = true;
      continue;
    }
    const prefixes = readPrefixes(first.word, directive, a, ctx);
    const { ignore } = prefixes;
    const fail = (what, detail) => {
      if (!ignore) return { commands, fatal: `${what}: ${detail}` };
      ctx.warn(a, `${what}, ignoring: ${detail}`);
      return { commands };
    };
    let path = "/bin/sh";
    if (!prefixes.viaShell) {
      const expanded2 = expandSpecifiers(prefixes.rest, ctx.specifiers, "path", deprecated);
      if ("error" in expanded2) return fail(`Failed to resolve unit specifiers in '${prefixes.rest}'`, expanded2.error);
      path = expanded2.value;
      if (path === "") return fail("Empty path in command line", t.execMessagesReworded ? rvalue : `'${rvalue}'`);
      if (!isStringSafe(path))
        return fail(
          `${t.execMessagesReworded ? "Executable path" : "Executable name"} contains special characters`,
          path
        );
      if (impliesDirectory(path, t)) return fail("Executable path specifies a directory", path);
      if (!(path.startsWith("/") ? isValidPath(path) : isValidFilename(path)))
        return fail("Neither a valid executable name nor an absolute path", path);
    }
    let argc = prefixes.separateArgv0 && !prefixes.viaShell ? 0 : 1;
    const rest = text2.slice(p);
    if (!SPECIAL_IN_WORD.test(rest)) {
      const m = LONE_SEMICOLON.exec(rest);
      if ((m ? rest.slice(0, m.index) : rest).trim() !== "") argc++;
      if (m) {
        semicolon = true;
        commandEnd = p + m.index;
        p = skipBlanks(text2, p + m.index + m[0].length);
      } else p = text2.length;
    } else {
      while (p < text2.length) {
        if (text2[p] === ";" && (p + 1 === text2.length || isBlank(text2.charCodeAt(p + 1)))) {
          semicolon = true;
          commandEnd = p;
          p = skipBlanks(text2, p + 1);
          break;
        }
        if (text2[p] === "\\" && text2[p + 1] === ";" && (p + 2 === text2.length || isBlank(text2.charCodeAt(p + 2)))) {
          p = skipBlanks(text2, p + 2);
          argc++;
          continue;
        }
        const word = firstWord(text2, p, a, rvalue, ctx);
        if (word === null) break;
        if (typeof word === "string") {
          if (!ignore) return { commands, fatal: word };
          ctx.warn(a, word);
          return { commands };
        }
        p = word.next;
        const expanded2 = expandSpecifiers(word.word, ctx.specifiers, "full", deprecated);
        if ("error" in expanded2) {
          return fail(
            `Failed to resolve unit specifiers in ${t.execMessagesReworded ? `'${word.word}'` : word.word}`,
            expanded2.error
          );
        }
        argc++;
      }
    }
    if (argc === 0) return fail("Empty executable name or zeroeth argument", rvalue);
    commands.push({
      directive,
      path,
      text: text2.slice(commandStart, commandEnd).replace(/[ \t\n\r]+$/, ""),
      fullyPrivileged: prefixes.fullyPrivileged,
      noSetuid: prefixes.noSetuid,
      ambientMagic: prefixes.ambientMagic,
      viaShell: prefixes.viaShell,
      source: a
    });
    rvalue = text2.slice(p);
  } while (semicolon);
  return { commands };
}
function skipBlanks(text2, at) {
  while (at < text2.length && isBlank(text2.charCodeAt(at))) at++;
  return at;
}
function firstWord(text2, at, a, rvalue, ctx) {
  const opts = ctx.traits.unescapeRejectsSurrogates ? WORD_262 : WORD;
  const word = extractFirstWord(text2, at, opts);
  if (word !== "invalid") return word;
  const relaxed = extractFirstWord(text2, at, { ...opts, unescapeRelax: true });
  if (relaxed === "invalid" || relaxed === null) return `Unbalanced quoting, ignoring: "${rvalue}"`;
  ctx.warn(a, `Ignoring unknown escape sequences: "${relaxed.word}"`);
  return relaxed;
}
function readPrefixes(word, directive, a, ctx) {
  const t = ctx.traits;
  let ignore = false;
  let separateArgv0 = false;
  let noEnv = false;
  let full = false;
  let noSetuid = false;
  let ambient = false;
  let viaShell = false;
  let i = 0;
  for (; i < word.length; i++) {
    const c = word[i];
    if (c === "-" && !ignore) ignore = true;
    else if (c === "@" && !separateArgv0) separateArgv0 = true;
    else if (c === ":" && !noEnv) noEnv = true;
    else if (c === "+" && !full && !noSetuid && !ambient) full = true;
    else if (c === "!" && !full && !noSetuid && !ambient) noSetuid = true;
    else if (c === "!" && !full && !ambient) {
      noSetuid = false;
      ambient = true;
      if (t.execAmbientPrefixIgnored) {
        ctx.warn(
          a,
          `The !! modifier for ${directive}= lines is no longer supported and is now ignored. Please update your unit files and remove the modifier.`
        );
      }
    } else if (c === "|" && t.execViaShellPrefix && !viaShell) viaShell = true;
    else break;
  }
  return {
    ignore,
    separateArgv0,
    fullyPrivileged: full,
    noSetuid,
    // 262 keeps no trace of `!!`: the command runs with the unit's credentials.
    ambientMagic: ambient && !t.execAmbientPrefixIgnored,
    viaShell,
    rest: word.slice(i)
  };
}
function impliesDirectory(path, t) {
  if (path.endsWith("/")) return true;
  if (!t.execPathImpliesDirectory) return false;
  return path === "." || path === ".." || path.endsWith("/.") || path.endsWith("/..");
}
var WORD, WORD_262, SPECIAL_IN_WORD, LONE_SEMICOLON, isBlank;
var init_exec_command = __esm({
  "src/service/directives/exec-command.ts"() {
    "use strict";
    init_specifiers();
    init_string_safe();
    init_words();
    WORD = { unquote: true, cunescape: true };
    WORD_262 = { ...WORD, surrogatesInvalid: true };
    SPECIAL_IN_WORD = /["'\\%]/;
    LONE_SEMICOLON = /(?:^|[ \t\n\r]);(?=[ \t\n\r]|$)/;
    isBlank = (c) => c === 32 || c === 9 || c === 10 || c === 13;
  }
});

// src/service/directives/exec.ts
var exec;
var init_exec = __esm({
  "src/service/directives/exec.ts"() {
    "use strict";
    init_exec_command();
    exec = (directive) => (s, a, ctx) => {
      const list3 = s.exec[directive];
      if (a.value === "") {
        list3.length = 0;
        return void 0;
      }
      const line = parseExecLine(directive, a, ctx);
      for (const c of line.commands) list3.push(c);
      return "fatal" in line ? line.fatal : void 0;
    };
  }
});

// src/service/mount-images.ts
function mountImages(value2, ctx) {
  let added = 0;
  let p = 0;
  for (; ; ) {
    const tuple = extractTuple(value2, p);
    if (tuple === "invalid") {
      ctx.warn(`Invalid syntax MountImages=${value2}, ignoring: Invalid argument`);
      return added;
    }
    if (tuple === null) return added;
    p = tuple.next;
    const fields = splitColons(tuple.word);
    if (fields === null) {
      ctx.warn(`Invalid syntax in MountImages=, ignoring: ${tuple.word}`);
      return added;
    }
    if (fields.length === 0) continue;
    let source = fields[0];
    if (source.startsWith("-")) source = source.slice(1);
    const s = ctx.expand(source, "path");
    if ("error" in s) {
      ctx.warn(`Failed to resolve unit specifiers in "${source}", ignoring: ${s.error}`);
      continue;
    }
    if (!absolutePathOk(s.value, ctx)) continue;
    const dest = fields[1] ?? "";
    if (dest === "") {
      ctx.warn(`Missing destination in MountImages, ignoring: ${value2}`);
      continue;
    }
    const d = ctx.expand(dest, "path");
    if ("error" in d) {
      ctx.warn(`Failed to resolve specifiers in "${dest}", ignoring: ${d.error}`);
      continue;
    }
    if (!absolutePathOk(d.value, ctx)) continue;
    for (let i = 2; i < fields.length; i += 2) {
      const single2 = i + 1 >= fields.length;
      const options = single2 ? fields[i] : fields[i + 1];
      const o = ctx.expand(options, "full");
      if ("error" in o)
        ctx.warn(`Failed to resolve unit specifiers in ${single2 ? fields[0] : options}, ignoring: ${o.error}`);
    }
    added++;
  }
}
function absolutePathOk(path, ctx) {
  if (!path.startsWith("/")) {
    ctx.warn(`MountImages= path is not absolute, ignoring: ${path}`);
    return false;
  }
  const simplified = "/" + path.split("/").filter((c) => c !== "" && c !== ".").join("/");
  if (!isNormalizedPath(simplified)) {
    ctx.warn(`MountImages= path is not normalized, ignoring: ${simplified}`);
    return false;
  }
  return true;
}
function extractTuple(value2, at) {
  return extractFirstWord(value2, at, { unquote: true, retainEscape: true });
}
function splitColons(tuple) {
  const fields = [];
  let field = "";
  for (let i = 0; i < tuple.length; i++) {
    const c = tuple[i];
    if (c === ":") {
      fields.push(field);
      field = "";
    } else if (c !== "\\") field += c;
    else {
      if (i + 1 >= tuple.length) return null;
      const decoded = cunescapeOne(tuple, i + 1);
      if (decoded !== null) {
        field += decoded.text;
        i += decoded.length;
      } else if (tuple[i + 1] === ":") field += tuple[++i];
      else return null;
    }
  }
  fields.push(field);
  return fields;
}
var init_mount_images = __esm({
  "src/service/mount-images.ts"() {
    "use strict";
    init_words();
  }
});

// src/service/directives/file-system.ts
var PROTECT_SYSTEM, PROTECT_HOME, protectSystem, protectHome, protectProc, procSubset, rootPath, mountImages2, workingDirectory, umask;
var init_file_system = __esm({
  "src/service/directives/file-system.ts"() {
    "use strict";
    init_mount_images();
    init_words();
    init_handler();
    init_plain();
    PROTECT_SYSTEM = ["full", "strict"];
    PROTECT_HOME = ["read-only", "tmpfs"];
    protectSystem = boolOrKeywords(
      () => PROTECT_SYSTEM,
      "yes",
      (s, v) => s.protectSystem = v,
      "protect system value"
    );
    protectHome = boolOrKeywords(
      () => PROTECT_HOME,
      "yes",
      (s, v) => s.protectHome = v,
      "protect home value"
    );
    protectProc = enumOf(
      ["default", "noaccess", "invisible", "ptraceable"],
      (s, v) => s.protectProc = v,
      "/proc/ protection mode"
    );
    procSubset = enumOf(["all", "pid"], (s, v) => s.procSubset = v, "/proc/ subset mode");
    rootPath = (set) => (s, a, ctx) => {
      if (a.value === "") {
        set(s, null);
        return void 0;
      }
      const expanded2 = expand(ctx, a, a.value, "path");
      if ("error" in expanded2) return `Failed to resolve unit specifiers in '${a.value}': ${expanded2.error}`;
      const path = simplifyAbsolutePath(expanded2.value);
      if (path === null)
        return `${a.key}= path is not ${expanded2.value.startsWith("/") ? "normalized" : "absolute"}: ${expanded2.value}`;
      set(s, path);
      return void 0;
    };
    mountImages2 = (s, a, ctx) => {
      s.mountImages = a.value === "" ? 0 : s.mountImages + mountImages(a.value, lineContext(ctx, a));
      return void 0;
    };
    workingDirectory = (s, a, ctx) => {
      let v = a.value;
      if (v === "") {
        s.workingDirectory = null;
        return void 0;
      }
      const missingOk = v.startsWith("-");
      if (missingOk) v = v.slice(1);
      if (v === "~") {
        s.workingDirectory = "~";
        return void 0;
      }
      const expanded2 = expand(ctx, a, v, "path");
      if ("error" in expanded2) {
        const message = `Failed to resolve unit specifiers in working directory path '${v}'`;
        if (!missingOk) return `${message}: ${expanded2.error}`;
        ctx.warn(a, `${message}, ignoring: ${expanded2.error}`);
        return void 0;
      }
      const path = simplifyAbsolutePath(expanded2.value);
      if (path === null) {
        if (missingOk) {
          ctx.warn(a, `WorkingDirectory= path is not valid, ignoring: ${v}`);
          return void 0;
        }
        return `WorkingDirectory= path is not absolute: ${v}`;
      }
      s.workingDirectory = path;
      return void 0;
    };
    umask = (s, a, ctx) => {
      const m = parseMode(a.value);
      if (m === null)
        unparsed(
          ctx,
          a,
          `Failed to parse mode value, ignoring: ${a.value}`,
          /^[ \t\n\r]*[0-7]+$/.test(a.value) ? "Numerical result out of range" : "Invalid argument"
        );
      else s.umask = m;
      return void 0;
    };
  }
});

// src/service/users.ts
function isNumericUid(s) {
  if (!/^(0|[1-9][0-9]*)$/.test(s)) return false;
  const n = Number(s);
  return n <= 4294967295 && n !== 65535 && n !== 4294967295;
}
function isValidRelaxedUserName(s) {
  if (s === "") return false;
  if (isNumericUid(s)) return true;
  if (s.startsWith(" ") || s.endsWith(" ")) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return false;
  }
  if (/[:/]/.test(s)) return false;
  if (/^[0-9]+$/.test(s) || /^-[0-9]*$/.test(s)) return false;
  return s !== "." && s !== "..";
}
function isValidStrictUserName(s) {
  return /^[A-Za-z_][A-Za-z0-9_-]{0,30}$/.test(s);
}
var init_users = __esm({
  "src/service/users.ts"() {
    "use strict";
  }
});

// src/service/directives/identity.ts
function userName(a, ctx) {
  if (a.value === "") return null;
  const expanded2 = expand(ctx, a, a.value, "full");
  if ("error" in expanded2) return { fatal: `Failed to resolve unit specifiers in ${a.value}: ${expanded2.error}` };
  if (!isValidRelaxedUserName(expanded2.value))
    return { fatal: `Invalid user/group name or numeric ID: ${expanded2.value}` };
  warnLaxName(a, ctx, expanded2.value);
  if (a.key === "User" && expanded2.value === "nobody") ctx.warn(a, "Special user nobody configured, this is not safe!");
  return expanded2.value;
}
function warnLaxName(a, ctx, name) {
  if (!isValidStrictUserName(name) && !/^(0|[1-9][0-9]*)$/.test(name))
    ctx.note(a, `Accepting user/group name '${name}', which does not match strict user/group name rules.`);
}
var user, dynamicUser, supplementaryGroups;
var init_identity = __esm({
  "src/service/directives/identity.ts"() {
    "use strict";
    init_users();
    init_words();
    init_handler();
    user = (set) => (s, a, ctx) => {
      const r = userName(a, ctx);
      if (r !== null && typeof r === "object") return r.fatal;
      set(s, r);
      return void 0;
    };
    dynamicUser = (s, a, ctx) => {
      const v = parseBoolean(a.value);
      if (v === null)
        return ctx.traits.namedParseWarnings ? `Failed to parse DynamicUser=${a.value}: Invalid argument` : `Failed to parse boolean value: ${a.value}`;
      s.dynamicUser = v;
      return void 0;
    };
    supplementaryGroups = (s, a, ctx) => {
      if (a.value === "") {
        s.supplementaryGroups = [];
        return void 0;
      }
      const { words: words2, invalid } = extractWords(a.value);
      for (const w of words2) {
        const expanded2 = expand(ctx, a, w, "full");
        if ("error" in expanded2) return `Failed to resolve unit specifiers in ${w}: ${expanded2.error}`;
        if (!isValidRelaxedUserName(expanded2.value)) return `Invalid user/group name or numeric ID: ${expanded2.value}`;
        warnLaxName(a, ctx, expanded2.value);
        s.supplementaryGroups.push(expanded2.value);
      }
      if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
      return void 0;
    };
  }
});

// src/service/directives/namespaces.ts
function isValidHostname(name) {
  return name.length <= 64 && /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(name);
}
var restrictNamespaces, privateMounts, privateTmp, privateUsers, protectControlGroups, protectHostname, keyringMode;
var init_namespaces = __esm({
  "src/service/directives/namespaces.ts"() {
    "use strict";
    init_linux_names();
    init_words();
    init_handler();
    init_plain();
    restrictNamespaces = (s, a, ctx) => {
      if (a.value === "") {
        s.restrictNamespaces = null;
        return void 0;
      }
      const b = parseBoolean(a.value);
      if (b !== null) {
        s.restrictNamespaces = b ? 0 : NAMESPACE_FLAGS_ANY;
        return void 0;
      }
      let text2 = a.value;
      const invert = text2.startsWith("~");
      if (invert) text2 = text2.slice(1);
      let flags = 0;
      for (const w of extractWords(text2).words) {
        const f = namespaceFlag(w);
        if (f === void 0) {
          ctx.warn(a, `Failed to parse namespace type string, ignoring: ${text2}`);
          return void 0;
        }
        flags |= f;
      }
      if (s.restrictNamespaces === null) s.restrictNamespaces = invert ? ~flags & NAMESPACE_FLAGS_ANY : flags;
      else s.restrictNamespaces = invert ? s.restrictNamespaces & ~flags : s.restrictNamespaces | flags;
      return void 0;
    };
    privateMounts = (s, a, ctx) => {
      if (a.value === "" && ctx.traits.privateMountsTristate) {
        s.privateMounts = null;
        return void 0;
      }
      if (ctx.traits.privateMountsTristate && !ctx.traits.namedParseWarnings) {
        const b = parseBoolean(a.value);
        if (b === null) ctx.warn(a, `Failed to parse boolean value for ${a.key}=, ignoring: ${a.value}`);
        else s.privateMounts = b;
        return void 0;
      }
      return bool((st, v) => st.privateMounts = v)(s, a, ctx);
    };
    privateTmp = boolOrKeywords(
      (t) => t.privateTmpKeywords,
      "yes",
      (s, v) => s.privateTmp = v
    );
    privateUsers = boolOrKeywords(
      (t) => t.privateUsersKeywords,
      "yes",
      (s, v) => s.privateUsers = v
    );
    protectControlGroups = boolOrKeywords(
      (t) => t.protectControlGroupsKeywords,
      "yes",
      (s, v) => s.protectControlGroups = v
    );
    protectHostname = (s, a, ctx) => {
      if (!ctx.traits.protectHostnameEnum)
        return boolOrKeywords(
          () => [],
          "yes",
          (st, v) => st.protectHostname = v
        )(s, a, ctx);
      if (a.value === "") {
        s.protectHostname = "no";
        return void 0;
      }
      const colon = a.value.indexOf(":");
      const word = colon < 0 ? a.value : a.value.slice(0, colon);
      const b = word === "private" ? null : parseBoolean(word);
      const mode = word === "private" ? "private" : b === true ? "yes" : b === false && colon < 0 ? "no" : null;
      if (mode === null) ctx.warn(a, `Failed to parse ${a.key}=${a.value}, ignoring.`);
      else if (colon < 0) s.protectHostname = mode;
      else {
        const raw = a.value.slice(colon + 1);
        const name = expand(ctx, a, raw, "hostname");
        if ("error" in name) ctx.warn(a, `Failed to resolve unit specifiers in '${raw}', ignoring: ${name.error}`);
        else if (!isValidHostname(name.value))
          ctx.warn(a, `Invalid hostname is specified to ${a.key}=, ignoring: ${name.value}`);
        else s.protectHostname = mode;
      }
      return void 0;
    };
    keyringMode = enumOf(["inherit", "private", "shared"], (s, v) => s.keyringMode = v, "keyring mode");
  }
});

// src/service/ip.ts
function parseIPv4(s) {
  const parts2 = s.split(".");
  if (parts2.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const p = parts2[i];
    if (!/^(0|[1-9][0-9]{0,2})$/.test(p)) return null;
    const v = Number(p);
    if (v > 255) return null;
    out[i] = v;
  }
  return out;
}
function parseIPv6(s) {
  let text2 = s;
  let tail = null;
  const lastColon = text2.lastIndexOf(":");
  if (text2.includes(".")) {
    tail = parseIPv4(text2.slice(lastColon + 1));
    if (!tail) return null;
    text2 = text2.slice(0, lastColon + 1) + "0:0";
  }
  const halves = text2.split("::");
  if (halves.length > 2) return null;
  const groups2 = (h) => {
    if (h === "") return [];
    const out2 = [];
    for (const g of h.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out2.push(parseInt(g, 16));
    }
    return out2;
  };
  const head = groups2(halves[0]);
  const rest = halves.length === 2 ? groups2(halves[1]) : [];
  if (!head || !rest) return null;
  let all;
  if (halves.length === 2) {
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    all = [...head, ...new Array(missing).fill(0), ...rest];
  } else {
    if (head.length !== 8) return null;
    all = head;
  }
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 255;
  });
  if (tail) out.set(tail, 12);
  return out;
}
function masked(address, prefixLength) {
  const out = new Uint8Array(address);
  for (let bit = prefixLength; bit < out.length * 8; bit++) out[bit >> 3] &= ~(128 >> (bit & 7));
  return out;
}
function prefix(family, address, prefixLength) {
  return { family, address: masked(address, prefixLength), prefixLength };
}
function isLocalhostName(word) {
  const w = word.toLowerCase();
  return ["localhost", "localhost.", "localhost.localdomain", "localhost.localdomain."].includes(w) || [".localhost", ".localhost.", ".localhost.localdomain", ".localhost.localdomain."].some((s) => w.endsWith(s));
}
function parseAddressWord(word) {
  if (word === "any") return [prefix(4, v4(0, 0, 0, 0), 0), prefix(6, v6(), 0)];
  if (isLocalhostName(word))
    return [prefix(4, v4(127, 0, 0, 0), 8), prefix(6, v6(...new Array(15).fill(0), 1), 128)];
  if (word === "link-local") return [prefix(4, v4(169, 254, 0, 0), 16), prefix(6, v6(254, 128), 64)];
  if (word === "multicast") return [prefix(4, v4(224, 0, 0, 0), 4), prefix(6, v6(255), 8)];
  const slash = word.indexOf("/");
  const addrText = slash >= 0 ? word.slice(0, slash) : word;
  const a4 = parseIPv4(addrText);
  const a6 = a4 ? null : parseIPv6(addrText);
  const address = a4 ?? a6;
  if (!address) return null;
  const family = a4 ? 4 : 6;
  const bits = family === 4 ? 32 : 128;
  let length = bits;
  if (slash >= 0) {
    const lenText = word.slice(slash + 1);
    if (!/^[0-9]{1,3}$/.test(lenText)) return null;
    length = Number(lenText);
    if (length > bits) return null;
  }
  return [prefix(family, address, length)];
}
function isLocalhostPrefix(p) {
  if (p.family === 4) return p.address[0] === 127;
  return p.address.every((b, i) => i === 15 ? b === 1 : b === 0);
}
var v4, v6;
var init_ip = __esm({
  "src/service/ip.ts"() {
    "use strict";
    v4 = (a, b, c, d) => Uint8Array.of(a, b, c, d);
    v6 = (...bytes) => {
      const out = new Uint8Array(16);
      out.set(bytes);
      return out;
    };
  }
});

// src/service/directives/network.ts
var restrictAddressFamilies, addressList, filterPaths;
var init_network = __esm({
  "src/service/directives/network.ts"() {
    "use strict";
    init_linux_names();
    init_ip();
    init_words();
    init_handler();
    restrictAddressFamilies = (s, a, ctx) => {
      if (a.value === "" || a.value === "none") {
        s.addressFamilies = null;
        s.addressFamiliesAllowList = a.value === "none";
        return void 0;
      }
      let text2 = a.value;
      const invert = text2.startsWith("~");
      if (invert) text2 = text2.slice(1);
      if (s.addressFamilies === null) {
        s.addressFamilies = /* @__PURE__ */ new Set();
        s.addressFamiliesAllowList = !invert;
      }
      const set = s.addressFamilies;
      const { words: words2, invalid } = extractWords(text2, { unquote: true });
      for (const w of words2) {
        const af = addressFamilyFromName(w);
        if (af === null) {
          ctx.warn(a, `Failed to parse address family, ignoring: ${ctx.traits.addressFamilyStopsAtUnknown ? a.value : w}`);
          if (ctx.traits.addressFamilyStopsAtUnknown) return void 0;
          continue;
        }
        if (!invert === s.addressFamiliesAllowList) set.add(af);
        else set.delete(af);
      }
      if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
      return void 0;
    };
    addressList = (pick) => (s, a, ctx) => {
      const key = pick(s);
      if (a.value === "") {
        s[key] = [];
        return void 0;
      }
      const { words: words2, invalid } = extractWords(a.value);
      for (const w of words2) {
        const prefixes = parseAddressWord(w);
        if (prefixes === null)
          ctx.warn(
            a,
            ctx.traits.namedParseWarnings ? `Invalid address prefix is specified in [${a.section}] ${a.key}=, ignoring assignment: ${w}` : `Address prefix is invalid, ignoring assignment: ${w}`
          );
        else s[key].push(...prefixes);
      }
      if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
      return void 0;
    };
    filterPaths = (key) => (s, a, ctx) => {
      if (a.value === "") {
        s[key] = 0;
        return void 0;
      }
      const expanded2 = expand(ctx, a, a.value, "path");
      if ("error" in expanded2) {
        ctx.warn(a, `Failed to resolve unit specifiers in '${a.value}', ignoring: ${expanded2.error}`);
        return void 0;
      }
      if (simplifyAbsolutePath(expanded2.value) === null) {
        ctx.warn(a, `${a.key}= path is not valid, ignoring: ${a.value}`);
        return void 0;
      }
      s[key]++;
      return void 0;
    };
  }
});

// src/service/directives/service-settings.ts
var SERVICE_TYPES, RESTART_VALUES, EMERGENCY_ACTIONS, serviceType, restart, exitType, killMode, notifyAccess, successAction, busName, pamName, restartForceExitStatus, delegate;
var init_service_settings = __esm({
  "src/service/directives/service-settings.ts"() {
    "use strict";
    init_words();
    init_plain();
    SERVICE_TYPES = ["simple", "exec", "forking", "oneshot", "dbus", "notify", "idle"];
    RESTART_VALUES = ["no", "on-success", "on-failure", "on-abnormal", "on-watchdog", "on-abort", "always"];
    EMERGENCY_ACTIONS = [
      "none",
      "reboot",
      "reboot-force",
      "reboot-immediate",
      "poweroff",
      "poweroff-force",
      "poweroff-immediate",
      "exit",
      "exit-force",
      "halt",
      "halt-force",
      "halt-immediate",
      "kexec",
      "kexec-force"
    ];
    serviceType = (s, a, ctx) => {
      const types = ctx.traits.notifyReload ? [...SERVICE_TYPES, "notify-reload"] : SERVICE_TYPES;
      if (types.includes(a.value)) s.type = a.value;
      else ctx.warn(a, `Failed to parse service type, ignoring: ${a.value}`);
      return void 0;
    };
    restart = enumOf(RESTART_VALUES, (s, v) => s.restart = v, "service restart specifier");
    exitType = enumOf(["main", "cgroup"], (s, v) => s.exitType = v, "service exit type");
    killMode = enumOf(["control-group", "process", "mixed", "none"], (s, v) => s.killMode = v, "kill mode");
    notifyAccess = enumOf(
      ["none", "main", "exec", "all"],
      (s, v) => s.notifyAccess = v,
      "notify access specifier"
    );
    successAction = enumOf(EMERGENCY_ACTIONS, (s, v) => s.successAction = v, "SuccessAction=");
    busName = (s, a) => {
      s.busName = a.value === "" ? null : a.value;
      return void 0;
    };
    pamName = (s, a) => {
      s.pamName = a.value === "" ? null : a.value;
      return void 0;
    };
    restartForceExitStatus = (s, a) => {
      s.restartForceExitStatus = a.value === "" ? 0 : s.restartForceExitStatus + extractWords(a.value).words.length;
      return void 0;
    };
    delegate = (s, a, ctx) => {
      const type = ctx.specifiers.unitName.slice(ctx.specifiers.unitName.lastIndexOf(".") + 1);
      if (type !== "service" && type !== "scope") {
        ctx.warn(a, "Delegate= setting not supported for this unit type, ignoring.");
        return void 0;
      }
      const b = a.value === "" ? true : parseBoolean(a.value);
      if (b === null && extractWords(a.value, { unquote: true }).invalid) {
        ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
        return void 0;
      }
      if (b === null) {
        for (const w of extractWords(a.value, { unquote: true }).words)
          if (!ctx.traits.delegateControllers.includes(w)) ctx.warn(a, `Invalid controller name '${w}', ignoring`);
      }
      s.delegate = b === null ? true : b;
      return void 0;
    };
  }
});

// src/service/directives/syscall-filter.ts
function parseErrnoOrAction(text2) {
  if (text2 === "kill") return 2147483646;
  if (/^[0-9]+$/.test(text2)) {
    const n = Number(text2);
    return n <= 4095 ? n : null;
  }
  return ERRNO_NAMES.has(text2) ? 1 : null;
}
function unknownNameWarnings(ctx, a) {
  return {
    group: (name) => ctx.warn(a, `Unknown system call group, ignoring: ${name}`),
    call: (name) => ctx.warn(
      a,
      ctx.traits.syscallNotKnownWording ? `System call ${name} is not known, ignoring.` : `Failed to parse system call, ignoring: ${name}`
    )
  };
}
function addSyscall(entries, name, errno, invert, allowList, table, warn) {
  const add = !invert === allowList || invert && allowList && errno >= 0;
  if (name.startsWith("@")) {
    const group = expandGroup(table, name);
    if (group === null) {
      warn?.group(name);
      return;
    }
    entries.setGroup(group, add ? errno : null);
    return;
  }
  if (!table.known.has(name)) {
    warn?.call(name);
    return;
  }
  if (add) entries.set(name, errno);
  else entries.delete(name);
}
var ARCHITECTURES, ARCHITECTURES_WITH_LOONGARCH64, syscallArchitectures, systemCallFilter, systemCallLog;
var init_syscall_filter = __esm({
  "src/service/directives/syscall-filter.ts"() {
    "use strict";
    init_linux_names();
    init_syscalls();
    init_words();
    ARCHITECTURES = new Set(SECCOMP_ARCHITECTURES);
    ARCHITECTURES_WITH_LOONGARCH64 = /* @__PURE__ */ new Set([...SECCOMP_ARCHITECTURES, "loongarch64"]);
    syscallArchitectures = (s, a, ctx) => {
      if (a.value === "") {
        s.syscallArchitectures = /* @__PURE__ */ new Set();
        return void 0;
      }
      const known = ctx.traits.loongarch64Architecture ? ARCHITECTURES_WITH_LOONGARCH64 : ARCHITECTURES;
      const { words: words2, invalid } = extractWords(a.value, { unquote: true });
      for (const w of words2) {
        if (known.has(w)) s.syscallArchitectures.add(w);
        else ctx.warn(a, `Failed to parse system call architecture "${w}", ignoring: Invalid argument`);
      }
      if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
      return void 0;
    };
    systemCallFilter = (s, a, ctx) => {
      if (a.value === "") {
        s.syscallFilter = null;
        return void 0;
      }
      let text2 = a.value;
      const invert = text2.startsWith("~");
      if (invert) text2 = text2.slice(1);
      const table = ctx.syscalls;
      if (s.syscallFilter === null) {
        s.syscallFilter = { allowList: !invert, entries: new SyscallSet(table) };
        if (!invert) addSyscall(s.syscallFilter.entries, "@default", -1, false, true, table, null);
      }
      const filter = s.syscallFilter;
      const { words: words2, invalid } = extractWords(text2);
      for (const w of words2) {
        const colon = w.indexOf(":");
        let name = w;
        let errno = -1;
        if (colon >= 0) {
          const parsed = parseErrnoOrAction(w.slice(colon + 1));
          name = w.slice(0, colon);
          if (parsed === null || name === "") {
            ctx.warn(a, `Failed to parse syscall:errno, ignoring: ${w}`);
            continue;
          }
          errno = parsed;
        }
        if (!invert && errno >= 0) {
          ctx.warn(a, `Allow-listed system calls cannot take error number, ignoring: ${w}`);
          continue;
        }
        addSyscall(filter.entries, name, errno, invert, filter.allowList, table, unknownNameWarnings(ctx, a));
      }
      if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
      return void 0;
    };
    systemCallLog = (s, a, ctx) => {
      if (a.value === "") {
        s.syscallLog = null;
        return void 0;
      }
      let text2 = a.value;
      const invert = text2.startsWith("~");
      if (invert) text2 = text2.slice(1);
      s.syscallLog ??= { allowList: !invert, entries: new SyscallSet(ctx.syscalls) };
      const log = s.syscallLog;
      const { words: words2, invalid } = extractWords(text2);
      for (const w of words2) addSyscall(log.entries, w, -1, invert, log.allowList, ctx.syscalls, null);
      if (invalid) ctx.warn(a, `Invalid syntax, ignoring: ${a.value}`);
      return void 0;
    };
  }
});

// src/service/directives/index.ts
var DIRECTIVES;
var init_directives = __esm({
  "src/service/directives/index.ts"() {
    "use strict";
    init_exec_directives();
    init_unit_type_settings();
    init_capabilities2();
    init_credentials2();
    init_devices();
    init_exec();
    init_file_system();
    init_identity();
    init_namespaces();
    init_network();
    init_plain();
    init_service_settings();
    init_syscall_filter();
    DIRECTIVES = new Map([
      ["Unit.DefaultDependencies", bool((s, v) => s.defaultDependencies = v)],
      ["Unit.SuccessAction", successAction],
      ["Service.User", user((s, v) => s.user = v)],
      ["Service.Group", user((s, v) => s.group = v)],
      ["Service.DynamicUser", dynamicUser],
      ["Service.SupplementaryGroups", supplementaryGroups],
      ["Service.RemoveIPC", bool((s, v) => s.removeIpc = v)],
      ["Service.PrivateDevices", bool((s, v) => s.privateDevices = v)],
      ["Service.PrivateMounts", privateMounts],
      ["Service.PrivateNetwork", bool((s, v) => s.privateNetwork = v)],
      ["Service.PrivateTmp", privateTmp],
      ["Service.PrivateUsers", privateUsers],
      ["Service.ProtectControlGroups", protectControlGroups],
      ["Service.ProtectHostname", protectHostname],
      ["Service.ProtectKernelModules", bool((s, v) => s.protectKernelModules = v)],
      ["Service.ProtectKernelTunables", bool((s, v) => s.protectKernelTunables = v)],
      ["Service.ProtectKernelLogs", bool((s, v) => s.protectKernelLogs = v)],
      ["Service.ProtectClock", bool((s, v) => s.protectClock = v)],
      ["Service.LockPersonality", bool((s, v) => s.lockPersonality = v)],
      ["Service.MemoryDenyWriteExecute", bool((s, v) => s.memoryDenyWriteExecute = v)],
      ["Service.NoNewPrivileges", bool((s, v) => s.noNewPrivileges = v)],
      ["Service.RestrictRealtime", bool((s, v) => s.restrictRealtime = v)],
      ["Service.RestrictSUIDSGID", bool((s, v) => s.restrictSuidSgid = v)],
      ["Service.ProtectSystem", protectSystem],
      ["Service.ProtectHome", protectHome],
      ["Service.ProtectProc", protectProc],
      ["Service.ProcSubset", procSubset],
      ["Service.KeyringMode", keyringMode],
      ["Service.NotifyAccess", notifyAccess],
      ["Service.UMask", umask],
      ["Service.RootDirectory", rootPath((s, v) => s.rootDirectory = v)],
      ["Service.RootImage", rootPath((s, v) => s.rootImage = v)],
      ["Service.RootVerity", rootPath(() => void 0)],
      ["Service.MountImages", mountImages2],
      ["Service.SecureBits", secureBits],
      ["Service.LoadCredential", loadCredential2(false)],
      ["Service.LoadCredentialEncrypted", loadCredential2(true)],
      ["Service.SetCredential", setCredential2(false)],
      ["Service.SetCredentialEncrypted", setCredential2(true)],
      ["Service.CapabilityBoundingSet", capabilityBoundingSet],
      ["Service.AmbientCapabilities", ambientCapabilities],
      ["Service.RestrictNamespaces", restrictNamespaces],
      ["Service.RestrictAddressFamilies", restrictAddressFamilies],
      ["Service.SystemCallArchitectures", syscallArchitectures],
      ["Service.SystemCallFilter", systemCallFilter],
      ["Service.SystemCallLog", systemCallLog],
      ["Service.IPAddressAllow", addressList(() => "ipAddressAllow")],
      ["Service.IPAddressDeny", addressList(() => "ipAddressDeny")],
      ["Service.IPIngressFilterPath", filterPaths("ipIngressFilterPaths")],
      ["Service.IPEgressFilterPath", filterPaths("ipEgressFilterPaths")],
      ["Service.DevicePolicy", devicePolicy],
      ["Service.DeviceAllow", deviceAllow],
      ["Service.Delegate", delegate],
      ["Service.PermissionsStartOnly", bool((s, v) => s.permissionsStartOnly = v)],
      ["Service.Type", serviceType],
      ["Service.RemainAfterExit", bool((s, v) => s.remainAfterExit = v)],
      ["Service.Restart", restart],
      ["Service.ExitType", exitType],
      ["Service.BusName", busName],
      ["Service.PAMName", pamName],
      ["Service.KillMode", killMode],
      ["Service.RestartForceExitStatus", restartForceExitStatus],
      ["Service.WorkingDirectory", workingDirectory],
      ["Service.PrivatePIDs", bool((s, v) => s.privatePids = v)],
      // ExecReloadPost= (262; systemd.service(5): "added in version 259") is a control command like
      // ExecReload=: same syntax, and PermissionsStartOnly= strips its sandbox too (service_spawn()
      // masks EXEC_APPLY_SANDBOXING for every EXEC_IS_CONTROL command). Versions whose table lacks
      // the key never reach this handler (load.ts applyFile()).
      ...SERVICE_EXEC_DIRECTIVES.map((d) => [`Service.${d}`, exec(d)]),
      // A socket's own command (run as root by default, with the socket's sandboxing): recorded so
      // that every command a unit runs is on its state. The others it shares with services.
      ["Socket.ExecStopPre", exec("ExecStopPre")],
      // What decides whether a mount, swap, automount, path, timer or socket loads at all.
      ...[...UNIT_TYPE_SETTINGS].map(([key, set]) => [key, (s, a, ctx) => set(s.unitType, a, ctx)])
    ]);
  }
});

// src/service/image-policy.ts
function words(text2, separator) {
  const out = [];
  let word = "";
  for (let i = 0; i < text2.length; i++) {
    const c = text2[i];
    if (c === "\\") {
      if (i + 1 >= text2.length) return null;
      word += text2[++i];
    } else if (c === separator) {
      out.push(word);
      word = "";
    } else word += c;
  }
  out.push(word);
  return out;
}
function parseFailure(text2, skipUnknown) {
  if (text2 === "-" || text2 === "*" || text2 === "~") return void 0;
  const rules = words(text2, ":");
  if (rules === null) return "EINVAL";
  const seen = /* @__PURE__ */ new Set();
  let defaultSeen = false;
  for (const rule of rules) {
    const parts2 = words(rule, "=");
    if (parts2 === null || rule === "" || parts2.length < 2) return "EINVAL";
    const designator = strstrip(parts2[0]);
    if (designator === "") {
      if (defaultSeen) return "ENOTUNIQ";
      defaultSeen = true;
    } else if (DESIGNATORS.has(designator)) {
      if (seen.has(designator)) return "ENOTUNIQ";
      seen.add(designator);
    } else if (!skipUnknown) return "EBADSLT";
    const flags = strstrip(parts2.slice(1).join("="));
    if (flags === "" || flags === "-") continue;
    const list3 = words(flags, "+");
    if (list3 === null) return "EINVAL";
    if (!skipUnknown && list3.some((f) => !FLAGS.has(strstrip(f)))) return "EBADRQC";
  }
  return void 0;
}
function imagePolicyFailure(value2, skipUnknown) {
  if (value2 === "") return void 0;
  const failure = parseFailure(value2, skipUnknown);
  return failure === void 0 ? void 0 : `${MESSAGES[failure]}: ${value2}`;
}
var DESIGNATORS, FLAGS, WHITESPACE4, strstrip, MESSAGES;
var init_image_policy = __esm({
  "src/service/image-policy.ts"() {
    "use strict";
    DESIGNATORS = /* @__PURE__ */ new Set([
      "root",
      "usr",
      "home",
      "srv",
      "esp",
      "xbootldr",
      "swap",
      "root-verity",
      "usr-verity",
      "root-verity-sig",
      "usr-verity-sig",
      "tmp",
      "var"
    ]);
    FLAGS = /* @__PURE__ */ new Set([
      "verity",
      "signed",
      "encrypted",
      "unprotected",
      "unused",
      "absent",
      "open",
      "ignore",
      "read-only-on",
      "read-only-off",
      "growfs-on",
      "growfs-off"
    ]);
    WHITESPACE4 = /^[ \t\n\r]+|[ \t\n\r]+$/g;
    strstrip = (s) => s.replace(WHITESPACE4, "");
    MESSAGES = {
      ENOTUNIQ: "Duplicate rule in image policy, refusing",
      EBADSLT: "Unknown partition type in image policy, refusing",
      EBADRQC: "Unknown partition policy flag in image policy, refusing",
      EINVAL: "Failed to parse image policy, refusing"
    };
  }
});

// src/service/parser-failures.ts
function simplify(path) {
  const parts2 = path.split("/").filter((p) => p !== "" && p !== ".");
  return (path.startsWith("/") ? "/" : "") + parts2.join("/");
}
function pathFailure(key, path, fatal, apiVfs) {
  const ignoring = fatal ? "" : ", ignoring";
  if (!path.startsWith("/")) return `${key}= path is not absolute${ignoring}: ${path}`;
  const simple = simplify(path);
  if (!isValidPath(simple)) return `${key}= path has invalid length (${utf8Length(simple)} bytes)${ignoring}.`;
  if (!isNormalizedPath(simple)) return `${key}= path is not normalized${ignoring}: ${simple}`;
  if (apiVfs && belowApiVfs(simple)) return `${key}= path is below API VFS${fatal ? ", refusing" : ignoring}: ${simple}`;
  return void 0;
}
function parserFailure(parser, a, ctx) {
  return CHECKS[parser]?.(a, ctx);
}
var expand2, securityLabel, belowApiVfs, pidFile, fatalPath, userGroup, CHECKS;
var init_parser_failures = __esm({
  "src/service/parser-failures.ts"() {
    "use strict";
    init_specifiers();
    init_image_policy();
    init_users();
    init_words();
    expand2 = (a, text2, ctx, use) => expandSpecifiers(
      text2,
      ctx.specifiers,
      use,
      (c) => ctx.note(a, deprecatedSpecifierMessage(c, ctx.specifiers.unitName))
    );
    securityLabel = (a, ctx) => {
      if (a.value === "") return void 0;
      const ignore = a.value.startsWith("-");
      const value2 = ignore ? a.value.slice(1) : a.value;
      const expanded2 = expand2(a, value2, ctx, "full");
      if (!("error" in expanded2)) return void 0;
      if (!ignore) return `Failed to resolve unit specifiers in '${value2}': ${expanded2.error}`;
      ctx.warn(a, `Failed to resolve unit specifiers in '${value2}', ignoring: ${expanded2.error}`);
      return void 0;
    };
    belowApiVfs = (path) => /^\/(dev|sys|proc)(\/|$)/.test(path);
    pidFile = (a, ctx) => {
      if (a.value === "") return void 0;
      const expanded2 = expand2(a, a.value, ctx, "path");
      if ("error" in expanded2) {
        ctx.warn(a, `Failed to resolve unit specifiers in '${a.value}', ignoring: ${expanded2.error}`);
        return void 0;
      }
      const absolute = expanded2.value.startsWith("/") ? expanded2.value : `/run/${expanded2.value}`;
      return pathFailure(a.key, absolute, false, ctx.traits.pidFileRefusesApiVfs);
    };
    fatalPath = (a, ctx) => {
      const expanded2 = expand2(a, a.value, ctx, "path");
      if ("error" in expanded2) return `Failed to resolve unit specifiers in '${a.value}': ${expanded2.error}`;
      return expanded2.value === "" ? void 0 : pathFailure(a.key, expanded2.value, true, false);
    };
    userGroup = (a, ctx) => {
      if (a.value === "") return void 0;
      const expanded2 = expand2(a, a.value, ctx, "full");
      if ("error" in expanded2) return `Failed to resolve unit specifiers in ${a.value}: ${expanded2.error}`;
      return isValidRelaxedUserName(expanded2.value) ? void 0 : `Invalid user/group name or numeric ID: ${expanded2.value}`;
    };
    CHECKS = {
      config_parse_exec_apparmor_profile: securityLabel,
      config_parse_exec_selinux_context: securityLabel,
      config_parse_exec_smack_process_label: securityLabel,
      config_parse_pid_file: pidFile,
      config_parse_user_group_compat: userGroup,
      "config_parse_unit_path_printf:1": fatalPath,
      config_parse_image_policy: (a, ctx) => imagePolicyFailure(a.value, ctx.traits.imagePolicySkipsUnknown)
    };
  }
});

// src/service/patch.ts
function patchService(s, unitName, traits) {
  if (s.privateDevices) s.capabilityBoundingSet &= ~(CAP_MKNOD | CAP_SYS_RAWIO);
  if (s.protectKernelModules) s.capabilityBoundingSet &= ~CAP_SYS_MODULE;
  if (s.protectKernelLogs) s.capabilityBoundingSet &= ~CAP_SYSLOG;
  if (s.protectClock) s.capabilityBoundingSet &= ~(CAP_SYS_TIME | CAP_WAKE_ALARM);
  if (s.dynamicUser) {
    if (s.user === null) s.user = dynamicUserName(unitName);
    if (traits.dynamicUserDisconnectedTmp) {
      if (s.privateTmp === "no") s.privateTmp = "disconnected";
    } else s.privateTmp = "yes";
    s.removeIpc = true;
    s.protectSystem = "strict";
    if (s.protectHome === "no") s.protectHome = "read-only";
    s.noNewPrivileges = true;
    s.restrictSuidSgid = true;
  }
  if (s.privateDevices && s.devicePolicy === "auto") s.devicePolicy = "closed";
  const add = (entry2) => void s.deviceAllow.unshift(entry2);
  if ((s.rootImage !== null || s.mountImages > 0) && (s.devicePolicy !== "auto" || s.deviceAllow.length > 0)) {
    add("/dev/loop-control:rw");
    add("/dev/mapper/control:rw");
    add("block-loop:rwm");
    add("block-blkext:rwm");
    add("block-device-mapper:rwm");
  }
  if (s.protectClock) add("char-rtc:r");
  const encrypted = [...s.loadCredentials.values(), ...s.setCredentials.values()].includes(true);
  if (encrypted && traits.encryptedCredentialDevice !== null) {
    add(traits.encryptedCredentialDevice.replace(" ", ":"));
  }
  if (s.type === null) s.type = s.busName !== null ? "dbus" : s.exec["ExecStart"].length > 0 ? "simple" : "oneshot";
}
function dynamicUserName(unitName) {
  const prefix2 = unitPrefix(unitName);
  return isValidStrictUserName(prefix2) ? prefix2 : `_du${hexOf(prefix2)}`;
}
function hexOf(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16).padStart(16, "0");
}
var CAP_MKNOD, CAP_SYS_RAWIO, CAP_SYS_MODULE, CAP_SYSLOG, CAP_SYS_TIME, CAP_WAKE_ALARM;
var init_patch = __esm({
  "src/service/patch.ts"() {
    "use strict";
    init_linux_names();
    init_names();
    init_users();
    CAP_MKNOD = capabilitySet("CAP_MKNOD");
    CAP_SYS_RAWIO = capabilitySet("CAP_SYS_RAWIO");
    CAP_SYS_MODULE = capabilitySet("CAP_SYS_MODULE");
    CAP_SYSLOG = capabilitySet("CAP_SYSLOG");
    CAP_SYS_TIME = capabilitySet("CAP_SYS_TIME");
    CAP_WAKE_ALARM = capabilitySet("CAP_WAKE_ALARM");
  }
});

// src/service/state.ts
function initialServiceState(traits) {
  return {
    user: null,
    group: null,
    dynamicUser: false,
    supplementaryGroups: [],
    removeIpc: false,
    privateDevices: false,
    privateMounts: traits.privateMountsTristate ? null : false,
    privateNetwork: false,
    privateTmp: "no",
    privateUsers: "no",
    protectControlGroups: "no",
    protectHostname: "no",
    protectKernelModules: false,
    protectKernelTunables: false,
    protectKernelLogs: false,
    protectClock: false,
    lockPersonality: false,
    memoryDenyWriteExecute: false,
    noNewPrivileges: false,
    restrictRealtime: false,
    restrictSuidSgid: false,
    protectSystem: "no",
    protectHome: "no",
    protectProc: "default",
    procSubset: "all",
    keyringMode: "private",
    notifyAccess: null,
    umask: 18,
    rootDirectory: null,
    rootImage: null,
    mountImages: 0,
    loadCredentials: /* @__PURE__ */ new Map(),
    setCredentials: /* @__PURE__ */ new Map(),
    // 262 starts from the 63-bit "all"; older versions from all 64 bits (rule A vs B, §3.1).
    capabilityBoundingSet: traits.capabilityRuleB ? ALL_CAPS_64 >> 1n : ALL_CAPS_64,
    ambientCapabilities: 0n,
    secureBits: 0,
    restrictNamespaces: null,
    addressFamiliesAllowList: false,
    addressFamilies: null,
    syscallArchitectures: /* @__PURE__ */ new Set(),
    syscallFilter: null,
    syscallLog: null,
    ipAddressAllow: [],
    ipAddressDeny: [],
    ipIngressFilterPaths: 0,
    ipEgressFilterPaths: 0,
    devicePolicy: "auto",
    deviceAllow: [],
    delegate: false,
    defaultDependencies: true,
    permissionsStartOnly: false,
    privatePids: false,
    workingDirectory: null,
    type: null,
    remainAfterExit: false,
    restart: "no",
    exitType: "main",
    busName: null,
    pamName: null,
    killMode: "control-group",
    successAction: "none",
    restartForceExitStatus: 0,
    // Spelled out (one per EXEC_DIRECTIVES entry): built once per unit, so kept cheap.
    exec: {
      ExecCondition: [],
      ExecStartPre: [],
      ExecStart: [],
      ExecStartPost: [],
      ExecReload: [],
      ExecReloadPost: [],
      ExecStop: [],
      ExecStopPre: [],
      ExecStopPost: []
    },
    unitType: initialUnitTypeSettings(),
    applied: []
  };
}
var init_state = __esm({
  "src/service/state.ts"() {
    "use strict";
    init_linux_names();
    init_unit_type_settings();
  }
});

// src/service/unit-type-verify.ts
function isApiMount(where3, traits) {
  const under = (prefix2) => where3 === prefix2 || where3.startsWith(`${prefix2}/`);
  return API_MOUNTS.includes(where3) || where3.startsWith("/sys/fs/cgroup/") || IGNORED_MOUNTS.includes(where3) || under("/run/host") || !traits.mountVerify257 && where3 === "/run/lock";
}
function pamRefusal(s, traits, type) {
  if (s.pamName === null) return null;
  if (traits.mountVerify257) {
    if (s.killMode === "control-group" || s.killMode === "mixed") return null;
    return "Unit has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing.";
  }
  if (s.killMode === "control-group") return null;
  if (type === "mount") return "Unit has PAM enabled. Kill mode must be set to control-group'. Refusing.";
  if (type === "swap") return "Unit has PAM enabled. Kill mode must be set to 'control-group'. Refusing to load.";
  return "Unit has PAM enabled. Kill mode must be set to 'control-group'. Refusing.";
}
function unitTypeRefusal(type, names2, s, traits) {
  const t = s.unitType;
  const refuse = (message) => ({ bare: false, message });
  const bare = { bare: true, message: LOAD_FAILED_EINVAL };
  const pamFirst = traits.mountVerify257 && ["mount", "swap", "socket"].includes(type) ? pamRefusal(s, traits, type) : null;
  switch (type) {
    case "mount": {
      const where3 = t.where ?? unitNameToPath(names2[0]);
      if (where3 === null) return bare;
      if (pamFirst !== null) return refuse(pamFirst);
      const expected = unitNameFromPath(where3, ".mount");
      if (expected === null) return refuse("Failed to generate unit name from mount path: Invalid argument");
      if (!names2.includes(expected)) return refuse("Where= setting doesn't match unit name. Refusing.");
      if (traits.mountVerify257 && (where3 === "/run/credentials" || where3.startsWith("/run/credentials/")))
        return refuse(`Cannot create mount unit for credential mount '${where3}'. Refusing.`);
      if (isApiMount(where3, traits))
        return refuse(
          `Cannot create mount unit for API file system ${traits.mountVerify257 ? `'${where3}'` : where3}. Refusing.`
        );
      if (t.what === null) return refuse("What= setting is missing. Refusing.");
      const pam = pamRefusal(s, traits, type);
      return pam === null ? null : refuse(pam);
    }
    case "automount": {
      const where3 = t.where ?? unitNameToPath(names2[0]);
      if (where3 === null) return bare;
      if (where3 === "/") return refuse("Cannot have an automount unit for the root directory. Refusing.");
      const expected = unitNameFromPath(where3, ".automount");
      if (expected === null) return refuse("Failed to generate unit name from path: Invalid argument");
      return names2.includes(expected) ? null : refuse("Where= setting doesn't match unit name. Refusing.");
    }
    case "swap": {
      const what = t.what ?? unitNameToPath(names2[0]);
      if (what === null) return bare;
      if (pamFirst !== null) return refuse(pamFirst);
      const expected = unitNameFromPath(what, ".swap");
      if (expected === null) return refuse("Failed to generate unit from What= setting: Invalid argument");
      if (!names2.includes(expected)) return refuse("Value of What= and unit name do not match, not loading.");
      const pam = pamRefusal(s, traits, type);
      return pam === null ? null : refuse(pam);
    }
    case "path":
      return t.pathSpecs === 0 ? refuse("Path unit lacks path setting. Refusing.") : null;
    case "timer":
      return t.timerValues === 0 && !t.onClockChange && !t.onTimezoneChange ? refuse("Timer unit lacks value setting. Refusing.") : null;
    case "socket":
      return pamFirst !== null ? refuse(pamFirst) : socketRefusal(t, s, traits);
    default:
      return null;
  }
}
function socketRefusal(t, s, traits) {
  const refuse = (message) => ({ bare: false, message });
  if (t.listeners.length === 0)
    return refuse("Unit has no Listen setting (ListenStream=, ListenDatagram=, ListenFIFO=, ...). Refusing.");
  const tooFew = refuse("MaxConnection= setting too small. Refusing.");
  if (traits.socketMaxConnectionsAlways && t.maxConnections <= 0) return tooFew;
  if (t.accept && t.listeners.some((l) => l.kind !== "stream" && l.kind !== "seqpacket"))
    return refuse("Unit configured for accepting sockets, but sockets are non-accepting. Refusing.");
  if (t.accept && t.maxConnections <= 0) return tooFew;
  if (t.accept && t.explicitService)
    return refuse("Explicit service configuration for accepting socket units not supported. Refusing.");
  const pam = pamRefusal(s, traits, "socket");
  if (pam !== null) return refuse(pam);
  if (t.symlinks > 0 && t.listeners.filter((l) => l.node !== null).length !== 1)
    return refuse("Unit has symlinks set but none or more than one node in the file system. Refusing.");
  return null;
}
var LOAD_FAILED_EINVAL, API_MOUNTS, IGNORED_MOUNTS;
var init_unit_type_verify = __esm({
  "src/service/unit-type-verify.ts"() {
    "use strict";
    init_names();
    LOAD_FAILED_EINVAL = "failed to load properly, please adjust/correct and reload service manager: Invalid argument";
    API_MOUNTS = [
      "/proc",
      "/sys",
      "/dev",
      "/sys/kernel/security",
      "/sys/fs/smackfs",
      "/dev/shm",
      "/dev/pts",
      "/run",
      "/sys/fs/cgroup",
      "/sys/fs/cgroup/unified",
      "/sys/fs/cgroup/systemd",
      "/sys/fs/pstore",
      "/sys/firmware/efi/efivars",
      "/sys/fs/bpf"
    ];
    IGNORED_MOUNTS = ["/sys/fs/selinux", "/dev/console", "/proc/kmsg", "/proc/sys", "/proc/sys/kernel/random/boot_id"];
  }
});

// src/service/mount-namespace.ts
function needsMountNamespace(s) {
  return MOUNT_NAMESPACE_SETTINGS.some((e) => e.sets(s));
}
var MOUNT_NAMESPACE_SETTINGS, MOUNT_NAMESPACE_DIRECTIVES;
var init_mount_namespace = __esm({
  "src/service/mount-namespace.ts"() {
    "use strict";
    MOUNT_NAMESPACE_SETTINGS = [
      { directive: "PrivateTmp", sets: (s) => s.privateTmp !== "no" },
      { directive: "PrivateDevices", sets: (s) => s.privateDevices },
      { directive: "PrivateMounts", sets: (s) => s.privateMounts === true },
      { directive: "ProtectSystem", sets: (s) => s.protectSystem !== "no" },
      { directive: "ProtectHome", sets: (s) => s.protectHome !== "no" },
      { directive: "ProtectKernelTunables", sets: (s) => s.protectKernelTunables },
      { directive: "ProtectKernelModules", sets: (s) => s.protectKernelModules },
      { directive: "ProtectKernelLogs", sets: (s) => s.protectKernelLogs },
      { directive: "ProtectControlGroups", sets: (s) => s.protectControlGroups !== "no" },
      { directive: "RootDirectory", sets: (s) => s.rootDirectory !== null },
      { directive: "RootImage", sets: (s) => s.rootImage !== null },
      { directive: "DynamicUser", sets: (s) => s.dynamicUser }
    ];
    MOUNT_NAMESPACE_DIRECTIVES = MOUNT_NAMESPACE_SETTINGS.map((e) => e.directive);
  }
});

// src/service/verify.ts
function serviceRefusal(s, traits) {
  const start = s.exec["ExecStart"];
  const stop = s.exec["ExecStop"];
  const hasSuccessAction = s.successAction !== "none";
  if (start.length === 0 && stop.length === 0 && !hasSuccessAction)
    return "Service has no ExecStart=, ExecStop=, or SuccessAction=. Refusing.";
  if (s.type !== "oneshot" && start.length === 0)
    return "Service has no ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
  if (!s.remainAfterExit && start.length === 0 && !hasSuccessAction)
    return "Service has no ExecStart= and no SuccessAction= settings and does not have RemainAfterExit=yes set. Refusing.";
  if (s.type !== "oneshot" && start.length > 1)
    return "Service has more than one ExecStart= setting, which is only allowed for Type=oneshot services. Refusing.";
  if (s.type === "oneshot" && (s.restart === "always" || s.restart === "on-success"))
    return "Service has Restart= set to either always or on-success, which isn't allowed for Type=oneshot services. Refusing.";
  if (s.type === "oneshot" && traits.oneshotRefusesRestartForceStatus && s.restartForceExitStatus > 0)
    return "Service has RestartForceExitStatus= set, which isn't allowed for Type=oneshot services. Refusing.";
  if (s.type === "oneshot" && s.exitType === "cgroup")
    return "Service has ExitType=cgroup set, which isn't allowed for Type=oneshot services. Refusing.";
  if (s.type === "dbus" && s.busName === null)
    return "Service is of type D-Bus but no D-Bus service name has been specified. Refusing.";
  if (s.pamName !== null && s.killMode !== "control-group" && s.killMode !== "mixed")
    return `${traits.mountVerify257 ? "Unit" : "Service"} has PAM enabled. Kill mode must be set to 'control-group' or 'mixed'. Refusing.`;
  if (traits.refusesPrivatePidsForking && s.privatePids && s.type === "forking")
    return "Service of Type=forking does not support PrivatePIDs=yes. Refusing.";
  if (traits.refusesPrivatePidsForking && s.workingDirectory === "~" && s.dynamicUser)
    return "WorkingDirectory=~ is not allowed under DynamicUser=yes. Refusing.";
  if (s.privateUsers === "managed" && (s.user !== null || s.dynamicUser || s.group !== null || s.pamName !== null))
    return "PrivateUsers=managed may not be used in combination with User=/DynamicUser=/Group=/PAMName=. Refusing.";
  if (traits.refusesApiWorkingDirectory && s.workingDirectory !== null && /^\/(proc|sys|dev)(\/|$)/.test(s.workingDirectory) && needsMountNamespace(s))
    return "WorkingDirectory= may not be below /proc/, /sys/ or /dev/ when using mount namespacing. Refusing.";
  return null;
}
var init_verify = __esm({
  "src/service/verify.ts"() {
    "use strict";
    init_mount_namespace();
  }
});

// src/service/load.ts
function abortErrno(message) {
  if (message.endsWith("too long")) return "ENOBUFS";
  if (/section header/i.test(message)) return "EBADMSG";
  return "EINVAL";
}
function parserErrno(parser, message) {
  if (parser === "config_parse_exec_selinux_context" || parser === "config_parse_user_group_compat" || parser === "config_parse_unit_path_printf:1")
    return "ENOEXEC";
  if (parser === "config_parse_image_policy")
    return message.startsWith("Duplicate rule") ? "ENOTUNIQ" : message.startsWith("Unknown partition type") ? "EBADSLT" : "EINVAL";
  return message.startsWith("Failed to resolve unit specifiers") && message.endsWith(": Invalid slot") ? "EBADSLT" : "EINVAL";
}
function typeProfile(type) {
  let profile = typeProfiles.get(type);
  if (profile !== void 0) return profile;
  const contexts = UNIT_CONTEXTS[type] ?? { exec: false, cgroup: false };
  const typeSection = capitalize(type);
  const sections = /* @__PURE__ */ new Set(["Unit", "Install", typeSection]);
  const route = (a) => {
    if (a.section !== typeSection || type === "service") return a.section;
    if (HANDLERS.get(typeSection)?.has(a.key)) return typeSection;
    if (contexts.exec && !SERVICE_ONLY_KEYS.has(a.key)) return "Service";
    if (contexts.cgroup && CGROUP_KEYS.has(a.key)) return "Service";
    return a.section;
  };
  profile = { contexts, sections, route };
  typeProfiles.set(type, profile);
  return profile;
}
function loadService(source, path, traits, location = {}) {
  const lenient = location.lenient === true;
  const diagnostics = [];
  const fail = (unit2, error, log) => ({
    ok: false,
    unit: unit2,
    error,
    diagnostics,
    log
  });
  const refusePath = (error) => fail(null, error, [said(`Failed to prepare filename ${path}: Invalid argument`)]);
  if (path.length > 1 && path.endsWith("/")) {
    const name = basename(path.replace(/\/+$/, ""));
    if (!traits.trailingSlashPathIsName || unitNameKind(name) === null)
      return refusePath(`${path}: a unit file's path cannot end in "/".`);
    return fail(name, `Unit ${name} not found.`, [said(`Unit ${name} not found.`)]);
  }
  const base = basename(path);
  const kind = unitNameKind(base);
  if (kind === null) return refusePath(`Unit name "${base}" is not valid.`);
  const type = unitType(base);
  if (type === "scope") return fail(base, `Unit ${base} not found.`, [said(`Unit ${base} not found.`)]);
  const { contexts, sections, route } = typeProfile(type);
  const unitFiles2 = resolveUnitFiles(source, path, traits.templateInstance, location);
  for (const d of unitFiles2.diagnostics) diagnostics.push(d);
  const { requested, unit, names: names2, links } = unitFiles2;
  const fragmentPath = unitFiles2.fragmentPath;
  const bytes = fragmentPath === null ? null : unitFiles2.read(fragmentPath);
  if (fragmentPath === null || bytes === null)
    return fail(requested, `Unit ${requested} not found.`, [said(`Unit ${requested} not found.`)]);
  if (bytes.length === 0) return fail(unit, `Unit ${unit} is masked.`, [said(`Unit ${unit} is masked.`)]);
  const state = initialServiceState(traits);
  if (type !== "service") {
    state.keyringMode = contexts.exec ? "shared" : "unset";
    if (!contexts.exec) state.privateMounts = false;
  }
  const ctx = {
    traits,
    syscalls: syscallTable(traits.version),
    // The fragment is parsed under the name asked for; the unit takes its main name (merge_by_names())
    // before the drop-ins are read.
    specifiers: { unitName: requested, fragmentPath, sharedDataDirSpecifier: traits.sharedDataDirSpecifier },
    warn: (a, message) => diagnostics.push({ file: a.file, line: a.line, severity: "warning", message }),
    note: (a, message) => diagnostics.push({ file: a.file, line: a.line, severity: "warning", message, unlocated: true })
  };
  let knownKeys = knownKeysCache.get(traits.version);
  if (!knownKeys) {
    knownKeys = bySection(unitKeyParsers(traits.version));
    knownKeysCache.set(traits.version, knownKeys);
  }
  const fragment = parseUnitFile(bytes, fragmentPath, sections, traits);
  const files = [fragment];
  const binary = bytes.includes(0);
  if (binary)
    diagnostics.push({
      file: fragmentPath,
      line: 0,
      severity: "warning",
      message: "file contains NUL bytes: not a text unit file"
    });
  const fragmentStart = diagnostics.length;
  for (const d of fragment.diagnostics) diagnostics.push(d);
  if (fragment.aborted) {
    const what = binary ? `${fragmentPath} is binary, not a unit file` : `Unit ${requested} has a bad unit file`;
    return fail(unit, `${what}: ${fragment.aborted.message} (line ${fragment.aborted.line}).`, [
      failedToLoad(requested, abortErrno(fragment.aborted.message))
    ]);
  }
  const fatal = applyFile(state, fragment, ctx, knownKeys, route, lenient);
  if (fatal && fatal.diagnostic.message !== SILENT_EINVAL) diagnostics.push(fatal.diagnostic);
  inLineOrder(diagnostics, fragmentStart, fragment.diagnostics, lenient ? void 0 : fatal?.diagnostic.line);
  if (fatal) {
    if (!lenient)
      return fail(
        requested,
        `Unit ${requested} has a bad unit file setting: ${fatal.diagnostic.message}.`,
        fatal.errno === "ENOEXEC" ? badSetting(requested, FATAL_CONFIGURATION) : [failedToLoad(requested, fatal.errno)]
      );
  }
  const dropInCtx = { ...ctx, specifiers: { ...ctx.specifiers, unitName: unit } };
  const { dropInPaths } = unitFiles2;
  for (const p of dropInPaths) {
    const content = unitFiles2.read(p);
    if (content === null || content.length === 0) continue;
    const dropIn = parseUnitFile(content, p, sections, traits);
    files.push(dropIn);
    const start = diagnostics.length;
    for (const d of dropIn.diagnostics) diagnostics.push(d);
    const dropInFatal = applyFile(state, dropIn, dropInCtx, knownKeys, route, lenient);
    if (dropInFatal && dropInFatal.diagnostic.message !== SILENT_EINVAL) diagnostics.push(dropInFatal.diagnostic);
    inLineOrder(diagnostics, start, dropIn.diagnostics, lenient ? void 0 : dropInFatal?.diagnostic.line);
  }
  patchService(state, unit, traits);
  const triggerName = lenient || location.triggeredBy !== void 0 ? null : triggeredUnit(type, unit, state);
  const triggered = triggerName === null ? [] : triggeredMessages(source, joinPath(dirname(path), triggerName), traits, location, unit);
  const serviceReason = type === "service" && !lenient ? serviceRefusal(state, traits) : null;
  const refusal = lenient ? null : type === "service" ? serviceReason === null ? null : { bare: false, message: serviceReason } : otherTypeRefusal(type, unit, names2, state, traits);
  if (refusal) {
    const error = refusal.bare ? `Unit ${unit} ${refusal.message}` : refusal.message;
    return fail(
      unit,
      binary ? `${fragmentPath} is binary, not a unit file: ${error}` : error,
      refusal.bare ? [...triggered, said(`Unit ${unit} ${refusal.message}`)] : badSetting(unit, refusal.message, triggered)
    );
  }
  return { ok: true, unit, names: names2, fragmentPath, dropInPaths, links, files, state, diagnostics, triggered };
}
function triggeredUnit(type, unit, state) {
  const t = state.unitType;
  const stem = unit.slice(0, unit.lastIndexOf("."));
  if (type === "automount") return `${stem}.mount`;
  if (type === "timer" || type === "path") return t.triggerName === null ? `${stem}.service` : null;
  if (type !== "socket") return null;
  if (t.triggerName !== null) return t.triggerName;
  const nonAccepting = !t.accept || t.listeners.some((l) => l.kind !== "stream" && l.kind !== "seqpacket");
  return t.listeners.length > 0 && nonAccepting ? `${stem}.service` : null;
}
function triggeredMessages(source, path, traits, location, by) {
  let r;
  try {
    r = loadService(source, path, traits, { ...location, triggeredBy: by });
  } catch (e) {
    if (e instanceof UnreadableFile) return [];
    throw e;
  }
  if (r.ok) return [...r.diagnostics];
  return [...r.diagnostics, ...(r.log ?? []).slice(0, -1)];
}
function otherTypeRefusal(type, unit, names2, state, traits) {
  if (type === "slice" && !isValidSliceName(unit)) return { bare: true, message: LOAD_FAILED_EINVAL };
  return unitTypeRefusal(type, names2.includes(unit) ? names2 : [unit, ...names2], state, traits);
}
function applyFile(state, file, ctx, knownKeys, route, lenient) {
  let first;
  for (const a of file.assignments) {
    const parser = knownKeys.get(a.section)?.get(a.key);
    const handler = parser !== void 0 ? HANDLERS.get(route(a))?.get(a.key) : void 0;
    let fatal;
    let errno = "ENOEXEC";
    if (handler) {
      state.applied.push(a);
      fatal = handler(state, a, ctx);
      if (fatal === SILENT_EINVAL) errno = "EINVAL";
    } else if (parser !== void 0) {
      fatal = parserFailure(parser, a, ctx);
      if (fatal !== void 0) errno = parserErrno(parser, fatal);
      else {
        const compat = compatWarning(parser, a.key);
        if (compat !== null) ctx.warn(a, compat);
      }
    } else if (!a.key.startsWith("X-")) {
      ctx.warn(a, `Unknown key '${a.key}' in section [${a.section}], ignoring.`);
    }
    if (fatal === void 0) continue;
    first ??= { diagnostic: { file: a.file, line: a.line, severity: "error", message: fatal }, errno };
    if (!lenient) return first;
  }
  return first;
}
function inLineOrder(diagnostics, start, syntax, stop) {
  const of = diagnostics.slice(start);
  let kept = of;
  if (stop !== void 0) {
    const fromSyntax = new Set(syntax);
    kept = of.filter((d) => d.line <= stop || !fromSyntax.has(d));
  }
  let sorted = true;
  for (let i = 1; i < kept.length && sorted; i++) if (kept[i].line < kept[i - 1].line) sorted = false;
  if (sorted && kept.length === of.length) return;
  if (!sorted) kept.sort((a, b) => a.line - b.line);
  diagnostics.length = start;
  for (const d of kept) diagnostics.push(d);
}
function compatWarning(parser, key) {
  if (parser === "config_parse_warn_compat") return `Support for option ${key}= has been removed and it is ignored`;
  const instead = DEPRECATED_CGROUP_V1[parser];
  if (instead === void 0 || parser === "config_parse_memory_limit" && key !== "MemoryLimit") return null;
  return `Unit uses ${key}=; please use ${instead} instead. Support for ${key}= will be removed soon.`;
}
function bySection(entries) {
  const out = /* @__PURE__ */ new Map();
  for (const [qualified, value2] of entries) {
    const dot = qualified.indexOf(".");
    const section = qualified.slice(0, dot);
    let keys = out.get(section);
    if (!keys) out.set(section, keys = /* @__PURE__ */ new Map());
    keys.set(qualified.slice(dot + 1), value2);
  }
  return out;
}
var UNIT_CONTEXTS, CGROUP_KEYS, SERVICE_ONLY_KEYS, capitalize, STRERROR, said, failedToLoad, badSetting, FATAL_CONFIGURATION, knownKeysCache, typeProfiles, DEPRECATED_CGROUP_V1, HANDLERS;
var init_load = __esm({
  "src/service/load.ts"() {
    "use strict";
    init_syscalls();
    init_key_parsers_generated();
    init_names();
    init_source();
    init_syntax();
    init_unit_files();
    init_directives();
    init_exec_directives();
    init_parser_failures();
    init_patch();
    init_state();
    init_unit_type_settings();
    init_unit_type_verify();
    init_verify();
    UNIT_CONTEXTS = {
      service: { exec: true, cgroup: true },
      socket: { exec: true, cgroup: true },
      mount: { exec: true, cgroup: true },
      swap: { exec: true, cgroup: true },
      slice: { exec: false, cgroup: true },
      scope: { exec: false, cgroup: true }
    };
    CGROUP_KEYS = /* @__PURE__ */ new Set([
      "IPAddressAllow",
      "IPAddressDeny",
      "IPIngressFilterPath",
      "IPEgressFilterPath",
      "DeviceAllow",
      "DevicePolicy",
      "Delegate"
    ]);
    SERVICE_ONLY_KEYS = /* @__PURE__ */ new Set([
      "Type",
      "RemainAfterExit",
      "Restart",
      "ExitType",
      "BusName",
      "NotifyAccess",
      "RestartForceExitStatus",
      "PermissionsStartOnly",
      ...SERVICE_ONLY_EXEC_DIRECTIVES
    ]);
    capitalize = (s) => s[0].toUpperCase() + s.slice(1);
    STRERROR = {
      EINVAL: "Invalid argument",
      EBADMSG: "Bad message",
      ENOBUFS: "No buffer space available",
      ENOTUNIQ: "Name not unique on network",
      EBADSLT: "Invalid slot"
    };
    said = (message) => ({ file: "", line: 0, severity: "error", message, unlocated: true });
    failedToLoad = (unit, errno) => said(`Unit ${unit} failed to load properly, please adjust/correct and reload service manager: ${STRERROR[errno]}`);
    badSetting = (unit, refusal, triggered = []) => [
      said(`${unit}: ${refusal}`),
      ...triggered,
      said(`Unit ${unit} has a bad unit file setting.`)
    ];
    FATAL_CONFIGURATION = "Unit configuration has fatal error, unit will not be started.";
    knownKeysCache = /* @__PURE__ */ new Map();
    typeProfiles = /* @__PURE__ */ new Map();
    DEPRECATED_CGROUP_V1 = {
      config_parse_memory_limit: "MemoryMax=",
      config_parse_cpu_shares: "CPUWeight=",
      config_parse_blockio_device_weight: "IO*= settings",
      config_parse_blockio_bandwidth: "IO*= settings"
    };
    HANDLERS = bySection(DIRECTIVES);
  }
});

// src/service/security-info.ts
function securityInfo(s) {
  const allow = s.addressFamiliesAllowList;
  const restricted = {
    inet: allow,
    unix: allow,
    netlink: allow,
    packet: allow,
    other: allow
  };
  for (const af of s.addressFamilies ?? []) restricted[addressFamilyClass(af)] = !allow;
  const syscallFilter = s.syscallFilter ? filterNames(s.syscallFilter) : NO_SYSCALLS;
  const deny = s.ipAddressDeny;
  return {
    user: s.user,
    dynamicUser: s.dynamicUser,
    supplementaryGroups: s.supplementaryGroups,
    removeIpc: s.removeIpc,
    enabled: {
      PrivateDevices: s.privateDevices,
      // 254+: the unset tristate (-1) is non-zero, so the analyser counts it as enabled.
      PrivateMounts: s.privateMounts !== false,
      PrivateNetwork: s.privateNetwork,
      PrivateTmp: s.privateTmp !== "no",
      PrivateUsers: s.privateUsers !== "no",
      ProtectControlGroups: s.protectControlGroups !== "no",
      ProtectKernelModules: s.protectKernelModules,
      ProtectKernelTunables: s.protectKernelTunables,
      ProtectKernelLogs: s.protectKernelLogs,
      ProtectClock: s.protectClock,
      ProtectHostname: s.protectHostname !== "no",
      LockPersonality: s.lockPersonality,
      MemoryDenyWriteExecute: s.memoryDenyWriteExecute,
      NoNewPrivileges: s.noNewPrivileges,
      RestrictRealtime: s.restrictRealtime,
      RestrictSUIDSGID: s.restrictSuidSgid
    },
    protectHome: s.protectHome,
    protectSystem: s.protectSystem,
    protectProc: s.protectProc,
    procSubset: s.procSubset,
    keyringMode: s.keyringMode,
    notifyAccess: s.notifyAccess ?? "none",
    umask: s.umask,
    rootDirectory: s.rootDirectory,
    rootImage: s.rootImage,
    capabilityBoundingSetLow: Number(s.capabilityBoundingSet & 0xffffffffn),
    capabilityBoundingSetHigh: Number(s.capabilityBoundingSet >> 32n & 0xffffffffn),
    ambientCapabilities: s.ambientCapabilities,
    restrictNamespaces: s.restrictNamespaces === null ? 2147483647 : s.restrictNamespaces,
    addressFamilyRestricted: restricted,
    syscallArchitectures: s.syscallArchitectures,
    syscallFilterAllowList: s.syscallFilter?.allowList ?? false,
    syscallFilter,
    ipAddressDenyAll: deny.some((p) => p.family === 4 && p.prefixLength === 0) && deny.some((p) => p.family === 6 && p.prefixLength === 0),
    ipAddressAllowLocalhost: s.ipAddressAllow.some(isLocalhostPrefix),
    ipAddressAllowOther: s.ipAddressAllow.some((p) => !isLocalhostPrefix(p)),
    ipFiltersCustom: s.ipIngressFilterPaths > 0 || s.ipEgressFilterPaths > 0,
    devicePolicy: s.devicePolicy,
    deviceAllow: s.deviceAllow,
    delegate: s.delegate,
    defaultDependencies: s.defaultDependencies
  };
}
function filterNames(filter) {
  const { entries, allowList } = filter;
  if (!allowList) return entries;
  return { has: (name) => (entries.get(name) ?? 0) < 0, size: entries.countWithoutErrno() };
}
var NO_SYSCALLS;
var init_security_info = __esm({
  "src/service/security-info.ts"() {
    "use strict";
    init_linux_names();
    init_ip();
    NO_SYSCALLS = { has: () => false, size: 0 };
  }
});

// src/engine.ts
function assessUnitFile(source, path, options) {
  const traits = VERSION_TRAITS[options.version];
  let loaded;
  try {
    loaded = loadService(source, path, traits, options.location);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    return { ok: false, path, unit: null, error: e.message, diagnostics: [], log: [] };
  }
  if (!loaded.ok)
    return { ok: false, path, unit: loaded.unit, error: loaded.error, diagnostics: loaded.diagnostics, log: loaded.log };
  return assessLoaded(loaded, path, options);
}
function assessLoaded(service, path, options) {
  const info = securityInfo(service.state);
  const ctx = { info, syscalls: syscallTable(options.version) };
  const results = new Array(ASSESSORS.length);
  for (let i = 0; i < ASSESSORS.length; i++) results[i] = ASSESSORS[i].assess(ctx);
  try {
    const s = score(
      ASSESSORS,
      results,
      info.defaultDependencies,
      options.policy,
      VERSION_TRAITS[options.version].nullDescriptionRowFirst
    );
    return { ok: true, path, unit: service.unit, service, info, diagnostics: service.diagnostics, ...s };
  } catch (e) {
    if (!(e instanceof PolicyRangeError)) throw e;
    return { ok: false, path, unit: service.unit, error: e.message, diagnostics: service.diagnostics, log: [] };
  }
}
var init_engine = __esm({
  "src/engine.ts"() {
    "use strict";
    init_assessors();
    init_exposure();
    init_syscalls();
    init_versions();
    init_load();
    init_security_info();
    init_source();
  }
});

// src/unit/diagnostics.ts
function formatDiagnostic(d) {
  if (d.unlocated) return d.message;
  return d.line > 0 ? `${d.file}:${d.line}: ${d.message}` : `${d.file}: ${d.message}`;
}
var init_diagnostics = __esm({
  "src/unit/diagnostics.ts"() {
    "use strict";
  }
});

// src/cli/score-units.ts
function scoreUnits(source, job, out, warn, progress) {
  let failed = false;
  const style = job.style;
  job.render.begin(out);
  for (let i = 0; i < job.paths.length; i++) {
    const r = assessUnitFile(source, job.paths[i], job.assess);
    const messages = unitMessages(r, job.displayPath);
    if (!r.ok || r.exposure > job.threshold) failed = true;
    if (messages !== "") warn(messages);
    job.render.unit(r, i, out, style);
    progress?.(i + 1);
  }
  job.render.end(out);
  return { failed };
}
function unitMessages(r, displayPath) {
  let text2 = "";
  const line = (d) => `${formatDiagnostic(d.unlocated === true ? d : { ...d, file: displayPath(d.file) })}
`;
  for (const d of r.diagnostics) text2 += line(d);
  if (r.ok) {
    for (const d of r.service.triggered) text2 += line(d);
    return text2;
  }
  if (r.log !== void 0 && r.log.length > 0) for (const d of r.log) text2 += line(d);
  else text2 += `${r.path}: ${r.error}
`;
  return text2;
}
var init_score_units = __esm({
  "src/cli/score-units.ts"() {
    "use strict";
    init_engine();
    init_diagnostics();
  }
});

// src/cli/systemd-paths.ts
function shellWorkingDirectory(env, cwd) {
  const pwd = env.PWD;
  if (pwd === void 0 || !pwd.startsWith("/")) return cwd;
  try {
    const a = (0, import_node_fs2.statSync)(pwd);
    const b = (0, import_node_fs2.statSync)(cwd);
    return a.dev === b.dev && a.ino === b.ino ? pwd : cwd;
  } catch {
    return cwd;
  }
}
function systemdPath(path, cwd) {
  const absolute = path.startsWith("/") ? path : `${cwd}/${path}`;
  const parts2 = absolute.split("/").filter((p) => p !== "" && p !== ".");
  return `/${parts2.join("/")}`;
}
var import_node_fs2;
var init_systemd_paths = __esm({
  "src/cli/systemd-paths.ts"() {
    "use strict";
    import_node_fs2 = require("node:fs");
  }
});

// src/cli/terminal.ts
function colourEnabled(env, terminal) {
  const forced = env["SYSTEMD_COLORS"];
  if (forced !== void 0 && forced !== "") return !FALSE_WORDS3.test(forced);
  if (env["NO_COLOR"] !== void 0) return false;
  if (env["TERM"] === "dumb") return false;
  return terminal.stdout;
}
function emojiEnabled(env) {
  const forced = env["SYSTEMD_EMOJI"];
  if (forced !== void 0) return !FALSE_WORDS3.test(forced);
  const term = env["TERM"];
  return term !== void 0 && term !== "dumb" && term !== "linux";
}
function progressLine(terminal, total2, label, write) {
  if (!terminal.stderr || terminal.stdout || total2 < PROGRESS_MIN_UNITS) return { update() {
  }, clear() {
  } };
  let shown = false;
  return {
    update(done) {
      if (done % PROGRESS_STEP !== 0 && done !== total2) return;
      write(`\r${label} ${done}/${total2}`);
      shown = true;
    },
    clear() {
      if (shown) write("\r\x1B[K");
      shown = false;
    }
  };
}
function statusLine(terminal, write) {
  let shown = false;
  return {
    show(text2) {
      if (!terminal.stderr) return;
      write(`\r\x1B[K${text2}`);
      shown = true;
    },
    clear() {
      if (shown) write("\r\x1B[K");
      shown = false;
    }
  };
}
var NO_TERMINAL, FALSE_WORDS3, PROGRESS_MIN_UNITS, PROGRESS_STEP;
var init_terminal = __esm({
  "src/cli/terminal.ts"() {
    "use strict";
    NO_TERMINAL = { stdout: false, stderr: false };
    FALSE_WORDS3 = /^(0|no|n|false|f|off)$/i;
    PROGRESS_MIN_UNITS = 200;
    PROGRESS_STEP = 100;
  }
});

// src/diff/unit-paths.ts
function isDropInDirectory(dir) {
  const name = basename(dir);
  if (!name.endsWith(".d")) return false;
  const stem = name.slice(0, -2);
  return unitNameKind(stem) !== null || UNIT_TYPES.includes(stem);
}
function isEnablementDirectory(dir) {
  const name = basename(dir);
  const suffix = ENABLEMENT_SUFFIXES.find((s) => name.endsWith(s));
  return suffix !== void 0 && unitNameKind(name.slice(0, -suffix.length)) !== null;
}
function isUnitDirectory(dir) {
  return !isDropInDirectory(dir) && !isEnablementDirectory(dir);
}
function isUnitLikeName(name) {
  if (unitNameKind(name) !== null) return true;
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return false;
  if (unitNameKind(name.slice(0, dot)) !== null) return true;
  const second = name.lastIndexOf(".", dot - 1);
  return second > 0 && unitNameKind(name.slice(0, second)) !== null;
}
function isUnitRelevantPath(path) {
  const dir = dirname(path);
  return isUnitLikeName(basename(path)) || isDropInDirectory(path) || isDropInDirectory(dir) || isEnablementDirectory(dir);
}
function dropInDirectoryUnit(dir) {
  return isDropInDirectory(dir) ? basename(dir).slice(0, -2) : null;
}
var REVIEWED_TYPES, ENABLEMENT_SUFFIXES;
var init_unit_paths = __esm({
  "src/diff/unit-paths.ts"() {
    "use strict";
    init_names();
    init_source();
    REVIEWED_TYPES = ["service", "socket", "mount", "swap"];
    ENABLEMENT_SUFFIXES = [".wants", ".requires", ".upholds"];
  }
});

// src/cli/unit-args.ts
function unitArguments(source, args, maxEntries = MAX_LISTED_ENTRIES) {
  const paths = [];
  const problems = [];
  for (const arg of args) {
    if (unitNameKind(basename(arg)) !== null || source.list(arg) === null) {
      paths.push(arg);
      continue;
    }
    const found = unitFilesUnder(source, arg.length > 1 ? arg.replace(/\/+$/, "") : arg, maxEntries);
    if (found === null)
      problems.push(
        `${arg}: more than ${maxEntries} entries under this directory; name the directory that holds the units, or the unit files`
      );
    else if (found.length === 0)
      problems.push(
        `${arg}: no unit files under this directory (services, sockets, mounts and swaps named like units, outside drop-in directories)`
      );
    else paths.push(...found);
  }
  return { paths, problems };
}
function unitFilesUnder(source, root, maxEntries) {
  const out = [];
  const walked = /* @__PURE__ */ new Set();
  let listed3 = 0;
  const walk = (d) => {
    const names2 = source.list(d);
    const key = normalize2(d);
    if (names2 === null || walked.has(key)) return true;
    walked.add(key);
    listed3 += names2.length;
    if (listed3 > maxEntries) return false;
    const unitDir = isUnitDirectory(d);
    for (const name of [...names2].sort()) {
      const path = joinPath(d, name);
      const target = source.link(path);
      if (source.list(path) !== null) {
        if (skipped(path)) continue;
        if (target === null) {
          if (!walk(path)) return false;
        } else {
          const real = linkedDirectory(root, d, target);
          if (real !== null && !walk(real)) return false;
        }
        continue;
      }
      if (!unitDir || unitNameKind(name) === null || !REVIEWED_TYPES.includes(unitType(name))) continue;
      if (target !== null && unitNameKind(basename(target)) !== null && !target.includes("/")) continue;
      out.push(path);
    }
    return true;
  };
  return walk(root) ? out : null;
}
function linkedDirectory(root, dir, target) {
  if (target.startsWith("/")) return null;
  const real = normalize2(joinPath(dir, target));
  const top = normalize2(root);
  const inside = top === "/" || (top === "." ? real !== ".." && !real.startsWith("../") : real === top || real.startsWith(`${top}/`));
  return inside ? real : null;
}
var SKIPPED_DIRECTORIES, skipped, MAX_LISTED_ENTRIES;
var init_unit_args = __esm({
  "src/cli/unit-args.ts"() {
    "use strict";
    init_unit_paths();
    init_names();
    init_source_view();
    init_source();
    SKIPPED_DIRECTORIES = [
      "node_modules",
      ".git",
      "vendor",
      "third_party",
      "Godeps/_workspace"
    ];
    skipped = (path) => SKIPPED_DIRECTORIES.some((s) => path === s || path.endsWith(`/${s}`));
    MAX_LISTED_ENTRIES = 2e5;
  }
});

// src/recommend/unit-text.ts
function assignmentsOf(service, section, key) {
  return service.files.flatMap((f) => f.assignments.filter((a) => a.section === section && a.key === key));
}
function scalarValue(service, section, key) {
  const all = assignmentsOf(service, section, key);
  const last = all[all.length - 1];
  return last === void 0 || last.value === "" ? null : last.value;
}
function listValue(service, section, key) {
  let out = [];
  for (const a of assignmentsOf(service, section, key)) {
    if (a.value === "") out = [];
    else for (const w of extractWords(a.value, { unquote: true, relax: true }).words) out.push(w);
  }
  return out;
}
function isSet(service, section, key) {
  return assignmentsOf(service, section, key).length > 0;
}
function commandLines(service) {
  const order = ["ExecStart", ...EXEC_DIRECTIVES.filter((d) => d !== "ExecStart")];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const directive of order) {
    for (const c of service.state.exec[directive] ?? []) {
      if (seen.has(c.source)) continue;
      seen.add(c.source);
      const words2 = extractWords(c.source.value, { unquote: true, relax: true }).words;
      const first = words2.findIndex((w) => w.replace(/^[-@:+!]+/, "") !== "");
      out.push({
        directive,
        path: c.path,
        args: words2.slice(first + 1),
        fullyPrivileged: c.fullyPrivileged,
        noSetuid: c.noSetuid
      });
    }
  }
  return out;
}
var init_unit_text = __esm({
  "src/recommend/unit-text.ts"() {
    "use strict";
    init_exec_directives();
    init_words();
  }
});

// src/recommend/capabilities.ts
function keptCapabilities(c, removed = /* @__PURE__ */ new Set()) {
  const kept = /* @__PURE__ */ new Map();
  const keep = (name, why) => void (kept.has(name) || removed.has(name) || kept.set(name, why));
  const port = c.privilegedPorts[0];
  if (port) keep("CAP_NET_BIND_SERVICE", port.evidence);
  for (const [cat, caps] of KEPT_BY_CATEGORY) {
    const e = c.categories.get(cat);
    if (e) for (const k of caps) keep(k, e);
  }
  for (const k of capabilityNames(c.service.state.ambientCapabilities)) keep(k, "AmbientCapabilities= grants it");
  const drops = c.startsAsRootDespiteUser ?? c.dropsPrivileges;
  const socketActivated = c.sockets.some((x) => x.listens.length > 0);
  if (drops && c.network && !socketActivated)
    keep(
      "CAP_NET_BIND_SERVICE",
      `${c.network}, and it may bind a port below 1024 per its configuration before it drops privileges`
    );
  return kept;
}
function capabilities2(c, nonRoot, ambientAfter, removed = /* @__PURE__ */ new Set()) {
  const current = c.service.state.capabilityBoundingSet;
  if (isSet(c.service, "Service", "CapabilityBoundingSet")) {
    return {
      kind: "skip",
      reason: "the unit already limits its capabilities; narrowing the set further needs knowledge of the daemon"
    };
  }
  if (nonRoot && !c.startsAsRootDespiteUser) {
    const helper = c.categories.get("setuid-helper");
    if (helper) return { kind: "skip", reason: `${helper}: setuid/setgid helpers are limited by the bounding set too` };
    const wanted = ambientAfter & current;
    if (wanted === current) return { kind: "in-effect" };
    const names2 = capabilityNames(wanted);
    return {
      kind: "set",
      value: names2.join(" "),
      caps: wanted,
      deny: false,
      risk: "medium",
      reason: names2.length === 0 ? "a non-root service holds no capabilities; an empty bounding set only stops it regaining some through setuid or file-capability binaries" : `a non-root service needs only its ambient capabilities (${names2.join(" ")})`
    };
  }
  if (c.runtime.kind === "shell") {
    return { kind: "skip", reason: `${c.runtime.evidence}: what a script running as root needs is unknown` };
  }
  const kept = keptCapabilities(c, removed);
  const why = [...kept].map(([k, e]) => `${k} (${e})`).join("; ");
  const drops = c.startsAsRootDespiteUser ?? c.dropsPrivileges;
  if (drops) {
    const allowed = (capabilitySetOf(DROPPER_CAPS) | capabilitySetOf([...kept.keys()])) & current & ~capabilitySetOf([...removed]);
    if (allowed === current) return { kind: "in-effect" };
    return {
      kind: "set",
      value: capabilityNames(allowed).join(" "),
      caps: allowed,
      deny: false,
      risk: "high",
      reason: `${drops}: keeps what switching users and managing its files need (${DROPPER_CAPS.join(" ")})${why ? `, plus ${why}` : ""}`
    };
  }
  const denied = capabilitySetOf(RARELY_NEEDED.filter((k) => !kept.has(k))) & current;
  if (denied === 0n) return { kind: "in-effect" };
  return {
    kind: "set",
    value: `~${capabilityNames(denied).join(" ")}`,
    caps: denied,
    deny: true,
    risk: "high",
    reason: `a root service with no known capability list: denies the ones it has no evident use for${why ? `; keeps ${why}` : ""}`
  };
}
function ambientCapabilities2(c) {
  const port = c.privilegedPorts[0];
  if (!port) return null;
  if ((c.service.state.ambientCapabilities & capabilitySet("CAP_NET_BIND_SERVICE")) !== 0n) return null;
  return {
    names: ["CAP_NET_BIND_SERVICE"],
    reason: `${port.evidence}: a non-root service needs CAP_NET_BIND_SERVICE to bind ports below 1024`
  };
}
var DROPPER_CAPS, RARELY_NEEDED, KEPT_BY_CATEGORY;
var init_capabilities3 = __esm({
  "src/recommend/capabilities.ts"() {
    "use strict";
    init_linux_names();
    init_unit_text();
    DROPPER_CAPS = [
      "CAP_SETUID",
      "CAP_SETGID",
      "CAP_CHOWN",
      "CAP_DAC_OVERRIDE",
      "CAP_FOWNER",
      "CAP_KILL",
      "CAP_SYS_RESOURCE"
    ];
    RARELY_NEEDED = [
      "CAP_SYS_ADMIN",
      "CAP_SYS_PTRACE",
      "CAP_SYS_MODULE",
      "CAP_SYS_RAWIO",
      "CAP_SYS_BOOT",
      "CAP_MKNOD",
      "CAP_MAC_ADMIN",
      "CAP_MAC_OVERRIDE",
      "CAP_AUDIT_CONTROL",
      "CAP_AUDIT_READ",
      "CAP_LINUX_IMMUTABLE",
      "CAP_SYS_PACCT",
      "CAP_SYS_TTY_CONFIG",
      "CAP_BPF",
      "CAP_PERFMON",
      "CAP_BLOCK_SUSPEND",
      "CAP_WAKE_ALARM",
      "CAP_SYS_TIME",
      "CAP_SYSLOG"
    ];
    KEPT_BY_CATEGORY = [
      ["time", ["CAP_SYS_TIME"]],
      ["network-manager", ["CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_SYS_MODULE"]],
      ["packet", ["CAP_NET_RAW"]],
      ["tun", ["CAP_NET_ADMIN"]],
      ["log-collector", ["CAP_SYSLOG", "CAP_DAC_READ_SEARCH"]],
      ["backup", ["CAP_DAC_READ_SEARCH"]],
      ["monitoring", ["CAP_SYS_PTRACE", "CAP_DAC_READ_SEARCH", "CAP_SYS_RAWIO", "CAP_PERFMON", "CAP_BPF"]],
      ["device", ["CAP_SYS_RAWIO", "CAP_MKNOD", "CAP_SYS_ADMIN"]],
      ["mounter", ["CAP_SYS_ADMIN"]],
      [
        "security-agent",
        [
          "CAP_SYS_ADMIN",
          "CAP_DAC_READ_SEARCH",
          "CAP_SYS_PTRACE",
          "CAP_AUDIT_CONTROL",
          "CAP_AUDIT_READ",
          "CAP_AUDIT_WRITE"
        ]
      ],
      ["modules", ["CAP_SYS_MODULE"]],
      ["audio", ["CAP_SYS_NICE"]],
      ["realtime", ["CAP_SYS_NICE"]],
      ["chroot", ["CAP_SYS_CHROOT"]]
    ];
  }
});

// src/recommend/catalogue.ts
function oldestHonouring(since) {
  const v = oldestSupportedSince(since);
  if (v === void 0) throw new Error(`no supported systemd version honours a value added in ${since}`);
  return v;
}
function catalogueEntry(id) {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`no catalogue entry ${id}`);
  return e;
}
function honouredByFleet(e, fleet) {
  return targetHas(fleet, e.since);
}
var RISKS, PHASES, rowsWithPrefix, CAPABILITY_ROWS, NAMESPACE_ROWS, SYSCALL_ROWS, entry, CATALOGUE, BY_ID;
var init_catalogue = __esm({
  "src/recommend/catalogue.ts"() {
    "use strict";
    init_assessors();
    init_versions();
    RISKS = ["low", "medium", "high"];
    PHASES = [
      {
        id: "basics",
        name: "Low-risk trio",
        summary: "No privilege gain through exec, a private /tmp, no access to home directories."
      },
      {
        id: "kernel",
        name: "Kernel surface",
        summary: "Read-only kernel tunables and cgroups, no module loading, clock or hostname changes, no SUID/SGID files, no realtime, native ABI only."
      },
      {
        id: "filesystem",
        name: "Filesystem",
        summary: "A read-only OS tree with explicit write locations, and no raw devices."
      },
      { id: "identity", name: "Identity", summary: "Run under a non-root identity." },
      {
        id: "privileges",
        name: "Capabilities and system calls",
        summary: "The smallest capability set, no namespaces, a system-call allow-list."
      },
      { id: "network", name: "Network", summary: "Only the socket families and IP ranges the service uses." }
    ];
    rowsWithPrefix = (prefix2) => ASSESSORS.filter((a) => a.id.startsWith(prefix2)).map((a) => a.id);
    CAPABILITY_ROWS = rowsWithPrefix("CapabilityBoundingSet=");
    NAMESPACE_ROWS = rowsWithPrefix("RestrictNamespaces=");
    SYSCALL_ROWS = rowsWithPrefix("SystemCallFilter=");
    entry = (e) => ({
      ...e,
      id: `${e.directive}=${e.value}`,
      minVersion: oldestHonouring(e.since)
    });
    CATALOGUE = [
      entry({
        directive: "NoNewPrivileges",
        value: "yes",
        phase: "basics",
        risk: "low",
        since: 187,
        protects: "Privilege gain through setuid/setgid binaries and file capabilities after exec, for the service and every child.",
        breaks: "Anything that execs sudo, su, pkexec, sendmail/postdrop (mail alerts), fusermount, newuidmap, ping on old distributions, or setcap'd binaries.",
        notes: "Implied by DynamicUser=. Up to v254 seccomp options imply it for services without CAP_SYS_ADMIN; from v255 only the explicit setting counts.",
        improves: ["NoNewPrivileges="]
      }),
      entry({
        directive: "PrivateTmp",
        value: "yes",
        phase: "basics",
        risk: "low",
        since: 209,
        protects: "/tmp races and snooping between services; leftovers are removed on stop.",
        breaks: "Sharing files or sockets through /tmp or /var/tmp with other programs; a PIDFile= under /tmp.",
        notes: "Sets up a mount namespace (mount propagation to the host is cut) and orders the unit after the /tmp mounts.",
        improves: ["PrivateTmp="]
      }),
      entry({
        directive: "PrivateTmp",
        value: "disconnected",
        phase: "basics",
        risk: "low",
        since: 257,
        protects: "/tmp races and snooping between services, with a fresh tmpfs and no dependency on the host's /tmp and /var/tmp mounts.",
        breaks: "Sharing files or sockets through /tmp or /var/tmp; JoinsNamespaceOf= sharing of one private /tmp.",
        notes: "Older systemd ignores the whole line with a warning, leaving /tmp shared.",
        improves: ["PrivateTmp="]
      }),
      entry({
        directive: "ProtectHome",
        value: "yes",
        phase: "basics",
        risk: "low",
        since: 214,
        protects: "User data, SSH keys, dotfiles and /root credentials; also hides /run/user.",
        breaks: "Programs, virtualenvs, data or configuration under /home or /root; mail delivery to ~/Maildir; backup of home directories.",
        improves: ["ProtectHome="]
      }),
      entry({
        directive: "ProtectHome",
        value: "read-only",
        phase: "basics",
        risk: "medium",
        since: 214,
        protects: "Home directories and /root against modification.",
        breaks: "Writes under /home or /root (list them in ReadWritePaths=).",
        improves: ["ProtectHome="]
      }),
      entry({
        directive: "ProtectKernelTunables",
        value: "yes",
        phase: "kernel",
        risk: "medium",
        since: 232,
        protects: "Writes to /proc/sys, /sys and /proc/sysrq-trigger; hides /proc/kallsyms and /proc/kcore.",
        breaks: "Runtime kernel tuning: sysctl in ExecStartPre, network managers and VPNs (/proc/sys/net), power and IRQ tuning daemons, container engines, eBPF agents.",
        improves: ["ProtectKernelTunables="]
      }),
      entry({
        directive: "ProtectKernelModules",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 232,
        protects: "Explicit kernel module loading and unloading; drops CAP_SYS_MODULE.",
        breaks: "modprobe/insmod in Exec lines (docker, zfs, wireguard, nvidia, VirtualBox helpers); reading /usr/lib/modules.",
        improves: ["ProtectKernelModules=", "CapabilityBoundingSet=~CAP_SYS_MODULE"]
      }),
      entry({
        directive: "ProtectKernelLogs",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 244,
        protects: "Reading or writing the kernel ring buffer; drops CAP_SYSLOG.",
        breaks: "Syslog daemons and log shippers reading /dev/kmsg, hardware-error daemons, dmesg-reading agents.",
        improves: ["ProtectKernelLogs=", "CapabilityBoundingSet=~CAP_SYSLOG"]
      }),
      entry({
        directive: "ProtectControlGroups",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 232,
        protects: "Writes to /sys/fs/cgroup (escaping resource limits, moving processes).",
        breaks: "Container engines, kubelet, LXC, systemd-nspawn, anything with Delegate=.",
        improves: ["ProtectControlGroups="]
      }),
      entry({
        directive: "ProtectClock",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 245,
        protects: "Setting the system or hardware clock and wake alarms; drops CAP_SYS_TIME and CAP_WAKE_ALARM.",
        breaks: "Time daemons (chronyd, ntpd, timesyncd, ptp4l) and readers of adjtimex() state such as node_exporter's timex collector.",
        notes: "Adds DeviceAllow=char-rtc r, which turns a closed device policy into an allow-list (score 5 instead of 0 on the DeviceAllow= row).",
        improves: ["ProtectClock=", "CapabilityBoundingSet=~CAP_SYS_TIME", "CapabilityBoundingSet=~CAP_WAKE_ALARM"]
      }),
      entry({
        directive: "ProtectHostname",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 242,
        protects: "Changing the host or domain name (private UTS namespace).",
        breaks: "Hostname setters (DHCP clients, network managers, cloud-init) and services that must see hostname changes at runtime (mDNS, clusters).",
        improves: ["ProtectHostname="]
      }),
      entry({
        directive: "RestrictSUIDSGID",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 242,
        protects: "Creating setuid/setgid files or setgid directories (persistence, escalation).",
        breaks: "Package managers and installers, backup restores preserving modes, container image unpacking, shared-group directories with g+s.",
        improves: ["RestrictSUIDSGID="]
      }),
      entry({
        directive: "RestrictRealtime",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 231,
        protects: "CPU starvation through realtime scheduling.",
        breaks: "Audio servers, time daemons with a scheduling priority, cluster stacks, VoIP, anything with CPUSchedulingPolicy=fifo/rr.",
        improves: ["RestrictRealtime="]
      }),
      entry({
        directive: "LockPersonality",
        value: "yes",
        phase: "kernel",
        risk: "low",
        since: 235,
        protects: "Switching execution domain (READ_IMPLIES_EXEC, ASLR off).",
        breaks: "setarch/linux32 wrappers, Wine, some emulators.",
        improves: ["LockPersonality="]
      }),
      entry({
        directive: "SystemCallArchitectures",
        value: "native",
        phase: "kernel",
        risk: "low",
        since: 209,
        protects: "Bypassing seccomp filters through a secondary ABI (i386, x32).",
        breaks: "32-bit binaries on 64-bit hosts (game servers, legacy vendor agents, 32-bit Wine).",
        improves: ["SystemCallArchitectures="]
      }),
      entry({
        directive: "ProtectSystem",
        value: "strict",
        phase: "filesystem",
        risk: "high",
        since: 214,
        protects: "Tampering with the OS and persistence: the whole tree is read-only except the write locations listed with it.",
        breaks: "Every write location the unit does not declare: /var/lib, /var/log, /var/cache, /var/spool, /run, install directories under /opt, self-updaters.",
        notes: "Paired with StateDirectory=/LogsDirectory=/CacheDirectory=/RuntimeDirectory= or ReadWritePaths= for the locations the unit mentions.",
        improves: ["ProtectSystem="]
      }),
      entry({
        directive: "ProtectSystem",
        value: "full",
        phase: "filesystem",
        risk: "medium",
        since: 214,
        protects: "/usr, /boot, /efi and /etc against modification.",
        breaks: "Writes to /etc (certificate renewals into /etc, resolv.conf managers, key generation on first start).",
        improves: ["ProtectSystem="]
      }),
      entry({
        directive: "StateDirectory",
        value: "<name>",
        phase: "filesystem",
        risk: "medium",
        since: 235,
        protects: "Keeps /var/lib/<name> writable under ProtectSystem=strict.",
        breaks: "systemd creates the directory and chowns it (recursively if the owner differs) to the service user.",
        improves: []
      }),
      entry({
        directive: "LogsDirectory",
        value: "<name>",
        phase: "filesystem",
        risk: "medium",
        since: 235,
        protects: "Keeps /var/log/<name> writable under ProtectSystem=strict.",
        breaks: "systemd creates the directory and chowns it to the service user.",
        improves: []
      }),
      entry({
        directive: "CacheDirectory",
        value: "<name>",
        phase: "filesystem",
        risk: "medium",
        since: 235,
        protects: "Keeps /var/cache/<name> writable under ProtectSystem=strict.",
        breaks: "systemd creates the directory and chowns it to the service user.",
        improves: []
      }),
      entry({
        directive: "RuntimeDirectory",
        value: "<name>",
        phase: "filesystem",
        risk: "medium",
        since: 211,
        protects: "Gives the service its own writable /run/<name> under ProtectSystem=strict.",
        breaks: "The directory is created on start, owned by the service user, and removed on stop.",
        improves: []
      }),
      entry({
        directive: "RuntimeDirectoryPreserve",
        value: "yes",
        phase: "filesystem",
        risk: "low",
        since: 235,
        protects: "Keeps /run/<name> across stops, as a directory made by hand or by tmpfiles.d was, so sibling units and clients sharing it keep working.",
        breaks: "Nothing; files left in it survive a restart.",
        improves: []
      }),
      entry({
        directive: "ReadWritePaths",
        value: "-<path>",
        phase: "filesystem",
        risk: "medium",
        since: 231,
        protects: "Keeps one path writable under ProtectSystem=strict without changing its ownership.",
        breaks: 'Nothing by itself; the leading "-" skips a path that does not exist instead of failing the start.',
        improves: []
      }),
      entry({
        directive: "PrivateDevices",
        value: "yes",
        phase: "filesystem",
        risk: "medium",
        since: 209,
        protects: "Raw hardware access (/dev/mem, disks, GPUs, serial ports); drops CAP_MKNOD and CAP_SYS_RAWIO; closes the device policy.",
        breaks: "GPUs, /dev/kvm, /dev/net/tun, /dev/fuse, serial/USB devices, block devices, /dev/rtc, TPMs, sound; executable mappings of /dev/zero.",
        improves: [
          "PrivateDevices=",
          "CapabilityBoundingSet=~CAP_MKNOD",
          "CapabilityBoundingSet=~CAP_SYS_RAWIO",
          "DeviceAllow="
        ]
      }),
      entry({
        directive: "PrivateMounts",
        value: "yes",
        phase: "filesystem",
        risk: "low",
        since: 239,
        protects: "Mounts made by the service leaking to the host.",
        breaks: "Services whose job is to create host-visible mounts (nothing more than the other namespace options already do).",
        notes: "Only changes the score on systemd 252: from 254 on the offline analyser already counts an unset PrivateMounts= as enabled.",
        improves: ["PrivateMounts="]
      }),
      entry({
        directive: "User",
        value: "<name>",
        phase: "identity",
        risk: "high",
        since: 1,
        protects: "Root compromise becoming host compromise: the kernel's DAC model confines the service to its own files.",
        breaks: "Privileged ports (needs AmbientCapabilities=CAP_NET_BIND_SERVICE), root-owned secrets, daemons that start as root and drop privileges themselves.",
        notes: "The account must exist (sysusers.d); files the service owns must belong to it.",
        improves: ["User=/DynamicUser="]
      }),
      entry({
        directive: "DynamicUser",
        value: "yes",
        phase: "identity",
        risk: "high",
        since: 232,
        protects: "Runs under a transient non-root user, with ProtectSystem=strict, ProtectHome=read-only, PrivateTmp, RemoveIPC, NoNewPrivileges and RestrictSUIDSGID implied.",
        breaks: "Files written outside StateDirectory=/CacheDirectory=/LogsDirectory=, getpwuid() without nss-systemd, D-Bus policies keyed on a user name, early-boot services.",
        improves: [
          "User=/DynamicUser=",
          "NoNewPrivileges=",
          "PrivateTmp=",
          "ProtectSystem=",
          "ProtectHome=",
          "RestrictSUIDSGID=",
          "RemoveIPC="
        ]
      }),
      entry({
        directive: "AmbientCapabilities",
        value: "<capabilities>",
        phase: "identity",
        risk: "medium",
        since: 229,
        protects: "Lets a non-root service keep the one privilege it needs (e.g. binding ports below 1024) instead of running as root.",
        breaks: "Nothing; it grants privileges (the analyser counts any ambient capability against the service).",
        improves: []
      }),
      entry({
        directive: "RemoveIPC",
        value: "yes",
        phase: "identity",
        risk: "medium",
        since: 232,
        protects: "SysV/POSIX IPC objects of the service user surviving the service.",
        breaks: "IPC objects other units or sessions of the same user still need after the service stops.",
        improves: ["RemoveIPC="]
      }),
      entry({
        directive: "ProtectProc",
        value: "invisible",
        phase: "identity",
        risk: "medium",
        since: 247,
        protects: "Hides other users' processes in /proc from a non-root service.",
        breaks: "Process monitors and tools that look at other users' processes (pgrep, pidof, psutil supervisors).",
        notes: "Root and CAP_SYS_PTRACE bypass it, so it is only suggested for non-root services. Needs Linux 5.8.",
        improves: ["ProtectProc="]
      }),
      entry({
        directive: "CapabilityBoundingSet",
        value: "",
        phase: "privileges",
        risk: "medium",
        since: 209,
        protects: "Every capability a non-root service could regain through setuid or file-capability binaries.",
        breaks: "Non-root services that exec setuid or setcap'd helpers (sudo, ping on old distributions, dumpcap).",
        improves: CAPABILITY_ROWS
      }),
      entry({
        directive: "CapabilityBoundingSet",
        value: "<capabilities>",
        phase: "privileges",
        risk: "high",
        since: 209,
        protects: "Every capability outside the listed ones, for the whole process tree.",
        breaks: "Any privileged operation the daemon needs and the list misses (reading other users' files, chown, signalling workers, raising limits).",
        notes: "Lines merge: an existing set is reset with an empty assignment first, so the list replaces it.",
        improves: CAPABILITY_ROWS
      }),
      entry({
        directive: "CapabilityBoundingSet",
        value: "~<capabilities>",
        phase: "privileges",
        risk: "high",
        since: 209,
        protects: "The listed, rarely needed capabilities (administration, ptrace, modules, raw I/O, MAC, audit control, boot).",
        breaks: "Daemons that do need one of the listed capabilities.",
        improves: CAPABILITY_ROWS
      }),
      entry({
        directive: "RestrictNamespaces",
        value: "yes",
        phase: "privileges",
        risk: "medium",
        since: 233,
        protects: "Creating or entering namespaces; user namespaces are a large kernel attack surface.",
        breaks: "Browser sandboxes (Chromium, Electron, Puppeteer), bubblewrap/firejail, container tools, `ip netns`, nsenter.",
        improves: NAMESPACE_ROWS
      }),
      entry({
        directive: "SystemCallFilter",
        value: "@system-service",
        phase: "privileges",
        risk: "high",
        since: 239,
        protects: "The kernel system-call surface outside what ordinary services use: mount, modules, raw I/O, reboot, swap, clock, debugging, obsolete calls.",
        breaks: "chroot()ing daemons, ptrace-based tools, clock setters, mount helpers, bpf() users; unusual calls the filter misses.",
        notes: "Extra groups or calls the unit evidently needs (@clock for time daemons, chroot, @mount) are appended. Verify with SystemCallLog= or strace on a canary.",
        improves: SYSCALL_ROWS
      }),
      entry({
        directive: "SystemCallErrorNumber",
        value: "EPERM",
        phase: "privileges",
        risk: "low",
        since: 209,
        protects: "Turns a filtered call into an EPERM error instead of killing the process with SIGSYS.",
        breaks: "Nothing; programs degrade instead of dying.",
        improves: []
      }),
      entry({
        directive: "MemoryDenyWriteExecute",
        value: "yes",
        phase: "privileges",
        risk: "medium",
        since: 231,
        protects: "Writable and executable memory, a common exploitation step (shellcode in heap or stack).",
        breaks: "JIT runtimes (Java, Node.js, .NET, PHP PCRE JIT, Erlang, LuaJIT, PyPy), executable stacks, and every child process that uses them.",
        improves: ["MemoryDenyWriteExecute="]
      }),
      entry({
        directive: "RestrictAddressFamilies",
        value: "<families>",
        phase: "network",
        risk: "medium",
        since: 211,
        protects: "Socket families the service does not use; AF_PACKET gives raw layer-2 access, exotic families are the usual kernel-bug path.",
        breaks: "Forgetting AF_NETLINK (getifaddrs(), Go/Node/Java interface listing), AF_UNIX (syslog, D-Bus), AF_PACKET (DHCP, capture).",
        notes: "Does not affect sockets passed in by socket activation.",
        improves: rowsWithPrefix("RestrictAddressFamilies=")
      }),
      entry({
        directive: "IPAddressDeny",
        value: "any",
        phase: "network",
        risk: "high",
        since: 235,
        protects: "IP traffic in and out of the whole cgroup: a compromised service cannot call home or scan.",
        breaks: "Any IP peer not listed in IPAddressAllow=: DNS, NTP, downloads, SMTP relays, cloud metadata.",
        improves: ["IPAddressDeny="]
      }),
      entry({
        directive: "IPAddressAllow",
        value: "localhost",
        phase: "network",
        risk: "medium",
        since: 235,
        protects: "Limits IP traffic to the loopback addresses when paired with IPAddressDeny=any.",
        breaks: "Peers on other addresses.",
        improves: []
      })
    ];
    BY_ID = new Map(CATALOGUE.map((e) => [e.id, e]));
  }
});

// src/recommend/checks.ts
function checkOf(directive) {
  const c = CHECKS2[directive];
  if (!c) throw new Error(`no check for ${directive}`);
  return c;
}
var CHECKS2, OBSERVATIONS;
var init_checks = __esm({
  "src/recommend/checks.ts"() {
    "use strict";
    CHECKS2 = {
      NoNewPrivileges: {
        looked: "sudo, su, ping, sendmail or other setuid helper in its command lines",
        asks: "does it, or anything it starts, run sudo, su, ping, sendmail or a setcap'd program?",
        observe: "children"
      },
      PrivateTmp: {
        looked: "/tmp or /var/tmp path, and its program is not known to keep data or sockets there",
        asks: "does its configuration keep data or a Unix socket in /tmp or /var/tmp, or share files there with another program?",
        observe: "tmp"
      },
      ProtectHome: {
        looked: "path under /home, /root or /run/user",
        asks: "does it read or write anything under /home, /root or /run/user (data, virtualenvs, configuration)?",
        observe: "writes"
      },
      ProtectKernelTunables: {
        looked: "sysctl call or /proc/sys, /sys path",
        asks: "does it write /proc/sys or /sys (sysctl, interface or power tuning)?",
        observe: "kernel"
      },
      ProtectKernelModules: {
        looked: "modprobe or insmod in its command lines",
        asks: "does it, or anything it starts, load kernel modules?",
        observe: "kernel"
      },
      ProtectKernelLogs: {
        looked: "/dev/kmsg or kernel-log reader",
        asks: "does it read the kernel log (/dev/kmsg, dmesg)?",
        observe: "devices"
      },
      ProtectControlGroups: {
        looked: "Delegate= or container manager",
        asks: "does it, or anything it starts, write to /sys/fs/cgroup?",
        observe: "kernel"
      },
      ProtectClock: {
        looked: "time daemon or clock reader",
        asks: "does it set the clock or read adjtimex() state (time daemons, timex collectors)?",
        observe: "syscalls"
      },
      ProtectHostname: {
        looked: "hostname setter",
        asks: "does it set the hostname, or must it see hostname changes while it runs?",
        observe: "syscalls"
      },
      RestrictSUIDSGID: {
        looked: "installer, backup or restore program",
        asks: "does it, or anything it starts, create setuid/setgid files or setgid directories?",
        observe: "writes"
      },
      RestrictRealtime: {
        looked: "realtime scheduling (CPUSchedulingPolicy=fifo/rr, audio, time daemons)",
        asks: "does it, or anything it starts, ask for realtime scheduling?",
        observe: "syscalls"
      },
      LockPersonality: {
        looked: "setarch, Wine or other execution-domain switcher",
        asks: "does anything it starts switch execution domain (setarch, linux32, Wine)?",
        observe: "children"
      },
      SystemCallArchitectures: {
        looked: "32-bit program",
        asks: "does it, or anything it starts, run 32-bit binaries?",
        observe: "children"
      },
      ProtectSystem: {
        looked: "write location it would lose",
        asks: "which directories does it write (data, cache, logs, sockets: see its configuration)? add them to ReadWritePaths=, then uncomment",
        observe: "writes"
      },
      StateDirectory: {
        looked: "conflicting owner",
        asks: "is /var/lib/<name> where it keeps its data?",
        observe: "writes"
      },
      LogsDirectory: {
        looked: "conflicting owner",
        asks: "is /var/log/<name> where it writes its logs?",
        observe: "writes"
      },
      CacheDirectory: { looked: "conflicting owner", asks: "is /var/cache/<name> its cache?", observe: "writes" },
      RuntimeDirectory: {
        looked: "conflicting owner",
        asks: "is /run/<name> where it keeps its sockets and PID file?",
        observe: "writes"
      },
      RuntimeDirectoryPreserve: { looked: "conflict", asks: "do other units use its /run directory?", observe: "sockets" },
      ReadWritePaths: {
        looked: "conflict",
        asks: "are these the directories it writes? remove the ones it does not use, add the ones its configuration names",
        observe: "writes"
      },
      PrivateDevices: {
        looked: "device path, DeviceAllow= or device group",
        asks: "does it, or anything it starts, open a device (/dev/net/tun, /dev/ipmi0, disks for SMART, GPUs, /dev/fuse)?",
        observe: "devices"
      },
      PrivateMounts: { looked: "mount helper", asks: "must mounts it makes be visible on the host?", observe: "kernel" },
      User: {
        looked: "root-only need",
        asks: "does it need root for anything (low ports, root-owned files)?",
        observe: "capabilities"
      },
      DynamicUser: {
        looked: "root-only need or data outside systemd-managed directories",
        asks: "does it keep data outside StateDirectory=, CacheDirectory= and LogsDirectory=?",
        observe: "writes"
      },
      AmbientCapabilities: { looked: "conflict", asks: "does it need this privilege?", observe: "capabilities" },
      RemoveIPC: {
        looked: "account shared with other units",
        asks: "do other services or sessions of its user share SysV/POSIX IPC objects with it?",
        observe: "children"
      },
      ProtectProc: { looked: "process monitor", asks: "does it inspect other users' processes?", observe: "children" },
      CapabilityBoundingSet: {
        looked: "capability need beyond the ones kept",
        asks: "which privileges does it, or anything it starts, use (low ports, chroot, raw I/O, ptrace)?",
        observe: "capabilities"
      },
      RestrictNamespaces: {
        looked: "sandboxing or namespace tool",
        asks: "does it, or anything it starts, create namespaces (browsers, bubblewrap, containers, ip netns)?",
        observe: "syscalls"
      },
      SystemCallFilter: {
        looked: "chroot, mount, ptrace, perf or eBPF use",
        asks: "does it, or anything it starts, call chroot, mount, ptrace, perf_event_open or bpf?",
        observe: "syscalls"
      },
      SystemCallErrorNumber: {
        looked: "conflict",
        asks: "should a filtered call fail with EPERM rather than kill the process?",
        observe: "syscalls"
      },
      MemoryDenyWriteExecute: {
        looked: "JIT runtime (Java, Node.js, PHP, Erlang, LuaJIT)",
        asks: "does it, or anything it starts, use a JIT (Java, Node.js, PHP PCRE JIT, LuaJIT, Erlang)?",
        observe: "children"
      },
      RestrictAddressFamilies: {
        looked: "socket family beyond the ones listed",
        asks: "which socket families does it use (netlink, packet, bluetooth, vsock)?",
        observe: "sockets"
      },
      IPAddressDeny: {
        looked: "network use",
        asks: "which IP peers does it talk to (DNS, NTP, metadata, clients)?",
        observe: "sockets"
      },
      IPAddressAllow: {
        looked: "peer outside the loopback",
        asks: "does it talk to any peer outside localhost?",
        observe: "sockets"
      }
    };
    OBSERVATIONS = {
      writes: 'writes: strace -f -qq -e trace=%file -e status=successful -p PID 2>&1 | grep -E "O_(WRONLY|RDWR|CREAT)|mkdir|rename|unlink" (or a canary with ProtectSystem=strict: journalctl -u UNIT | grep -i "read-only file system")',
      tmp: '/tmp: ls -l /proc/PID/fd /proc/PID/cwd | grep -E " /(var/)?tmp/"; ss -xlp | grep "pid=PID,"',
      devices: 'devices: ls -l /proc/PID/fd | grep " /dev/"',
      children: "what it starts: systemd-cgls --no-pager -u UNIT (each workload, helper and plugin, with its user)",
      syscalls: "system calls: strace -f -qq -c -p PID for a working day (or SystemCallLog=~@system-service on a canary, then journalctl -u UNIT)",
      capabilities: "capabilities: grep Cap /proc/PID/status; capsh --decode=<CapEff>",
      sockets: 'sockets: ss -tulpnx | grep "pid=PID,"',
      kernel: 'kernel interfaces: strace -f -qq -e trace=%file -p PID 2>&1 | grep -E "/(proc/sys|sys)/.*O_(WRONLY|RDWR)|finit_module|mount"'
    };
  }
});

// src/recommend/paths.ts
function pathsIn(text2) {
  const out = [];
  for (const m of text2.matchAll(/(?:^|[=:,\-+\s])(\/[^\s=:,;'"()<>|&]*)/g)) {
    const p = m[1];
    if (p.length > 1 && !p.startsWith("//")) out.push(p);
  }
  return out;
}
function normalizePath(p) {
  if (/[$*?\\`]/.test(p) || /%[^iInNpPjJ]/.test(p) || p.endsWith("%")) return null;
  const parts2 = p.split("/").filter((s) => s !== "" && s !== ".");
  if (parts2.some((s) => s === "..")) return null;
  if (parts2[0] === "var" && parts2[1] === "run") parts2.splice(0, 2, "run");
  return "/" + parts2.join("/");
}
function writeTargetOf(path, { workingDirectory: workingDirectory2 = false } = {}) {
  const parts2 = path.split("/").slice(1);
  for (const m of MANAGED) {
    if (!(path === m.root || path.startsWith(m.root + "/"))) continue;
    const below = path.slice(m.root.length + 1).split("/").filter((s) => s !== "");
    const top = below[0];
    if (top === void 0 || m.system.has(top)) return null;
    if (below.length === 1 && /\.[A-Za-z0-9]+$/.test(top)) return { kind: "blocker", path, parent: m.root };
    return { kind: "directory", directive: m.directive, name: top, path: `${m.root}/${top}` };
  }
  if (parts2[0] === "var" && parts2.length >= 2 && !["tmp", "lib", "log", "cache", "run", "empty", "backups", "local", "opt"].includes(parts2[1])) {
    return { kind: "path", path: "/" + parts2.slice(0, Math.min(parts2.length, 3)).join("/") };
  }
  for (const root of DATA_ROOTS) {
    if (path.startsWith(root + "/")) return { kind: "path", path: "/" + parts2.slice(0, 2).join("/") };
  }
  if (workingDirectory2 && /^\/(opt|home|root|usr\/local|var\/opt|var\/local)\//.test(path))
    return { kind: "path", path };
  return null;
}
function isWithin(path, dir) {
  return path === dir || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
}
function isHardwareDevice(path) {
  return path.startsWith("/dev/") && !KEPT_DEVICES.test(path);
}
var MANAGED, DATA_ROOTS, KEPT_DEVICES;
var init_paths = __esm({
  "src/recommend/paths.ts"() {
    "use strict";
    MANAGED = [
      {
        root: "/var/lib",
        directive: "StateDirectory",
        system: /* @__PURE__ */ new Set(["systemd", "dpkg", "dbus", "polkit-1", "private", "sudo", "pam"])
      },
      { root: "/var/log", directive: "LogsDirectory", system: /* @__PURE__ */ new Set(["journal", "private"]) },
      { root: "/var/cache", directive: "CacheDirectory", system: /* @__PURE__ */ new Set(["private", "ldconfig"]) },
      {
        root: "/run",
        directive: "RuntimeDirectory",
        system: /* @__PURE__ */ new Set([
          "systemd",
          "dbus",
          "user",
          "udev",
          "lock",
          "utmp",
          "log",
          "initramfs",
          "mount",
          "credentials",
          "private",
          "sudo",
          "shm"
        ])
      }
    ];
    DATA_ROOTS = ["/srv", "/mnt", "/media", "/data"];
    KEPT_DEVICES = /^\/dev\/(null|zero|full|random|urandom|tty|console|pts|ptmx|shm|mqueue|hugepages|log|stdin|stdout|stderr|fd|core|initctl)(\/|$)/;
  }
});

// src/recommend/programs.ts
function programName(path) {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const stripped = base.replace(/[-_.]?[0-9]+(\.[0-9]+)*$/, "");
  return stripped === "" ? base : stripped;
}
function listed(name, programs) {
  return programs.some(
    (p) => p.endsWith("*") ? name.startsWith(p.slice(0, -1)) : name === p || name === programName(p)
  );
}
function categoriesOf(name) {
  return Object.keys(CATEGORIES).filter((c) => listed(name, CATEGORIES[c].programs));
}
function defaultPort(name) {
  for (const [p, port] of Object.entries(DEFAULT_PORTS)) if (listed(name, [p])) return port;
  return void 0;
}
var TMP_DEFAULTS, CATEGORIES, DEFAULT_PORTS;
var init_programs = __esm({
  "src/recommend/programs.ts"() {
    "use strict";
    TMP_DEFAULTS = {
      loki: "its chunks and index (path_prefix: /tmp/loki in the packaged config.yml)",
      tempo: "its traces (/tmp/tempo in the packaged configuration)",
      pgbouncer: "its Unix socket (unix_socket_dir = /tmp)",
      mongod: "its Unix socket (/tmp/mongodb-27017.sock)",
      mongos: "its Unix socket (/tmp/mongodb-27017.sock)",
      mysqld: "its Unix socket in upstream builds (/tmp/mysql.sock)",
      mariadbd: "its Unix socket in upstream builds (/tmp/mysql.sock)",
      postgres: "its Unix socket in upstream builds (unix_socket_directories = /tmp)"
    };
    CATEGORIES = {
      jit: {
        what: "a JIT or managed runtime",
        programs: [
          "java",
          "javaw",
          "jsvc",
          "node",
          "nodejs",
          "deno",
          "bun",
          "npm",
          "npx",
          "yarn",
          "pm2",
          "dotnet",
          "mono",
          "mono-sgen",
          "php",
          "php-fpm",
          "php-cgi",
          "beam",
          "beam.smp",
          "erl",
          "erlexec",
          "elixir",
          "iex",
          "rabbitmq-server",
          "couchdb",
          "ejabberd",
          "ejabberdctl",
          "luajit",
          "openresty",
          "kong",
          "pypy",
          "ruby",
          "puma",
          "unicorn",
          "passenger",
          "wasmtime",
          "wasmer",
          "postgres",
          "postmaster",
          "pg_ctl",
          "pg_ctlcluster",
          "clickhouse",
          "clickhouse-server",
          "qemu-system-*",
          "qemu-kvm",
          "monerod",
          "julia",
          "elasticsearch",
          "opensearch",
          "catalina.sh",
          "tomcat*",
          "jenkins",
          "mongod",
          "mongos",
          "electron",
          "chromium",
          "chrome",
          "google-chrome",
          "firefox",
          "gjs",
          "uwsgi",
          "minetest",
          "minetestserver",
          "dnsdist",
          "pdns_recursor",
          "kresd",
          "rspamd",
          "snort",
          "wkhtmltopdf",
          "phantomjs"
        ]
      },
      interpreter: {
        what: "an interpreter whose extensions may need executable memory",
        programs: [
          "python",
          "perl",
          "gunicorn",
          "uvicorn",
          "celery",
          "twistd",
          "daphne",
          "hypercorn",
          "waitress-serve",
          "tclsh",
          "lua",
          "Rscript",
          "R"
        ]
      },
      shell: { what: "a shell script", programs: ["sh", "bash", "dash", "zsh", "ksh", "mksh", "busybox"] },
      "privilege-dropper": {
        what: "a daemon that starts as root and drops privileges itself",
        programs: [
          "nginx",
          "apache2",
          "apache2ctl",
          "httpd",
          "lighttpd",
          "h2o",
          "postfix",
          "master",
          "postmulti",
          "sshd",
          "named",
          "unbound",
          "dnsmasq",
          "squid",
          "haproxy",
          "php-fpm",
          "chronyd",
          "ntpd",
          "avahi-daemon",
          "vsftpd",
          "proftpd",
          "pure-ftpd",
          "dhcpd",
          "exim",
          "dovecot",
          "smbd",
          "nmbd",
          "slapd",
          "openvpn",
          "memcached",
          "cupsd",
          "varnishd",
          "pdns_server",
          "pdns_recursor",
          "dnsdist",
          "kresd",
          "knotd",
          "nsd",
          "radiusd",
          "freeradius",
          "courier*",
          "opendkim",
          "opendmarc",
          "spamd",
          "amavisd",
          "clamd",
          "freshclam",
          "cups-browsed",
          "uwsgi",
          "mosquitto",
          "mysqld_safe",
          "inetd",
          "xinetd",
          "ocserv",
          "pptpd",
          "tor",
          "stunnel",
          "upsd",
          "upsmon",
          "snmpd",
          "lldpd",
          "munin-node",
          "icinga2",
          "zabbix_server",
          "zabbix_agentd",
          "bgpd",
          "bgplgd",
          "dhcpcd",
          "minidlnad",
          "rsyslogd",
          "in.tftpd",
          "atftpd",
          "rpc.mountd",
          "rpcbind",
          "krb5kdc",
          "kadmind",
          "inspircd"
        ]
      },
      chroot: {
        what: "a daemon that chroot()s",
        programs: [
          "postfix",
          "master",
          "postmulti",
          "sshd",
          "named",
          "unbound",
          "vsftpd",
          "avahi-daemon",
          "dhcpd",
          "proftpd",
          "pure-ftpd",
          "ntpd",
          "bgpd",
          "bgplgd",
          "lldpd",
          "dhcpcd",
          "in.tftpd",
          "nsd",
          "pdns_server",
          "unbound-helper",
          "haproxy"
        ]
      },
      "network-manager": {
        what: "a network, VPN, routing or firewall manager",
        programs: [
          "NetworkManager",
          "systemd-networkd",
          "networkd-dispatcher",
          "dhcpcd",
          "dhclient",
          "udhcpc",
          "wpa_supplicant",
          "iwd",
          "hostapd",
          "openvpn",
          "wg-quick",
          "wg",
          "tailscaled",
          "zerotier-one",
          "charon",
          "charon-systemd",
          "ipsec",
          "starter",
          "swanctl",
          "frr",
          "zebra",
          "bgpd",
          "ospfd",
          "watchfrr",
          "bird",
          "keepalived",
          "firewalld",
          "nft",
          "iptables",
          "iptables-restore",
          "ip6tables",
          "ip6tables-restore",
          "ebtables",
          "ipset",
          "ufw",
          "fail2ban-server",
          "kea-dhcp",
          "dhcpd",
          "radvd",
          "ModemManager",
          "connmand",
          "pppd",
          "xl2tpd",
          "pptpd",
          "ifup",
          "ifdown",
          "netplan",
          "ip",
          "tc",
          "brctl",
          "ethtool",
          "iw",
          "ovs-vswitchd",
          "ovsdb-server",
          "ovs-ctl",
          "ovs-vsctl",
          "neutron-*",
          "ocserv",
          "osmo-ggsn",
          "miniupnpd",
          "vip-manager",
          "conntrackd",
          "tincd",
          "fastd",
          "openconnect",
          "vpnc"
        ]
      },
      tun: {
        what: "a VPN or tunnel daemon that needs /dev/net/tun or /dev/ppp",
        programs: [
          "openvpn",
          "tailscaled",
          "zerotier-one",
          "wireguard-go",
          "ocserv",
          "pptpd",
          "pppd",
          "xl2tpd",
          "osmo-ggsn",
          "tincd",
          "fastd",
          "openconnect",
          "vpnc",
          "slirp4netns",
          "ovs-vswitchd"
        ]
      },
      packet: {
        what: "a program that uses raw packet sockets (DHCP, capture, VRRP)",
        programs: [
          "dhcpd",
          "kea-dhcp",
          "dnsmasq",
          "dhcpcd",
          "dhclient",
          "udhcpc",
          "dhcrelay",
          "tcpdump",
          "suricata",
          "snort",
          "zeek",
          "arpwatch",
          "lldpd",
          "hostapd",
          "wpa_supplicant",
          "NetworkManager",
          "systemd-networkd",
          "keepalived",
          "pppoe",
          "pppd",
          "arping",
          "ndppd",
          "darkstat",
          "ntopng",
          "ovs-vswitchd",
          "vip-manager",
          "miniupnpd"
        ]
      },
      time: {
        what: "a time daemon",
        programs: [
          "chronyd",
          "chrony",
          "ntpd",
          "ntpsec",
          "openntpd",
          "ntpdate",
          "sntp",
          "systemd-timesyncd",
          "ptp4l",
          "phc2sys",
          "ts2phc",
          "timemaster",
          "hwclock"
        ]
      },
      device: {
        what: "a device, hardware or storage daemon",
        programs: [
          "udevd",
          "systemd-udevd",
          "udevadm",
          "udisksd",
          "smartd",
          "lvm",
          "lvmetad",
          "dmeventd",
          "mdadm",
          "mdmon",
          "multipathd",
          "iscsid",
          "iscsiadm",
          "tgtd",
          "tgtadm",
          "tcmu-runner",
          "targetcli",
          "rbd-target-api",
          "rbd-target-gw",
          "upsd",
          "upsmon",
          "upsdrvctl",
          "upsdrvsvcctl",
          "nut-driver*",
          "nut-scanner",
          "usbhid-ups",
          "fwupd",
          "boltd",
          "tlp",
          "thermald",
          "fancontrol",
          "irqbalance",
          "tuned",
          "gpsd",
          "ModemManager",
          "bluetoothd",
          "cupsd",
          "pcscd",
          "tpm2-abrmd",
          "libvirtd",
          "virtqemud",
          "nvidia-persistenced",
          "sensord",
          "sensors",
          "hdparm",
          "acpid",
          "rngd",
          "lircd",
          "brltty",
          "usbguard-daemon",
          "usbmuxd",
          "alsactl",
          "gpm",
          "plymouthd",
          "rasdaemon",
          "mcelog",
          "sanlock",
          "wdmd",
          "watchdog",
          "vmtoolsd",
          "qemu-ga",
          "spice-vdagentd",
          "hv_kvp_daemon",
          "x2gocdmanager",
          "blkmapd",
          "zramswap",
          "zramctl",
          "swapon",
          "mkswap",
          "svxlink",
          "cinder-backup",
          "ocsinventory-agent",
          "dmidecode",
          "btrfs"
        ]
      },
      audio: {
        what: "an audio or speech service",
        programs: [
          "pipewire",
          "pipewire-pulse",
          "wireplumber",
          "pulseaudio",
          "jackd",
          "jackdbus",
          "shairport-sync",
          "mpd",
          "snapserver",
          "snapclient",
          "squeezelite",
          "librespot",
          "spotifyd",
          "speech-dispatcher",
          "svxlink"
        ]
      },
      realtime: {
        what: "a program that uses realtime scheduling",
        programs: [
          "corosync",
          "pacemakerd",
          "freeswitch",
          "asterisk",
          "rtkit-daemon",
          "ptp4l",
          "phc2sys",
          "linuxcnc",
          "jackd"
        ]
      },
      container: {
        what: "a container, VM or sandbox manager",
        programs: [
          "dockerd",
          "docker",
          "containerd",
          "containerd-shim*",
          "podman",
          "conmon",
          "crio",
          "kubelet",
          "k3s",
          "k0s",
          "rke2",
          "lxd",
          "lxc",
          "lxc-start",
          "lxc-autostart",
          "incusd",
          "systemd-nspawn",
          "nix-daemon",
          "runc",
          "crun",
          "buildkitd",
          "buildah",
          "libvirtd",
          "virtqemud",
          "qemu-system-*",
          "firecracker",
          "snapd",
          "flatpak",
          "systemd-machined",
          "systemd-importd",
          "systemd-portabled",
          "slurmd"
        ]
      },
      "ci-runner": {
        what: "a CI or build runner",
        programs: [
          "gitlab-runner",
          "Runner.Listener",
          "runsvc.sh",
          "act_runner",
          "woodpecker-agent",
          "drone-runner-*",
          "buildkite-agent",
          "buildbot",
          "buildbot-worker",
          "obsworker",
          "obs-worker",
          "sbuild",
          "pbuilder",
          "mock",
          "jenkins-agent"
        ]
      },
      "system-manager": {
        what: "a configuration-management, update or provisioning agent",
        programs: [
          "puppet",
          "chef-client",
          "salt-minion",
          "salt-call",
          "ansible-pull",
          "cloud-init",
          "cloud-init-hotplugd",
          "unattended-upgrade",
          "unattended-upgrades",
          "dnf-automatic",
          "packagekitd",
          "apt",
          "apt-get",
          "aptitude",
          "dpkg",
          "apt.systemd.daily",
          "needrestart",
          "snap",
          "snapd*",
          "plinth",
          "trove-guestagent",
          "landscape-client",
          "webmin"
        ]
      },
      session: {
        what: "a login or session manager whose sessions inherit every restriction",
        programs: [
          "sshd",
          "dropbear",
          "login",
          "agetty",
          "getty",
          "mingetty",
          "gdm",
          "lightdm",
          "sddm",
          "greetd",
          "xdm",
          "lxdm",
          "slim",
          "xrdp",
          "xrdp-sesman",
          "telnetd",
          "in.telnetd",
          "cockpit-ws",
          "Xorg",
          "Xvnc",
          "vncserver",
          "weston",
          "cage",
          "phog",
          "x2goserver",
          "kmscon"
        ]
      },
      scheduler: {
        what: "a job scheduler whose jobs inherit every restriction",
        programs: ["cron", "crond", "anacron", "atd", "fcron", "jobber", "supercronic", "bcron"]
      },
      "log-collector": {
        what: "a log collector",
        programs: [
          "rsyslogd",
          "syslog-ng",
          "syslogd",
          "klogd",
          "fluent-bit",
          "td-agent-bit",
          "fluentd",
          "td-agent",
          "vector",
          "promtail",
          "alloy",
          "grafana-agent",
          "filebeat",
          "journalbeat",
          "auditbeat",
          "osqueryd",
          "falco",
          "wazuh-agentd",
          "auditd",
          "systemd-journald",
          "logstash",
          "splunkd",
          "nxlog",
          "mcelog",
          "rasdaemon",
          "dmesg"
        ]
      },
      monitoring: {
        what: "a monitoring agent",
        programs: [
          "node_exporter",
          "prometheus-node-exporter",
          "zabbix_agentd",
          "zabbix_agent",
          "netdata",
          "telegraf",
          "datadog-agent",
          "nrpe",
          "collectd",
          "process-exporter",
          "munin-node",
          "snmpd",
          "icinga2",
          "nagios",
          "naemon",
          "monit",
          "glances",
          "cadvisor",
          "ocsinventory-agent"
        ]
      },
      backup: {
        what: "a backup agent",
        programs: [
          "borg",
          "borgmatic",
          "restic",
          "bacula-fd",
          "bareos-fd",
          "duplicity",
          "duplicati",
          "rsnapshot",
          "amanda",
          "burp",
          "rdiff-backup",
          "btrbk",
          "zrepl",
          "sanoid",
          "syncoid",
          "urbackupclientbackend"
        ]
      },
      browser: {
        what: "a browser engine with its own sandbox",
        programs: [
          "chromium",
          "chromium-browser",
          "chrome",
          "google-chrome",
          "headless_shell",
          "puppeteer",
          "playwright",
          "electron",
          "firefox"
        ]
      },
      mounter: {
        what: "a service that mounts or maintains file systems",
        programs: [
          "automount",
          "autofs",
          "udisksd",
          "snapd",
          "rclone",
          "sshfs",
          "s3fs",
          "goofys",
          "mount",
          "umount",
          "mount.nfs",
          "mount.cifs",
          "zfs",
          "zpool",
          "cryptsetup",
          "cryptdisks_start",
          "losetup",
          "mergerfs",
          "bindfs",
          "gocryptfs",
          "encfs",
          "glusterfs",
          "ceph-fuse",
          "exportfs",
          "rpc.nfsd",
          "rpc.mountd",
          "blkmapd",
          "systemd-importd",
          "systemd-portabled",
          "systemd-machined",
          "snapper",
          "x2gocdmanager",
          "nfsdcltrack",
          "btrfs*",
          "fstrim",
          "e2scrub*",
          "xfs_scrub*"
        ]
      },
      "setuid-helper": {
        what: "a setuid/setgid helper",
        programs: [
          "sudo",
          "su",
          "pkexec",
          "doas",
          "sendmail",
          "mail",
          "mailx",
          "bsd-mailx",
          "fusermount",
          "fusermount3",
          "newuidmap",
          "newgidmap",
          "ping",
          "arping",
          "traceroute",
          "mtr",
          "mtr-packet",
          "crontab",
          "at",
          "unix_chkpwd",
          "passwd",
          "newgrp",
          "sg",
          "dumpcap",
          "postdrop",
          "postqueue",
          "dotlockfile",
          "procmail",
          "ntfs-3g",
          "exim"
        ]
      },
      "mail-sender": {
        what: "a daemon that may send mail alerts through sendmail",
        programs: [
          "smartd",
          "mdadm",
          "monit",
          "zed",
          "apcupsd",
          "upsmon",
          "logwatch",
          "fail2ban-server",
          "aide",
          "rkhunter",
          "sympa*",
          "mailman",
          "chronyd"
        ]
      },
      hostname: {
        what: "a service that sets or follows the hostname",
        programs: [
          "NetworkManager",
          "systemd-networkd",
          "dhcpcd",
          "dhclient",
          "cloud-init",
          "systemd-hostnamed",
          "hostnamectl",
          "hostname",
          "avahi-daemon",
          "corosync",
          "pacemakerd",
          "ovs-record-hostname",
          "ovs-ctl"
        ]
      },
      "etc-writer": {
        what: "a program that writes to /etc",
        programs: [
          "resolvconf",
          "certbot",
          "acme.sh",
          "update-ca-certificates",
          "ssh-keygen",
          "hostnamectl",
          "timedatectl",
          "localectl",
          "locale-gen",
          "dpkg-reconfigure",
          "netplan",
          "etckeeper",
          "newaliases",
          "postalias",
          "postmap",
          "ldconfig",
          "update-initramfs",
          "update-grub",
          "grub-mkconfig",
          "kernel-install",
          "ovs-record-hostname",
          "ovs-ctl",
          "unbound-helper",
          "configure-instance.sh",
          "sensors-detect",
          "firewalld",
          "fwupd"
        ]
      },
      "shares-tmp": {
        what: "a program that exchanges files through /tmp with other programs",
        programs: ["clamd", "clamonacc", "amavisd", "Xorg", "tmux", "screen"]
      },
      "home-data": {
        what: "a service that reads or writes users' home directories",
        programs: [
          "dovecot",
          "master",
          "postfix",
          "postmulti",
          "courier*",
          "exim",
          "procmail",
          "maildrop",
          "syncthing",
          "smbd",
          "rsync",
          "vsftpd",
          "proftpd",
          "pure-ftpd",
          "clamonacc",
          "rpc.nfsd",
          "exportfs",
          "nfsdcltrack",
          "afpd",
          "netatalk",
          "minidlnad",
          "accounts-daemon",
          "updatedb"
        ]
      },
      installer: {
        what: "a package or image installer",
        programs: [
          "dpkg",
          "apt",
          "apt-get",
          "rpm",
          "dnf",
          "yum",
          "zypper",
          "pacman",
          "snapd",
          "flatpak",
          "packagekitd",
          "unattended-upgrade",
          "obsworker"
        ]
      },
      namespaces: {
        what: "a program that creates namespaces",
        programs: [
          "bwrap",
          "firejail",
          "unshare",
          "nsenter",
          "ip",
          "neutron-*",
          "systemd-nspawn",
          "podman",
          "buildah",
          "nix-daemon"
        ]
      },
      modules: {
        what: "a program that loads kernel modules",
        programs: [
          "modprobe",
          "insmod",
          "rmmod",
          "depmod",
          "modinfo",
          "nvidia-persistenced",
          "zramswap",
          "openvswitch",
          "ovs-ctl",
          "sensors-detect"
        ]
      },
      "kernel-tuner": {
        what: "a program that writes kernel tunables",
        programs: [
          "sysctl",
          "irqbalance",
          "tuned",
          "tlp",
          "thermald",
          "fancontrol",
          "zramswap",
          "zramctl",
          "cpupower",
          "ethtool",
          "sensors",
          "open-iscsi",
          "udevadm",
          "systemd-udevd"
        ]
      },
      "security-agent": {
        what: "a security agent that watches the whole system (fanotify, audit, eBPF)",
        programs: [
          "clamonacc",
          "fapolicyd",
          "falco",
          "osqueryd",
          "auditd",
          "usbguard-daemon",
          "tetragon",
          "tracee",
          "wazuh-agentd",
          "aide"
        ]
      },
      "workload-launcher": {
        what: "an agent that starts other people's workloads (jobs, builds, remote shell sessions)",
        programs: [
          "nomad",
          "jenkins",
          "slurmd",
          "slurmstepd",
          "mesos-agent",
          "mesos-slave",
          "teleport",
          "tailscaled",
          "consul",
          "rundeckd",
          "condor_master",
          "condor_startd",
          "pbs_mom",
          "torque_mom",
          "flux-broker",
          "airflow",
          "celery",
          "kestra",
          "gocd-agent",
          "go-agent",
          "concourse",
          "teamcity-agent",
          "bamboo-agent",
          "rexd",
          "mcollectived",
          "st2actionrunner"
        ]
      },
      "plugin-host": {
        what: "a monitoring agent that runs plugins (some use sudo, devices such as IPMI or SMART, perf or eBPF)",
        programs: [
          "telegraf",
          "collectd",
          "netdata",
          "zabbix_agentd",
          "zabbix_agent",
          "zabbix_agent2",
          "nrpe",
          "munin-node",
          "icinga2",
          "nagios",
          "naemon",
          "datadog-agent",
          "check_mk_agent",
          "sensu-agent",
          "newrelic-infra",
          "grafana-agent",
          "alloy",
          "otelcol",
          "otelcol-contrib",
          "metricbeat",
          "ncpa_listener"
        ]
      },
      "tmp-data": {
        what: "a daemon whose default configuration keeps its data or its Unix socket in /tmp",
        programs: Object.keys(TMP_DEFAULTS)
      },
      "ipc-shared": {
        what: "a database or middleware that shares SysV/POSIX IPC with sibling processes",
        programs: ["postgres", "postmaster", "pg_ctlcluster", "oracle", "sapstart", "db2sysc"]
      }
    };
    DEFAULT_PORTS = {
      nginx: 80,
      apache2: 80,
      apache2ctl: 80,
      httpd: 80,
      lighttpd: 80,
      h2o: 80,
      caddy: 443,
      sshd: 22,
      dropbear: 22,
      named: 53,
      unbound: 53,
      dnsmasq: 53,
      dnsdist: 53,
      pdns_server: 53,
      pdns_recursor: 53,
      kresd: 53,
      knotd: 53,
      nsd: 53,
      master: 25,
      postfix: 25,
      postmulti: 25,
      exim: 25,
      sendmail: 25,
      smtpd: 25,
      "courier*": 25,
      dovecot: 143,
      cupsd: 631,
      "cups-browsed": 631,
      slapd: 389,
      smbd: 445,
      nmbd: 137,
      vsftpd: 21,
      proftpd: 21,
      "pure-ftpd": 21,
      "in.tftpd": 69,
      atftpd: 69,
      dhcpd: 67,
      "kea-dhcp": 67,
      dhcrelay: 67,
      chronyd: 123,
      ntpd: 123,
      rpcbind: 111,
      snmpd: 161,
      krb5kdc: 88,
      kadmind: 464,
      inetd: 21,
      xinetd: 21,
      ocserv: 443,
      haproxy: 80,
      traefik: 80,
      envoy: 80,
      charon: 500,
      "charon-systemd": 500,
      bgpd: 179,
      bird: 179
    };
  }
});

// src/recommend/facts.ts
function readFacts(service, sockets = [], comments = []) {
  const state = service.state;
  const commands = commandLines(service);
  const main = commands.find((c) => c.directive === "ExecStart") ?? commands[0];
  const env = listValue(service, "Service", "Environment");
  const programs = /* @__PURE__ */ new Map();
  const addProgram = (name, how) => {
    if (name !== "" && !programs.has(name)) programs.set(name, how);
  };
  for (const c of commands) {
    const name = programName(c.path);
    addProgram(name, `${c.directive} runs ${name}`);
    for (const p of nestedPrograms(c)) addProgram(p, `${c.directive} runs ${p}`);
  }
  const unitName = unitPrefix(service.unit);
  const categories = /* @__PURE__ */ new Map();
  for (const [name, how] of programs) {
    for (const cat of categoriesOf(name))
      if (!categories.has(cat)) categories.set(cat, `${how}, ${CATEGORIES[cat].what}`);
  }
  for (const cat of categoriesOf(programName(unitName))) {
    if (!categories.has(cat)) categories.set(cat, `the unit ${service.unit} is named after ${CATEGORIES[cat].what}`);
  }
  if (state.delegate && !categories.has("container"))
    categories.set("container", "Delegate= hands it a cgroup subtree, as container managers need");
  for (const c of commands) {
    if (/\.sh$/.test(c.path) && !categories.has("shell"))
      categories.set("shell", `${c.directive} runs the script ${c.path}`);
  }
  const words2 = commands.flatMap((c) => c.args);
  const runtime = runtimeOf(main, categories, words2);
  const runsAsRoot = !state.dynamicUser && isRootUser(state.user);
  const bang = commands.find((c) => c.directive === "ExecStart" && c.noSetuid);
  const startsAsRootDespiteUser = !runsAsRoot && bang ? `ExecStart=!${bang.path} starts as root and switches to User= itself` : null;
  const namedUser = namedUserOf(service, main);
  const dropper = categories.get("privilege-dropper");
  const dropsPrivileges = bang ? `ExecStart=!${bang.path} switches users itself` : namedUser && !namedUser.evidence.startsWith("Group=") ? namedUser.evidence : dropper ?? null;
  const socketActivated = sockets.some((x) => x.listens.length > 0);
  const privilegedPorts = portsOf(main ? [main] : [], env, programs, !socketActivated);
  const mentioned = mentionedPaths(service, commands, env);
  const network = networkEvidence(service, privilegedPorts, words2, env, categories);
  return {
    service,
    commands,
    programs: [...programs.keys()],
    categories,
    runtime,
    runsAsRoot,
    startsAsRootDespiteUser,
    dropsPrivileges,
    namedUser,
    privilegedPorts,
    network,
    loopbackOnly: loopbackOnly(words2, env),
    tmpPaths: mentioned.all.filter((p) => isWithin(p, "/tmp") || isWithin(p, "/var/tmp")),
    homePaths: mentioned.all.filter((p) => isWithin(p, "/home") || isWithin(p, "/root") || isWithin(p, "/run/user")),
    devicePaths: mentioned.all.filter(isHardwareDevice),
    kernelPaths: mentioned.all.filter((p) => isWithin(p, "/proc/sys") || isWithin(p, "/sys")),
    writeTargets: mentioned.writes,
    createdDirs: createdDirs(commands),
    sockets,
    launchComment: launchCommentOf(comments)
  };
}
function nestedPrograms(c) {
  const out = [];
  const name = programName(c.path);
  if (WRAPPERS.has(name)) {
    const target = c.args.find(
      (a, i) => (a.startsWith("/") || /^[A-Za-z][\w.+-]*$/.test(a)) && !a.includes("=") && !(c.args[i - 1] ?? "").startsWith("-")
    );
    if (target) out.push(programName(target));
  }
  for (const a of c.args) {
    for (const token of a.split(/[\s;&|()]+/)) {
      if (EXECUTABLE_DIRS.test(token) || /^\/opt\/[^/]+\/(s?bin)\//.test(token)) out.push(programName(token));
    }
  }
  if (CATEGORIES.shell.programs.includes(name)) {
    const i = c.args.indexOf("-c");
    const script = i >= 0 ? c.args[i + 1] : void 0;
    if (script) {
      for (const m of script.matchAll(/(?:^|[;&|(]|\bexec)\s*([\w./+-]+)/g)) out.push(programName(m[1]));
    }
  }
  return out;
}
function runtimeOf(main, categories, words2) {
  const jit = categories.get("jit") ?? categories.get("browser");
  if (jit) return { kind: "jit", evidence: jit };
  const jitFile = words2.find((w) => /\.(jar|war|js|mjs|php)$/.test(w) || w === "-jar");
  if (jitFile) return { kind: "jit", evidence: `the command line names ${jitFile}, which runs on a JIT runtime` };
  const shell = categories.get("shell");
  if (shell && main && (CATEGORIES.shell.programs.includes(programName(main.path)) || main.path.endsWith(".sh")))
    return { kind: "shell", evidence: shell };
  if (main?.path.startsWith("/etc/"))
    return { kind: "shell", evidence: `${main.directive} runs ${main.path}, a script` };
  const interpreter = categories.get("interpreter");
  if (interpreter) return { kind: "interpreter", evidence: interpreter };
  const script = [...main ? [main.path] : [], ...words2].find((w) => /\.(py|pl|rb|lua|tcl)$/.test(w));
  if (script) return { kind: "interpreter", evidence: `the command line runs the script ${script}` };
  return {
    kind: "native",
    evidence: main ? `nothing in the unit shows ${main.path} to be a JIT runtime, interpreter or script` : "no command line"
  };
}
function namedUserOf(service, main) {
  const ok = (u) => u !== void 0 && isValidStrictUserName(u) && !["root", "nobody", "nogroup"].includes(u) && !/^[0-9]+$/.test(u);
  if (main) {
    const name = programName(main.path);
    const wrapper = USER_SWITCH_WRAPPERS.has(name);
    const args = main.args;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const [opt, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, void 0];
      if (!USER_OPTIONS.has(opt) || opt === "-c" && name !== "start-stop-daemon") continue;
      const user2 = (inline ?? args[i + 1])?.split(/[:.]/)[0];
      if (ok(user2)) return { user: user2, evidence: `ExecStart passes ${opt} ${user2} to ${name}`, wrapper };
    }
    if (["su", "gosu", "su-exec", "s6-setuidgid", "setuidgid"].includes(name)) {
      const user2 = args.find((a) => !a.startsWith("-"))?.split(":")[0];
      if (ok(user2)) return { user: user2, evidence: `ExecStart runs ${name} ${user2}`, wrapper: true };
    }
  }
  const group = service.state.group;
  if (ok(group ?? void 0) && !SHARED_GROUPS.has(group))
    return { user: group, evidence: `Group=${group} names the service's own group`, wrapper: false };
  return null;
}
function portsOf(commands, env, programs, defaults) {
  const found = /* @__PURE__ */ new Map();
  const note = (port, evidence) => {
    if (port > 0 && port < 1024 && !found.has(port)) found.set(port, evidence);
  };
  const fromValue = (value2, evidence) => {
    const m = /^(?:(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9_.*-]*):)?(\d{1,5})$/.exec(value2);
    if (m) note(Number(m[1]), evidence);
  };
  for (const c of commands) {
    const args = c.args;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const eq = a.indexOf("=");
      const opt = eq >= 0 ? a.slice(0, eq) : a;
      if (PORT_OPTION.test(opt)) {
        const value2 = eq >= 0 ? a.slice(eq + 1) : args[i + 1];
        if (value2 !== void 0) fromValue(value2, `${c.directive} passes ${opt} ${value2}`);
      } else if (/^(?:\[[0-9A-Fa-f:.]*\]|[A-Za-z0-9_.*-]*):\d{1,5}$/.test(a))
        fromValue(a, `${c.directive} listens on ${a}`);
      for (const m of a.matchAll(/\blisten\s+(?:\S+:)?(\d{1,5})\b/gi))
        note(Number(m[1]), `${c.directive} contains "${m[0]}"`);
    }
  }
  for (const e of env) {
    const m = /^([A-Za-z_]*(?:PORT|LISTEN|BIND)[A-Za-z_]*)=(.*)$/i.exec(e);
    if (m) fromValue(m[2], `Environment=${e}`);
  }
  for (const [name, how] of defaults ? programs : /* @__PURE__ */ new Map()) {
    const port = defaultPort(name);
    if (port !== void 0) note(port, `${how}, which listens on port ${port} by default`);
  }
  return [...found].map(([port, evidence]) => ({ port, evidence }));
}
function networkEvidence(service, ports, words2, env, categories) {
  for (const key of ["After", "Wants", "Requires", "BindsTo"]) {
    for (const a of assignmentsOf(service, "Unit", key)) {
      const m = NETWORK_TARGETS.exec(a.value);
      if (m) return `${key}=${m[0]}`;
    }
  }
  if (ports.length > 0) return ports[0].evidence;
  for (const cat of [
    "network-manager",
    "packet",
    "tun",
    "privilege-dropper",
    "monitoring",
    "backup",
    "system-manager",
    "ci-runner",
    "container",
    "scheduler",
    "session",
    "time"
  ]) {
    const e = categories.get(cat);
    if (e) return e;
  }
  const all = [...words2, ...env];
  const url = all.find(mentionsNetwork);
  if (url) return `the unit mentions ${url}`;
  const s = service.state;
  if (s.addressFamilies !== null && s.addressFamiliesAllowList && (s.addressFamilies.has("AF_INET") || s.addressFamilies.has("AF_INET6"))) {
    return "RestrictAddressFamilies= already allows Internet sockets";
  }
  if (s.ipAddressAllow.length > 0) return "IPAddressAllow= lists peers";
  if (assignmentsOf(service, "Service", "Sockets").length > 0) return "Sockets= passes it sockets";
  return null;
}
function loopbackOnly(words2, env) {
  let found = null;
  for (const w of [...words2, ...env]) {
    if (w.length > 4096) continue;
    const loop = LOOPBACK.exec(w);
    if (loop) {
      found ??= loop[1];
      continue;
    }
    const other = ANY_ADDRESS.exec(w);
    if (other && !w.startsWith("/") && !/\.(conf|ya?ml|json|toml|ini|cfg|xml|pem|key|crt|sock|pid|log)$/i.test(other[1]))
      return null;
  }
  return found === null ? null : `the unit names only the loopback address ${found}`;
}
function mentionsNetwork(word) {
  return word.includes("://") && /[a-z][a-z0-9+.-]{0,31}:\/\//i.test(word) || /(?:^|[=\s@])\d{1,3}(?:\.\d{1,3}){3}\b|:\d{2,5}$|\bport\b/i.test(word);
}
function mentionedPaths(service, commands, env) {
  const raw = [];
  const add = (text2, workingDirectory2 = false) => {
    for (const p of pathsIn(expandDirectorySpecifiers(text2))) raw.push({ path: p, workingDirectory: workingDirectory2 });
  };
  for (const c of commands) for (const a of c.args) add(a);
  for (const e of env) add(e);
  for (const key of ["PIDFile", "StandardOutput", "StandardError", "RootDirectory", "TTYPath"]) {
    const v = scalarValue(service, "Service", key);
    if (v) add(v);
  }
  const wd = scalarValue(service, "Service", "WorkingDirectory");
  if (wd === "~" || wd === "-~") raw.push({ path: "/root", workingDirectory: false });
  else if (wd) add(wd.replace(/^-/, ""), true);
  for (const key of [
    "EnvironmentFile",
    "ReadWritePaths",
    "ReadOnlyPaths",
    "BindPaths",
    "BindReadOnlyPaths",
    "DeviceAllow"
  ]) {
    for (const v of listValue(service, "Service", key)) add(v.replace(/^[-+]+/, ""));
  }
  const all = /* @__PURE__ */ new Set();
  const writes = /* @__PURE__ */ new Map();
  const executables = commands.map((c) => c.path);
  const instance = unitNameKind(service.unit) === "instance";
  for (const { path, workingDirectory: workingDirectory2 } of raw) {
    const p = normalizePath(path);
    if (p === null || !instance && /%[iI]/.test(p)) continue;
    all.add(p);
    const target = writeTargetOf(p, { workingDirectory: workingDirectory2 });
    const key = `${target?.kind}\0${target?.path}`;
    if (!target || writes.has(key) || executables.some((x) => isWithin(x, target.path))) continue;
    writes.set(key, target);
  }
  const found = [...writes.values()];
  const blockers = found.filter((w) => w.kind === "blocker");
  return {
    all: [...all],
    writes: [...blockers, ...found.filter((w) => w.kind !== "blocker").slice(0, MAX_WRITE_TARGETS)]
  };
}
function launchCommentOf(comments) {
  const c = comments.find((x) => LAUNCH_WORDS.test(x));
  return c === void 0 ? null : `the unit's comment "${c.length > 80 ? `${c.slice(0, 77)}...` : c}"`;
}
function expandDirectorySpecifiers(text2) {
  return text2.includes("%") ? text2.replace(/%([SCLtTVE%])/g, (_, k) => SPECIFIER_DIRS[k]) : text2;
}
function createdDirs(commands) {
  const out = [];
  for (const c of commands) {
    const isMkdir = programName(c.path) === "mkdir" || programName(c.path) === "install";
    const words2 = isMkdir ? c.args : c.args.flatMap((a) => /\bmkdir\b/.test(a) ? a.split(/\s+/) : []);
    for (const w of words2) {
      const p = w.startsWith("/") ? normalizePath(w) : null;
      if (p) out.push(p);
    }
  }
  return out;
}
function dynamicUserNameOk(unit) {
  const prefix2 = unitPrefix(unit);
  return !isValidStrictUserName(prefix2) || !["root", "nobody"].includes(prefix2);
}
var USER_SWITCH_WRAPPERS, WRAPPERS, USER_OPTIONS, MAX_WRITE_TARGETS, EXECUTABLE_DIRS, SHARED_GROUPS, PORT_OPTION, NETWORK_TARGETS, LOOPBACK, ANY_ADDRESS, LAUNCH_WORDS, SPECIFIER_DIRS;
var init_facts = __esm({
  "src/recommend/facts.ts"() {
    "use strict";
    init_root_user();
    init_users();
    init_names();
    init_paths();
    init_programs();
    init_unit_text();
    USER_SWITCH_WRAPPERS = /* @__PURE__ */ new Set([
      "runuser",
      "setpriv",
      "sudo",
      "su",
      "chpst",
      "gosu",
      "su-exec",
      "s6-setuidgid",
      "setuidgid",
      "start-stop-daemon"
    ]);
    WRAPPERS = /* @__PURE__ */ new Set([
      "env",
      "nice",
      "ionice",
      "chrt",
      "taskset",
      "stdbuf",
      "nohup",
      "setsid",
      "timeout",
      "flock",
      "numactl",
      "cgexec",
      "systemd-cat",
      "unbuffer",
      "tini",
      "dumb-init",
      "catatonit",
      "authbind",
      "xvfb-run",
      "dbus-run-session",
      "prlimit",
      "daemon",
      ...USER_SWITCH_WRAPPERS
    ]);
    USER_OPTIONS = /* @__PURE__ */ new Set([
      "-u",
      "--user",
      "--uid",
      "--runas",
      "--run-as",
      "--setuid",
      "--setuser",
      "--chuid",
      "-c",
      "--reuid",
      "--username"
    ]);
    MAX_WRITE_TARGETS = 24;
    EXECUTABLE_DIRS = /^\/(usr\/(local\/)?)?(s?bin|lib|libexec|games)\//;
    SHARED_GROUPS = /* @__PURE__ */ new Set([
      "root",
      "wheel",
      "adm",
      "sudo",
      "staff",
      "users",
      "nogroup",
      "nobody",
      "systemd-journal",
      "disk",
      "video",
      "audio",
      "render",
      "dialout",
      "input",
      "kvm",
      "tty",
      "utmp",
      "shadow",
      "mail",
      "daemon",
      "sys",
      "lp",
      "plugdev",
      "netdev"
    ]);
    PORT_OPTION = /^--?(?:[a-z-]*port|p|listen|bind|l|b)$/i;
    NETWORK_TARGETS = /\b(network|network-online|nss-lookup)\.target\b/;
    LOOPBACK = /(?:^|[=\s@/])(127(?:\.\d{1,3}){3}|\[::1\]|localhost)(?::\d{1,5})?(?:$|\/)/;
    ANY_ADDRESS = /(?:^|[=\s@/])(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d{1,5})?(?:$|\/)/i;
    LAUNCH_WORDS = /\b(plugins?|jobs?|workloads?|sudo|setuid|user sessions?|child processes)\b/i;
    SPECIFIER_DIRS = {
      S: "/var/lib",
      C: "/var/cache",
      L: "/var/log",
      t: "/run",
      T: "/tmp",
      V: "/var/tmp",
      E: "/etc",
      "%": "%"
    };
  }
});

// src/recommend/context.ts
function readContext(service, version, sockets = [], fleet = singleVersionTarget(version), comments = []) {
  const facts = readFacts(service, sockets, comments);
  const vetoes = /* @__PURE__ */ new Map();
  const refusing = fleet.versions.filter((v) => VERSION_TRAITS[v].refusesApiWorkingDirectory);
  const wd = scalarValue(service, "Service", "WorkingDirectory");
  if (refusing.length > 0 && wd !== null && /^-?\/(proc|sys|dev)(\/|$)/.test(wd)) {
    for (const d of MOUNT_NAMESPACE_DIRECTIVES) {
      vetoes.set(
        d,
        `WorkingDirectory=${wd}: systemd ${refusing.join(", ")} refuses to start a service whose working directory is below /proc, /sys or /dev once it has a mount namespace`
      );
    }
  }
  for (const rule of RULES) {
    const evidence = rule.when(facts);
    if (evidence === null) continue;
    for (const d of rule.directives === "all" ? ALL_DIRECTIVES : rule.directives) {
      if (!vetoes.has(d)) vetoes.set(d, `${evidence}: ${rule.because}`);
    }
  }
  const deferrals = /* @__PURE__ */ new Map();
  for (const rule of DEFER_RULES) {
    const evidence = rule.when(facts);
    if (evidence === null) continue;
    for (const d of rule.directives) {
      if (!deferrals.has(d)) deferrals.set(d, `${evidence}, ${rule.because}`);
    }
  }
  return { ...facts, version, fleet, vetoes, deferrals };
}
function privateTmp2(c) {
  const value2 = honouredByFleet(catalogueEntry("PrivateTmp=disconnected"), c.fleet) ? "disconnected" : "yes";
  const tmp = c.tmpPaths[0];
  if (tmp !== void 0) {
    return {
      value: value2,
      risk: "high",
      reason: `the unit mentions ${tmp}: if another program reads or writes it, the private /tmp hides it from them`
    };
  }
  return value2 === "disconnected" ? {
    value: value2,
    reason: `systemd ${c.fleet.text} honours it: a fresh tmpfs, without the ordering on the host's /tmp and /var/tmp mounts`
  } : { value: value2 };
}
function protectHome2(c) {
  const home = c.homePaths[0];
  if (home !== void 0)
    return {
      value: "read-only",
      risk: "medium",
      reason: `the unit mentions ${home}, so home directories stay readable`
    };
  const backup = c.categories.get("backup");
  if (backup) return { value: "read-only", risk: "medium", reason: `${backup}: it must read home directories` };
  const monitor = c.categories.get("monitoring");
  if (monitor)
    return {
      value: "read-only",
      risk: "medium",
      reason: `${monitor}: it looks at every mount, /home included (statfs()), which ProtectHome=yes would hide`
    };
  return { value: "yes" };
}
function noNewPrivileges(c) {
  const mail = c.categories.get("mail-sender");
  if (mail)
    return {
      value: "yes",
      risk: "medium",
      reason: `${mail}: if it mails alerts through sendmail, the setgid postdrop helper stops working`
    };
  if (c.runtime.kind === "shell")
    return {
      value: "yes",
      risk: "medium",
      reason: `${c.runtime.evidence}: check that it calls no setuid helper (sudo, su, ping, sendmail)`
    };
  return { value: "yes" };
}
function memoryDenyWriteExecute(c) {
  if (c.runtime.kind === "interpreter") {
    return {
      value: "yes",
      risk: "high",
      reason: `${c.runtime.evidence}: native extensions (ctypes/cffi callbacks, JIT libraries) may need writable executable memory`
    };
  }
  return { value: "yes", reason: `${c.runtime.evidence}; the restriction is inherited by every child process` };
}
function systemCallFilter2(c) {
  const extras = [];
  const why = [];
  const add = (entry2, evidence) => {
    if (!evidence || extras.includes(entry2)) return;
    extras.push(entry2);
    why.push(`${entry2} because ${evidence}`);
  };
  add("@clock", c.categories.get("time"));
  add("chroot", c.categories.get("chroot"));
  const chrootCap = capabilityBit("CAP_SYS_CHROOT");
  if (isSet(c.service, "Service", "CapabilityBoundingSet") && (c.service.state.capabilityBoundingSet & chrootCap) !== 0n) {
    add("chroot", "the unit keeps CAP_SYS_CHROOT in its own bounding set, so its configuration may chroot");
  }
  add("@mount", c.categories.get("mounter"));
  add("@module", c.categories.get("modules"));
  const names2 = (list3) => {
    const p = c.programs.find((n) => list3.includes(n));
    return p === void 0 ? void 0 : `the unit runs ${p}`;
  };
  add("@swap", names2(["swapon", "swapoff", "mkswap", "zramswap"]));
  add("@debug", names2(["gdb", "strace", "ltrace", "perf"]));
  add("@reboot", names2(["reboot", "shutdown", "poweroff", "kexec"]));
  const value2 = ["@system-service", ...extras].join(" ");
  return why.length > 0 ? { value: value2, reason: `adds ${why.join("; ")}` } : { value: value2 };
}
function addressFamilies(c) {
  const families = ["AF_UNIX", "AF_NETLINK"];
  if (c.network) families.push("AF_INET", "AF_INET6");
  const packet = c.categories.get("packet");
  if (packet) families.push("AF_PACKET");
  for (const p of c.programs) {
    const extra = EXTRA_FAMILIES[p];
    if (extra && !families.includes(extra)) families.push(extra);
  }
  const value2 = families.join(" ");
  if (!c.network) {
    return {
      value: value2,
      risk: "high",
      reason: "nothing in the unit suggests Internet use; add AF_INET AF_INET6 if it connects anywhere"
    };
  }
  const parts2 = [`Internet sockets because ${c.network}`, "AF_NETLINK for interface lookups (getifaddrs())"];
  if (packet) parts2.push(`AF_PACKET because ${packet}`);
  return { value: value2, reason: parts2.join("; ") };
}
function ipAddressDeny(c) {
  if (c.loopbackOnly) return { value: "any", reason: `${c.loopbackOnly}, and no other address` };
  return { value: "any", reason: "nothing in the unit suggests it uses the network" };
}
var REPORT_ONLY, NEEDS_ROOT, ALL_DIRECTIVES, category, program, mentions, setting, RULES, INHERITED, DEFER_RULES, SHARED_IPC_USERS, DEVICE_GROUPS, EXTRA_FAMILIES;
var init_context = __esm({
  "src/recommend/context.ts"() {
    "use strict";
    init_linux_names();
    init_versions();
    init_mount_namespace();
    init_catalogue();
    init_facts();
    init_programs();
    init_unit_text();
    REPORT_ONLY = ["container", "ci-runner", "system-manager", "session", "scheduler"];
    NEEDS_ROOT = [
      "network-manager",
      "tun",
      "packet",
      "time",
      "device",
      "audio",
      "realtime",
      "log-collector",
      "monitoring",
      "backup",
      "mounter",
      "kernel-tuner",
      "modules",
      "home-data",
      "etc-writer",
      "installer",
      "ipc-shared",
      "setuid-helper",
      "chroot",
      "namespaces",
      "mail-sender"
    ];
    ALL_DIRECTIVES = [...new Set(CATALOGUE.map((e) => e.directive))];
    category = (...cats) => (f) => {
      for (const c of cats) {
        const e = f.categories.get(c);
        if (e) return e;
      }
      return null;
    };
    program = (names2, what) => (f) => {
      const p = f.programs.find((n) => names2.includes(n));
      return p === void 0 ? null : `the unit runs ${p}, ${what}`;
    };
    mentions = (pick, what) => (f) => {
      const p = pick(f)[0];
      return p === void 0 ? null : `the unit mentions ${p}${what}`;
    };
    setting = (key, test, section = "Service") => (f) => {
      const v = scalarValue(f.service, section, key);
      return v !== null && test(v) ? `${key}=${v}` : null;
    };
    RULES = [
      {
        directives: "all",
        when: category(...REPORT_ONLY),
        because: "every restriction applies to everything it starts, so its hardening needs a review by hand"
      },
      {
        directives: MOUNT_NAMESPACE_DIRECTIVES,
        when: category("mounter"),
        because: "any mount namespace would cut the propagation of its mounts to the host"
      },
      {
        directives: ["MemoryDenyWriteExecute"],
        when: (f) => f.runtime.kind === "jit" ? f.runtime.evidence : null,
        because: "JIT compilers need writable and executable memory"
      },
      {
        directives: ["MemoryDenyWriteExecute"],
        when: (f) => f.runtime.kind === "shell" ? f.runtime.evidence : null,
        because: "the real runtime behind a script is unknown, and the restriction is inherited by everything it starts"
      },
      {
        directives: ["NoNewPrivileges"],
        when: category("setuid-helper"),
        because: "NoNewPrivileges= would stop setuid/setgid helpers from gaining their privileges"
      },
      {
        directives: ["PrivateTmp"],
        when: (f) => f.service.state.defaultDependencies ? null : "DefaultDependencies=no",
        because: "an early-boot service would be ordered after the /tmp mounts, which can create ordering cycles"
      },
      {
        directives: ["PrivateTmp"],
        when: (f) => {
          const p = scalarValue(f.service, "Service", "PIDFile");
          return p && /^\/(var\/)?tmp\//.test(p) ? `PIDFile=${p}` : null;
        },
        because: "PID 1 reads the PID file outside the private /tmp"
      },
      {
        directives: ["PrivateTmp"],
        when: category("shares-tmp"),
        because: "a private /tmp would hide those files from the other side"
      },
      {
        directives: ["PrivateTmp"],
        when: (f) => isSet(f.service, "Unit", "JoinsNamespaceOf") ? "JoinsNamespaceOf= is set" : null,
        because: "the unit shares its namespaces with another unit on purpose"
      },
      {
        directives: ["ProtectHome"],
        when: category("home-data"),
        because: "ProtectHome= would hide the home directories it works on"
      },
      {
        directives: ["ProtectKernelTunables"],
        when: category("network-manager", "tun", "kernel-tuner"),
        because: "ProtectKernelTunables= would make /proc/sys and /sys read-only for it"
      },
      {
        directives: ["ProtectKernelTunables"],
        when: mentions((f) => f.kernelPaths, ""),
        because: "ProtectKernelTunables= would make it read-only"
      },
      { directives: ["ProtectKernelModules"], when: category("modules"), because: "ProtectKernelModules= would stop that" },
      {
        directives: ["ProtectKernelLogs"],
        when: category("log-collector"),
        because: "ProtectKernelLogs= would cut it off from the kernel log"
      },
      {
        directives: ["ProtectKernelLogs"],
        when: mentions((f) => f.devicePaths.filter((p) => p === "/dev/kmsg"), ""),
        because: "ProtectKernelLogs= would hide it"
      },
      {
        directives: ["ProtectClock"],
        when: category("time"),
        because: "it must be able to set the clock (it keeps CAP_SYS_TIME and @clock)"
      },
      {
        directives: ["ProtectClock"],
        when: category("monitoring"),
        because: "monitoring agents read clock state through adjtimex(), which ProtectClock= blocks"
      },
      {
        directives: ["ProtectHostname"],
        when: category("hostname"),
        because: "it sets or follows the hostname, which a private UTS namespace hides"
      },
      {
        directives: ["RestrictSUIDSGID"],
        when: category("installer", "backup"),
        because: "setuid/setgid bits of the files it installs or restores must survive"
      },
      {
        directives: ["RestrictRealtime"],
        when: category("audio", "realtime", "time"),
        because: "it may need realtime scheduling"
      },
      {
        directives: ["RestrictRealtime"],
        when: setting("CPUSchedulingPolicy", (v) => v === "fifo" || v === "rr"),
        because: "the unit asks for realtime scheduling"
      },
      {
        directives: ["LockPersonality"],
        when: program(
          ["wine", "wine64", "setarch", "linux32", "linux64", "box86", "box64"],
          "which switches execution domains"
        ),
        because: "LockPersonality= forbids that"
      },
      {
        directives: ["SystemCallArchitectures", "LockPersonality"],
        when: mentions((f) => f.programs.filter((p) => /i[3-6]86|lib32|wine|steam|srcds/.test(p)), " (a 32-bit program)"),
        because: "32-bit binaries need the secondary ABI"
      },
      {
        directives: ["ProtectSystem"],
        when: category("etc-writer", "installer", "network-manager"),
        because: "ProtectSystem= would make the OS directories it writes read-only"
      },
      {
        directives: ["PrivateDevices"],
        when: category("device", "audio", "tun"),
        because: "it needs device nodes (use DevicePolicy=closed with an explicit DeviceAllow= list instead)"
      },
      {
        directives: ["PrivateDevices"],
        when: mentions((f) => f.devicePaths, ""),
        because: "PrivateDevices= would hide that device"
      },
      {
        directives: ["PrivateDevices"],
        when: (f) => listValue(f.service, "Service", "DeviceAllow").length > 0 ? "DeviceAllow= lists devices" : null,
        because: "the unit has its own device allow-list"
      },
      {
        directives: ["PrivateDevices"],
        when: (f) => {
          const g = f.service.state.supplementaryGroups.find((x) => DEVICE_GROUPS.has(x));
          return g ? `SupplementaryGroups=${g}` : null;
        },
        because: "device group membership means it uses device nodes"
      },
      {
        directives: ["RemoveIPC"],
        when: category("ipc-shared"),
        because: "sibling processes of the same user share IPC objects with it"
      },
      {
        directives: ["RemoveIPC"],
        when: (f) => f.service.state.user !== null && SHARED_IPC_USERS.has(f.service.state.user) ? `User=${f.service.state.user}` : null,
        because: "other units of that account share IPC objects, which would be removed when this one stops"
      },
      { directives: ["ProtectProc"], when: category("monitoring"), because: "it needs to see other users' processes" },
      {
        directives: ["RestrictNamespaces"],
        when: category("browser", "namespaces"),
        because: "it creates namespaces for its own sandbox or for network setup"
      },
      {
        directives: ["RestrictAddressFamilies"],
        when: category("network-manager", "tun"),
        because: "it needs socket families (netlink, packet, bluetooth, …) the unit does not enumerate"
      },
      {
        directives: ["IPAddressDeny"],
        when: (f) => f.loopbackOnly ? null : f.network,
        because: "it uses the network, so denying all IP traffic would cut it off"
      }
    ];
    INHERITED = [
      "NoNewPrivileges",
      "PrivateTmp",
      "ProtectHome",
      "ProtectKernelTunables",
      "ProtectKernelModules",
      "ProtectKernelLogs",
      "ProtectControlGroups",
      "ProtectClock",
      "ProtectHostname",
      "RestrictSUIDSGID",
      "RestrictRealtime",
      "LockPersonality",
      "SystemCallArchitectures",
      "ProtectSystem",
      "PrivateDevices",
      "PrivateMounts",
      "CapabilityBoundingSet",
      "RestrictNamespaces",
      "SystemCallFilter",
      "MemoryDenyWriteExecute",
      "RestrictAddressFamilies",
      "ProtectProc",
      "RemoveIPC"
    ];
    DEFER_RULES = [
      {
        signal: "a workload launcher (program list below)",
        directives: INHERITED,
        when: category("workload-launcher"),
        because: "and every job, build or session it starts inherits these settings"
      },
      {
        signal: "`KillMode=process`",
        directives: INHERITED,
        when: setting("KillMode", (v) => v === "process"),
        because: "so the processes it starts outlive it, as workloads, scripts and plugins do, and they inherit these settings"
      },
      {
        signal: "a comment in the unit that speaks of plugins, jobs, workloads or sudo",
        directives: [
          "NoNewPrivileges",
          "MemoryDenyWriteExecute",
          "SystemCallFilter",
          "ProtectHome",
          "RestrictNamespaces",
          "CapabilityBoundingSet",
          "PrivateDevices",
          "ProtectSystem"
        ],
        when: (f) => f.launchComment,
        because: "and what it starts inherits these settings"
      },
      {
        signal: "a monitoring agent that runs plugins (program list below)",
        directives: [
          "NoNewPrivileges",
          "PrivateDevices",
          "SystemCallFilter",
          "CapabilityBoundingSet",
          "MemoryDenyWriteExecute",
          "ProtectSystem",
          "ProtectHome",
          "RestrictNamespaces",
          "ProtectKernelTunables",
          "RestrictAddressFamilies"
        ],
        when: category("plugin-host"),
        because: "and its plugins inherit these settings"
      },
      {
        signal: "a program whose default configuration keeps data or a socket in /tmp (list below)",
        directives: ["PrivateTmp"],
        when: (f) => {
          const p = f.programs.find((n) => TMP_DEFAULTS[n] !== void 0);
          return p === void 0 ? null : `the unit runs ${p}, whose default configuration keeps ${TMP_DEFAULTS[p]} in /tmp`;
        },
        because: "which a private /tmp loses at every restart or hides from its clients"
      },
      {
        signal: "any monitoring agent",
        directives: ["SystemCallFilter", "PrivateDevices"],
        when: category("monitoring"),
        because: "and collectors may use perf_event_open (@debug), bpf (@privileged) or devices such as /dev/ipmi0"
      }
    ];
    SHARED_IPC_USERS = /* @__PURE__ */ new Set(["postgres", "mysql", "oracle", "sybase", "db2inst1", "mongodb"]);
    DEVICE_GROUPS = /* @__PURE__ */ new Set([
      "video",
      "render",
      "dialout",
      "kvm",
      "disk",
      "input",
      "audio",
      "lp",
      "cdrom",
      "tty",
      "plugdev",
      "i2c",
      "gpio",
      "spi"
    ]);
    EXTRA_FAMILIES = {
      bluetoothd: "AF_BLUETOOTH",
      iwd: "AF_ALG",
      cryptsetup: "AF_ALG",
      vmtoolsd: "AF_VSOCK",
      "qemu-ga": "AF_VSOCK"
    };
  }
});

// src/recommend/filesystem.ts
function protectSystem2(c) {
  const current = c.service.state.protectSystem;
  if (current === "strict") return { kind: "in-effect" };
  const blocker = c.writeTargets.find((t) => t.kind === "blocker");
  if (blocker) {
    const why = `${blocker.path} is written straight into ${blocker.parent}, which strict would make read-only (move it into a directory of its own to use strict)`;
    if (current === "full") return { kind: "skip", reason: `strict: ${why}` };
    return { kind: "set", value: "full", risk: "medium", reason: why };
  }
  const broad = category(...WRITES_ANYWHERE)(c);
  if (broad) {
    const why = `${broad}: it writes to locations the unit does not list (mail spools, log files, restored files), which strict would make read-only`;
    if (current === "full") return { kind: "skip", reason: `strict: ${why}` };
    return { kind: "set", value: "full", risk: "medium", reason: why };
  }
  const known = c.writeTargets.length > 0 || DIRECTORY_KEYS.some((k) => isSet(c.service, "Service", k)) || isSet(c.service, "Service", "ReadWritePaths");
  if (!known && current !== "no") {
    return {
      kind: "skip",
      reason: `strict: the unit chose ProtectSystem=${current} and names none of the locations it writes, which strict would make read-only`
    };
  }
  const upgrade = current === "no" ? "" : `upgrades ProtectSystem=${current}; `;
  const persistent = persistentLocations(c);
  if (persistent.length === 0) {
    const runtime = c.writeTargets.map((t) => t.path);
    const named = runtime.length > 0 ? `names only ${runtime.join(", ")}` : "names no write location";
    return {
      kind: "set",
      value: "strict",
      risk: "high",
      reason: `${upgrade}the unit ${named}, not where the service keeps its data`,
      deferredBecause: `the unit ${named}, not where the service keeps its data, cache or logs`
    };
  }
  return {
    kind: "set",
    value: "strict",
    risk: "high",
    reason: `${upgrade}the unit names where it writes (${persistent.join(", ")}), and those stay writable; anything else it writes becomes read-only`
  };
}
function persistentLocations(c) {
  const out = [];
  for (const t of c.writeTargets) {
    if (t.kind === "path" || t.kind === "directory" && t.directive !== "RuntimeDirectory") out.push(t.path);
  }
  for (const [k, root] of [
    ["StateDirectory", "/var/lib"],
    ["CacheDirectory", "/var/cache"],
    ["LogsDirectory", "/var/log"]
  ]) {
    for (const v of listValue(c.service, "Service", k)) out.push(`${root}/${v.split(":")[0]}`);
  }
  for (const v of listValue(c.service, "Service", "ReadWritePaths")) out.push(v.replace(/^[-+]+/, ""));
  return [...new Set(out)];
}
function conventionalDirectories(c) {
  const main = c.commands.find((x) => x.directive === "ExecStart");
  const raw = [unitPrefix(c.service.unit), ...main ? [programName(main.path)] : []];
  const names2 = [];
  for (const n of raw) {
    const base = n.replace(/[-_](server|daemon|agent|service)$/, "");
    for (const x of [n, base, /^[a-z]{4,}d$/.test(base) ? base.slice(0, -1) : base]) {
      if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(x) && !names2.includes(x)) names2.push(x);
    }
  }
  const taken = new Set(persistentLocations(c));
  return CONVENTIONAL_ROOTS.flatMap((root) => names2.slice(0, 3).map((n) => `${root}/${n}`)).filter((p) => !taken.has(p));
}
function writeDirectives(c, nonRoot, privateTmpAfter) {
  const out = [];
  const existing = new Map(DIRECTORY_KEYS.map((k) => [k, new Set(listValue(c.service, "Service", k))]));
  const writable = listValue(c.service, "Service", "ReadWritePaths").map((p) => p.replace(/^[-+]+/, ""));
  const covered = (path) => writable.some((w) => isWithin(path, w));
  const pidFile2 = scalarValue(c.service, "Service", "PIDFile");
  let preserve = isSet(c.service, "Service", "RuntimeDirectoryPreserve");
  for (const t of c.writeTargets) {
    if (t.kind === "blocker" || covered(t.path)) continue;
    if (t.kind === "path") {
      out.push({ directive: "ReadWritePaths", value: `-${t.path}`, reason: `the unit mentions ${t.path}` });
      continue;
    }
    if (existing.get(t.directive).has(t.name)) continue;
    const createdHere = c.createdDirs.some((d) => isWithin(d, t.path)) || pidFile2 !== null && isWithin(pidFile2.replace(/^\/var\/run\//, "/run/"), t.path);
    if (nonRoot || t.directive === "RuntimeDirectory" && createdHere) {
      out.push({ directive: t.directive, value: t.name, reason: `the unit mentions ${t.path}` });
      if (t.directive === "RuntimeDirectory" && !preserve) {
        preserve = true;
        out.push({
          directive: "RuntimeDirectoryPreserve",
          value: "yes",
          reason: `keeps ${t.path} when the service stops, as it was before, for sibling units and clients that use it`
        });
      }
    } else {
      out.push({
        directive: "ReadWritePaths",
        value: `-${t.path}`,
        reason: `the unit mentions ${t.path}; a root service keeps the directory's owner (${t.directive}= would chown it to root)`
      });
    }
  }
  if (!privateTmpAfter && !covered("/tmp")) {
    out.push({
      directive: "ReadWritePaths",
      value: "-/tmp -/var/tmp",
      reason: "without PrivateTmp=, strict would make the shared /tmp read-only"
    });
  }
  return out;
}
var CONVENTIONAL_ROOTS, DIRECTORY_KEYS, WRITES_ANYWHERE;
var init_filesystem = __esm({
  "src/recommend/filesystem.ts"() {
    "use strict";
    init_names();
    init_context();
    init_paths();
    init_programs();
    init_unit_text();
    CONVENTIONAL_ROOTS = ["/var/lib", "/var/cache", "/var/log"];
    DIRECTORY_KEYS = ["StateDirectory", "LogsDirectory", "CacheDirectory", "RuntimeDirectory"];
    WRITES_ANYWHERE = ["home-data", "log-collector", "backup"];
  }
});

// src/recommend/identity.ts
function identity3(c, strictPossible) {
  const state = c.service.state;
  if (state.user === "nobody" && !state.dynamicUser) {
    return {
      kind: "skip",
      directive: "User",
      reason: "User=nobody is an identity shared with other services: create a dedicated user (sysusers.d) and set User= to it"
    };
  }
  if (!c.runsAsRoot) return { kind: "unchanged" };
  if (state.user !== null) return { kind: "skip", directive: "User", reason: `User=${state.user} is set explicitly` };
  const rootNeed = category(...NEEDS_ROOT)(c);
  const dropper = category("privilege-dropper")(c);
  const bang = c.commands.find((x) => x.directive === "ExecStart" && x.noSetuid);
  const named = c.namedUser;
  if (named?.wrapper) {
    return {
      kind: "skip",
      directive: "User",
      reason: `${named.evidence}: set User=${named.user} and drop the wrapper by hand`
    };
  }
  if (bang)
    return {
      kind: "skip",
      directive: "User",
      reason: `ExecStart=!${bang.path} is meant to start as root and switch users itself`
    };
  if (dropper)
    return {
      kind: "skip",
      directive: "User",
      reason: `${dropper}: running it as a non-root user from the start needs its configuration changed`
    };
  if (rootNeed)
    return { kind: "skip", directive: named ? "User" : "DynamicUser", reason: `${rootNeed}: it needs root privileges` };
  if (named) {
    const alsoFlag = named.evidence.startsWith("Group=") ? "" : `; its own switch to ${named.user} becomes a no-op`;
    return { kind: "static", user: named.user, reason: `${named.evidence}${alsoFlag}` };
  }
  const unsafe = dynamicUserObstacle(c, strictPossible);
  if (unsafe) return { kind: "skip", directive: "DynamicUser", reason: unsafe };
  return {
    kind: "dynamic",
    reason: "nothing in the unit needs root: a transient user owns only the directories systemd manages for it"
  };
}
function dynamicUserObstacle(c, strictPossible) {
  const s = c.service.state;
  if (!s.defaultDependencies)
    return "DefaultDependencies=no: an early-boot service cannot rely on NSS for a dynamic user";
  if (s.type === "dbus" || s.busName !== null)
    return "it is a D-Bus service, and bus policies are usually keyed on a user name";
  if (s.type === "forking")
    return "Type=forking: a traditional forking daemon usually manages its PID file and privileges itself";
  if (c.runtime.kind === "shell") return `${c.runtime.evidence}: what a script needs root for is unknown`;
  if (s.permissionsStartOnly) return "PermissionsStartOnly=yes: its control commands expect to run as root";
  const privileged = c.commands.find((x) => x.fullyPrivileged || x.noSetuid);
  if (privileged)
    return `${privileged.directive}=${privileged.fullyPrivileged ? "+" : "!"}${privileged.path} expects root-owned state`;
  const prep = c.commands.find(
    (x) => x.directive !== "ExecStart" && ["mkdir", "chown", "chmod", "install", "ln", "cp", "mv", "rm"].includes(
      x.path.slice(x.path.lastIndexOf("/") + 1)
    )
  );
  if (prep) return `${prep.directive}=${prep.path} prepares files as root`;
  if (!strictPossible) return "a dynamic user implies ProtectSystem=strict, which this unit cannot take";
  const outside = c.writeTargets.find((t) => t.kind === "path");
  if (outside) return `it writes to ${outside.path}, outside the directories a dynamic user can own`;
  if (isSet(c.service, "Service", "ReadWritePaths"))
    return "ReadWritePaths= lists locations a dynamic user would not own";
  const home = c.homePaths[0];
  if (home) return `the unit mentions ${home}`;
  const dev = c.devicePaths[0];
  if (dev) return `the unit mentions ${dev}, which a dynamic user cannot open`;
  if (s.supplementaryGroups.length > 0)
    return "SupplementaryGroups= grants group-based access a dynamic user would change";
  const declared = c.writeTargets.some((t) => t.kind === "directory") || DIRECTORY_KEYS.some((k) => isSet(c.service, "Service", k));
  if (!declared)
    return "the unit does not say where the service keeps its data, and a dynamic user cannot write to directories owned by root or another account (declare them with StateDirectory= and friends first)";
  if (!dynamicUserNameOk(c.service.unit))
    return `the unit name would make the dynamic user "${c.service.unit.split(/[@.]/)[0]}"`;
  return null;
}
var init_identity2 = __esm({
  "src/recommend/identity.ts"() {
    "use strict";
    init_context();
    init_facts();
    init_filesystem();
    init_unit_text();
  }
});

// src/recommend/candidates.ts
function planPhases(c) {
  const s = c.service.state;
  const skipped2 = [];
  const inEffect = [];
  const phases = new Map(PHASES.map((p) => [p.id, []]));
  const skip = (directive, reason, value2) => {
    if (!skipped2.some((x) => x.directive === directive))
      skipped2.push(value2 === void 0 ? { directive, reason } : { directive, value: value2, reason });
  };
  const offer = (entryId, o) => {
    const entry2 = catalogueEntry(entryId);
    const veto = c.vetoes.get(entry2.directive);
    if (o.inEffect) {
      if (!inEffect.includes(entry2.directive)) inEffect.push(entry2.directive);
      return null;
    }
    if (veto) {
      skip(entry2.directive, veto);
      return null;
    }
    if (o.deliberate) {
      skip(entry2.directive, o.deliberate);
      return null;
    }
    if (!honouredByFleet(entry2, c.fleet)) {
      const oldest = c.fleet.versions.length > 1 ? ` (the range ${c.fleet.text} starts at ${c.fleet.oldest})` : "";
      skip(
        entry2.directive,
        `${entry2.id} needs systemd ${c.fleet.versions.length > 1 ? entry2.since : entry2.minVersion} or newer${oldest}`,
        entry2.value
      );
      return null;
    }
    const candidate = {
      entry: entry2,
      directive: entry2.directive,
      value: o.value ?? o.adjust?.value ?? entry2.value,
      risk: o.adjust?.risk ?? entry2.risk,
      reason: o.adjust?.reason ?? defaultReason(entry2.directive),
      ...o.takesEffect ? { takesEffect: o.takesEffect } : {}
    };
    const because = c.deferrals.get(entry2.directive) ?? o.deferredBecause;
    if (because !== void 0) Object.assign(candidate, { question: checkOf(entry2.directive).asks, because });
    phases.get(entry2.phase).push(candidate);
    return candidate;
  };
  const attach = (id, value2, reason, risk, to) => {
    const entry2 = catalogueEntry(id);
    phases.get(entry2.phase).push({
      entry: entry2,
      directive: entry2.directive,
      value: value2,
      risk,
      reason,
      companionOf: to,
      ...to.question === void 0 ? {} : { question: to.question, because: to.because }
    });
  };
  const bool2 = (directive, key, adjust) => offer(`${directive}=yes`, {
    inEffect: s[key],
    deliberate: turnedOff(c, directive),
    takesEffect: (st) => st[key],
    ...adjust ? { adjust } : {}
  });
  const keyword = (directive, key) => offer(`${directive}=yes`, {
    inEffect: s[key] !== "no",
    deliberate: turnedOff(c, directive),
    takesEffect: (st) => st[key] !== "no"
  });
  bool2("NoNewPrivileges", "noNewPrivileges", noNewPrivileges(c));
  const tmp = privateTmp2(c);
  const tmpCandidate = offer(`PrivateTmp=${tmp.value}`, {
    inEffect: s.privateTmp !== "no",
    deliberate: turnedOff(c, "PrivateTmp"),
    adjust: tmp,
    takesEffect: (st) => st.privateTmp !== "no"
  });
  const tmpOffered = tmpCandidate !== null && tmpCandidate.question === void 0;
  const home = protectHome2(c);
  offer(`ProtectHome=${home.value}`, {
    // A read-only/tmpfs value the unit chose is deliberate; the one DynamicUser= implies is not.
    inEffect: s.protectHome === "yes" || s.protectHome === home.value,
    deliberate: s.protectHome !== "no" && isExplicit(c, "ProtectHome") ? `the unit sets ProtectHome=${s.protectHome} on purpose` : turnedOff(c, "ProtectHome"),
    adjust: home,
    takesEffect: (st) => st.protectHome === home.value
  });
  bool2("ProtectKernelTunables", "protectKernelTunables");
  const removed = /* @__PURE__ */ new Map();
  const removes = (cand, inEffect2, caps2) => {
    if (inEffect2 || cand !== null && cand.question === void 0)
      for (const k of caps2) removed.set(k, cand ? `${cand.directive}=${cand.value}` : "a setting in effect");
  };
  removes(bool2("ProtectKernelModules", "protectKernelModules"), s.protectKernelModules, ["CAP_SYS_MODULE"]);
  removes(bool2("ProtectKernelLogs", "protectKernelLogs"), s.protectKernelLogs, ["CAP_SYSLOG"]);
  keyword("ProtectControlGroups", "protectControlGroups");
  removes(bool2("ProtectClock", "protectClock"), s.protectClock, ["CAP_SYS_TIME", "CAP_WAKE_ALARM"]);
  keyword("ProtectHostname", "protectHostname");
  bool2("RestrictSUIDSGID", "restrictSuidSgid");
  bool2("RestrictRealtime", "restrictRealtime");
  bool2("LockPersonality", "lockPersonality");
  offer("SystemCallArchitectures=native", {
    inEffect: s.syscallArchitectures.size === 1 && s.syscallArchitectures.has("native"),
    deliberate: s.syscallArchitectures.size > 0 ? `the unit sets SystemCallArchitectures=${[...s.syscallArchitectures].join(" ")} itself` : null,
    takesEffect: (st) => st.syscallArchitectures.size === 1 && st.syscallArchitectures.has("native")
  });
  const ps = c.vetoes.has("ProtectSystem") ? null : protectSystem2(c);
  const strictDeferred = ps?.kind === "set" && (ps.deferredBecause !== void 0 || c.deferrals.has("ProtectSystem"));
  const strictAfter = s.protectSystem === "strict" || ps?.kind === "set" && ps.value === "strict" && !strictDeferred && !turnedOff(c, "ProtectSystem");
  const planned = identity3(c, strictAfter);
  const identityVeto = planned.kind === "static" ? c.vetoes.get("User") : planned.kind === "dynamic" ? c.vetoes.get("DynamicUser") : void 0;
  const who = identityVeto ? { kind: "skip", directive: planned.kind === "static" ? "User" : "DynamicUser", reason: identityVeto } : planned;
  const nonRootAfter = !c.runsAsRoot || who.kind === "static" || who.kind === "dynamic";
  if (ps === null || ps.kind === "skip") {
    if (ps?.kind === "skip") skip("ProtectSystem", ps.reason, "strict");
    else offer("ProtectSystem=strict", { inEffect: s.protectSystem === "strict" });
  } else if (ps.kind === "in-effect") inEffect.push("ProtectSystem");
  else {
    if (ps.deferredBecause !== void 0 && (s.protectSystem === "no" || s.protectSystem === "yes") && !c.deferrals.has("ProtectSystem")) {
      offer("ProtectSystem=full", {
        inEffect: false,
        deliberate: turnedOff(c, "ProtectSystem"),
        adjust: {
          value: "full",
          risk: "medium",
          reason: "only /usr, /boot, /efi and /etc become read-only, and nothing in the unit writes there; strict waits for the question below"
        },
        takesEffect: (st) => st.protectSystem === "full" || st.protectSystem === "strict"
      });
    }
    const strict = offer(`ProtectSystem=${ps.value}`, {
      inEffect: false,
      deliberate: turnedOff(c, "ProtectSystem"),
      adjust: { value: ps.value, risk: ps.risk, reason: ps.reason },
      takesEffect: (st) => st.protectSystem === ps.value || st.protectSystem === "strict",
      ...ps.deferredBecause === void 0 ? {} : { deferredBecause: ps.deferredBecause }
    });
    if (strict && ps.value === "strict") {
      const tmpAfter = s.privateTmp !== "no" || tmpOffered || who.kind === "dynamic";
      for (const w of writeDirectives(c, nonRootAfter, tmpAfter)) {
        const id = w.directive === "ReadWritePaths" ? "ReadWritePaths=-<path>" : w.directive === "RuntimeDirectoryPreserve" ? "RuntimeDirectoryPreserve=yes" : `${w.directive}=<name>`;
        attach(id, w.value, w.reason, ps.risk, strict);
      }
      const usual = strict.question === void 0 ? [] : conventionalDirectories(c);
      if (usual.length > 0) {
        attach(
          "ReadWritePaths=-<path>",
          usual.map((p) => `-${p}`).join(" "),
          "the data, cache and log directories a daemon of this name conventionally uses; keep the ones it writes",
          ps.risk,
          strict
        );
      }
    }
  }
  removes(bool2("PrivateDevices", "privateDevices"), s.privateDevices, ["CAP_MKNOD", "CAP_SYS_RAWIO"]);
  offer("PrivateMounts=yes", {
    inEffect: s.privateMounts !== false,
    deliberate: turnedOff(c, "PrivateMounts"),
    takesEffect: (st) => st.privateMounts !== false
  });
  let ambientAfter = s.ambientCapabilities;
  if (who.kind === "skip") skip(who.directive, who.reason);
  else if (who.kind === "static" || who.kind === "dynamic") {
    const offered = who.kind === "static" ? offer("User=<name>", {
      inEffect: false,
      value: who.user,
      adjust: { value: who.user, reason: who.reason },
      takesEffect: (st) => st.user === who.user
    }) : offer("DynamicUser=yes", {
      inEffect: false,
      adjust: { value: "yes", reason: who.reason },
      takesEffect: (st) => st.dynamicUser
    });
    const ambient = offered ? ambientCapabilities2(c) : null;
    if (offered && ambient) {
      ambientAfter |= capabilitySetOf(ambient.names);
      attach("AmbientCapabilities=<capabilities>", ambient.names.join(" "), ambient.reason, "medium", offered);
    }
  }
  if (nonRootAfter && who.kind !== "dynamic" && s.user !== "nobody")
    bool2("RemoveIPC", "removeIpc", {
      value: "yes",
      reason: "the service user's leftover IPC objects are removed when it stops"
    });
  else if (!nonRootAfter) skip("RemoveIPC", "applies to non-root services only");
  if (nonRootAfter) {
    offer("ProtectProc=invisible", {
      inEffect: s.protectProc !== "default",
      adjust: { value: "invisible", reason: "a non-root service does not see other users' processes" },
      takesEffect: (st) => st.protectProc === "invisible"
    });
  } else if (s.protectProc === "default" && !c.vetoes.has("ProtectProc"))
    skip("ProtectProc", "root bypasses it, so it would change the score but not the protection");
  const caps = capabilities2(c, nonRootAfter, ambientAfter, new Set(removed.keys()));
  if (caps.kind === "in-effect") inEffect.push("CapabilityBoundingSet");
  else if (caps.kind === "skip") {
    if (!c.vetoes.has("CapabilityBoundingSet")) skip("CapabilityBoundingSet", caps.reason);
  } else {
    const id = caps.value === "" ? "CapabilityBoundingSet=" : caps.deny ? "CapabilityBoundingSet=~<capabilities>" : "CapabilityBoundingSet=<capabilities>";
    offer(id, {
      inEffect: false,
      value: caps.value,
      adjust: { value: caps.value, risk: caps.risk, reason: caps.reason },
      takesEffect: (st) => caps.deny ? (st.capabilityBoundingSet & caps.caps) === 0n : (st.capabilityBoundingSet & ~caps.caps) === 0n
    });
  }
  offer("RestrictNamespaces=yes", {
    inEffect: s.restrictNamespaces === 0,
    deliberate: s.restrictNamespaces !== null ? "the unit allows some namespaces on purpose" : null,
    takesEffect: (st) => st.restrictNamespaces === 0
  });
  const filter = systemCallFilter2(c);
  const filterOffered = offer("SystemCallFilter=@system-service", {
    inEffect: s.syscallFilter?.allowList === true,
    deliberate: s.syscallFilter !== null ? "the unit has its own system-call deny-list; turning it into an allow-list is a change to make by hand" : null,
    value: filter.value,
    adjust: filter,
    takesEffect: (st) => st.syscallFilter?.allowList === true
  });
  if (filterOffered && scalarValue(c.service, "Service", "SystemCallErrorNumber") === null) {
    attach(
      "SystemCallErrorNumber=EPERM",
      "EPERM",
      "a call outside the filter fails with EPERM instead of killing the service",
      "low",
      filterOffered
    );
  }
  bool2("MemoryDenyWriteExecute", "memoryDenyWriteExecute", memoryDenyWriteExecute(c));
  const families = addressFamilies(c);
  offer("RestrictAddressFamilies=<families>", {
    inEffect: false,
    deliberate: s.addressFamilies !== null || s.addressFamiliesAllowList ? "the unit restricts socket families itself" : null,
    value: families.value,
    adjust: families,
    takesEffect: (st) => st.addressFamiliesAllowList && st.addressFamilies !== null,
    // Without Internet sockets in the list, a service the unit merely does not show on the network would lose it.
    ...c.network ? {} : { deferredBecause: "nothing in the unit shows whether it uses Internet sockets" }
  });
  const deny = offer("IPAddressDeny=any", {
    inEffect: false,
    deliberate: s.ipAddressDeny.length > 0 || s.ipIngressFilterPaths + s.ipEgressFilterPaths > 0 ? "the unit filters IP traffic itself" : null,
    adjust: ipAddressDeny(c),
    takesEffect: (st) => st.ipAddressDeny.some((p) => p.family === 4 && p.prefixLength === 0) && st.ipAddressDeny.some((p) => p.family === 6 && p.prefixLength === 0),
    deferredBecause: c.loopbackOnly ?? "the unit does not show which IP peers it talks to"
  });
  if (deny && s.ipAddressAllow.length === 0) {
    attach(
      "IPAddressAllow=localhost",
      "localhost",
      "keeps loopback traffic: local clients and its own local services",
      "medium",
      deny
    );
  }
  return {
    phases: PHASES.map((p) => ({ phase: p.id, candidates: phases.get(p.id) })).filter((p) => p.candidates.length > 0),
    skipped: skipped2,
    inEffect
  };
}
function turnedOff(c, directive) {
  const all = assignmentsOf(c.service, "Service", directive);
  const last = all[all.length - 1];
  if (last === void 0 || parseBoolean(last.value) !== false) return null;
  return `the unit sets ${directive}=${last.value} on purpose`;
}
function isExplicit(c, directive) {
  return assignmentsOf(c.service, "Service", directive).length > 0;
}
var defaultReason;
var init_candidates = __esm({
  "src/recommend/candidates.ts"() {
    "use strict";
    init_linux_names();
    init_words();
    init_capabilities3();
    init_catalogue();
    init_checks();
    init_context();
    init_filesystem();
    init_identity2();
    init_unit_text();
    defaultReason = (directive) => `the unit shows no ${checkOf(directive).looked}`;
  }
});

// src/recommend/comments.ts
function unitComments(source, service) {
  const out = [];
  for (const f of service.files) {
    let bytes;
    try {
      bytes = source.read(f.file);
    } catch (e) {
      if (e instanceof UnreadableFile) continue;
      throw e;
    }
    if (bytes === null) continue;
    const text2 = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 1 << 20));
    let n = 0;
    for (const line of text2.split("\n")) {
      const t = line.trimStart();
      if (!t.startsWith("#") && !t.startsWith(";")) continue;
      out.push(t.slice(1).trim().slice(0, MAX_LENGTH));
      if (++n >= MAX_LINES) break;
    }
  }
  return out;
}
var MAX_LINES, MAX_LENGTH;
var init_comments = __esm({
  "src/recommend/comments.ts"() {
    "use strict";
    init_source();
    MAX_LINES = 200;
    MAX_LENGTH = 300;
  }
});

// src/recommend/dropin.ts
function rolloutSteps(restart2) {
  return [
    `Phase by phase: a canary host first, under normal load for a day, watching \`journalctl -u ${restart2} -f\` and the service's own health check; then a tenth of the fleet; then the rest.`,
    "Uncomment a deferred line only once its question is answered, and roll it out as a phase of its own."
  ];
}
function rollbackCommand(path, restart2) {
  return `rm ${INSTALL_DIR}/${path} && systemctl daemon-reload && systemctl restart '${restart2}'`;
}
function renderDropIn(header, phases, options = {}) {
  const out = [];
  const lines2 = /* @__PURE__ */ new Map();
  const active = phases.reduce((n, p) => n + p.directives.length, 0);
  const deferred = phases.reduce((n, p) => n + (p.deferred?.length ?? 0), 0);
  out.push(
    `# ${oneLine(header.path)}: hardening for ${oneLine(header.unit)}, suggested by systemd-exposure for systemd ${header.version}.`
  );
  if (header.now !== void 0 && header.predicted !== void 0) {
    const counted = deferred === 0 ? "with every line below" : `with the ${active} active line${active === 1 ? "" : "s"} below; the ${deferred} commented-out line${deferred === 1 ? " is" : "s are"} not counted`;
    const answered = deferred > 0 && header.ifAnswered !== void 0 ? ` (with them too: ${header.ifAnswered})` : "";
    out.push(`# systemd-analyze security: ${header.now} now, ${header.predicted} ${counted}${answered}.`);
  }
  if (header.perVersion !== void 0) out.push(`# Per version: ${header.perVersion.map(oneLine).join("; ")}.`);
  if (header.observe !== void 0 && header.observe.length > 0) {
    out.push(
      "# Observe first, on one host running it: PID=$(systemctl show -P MainPID " + oneLine(header.restart) + ")"
    );
    for (const o of header.observe) out.push(`#   ${oneLine(o)}`);
  }
  rolloutSteps(oneLine(header.restart)).forEach(
    (step, k) => out.push(k === 0 ? `# Roll out in rings. ${step}` : `# ${step}`)
  );
  out.push(`# Rollback, one command: ${rollbackCommand(oneLine(header.path), oneLine(header.restart))}`);
  if (phases.length === 0) {
    out.push("# Nothing to add: every suggestion is in effect or was skipped.");
    return { content: out.join("\n") + "\n", lines: lines2 };
  }
  out.push("", "[Service]");
  phases.forEach((p, i) => {
    if (i > 0) out.push("");
    out.push(
      p.directives.length === 0 ? `# Phase ${i + 1}: ${p.name} (deferred lines only)` : `# Phase ${i + 1}: ${p.name} (risk: ${p.risk})${p.score === void 0 ? "" : ` → ${p.score}`}`
    );
    p.directives.forEach((d, j) => {
      if (d.note !== null) out.push(`# ${d.risk} risk; ${oneLine(d.note)}`);
      out.push(`${d.directive}=${d.value}`);
      lines2.set(out.length, [i, j, false]);
    });
    const waiting = p.deferred ?? [];
    let because;
    let asked;
    waiting.forEach((d, j) => {
      if (d.because !== because) out.push(`# Deferred, not counted in any score: ${oneLine(d.because ?? "")}.`);
      const question = d.question ?? "";
      if (question !== asked || d.because !== because) out.push(`# ? ${oneLine(question)}`);
      because = d.because;
      asked = question;
      if (options.uncommentDeferred) {
        out.push(`${d.directive}=${d.value}`);
        lines2.set(out.length, [i, j, true]);
      } else out.push(`#${d.directive}=${oneLine(d.value)}`);
    });
  });
  return { content: out.join("\n") + "\n", lines: lines2 };
}
var INSTALL_DIR, oneLine;
var init_dropin = __esm({
  "src/recommend/dropin.ts"() {
    "use strict";
    INSTALL_DIR = "/etc/systemd/system";
    oneLine = (s) => s.replace(/[\x00-\x1f\x7f]+/g, " ");
  }
});

// src/recommend/sockets.ts
function socketUnitsOf(source, path, service) {
  const named = listValue(service, "Service", "Sockets").filter((n) => /^[^/]+\.socket$/.test(n));
  const names2 = named.length > 0 ? named : [`${unitPrefix(basename(path))}.socket`];
  const out = [];
  for (const name of names2.slice(0, 8)) {
    let bytes;
    try {
      bytes = source.read(joinPath(dirname(path), name));
    } catch (e) {
      if (e instanceof UnreadableFile) continue;
      throw e;
    }
    if (bytes === null) continue;
    const syntax = parseUnitFile(bytes, name, SECTIONS);
    if (syntax.aborted) continue;
    const listens = syntax.assignments.filter((a) => a.section === "Socket" && LISTEN.includes(a.key) && a.value !== "").map((a) => listenOf(a.key, a.value));
    out.push({ unit: name, listens });
  }
  return out;
}
function listenOf(directive, value2) {
  if (directive === "ListenNetlink") return { directive, value: value2, family: "netlink", port: null };
  if (!["ListenStream", "ListenDatagram", "ListenSequentialPacket"].includes(directive))
    return { directive, value: value2, family: "other", port: null };
  if (value2.startsWith("/") || value2.startsWith("@")) return { directive, value: value2, family: "unix", port: null };
  if (/^vsock:/i.test(value2)) return { directive, value: value2, family: "other", port: null };
  const m = /(?:^|:)(\d{1,5})$/.exec(value2);
  return { directive, value: value2, family: "inet", port: m ? Number(m[1]) : null };
}
var LISTEN, SECTIONS;
var init_sockets = __esm({
  "src/recommend/sockets.ts"() {
    "use strict";
    init_names();
    init_source();
    init_syntax();
    init_unit_text();
    LISTEN = [
      "ListenStream",
      "ListenDatagram",
      "ListenSequentialPacket",
      "ListenNetlink",
      "ListenFIFO",
      "ListenSpecial",
      "ListenMessageQueue",
      "ListenUSBFunction"
    ];
    SECTIONS = /* @__PURE__ */ new Set(["Unit", "Socket", "Install"]);
  }
});

// src/recommend/regression.ts
function suggestRegressionFix(input) {
  const { rowId, version } = input;
  const base = input.base.service;
  const head = input.head.service;
  const assessor = ASSESSORS.find((a) => a.id === rowId);
  if (!assessor) return null;
  const baseBadness = rowBadness(input.base.rows, rowId);
  const headBadness = rowBadness(input.head.rows, rowId);
  if ((headBadness ?? -1) <= (baseBadness ?? -1)) return null;
  const proposals = [];
  if (rowId.startsWith("CapabilityBoundingSet=~")) proposals.push(...capabilityFixes(base, head, rowId));
  if (rowId === "AmbientCapabilities=") {
    const added = effectiveLines(base, "AmbientCapabilities").length === 0 ? settingFix(base, head, "AmbientCapabilities") : null;
    proposals.push(
      added ?? setFix(
        "AmbientCapabilities",
        base.state.ambientCapabilities,
        "restore",
        "the base granted no more ambient capabilities than this"
      )
    );
  }
  for (const key of assessor.reads) {
    if (key === "CapabilityBoundingSet" || key === "AmbientCapabilities") continue;
    const p = settingFix(base, head, key);
    if (p) proposals.push(p);
  }
  let first = null;
  for (const p of proposals) {
    const fixed = fixedBadness(applyFix(head, p, version), input.head.rows, rowId, version);
    const verified = fixed !== null ? baseBadness !== null && fixed <= baseBadness : baseBadness === null;
    const fix = { rowId, ...p, badness: { base: baseBadness, head: headBadness, fixed }, verified };
    if (verified) return fix;
    first ??= fix;
  }
  return first;
}
function rowBadness(rows, rowId) {
  return rows.find((x) => x.id === rowId)?.badness ?? null;
}
function fixedBadness(fixed, headRows, rowId, version) {
  if (fixed === null) return rowBadness(headRows, rowId);
  const r = assessLoaded(fixed, fixed.fragmentPath, { version });
  return r.ok ? rowBadness(r.rows, rowId) : null;
}
function rowCapabilities(rowId) {
  const expand3 = (p) => {
    const m = /^(.*?)\(([^()]*)\)(.*)$/.exec(p);
    return m ? m[2].split("|").flatMap((alt) => expand3(`${m[1]}${alt}${m[3]}`)) : [p];
  };
  let mask = 0n;
  for (const pattern of expand3(rowId.replace(/^CapabilityBoundingSet=~/, ""))) {
    CAPABILITY_NAMES.forEach((n, i) => {
      const name = n.toUpperCase();
      if (pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern) mask |= 1n << BigInt(i);
    });
  }
  return mask;
}
function setFix(key, set, kind, reason) {
  const list3 = capabilityNames(set & KNOWN_CAPS);
  return { kind, lines: list3.length === 0 ? [`${key}=`] : [`${key}=`, `${key}=${list3.join(" ")}`], remove: [], reason };
}
function capabilityFixes(base, head, rowId) {
  const row2 = rowCapabilities(rowId);
  const baseSet = base.state.capabilityBoundingSet & KNOWN_CAPS;
  const headSet = head.state.capabilityBoundingSet & KNOWN_CAPS;
  const regained = headSet & ~baseSet & row2;
  const out = [];
  for (const key of ["PrivateDevices", "ProtectKernelModules", "ProtectKernelLogs", "ProtectClock"]) {
    const p = settingFix(base, head, key);
    if (p) out.push(p);
  }
  if (regained === 0n) return out;
  const added = headSet & ~baseSet;
  const others = added & ~row2;
  if (others !== 0n && headSet !== KNOWN_CAPS) {
    out.unshift(
      setFix(
        "CapabilityBoundingSet",
        baseSet | others,
        "narrow",
        `the head adds ${capabilityNames(added).join(" ")}; keeping only ${capabilityNames(others).join(" ")} drops ${capabilityNames(regained).join(" ")} again`
      )
    );
  }
  out.push(
    setFix(
      "CapabilityBoundingSet",
      baseSet,
      "restore",
      `the head's bounding set regains ${capabilityNames(regained).join(" ")}; if the service needs one privilege, grant that single capability rather than a wider set`
    )
  );
  return out;
}
function settingFix(base, head, key) {
  const baseLines = effectiveLines(base, key);
  const headLines = effectiveLines(head, key);
  if (baseLines.map((a) => a.value).join("\n") === headLines.map((a) => a.value).join("\n")) return null;
  if (baseLines.length === 0) {
    return {
      kind: "remove",
      lines: [],
      remove: headLines.map((a) => ({ file: a.file, line: a.line, text: `${a.key}=${a.value}` })),
      reason: `the base does not set ${key}=; the head's ${headLines.map((a) => `${key}=${a.value}`).join(", ")} causes the regression`
    };
  }
  const lines2 = LIST_KEYS.has(key) ? [`${key}=`, ...baseLines.map((a) => `${key}=${a.value}`)] : [`${key}=${baseLines[baseLines.length - 1].value}`];
  return {
    kind: "restore",
    lines: lines2,
    remove: [],
    reason: `restores the base's ${baseLines.map((a) => `${key}=${a.value}`).join(", ")}`
  };
}
function effectiveLines(s, key) {
  const all = s.state.applied.filter((a) => a.key === key);
  if (!LIST_KEYS.has(key)) return all.slice(-1);
  let from = 0;
  all.forEach((a, i) => {
    if (a.value === "") from = i + 1;
  });
  return all.slice(from);
}
function applyFix(head, fix, version) {
  const removed = new Set(fix.remove.map((r) => `${r.file}:${r.line}`));
  const files = {};
  for (const f of head.files) {
    const kept = f.assignments.filter((a) => !removed.has(`${a.file}:${a.line}`));
    files[f.file] = serialize(kept);
  }
  for (const p of head.dropInPaths) files[p] ??= "";
  const dir = dirname(head.fragmentPath);
  const path = joinPath(dir, head.unit);
  if (fix.lines.length > 0)
    files[joinPath(joinPath(dir, `${head.unit}.d`), "zzzz-regression-fix.conf")] = `[Service]
${fix.lines.join("\n")}
`;
  const loaded = loadService(
    memorySource(files),
    basename(path) === basename(head.fragmentPath) ? head.fragmentPath : path,
    VERSION_TRAITS[version]
  );
  return loaded.ok ? loaded : null;
}
function serialize(assignments) {
  let out = "";
  let section = "";
  for (const a of assignments) {
    if (a.section !== section) {
      section = a.section;
      out += `[${section}]
`;
    }
    out += `${a.key}=${a.value}
`;
  }
  return out;
}
var LIST_KEYS;
var init_regression = __esm({
  "src/recommend/regression.ts"() {
    "use strict";
    init_engine();
    init_assessors();
    init_linux_names();
    init_versions();
    init_load();
    init_source();
    LIST_KEYS = /* @__PURE__ */ new Set([
      "SystemCallFilter",
      "SystemCallArchitectures",
      "RestrictAddressFamilies",
      "RestrictNamespaces",
      "IPAddressAllow",
      "IPAddressDeny",
      "IPIngressFilterPath",
      "IPEgressFilterPath",
      "DeviceAllow",
      "SupplementaryGroups",
      "MountImages",
      "LoadCredentialEncrypted",
      "SetCredentialEncrypted"
    ]);
  }
});

// src/recommend/recommend.ts
function recommendUnitFile(source, path, options) {
  const refused = notAService(path);
  if (refused) return refused;
  const base = assessUnitFile(source, path, assessOptions(options));
  if (!base.ok) return { ok: false, path, error: base.error };
  return recommendAssessed(source, base, options);
}
function recommendAssessed(source, base, options) {
  const path = base.path;
  const refused = notAService(path);
  if (refused) return refused;
  const assess2 = assessOptions(options);
  const fleet = options.fleet ?? singleVersionTarget(options.version);
  const others = fleet.versions.filter((v) => v !== options.version);
  const c = readContext(
    base.service,
    options.version,
    socketUnitsOf(source, path, base.service),
    fleet,
    unitComments(source, base.service)
  );
  const plan = planPhases(c);
  const dir = joinPath(dirname(path), `${basename(path)}.d`);
  const name = dropInName(base.service);
  const dropInPath = joinPath(dir, name);
  const relative = `${basename(path)}.d/${name}`;
  const restart2 = restartName(path, base.unit);
  const header = { unit: base.unit, path: relative, version: fleet.text, restart: restart2 };
  const predict = (phases, uncommentDeferred = false) => {
    const text2 = renderDropIn(header, phases, { uncommentDeferred });
    const withDropIn = overlaySource(source, { [dropInPath]: text2.content });
    const primary = assessUnitFile(withDropIn, path, assess2);
    if (!primary.ok || others.length === 0) return { text: text2, r: primary, primary };
    const extra = [];
    for (const v of others) {
      const o = assessUnitFile(withDropIn, path, { ...assess2, version: v });
      if (!o.ok) return { text: text2, r: o, primary };
      extra.push(
        ...o.diagnostics.filter((d) => d.file === dropInPath).map((d) => ({ ...d, message: `systemd ${v}: ${d.message}` }))
      );
    }
    const r = extra.length === 0 ? primary : { ...primary, diagnostics: [...primary.diagnostics, ...extra] };
    return { text: text2, r, primary };
  };
  const skipped2 = [...plan.skipped];
  const drop = (cand, reason) => void skipped2.push({ directive: cand.directive, value: cand.value, reason });
  const accepted = [];
  const line = (x) => ({
    directive: x.directive,
    value: x.value,
    risk: x.risk,
    note: `${x.reason}`,
    ...x.question === void 0 ? {} : { question: x.question, because: x.because ?? "" }
  });
  const asDropIn = (id, candidates, deferred = []) => ({
    name: phaseName(id),
    risk: highest(candidates.map((x) => x.risk)),
    directives: candidates.map(line),
    deferred: deferred.map(line)
  });
  const expectedDropIns = [...base.service.dropInPaths, dropInPath].sort();
  for (const { phase, candidates: offered } of plan.phases) {
    let candidates = offered.filter((x) => x.question === void 0);
    let deferred = offered.filter((x) => x.question !== void 0);
    const remove = (reasons) => {
      const gone = new Set(reasons.keys());
      for (const [x, why] of reasons) drop(x, why);
      for (const x of [...candidates, ...deferred]) {
        if (x.companionOf && gone.has(x.companionOf) && !gone.has(x)) {
          gone.add(x);
          drop(x, `it goes with ${x.companionOf.directive}=${x.companionOf.value}, which is left out`);
        }
      }
      candidates = candidates.filter((x) => !gone.has(x));
      deferred = deferred.filter((x) => !gone.has(x));
    };
    remove(
      new Map(
        offered.filter((x) => /[\x00-\x1f\x7f]/.test(x.value)).map((x) => [x, "the value contains control characters"])
      )
    );
    const previous = accepted.length > 0 ? accepted[accepted.length - 1] : { exposure: base.exposure, verdict: base.verdict };
    let kept = false;
    while (candidates.length > 0) {
      const before = accepted.map((a) => asDropIn(a.id, a.candidates));
      const { text: text2, r } = predict([...before, asDropIn(phase, candidates)]);
      if (!r.ok) {
        const culprit = candidates.findIndex(
          (_, k) => !predict([...before, asDropIn(phase, candidates.slice(0, k + 1))]).r.ok
        );
        const bad2 = candidates[culprit === -1 ? candidates.length - 1 : culprit];
        remove(/* @__PURE__ */ new Map([[bad2, `systemd ${options.version} would refuse the unit with it: ${r.error}`]]));
        continue;
      }
      const warned = r.diagnostics.filter((d) => d.file === dropInPath);
      if (warned.length > 0) {
        const bad2 = /* @__PURE__ */ new Map();
        for (const d of warned) {
          const at = text2.lines.get(d.line);
          const cand = at && at[0] === before.length ? candidates[at[1]] : void 0;
          if (cand && !bad2.has(cand)) bad2.set(cand, `systemd ${options.version} would ignore it: ${d.message}`);
        }
        if (bad2.size === 0)
          return {
            ok: false,
            path,
            error: `the suggested drop-in makes systemd ${options.version} warn: ${warned[0].message}`
          };
        remove(bad2);
        continue;
      }
      if ([...r.service.dropInPaths].sort().join("\0") !== expectedDropIns.join("\0")) {
        return { ok: false, path, error: `${dropInPath} would change which drop-ins systemd loads` };
      }
      const overridden = candidates.filter((x) => x.takesEffect && !x.takesEffect(r.service.state));
      if (overridden.length > 0) {
        remove(
          new Map(
            overridden.map((x) => [
              x,
              `${overriddenBy(r, dropInPath, x.directive)}, applied after this drop-in, overrides it`
            ])
          )
        );
        continue;
      }
      if (r.exposure >= previous.exposure) {
        for (const x of candidates) drop(x, "it lowers no score on its own");
        candidates = [];
        break;
      }
      accepted.push({ id: phase, candidates, deferred, exposure: r.exposure, verdict: r.verdict });
      kept = true;
      break;
    }
    if (!kept && deferred.length > 0)
      accepted.push({ id: phase, candidates: [], deferred, exposure: previous.exposure, verdict: previous.verdict });
  }
  let answered = predict(
    accepted.map((a) => asDropIn(a.id, a.candidates, a.deferred)),
    true
  );
  for (let round = 0; round < 8 && answered.r.ok && answered.r.diagnostics.some((d) => d.file === dropInPath); round++) {
    for (const d of answered.r.diagnostics.filter((x) => x.file === dropInPath)) {
      const at = answered.text.lines.get(d.line);
      if (!at || !at[2]) continue;
      const owner = accepted[at[0]];
      const cand = owner.deferred[at[1]];
      if (cand) {
        drop(cand, `systemd ${options.version} would ignore it: ${d.message}`);
        owner.deferred = owner.deferred.filter((x) => x !== cand && x.companionOf !== cand);
      }
    }
    answered = predict(
      accepted.map((a) => asDropIn(a.id, a.candidates, a.deferred)),
      true
    );
  }
  if (answered.r.ok) {
    const r = answered.r;
    let changed = false;
    for (const a of accepted) {
      const overridden = a.deferred.filter((x) => x.takesEffect && !x.takesEffect(r.service.state));
      const gone = new Set(overridden);
      for (const x of a.deferred) if (x.companionOf && gone.has(x.companionOf)) gone.add(x);
      for (const x of gone)
        drop(
          x,
          gone.has(x.companionOf) ? `it goes with ${x.companionOf.directive}=${x.companionOf.value}, which is left out` : `${overriddenBy(r, dropInPath, x.directive)}, applied after this drop-in, overrides it`
        );
      if (gone.size > 0) changed = true;
      a.deferred = a.deferred.filter((x) => !gone.has(x));
    }
    if (changed)
      answered = predict(
        accepted.map((a) => asDropIn(a.id, a.candidates, a.deferred)),
        true
      );
  }
  if (!answered.r.ok || answered.r.diagnostics.some((d) => d.file === dropInPath)) {
    for (const a of accepted) {
      for (const x of a.deferred) drop(x, `systemd ${options.version} would not load it with the rest uncommented`);
      a.deferred = [];
    }
    answered = predict(
      accepted.map((a) => asDropIn(a.id, a.candidates)),
      true
    );
  }
  const shown = accepted.filter((a) => a.candidates.length > 0 || a.deferred.length > 0);
  const last = shown[shown.length - 1];
  const predicted = last ? last.exposure : base.exposure;
  const predictedVerdict = last ? last.verdict : base.verdict;
  const ifAnswered = answered.r.ok ? answered.r : null;
  const observe = observationsFor(
    shown.flatMap((a) => [...a.candidates.filter((x) => x.risk === "high"), ...a.deferred]),
    restart2
  );
  const scores = fleet.versions.map((v) => {
    const at = (content) => {
      const a = assessUnitFile(content === null ? source : overlaySource(source, { [dropInPath]: content }), path, {
        ...assess2,
        version: v
      });
      return a.ok ? score2(a.exposure) : NaN;
    };
    if (v === options.version)
      return {
        version: v,
        exposure: score2(base.exposure),
        predicted: score2(predicted),
        predictedIfAnswered: answered.primary.ok ? score2(answered.primary.exposure) : NaN
      };
    return {
      version: v,
      exposure: at(null),
      predicted: at(
        renderDropIn(
          header,
          shown.map((x) => asDropIn(x.id, x.candidates, x.deferred))
        ).content
      ),
      predictedIfAnswered: at(answered.text.content)
    };
  });
  const final = renderDropIn(
    {
      ...header,
      now: `${formatExposure(base.exposure)} ${base.verdict}`,
      predicted: `${formatExposure(predicted)} ${predictedVerdict}`,
      ...ifAnswered ? { ifAnswered: `${formatExposure(ifAnswered.exposure)} ${ifAnswered.verdict}` } : {},
      observe,
      ...scores.length > 1 ? {
        perVersion: scores.map(
          (x) => `${x.version}: ${x.exposure.toFixed(1)} now, ${x.predicted.toFixed(1)} active, ${x.predictedIfAnswered.toFixed(1)} with every line`
        )
      } : {}
    },
    shown.map((a) => ({
      ...asDropIn(a.id, a.candidates, a.deferred),
      ...a.candidates.length > 0 ? { score: `${formatExposure(a.exposure)} ${a.verdict}` } : {}
    }))
  );
  const check = assessUnitFile(overlaySource(source, { [dropInPath]: final.content }), path, assess2);
  if (!check.ok || check.exposure !== predicted || check.diagnostics.some((d) => d.file === dropInPath)) {
    return { ok: false, path, error: "internal error: the rendered drop-in does not reproduce its prediction" };
  }
  const directive = (x) => ({
    directive: x.directive,
    value: x.value,
    risk: x.risk,
    reason: x.reason,
    protects: x.entry.protects,
    breaks: x.entry.breaks
  });
  return {
    ok: true,
    unit: base.unit,
    path,
    systemdVersion: options.version,
    exposure: score2(base.exposure),
    verdict: base.verdict,
    phases: shown.map((a) => ({
      id: a.id,
      name: phaseName(a.id),
      directives: a.candidates.map(directive),
      deferred: a.deferred.map((x) => ({ ...directive(x), question: x.question, because: x.because ?? "" })),
      risk: highest(a.candidates.map((x) => x.risk)),
      exposure: score2(a.exposure),
      verdict: a.verdict
    })),
    skipped: skipped2,
    inEffect: plan.inEffect,
    notes: notesFor(c),
    dropin: { path: relative, content: final.content },
    predicted: score2(predicted),
    predictedVerdict,
    predictedIfAnswered: score2(ifAnswered ? ifAnswered.exposure : predicted),
    predictedIfAnsweredVerdict: ifAnswered ? ifAnswered.verdict : predictedVerdict,
    observe,
    rollout: rolloutSteps(restart2),
    rollback: rollbackCommand(relative, restart2),
    fleet: fleet.text,
    scores
  };
}
function notAService(path) {
  const type = unitType(basename(path));
  return type === "service" ? null : { ok: false, path, error: `recommend supports .service units only, not .${type}` };
}
function observationsFor(lines2, restart2) {
  const wanted = new Set(lines2.map((x) => checkOf(x.directive).observe));
  return Object.keys(OBSERVATIONS).filter((o) => wanted.has(o)).map((o) => OBSERVATIONS[o].replaceAll("UNIT", restart2).replaceAll("PID", "$PID"));
}
function dropInName(service) {
  const used = new Set(service.dropInPaths.map(basename));
  for (let i = 1; ; i++) {
    const name = i === 1 ? "hardening.conf" : `hardening-${i}.conf`;
    if (!used.has(name)) return name;
  }
}
function restartName(path, unit) {
  return unitNameKind(basename(path)) === "template" ? withInstance(basename(path), "*") : unit;
}
function phaseName(id) {
  return PHASES.find((p) => p.id === id).name;
}
function highest(risks) {
  return RISKS[Math.max(0, ...risks.map((r) => RISKS.indexOf(r)))];
}
function overriddenBy(r, ours, directive) {
  const files = r.service.files;
  const later = files.slice(files.findIndex((f) => f.file === ours) + 1);
  const setter = later.filter((f) => f.assignments.some((a) => a.key === directive)).pop();
  return setter ? basename(setter.file) : `a later drop-in (${later.map((f) => basename(f.file)).join(", ")})`;
}
function notesFor(c) {
  const notes = [];
  for (const x of c.commands) {
    if (x.fullyPrivileged)
      notes.push(`${x.directive}=+${x.path} runs with full privileges: none of these settings apply to it`);
  }
  if (c.service.state.permissionsStartOnly) {
    notes.push(
      "PermissionsStartOnly=yes: every command but ExecStart= runs as root and unsandboxed; prefer per-command prefixes or directory directives"
    );
  }
  for (const sock of c.sockets) {
    if (sock.listens.length === 0) continue;
    const on = sock.listens.map((l) => l.value).join(", ");
    notes.push(
      `${sock.unit} listens on ${on} and passes the sockets: the service needs no privilege to bind them, and RestrictAddressFamilies= does not apply to them`
    );
  }
  if (!c.service.state.defaultDependencies) {
    notes.push(
      "DefaultDependencies=no: systemd-analyze does not score PrivateTmp=, ProtectHome=, ProtectSystem= or RootDirectory= for early-boot services"
    );
  }
  return notes;
}
var score2, assessOptions;
var init_recommend = __esm({
  "src/recommend/recommend.ts"() {
    "use strict";
    init_engine();
    init_exposure();
    init_versions();
    init_names();
    init_source();
    init_candidates();
    init_catalogue();
    init_checks();
    init_comments();
    init_context();
    init_dropin();
    init_sockets();
    init_regression();
    score2 = (exposure) => Number(formatExposure(exposure));
    assessOptions = (options) => ({
      version: options.version,
      ...options.location ? { location: options.location } : {}
    });
  }
});

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports2, module2) {
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
    module2.exports = {
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
  "node_modules/picomatch/lib/utils.js"(exports2) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports2.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports2.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports2.isRegexChar = (str) => str.length === 1 && exports2.hasRegexChars(str);
    exports2.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports2.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports2.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports2.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports2.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports2.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports2.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports2.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports2.basename = (path, { windows } = {}) => {
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
  "node_modules/picomatch/lib/scan.js"(exports2, module2) {
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
      const parts2 = [];
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
      let prefix2 = "";
      let glob = "";
      if (start > 0) {
        prefix2 = str.slice(0, start);
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
        prefix: prefix2,
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
          const value3 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix2;
            } else {
              tokens[idx].value = value3;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts2.push(value3);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value2 = input.slice(n);
        parts2.push(value2);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value2;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts2;
      }
      return state;
    };
    module2.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports2, module2) {
    "use strict";
    var constants3 = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH: MAX_LENGTH2,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants3;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value2 = `[${args.join("-")}]`;
      try {
        new RegExp(value2);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value2;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts2 = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value2 = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value2 += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value2 += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value2 += ch;
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
              parts2.push(value2);
              value2 = "";
              continue;
            }
          }
        }
        value2 += ch;
      }
      parts2.push(value2);
      return parts2;
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
      let value2 = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value2)) {
          value2 = value2.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value2)) {
        return;
      }
      return value2.replace(/\\(.)/g, "$1");
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
      let value2 = pattern.trim();
      let match = parseRepeatedExtglob(value2);
      while (match) {
        depth++;
        value2 = match.body.trim();
        match = parseRepeatedExtglob(value2);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants3.DEFAULT_MAX_EXTGLOB_RECURSION;
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
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH2, opts.maxLength) : MAX_LENGTH2;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants3.globChars(opts.windows);
      const EXTGLOB_CHARS = constants3.extglobChars(PLATFORM_CHARS);
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
      let value2;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value3 = "", num = 0) => {
        state.consumed += value3;
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
      const extglobOpen = (type, value3) => {
        const token = { ...EXTGLOB_CHARS[value3], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value3, output: state.output ? "" : ONE_CHAR });
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
          push({ type: "paren", extglob: true, value: value2, output: "" });
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
        push({ type: "paren", extglob: true, value: value2, output });
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
        value2 = advance();
        if (value2 === "\0") {
          continue;
        }
        if (value2 === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value2 += "\\";
            push({ type: "text", value: value2 });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value2 += "\\";
            }
          }
          if (opts.unescape === true) {
            value2 = advance();
          } else {
            value2 += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value: value2 });
            continue;
          }
        }
        if (state.brackets > 0 && (value2 !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value2 === ":") {
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
          if (value2 === "[" && peek() !== ":" || value2 === "-" && peek() === "]") {
            value2 = `\\${value2}`;
          }
          if (value2 === "]" && (prev.value === "[" || prev.value === "[^")) {
            value2 = `\\${value2}`;
          }
          if (opts.posix === true && value2 === "!" && prev.value === "[") {
            value2 = "^";
          }
          prev.value += value2;
          append({ value: value2 });
          continue;
        }
        if (state.quotes === 1 && value2 !== '"') {
          value2 = utils.escapeRegex(value2);
          prev.value += value2;
          append({ value: value2 });
          continue;
        }
        if (value2 === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value: value2 });
          }
          continue;
        }
        if (value2 === "(") {
          increment("parens");
          push({ type: "paren", value: value2 });
          continue;
        }
        if (value2 === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value: value2, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value2 === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value2 = `\\${value2}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value: value2 });
          continue;
        }
        if (value2 === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value: value2, output: `\\${value2}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value: value2, output: `\\${value2}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value2 = `/${value2}`;
          }
          prev.value += value2;
          append({ value: value2 });
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
        if (value2 === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value: value2,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value2 === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value: value2, output: value2 });
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
            value2 = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value: value2, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value2 === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value: value2 });
          continue;
        }
        if (value2 === ",") {
          let output = value2;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value: value2, output });
          continue;
        }
        if (value2 === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value: value2, output: SLASH_LITERAL });
          continue;
        }
        if (value2 === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value2;
            prev.value += value2;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value: value2, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value: value2, output: DOT_LITERAL });
          continue;
        }
        if (value2 === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value2);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value2;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value2}`;
            }
            push({ type: "text", value: value2, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value: value2, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value: value2, output: QMARK });
          continue;
        }
        if (value2 === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value2);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value2 === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value2);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value: value2, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value: value2 });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value2 === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value: value2, output: "" });
            continue;
          }
          push({ type: "text", value: value2 });
          continue;
        }
        if (value2 !== "*") {
          if (value2 === "$" || value2 === "^") {
            value2 = `\\${value2}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value2 += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value: value2 });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value2;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value2);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value2);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value2);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value: value2, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value: value2, output: "" });
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
            prev.value += value2;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value2);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value2;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value2);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value2;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value2 + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value2;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value2 + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value2;
          state.output += prev.output;
          state.globstar = true;
          consume(value2);
          continue;
        }
        const token = { type: "star", value: value2, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value2;
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
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH2, opts.maxLength) : MAX_LENGTH2;
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
      } = constants3.globChars(opts.windows);
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
    module2.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports2, module2) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants3 = require_constants();
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
    picomatch2.constants = constants3;
    module2.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports2, module2) {
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
    module2.exports = picomatch2;
  }
});

// src/diff/rootfs.ts
function searchRootOf(dir) {
  let r = cache3.get(dir);
  if (r !== void 0) return r;
  r = null;
  for (const m of MARKERS) {
    let prefix2 = null;
    if (dir === m) prefix2 = ".";
    else if (dir.endsWith(`/${m}`)) prefix2 = dir.slice(0, -(m.length + 1));
    if (prefix2 === null) continue;
    const p = prefix2;
    r = { prefix: p, dirs: SEARCH_PATH.map((d) => p === "." ? d : `${p}/${d}`) };
    break;
  }
  if (cache3.size > 1e4) cache3.clear();
  cache3.set(dir, r);
  return r;
}
function rootLocation(loadPath) {
  const root = searchRootOf(dirname(loadPath));
  return root === null ? {} : { searchRoot: root };
}
function withRootDirectories(dirs) {
  const out = new Set(dirs);
  for (const d of [...out]) for (const x of searchRootOf(d)?.dirs ?? []) out.add(x);
  return out;
}
function rootAliasTarget(link, target) {
  const root = searchRootOf(dirname(link));
  if (root === null) return null;
  let to;
  if (target.startsWith("/")) {
    const rel = normalize2(target);
    if (rel === "/dev/null") return null;
    to = root.prefix === "." ? rel.slice(1) : `${root.prefix}${rel}`;
  } else {
    to = normalize2(joinPath(dirname(link), target));
    if (to.startsWith("../") || to === "..") return null;
  }
  return root.dirs.includes(dirname(to)) && unitNameKind(basename(to)) !== null ? to : null;
}
var SEARCH_PATH, MARKERS, cache3;
var init_rootfs = __esm({
  "src/diff/rootfs.ts"() {
    "use strict";
    init_names();
    init_source_view();
    init_source();
    SEARCH_PATH = [
      "etc/systemd/system.control",
      "run/systemd/system.control",
      "etc/systemd/system",
      "etc/systemd/system.attached",
      "run/systemd/system",
      "run/systemd/system.attached",
      "usr/local/lib/systemd/system",
      "usr/lib/systemd/system",
      "lib/systemd/system"
    ];
    MARKERS = [
      "usr/local/lib/systemd/system",
      "usr/lib/systemd/system",
      "etc/systemd/system",
      "run/systemd/system",
      "lib/systemd/system"
    ];
    cache3 = /* @__PURE__ */ new Map();
  }
});

// src/diff/touched.ts
function changedPaths(changes) {
  const out = /* @__PURE__ */ new Set();
  for (const c of changes) {
    out.add(c.path);
    if (c.oldPath !== void 0) out.add(c.oldPath);
  }
  return out;
}
function changedDirectories(changed) {
  const dirs = /* @__PURE__ */ new Set();
  for (const p of changed) {
    for (let d = dirname(p); !dirs.has(d); d = dirname(d)) {
      dirs.add(d);
      if (d === "." || d === "/") break;
    }
  }
  return dirs;
}
function linksReachingChanges(tree, changed, changedDirs = changedDirectories(changed)) {
  const out = [];
  for (const link of tree.links()) {
    if (!isUnitRelevantPath(link)) continue;
    const r = tree.route(link);
    const reaches = r.links.some((p) => p !== link && changed.has(p)) || (r.kind === "file" || r.kind === "missing") && changed.has(r.path) || r.kind === "dir" && changedDirs.has(r.path);
    if (reaches) out.push(link);
  }
  return out;
}
function touchedDirectories(trees, changes) {
  const changed = changedPaths(changes);
  const changedDirs = changedDirectories(changed);
  const dirs = /* @__PURE__ */ new Set();
  const touch = (p) => {
    const dir = dirname(p);
    if (isDropInDirectory(dir)) dirs.add(dirname(dir));
    else if (isEnablementDirectory(dir)) {
      dirs.add(dirname(dir));
      for (const t of trees) {
        const r = t.resolve(p);
        if (r.kind === "file") dirs.add(dirname(r.path));
      }
    } else if (isUnitLikeName(basename(p))) dirs.add(dir);
    if (isDropInDirectory(p)) dirs.add(dir);
  };
  for (const p of changed) touch(p);
  for (const t of trees) for (const link of linksReachingChanges(t, changed, changedDirs)) touch(link);
  for (const d of linkedUnitDirectories(trees, changed)) dirs.add(d);
  return withRootDirectories(dirs);
}
function linkedUnitDirectories(trees, changed) {
  const out = /* @__PURE__ */ new Set();
  const withChanges = /* @__PURE__ */ new Set();
  for (const p of changed) {
    const dir = dirname(p);
    withChanges.add(isDropInDirectory(dir) ? dirname(dir) : dir);
  }
  for (const t of trees) {
    for (const link of t.links()) {
      if (isDropInDirectory(link) || isEnablementDirectory(link) || isUnitLikeName(basename(link))) continue;
      const r = t.route(link);
      if (r.kind !== "dir") continue;
      if (changed.has(link) || r.links.some((l) => changed.has(l)) || withChanges.has(r.path)) out.add(link);
    }
  }
  return out;
}
function filesToRead(tree, dirs) {
  const out = /* @__PURE__ */ new Set();
  const add = (p) => {
    const r = tree.resolve(p);
    if (r.kind === "file") out.add(r.path);
  };
  for (const d of dirs) {
    for (const name of tree.listing(d) ?? []) {
      const p = joinPath(d, name);
      if (isUnitLikeName(name)) add(p);
      if (!isDropInDirectory(p)) continue;
      const r = tree.resolve(p);
      if (r.kind === "dir") for (const entry2 of tree.listDir(r.path) ?? []) add(joinPath(p, entry2));
    }
  }
  return out;
}
var init_touched = __esm({
  "src/diff/touched.ts"() {
    "use strict";
    init_source();
    init_rootfs();
    init_unit_paths();
  }
});

// src/diff/candidates.ts
function candidateUnits(sides, changed, traits) {
  const where3 = (p) => isDropInDirectory(dirname(p)) ? dirname(dirname(p)) : isDropInDirectory(p) ? dirname(p) : null;
  const reaching = sides.map(({ snapshot }) => linksReachingChanges(snapshot.tree, changed));
  const changedDirs = [];
  for (const p of [...changed, ...reaching.flat()]) {
    const d = where3(p);
    if (d !== null) changedDirs.push(d);
  }
  const dropInChanged = withRootDirectories(changedDirs);
  const out = /* @__PURE__ */ new Set();
  const claimed = /* @__PURE__ */ new Set();
  for (const { snapshot, units } of sides) {
    for (const ref of units.values()) {
      const complete = visitReaches(snapshot, ref, traits, dropInChanged.has(dirname(ref.loadPath)), (p) => {
        claimed.add(p);
        if (changed.has(p)) out.add(ref.id);
      });
      if (!complete) out.add(ref.id);
    }
  }
  const unclaimed = [];
  for (const p of [...changed, ...reaching.flat()]) {
    const d = where3(p);
    if (d !== null && !claimed.has(p)) unclaimed.push(d);
  }
  const dirs = withRootDirectories(unclaimed);
  if (dirs.size > 0) {
    for (const { units } of sides)
      for (const ref of units.values()) if (dirs.has(dirname(ref.loadPath))) out.add(ref.id);
  }
  return out;
}
function visitReaches(snapshot, ref, traits, withDropIns, visit) {
  const add = (p) => {
    const r = snapshot.tree.resolve(ref.view.origin(p));
    for (const l of r.links) visit(l);
    if (r.kind === "file" || r.kind === "missing") visit(r.path);
  };
  add(ref.loadPath);
  if (ref.file !== ref.loadPath) add(ref.file);
  for (const p of ref.namedBy) add(p);
  if (!withDropIns) return true;
  try {
    const root = rootLocation(ref.loadPath);
    for (const d of resolveUnitFiles(ref.view.source, ref.loadPath, traits.templateInstance, root).involved) add(d);
    for (const d of resolveUnitFiles(ref.view.source, ref.loadPath, traits.templateInstance, {
      ...root,
      followDropInDirectoryLinks: true
    }).involved)
      add(d);
  } catch {
    return false;
  }
  return true;
}
var init_candidates2 = __esm({
  "src/diff/candidates.ts"() {
    "use strict";
    init_source();
    init_unit_files();
    init_rootfs();
    init_touched();
    init_unit_paths();
  }
});

// src/unit/build-template.ts
function describeChoice(key, option) {
  if (key.startsWith("if:")) {
    const cond = key.slice(3);
    if (option === "if") return `the build takes {% if ${cond} %}`;
    if (option !== "else") return `the build takes {% ${option} %} of {% if ${cond} %}`;
    return `the build takes {% else %} of {% if ${cond} %}`;
  }
  if (key.startsWith("prefix:")) return `${key.slice(7)} is the exec prefix ${option}`;
  if (key.startsWith("value:")) return `the build's '${key.slice(6)}' grants the least it can`;
  return "the build does not use jinja ({# … #} is kept as written)";
}
function expandBuildTemplate(bytes, extra = {}, choose = /* @__PURE__ */ new Map()) {
  let text2 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const unknown = /* @__PURE__ */ new Set();
  const unresolvable = [];
  const warnings = [];
  const choices = /* @__PURE__ */ new Map();
  const offer = (key, options, line) => {
    const c = choices.get(key);
    if (c === void 0) choices.set(key, { options: [...options], line });
    else {
      for (const o of options) if (!c.options.includes(o)) c.options.push(o);
      if (c.options.includes("else")) c.options.push(...c.options.splice(c.options.indexOf("else"), 1));
    }
  };
  const chosen = (key, first) => choose.get(key) ?? first;
  if (text2.includes("{#")) {
    const jinja = text2.includes("{{") || text2.includes("{%");
    const closed = new RegExp(JINJA_COMMENT.source).test(text2);
    if (!jinja && closed)
      offer("comments", ["jinja", "literal"], 1 + text2.slice(0, text2.indexOf("{#")).split("\n").length - 1);
    if (jinja || closed && chosen("comments", "jinja") === "jinja") {
      text2 = text2.replace(JINJA_COMMENT, (m) => "\n".repeat(m.split("\n").length - 1));
      const open = text2.indexOf("{#");
      if (jinja && open >= 0)
        unresolvable.push({ line: text2.slice(0, open).split("\n").length, message: "a jinja comment {# is not closed" });
    }
  }
  const spans = [...lineSpans(text2)];
  const lines2 = spans.map((l) => text2.slice(l.start, l.end));
  const terminators = spans.map((l) => text2.slice(l.end, l.next));
  const blockAt = /* @__PURE__ */ new Map();
  {
    const open = [];
    for (let i = 0; i < lines2.length; i++) {
      if (!lines2[i].includes("{%")) continue;
      const m = STATEMENT.exec(lines2[i]);
      if (!m) continue;
      const word = m[1] ?? "";
      if (word === "if") {
        const b = { key: `if:${normalize3(m[2])}`, labels: ["if"], line: i + 1 };
        blockAt.set(i, b);
        open.push(b);
      } else if ((word === "elif" || word === "else") && open.length > 0) {
        const label = word === "else" ? "else" : `elif ${normalize3(m[2])}`;
        open[open.length - 1].labels.push(label);
      } else if (word === "endif") open.pop();
    }
    for (const b of blockAt.values()) offer(b.key, b.labels.includes("else") ? b.labels : [...b.labels, "else"], b.line);
  }
  const blocks = [];
  let continuedKey = null;
  const lookup = (autotools, jinja) => {
    const name = autotools ?? jinja;
    if (Object.hasOwn(extra, name)) return extra[name];
    if (autotools !== void 0) {
      const key = autotools.toLowerCase().replace(/_post$/, "");
      if (Object.hasOwn(AUTOTOOLS_PLACEHOLDERS, key)) return AUTOTOOLS_PLACEHOLDERS[key];
      return Object.hasOwn(SYSTEMD_JINJA_PLACEHOLDERS, autotools) ? SYSTEMD_JINJA_PLACEHOLDERS[autotools] : null;
    }
    return Object.hasOwn(SYSTEMD_JINJA_PLACEHOLDERS, jinja) ? SYSTEMD_JINJA_PLACEHOLDERS[jinja] : null;
  };
  for (let i = 0; i < lines2.length; i++) {
    const lineNo = i + 1;
    const raw = lines2[i];
    const keep = blocks.every((b) => b.keep);
    const statement = raw.includes("{%") ? STATEMENT.exec(raw) : null;
    if (statement) {
      const word = statement[1] ?? "";
      lines2[i] = "";
      const b = blocks[blocks.length - 1];
      if (word === "if") {
        const block = blockAt.get(i);
        const want = chosen(block.key, "if");
        const take = block.labels.includes(want) ? want : "else";
        blocks.push({ take, keep: take === "if", line: lineNo });
      } else if ((word === "elif" || word === "else") && b !== void 0) {
        b.keep = b.take === (word === "else" ? "else" : `elif ${normalize3(statement[2])}`);
      } else if (word === "endif" && b !== void 0) {
        blocks.pop();
      } else {
        unresolvable.push({ line: lineNo, message: `the jinja statement '${raw.trim()}' cannot be evaluated` });
      }
      continue;
    }
    if (raw.includes("{%")) {
      unresolvable.push({ line: lineNo, message: "a jinja statement inside a line cannot be evaluated" });
      continue;
    }
    const trimmed = raw.trimStart();
    const continuation = continuedKey !== null;
    const comment = !continuation && (trimmed.startsWith("#") || trimmed.startsWith(";"));
    const key = continuation ? continuedKey : keyOf(trimmed);
    continuedKey = !comment && /(?:^|[^\\])(?:\\\\)*\\$/.test(raw) ? key ?? "" : null;
    if (comment) continue;
    if (!raw.includes("@") && !raw.includes("{{")) {
      if (!keep) lines2[i] = "";
      continue;
    }
    const missing = [];
    const assumed = [];
    const exec2 = !continuation && key !== null && key.startsWith("Exec");
    const line = raw.replace(
      PLACEHOLDER2,
      (whole, autotools, expression, at, text3) => {
        const jinja = expression === void 0 ? void 0 : normalize3(expression);
        const value2 = lookup(autotools, jinja);
        if (value2 !== null) return value2;
        missing.push(whole);
        const name = autotools ?? jinja;
        const startsCommand = exec2 && /=[-@:+!|]*\s*$/.test(text3.slice(0, at));
        if (startsCommand) {
          offer(`prefix:${whole}`, ["path", "+"], lineNo);
          if (chosen(`prefix:${whole}`, "path") === "+") return "+";
        }
        if (startsCommand || /(dir|path|prefix)$/i.test(name)) {
          const path = name.replace(/[^A-Za-z0-9_]+/g, "_");
          assumed.push(`${whole} as /${path}`);
          return `/${path}`;
        }
        return whole;
      }
    );
    if (!keep) {
      lines2[i] = "";
      continue;
    }
    lines2[i] = line;
    if (missing.length === 0) continue;
    for (const m of missing) unknown.add(m);
    const wholeLine = line.replace(PLACEHOLDER2, "").trim() === "";
    const inKey = !continuation && key !== null && missing.some((m) => key.includes(m));
    if (trimmed.startsWith("[") || wholeLine || key === null || inKey) {
      unresolvable.push({
        line: lineNo,
        message: `${missing.join(" ")} stands for text the build puts here, which cannot be known`
      });
      lines2[i] = "";
      continue;
    }
    if (IDENTITY_AND_CAPABILITY_KEYS.has(key)) {
      const assumed2 = key === "AmbientCapabilities" ? "it held every capability" : key === "PermissionsStartOnly" ? "it were yes" : "the line were absent";
      unresolvable.push({
        line: lineNo,
        message: `${missing.join(" ")} in ${key}= cannot be resolved; assessed as if ${assumed2}`
      });
      lines2[i] = continuation ? "" : key === "AmbientCapabilities" ? `AmbientCapabilities=${ALL_CAPABILITIES}` : key === "PermissionsStartOnly" ? "PermissionsStartOnly=yes" : "";
      if (!continuation && Object.hasOwn(LEAST, key)) {
        const k = `value:${trimmed.trimEnd()}`;
        offer(k, ["most", "least"], lineNo);
        if (chosen(k, "most") === "least") lines2[i] = LEAST[key];
      }
      continue;
    }
    const left = missing.filter((m) => !assumed.some((a) => a.startsWith(`${m} `)));
    if (assumed.length > 0)
      warnings.push({ line: lineNo, message: `unknown placeholder taken as a path: ${assumed.join(", ")}` });
    if (left.length > 0)
      warnings.push({ line: lineNo, message: `unknown placeholder ${left.join(" ")} left as written` });
  }
  for (const b of blocks) unresolvable.push({ line: b.line, message: "a {% if %} block is not closed" });
  const others = [...choices].filter(([k]) => k.startsWith("if:")).reduce((n, [, c]) => n + c.options.length - 1, 0);
  if (others > 0 && choose.size === 0) {
    warnings.push({
      line: 0,
      message: `build options are unknown: scored with the first branch of each {% if %} block; the capability gate reads the ${others} other branch${others === 1 ? "" : "es"} too (a block without {% else %} also as skipped)`
    });
  }
  return {
    bytes: Buffer.from(lines2.map((l, i) => l + terminators[i]).join(""), "latin1"),
    unknown: [...unknown],
    unresolvable,
    warnings,
    choices: [...choices].map(([key, c]) => ({ key, options: c.options, line: c.line }))
  };
}
function keyOf(trimmed) {
  const eq = trimmed.indexOf("=");
  if (eq <= 0 || trimmed.startsWith("[")) return null;
  return trimmed.slice(0, eq).trim();
}
function mergeChoices(lists) {
  const out = /* @__PURE__ */ new Map();
  for (const list3 of lists) {
    for (const c of list3) {
      const seen = out.get(c.key);
      if (seen === void 0) out.set(c.key, { options: [...c.options], line: c.line });
      else {
        for (const o of c.options) if (!seen.options.includes(o)) seen.options.push(o);
        if (seen.options.includes("else")) seen.options.push(...seen.options.splice(seen.options.indexOf("else"), 1));
      }
    }
  }
  return [...out].map(([key, c]) => ({ key, options: c.options, line: c.line }));
}
function otherReadings(choices) {
  const keys = choices.filter((c) => c.options.length > 1);
  const combinations = keys.reduce((n, c) => n * c.options.length, 1);
  if (combinations <= MAX_COMBINATIONS) {
    let all = [/* @__PURE__ */ new Map()];
    for (const c of keys) all = all.flatMap((m) => c.options.map((o, i) => i === 0 ? m : new Map([...m, [c.key, o]])));
    return all.filter((m) => m.size > 0);
  }
  const single2 = keys.flatMap((c) => c.options.slice(1).map((o) => /* @__PURE__ */ new Map([[c.key, o]])));
  return single2.length <= MAX_READINGS ? single2 : null;
}
var AUTOTOOLS_PLACEHOLDERS, SYSTEMD_JINJA_PLACEHOLDERS, IDENTITY_AND_CAPABILITY_KEYS, LEAST, PLACEHOLDER2, STATEMENT, JINJA_COMMENT, ALL_CAPABILITIES, normalize3, MAX_COMBINATIONS, MAX_READINGS;
var init_build_template = __esm({
  "src/unit/build-template.ts"() {
    "use strict";
    init_linux_names();
    init_line_ends();
    AUTOTOOLS_PLACEHOLDERS = {
      prefix: "/usr",
      exec_prefix: "/usr",
      bindir: "/usr/bin",
      sbindir: "/usr/sbin",
      libexecdir: "/usr/libexec",
      pkglibexecdir: "/usr/libexec",
      datarootdir: "/usr/share",
      datadir: "/usr/share",
      sysconfdir: "/etc",
      localstatedir: "/var",
      runstatedir: "/run",
      rundir: "/run",
      libdir: "/usr/lib",
      includedir: "/usr/include",
      mandir: "/usr/share/man",
      docdir: "/usr/share/doc",
      rootprefix: "/usr",
      rootbindir: "/usr/bin",
      rootsbindir: "/usr/sbin",
      rootlibdir: "/usr/lib",
      rootlibexecdir: "/usr/lib/systemd",
      systemunitdir: "/usr/lib/systemd/system",
      systemduserunitdir: "/usr/lib/systemd/user",
      systemdsystemunitdir: "/usr/lib/systemd/system",
      pkgsysconfdir: "/etc/systemd"
    };
    SYSTEMD_JINJA_PLACEHOLDERS = {
      PREFIX: "/usr",
      BINDIR: "/usr/bin",
      ROOTBINDIR: "/usr/bin",
      SBINDIR: "/usr/sbin",
      LIBEXECDIR: "/usr/lib/systemd",
      ROOTLIBEXECDIR: "/usr/lib/systemd",
      PKGLIBEXECDIR: "/usr/lib/systemd",
      LIBDIR: "/usr/lib",
      ROOTLIBDIR: "/usr/lib",
      SYSCONFDIR: "/etc",
      PKGSYSCONFDIR: "/etc/systemd",
      LOCALSTATEDIR: "/var",
      RUNSTATEDIR: "/run",
      SYSTEMCTL: "/usr/bin/systemctl",
      SYSTEMD_CGROUP_AGENT_PATH: "/usr/lib/systemd/systemd-cgroups-agent",
      SYSTEM_DATA_UNIT_DIR: "/usr/lib/systemd/system",
      SYSTEM_CONFIG_UNIT_DIR: "/etc/systemd/system",
      USER_DATA_UNIT_DIR: "/usr/lib/systemd/user",
      SERVICE_WATCHDOG: "WatchdogSec=3min",
      HIGH_RLIMIT_NOFILE: "524288",
      DEBUGTTY: "/dev/tty9",
      SUSHELL: "/bin/sh",
      SULOGIN: "/usr/sbin/sulogin",
      QUOTAON: "/usr/sbin/quotaon",
      QUOTACHECK: "/usr/sbin/quotacheck",
      KEXEC: "/usr/sbin/kexec",
      MEMORY_ACCOUNTING_DEFAULT: "yes",
      STATUS_UNIT_FORMAT_DEFAULT: "description"
    };
    IDENTITY_AND_CAPABILITY_KEYS = /* @__PURE__ */ new Set([
      "User",
      "Group",
      "DynamicUser",
      "NoNewPrivileges",
      "CapabilityBoundingSet",
      "AmbientCapabilities",
      "SecureBits",
      "PermissionsStartOnly"
    ]);
    LEAST = {
      User: "User=nobody",
      Group: "Group=nogroup",
      DynamicUser: "DynamicUser=yes",
      NoNewPrivileges: "NoNewPrivileges=yes",
      CapabilityBoundingSet: "CapabilityBoundingSet=",
      AmbientCapabilities: "",
      PermissionsStartOnly: ""
    };
    PLACEHOLDER2 = /@([A-Za-z_][A-Za-z0-9_]*)@|\{\{-?\s*([^{}]*?)\s*-?\}\}/g;
    STATEMENT = /^\s*\{%-?\s*(\w+)?(.*?)-?%\}\s*$/;
    JINJA_COMMENT = /\{#[\s\S]*?#\}/g;
    ALL_CAPABILITIES = CAPABILITY_NAMES.map((c) => c.toUpperCase()).join(" ");
    normalize3 = (cond) => cond.trim().replace(/\s+/g, " ");
    MAX_COMBINATIONS = 32;
    MAX_READINGS = 64;
  }
});

// src/diff/build-view.ts
function generatedName(name, inDropInDirectory, suffixes) {
  for (const s of suffixes) {
    if (s === "" || !name.endsWith(s) || name.length === s.length) continue;
    const stem = name.slice(0, -s.length);
    if (unitNameKind(stem) !== null || inDropInDirectory && stem.endsWith(".conf")) return stem;
    const variant = /^(.+)\.[A-Za-z0-9_-]+$/.exec(stem);
    if (variant && unitNameKind(variant[1]) !== null) return variant[1];
  }
  return null;
}
function buildView(base, settings, force, choices = /* @__PURE__ */ new Map()) {
  const expanded2 = /* @__PURE__ */ new Map();
  const generatedIn = /* @__PURE__ */ new Map();
  const generatedOf = (dir) => {
    let m = generatedIn.get(dir);
    if (m !== void 0) return m;
    m = /* @__PURE__ */ new Map();
    const names2 = base.list(dir);
    if (names2 !== null) {
      const real = new Set(names2);
      const inDropIns = isDropInDirectory(dir);
      for (const n of names2) {
        const gen = generatedName(n, inDropIns, settings.suffixes);
        if (gen !== null && !real.has(gen) && !m.has(joinPath(dir, gen))) m.set(joinPath(dir, gen), joinPath(dir, n));
      }
    }
    if (force && dirname(force.generated) === dir) m.set(force.generated, force.template);
    generatedIn.set(dir, m);
    return m;
  };
  const templateOf2 = (path) => generatedOf(dirname(path)).get(path) ?? null;
  const expansion = (path) => {
    const t = templateOf2(path);
    if (t === null) return null;
    let r = expanded2.get(t);
    if (r === void 0) {
      const bytes = base.read(t);
      r = bytes === null ? null : expandBuildTemplate(bytes, settings.placeholders, choices);
      expanded2.set(t, r);
    }
    return r;
  };
  return {
    origin: (path) => templateOf2(path) ?? path,
    expansion,
    withChoices: (c) => buildView(base, settings, force, c),
    source: {
      read(path) {
        if (templateOf2(path) === null) return base.read(path);
        return expansion(path)?.bytes ?? null;
      },
      list(dir) {
        const names2 = base.list(dir);
        if (names2 === null) return null;
        const gen = generatedOf(dir);
        if (gen.size === 0) return names2;
        const out = new Set(names2);
        for (const p of gen.keys()) out.add(basename(p));
        return [...out];
      },
      link: (path) => templateOf2(path) === null ? base.link(path) : null
    }
  };
}
var init_build_view = __esm({
  "src/diff/build-view.ts"() {
    "use strict";
    init_build_template();
    init_names();
    init_source();
    init_unit_paths();
  }
});

// src/git/path-bytes.ts
function decodePath(bytes) {
  if ((0, import_node_buffer.isUtf8)(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const n = validSequenceLength(bytes, i);
    if (n === 0) {
      out += String.fromCharCode(LOW + bytes[i]);
      i++;
    } else {
      out += Buffer.from(bytes.buffer, bytes.byteOffset + i, n).toString("utf8");
      i += n;
    }
  }
  return out;
}
function encodePath(path) {
  if (!/[\udc80-\udcff]/.test(path)) return Buffer.from(path, "utf8");
  const parts2 = [];
  let run = "";
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const prev = i > 0 ? path.charCodeAt(i - 1) : 0;
    if (c >= 56448 && c <= 56575 && !(prev >= 55296 && prev <= 56319)) {
      if (run !== "") parts2.push(Buffer.from(run, "utf8"));
      run = "";
      parts2.push(Buffer.of(c - LOW));
    } else run += path[i];
  }
  if (run !== "") parts2.push(Buffer.from(run, "utf8"));
  return Buffer.concat(parts2);
}
function splitNulPaths(out) {
  if ((0, import_node_buffer.isUtf8)(out))
    return Buffer.from(out.buffer, out.byteOffset, out.byteLength).toString("utf8").split("\0").filter((p) => p !== "");
  const paths = [];
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 0) continue;
    if (i > start) paths.push(decodePath(out.subarray(start, i)));
    start = i + 1;
  }
  if (start < out.length) paths.push(decodePath(out.subarray(start)));
  return paths;
}
function validSequenceLength(b, i) {
  const c = b[i];
  if (c < 128) return 1;
  const cont = (k, lo = 128, hi = 191) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi;
  if (c >= 194 && c <= 223) return cont(1) ? 2 : 0;
  if (c === 224) return cont(1, 160) && cont(2) ? 3 : 0;
  if (c === 237) return cont(1, 128, 159) && cont(2) ? 3 : 0;
  if (c >= 225 && c <= 239) return cont(1) && cont(2) ? 3 : 0;
  if (c === 240) return cont(1, 144) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 241 && c <= 243) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 244) return cont(1, 128, 143) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
var import_node_buffer, LOW;
var init_path_bytes = __esm({
  "src/git/path-bytes.ts"() {
    "use strict";
    import_node_buffer = require("node:buffer");
    LOW = 56320;
  }
});

// src/git/git.ts
function subtrees(raw, idBytes) {
  const out = /* @__PURE__ */ new Map();
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  for (let at = 0; at < buf.length; ) {
    const space = buf.indexOf(32, at);
    const nul = buf.indexOf(0, space);
    if (space < 0 || nul < 0) break;
    if (buf.toString("latin1", at, space) === "40000")
      out.set(buf.toString("latin1", space + 1, nul), buf.toString("hex", nul + 1, nul + 1 + idBytes));
    at = nul + 1 + idBytes;
  }
  return out;
}
function parseNameStatus(out) {
  const fields = splitNulPaths(out);
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
var import_node_buffer2, import_node_child_process, GitError, LINK_MODE, STATUS, MAX_BUFFER, GitRepo, MAX_TREE_DEPTH;
var init_git = __esm({
  "src/git/git.ts"() {
    "use strict";
    import_node_buffer2 = require("node:buffer");
    import_node_child_process = require("node:child_process");
    init_path_bytes();
    GitError = class extends Error {
    };
    LINK_MODE = "120000";
    STATUS = {
      A: "added",
      D: "deleted",
      T: "type-changed",
      M: "modified"
    };
    MAX_BUFFER = 1 << 30;
    GitRepo = class _GitRepo {
      constructor(dir) {
        this.dir = dir;
      }
      dir;
      topLevelDir;
      promisor;
      listings = /* @__PURE__ */ new Map();
      /**
       * The repository `dir` is in, or null when it is in none. Any other failure (git missing, a
       * repository git refuses to read, such as one owned by another user) is a GitError that says
       * so: it must not pass for "no checkout".
       */
      static open(dir) {
        const repo = new _GitRepo(dir);
        try {
          repo.topLevel();
          return repo;
        } catch (e) {
          if (e instanceof GitError && /not a git repository/i.test(e.message)) return null;
          throw e;
        }
      }
      run(args, input, env) {
        return this.runBytes(args, input, env).toString("utf8");
      }
      /** Raw output: paths in it are bytes, not necessarily UTF-8 (see path-bytes.ts). */
      runBytes(args, input, env) {
        try {
          return (0, import_node_child_process.execFileSync)("git", ["-C", this.dir, ...args], {
            maxBuffer: MAX_BUFFER,
            stdio: ["pipe", "pipe", "pipe"],
            ...input !== void 0 ? { input } : {},
            ...env !== void 0 ? { env: { ...process.env, ...env } } : {}
          });
        } catch (e) {
          const err = e;
          throw new GitError(`git ${args[0]} failed: ${(String(err.stderr ?? "") || err.message).trim()}`);
        }
      }
      topLevel() {
        if (this.topLevelDir !== void 0) return this.topLevelDir;
        const out = this.runBytes(["rev-parse", "--show-toplevel"]);
        this.topLevelDir = decodePath(out.subarray(0, out.length > 0 && out[out.length - 1] === 10 ? -1 : out.length));
        return this.topLevelDir;
      }
      resolve(rev) {
        return this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).trim();
      }
      /** A shallow clone's history stops at its shallow commits: `git merge-base` could miss the real one. */
      isShallow() {
        return this.run(["rev-parse", "--is-shallow-repository"]).trim() === "true";
      }
      mergeBase(a, b) {
        return this.run(["merge-base", a, b]).trim();
      }
      /**
       * A commit's parents, from the commit object itself: a shallow checkout's history stops at
       * the commit (`rev^2` fails there), but the object still names them.
       */
      parents(commit) {
        const text2 = this.run(["cat-file", "commit", commit]);
        const end = text2.indexOf("\n\n");
        const headers = end < 0 ? text2 : text2.slice(0, end);
        return [...headers.matchAll(/^parent ([0-9a-f]+)$/gm)].map((m) => m[1]);
      }
      /** git's version as [major, minor]. */
      version() {
        const m = /(\d+)\.(\d+)/.exec(this.run(["version"]));
        return m ? [Number(m[1]), Number(m[2])] : [0, 0];
      }
      /**
       * Fetches commits from origin, just them (depth 1), in a few requests whose size follows what
       * the commits changed, not the repository: the commits alone, then their trees a level at a
       * time — only those that differ from the checkout's HEAD at the same path (the rest are there
       * already) — and no blobs. The checkout becomes a partial clone; the blobs a diff reads come
       * with `prefetch`. (A server that does not filter sends everything at once: slower, the same.)
       */
      fetchCommits(shas) {
        const fetch = (filter) => this.run([
          "fetch",
          "--no-tags",
          "--quiet",
          // Else git reads the whole index, looking for submodules to fetch into.
          "--recurse-submodules=no",
          "--depth=1",
          `--filter=${filter}`,
          "origin",
          ...shas
        ]);
        try {
          fetch("tree:0");
        } catch {
          fetch("blob:none");
        }
        this.promisor = void 0;
        let reference = null;
        try {
          reference = this.run(["rev-parse", "--verify", "--quiet", "HEAD^{tree}"]).trim() || null;
        } catch {
        }
        const idBytes = this.run(["rev-parse", "--show-object-format"]).trim() === "sha256" ? 32 : 20;
        const roots = this.readObjects(shas, "commit");
        let level2 = [];
        for (const c of roots.values()) {
          const m = /^tree ([0-9a-f]+)$/m.exec(Buffer.from(c).toString("latin1"));
          if (m) level2.push({ tree: m[1], ref: reference });
        }
        for (let depth = 0; level2.length > 0 && depth < MAX_TREE_DEPTH; depth++) {
          const todo = level2.filter((p) => p.tree !== p.ref);
          this.prefetch(
            todo.map((p) => p.tree),
            "tree:0"
          );
          const trees = this.readObjects(
            [...todo.map((p) => p.tree), ...todo.flatMap((p) => p.ref === null ? [] : [p.ref])],
            "tree"
          );
          const next = /* @__PURE__ */ new Map();
          for (const p of todo) {
            const mine = trees.get(p.tree);
            if (mine === void 0) continue;
            const theirs = p.ref === null ? void 0 : trees.get(p.ref);
            const theirSubtrees = theirs === void 0 ? null : subtrees(theirs, idBytes);
            for (const [name, tree] of subtrees(mine, idBytes)) {
              const ref = theirSubtrees?.get(name) ?? null;
              next.set(`${tree} ${ref}`, { tree, ref });
            }
          }
          level2 = [...next.values()];
        }
      }
      /**
       * The remote a partial clone fetches its missing objects from, or null when the repository is
       * whole (nothing to fetch: every object of its commits is there).
       */
      promisorRemote() {
        if (this.promisor === void 0) {
          let config = "";
          try {
            config = this.run(["config", "-z", "--get-regexp", "^(remote\\..*\\.promisor|extensions\\.partialclone)$"]);
          } catch {
          }
          this.promisor = null;
          for (const rec of config.split("\0")) {
            if (rec === "") continue;
            const nl = rec.indexOf("\n");
            const [key, value2] = nl < 0 ? [rec, "true"] : [rec.slice(0, nl), rec.slice(nl + 1)];
            if (key.toLowerCase() === "extensions.partialclone" && value2 !== "") this.promisor = value2;
            else if (this.promisor === null && /^remote\..*\.promisor$/i.test(key) && /^(true|yes|on|1)$/i.test(value2))
              this.promisor = key.slice("remote.".length, -".promisor".length);
          }
        }
        return this.promisor;
      }
      /**
       * Fetches, in one request, those of these objects a partial clone lacks (git leaves out the
       * ones it has, and does not connect when it has them all); nothing in a whole repository. An
       * object the remote will not give stays missing: reading it fails, and the unit that needs it
       * is unreadable.
       */
      prefetch(oids, filter = "blob:none") {
        const remote = this.promisorRemote();
        if (remote === null || oids.length === 0) return;
        try {
          this.run(
            [
              "-c",
              "fetch.negotiationAlgorithm=noop",
              "fetch",
              "--quiet",
              "--no-tags",
              "--no-write-fetch-head",
              "--recurse-submodules=no",
              `--filter=${filter}`,
              "--stdin",
              remote
            ],
            [...new Set(oids)].join("\n") + "\n"
          );
        } catch {
        }
      }
      /**
       * The merge of `head` into `base`, as a tree (`git merge-tree --write-tree`, git 2.38+), with
       * `mergeBase` as the merge base — which a shallow history cannot find on its own: two
       * stand-in commits with base's and head's trees and the merge base as their one parent make it
       * the merge base merge-tree finds (git 2.40's --merge-base does the same; this works on
       * 2.38 too). They are written to the object store, referenced by nothing.
       * Returns the conflicting paths instead when the two do not merge cleanly.
       */
      mergeTree(mergeBase, base, head) {
        const env = {
          GIT_AUTHOR_NAME: "systemd-exposure",
          GIT_AUTHOR_EMAIL: "systemd-exposure@invalid",
          GIT_AUTHOR_DATE: "1970-01-01T00:00:00Z",
          GIT_COMMITTER_NAME: "systemd-exposure",
          GIT_COMMITTER_EMAIL: "systemd-exposure@invalid",
          GIT_COMMITTER_DATE: "1970-01-01T00:00:00Z"
        };
        const standIn = (rev) => this.run(
          ["commit-tree", "-p", mergeBase, "-m", "systemd-exposure: merge side", "--end-of-options", `${rev}^{tree}`],
          void 0,
          env
        ).trim();
        const [ours, theirs] = [standIn(base), standIn(head)];
        const r = (0, import_node_child_process.spawnSync)(
          "git",
          ["-C", this.dir, "merge-tree", "--write-tree", "--name-only", "-z", "--no-messages", ours, theirs],
          { maxBuffer: MAX_BUFFER }
        );
        if (r.error) throw new GitError(`git merge-tree failed: ${r.error.message}`);
        if (r.status !== 0 && r.status !== 1) throw new GitError(`git merge-tree failed: ${r.stderr.toString().trim()}`);
        const fields = r.stdout.toString("utf8").split("\0");
        const tree = fields[0].trim();
        if (r.status === 0) return { tree };
        const conflicts = [];
        for (const f of fields.slice(1)) {
          if (f === "") break;
          conflicts.push(f);
        }
        return { conflicts: [...new Set(conflicts)] };
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
        const out = parseNameStatus(this.runBytes(args));
        if (head === null) for (const p of this.worktreeListing(pathspecs).untracked) out.push({ status: "added", path: p });
        return out;
      }
      /** Every file of a revision's tree, with mode and blob id (and size, unless a partial clone). */
      tree(rev, pathspecs = []) {
        const sized = this.promisorRemote() === null;
        const out = this.runBytes(["ls-tree", "-r", "-z", ...sized ? ["-l"] : [], "--full-tree", rev, "--", ...pathspecs]);
        const size = (s) => sized ? Number(s) : null;
        const map = /* @__PURE__ */ new Map();
        if ((0, import_node_buffer2.isUtf8)(out)) {
          for (const rec of out.toString("utf8").split("\0")) {
            const tab = rec.indexOf("	");
            if (tab < 0) continue;
            const [mode, type, sha, blobSize] = rec.slice(0, tab).split(/ +/);
            if (type === "blob") map.set(rec.slice(tab + 1), { mode, sha, size: size(blobSize) });
          }
          return map;
        }
        for (let at = 0; at < out.length; ) {
          let end = out.indexOf(0, at);
          if (end < 0) end = out.length;
          const tab = out.indexOf(9, at);
          if (tab > at && tab < end) {
            const [mode, type, sha, blobSize] = out.subarray(at, tab).toString("latin1").split(/ +/);
            if (type === "blob") map.set(decodePath(out.subarray(tab + 1, end)), { mode, sha, size: size(blobSize) });
          }
          at = end + 1;
        }
        return map;
      }
      /**
       * The changes from one commit to another with both sides' modes and blob ids (`git diff
       * --raw`, renames paired as `changes` pairs them, unless `renames` is false: then no blob is
       * compared): what a side's tree differs by, read in time that follows the change (git skips
       * the subtrees the two commits share).
       */
      rawChanges(base, head, renames = true) {
        const out = this.runBytes([
          "diff",
          "--no-ext-diff",
          "--no-color",
          "--raw",
          "--no-abbrev",
          renames ? "-M" : "--no-renames",
          "-z",
          base,
          head,
          "--"
        ]);
        const fields = splitNulPaths(out);
        const changes = [];
        for (let i = 0; i < fields.length; ) {
          const header = fields[i++];
          const [oldMode, newMode, oldSha, newSha, code2] = header.slice(1).split(" ");
          const letter = code2[0];
          const ids = { oldMode, newMode, oldSha, newSha };
          if (letter === "R" || letter === "C") {
            const oldPath = fields[i++];
            const path2 = fields[i++];
            changes.push(letter === "R" ? { status: "renamed", path: path2, oldPath, ...ids } : { status: "added", path: path2, ...ids });
            continue;
          }
          const path = fields[i++];
          changes.push({ status: STATUS[letter ?? ""] ?? "modified", path, ...ids });
        }
        return changes;
      }
      /**
       * Every directory and every symbolic link of a revision (`ls-tree -r -t`), the links with their
       * blob ids. The one listing whose size follows the repository's: a link anywhere can lead a unit
       * to a changed file. Only the records of directories and links become strings; the others (the
       * files, nearly all of them) are skipped where they lie in git's output.
       */
      dirsAndLinks(rev) {
        const out = this.runBytes(["ls-tree", "-r", "-t", "-z", "--full-tree", rev]);
        const dirs = /* @__PURE__ */ new Set(["."]);
        const links = /* @__PURE__ */ new Map();
        for (let at = 0; at < out.length; ) {
          let end = out.indexOf(0, at);
          if (end < 0) end = out.length;
          const tree = out[at] === 48 && out[at + 1] === 52;
          const link = out[at] === 49 && out[at + 1] === 50;
          if (tree || link) {
            const tab = out.indexOf(9, at);
            const path = decodePath(out.subarray(tab + 1, end));
            if (tree) dirs.add(path);
            else links.set(path, out.toString("latin1", at + 12, tab));
          }
          at = end + 1;
        }
        return { dirs, links };
      }
      /**
       * The entries of one directory (not recursive), given as a tree-ish (`rev^{tree}`, `rev:dir`
       * or a tree's id): name → mode, type and object id (and size, unless a partial clone). Null
       * when there is no such tree.
       */
      directory(treeish) {
        const sized = this.promisorRemote() === null;
        let out;
        try {
          out = this.runBytes(["ls-tree", "-z", ...sized ? ["-l"] : [], "--end-of-options", treeish]);
        } catch {
          return null;
        }
        const map = /* @__PURE__ */ new Map();
        for (const rec of splitNulPaths(out)) {
          const tab = rec.indexOf("	");
          if (tab < 0) continue;
          const [mode, type, sha, blobSize] = rec.slice(0, tab).split(/ +/);
          if (type !== "blob" && type !== "tree") continue;
          map.set(rec.slice(tab + 1), { mode, type, sha, size: sized && type === "blob" ? Number(blobSize) : null });
        }
        return map;
      }
      /** Files of the work tree that git tracks or would track (not ignored), and that exist. */
      worktreeFiles(pathspecs = []) {
        const { tracked, untracked, deleted } = this.worktreeListing(pathspecs);
        return [...new Set([...tracked, ...untracked].filter((p) => !deleted.has(p)))];
      }
      /**
       * The work tree's files as git sees them, from one `ls-files` run per set of pathspecs (a
       * diff of the work tree asks for the untracked ones twice: as changes, and as files).
       */
      worktreeListing(pathspecs) {
        const key = pathspecs.join("\0");
        let listing = this.listings.get(key);
        if (listing === void 0) {
          const out = this.runBytes([
            "ls-files",
            "-z",
            "-t",
            "--cached",
            "--deleted",
            "--others",
            "--exclude-standard",
            "--",
            ...pathspecs
          ]);
          const tracked = [];
          const untracked = [];
          const deleted = /* @__PURE__ */ new Set();
          for (const rec of splitNulPaths(out)) {
            const path = rec.slice(2);
            if (rec[0] === "?") untracked.push(path);
            else if (rec[0] === "R") deleted.add(path);
            else tracked.push(path);
          }
          this.listings.set(key, listing = { tracked, untracked, deleted });
        }
        return listing;
      }
      /** Sizes of many blobs through one `git cat-file --batch-check` (missing ones left out). */
      blobSizes(shas) {
        const unique = [...new Set(shas)];
        const out = /* @__PURE__ */ new Map();
        if (unique.length === 0) return out;
        for (const line of this.run(["cat-file", "--batch-check"], unique.join("\n") + "\n").split("\n")) {
          const [sha, type, size] = line.split(" ");
          if (type === "blob" && sha !== void 0) out.set(sha, Number(size));
        }
        return out;
      }
      /** Contents of many blobs through one `git cat-file --batch`. */
      readBlobs(shas) {
        return this.readObjects(shas, "blob");
      }
      /** Contents of many objects of one type through one `git cat-file --batch` (others left out). */
      readObjects(shas, type) {
        const unique = [...new Set(shas)];
        const result = /* @__PURE__ */ new Map();
        if (unique.length === 0) return result;
        const r = (0, import_node_child_process.spawnSync)("git", ["-C", this.dir, "cat-file", "--batch"], {
          input: unique.join("\n") + "\n",
          maxBuffer: MAX_BUFFER
        });
        if (r.error) throw new GitError(`git cat-file failed: ${r.error.message}`);
        if (r.status !== 0) throw new GitError(`git cat-file failed: ${r.stderr.toString().trim()}`);
        const buf = r.stdout;
        let at = 0;
        for (const sha of unique) {
          const nl = buf.indexOf(10, at);
          const header = buf.subarray(at, nl).toString();
          at = nl + 1;
          const parts2 = header.split(" ");
          if (parts2[1] === "missing" || parts2.length < 3) continue;
          const size = Number(parts2[2]);
          if (parts2[1] === type) result.set(sha, buf.subarray(at, at + size));
          at += size + 1;
        }
        return result;
      }
    };
    MAX_TREE_DEPTH = 64;
  }
});

// src/diff/repo-tree.ts
function linkTargetOf(blob) {
  return blob === void 0 || blob.length > MAX_LINK_TARGET_BYTES ? null : decodePath(blob);
}
function mapStore(entries) {
  const sets = /* @__PURE__ */ new Map();
  for (const p of entries.keys()) {
    let child = p;
    for (let dir = dirname(p); ; dir = dirname(dir)) {
      let names2 = sets.get(dir);
      const fresh = names2 === void 0;
      if (!names2) sets.set(dir, names2 = /* @__PURE__ */ new Set());
      names2.add(basename(child));
      if (!fresh || dir === "." || dir === "/") break;
      child = dir;
    }
  }
  const dirs = /* @__PURE__ */ new Map();
  for (const [d, names2] of sets) dirs.set(d, [...names2]);
  let linkList = null;
  return {
    whole: true,
    entry: (path) => entries.get(path),
    link: (path) => {
      const e = entries.get(path);
      return e?.kind === "link" ? e : void 0;
    },
    isDir: (path) => dirs.has(path),
    list: (dir) => dirs.get(dir) ?? null,
    links: () => {
      if (linkList === null) {
        linkList = [];
        for (const [p, e] of entries) if (e.kind === "link") linkList.push(p);
      }
      return linkList;
    }
  };
}
function splitPath(p) {
  return p.split("/");
}
function normalizeAbsolute(p) {
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return "/" + out.join("/");
}
function climbsAbove(parts2) {
  let depth = 0;
  for (const p of parts2) {
    if (p === "..") {
      if (--depth < 0) return true;
    } else if (p !== "." && p !== "") depth++;
  }
  return false;
}
function rootfsOf(path) {
  for (const m of ROOTFS_MARKERS) {
    if (path.startsWith(m)) return "";
    const i = path.indexOf(`/${m}`);
    if (i >= 0) return path.slice(0, i);
  }
  return null;
}
var MAX_LINKS, NO_LINKS, MAX_LINK_TARGET_BYTES, ROOTFS_MARKERS, RepoTree;
var init_repo_tree = __esm({
  "src/diff/repo-tree.ts"() {
    "use strict";
    init_path_bytes();
    init_source();
    MAX_LINKS = 40;
    NO_LINKS = Object.freeze([]);
    MAX_LINK_TARGET_BYTES = 4095;
    ROOTFS_MARKERS = ["etc/systemd/", "usr/lib/systemd/", "lib/systemd/", "usr/local/lib/systemd/", "run/systemd/"];
    RepoTree = class {
      store;
      /** Resolutions already made: the diff asks about the same links in several passes. */
      resolved = /* @__PURE__ */ new Map();
      routed = /* @__PURE__ */ new Map();
      constructor(entries) {
        this.store = entries instanceof Map ? mapStore(entries) : entries;
      }
      entry(path) {
        return this.store.entry(path);
      }
      /** Entry names of a real (not linked) directory of the tree. */
      listDir(dir) {
        return this.store.list(dir === "" ? "." : dir);
      }
      /**
       * Entry names of a directory, also when the path reaches it through a link (a linked
       * directory, `deploy/current -> v2`): what systemd lists there.
       */
      listing(dir) {
        const own = this.listDir(dir);
        if (own !== null) return own;
        const r = this.resolve(dir === "" ? "." : dir);
        return r.kind === "dir" ? this.listDir(r.path) : null;
      }
      /**
       * The entry a path names, also under a linked directory (its parent resolved, the path's own
       * last component not followed).
       */
      entryAt(path) {
        const own = this.store.entry(path);
        if (own !== void 0) return own;
        const parent = this.resolve(dirname(path));
        if (parent.kind !== "dir" || parent.links.length === 0) return void 0;
        return this.store.entry(parent.path === "." ? basename(path) : `${parent.path}/${basename(path)}`);
      }
      /** Paths of every symbolic link in the tree. */
      links() {
        return this.store.links();
      }
      /**
       * Where a path leads, as `resolve` says, except that a path ending at neither a directory nor
       * a link is a 'file' whether or not a file is there: what a path passes through and where it
       * ends, known without reading the directory it ends in. Enough to say whether a link reaches
       * a changed path (the changed path is there on one side or the other).
       */
      route(path) {
        if (this.store.whole) return this.resolve(path);
        let r = this.routed.get(path);
        if (r === void 0) this.routed.set(path, r = this.walk(path, false));
        return r;
      }
      /** Resolves a repository path, following links in every component. */
      resolve(path) {
        if (this.store.isDir(path) && this.store.link(path) === void 0) return { kind: "dir", path, links: NO_LINKS };
        const direct = this.store.entry(path);
        if (direct?.kind === "file") return { kind: "file", path, links: NO_LINKS };
        let r = this.resolved.get(path);
        if (r === void 0) this.resolved.set(path, r = this.walk(path, true));
        return r;
      }
      /** `exact`: whether a path ending at neither a directory nor a link is looked up (route()). */
      walk(path, exact) {
        const links = [];
        const todo = splitPath(path).reverse();
        const at = [];
        let hops = 0;
        let tail = todo.length;
        let own;
        while (todo.length > 0) {
          own = todo.length <= tail;
          const part = todo.pop();
          if (own) tail = todo.length;
          if (part === "." || part === "") continue;
          if (part === "..") {
            if (at.length === 0) {
              const last = links[links.length - 1];
              if (last === void 0) return { kind: "missing", path: "..", links };
              return { kind: "outside", link: last, target: this.store.link(last).target, links };
            }
            at.pop();
            continue;
          }
          const here = at.length === 0 ? part : `${at.join("/")}/${part}`;
          let e = this.store.link(here);
          if (e === void 0) {
            if (this.store.isDir(here)) {
              at.push(part);
              continue;
            }
            if (exact) e = this.store.entry(here);
          }
          if (e === void 0) {
            if (!exact && !todo.some((p) => p !== "" && p !== ".")) return { kind: "file", path: here, links };
            return { kind: "missing", path: [here, ...todo.slice().reverse()].join("/"), links, dangling: !own };
          }
          if (e.kind === "file") {
            if (todo.some((p) => p !== "" && p !== "."))
              return { kind: "missing", path: [here, ...todo.slice().reverse()].join("/"), links };
            return { kind: "file", path: here, links };
          }
          links.push(here);
          if (++hops > MAX_LINKS) return { kind: "loop", link: here, links };
          if (e.target === null) return { kind: "unread", link: here, links };
          const target = e.target;
          if (target.startsWith("/")) {
            if (normalizeAbsolute(target) === "/dev/null") {
              if (todo.some((p) => p !== "" && p !== "."))
                return { kind: "missing", path: [here, ...todo.slice().reverse()].join("/"), links };
              return { kind: "mask", links };
            }
            const root = rootfsOf(here);
            if (root === null) return { kind: "outside", link: here, target, links };
            const rootParts = root === "" ? [] : root.split("/");
            const rel2 = splitPath(target.slice(1));
            if (climbsAbove(rel2)) return { kind: "outside", link: here, target, links };
            at.length = 0;
            for (let i = rel2.length - 1; i >= 0; i--) todo.push(rel2[i]);
            for (let i = rootParts.length - 1; i >= 0; i--) todo.push(rootParts[i]);
            continue;
          }
          const rel = splitPath(target);
          let depth = at.length;
          for (const p of rel) {
            if (p === "..") {
              if (--depth < 0) return { kind: "outside", link: here, target, links };
            } else if (p !== "." && p !== "") depth++;
          }
          for (let i = rel.length - 1; i >= 0; i--) todo.push(rel[i]);
        }
        return { kind: "dir", path: at.join("/") || ".", links };
      }
      /**
       * The paths whose change changes what `path` reads: the links followed and the file reached
       * (or the path where the lookup failed, which a change can fill). A directory reached is
       * returned too: any change under it counts.
       */
      reaches(path) {
        const r = this.resolve(path);
        switch (r.kind) {
          case "file":
            return { paths: [...r.links, r.path], dir: null };
          case "missing":
            return { paths: [...r.links, r.path], dir: null };
          case "dir":
            return { paths: r.links, dir: r.path };
          default:
            return { paths: r.links, dir: null };
        }
      }
    };
  }
});

// src/diff/snapshot.ts
function isLfsPointer(bytes) {
  return bytes.length < 1024 && bytes.length >= LFS_POINTER.length && Buffer.from(bytes.buffer, bytes.byteOffset, LFS_POINTER.length).equals(LFS_POINTER);
}
function unreadableReason(r) {
  switch (r.kind) {
    case "outside":
      return `symbolic link ${r.link} -> ${r.target} leaves the repository`;
    case "loop":
      return `too many levels of symbolic links (at ${r.link})`;
    case "unread":
      return `the target of symbolic link ${r.link} was not read`;
    case "missing":
      return r.links.length > 0 && r.dangling !== false ? `symbolic link ${r.links[r.links.length - 1]} points to ${r.path}, which is not in the repository` : null;
    default:
      return null;
  }
}
function treeSnapshot(rev, tree, content) {
  const read2 = (p) => {
    const path = normalize4(p);
    const r = tree.resolve(path);
    if (r.kind === "file") {
      const e = tree.entry(r.path);
      if (e.size !== null && e.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, e.size);
      const bytes = content(r.path);
      if (bytes.length > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, bytes.length);
      if (isLfsPointer(bytes))
        throw new UnreadableFile(path, "a Git LFS pointer: the file itself is not in the repository");
      return bytes;
    }
    if (r.kind === "mask") return EMPTY2;
    const why = unreadableReason(r);
    if (why !== null) throw new UnreadableFile(path, why);
    return null;
  };
  const list3 = (d) => {
    const dir = normalize4(d);
    const r = tree.resolve(dir);
    if (r.kind === "dir") return tree.listDir(r.path);
    const why = unreadableReason(r);
    if (why !== null) throw new UnreadableFile(dir, why);
    return null;
  };
  const link = (p) => {
    const path = normalize4(p);
    const parent = tree.resolve(dirname(path));
    if (parent.kind !== "dir") return null;
    const e = tree.entry(joinPath(parent.path, basename(path)));
    return e?.kind === "link" ? e.target : null;
  };
  return { rev, tree, source: { read: read2, list: list3, link } };
}
function normalize4(p) {
  return p.startsWith("./") ? p.slice(2) : p === "" ? "." : p;
}
function gitRepoTree(tree, linkBlobs) {
  const entries = /* @__PURE__ */ new Map();
  for (const [path, e] of tree) {
    if (e.mode === LINK_MODE) {
      const blob = linkBlobs.get(e.sha);
      entries.set(path, {
        kind: "link",
        target: linkTargetOf(blob)
      });
    } else entries.set(path, { kind: "file", size: e.size });
  }
  return new RepoTree(entries);
}
function linkBlobIds(tree) {
  const out = [];
  for (const e of tree.values())
    if (e.mode === LINK_MODE && (e.size === null || e.size <= MAX_LINK_TARGET_BYTES)) out.push(e.sha);
  return out;
}
function gitSnapshot(rev, tree, repoTree, blob) {
  return treeSnapshot(rev, repoTree, (path) => {
    const e = tree.get(path);
    if (!e) throw new UnreadableFile(path, "not in the tree");
    return blob(e.sha, path);
  });
}
var EMPTY2, LFS_POINTER;
var init_snapshot = __esm({
  "src/diff/snapshot.ts"() {
    "use strict";
    init_git();
    init_fs_source();
    init_source();
    init_repo_tree();
    EMPTY2 = new Uint8Array(0);
    LFS_POINTER = Buffer.from("version https://git-lfs.github.com/spec/v1\n");
  }
});

// src/diff/load-unit.ts
function loadedName(path, traits) {
  const name = basename(path);
  return unitNameKind(name) === "template" ? withInstance(name, traits.templateInstance) : name;
}
function loadUnit(snapshot, ref, traits) {
  let result;
  let unreadable = null;
  try {
    result = loadService(ref.view.source, ref.loadPath, traits, rootLocation(ref.loadPath));
  } catch (e) {
    if (!(e instanceof UnreadableFile || e instanceof GitError)) throw e;
    unreadable = e.message;
    result = { ok: false, unit: loadedName(ref.loadPath, traits), error: unreadable, diagnostics: [] };
  }
  if (unreadable === null) {
    const names2 = result.ok ? result.names : [result.unit ?? loadedName(ref.loadPath, traits)];
    const unitDirs = rootLocation(ref.loadPath).searchRoot?.dirs ?? [dirname(ref.loadPath)];
    const dropInDirs = [.../* @__PURE__ */ new Set([...names2.flatMap((n) => dropInUnitNames(n)), unitType(names2[0])])].flatMap(
      (n) => unitDirs.map((d) => joinPath(d, `${n}.d`))
    );
    const links = result.ok ? result.links.filter((l) => rootAliasTarget(l.path, l.target) === null).map((l) => l.path) : [];
    for (const p of [ref.loadPath, ...links, ...dropInDirs]) {
      const why = unreadableReason(snapshot.tree.resolve(ref.view.origin(p)));
      if (why !== null) {
        unreadable = `${p}: ${why}`;
        break;
      }
    }
  }
  const read2 = result.ok ? [result.fragmentPath, ...result.dropInPaths] : filesOfFailedLoad(snapshot, ref, result.unit ?? loadedName(ref.loadPath, traits));
  const templateChoices = mergeChoices(read2.map((p) => ref.view.expansion(p)?.choices ?? []));
  const unresolvable = [];
  const unresolvableIf = [];
  const alternatives = unreadable === null ? alternativeLoads(snapshot, ref, traits, result) : [];
  if (unreadable === null && templateChoices.length > 0) {
    const readings = buildOptionLoads(ref, traits, templateChoices);
    if (readings === null)
      unresolvable.push(`${ref.view.origin(ref.loadPath)}: its build templates decide more than can be read each way`);
    else {
      alternatives.push(...readings.loads);
      unresolvableIf.push(...readings.unresolvable);
    }
  }
  for (const alt of alternatives) for (const p of [alt.result.fragmentPath, ...alt.result.dropInPaths]) read2.push(p);
  const reaches = /* @__PURE__ */ new Set();
  const templateNotes = [];
  const unknown = /* @__PURE__ */ new Set();
  for (const p of new Set(read2)) {
    const origin = ref.view.origin(p);
    for (const r of snapshot.tree.reaches(origin).paths) reaches.add(r);
    const x = ref.view.expansion(p);
    if (x === null) continue;
    const note = (n, prefix2) => templateNotes.push({ file: origin, line: n.line, message: prefix2 + n.message });
    for (const n of x.unresolvable) {
      note(n, "build template: ");
      unresolvable.push(`${origin}${n.line > 0 ? `:${n.line}` : ""}: ${n.message}`);
    }
    for (const n of x.warnings) note(n, "build template: ");
    for (const u of x.unknown) unknown.add(u);
  }
  for (const n of unresolvableIf)
    if (!unresolvable.some((u) => u === n.note || u.startsWith(`${n.note} (if `)))
      unresolvable.push(`${n.note} (if ${n.assumption})`);
  for (const p of ref.namedBy) for (const r of snapshot.tree.reaches(p).paths) reaches.add(r);
  if (unreadable === null && unresolvable.length > 0) {
    unreadable = `unresolvable build template: ${[...new Set(unresolvable)].join("; ")} (a value for the placeholder, in the template placeholder settings, resolves it)`;
  }
  if (unreadable === null && !result.ok && unknown.size > 0) {
    unreadable = `the unit generated from its build template does not load with the unknown placeholders ${[...unknown].join(" ")} (${result.error})`;
  }
  return { ref, result, alternatives, unreadable, reaches, templateNotes, templateChoices };
}
function buildOptionLoads(ref, traits, choices) {
  const readings = otherReadings(choices);
  if (readings === null) return null;
  const loads = [];
  const unresolvable = [];
  for (const chosen of readings) {
    const view = ref.view.withChoices(chosen);
    const assumption = [...chosen].map(([k, o]) => describeChoice(k, o)).join(" and ");
    let r;
    try {
      r = loadService(view.source, ref.loadPath, traits, rootLocation(ref.loadPath));
    } catch {
      continue;
    }
    const files = r.ok ? [r.fragmentPath, ...r.dropInPaths] : [ref.loadPath];
    for (const p of files) {
      for (const n of view.expansion(p)?.unresolvable ?? [])
        unresolvable.push({ note: `${view.origin(p)}${n.line > 0 ? `:${n.line}` : ""}: ${n.message}`, assumption });
    }
    if (r.ok) loads.push({ kind: "build-options", assumption, result: r, choices: chosen });
  }
  return { loads, unresolvable };
}
function alternativeLoads(snapshot, ref, traits, strict) {
  const out = [];
  const load = (options, source = ref.view.source) => {
    try {
      return loadService(source, ref.loadPath, traits, { ...rootLocation(ref.loadPath), ...options });
    } catch {
      return null;
    }
  };
  const fatal = strict.diagnostics.find((d) => d.severity === "error");
  if (!strict.ok || fatal !== void 0) {
    const r = load({ lenient: true });
    const why = strict.ok ? fatal.message : strict.error;
    if (r?.ok) out.push({ kind: "lenient", assumption: `systemd reads on where this tool stops (${why})`, result: r });
  }
  const dir = dirname(ref.loadPath);
  const entries = snapshot.tree.listDir(ref.view.origin(dir)) ?? [];
  if (entries.some((n) => n.endsWith(".d") && snapshot.tree.entry(joinPath(ref.view.origin(dir), n))?.kind === "link")) {
    const r = load({ followDropInDirectoryLinks: true });
    if (r?.ok)
      out.push({
        kind: "drop-in-links",
        assumption: "its drop-in directory links are resolved from their own directory when deployed",
        result: r
      });
  }
  if (strict.ok) {
    const aliases = installAliases(strict).filter(
      (a) => !strict.names.includes(a) && entries.some((n) => n === `${a}.d` || n === `${templateOf(a)}.d`)
    );
    if (aliases.length > 0) {
      const r = load({}, withAliasLinks(ref.view.source, dir, aliases, basename(strict.fragmentPath)));
      if (r?.ok)
        out.push({
          kind: "install-aliases",
          assumption: `it is enabled: [Install] Alias=${aliases.join(" ")} makes their drop-ins apply`,
          result: r
        });
    }
  }
  return out;
}
function installAliases(svc) {
  const type = unitType(svc.unit);
  const out = [];
  for (const f of svc.files) {
    for (const a of f.assignments) {
      if (a.section !== "Install" || a.key !== "Alias") continue;
      if (a.value === "") out.length = 0;
      for (const w of a.value.split(/\s+/))
        if (w !== "" && unitNameKind(w) !== null && unitType(w) === type && !out.includes(w)) out.push(w);
    }
  }
  return out;
}
function withAliasLinks(source, dir, aliases, target) {
  const paths = new Set(aliases.map((a) => joinPath(dir, a)));
  return {
    read: (p) => paths.has(p) ? source.read(joinPath(dir, target)) : source.read(p),
    list: (d) => {
      const names2 = source.list(d);
      return d === dir && names2 !== null ? [.../* @__PURE__ */ new Set([...names2, ...aliases])] : names2;
    },
    link: (p) => paths.has(p) ? target : source.link(p)
  };
}
function instanceOf(unit) {
  const at = unit.indexOf("@");
  const dot = unit.lastIndexOf(".");
  return at >= 0 && at < dot ? unit.slice(at + 1, dot) : "";
}
function filesOfFailedLoad(snapshot, ref, unit) {
  const dir = dirname(ref.loadPath);
  const files = [ref.loadPath];
  if (unitNameKind(basename(ref.loadPath)) === "instance") files.push(joinPath(dir, templateOf(basename(ref.loadPath))));
  try {
    for (const d of resolveUnitFiles(ref.view.source, ref.loadPath, instanceOf(unit), rootLocation(ref.loadPath)).involved)
      files.push(d);
  } catch {
    for (const name of snapshot.tree.listDir(dir) ?? []) {
      const d = joinPath(dir, name);
      if (!isDropInDirectory(d)) continue;
      files.push(d);
      const r = snapshot.tree.resolve(d);
      if (r.kind === "dir") for (const entry2 of snapshot.tree.listDir(r.path) ?? []) files.push(joinPath(d, entry2));
    }
  }
  return files;
}
var init_load_unit = __esm({
  "src/diff/load-unit.ts"() {
    "use strict";
    init_git();
    init_load();
    init_build_template();
    init_names();
    init_source();
    init_unit_files();
    init_rootfs();
    init_snapshot();
    init_unit_paths();
  }
});

// src/diff/foreign-units.ts
function skeleton(type, unit) {
  switch (type) {
    case "socket":
      return `${bareSkeleton(type, unit)}ExecStartPre=/bin/true
ExecStopPost=/bin/true
`;
    case "mount":
      return `[Mount]
What=none
Where=${mountPoint(unit)}
Type=tmpfs
`;
    case "swap":
      return `[Swap]
What=${mountPoint(unit)}
`;
    default:
      return "[Service]\nExecStart=/bin/true\nExecReload=/bin/true\n";
  }
}
function bareSkeleton(type, unit) {
  return type === "socket" ? "[Socket]\nListenStream=/run/systemd-exposure-assumed.sock\n" : skeleton(type, unit);
}
function resetsBoundingSet(text2) {
  for (const m of text2.matchAll(BOUNDING_RESET)) {
    const words2 = m[1].split(/\s+/).filter((w) => w !== "");
    if (words2.every((w) => capabilityBit(w.replace(/^"|"$/g, "")) === null && !/^[0-9]/.test(w))) return true;
  }
  return false;
}
function mountPoint(unit) {
  const stem = unit.slice(0, unit.lastIndexOf("."));
  return stem === "-" ? "/" : `/${unescapeUnitName(stem)}`;
}
function assumedUnitName(dirUnit) {
  if (UNIT_TYPES.includes(dirUnit))
    return { unit: `systemd-exposure-assumed.${dirUnit}`, name: `every .${dirUnit} unit` };
  const kind = unitNameKind(dirUnit);
  if (kind === null) return null;
  const type = unitType(dirUnit);
  const stem = dirUnit.slice(0, -(type.length + 1));
  if (stem.endsWith("-"))
    return { unit: `${stem}systemd-exposure-assumed.${type}`, name: `every ${stem}*.${type} unit` };
  return { unit: dirUnit, name: dirUnit };
}
function foreignUnits(base, head, unread, changed, traits, build) {
  const dirs = /* @__PURE__ */ new Map();
  for (const p of unread) {
    const dir = isDropInDirectory(p) ? p : dirname(p);
    const dirUnit = dropInDirectoryUnit(dir);
    if (dirUnit === null || dirs.has(dir)) continue;
    if (dir !== p && !isDropInName(basename(p), build)) continue;
    const type = UNIT_TYPES.includes(dirUnit) ? dirUnit : unitType(dirUnit);
    if (!REVIEWED_TYPES.includes(type)) continue;
    dirs.set(dir, dirUnit);
  }
  const out = [];
  for (const [dir, dirUnit] of [...dirs].sort(([a], [b]) => a < b ? -1 : 1)) {
    let assumed = assumedUnitName(dirUnit);
    if (assumed === null) continue;
    let fragment = joinPath(dirname(dir), assumed.unit);
    const root = searchRootOf(dirname(dir));
    if (root !== null) {
      const found = unitInRoot(head, root.dirs, dirname(dir), assumed.unit);
      if (found === null) continue;
      if (found.name !== assumed.unit) assumed = { unit: found.name, name: found.name };
      fragment = joinPath(found.dir, found.name);
    } else if (head.tree.entryAt(fragment) !== void 0) continue;
    const type = unitType(assumed.unit);
    const dropIns = dropInText(head, dir);
    const variants = ASSUMED.filter(
      (a) => (a.types === void 0 || a.types.includes(type)) && (a.when === void 0 || a.when(dropIns))
    ).map((a) => {
      const bytes = new TextEncoder().encode(a.body(type, assumed.unit));
      const load = (side) => {
        const view = assumedFile(buildView(side.source, build), fragment, bytes);
        return loadUnit(side, { id: fragment, file: dir, loadPath: fragment, view, namedBy: [dir] }, traits);
      };
      return { assumption: a.assumption, base: load(base), head: load(head) };
    });
    const causes = /* @__PURE__ */ new Set();
    for (const v of variants)
      for (const l of [v.base, v.head]) for (const p of l.reaches) if (changed.has(p)) causes.add(p);
    out.push({ name: assumed.name, dir, variants, causes: [...causes].sort() });
  }
  return out;
}
function unitInRoot(head, dirs, at, name) {
  let dir = at;
  for (let hops = 0; hops < 8; hops++) {
    const here = dirs.find((d) => head.tree.entryAt(joinPath(d, name)) !== void 0);
    if (here === void 0) return { name, dir };
    const e = head.tree.entryAt(joinPath(here, name));
    if (e.kind !== "link" || e.target === null) return null;
    const to = rootAliasTarget(joinPath(here, name), e.target);
    if (to === null || basename(to) === name) return null;
    const toDir = dirname(to);
    const next = basename(to);
    dir = toDir;
    name = next;
  }
  return null;
}
function dropInText(side, dir) {
  const out = [];
  try {
    for (const name of side.source.list(dir) ?? []) {
      if (!name.includes(".conf")) continue;
      const bytes = side.source.read(joinPath(dir, name));
      if (bytes !== null) out.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
    }
  } catch {
  }
  return out.join("\n");
}
function isDropInName(name, build) {
  const generated = generatedName(name, true, build.suffixes) ?? name;
  return generated.endsWith(".conf") && !generated.startsWith(".");
}
function assumedFile(view, path, bytes) {
  const dir = dirname(path);
  const name = basename(path);
  return {
    origin: (p) => p === path ? p : view.origin(p),
    expansion: (p) => p === path ? null : view.expansion(p),
    withChoices: (c) => assumedFile(view.withChoices(c), path, bytes),
    source: {
      read: (p) => p === path ? bytes : view.source.read(p),
      list: (d) => {
        const names2 = view.source.list(d);
        if (d !== dir) return names2;
        return names2 === null ? [name] : names2.includes(name) ? names2 : [...names2, name];
      },
      link: (p) => p === path ? null : view.source.link(p)
    }
  };
}
var BOUNDING_RESET, SECTION, ASSUMED;
var init_foreign_units = __esm({
  "src/diff/foreign-units.ts"() {
    "use strict";
    init_linux_names();
    init_names();
    init_source();
    init_build_view();
    init_load_unit();
    init_rootfs();
    init_unit_paths();
    BOUNDING_RESET = /^[ \t]*CapabilityBoundingSet[ \t]*=[ \t]*~(.*)$/gm;
    SECTION = { service: "Service", socket: "Socket", mount: "Mount", swap: "Swap" };
    ASSUMED = [
      { assumption: "a root unit with its full bounding set", body: (type, unit) => skeleton(type, unit) },
      {
        assumption: "a unit with User= and NoNewPrivileges=yes",
        body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]
User=systemd-exposure-assumed
NoNewPrivileges=yes
`
      },
      // Without NoNewPrivileges=: a drop-in that set it, and is changed to no longer, widens here.
      {
        assumption: "a unit with User=",
        body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]
User=systemd-exposure-assumed
`
      },
      {
        assumption: "a unit with DynamicUser=yes",
        body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]
DynamicUser=yes
`
      },
      // A distribution's socket runs no command of its own (Debian's ssh.socket): a drop-in that
      // adds one adds a root process.
      {
        assumption: "a root unit that runs no command of its own",
        body: (type, unit) => bareSkeleton(type, unit),
        types: ["socket"]
      },
      // What a distribution's unit may restrict, and a drop-in can undo: only when a drop-in does
      // such a thing, so that one that narrows or configures still passes.
      {
        assumption: "a root unit with a restricted bounding set",
        body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]
CapabilityBoundingSet=CAP_NET_BIND_SERVICE
`,
        when: resetsBoundingSet
      },
      {
        assumption: "a root unit with PrivateUsers=yes",
        body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]
PrivateUsers=yes
`,
        when: (t) => /^[ \t]*PrivateUsers[ \t]*=/m.test(t)
      },
      {
        assumption: "a unit with User= and SystemCallFilter=@system-service",
        body: (type, unit) => `${skeleton(type, unit)}[${SECTION[type]}]
User=systemd-exposure-assumed
SystemCallFilter=@system-service
`,
        when: (t) => /^[ \t]*(SystemCallFilter|SystemCallArchitectures|RestrictAddressFamilies|RestrictNamespaces|RestrictRealtime|RestrictSUIDSGID|LockPersonality|MemoryDenyWriteExecute|ProtectKernelModules|ProtectKernelTunables|ProtectKernelLogs|ProtectClock|ProtectHostname|PrivateDevices)[ \t]*=/m.test(
          t
        )
      }
    ];
  }
});

// src/diff/similar-units.ts
function settingsOf(load) {
  const counts = /* @__PURE__ */ new Map();
  if (!load.result.ok) return counts;
  const fragment = load.result.files[0];
  for (const a of fragment?.assignments ?? []) {
    const k = `${a.section}\0${a.key}=${a.value}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
function similarity(x, y) {
  const size = Math.max(total(x), total(y));
  if (size === 0) return 0;
  let shared = 0;
  for (const [k, n] of x) shared += Math.min(n, y.get(k) ?? 0);
  return shared / size;
}
function renamedBySettings(head, deleted) {
  const type = unitType(basename(head.ref.loadPath));
  const candidates = deleted.filter(
    (b) => dirname(b.ref.file) === dirname(head.ref.file) && unitType(basename(b.ref.loadPath)) === type
  );
  if (candidates.length === 0) return null;
  const mine = settingsOf(head);
  let best = null;
  let bestScore = 0.5;
  for (const b of candidates) {
    const score3 = similarity(mine, settingsOf(b));
    if (score3 > bestScore || best === null && score3 === bestScore) {
      best = b;
      bestScore = score3;
    }
  }
  return best;
}
var total;
var init_similar_units = __esm({
  "src/diff/similar-units.ts"() {
    "use strict";
    init_names();
    init_source();
    total = (m) => [...m.values()].reduce((x, y) => x + y, 0);
  }
});

// src/diff/units.ts
function foreignFormat(bytes, type) {
  const text2 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const first = /\S/.exec(text2);
  if (first === null) return null;
  const systemdSections = /* @__PURE__ */ new Set(["Unit", "Install", type.charAt(0).toUpperCase() + type.slice(1)]);
  const opening = /^[ \t]*\[([^\]\r\n]*)\]/m.exec(text2);
  if (opening !== null && systemdSections.has(opening[1])) return null;
  let firstSection = null;
  for (const m of text2.matchAll(/^[ \t]*\[([^\]\r\n]*)\]/gm)) {
    if (systemdSections.has(m[1])) return null;
    firstSection ??= m[1];
  }
  if (firstSection === "D-BUS Service") return "a D-Bus activation file ([D-BUS Service]), not a systemd unit";
  if (text2[first.index] === "<") return "an XML file (such as an Avahi service definition), not a systemd unit";
  return null;
}
function kindOf(tree, path, suffixes) {
  const e = tree.entryAt(path);
  if (e === void 0) return "none";
  if (e.kind === "file") return e.size === 0 ? "mask" : "unit";
  const r = tree.resolve(path);
  if (r.kind === "mask") return "mask";
  if (r.kind === "dir") return "none";
  if (r.kind === "file") {
    if (isUnitFileName(basename(r.path), suffixes) && isAliasLink(tree, path, e.target)) return "name";
    return tree.entry(r.path).size === 0 ? "mask" : "unit";
  }
  if (r.kind === "missing" && e.target !== null && rootAliasTarget(path, e.target) !== null) return "name";
  return "unit";
}
function isAliasLink(tree, path, target) {
  if (target === null) return false;
  if (target.startsWith("/")) return true;
  const dir = dirname(path);
  const joined = normalizeRelative(joinPath(dir, target));
  if (joined === null) return false;
  const targetDir = dirname(joined);
  if (targetDir === dir) return true;
  const a = tree.resolve(targetDir);
  const b = tree.resolve(dir);
  return a.kind === "dir" && b.kind === "dir" && a.path === b.path;
}
function normalizeRelative(p) {
  const out = [];
  for (const part of p.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/") || ".";
}
function isUnitFileName(name, suffixes) {
  return unitNameKind(name) !== null || generatedName(name, false, suffixes) !== null;
}
function instanceLinks(tree, suffixes) {
  const out = /* @__PURE__ */ new Map();
  const add = (template, instance, link) => {
    let m = out.get(template);
    if (!m) out.set(template, m = /* @__PURE__ */ new Map());
    const links = m.get(instance);
    if (links) links.push(link);
    else m.set(instance, [link]);
  };
  for (const link of tree.links()) {
    const name = basename(link);
    if (unitNameKind(name) !== "instance") continue;
    const wanted = templateOf(name);
    const isTemplate = (p) => basename(p) === wanted || suffixes.some((s) => basename(p) === wanted + s);
    const routed = tree.route(link);
    const r = routed.kind === "file" && (isTemplate(routed.path) || isEnablementDirectory(dirname(link))) ? tree.resolve(link) : routed;
    if (r.kind === "file" && isTemplate(r.path)) add(r.path, name, link);
    else if (r.kind !== "file" && isEnablementDirectory(dirname(link))) {
      const parent = dirname(dirname(link));
      for (const n of tree.listDir(parent) ?? []) if (isTemplate(n)) add(joinPath(parent, n), name, link);
    }
  }
  return out;
}
function unitsOf(snapshot, dirs, settings) {
  const { tree } = snapshot;
  const source = snapshot.source;
  const global = buildView(source, settings);
  const units = /* @__PURE__ */ new Map();
  const aliases = /* @__PURE__ */ new Map();
  const notUnits = /* @__PURE__ */ new Map();
  let linked;
  for (const dir of [...dirs].sort()) {
    if (!isUnitDirectory(dir)) continue;
    const names2 = tree.listing(dir) ?? [];
    let named;
    for (const name of names2) {
      const path = joinPath(dir, name);
      const generated = generatedName(name, false, settings.suffixes);
      const unitName = generated ?? (unitNameKind(name) !== null ? name : null);
      if (unitName === null) {
        const dot = name.lastIndexOf(".");
        if (dot > 0 && unitNameKind(name.slice(0, dot)) !== null && !SOURCE_CODE.test(name.slice(dot)) && tree.entryAt(path) !== void 0) {
          notUnits.set(
            path,
            `named like the unit ${name.slice(0, dot)} with the suffix ${name.slice(dot)}, which is not a build-template suffix: not reviewed`
          );
        }
        continue;
      }
      const type = unitType(unitName);
      if (!REVIEWED_TYPES.includes(type)) {
        notUnits.set(path, `a .${type} unit starts no process of its own`);
        continue;
      }
      const kind = kindOf(tree, path, settings.suffixes);
      const loadPath = generated !== null ? joinPath(dir, unitName) : path;
      const view = generated !== null ? buildView(source, settings, { generated: loadPath, template: path }) : global;
      if (kind === "name") {
        aliases.set(path, { id: path, file: path, loadPath, view, namedBy: [] });
        continue;
      }
      if (kind !== "unit") continue;
      units.set(path, { id: path, file: path, loadPath, view, namedBy: [] });
      if (unitNameKind(unitName) !== "template") continue;
      const instances = /* @__PURE__ */ new Map();
      const add = (instance, by) => {
        instances.set(instance, [.../* @__PURE__ */ new Set([...instances.get(instance) ?? [], ...by])]);
      };
      for (const n of names2) {
        const stem = dropInDirectoryUnit(joinPath(dir, n));
        if (stem !== null && unitNameKind(stem) === "instance" && templateOf(stem) === unitName)
          add(stem, [joinPath(dir, n)]);
      }
      linked ??= instanceLinks(tree, settings.suffixes);
      const resolved = tree.resolve(path);
      for (const [instance, links] of linked.get(resolved.kind === "file" ? resolved.path : path) ?? [])
        add(instance, links);
      named ??= instancesNamedIn(source, dir, names2, settings.suffixes);
      for (const [instance, files] of named) if (templateOf(instance) === unitName) add(instance, files);
      for (const [instance, namedBy] of instances) {
        const id = joinPath(dir, instance);
        if (units.has(id) || kindOf(tree, id, settings.suffixes) === "unit") continue;
        units.set(id, { id, file: path, loadPath: id, view, namedBy });
      }
    }
  }
  return { units, aliases, notUnits };
}
function instancesNamedIn(source, dir, names2, suffixes) {
  const out = /* @__PURE__ */ new Map();
  const add = (instance, file) => {
    if (instance.includes("%") || unitNameKind(instance) !== "instance") return;
    const files = out.get(instance);
    if (files === void 0) out.set(instance, [file]);
    else if (!files.includes(file)) files.push(file);
  };
  const scan = (file, unitName) => {
    let bytes;
    try {
      bytes = source.read(file);
    } catch (e) {
      if (e instanceof UnreadableFile) return;
      throw e;
    }
    if (bytes === null || bytes.length > 1 << 20) return;
    const text2 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    for (const m of text2.matchAll(/^[ \t]*([A-Za-z]+)[ \t]*=(.*)$/gm)) {
      const key = m[1];
      const value2 = m[2].trim();
      if (key === "DefaultInstance") {
        if (unitName !== null && unitNameKind(unitName) === "template" && value2 !== "")
          add(withInstance(unitName, value2), file);
      } else if (NAMING_KEYS.has(key)) {
        for (const w of value2.split(/\s+/)) if (w !== "") add(w, file);
      }
    }
  };
  for (const name of names2) {
    const path = joinPath(dir, name);
    const unitName = generatedName(name, false, suffixes) ?? (unitNameKind(name) !== null ? name : null);
    if (unitName !== null) {
      scan(path, unitName);
      continue;
    }
    if (!isDropInDirectory(path)) continue;
    let entries;
    try {
      entries = source.list(path);
    } catch {
      continue;
    }
    for (const e of entries ?? []) if (e.endsWith(".conf")) scan(joinPath(path, e), null);
  }
  return out;
}
function foreignIn(source, path, type) {
  try {
    const bytes = source.read(path);
    return bytes === null ? null : foreignFormat(bytes, type);
  } catch {
    return null;
  }
}
var SOURCE_CODE, NAMING_KEYS;
var init_units = __esm({
  "src/diff/units.ts"() {
    "use strict";
    init_names();
    init_source();
    init_build_view();
    init_rootfs();
    init_unit_paths();
    SOURCE_CODE = /^\.(ts|tsx|js|jsx|mjs|cjs|go|py|rb|rs|java|kt|cs|php|swift|scala|c|h|cc|cpp|hpp|m|dart|vue|svelte|spec|test|map|snap|md|html|css|scss|json|ya?ml)$/;
    NAMING_KEYS = /* @__PURE__ */ new Set([
      "Wants",
      "Requires",
      "Requisite",
      "BindsTo",
      "PartOf",
      "Upholds",
      "OnFailure",
      "OnSuccess",
      "Also",
      "Unit",
      "Service",
      "Sockets",
      "PropagatesReloadTo",
      "ReloadPropagatedFrom",
      "PropagatesStopTo",
      "StopPropagatedFrom"
    ]);
  }
});

// src/diff/affected.ts
function affectedUnits(base, head, changes, traits, build, filter = DEFAULT_FILTER) {
  const included = (0, import_picomatch.default)([...filter.include], { dot: true, flags: "s" });
  const excluded = (0, import_picomatch.default)([...filter.exclude], { dot: true, flags: "s" });
  const inScope = (p) => included(p) && !excluded(p);
  const changed = changedPaths(changes);
  const dirs = touchedDirectories([base.tree, head.tree], changes);
  const found = [base, head].map((snapshot) => {
    const u = unitsOf(snapshot, dirs, build);
    return { snapshot, units: new Map(u.units), aliases: u.aliases, notUnits: u.notUnits };
  });
  for (const [i, side] of found.entries()) {
    const other = found[1 - i];
    for (const id of other.units.keys()) {
      const alias = side.aliases.get(id);
      if (alias !== void 0 && !side.units.has(id)) side.units.set(id, alias);
    }
  }
  const candidates = candidateUnits(found, changed, traits);
  const sides = found.map(({ snapshot, units: units2, notUnits }) => {
    const loads = /* @__PURE__ */ new Map();
    for (const [id, ref] of units2) {
      if (!candidates.has(id) || !inScope(ref.file)) continue;
      const foreign2 = foreignIn(snapshot.source, ref.file, unitType(basename(ref.loadPath)));
      if (foreign2 !== null) {
        notUnits.set(ref.file, foreign2);
        continue;
      }
      loads.set(id, loadUnit(snapshot, ref, traits));
    }
    return { units: loads, notUnits };
  });
  const [b, h] = sides;
  const causeLists = /* @__PURE__ */ new Map();
  const causesOf = (load) => {
    let list3 = causeLists.get(load);
    if (list3 === void 0) causeLists.set(load, list3 = [...load.reaches].filter((p) => changed.has(p)));
    return list3;
  };
  const renamedFrom = /* @__PURE__ */ new Map();
  for (const c of changes) if (c.status === "renamed" && c.oldPath !== void 0) renamedFrom.set(c.path, c.oldPath);
  const touched = (l) => causesOf(l).length > 0 || b.units.has(l.ref.id) && causesOf(b.units.get(l.ref.id)).length > 0;
  const headSide = [...h.units.values()].filter(touched).sort(byId);
  const baseOnly = [...b.units.values()].filter((l) => causesOf(l).length > 0 && !h.units.has(l.ref.id)).sort(byId);
  const pairedBase = /* @__PURE__ */ new Set();
  const baseOf = /* @__PURE__ */ new Map();
  const pair = (hl, bl) => {
    if (!bl || pairedBase.has(bl.ref.id) || baseOf.has(hl.ref.id)) return;
    pairedBase.add(bl.ref.id);
    baseOf.set(hl.ref.id, bl);
  };
  for (const hl of headSide) pair(hl, b.units.get(hl.ref.id));
  for (const hl of headSide) pair(hl, renamedBase(hl.ref, renamedFrom, b.units));
  for (const hl of headSide)
    pair(
      hl,
      baseOnly.find((x) => !pairedBase.has(x.ref.id) && basename(x.ref.id) === basename(hl.ref.id))
    );
  const isFile = (l) => l.ref.id === l.ref.file;
  for (const hl of headSide) {
    if (!baseOf.has(hl.ref.id) && !b.units.has(hl.ref.id) && isFile(hl))
      pair(
        hl,
        renamedBySettings(
          hl,
          baseOnly.filter((x) => !pairedBase.has(x.ref.id) && isFile(x))
        )
      );
  }
  const out = [];
  const causes = (...loads) => [...new Set(loads.flatMap((l) => l ? causesOf(l) : []))].sort();
  const baseUnits = found[0].units;
  for (const hl of headSide) {
    const bl = baseOf.get(hl.ref.id) ?? null;
    if (bl === null) {
      const from = renamedFrom.get(hl.ref.file);
      const template = hl.ref.id !== hl.ref.file ? baseUnits.get(hl.ref.file) ?? (from !== void 0 ? baseUnits.get(from) : void 0) : void 0;
      const tl = template !== void 0 && inScope(template.file) ? b.units.get(template.id) ?? loadUnit(base, template, traits) : null;
      out.push({ status: "added", head: hl, base: tl, causes: causes(hl, tl) });
      continue;
    }
    const status = bl.ref.id === hl.ref.id ? "modified" : "renamed";
    out.push({ status, head: hl, base: bl, causes: causes(hl, bl) });
  }
  for (const bl of baseOnly)
    if (!pairedBase.has(bl.ref.id)) out.push({ status: "removed", head: null, base: bl, causes: causes(bl) });
  const units = withoutDuplicates(out, head);
  const read2 = /* @__PURE__ */ new Set();
  for (const side of [b, h]) for (const l of side.units.values()) for (const p of l.reaches) read2.add(p);
  const reachingLinks = [base.tree, head.tree].flatMap((t) => linksReachingChanges(t, changed));
  const unread = [.../* @__PURE__ */ new Set([...changed, ...reachingLinks])].filter(
    (p) => inScope(p) && (!read2.has(p) || appliesToUnitsNotHere(p))
  );
  const foreign = foreignUnits(base, head, unread, changed, traits, build);
  const reviewed = new Set(foreign.flatMap((f) => f.causes));
  const skipped2 = skippedFiles(changed, [b, h], [base, head], out, inScope).filter((f) => !reviewed.has(f.path));
  return { units, foreign, skipped: skipped2 };
}
function withoutDuplicates(units, head) {
  const signature = (l) => {
    if (l === null) return "-";
    if (l.unreadable !== null || !l.result.ok) return `!${l.ref.id}`;
    const r = l.result;
    const parts2 = [];
    let specifiers = false;
    for (const p of [r.fragmentPath, ...r.dropInPaths]) {
      let bytes;
      try {
        bytes = l.ref.view.source.read(p);
      } catch {
        return `!${l.ref.id}`;
      }
      const text2 = bytes === null ? "" : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
      if (text2.includes("%")) specifiers = true;
      parts2.push(`${basename(p)}\0${text2}`);
    }
    return (specifiers ? `${r.unit}\0` : `${unitType(r.unit)}\0`) + parts2.join("\0\0");
  };
  const real = (a) => {
    const ref = (a.head ?? a.base).ref;
    return head.tree.entry(ref.file)?.kind === "file" ? 0 : 1;
  };
  const kept = /* @__PURE__ */ new Map();
  const order = [...units].sort((x, y) => real(x) - real(y));
  const drop = /* @__PURE__ */ new Set();
  for (const a of order) {
    const key = `${a.status}\0\0${signature(a.base)}\0\0\0${signature(a.head)}`;
    if (kept.has(key)) drop.add(a);
    else kept.set(key, a);
  }
  return units.filter((a) => !drop.has(a));
}
function appliesToUnitsNotHere(path) {
  const unit = dropInDirectoryUnit(dirname(path)) ?? dropInDirectoryUnit(path);
  if (unit === null) return false;
  if (UNIT_TYPES.includes(unit)) return true;
  const type = unitType(unit);
  return unit.slice(0, -(type.length + 1)).endsWith("-");
}
function renamedBase(ref, renamedFrom, base) {
  const from = renamedFrom.get(ref.file);
  if (from === void 0) return void 0;
  return base.get(ref.id === ref.file ? from : joinPath(dirname(from), basename(ref.id)));
}
function skippedFiles(changed, sides, snapshots, affected, inScope) {
  const out = /* @__PURE__ */ new Map();
  for (const side of sides)
    for (const [p, reason] of side.notUnits) if (changed.has(p) && inScope(p)) out.set(p, reason);
  const read2 = /* @__PURE__ */ new Set();
  for (const side of sides) for (const l of side.units.values()) for (const p of l.reaches) read2.add(p);
  for (const a of affected) for (const p of a.causes) read2.add(p);
  for (const p of changed) {
    if (read2.has(p) || out.has(p) || !inScope(p)) continue;
    const dir = dirname(p);
    const unit = dropInDirectoryUnit(dir);
    if (unit !== null) out.set(p, unreadDropIn(p, unit, snapshots));
    else if (isEnablementDirectory(dir) && snapshots.some((s) => s.tree.entry(p)?.kind === "file")) {
      out.set(
        p,
        `a file in the enablement directory ${basename(dir)}: systemd takes only its name from there, never its content`
      );
    }
  }
  return [...out].sort(([a], [b]) => a < b ? -1 : 1).map(([path, reason]) => ({ path, reason }));
}
function unreadDropIn(path, unit, snapshots) {
  const name = basename(path);
  if (!name.endsWith(".conf") || name.startsWith("."))
    return `in the drop-in directory of ${unit}, but not a .conf drop-in: systemd ignores it`;
  if (UNIT_TYPES.includes(unit))
    return `a drop-in for every .${unit} unit of its directory, which has none this review loads`;
  const type = unitType(unit);
  if (!REVIEWED_TYPES.includes(type)) return `drop-in for ${unit}, a .${type} unit that starts no process of its own`;
  const alias = snapshots.map((s) => s.source.link(joinPath(dirname(dirname(path)), unit))).find((t) => t !== null);
  if (alias) return `drop-in for ${unit}, a link to ${alias}: no unit load of this repository reads it`;
  return `drop-in for ${unit}, which this repository does not ship as a unit: not assessed`;
}
var import_picomatch, DEFAULT_FILTER, byId;
var init_affected = __esm({
  "src/diff/affected.ts"() {
    "use strict";
    import_picomatch = __toESM(require_picomatch2(), 1);
    init_names();
    init_source();
    init_candidates2();
    init_foreign_units();
    init_load_unit();
    init_similar_units();
    init_touched();
    init_unit_paths();
    init_units();
    init_load_unit();
    DEFAULT_FILTER = {
      include: ["**"],
      exclude: ["**/node_modules/**", "**/.git/**", "**/vendor/**", "**/third_party/**", "**/Godeps/_workspace/**"]
    };
    byId = (a, b) => a.ref.id < b.ref.id ? -1 : a.ref.id > b.ref.id ? 1 : 0;
  }
});

// src/diff/compare.ts
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
      exposureBefore: base ? rowExposure(b) : null,
      exposureAfter: rowExposure(h),
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
var READS, exposureRef, rowExposure;
var init_compare = __esm({
  "src/diff/compare.ts"() {
    "use strict";
    init_assessors();
    init_exposure();
    init_trace();
    READS = new Map(ASSESSORS.map((a) => [a.id, a.reads]));
    exposureRef = (a) => a && a.ok ? { exposure: Number(formatExposure(a.exposure)), verdict: a.verdict } : null;
    rowExposure = (r) => r.exposure === null ? null : Number(formatExposure(r.exposure));
  }
});

// src/diff/new-waivers.ts
function newWaiverAcceptances(w) {
  return w.accepted.filter((a) => a.by === "waiver" && a.addedInChange);
}
function waiversOf(acceptances) {
  const byPlace = /* @__PURE__ */ new Map();
  for (const a of acceptances) {
    const file = a.file ?? "?";
    const line = a.line ?? 0;
    const key = `${file}\0${line}`;
    const w = byPlace.get(key) ?? { file, line, privileges: [], reason: a.reason };
    if (!w.privileges.includes(a.privilege)) w.privileges.push(a.privilege);
    byPlace.set(key, w);
  }
  return [...byPlace.values()];
}
function newWaivers(services) {
  return waiversOf(services.flatMap((s) => s.capabilities.widened.flatMap(newWaiverAcceptances)));
}
var init_new_waivers = __esm({
  "src/diff/new-waivers.ts"() {
    "use strict";
  }
});

// src/diff/gate.ts
function gateFailures(services, gate) {
  const failures = [];
  for (const s of services) {
    const at = { unit: s.unit, path: s.path };
    for (const w of s.capabilities.widened) {
      if (gate.failOnCapabilityWidening && w.unaccepted.length > 0) {
        failures.push({ kind: "capability-widening", ...at, message: wideningMessage(s.unit, w) });
      } else if (gate.failOnNewWaiver && newWaiverAcceptances(w).length > 0) {
        failures.push({ kind: "new-waiver", ...at, message: newWaiverMessage(s.unit, w) });
      }
    }
    if (gate.maxExposure !== null && s.after && tenths(s.after.exposure) > tenths(gate.maxExposure)) {
      failures.push({
        kind: "max-exposure",
        ...at,
        message: `${s.unit} exposure ${s.after.exposure.toFixed(1)} is above the maximum ${gate.maxExposure.toFixed(1)}`
      });
    }
    if (gate.maxExposureIncrease !== null && s.delta !== null && tenths(s.delta) > tenths(gate.maxExposureIncrease)) {
      failures.push({
        kind: "exposure-increase",
        ...at,
        message: `${s.unit} exposure rose by ${s.delta.toFixed(1)}, more than ${gate.maxExposureIncrease.toFixed(1)}`
      });
    }
    if (gate.failOnRegression && s.regressions.length > 0) {
      failures.push({
        kind: "regression",
        ...at,
        message: `${s.unit} regressed on ${s.regressions.map((r) => r.id).join(", ")}`
      });
    }
    const unreadable = s.status !== "removed" && s.unreadable.after !== null;
    if (gate.failOnUnreadableUnit && unreadable) {
      failures.push({ kind: "unreadable-unit", ...at, message: `${s.unit} cannot be assessed: ${s.unreadable.after}` });
    }
    if (gate.failOnInvalidUnit && s.status !== "removed" && s.errors.after !== null && !(gate.failOnUnreadableUnit && unreadable)) {
      failures.push({ kind: "invalid-unit", ...at, message: `${s.unit}: ${s.errors.after}` });
    }
  }
  return failures;
}
function wideningMessage(unit, w) {
  const partly = w.accepted.length > 0 && w.unaccepted.length > 0 ? `; not accepted: ${w.unaccepted.join(", ")}` : "";
  return `${unit} ${w.what}${where(w)}${partly}`;
}
function newWaiverMessage(unit, w) {
  const waivers = waiversOf(newWaiverAcceptances(w));
  const places = waivers.map((x) => `${x.file}:${x.line}`).join(", ");
  return `${unit} ${w.what}${where(w)}: accepted only by ${waivers.length === 1 ? "a waiver" : "waivers"} this change adds, at ${places}`;
}
function where(w) {
  if (w.file === null) return "";
  return ` (${w.directive ? `${w.directive}${w.removedLine ? " removed" : ""}, ` : ""}${w.file}${w.line !== null ? `:${w.line}` : ""}${w.removedLine ? " in base" : ""})`;
}
var tenths;
var init_gate = __esm({
  "src/diff/gate.ts"() {
    "use strict";
    init_new_waivers();
    tenths = (x) => Math.round(x * 10);
  }
});

// src/diff/report.ts
var REPORT_SCHEMA_VERSION;
var init_report = __esm({
  "src/diff/report.ts"() {
    "use strict";
    REPORT_SCHEMA_VERSION = 2;
  }
});

// src/diff/version-range.ts
function mergeVersionWidenings(versions) {
  const entries = [];
  for (const { version, widened } of versions) {
    for (const e of entries) if (widened.some((f) => covers(f, e.w))) e.on.push(version);
    for (const f of widened) {
      if (entries.some((e) => e.on.includes(version) && covers(e.w, f))) continue;
      const same = entries.find((e) => covers(e.w, f) && covers(f, e.w));
      if (same) same.on.push(version);
      else entries.push({ w: f, on: [version] });
    }
  }
  return entries.map(
    ({ w, on }) => on.length === versions.length ? w : { ...w, what: `${w.what} (on systemd ${listed2(on)})`, versions: on }
  );
}
function covers(x, y) {
  if (x.level !== y.level || commandKey(x) !== commandKey(y)) return false;
  const has = privileges(x);
  return [...privileges(y)].every((p) => has.has(p)) && y.unaccepted.every((p) => x.unaccepted.includes(p));
}
var commandKey, privileges, listed2;
var init_version_range = __esm({
  "src/diff/version-range.ts"() {
    "use strict";
    commandKey = (w) => w.command === null ? "" : `${w.command.directive}\0${w.command.text}\0${w.command.kind}`;
    privileges = (w) => /* @__PURE__ */ new Set([...w.unaccepted, ...w.accepted.map((a) => a.privilege)]);
    listed2 = (versions) => versions.length <= 1 ? versions.join("") : `${versions.slice(0, -1).join(", ")} and ${versions.at(-1)}`;
  }
});

// src/diff/diff.ts
function diffSnapshots(base, head, changes, settings) {
  const traits = VERSION_TRAITS[settings.version];
  const build = {
    suffixes: settings.templateSuffixes ?? DEFAULT_TEMPLATE_SUFFIXES,
    placeholders: settings.templatePlaceholders ?? {}
  };
  const {
    units: affected,
    foreign,
    skipped: skipped2
  } = affectedUnits(base, head, changes, traits, build, settings.filter ?? DEFAULT_FILTER);
  const recommend = (settings.recommend ?? true) && affected.length <= RECOMMEND_LIMIT;
  const scored = [
    ...affected.map((a) => compareUnit(a, settings, recommend)),
    ...foreign.map((f) => compareForeignUnit(f, settings))
  ];
  const versions = gateVersions(settings);
  const services = versions.length > 1 ? widenedOnEveryVersion(scored, versions, (v) => {
    const other = affectedUnits(base, head, changes, VERSION_TRAITS[v], build, settings.filter ?? DEFAULT_FILTER);
    return [
      ...other.units.map((a) => ({
        path: (a.head ?? a.base).ref.file,
        widened: (unit) => widenedOn(a, v, settings, unit)
      })),
      ...other.foreign.map((f) => ({
        path: f.dir,
        widened: () => compareForeignUnit(f, { ...settings, version: v }).capabilities.widened
      }))
    ];
  }) : scored;
  const failures = gateFailures(services, settings.gate);
  const after = services.map((s) => s.after?.exposure).filter((x) => x !== void 0);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "systemd-exposure", version: settings.toolVersion ?? "0.0.0" },
    systemdVersion: settings.version,
    ...versions.length > 1 ? { systemdTarget: { text: settings.target.text, versions } } : {},
    base: { rev: base.rev },
    head: { rev: head.rev },
    verdict: failures.length > 0 ? "fail" : "pass",
    gate: settings.gate,
    failures,
    summary: {
      servicesChanged: services.length,
      capabilitiesWidened: services.reduce(
        (n, s) => n + new Set(s.capabilities.widened.flatMap((w) => w.unaccepted)).size,
        0
      ),
      regressions: services.reduce((n, s) => n + s.regressions.length, 0),
      maxExposureAfter: after.length > 0 ? Math.max(...after) : null,
      unreadable: services.filter((s) => s.status !== "removed" && s.unreadable.after !== null).length
    },
    services,
    skipped: skipped2
  };
}
function gateVersions(settings) {
  return [settings.version, ...(settings.target?.versions ?? []).filter((v) => v !== settings.version)];
}
function widenedOnEveryVersion(scored, versions, unitsOn) {
  const nth = (items) => {
    const seen = /* @__PURE__ */ new Map();
    return items.map((x) => {
      const n = seen.get(x.path) ?? 0;
      seen.set(x.path, n + 1);
      return `${x.path}\0${n}`;
    });
  };
  const keys = nth(scored);
  const perVersion = versions.slice(1).map((version) => {
    const units = unitsOn(version);
    const byKey = new Map(nth(units).map((k, i) => [k, units[i]]));
    return { version, byKey };
  });
  return scored.map((s, i) => {
    const found = [{ version: versions[0], widened: s.capabilities.widened }];
    for (const { version, byKey } of perVersion) {
      const other = byKey.get(keys[i]);
      if (other) found.push({ version, widened: other.widened(s.unit) });
    }
    return { ...s, capabilities: { ...s.capabilities, widened: mergeVersionWidenings(found) } };
  });
}
function widenedOn(a, version, settings, unit) {
  const traits = VERSION_TRAITS[version];
  const ref = (a.head ?? a.base).ref;
  const file = originOf(a);
  const head = a.head?.result.ok ? a.head.result : null;
  const base = a.base?.result.ok ? a.base.result : null;
  const acceptor = {
    waivers: head && a.head ? waiversOf2(head, a.head, file, []) : [],
    baseWaivers: base && a.base ? waiversOf2(base, a.base, file, []) : [],
    allow: settings.allow ?? [],
    unitNames: [unit, basename(ref.loadPath), basename(ref.file)]
  };
  return widenedInEveryReading(a, traits, acceptor).map((w) => w.file === null ? w : { ...w, file: file(w.file) });
}
function originOf(a) {
  return (f) => {
    const fromHead = a.head ? a.head.ref.view.origin(f) : f;
    return fromHead !== f || !a.base ? fromHead : a.base.ref.view.origin(f);
  };
}
function assess(load, version) {
  if (load === null) return null;
  const r = load.result;
  if (r.ok) return assessLoaded(r, load.ref.loadPath, { version });
  return { ok: false, path: load.ref.loadPath, unit: r.unit, error: r.error, diagnostics: r.diagnostics };
}
function compareUnit(a, settings, recommend) {
  const traits = VERSION_TRAITS[settings.version];
  const before = assess(a.base, settings.version);
  const after = assess(a.head, settings.version);
  const ref = (a.head ?? a.base).ref;
  const unit = (after?.unit ?? before?.unit) || loadedName(ref.loadPath, traits);
  const file = originOf(a);
  const fileOf = (x) => x.file === null ? x : { ...x, file: file(x.file) };
  const warnings = [];
  const waivers = after?.ok && a.head ? waiversOf2(after.service, a.head, file, warnings) : [];
  const baseWaivers = before?.ok && a.base ? waiversOf2(before.service, a.base, file, []) : [];
  for (const n of a.head?.templateNotes ?? []) warnings.push(n);
  for (const d of after?.diagnostics ?? []) warnings.push({ file: file(d.file), line: d.line, message: d.message });
  const rows = after?.ok ? rowChanges(before?.ok ? before : null, after) : { regressions: [], improvements: [] };
  let adviceError;
  const advice = (compute) => adviceOrNull(compute, (e) => adviceError ??= errorMessage(e));
  const regressions = recommend && before?.ok && after?.ok ? rows.regressions.map((r) => {
    const fix = advice(
      () => suggestRegressionFix({ base: before, head: after, rowId: r.id, version: settings.version })
    );
    return {
      ...r,
      fix: fix ? {
        kind: fix.kind,
        lines: fix.lines,
        remove: fix.remove.map((l) => ({ ...l, file: file(l.file) })),
        reason: fix.reason,
        verified: fix.verified
      } : null
    };
  }) : rows.regressions;
  let recommendation = null;
  if (recommend && after?.ok && a.head) {
    const rec = advice(
      () => (
        // The head as scored above, read where it was (its root file system's search path).
        recommendAssessed(a.head.ref.view.source, after, {
          version: settings.version,
          ...settings.target ? { fleet: settings.target } : {},
          location: rootLocation(a.head.ref.loadPath)
        })
      )
    );
    if (rec?.ok && rec.phases.length > 0) {
      recommendation = {
        // Phases with deferred lines only change no score: the drop-in shows them.
        phases: rec.phases.filter((p) => p.directives.length > 0).map((p) => ({
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
  const acceptor = {
    waivers,
    baseWaivers,
    allow: settings.allow ?? [],
    unitNames: [unit, basename(ref.loadPath), basename(ref.file)]
  };
  const caps = {
    before: before?.ok ? summarize(profileOf(before.service, traits)) : null,
    after: after?.ok ? summarize(profileOf(after.service, traits)) : null,
    widened: widenedInEveryReading(a, traits, acceptor)
  };
  const b = exposureRef(before);
  const h = exposureRef(after);
  return {
    unit,
    status: a.status,
    path: ref.file,
    basePath: a.base?.ref.file ?? null,
    before: b,
    after: h,
    delta: b && h && before?.ok && after?.ok ? Number(formatSigned(after.exposure - before.exposure)) : null,
    capabilities: { ...caps, widened: caps.widened.map(fileOf) },
    regressions: regressions.map(fileOf),
    improvements: rows.improvements.map(fileOf),
    errors: {
      before: before && !before.ok ? before.error : null,
      after: after && !after.ok ? after.error : null
    },
    unreadable: { before: a.base?.unreadable ?? null, after: a.head?.unreadable ?? null },
    warnings,
    changedFiles: a.causes,
    recommendation,
    assumedUnitFile: null,
    ...adviceError !== void 0 ? { adviceError } : {}
  };
}
function widenedInEveryReading(a, traits, acceptor) {
  const readings = (load) => {
    const out2 = [];
    if (load?.result.ok)
      out2.push({
        kind: "strict",
        svc: load.result,
        assumption: null,
        choices: new Map(load.templateChoices.map((c) => [c.key, c.options[0]]))
      });
    for (const alt of load?.alternatives ?? []) {
      const choices = alt.choices ? new Map(load.templateChoices.map((c) => [c.key, alt.choices.get(c.key) ?? c.options[0]])) : null;
      out2.push({ kind: alt.kind, svc: alt.result, assumption: alt.assumption, choices });
    }
    return out2;
  };
  const base = readings(a.base);
  const head = readings(a.head);
  const baseOptions = new Map((a.base?.templateChoices ?? []).map((c) => [c.key, c.options]));
  const alike = (h, b) => [...b].every(([key, option]) => {
    const wanted = h.get(key);
    if (wanted === void 0) return true;
    return option === (baseOptions.get(key)?.includes(wanted) ? wanted : key.startsWith("if:") ? "else" : baseOptions.get(key)?.[0]);
  });
  const byKind = (kind) => base.find((r) => r.kind === kind);
  const out = /* @__PURE__ */ new Map();
  for (const h of head) {
    let against = h.choices === null ? [] : base.filter((b) => b.choices !== null && alike(h.choices, b.choices));
    if (against.length === 0)
      against = [
        (h.kind === "build-options" ? void 0 : byKind(h.kind)) ?? byKind("strict") ?? byKind("lenient") ?? null
      ];
    for (const b of against) {
      const fromInstance = profileOf(h.svc, traits).user.fromInstance || b !== null && profileOf(b.svc, traits).user.fromInstance;
      for (const instanceUser of fromInstance ? ["root", "user"] : ["root"]) {
        const findings2 = privilegeWidenings(
          b ? { svc: b.svc, profile: profileOf(b.svc, traits, instanceUser) } : null,
          { svc: h.svc, profile: profileOf(h.svc, traits, instanceUser) },
          acceptor
        );
        const assumptions = [
          h.assumption,
          instanceUser === "user" ? "the instance names a user other than root" : null
        ].filter((x) => x !== null);
        for (const w of findings2) {
          const key = [
            w.level,
            w.command?.directive,
            w.command?.text,
            w.root,
            w.capabilities.join(" "),
            w.unaccepted.join(" ")
          ].join("\0");
          if (out.has(key)) continue;
          out.set(key, assumptions.length === 0 ? w : { ...w, what: `${w.what} (if ${assumptions.join(", and ")})` });
        }
      }
    }
  }
  return [...out.values()];
}
function compareForeignUnit(f, settings) {
  const traits = VERSION_TRAITS[settings.version];
  const warnings = [];
  const widened = /* @__PURE__ */ new Map();
  for (const [i, v] of f.variants.entries()) {
    const readings = (load) => {
      const m = /* @__PURE__ */ new Map();
      if (load.result.ok) m.set("strict", { svc: load.result, assumption: null });
      for (const alt of load.alternatives) m.set(alt.kind, { svc: alt.result, assumption: alt.assumption });
      return m;
    };
    const baseReadings = readings(v.base);
    for (const [kind, h] of readings(v.head)) {
      const before = baseReadings.get(kind) ?? baseReadings.get("strict") ?? null;
      const after = h.svc;
      const file = (p) => v.head.ref.view.origin(p);
      const waivers = waiversOf2(after, v.head, file, i === 0 && kind === "strict" ? warnings : []);
      const baseWaivers = before ? waiversOf2(before.svc, v.base, file, []) : [];
      const findings2 = privilegeWidenings(
        before ? { svc: before.svc, profile: profileOf(before.svc, traits) } : null,
        { svc: after, profile: profileOf(after, traits) },
        { waivers, baseWaivers, allow: settings.allow ?? [], unitNames: [f.name, basename(f.dir).slice(0, -2)] }
      );
      for (const found of findings2) {
        const w = h.assumption === null ? found : { ...found, what: `${found.what} (if ${h.assumption})` };
        const key = [
          w.level,
          w.command?.directive,
          w.command?.text,
          w.root,
          w.capabilities.join(" "),
          h.assumption
        ].join("\0");
        const seen = widened.get(key);
        if (seen) {
          if (!seen.seenIn.includes(v.assumption)) seen.seenIn.push(v.assumption);
        } else widened.set(key, { ...w, seenIn: [v.assumption] });
      }
      if (i === 0 && kind === "strict") {
        for (const d of after.diagnostics) if (d.file !== v.head.ref.loadPath) warnings.push(d);
      }
    }
  }
  const all = f.variants.length;
  const head = f.variants[0].head;
  return {
    unit: f.name,
    status: "modified",
    path: f.dir,
    basePath: f.dir,
    before: null,
    after: null,
    delta: null,
    capabilities: {
      before: null,
      after: null,
      // A finding only some assumed unit files show says for which.
      widened: [...widened.values()].map(
        ({ seenIn, ...w }) => seenIn.length === all ? w : { ...w, what: `${w.what} (if its unit file is ${seenIn[0]})` }
      )
    },
    regressions: [],
    improvements: [],
    errors: { before: null, after: head.result.ok ? null : head.result.error },
    unreadable: { before: f.variants[0].base.unreadable, after: head.unreadable },
    warnings,
    changedFiles: f.causes,
    recommendation: null,
    assumedUnitFile: `${f.name} is not in this repository: its drop-ins were applied to ${f.variants.map((v) => v.assumption).join("; to ")}`
  };
}
function waiversOf2(svc, load, file, warnings) {
  const waivers = [];
  for (const f of [svc.fragmentPath, ...svc.dropInPaths]) {
    let bytes = null;
    try {
      bytes = load.ref.view.source.read(f);
    } catch {
    }
    if (!bytes) continue;
    const found = findWaivers(file(f), bytes);
    for (const w of found.waivers) waivers.push(w);
    for (const p of found.problems) warnings.push(p);
  }
  return waivers;
}
function adviceOrNull(compute, failed) {
  try {
    return compute();
  } catch (e) {
    failed(e);
    return null;
  }
}
var DEFAULT_TEMPLATE_SUFFIXES, RECOMMEND_LIMIT, formatSigned;
var init_diff = __esm({
  "src/diff/diff.ts"() {
    "use strict";
    init_engine();
    init_exposure();
    init_versions();
    init_recommend();
    init_error_message();
    init_source();
    init_affected();
    init_capabilities();
    init_compare();
    init_gate();
    init_report();
    init_rootfs();
    init_version_range();
    init_waivers();
    DEFAULT_TEMPLATE_SUFFIXES = [".in", ".j2", ".jinja", ".jinja2", ".tmpl"];
    RECOMMEND_LIMIT = 50;
    formatSigned = (tenths2) => (tenths2 < 0 ? "-" : "") + formatExposure(Math.abs(tenths2));
  }
});

// src/diff/revision-store.ts
function headLayout(base, changes) {
  const dirs = new Set(base.dirs);
  const links = new Map(base.links);
  const maybeGone = new Set(base.maybeGone);
  const ancestors = function* (p) {
    for (let d = dirname(p); d !== "." && d !== "/"; d = dirname(d)) yield d;
  };
  for (const c of changes) {
    const gone = c.oldPath ?? (c.status === "deleted" ? c.path : null);
    if (gone !== null) {
      links.delete(gone);
      for (const d of ancestors(gone)) maybeGone.add(d);
    }
    if (c.status === "deleted") continue;
    links.delete(c.path);
    if (c.newMode === LINK_MODE) links.set(c.path, c.newSha);
    for (const d of ancestors(c.path)) {
      dirs.add(d);
      maybeGone.delete(d);
    }
  }
  return { dirs, links, maybeGone };
}
var NOT_UTF8, RevisionStore;
var init_revision_store = __esm({
  "src/diff/revision-store.ts"() {
    "use strict";
    init_git();
    init_source();
    init_repo_tree();
    NOT_UTF8 = /[\udc80-\udcff]/;
    RevisionStore = class {
      /**
       * @param targets link blobs by id (a link whose blob is absent or too long has no target read)
       * @param readDir a directory's entries, null when the revision has none there; `treeId` is
       *   given for a path whose bytes are not UTF-8 (which cannot be passed to git as text)
       */
      constructor(layout, targets, readDir) {
        this.layout = layout;
        this.targets = targets;
        this.readDir = readDir;
      }
      layout;
      targets;
      readDir;
      whole = false;
      loaded = /* @__PURE__ */ new Map();
      names = /* @__PURE__ */ new Map();
      linkList = null;
      dir(dir) {
        if (!this.isDir(dir)) return null;
        let d = this.loaded.get(dir);
        if (d === void 0) {
          const id = NOT_UTF8.test(dir) ? this.dir(dirname(dir))?.get(basename(dir))?.sha : void 0;
          this.loaded.set(dir, d = this.readDir(dir, id));
        }
        return d;
      }
      isDir(path) {
        if (path === "." || path === "") return true;
        if (!this.layout.dirs.has(path)) return false;
        if (this.layout.maybeGone?.has(path) !== true) return true;
        return this.dir(dirname(path))?.get(basename(path))?.type === "tree";
      }
      link(path) {
        const sha = this.layout.links.get(path);
        return sha === void 0 ? void 0 : this.linkEntry(sha);
      }
      linkEntry(sha) {
        const blob = this.targets.get(sha);
        return {
          kind: "link",
          target: linkTargetOf(blob)
        };
      }
      entry(path) {
        const link = this.link(path);
        if (link !== void 0) return link;
        const e = this.fileEntry(path);
        if (e === void 0) return void 0;
        return e.mode === LINK_MODE ? this.linkEntry(e.sha) : { kind: "file", size: e.size };
      }
      /** The blob of a regular file or link at a path, as its directory lists it. */
      fileEntry(path) {
        if (path === "." || path === "") return void 0;
        const e = this.dir(dirname(path))?.get(basename(path));
        return e?.type === "blob" ? e : void 0;
      }
      list(dir) {
        let n = this.names.get(dir);
        if (n === void 0) {
          const d = this.dir(dir);
          this.names.set(dir, n = d === null ? null : [...d.keys()]);
        }
        return n;
      }
      links() {
        this.linkList ??= [...this.layout.links.keys()];
        return this.linkList;
      }
    };
  }
});

// src/diff/worktree.ts
function worktreeTree(root, paths, base, changed) {
  const rootBytes = encodePath(root);
  const entries = /* @__PURE__ */ new Map();
  for (const p of paths) {
    const known = changed.has(p) ? void 0 : base.entry(p);
    if (known !== void 0) {
      entries.set(p, known);
      continue;
    }
    const onDisk = diskEntry(fullPath(rootBytes, p));
    if (onDisk !== null) entries.set(p, onDisk);
  }
  return new RepoTree(entries);
}
function diskEntry(full) {
  let st;
  try {
    st = (0, import_node_fs3.lstatSync)(full);
  } catch {
    return null;
  }
  if (st.isSymbolicLink()) {
    try {
      return { kind: "link", target: decodePath((0, import_node_fs3.readlinkSync)(full, { encoding: "buffer" })) };
    } catch {
      return { kind: "link", target: null };
    }
  }
  if (st.isDirectory()) return null;
  return { kind: "file", size: st.isFile() ? st.size : 0 };
}
function fullPath(rootBytes, rel) {
  return Buffer.concat([rootBytes, Buffer.from("/"), encodePath(rel)]);
}
function worktreeSnapshot(root, tree) {
  const rootBytes = encodePath(root);
  let realRoot;
  return treeSnapshot(null, tree, (path) => {
    const full = fullPath(rootBytes, path);
    try {
      realRoot ??= import_node_fs3.realpathSync.native(rootBytes, { encoding: "buffer" });
      const realDir = import_node_fs3.realpathSync.native(fullPath(rootBytes, dirname(path)), { encoding: "buffer" });
      const inside = realDir.equals(realRoot) || realDir.length > realRoot.length && realDir.subarray(0, realRoot.length).equals(realRoot) && realDir[realRoot.length] === 47;
      if (!inside) throw new UnreadableFile(path, "its directory now leads out of the repository");
    } catch (e) {
      if (e instanceof UnreadableFile) throw e;
      throw new UnreadableFile(path, `cannot be read: ${errorMessage(e)}`);
    }
    return readRegular(full, path);
  });
}
function readRegular(full, path) {
  let fd;
  try {
    fd = (0, import_node_fs3.openSync)(full, import_node_fs3.constants.O_RDONLY | import_node_fs3.constants.O_NOFOLLOW | import_node_fs3.constants.O_NONBLOCK);
  } catch (e) {
    throw new UnreadableFile(path, `cannot be read: ${errorMessage(e)}`);
  }
  try {
    const st = (0, import_node_fs3.fstatSync)(fd);
    if (!st.isFile()) throw new UnreadableFile(path, "not a regular file");
    if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size);
    const chunks = [];
    let total2 = 0;
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(st.size + 1, 4096), 1 << 20));
    for (; ; ) {
      const got = (0, import_node_fs3.readSync)(fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      total2 += got;
      if (total2 > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, total2);
      chunks.push(Buffer.from(chunk.subarray(0, got)));
    }
    return Buffer.concat(chunks, total2);
  } catch (e) {
    if (e instanceof UnreadableFile) throw e;
    throw new UnreadableFile(path, `cannot be read: ${errorMessage(e)}`);
  } finally {
    (0, import_node_fs3.closeSync)(fd);
  }
}
var import_node_fs3;
var init_worktree = __esm({
  "src/diff/worktree.ts"() {
    "use strict";
    import_node_fs3 = require("node:fs");
    init_path_bytes();
    init_error_message();
    init_fs_source();
    init_source();
    init_repo_tree();
    init_snapshot();
  }
});

// src/diff/from-git.ts
function snapshotsFromGit(repo, base, head, pathspecs = [], knownChanges) {
  if (head === null) return worktreeSnapshots(repo, base, pathspecs, knownChanges);
  const raw = repo.rawChanges(base, head);
  const rawPaths = changedPaths(raw);
  const known = knownChanges?.every((c) => [c.path, c.oldPath].every((p) => p === void 0 || rawPaths.has(p)));
  const changes = known === true ? knownChanges : pathspecs.length > 0 ? repo.changes(base, head, pathspecs) : raw.map(({ status, path, oldPath }) => oldPath === void 0 ? { status, path } : { status, path, oldPath });
  const baseLayout = layoutOf(repo, base);
  const layouts2 = [baseLayout, headLayout(baseLayout, raw)];
  if (FULL_ID.test(head)) layoutsOf(repo).set(head, layouts2[1]);
  const linkIds = [...new Set(layouts2.flatMap((l) => [...l.links.values()]))];
  repo.prefetch(linkIds);
  const sizes = repo.blobSizes(linkIds);
  const linkBlobs = repo.readBlobs(linkIds.filter((id) => (sizes.get(id) ?? 0) <= MAX_LINK_TARGET_BYTES));
  const stores = [base, head].map(
    (rev, i) => new RevisionStore(
      layouts2[i],
      linkBlobs,
      (dir, treeId) => repo.directory(treeId ?? (dir === "." ? `${rev}^{tree}` : `${rev}:${dir}`))
    )
  );
  const [baseRepo, headRepo] = stores.map((s) => new RepoTree(s));
  const dirs = touchedDirectories([baseRepo, headRepo], changes);
  const wanted = [
    ...storeBlobIds(stores[0], filesToRead(baseRepo, dirs)),
    ...storeBlobIds(stores[1], filesToRead(headRepo, dirs))
  ];
  const blob = blobReader(repo, wanted);
  const snapshot = (rev, tree, store) => treeSnapshot(rev, tree, (path) => {
    const e = store.fileEntry(path);
    if (e === void 0 || e.mode === LINK_MODE) throw new UnreadableFile(path, "not in the tree");
    return blob(e.sha, path);
  });
  return { base: snapshot(base, baseRepo, stores[0]), head: snapshot(head, headRepo, stores[1]), changes };
}
function layoutsOf(repo) {
  let m = layouts.get(repo);
  if (m === void 0) layouts.set(repo, m = /* @__PURE__ */ new Map());
  return m;
}
function layoutOf(repo, rev) {
  const m = layoutsOf(repo);
  let layout = m.get(rev);
  if (layout === void 0) {
    const last = [...m].at(-1);
    layout = last === void 0 ? repo.dirsAndLinks(rev) : headLayout(last[1], repo.rawChanges(last[0], rev, false));
    if (FULL_ID.test(rev)) m.set(rev, layout);
  }
  return layout;
}
function worktreeSnapshots(repo, base, pathspecs, knownChanges) {
  const baseTree = repo.tree(base);
  const all = repo.changes(base, null);
  const known = knownChanges?.every((c) => [c.path, c.oldPath].every((p) => p === void 0 || baseTree.has(p)));
  const changes = known === true ? knownChanges : pathspecs.length > 0 ? repo.changes(base, null, pathspecs) : all;
  const linkIds = linkBlobIds(baseTree);
  repo.prefetch(linkIds);
  const linkBlobs = repo.readBlobs(linkIds);
  const baseRepo = gitRepoTree(baseTree, linkBlobs);
  const root = repo.topLevel();
  const headRepo = worktreeTree(root, repo.worktreeFiles(), baseRepo, changedPaths(all));
  const dirs = touchedDirectories([baseRepo, headRepo], changes);
  const blob = blobReader(repo, blobIds(baseTree, filesToRead(baseRepo, dirs)));
  return {
    base: gitSnapshot(base, baseTree, baseRepo, blob),
    head: worktreeSnapshot(root, headRepo),
    changes
  };
}
function blobReader(repo, wanted) {
  repo.prefetch(wanted);
  const blobs = new Map(repo.readBlobs(wanted));
  return (sha, path) => {
    let b = blobs.get(sha);
    if (b === void 0) {
      try {
        b = repo.readBlobs([sha]).get(sha);
      } catch (e) {
        throw new UnreadableFile(path, errorMessage(e));
      }
      if (b === void 0) throw new UnreadableFile(path, `git has no blob ${sha}`);
      blobs.set(sha, b);
    }
    return b;
  };
}
function storeBlobIds(store, paths) {
  const out = [];
  for (const p of paths) {
    const e = store.fileEntry(p);
    if (e && e.mode !== LINK_MODE && (e.size === null || e.size <= MAX_UNIT_FILE_BYTES)) out.push(e.sha);
  }
  return out;
}
function blobIds(tree, paths) {
  const out = [];
  for (const p of paths) {
    const e = tree.get(p);
    if (e && e.mode !== LINK_MODE && (e.size === null || e.size <= MAX_UNIT_FILE_BYTES)) out.push(e.sha);
  }
  return out;
}
var FULL_ID, layouts;
var init_from_git = __esm({
  "src/diff/from-git.ts"() {
    "use strict";
    init_git();
    init_error_message();
    init_fs_source();
    init_source();
    init_repo_tree();
    init_revision_store();
    init_snapshot();
    init_touched();
    init_worktree();
    FULL_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
    layouts = /* @__PURE__ */ new WeakMap();
  }
});

// src/options/review-settings.ts
function readReviewSettings(read2) {
  const target = read2(OPTIONS.systemdVersion);
  return {
    version: target.versions[0],
    target,
    gate: readGate(read2),
    filter: readPathFilter(read2),
    allow: read2(OPTIONS.allowCapabilities),
    templateSuffixes: [.../* @__PURE__ */ new Set([...DEFAULT_TEMPLATE_SUFFIXES, ...read2(OPTIONS.templateSuffixes)])],
    templatePlaceholders: Object.fromEntries(read2(OPTIONS.templatePlaceholders).map((p) => [p.name, p.value]))
  };
}
function readGate(read2) {
  return {
    failOnCapabilityWidening: read2(OPTIONS.failOnCapabilityWidening),
    failOnNewWaiver: read2(OPTIONS.failOnNewWaiver),
    maxExposure: read2(OPTIONS.maxExposure),
    maxExposureIncrease: read2(OPTIONS.maxExposureIncrease),
    failOnRegression: read2(OPTIONS.failOnRegression),
    failOnInvalidUnit: read2(OPTIONS.failOnInvalidUnit),
    failOnUnreadableUnit: read2(OPTIONS.failOnUnreadableUnit)
  };
}
function readPathFilter(read2) {
  const patterns = read2(OPTIONS.paths);
  const include = [...read2(OPTIONS.include), ...patterns.filter((p) => !p.exclude).map((p) => p.glob)];
  const exclude = [...read2(OPTIONS.exclude), ...patterns.filter((p) => p.exclude).map((p) => p.glob)];
  return {
    include: include.length > 0 ? include : DEFAULT_FILTER.include,
    exclude: [...DEFAULT_FILTER.exclude, ...exclude]
  };
}
var init_review_settings = __esm({
  "src/options/review-settings.ts"() {
    "use strict";
    init_affected();
    init_diff();
    init_option_table();
  }
});

// src/report/escape.ts
function md(text2, max = SHOWN_MAX) {
  return visible(clip(text2, max)).replace(PUNCTUATION, (c) => `\\${c}${c === "@" || c === "#" || c === ":" ? WJ : ""}`).replace(/[&<>"']/g, (c) => HTML[c]).replace(/\$/g, () => "<span>$</span>").replace(/(www)(\\\.)/gi, `$1${WJ}$2`).replace(/(?<![A-Za-z0-9_])(gh)(\\-)/gi, `$1${WJ}$2`);
}
function code(text2, max = SHOWN_MAX) {
  const shown = visible(clip(text2, max));
  if (shown === "") return codeSpan("");
  return shown.split("|").map((part) => part === "" ? "" : codeSpan(part)).join("\\|");
}
function codeSpan(text2) {
  const longest = Math.max(0, ...[...text2.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text2) && text2.trim() !== "" ? " " : "";
  return text2 === "" ? "` `" : `${fence}${pad}${text2}${pad}${fence}`;
}
function htmlCode(text2, max = SHOWN_MAX) {
  return `<code>${visible(clip(text2, max)).replace(/[&<>"']/g, (c) => HTML[c])}</code>`;
}
function linkTarget(url) {
  return url.replace(
    /[^A-Za-z0-9\-._~:/?#=&%+,;@]/gu,
    (c) => [...Buffer.from(c, "utf8")].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("")
  );
}
function fenced(text2, info = "") {
  const longest = Math.max(2, ...[...text2.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${info}
${text2.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")}
${fence}`;
}
var SHOWN_MAX, WJ, HTML, PUNCTUATION;
var init_escape = __esm({
  "src/report/escape.ts"() {
    "use strict";
    init_visible();
    SHOWN_MAX = 300;
    WJ = "⁠";
    HTML = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
    PUNCTUATION = /[!#%()*+,\-./:;=?@[\\\]^_`{|}~]/g;
  }
});

// src/report/rules.ts
function manPageUri(rowId) {
  const directive = rowId.replace(/[/~].*$/, "");
  const page = MAN_PAGE_OF[directive] ?? "systemd.exec";
  return `${MAN}/${page}.html#${directive}`;
}
function ruleForLevel(level2) {
  return LEVEL_RULES[level2];
}
function rowSeverity(weight) {
  return weight >= 1500 ? 6 : weight >= 1e3 ? 5 : weight >= 500 ? 4 : 2;
}
function ruleForRow(rowId) {
  return ROW_RULES.get(rowId) ?? {
    id: `exposure/${rowId}`,
    name: "ExposureRow",
    summary: `The ${rowId} row of systemd-analyze security got worse`,
    help: rowId,
    helpUri: manPageUri(rowId),
    severity: 4
  };
}
function ruleForFailure(kind) {
  return THRESHOLD_RULES[kind];
}
var MAN, MAN_PAGE_OF, LEVEL_RULES, pascal, ROW_RULES, RULES_FOR_UNITS, THRESHOLD_RULES;
var init_rules = __esm({
  "src/report/rules.ts"() {
    "use strict";
    init_assessors();
    MAN = "https://www.freedesktop.org/software/systemd/man/latest";
    MAN_PAGE_OF = {
      "DeviceAllow=": "systemd.resource-control",
      "IPAddressDeny=": "systemd.resource-control",
      "Delegate=": "systemd.resource-control",
      "NotifyAccess=": "systemd.service"
    };
    LEVEL_RULES = {
      held: {
        id: "capability/held",
        name: "CapabilityHeldAtStart",
        summary: "A service now holds a Linux capability, or runs as root, when it starts",
        help: "The change gives the unit's processes a capability (or uid 0) they did not have at start: through AmbientCapabilities=, a wider CapabilityBoundingSet= of a root service, User= removed or set to root, PrivateUsers= removed. Narrow it back, or accept it with a waiver comment that names the capability and a reason.",
        helpUri: `${MAN}/systemd.exec.html#AmbientCapabilities=`,
        severity: 8
      },
      reachable: {
        id: "capability/reachable",
        name: "CapabilityReachable",
        summary: "A service can now gain a capability through set-user-ID or file-capability programs",
        help: "Without NoNewPrivileges= (set, implied by DynamicUser=, or forced by a seccomp setting), a process can gain every capability of its bounding set by executing a set-user-ID or file-capability program. Keep NoNewPrivileges=yes, or narrow CapabilityBoundingSet=.",
        helpUri: `${MAN}/systemd.exec.html#NoNewPrivileges=`,
        severity: 7
      },
      command: {
        id: "capability/elevated-command",
        name: "ElevatedCommand",
        summary: "A command runs with more privileges than the service",
        help: "A + prefix runs the command with full privileges, outside the sandbox; ! runs it as root within the bounding set; PermissionsStartOnly=yes makes every command but ExecStart= run like +. A new elevated command, a privileged program re-targeted by new arguments, or a new environment for such commands is a widening.",
        helpUri: `${MAN}/systemd.service.html#ExecStart=`,
        severity: 8
      }
    };
    pascal = (field) => field.split(/[^A-Za-z0-9]+/).map(
      (w) => w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)
    ).join("");
    ROW_RULES = new Map(
      ASSESSORS.map((a) => [
        a.id,
        {
          id: `exposure/${a.id}`,
          name: `Exposure${pascal(a.jsonField)}`,
          summary: `The ${a.id} row of systemd-analyze security got worse`,
          help: `${a.descriptionBad ?? `The unit's ${a.id.replace(/[/~].*$/, "")} setting is less strict than before`}: systemd-analyze security rates the row ${a.id} worse (weight ${a.weight} in its table).`,
          helpUri: manPageUri(a.id),
          severity: rowSeverity(a.weight)
        }
      ])
    );
    RULES_FOR_UNITS = {
      unreadable: {
        id: "unit/unreadable",
        name: "UnitUnreadable",
        summary: "A changed unit cannot be read in full, so its privileges are not known",
        help: "A link out of the repository, dangling or in a loop, a file over the size limit, a Git LFS pointer, an I/O error, or a build template whose placeholders decide privileges. What the tool cannot read does not pass.",
        helpUri: `${MAN}/systemd.unit.html`,
        severity: 7
      },
      invalid: {
        id: "unit/invalid",
        name: "UnitInvalid",
        summary: "systemd would refuse to load a changed unit",
        help: "systemd-analyze security refuses the unit: it would not start. The message gives the file and line systemd complains about.",
        helpUri: `${MAN}/systemd.syntax.html`,
        severity: 5
      }
    };
    THRESHOLD_RULES = {
      "max-exposure": {
        id: "gate/max-exposure",
        name: "ExposureAboveMaximum",
        summary: "A service's exposure is above the configured maximum",
        help: "The overall exposure score systemd-analyze security gives the unit after the change is above max-exposure. See the recommended drop-in for the directives that lower it.",
        helpUri: `${MAN}/systemd-analyze.html`,
        severity: 5
      },
      "exposure-increase": {
        id: "gate/exposure-increase",
        name: "ExposureIncrease",
        summary: "A service's exposure rose by more than the configured step",
        help: "The overall exposure score systemd-analyze security gives the unit rose by more than max-exposure-increase. The regressed rows name the lines responsible.",
        helpUri: `${MAN}/systemd-analyze.html`,
        severity: 5
      }
    };
  }
});

// src/report/findings.ts
function fingerprint(...parts2) {
  return (0, import_node_crypto.createHash)("sha256").update(JSON.stringify(parts2)).digest("hex");
}
function underPrefix(file, prefix2 = "") {
  const p = prefix2.replace(/^\.\/?$/, "").replace(/\/+$/, "");
  return p === "" ? file : `${p}/${file}`;
}
function findings(report) {
  const out = [];
  for (const s of report.services) {
    for (const w of s.capabilities.widened) out.push(wideningFinding(report, s, w));
    for (const r of s.regressions) out.push(regressionFinding(report, s, r));
    out.push(...unitFindings(report, s));
  }
  const merge = report.comparisons?.mergeResult;
  if (merge?.checked) for (const m of merge.widened) out.push(mergeWideningFinding(report, m));
  for (const f of report.failures) {
    if (f.kind !== "max-exposure" && f.kind !== "exposure-increase") continue;
    out.push({
      rule: ruleForFailure(f.kind),
      gating: true,
      unit: f.unit,
      file: f.path,
      line: null,
      message: say(f.message),
      acceptedBy: [],
      acceptedByOwnWaiver: false,
      fingerprint: fingerprint(f.kind, f.path, f.unit)
    });
  }
  return out;
}
function wideningFinding(report, s, w) {
  const own = newWaiverAcceptances(w).length > 0;
  const gating = w.unaccepted.length > 0 ? report.gate.failOnCapabilityWidening : own && report.gate.failOnNewWaiver;
  const onLine = w.file !== null && w.line !== null && !w.removedLine;
  return {
    rule: ruleForLevel(w.level),
    gating,
    unit: s.unit,
    file: onLine ? w.file : s.path,
    line: onLine ? w.line : null,
    message: say(`${wideningMessage(s.unit, w)}: ${w.cause}`),
    acceptedBy: w.unaccepted.length === 0 ? w.accepted : [],
    acceptedByOwnWaiver: w.unaccepted.length === 0 && own,
    fingerprint: fingerprint(
      w.level,
      s.path,
      s.unit,
      [...w.capabilities].sort().join(" "),
      w.root,
      w.command?.directive ?? null,
      w.command?.text ?? null
    )
  };
}
function mergeWideningFinding(report, m) {
  const w = m.widening;
  const onLine = w.file !== null && w.line !== null && !w.removedLine;
  return {
    rule: ruleForLevel(w.level),
    gating: report.gate.failOnCapabilityWidening,
    unit: m.unit,
    file: onLine ? w.file : m.path,
    line: onLine ? w.line : null,
    message: say(
      `${wideningMessage(m.unit, w)} once merged, which the pull request's own change does not show: ${w.cause}`
    ),
    acceptedBy: [],
    acceptedByOwnWaiver: false,
    fingerprint: fingerprint("merge", w.level, m.path, m.unit, [...m.privileges].sort().join(" "))
  };
}
function regressionFinding(report, s, r) {
  const onLine = r.file !== null && r.line !== null && !r.removedLine;
  const worse = r.before === null ? `now ${r.after}/${r.range}` : `${r.before}/${r.range} → ${r.after}/${r.range}`;
  return {
    rule: ruleForRow(r.id),
    gating: report.gate.failOnRegression,
    unit: s.unit,
    file: onLine ? r.file : s.path,
    line: onLine ? r.line : null,
    message: say(
      `${s.unit}: ${r.id} got worse (badness ${worse}): ${r.description ?? r.id}${r.removedLine && r.file !== null ? ` (${r.file}:${r.line} removed)` : ""}`
    ),
    acceptedBy: [],
    acceptedByOwnWaiver: false,
    fingerprint: fingerprint("row", s.path, s.unit, r.id)
  };
}
function unitFindings(report, s) {
  if (s.status === "removed") return [];
  const out = [];
  const base = { unit: s.unit, file: s.path, line: null, acceptedBy: [], acceptedByOwnWaiver: false };
  if (s.unreadable.after !== null) {
    out.push({
      ...base,
      rule: RULES_FOR_UNITS.unreadable,
      gating: report.gate.failOnUnreadableUnit,
      message: say(`${s.unit} cannot be assessed: ${s.unreadable.after}`),
      fingerprint: fingerprint("unreadable", s.path, s.unit)
    });
  } else if (s.errors.after !== null) {
    out.push({
      ...base,
      rule: RULES_FOR_UNITS.invalid,
      gating: report.gate.failOnInvalidUnit,
      message: say(`${s.unit} does not load: ${s.errors.after}`),
      fingerprint: fingerprint("invalid", s.path, s.unit)
    });
  }
  return out;
}
var import_node_crypto, MESSAGE_MAX, say;
var init_findings = __esm({
  "src/report/findings.ts"() {
    "use strict";
    import_node_crypto = require("node:crypto");
    init_gate();
    init_new_waivers();
    init_visible();
    init_escape();
    init_rules();
    MESSAGE_MAX = 2 * SHOWN_MAX;
    say = (text2) => clip(visible(text2), MESSAGE_MAX);
  }
});

// src/report/codequality.ts
function severity(f) {
  if (f.gating) return f.rule.severity >= 7 ? "critical" : "major";
  if (f.rule.severity >= 7) return "major";
  return f.rule.severity >= 5 ? "minor" : "info";
}
function codeQualityIssues(report, options = {}) {
  return findings(report).filter((f) => f.acceptedBy.length === 0 || f.acceptedByOwnWaiver).map((f) => ({
    type: "issue",
    description: f.acceptedByOwnWaiver ? `${f.message} (accepted only by a waiver this change adds)` : f.message,
    check_name: f.rule.id,
    fingerprint: f.fingerprint,
    severity: severity(f),
    categories: ["Security"],
    // A path GitLab can show: bytes that are not UTF-8 escaped (\xNN) like everywhere else.
    location: { path: visible(underPrefix(f.file, options.pathPrefix)), lines: { begin: f.line ?? 1 } }
  }));
}
function renderCodeQuality(report, options = {}) {
  return JSON.stringify(codeQualityIssues(report, options), null, 2) + "\n";
}
var init_codequality = __esm({
  "src/report/codequality.ts"() {
    "use strict";
    init_visible();
    init_findings();
  }
});

// src/report/headline.ts
function headline(report) {
  if (report.services.length === 0 && report.verdict !== "fail")
    return "✅ **systemd-exposure**: no systemd service changed.";
  if (report.verdict === "fail") {
    const n = report.failures.length;
    return `❌ **systemd-exposure: fail** — ${plural(n, "gate failure")}: ${md(report.failures[0].message)}${n > 1 ? " …" : ""}`;
  }
  const findings2 = report.services.flatMap((s) => s.capabilities.widened);
  const open = findings2.filter((w) => w.unaccepted.length > 0).length;
  const accepted = findings2.length - open;
  let privileges2;
  if (findings2.length === 0) privileges2 = "no privilege widened";
  else if (open === 0) privileges2 = `${plural(findings2.length, "privilege widening")}, all accepted`;
  else {
    const notGated = `${plural(open, "privilege widening")} not gated (fail-on-capability-widening is off)`;
    privileges2 = accepted === 0 ? notGated : `${plural(accepted, "privilege widening")} accepted, ${notGated}`;
  }
  const units = `${plural(report.services.length, "unit")} changed`;
  const waivers = newWaivers(report.services);
  const restsOnNewWaivers = report.gate.failOnCapabilityWidening && findings2.some((w) => w.unaccepted.length === 0 && newWaiverAcceptances(w).length > 0);
  const because = waivers.length === 0 ? "" : restsOnNewWaivers ? ` It passes because this pull request adds ${waiverList(waivers)}.` : ` This pull request adds ${waiverList(waivers)}.`;
  return `✅ **systemd-exposure: pass** — ${units}, ${privileges2}.${because}`;
}
function selfWaiverLine(report) {
  if (report.verdict !== "fail") return null;
  const waivers = newWaivers(report.services);
  return waivers.length === 0 ? null : `⚠️ This pull request accepts its own widening: it adds ${waiverList(waivers)}.`;
}
function waiverList(waivers) {
  const named = waivers.slice(0, WAIVERS_NAMED).map((w) => `for ${privilegeList2(w.privileges)} at ${code(`${w.file}:${w.line}`)}`);
  const more = waivers.length - named.length;
  const list3 = named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")}${more > 0 ? ", " : " and "}${named.at(-1)}`;
  return `${waivers.length === 1 ? "a waiver" : "waivers"} ${list3}${more > 0 ? ` and ${more} more` : ""}`;
}
function privilegeList2(privileges2) {
  const words2 = privileges2.map((p) => p === "root" ? "running as root" : p);
  if (words2.length <= PRIVILEGES_NAMED)
    return words2.length === 1 ? words2[0] : `${words2.slice(0, -1).join(", ")} and ${words2.at(-1)}`;
  return `${words2.slice(0, PRIVILEGES_NAMED).join(", ")} and ${words2.length - PRIVILEGES_NAMED} more`;
}
var plural, WAIVERS_NAMED, PRIVILEGES_NAMED;
var init_headline = __esm({
  "src/report/headline.ts"() {
    "use strict";
    init_new_waivers();
    init_escape();
    plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
    WAIVERS_NAMED = 3;
    PRIVILEGES_NAMED = 4;
  }
});

// node_modules/markdown-table/index.js
function defaultStringLength(value2) {
  return value2.length;
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
    const row3 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize2(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row3.push(cell);
    }
    cellMatrix[rowIndex] = row3;
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
  const row2 = [];
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
    row2[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row2);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines2 = [];
  while (++rowIndex < cellMatrix.length) {
    const row3 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row3[columnIndex] || "";
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
    lines2.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines2.join("\n");
}
function serialize2(value2) {
  return value2 === null || value2 === void 0 ? "" : String(value2);
}
function toAlignment(value2) {
  const code2 = typeof value2 === "string" ? value2.codePointAt(0) : 0;
  return code2 === 67 || code2 === 99 ? 99 : code2 === 76 || code2 === 108 ? 108 : code2 === 82 || code2 === 114 ? 114 : 0;
}
var init_markdown_table = __esm({
  "node_modules/markdown-table/index.js"() {
  }
});

// src/report/markdown-writer.ts
var OverBudget, MarkdownWriter, TABLE_BATCH;
var init_markdown_writer = __esm({
  "src/report/markdown-writer.ts"() {
    "use strict";
    init_markdown_table();
    OverBudget = class extends Error {
    };
    MarkdownWriter = class {
      constructor(budget = Infinity) {
        this.budget = budget;
      }
      budget;
      size = 0;
      lines = [];
      push(...lines2) {
        for (const line of lines2) {
          this.size += line.length + 1;
          if (this.size > this.budget) throw new OverBudget();
          this.lines.push(line);
        }
      }
      /**
       * A GitHub table (markdown-table), its columns not padded to a common width: one long cell (a
       * waiver's reason is free text from the pull request) would otherwise pad every row. Rows are
       * made in batches, so an over-budget table stops being made soon after the budget is spent.
       */
      table(header, items, row2, align = []) {
        const options = { alignDelimiters: false, align: header.map((_, i) => align[i] ?? "") };
        const [head, delimiter] = markdownTable([header], options).split("\n");
        this.push(head, delimiter);
        for (let i = 0; i < items.length; i += TABLE_BATCH) {
          const rows = items.slice(i, i + TABLE_BATCH).map(row2);
          for (const line of markdownTable([header, ...rows], options).split("\n").slice(2))
            this.push(line);
        }
      }
      text() {
        return this.lines.join("\n") + "\n";
      }
    };
    TABLE_BATCH = 50;
  }
});

// src/report/unit-name.ts
function templateName(s, systemdVersion) {
  if (!isSystemdVersion(systemdVersion)) return null;
  const instance = VERSION_TRAITS[systemdVersion].templateInstance;
  const m = /^([^@/]+)@([^@/.]*)\.([a-z]+)$/.exec(s.unit);
  if (!m || m[2] !== instance) return null;
  const template = `${m[1]}@.${m[3]}`;
  const file = s.path.slice(s.path.lastIndexOf("/") + 1);
  return file === template || file.startsWith(`${template}.`) ? template : null;
}
function shownUnitName(s, systemdVersion) {
  return templateName(s, systemdVersion) ?? s.unit;
}
var init_unit_name = __esm({
  "src/report/unit-name.ts"() {
    "use strict";
    init_versions();
  }
});

// src/report/markdown.ts
function limit(items, options) {
  if (options.detail !== "compact" || items.length <= COMPACT_ROWS) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, COMPACT_ROWS), hidden: items.length - COMPACT_ROWS };
}
function verdictLines(report) {
  const mark = selfWaiverLine(report);
  return mark ? [headline(report), "", mark, ""] : [headline(report), ""];
}
function failureItems(report, max) {
  const shown = report.failures.slice(0, max).map((f) => `- ${md(f.message)}`);
  const hidden = report.failures.length - shown.length;
  return hidden > 0 ? [...shown, `- … and ${hidden} more.`] : shown;
}
function footer(report, options = {}) {
  const commit = (sha) => {
    if (sha === null) return "the work tree";
    const label = code(sha.slice(0, 12));
    return options.commitLink ? `[${label}](${linkTarget(options.commitLink(sha))})` : label;
  };
  const reviewed = report.head.rev !== null || report.base.rev !== null ? `Reviewed ${commit(report.head.rev)}, compared with ${commit(report.base.rev)} · ` : "";
  return `<sub>${reviewed}Scores as <code>systemd-analyze security</code> of systemd ${md(report.systemdVersion)} computes them${rangeNote(report)} · systemd-exposure ${md(report.tool.version)}</sub>`;
}
function rangeNote(report) {
  const t = report.systemdTarget;
  if (!t) return "";
  return ` (the oldest of the range ${md(t.text)}); capabilities checked on systemd ${md(`${t.versions.slice(0, -1).join(", ")} and ${t.versions.at(-1)}`)}`;
}
function renderMarkdown(report, options = {}) {
  const out = new MarkdownWriter();
  render2(report, options, out);
  return out.text();
}
function renderWithin(report, options, budget) {
  const out = new MarkdownWriter(budget);
  try {
    render2(report, options, out);
  } catch (e) {
    if (e instanceof OverBudget) return null;
    throw e;
  }
  return out.text();
}
function render2(report, options, out) {
  out.push(...verdictLines(report));
  const detail = options.detail ?? "full";
  const list3 = (title, items, item) => {
    if (items.length === 0) return;
    const { shown, hidden } = limit(items, options);
    out.push(`### ${title}`, "");
    for (const x of shown) out.push(item(x));
    if (hidden > 0) out.push(`- … and ${hidden} more.`);
    out.push("");
  };
  if (report.services.length > 0) {
    const services = limit(report.services, options);
    servicesTable(out, services.shown, report.systemdVersion);
    const templates = services.shown.filter((s) => templateName(s, report.systemdVersion) !== null);
    if (templates.length > 0)
      out.push(
        `<sub>${templates.map((s) => `${code(templateName(s, report.systemdVersion))} is analysed as ${code(s.unit)}, the instance systemd-analyze uses for a template.`).join(" ")}</sub>`,
        ""
      );
    out.push("");
    if (services.hidden > 0) out.push(`… and ${services.hidden} more services.`, "");
  }
  if (report.failures.length > 1) {
    out.push("### Why it fails", "", ...failureItems(report, detail === "compact" ? COMPACT_ROWS : Infinity), "");
  }
  if (report.services.length > 0) {
    const widened = limit(
      report.services.flatMap((s) => s.capabilities.widened.map((w) => ({ s, w }))),
      options
    );
    if (widened.shown.length > 0) {
      out.push("### Privileges widened", "");
      widenedTable(out, widened.shown, options);
      out.push("");
    }
    if (widened.hidden > 0) out.push(`… and ${widened.hidden} more widenings.`, "");
    const regressions = report.services.flatMap((s) => s.regressions.map((r) => ({ s, r })));
    if (regressions.length > 0 && (detail === "no-regressions" || detail === "compact")) {
      out.push(
        `${regressions.length} setting${regressions.length === 1 ? "" : "s"} got worse (details left out for size).`,
        ""
      );
    } else if (regressions.length > 0) {
      out.push("### Regressions", "");
      regressionsTable(out, regressions, options);
      out.push("");
    }
    const improved = report.services.filter((s) => s.improvements.length > 0);
    if (improved.length > 0 && detail !== "compact") {
      out.push(
        `**Improved:** ${improved.map((s) => `${code(s.unit)} ${s.improvements.map((r) => `${code(r.id)}${rowGain(r)}`).join(", ")}`).join("; ")}`,
        ""
      );
    }
    const advised = report.services.filter((s) => s.recommendation !== null);
    if (advised.length > 0) {
      out.push("### Recommended hardening", "");
      adviceTable(out, limit(advised, options).shown);
      out.push("");
      if (detail === "full") for (const s of advised) out.push(...dropinBlock(s));
    }
    list3(
      "Units that could not be assessed",
      assessmentErrors(report.services),
      (e) => `- ${code(e.path)}${e.base ? " (base)" : ""}: ${md(e.why)}`
    );
    list3(
      "Warnings",
      report.services.flatMap((s) => s.warnings.map((w) => ({ s, w }))),
      ({ s, w }) => `- ${code(`${w.file}:${w.line}`)} (${code(s.unit)}): ${md(w.message)}`
    );
    list3(
      "Advice that could not be computed",
      report.services.filter((s) => s.adviceError !== void 0),
      (s) => `- ${code(s.path)} (${code(s.unit)}): ${md(s.adviceError)}. A bug in systemd-exposure: please report it; the scores and the verdict above do not depend on it.`
    );
  }
  list3("Changed files not reviewed as units", report.skipped, (f) => `- ${code(f.path)}: ${md(f.reason)}`);
  if (options.trimmedNote && detail !== "full") out.push(options.trimmedNote, "");
  out.push(footer(report, options));
}
function assessmentErrors(services) {
  const out = [];
  for (const s of services) {
    const after = s.errors.after ?? s.unreadable.after;
    const before = s.errors.before ?? s.unreadable.before;
    if (after) out.push({ path: s.path, base: false, why: after });
    if (before) out.push({ path: s.basePath ?? s.path, base: true, why: before });
  }
  return out;
}
function servicesTable(out, services, version) {
  out.table(
    ["Service", "Change", "Before", "After", "Δ", "Verdict"],
    services,
    (s) => [
      code(shownUnitName(s, version)) + (s.status === "renamed" && s.basePath ? ` (from ${code(s.basePath)})` : ""),
      s.status,
      fmt(s.before?.exposure),
      fmt(s.after?.exposure),
      signed(s.delta),
      s.after ? s.after.verdict : s.assumedUnitFile !== null ? "drop-ins only (unit file not here)" : s.errors.after ? "not loadable" : "—"
    ],
    ["l", "l", "r", "r", "r", "l"]
  );
}
function unitColumn(items, title) {
  const one = new Set(items.map((x) => x.s)).size === 1;
  return one ? { header: [], cell: () => [] } : { header: [title], cell: (x) => [code(x.s.unit)] };
}
function widenedTable(out, items, options) {
  const unit = unitColumn(items, "Unit");
  out.table([...unit.header, "Level", "What", "Cause", "Line", "Accepted"], items, (x) => [
    ...unit.cell(x),
    LEVEL[x.w.level],
    md(x.w.what),
    md(x.w.cause),
    where2(x.w.file, x.w.line, x.w.removedLine, options),
    acceptedText(x.w)
  ]);
}
function regressionsTable(out, items, options) {
  const unit = unitColumn(items, "Service");
  out.table([...unit.header, "Setting", "systemd-analyze says", "Exposure", "Line", "Fix"], items, (x) => [
    ...unit.cell(x),
    code(x.r.id),
    x.r.description === null ? "—" : md(x.r.description),
    `${x.r.exposureBefore === null ? "—" : x.r.exposureBefore.toFixed(1)} → ${x.r.exposureAfter === null ? "—" : x.r.exposureAfter.toFixed(1)}`,
    where2(x.r.file, x.r.line, x.r.removedLine, options),
    fixText(x.r.fix ?? null, x.r)
  ]);
}
function rowGain(r) {
  const gain = (r.exposureBefore ?? 0) - (r.exposureAfter ?? 0);
  return gain > 0 ? ` −${gain.toFixed(1)}` : "";
}
function adviceTable(out, advised) {
  out.table(["Service", "Now", "Phases (cumulative predicted exposure)", "With the drop-in"], advised, (s) => [
    code(s.unit),
    fmt(s.after?.exposure),
    s.recommendation.phases.map((p) => `${md(p.name)} → ${p.exposure.toFixed(1)} (${md(p.risk)} risk)`).join("<br>"),
    `${s.recommendation.predicted.toFixed(1)}`
  ]);
}
function dropinBlock(s) {
  const r = s.recommendation;
  const summary = `<details><summary>${htmlCode(r.dropin.path)} for ${htmlCode(s.unit)} (${fmt(s.after?.exposure)} → ${r.predicted.toFixed(1)})</summary>`;
  const body = r.dropin.content.length <= DROPIN_SHOWN_MAX ? fenced(r.dropin.content, "ini") : `The drop-in has ${r.dropin.content.split("\n").length} lines: too long to show here; the JSON report has it.`;
  return [summary, "", body, "", "</details>", ""];
}
function acceptedText(w) {
  if (w.accepted.length === 0) return "**no**";
  const reasons = [...new Set(w.accepted.map((a) => a.reason))].map((r) => md(r, REASON_SHOWN_MAX)).join("; ");
  const added = w.accepted.some((a) => a.addedInChange) ? " (waiver added by this change)" : "";
  if (w.unaccepted.length > 0)
    return `partly: ${reasons}${added}; **not** ${w.unaccepted.map((u) => code(u)).join(", ")}`;
  return `yes: ${reasons}${added}`;
}
function fixText(fix, r) {
  if (!fix) return "—";
  if (fix.kind === "remove") {
    const lines2 = fix.remove.map((l) => l.file === r.file ? `line ${l.line}` : code(`${l.file}:${l.line}`));
    return `remove ${lines2.join(", ")}`;
  }
  const reset = fix.lines.length > 1 && /^[A-Za-z]+=$/.test(fix.lines[0]) ? fix.lines[0] : null;
  const values = reset === null ? fix.lines : fix.lines.slice(1);
  const verb = fix.kind === "narrow" ? "narrow to" : r.removedLine ? "restore" : "set back to";
  const written = values.length === 0 ? `${code(fix.lines[0])} (empty)` : values.map((l) => code(l)).join(" ");
  const after = reset !== null ? ` after an empty ${code(reset)}` : "";
  return `${verb} ${written}${after}`;
}
function where2(file, line, removed, options) {
  if (file === null) return "—";
  const at = line !== null ? `:${line}` : "";
  const url = removed ? null : options.link?.(file, line) ?? null;
  if (url) return `[${code(`${file.slice(file.lastIndexOf("/") + 1)}${at}`)}](${linkTarget(url)})`;
  return code(`${file}${at}`) + (removed ? " (removed)" : "");
}
var DETAIL_LEVELS, COMPACT_ROWS, DROPIN_SHOWN_MAX, REASON_SHOWN_MAX, fmt, signed, LEVEL;
var init_markdown = __esm({
  "src/report/markdown.ts"() {
    "use strict";
    init_escape();
    init_headline();
    init_markdown_writer();
    init_unit_name();
    DETAIL_LEVELS = ["full", "no-dropins", "no-regressions", "compact"];
    COMPACT_ROWS = 20;
    DROPIN_SHOWN_MAX = 4e3;
    REASON_SHOWN_MAX = 200;
    fmt = (x) => x === null || x === void 0 ? "—" : x.toFixed(1);
    signed = (x) => x === null ? "—" : x > 0 ? `+${x.toFixed(1)}` : x.toFixed(1);
    LEVEL = {
      held: "held at start",
      reachable: "reachable",
      command: "elevated command"
    };
  }
});

// src/report/short-form.ts
function renderShort(report, options) {
  const out = verdictLines(report);
  if (report.failures.length > 0) out.push("### Why it fails", "", ...failureItems(report, options.failures), "");
  const s = report.summary;
  out.push(
    `${plural2(s.servicesChanged, "unit")} changed, ${plural2(s.capabilitiesWidened, "privilege")} widened and not accepted, ${plural2(report.failures.length, "gate failure")}. ${options.note}`,
    "",
    footer(report, options)
  );
  return out.join("\n") + "\n";
}
var plural2;
var init_short_form = __esm({
  "src/report/short-form.ts"() {
    "use strict";
    init_markdown();
    plural2 = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  }
});

// src/report/fit.ts
function sizeOf(text2, unit) {
  return unit === "bytes" ? Buffer.byteLength(text2, "utf8") : text2.length;
}
function fitMarkdown(report, options) {
  const { note, limit: limit2, glance, ...links } = options;
  const fits2 = (text2, max = limit2.max) => sizeOf(text2, limit2.unit) <= max;
  let folded = false;
  for (const detail of DETAIL_LEVELS) {
    const trimmedNote2 = folded && detail === "no-dropins" ? glance.foldedNote : note;
    const markdown = renderWithin(report, { ...links, detail, trimmedNote: trimmedNote2 }, limit2.max);
    if (markdown !== null && fits2(markdown)) {
      if (detail === "full" && glance && !fits2(markdown, glance.max)) {
        folded = true;
        continue;
      }
      return { markdown, detail };
    }
  }
  for (const failures of SHORT_FAILURES) {
    const markdown = renderShort(report, { ...links, failures, note });
    if (fits2(markdown)) return { markdown, detail: "short" };
  }
  return { markdown: cut(renderShort(report, { ...links, failures: 0, note }), limit2), detail: "cut" };
}
function cut(text2, limit2) {
  let size = 0;
  let end = 0;
  for (const c of text2) {
    size += sizeOf(c, limit2.unit);
    if (size > limit2.max) break;
    end += c.length;
  }
  return text2.slice(0, end);
}
var SHORT_FAILURES;
var init_fit = __esm({
  "src/report/fit.ts"() {
    "use strict";
    init_markdown();
    init_short_form();
    SHORT_FAILURES = [COMPACT_ROWS, 10, 5, 1, 0];
  }
});

// src/report/comment.ts
function commentKey(workflow, job, paths) {
  return (0, import_node_crypto2.createHash)("sha256").update(`${workflow}
${job}
${paths.join("\n")}`).digest("hex").slice(0, 12);
}
function commentBody(report, key, options) {
  const limit2 = options.limit ?? COMMENT_LIMIT;
  const head = `${marker(key)}
`;
  if (report.services.length === 0 && report.verdict !== "fail") {
    return {
      body: `${head}${stateMarker("none", report.head.rev)}
✅ **systemd-exposure**: this pull request no longer changes any systemd service.

${footer(report, options)}
`,
      trimmed: false
    };
  }
  const state = report.verdict;
  const resolved = options.previous === "fail" && state === "pass" ? "🎉 **Resolved**: the earlier failures of this check are fixed.\n\n" : "";
  const prefix2 = `${head}${stateMarker(state, report.head.rev)}
${resolved}`;
  const fitted = fitMarkdown(report, {
    ...options.link ? { link: options.link } : {},
    ...options.commitLink ? { commitLink: options.commitLink } : {},
    note: trimmedNote(options),
    limit: { max: limit2 - prefix2.length, unit: "characters" },
    glance: {
      max: GLANCE_LIMIT - prefix2.length,
      foldedNote: `The ready-to-paste drop-ins are in ${summaryLink(options)}.`
    }
  });
  return { body: `${prefix2}${fitted.markdown}`, trimmed: fitted.detail !== "full" };
}
function trimmedNote(options) {
  const summary = summaryLink(options);
  return options.summaryComplete === false ? `Some detail was left out to fit GitHub's comment limit; ${summary} has more, and the JSON report (the step's \`report-path\` output) all of it.` : `Some detail was left out to fit GitHub's comment limit; ${summary} has the full report.`;
}
var import_node_crypto2, COMMENT_LIMIT, marker, stateMarker, GLANCE_LIMIT, summaryLink;
var init_comment = __esm({
  "src/report/comment.ts"() {
    "use strict";
    import_node_crypto2 = require("node:crypto");
    init_escape();
    init_fit();
    init_markdown();
    COMMENT_LIMIT = 65536;
    marker = (key) => `<!-- systemd-exposure:comment ${key} -->`;
    stateMarker = (state, head) => `<!-- systemd-exposure:state ${state}${head !== null ? ` head=${head}` : ""} -->`;
    GLANCE_LIMIT = 4e3;
    summaryLink = (options) => options.summaryUrl ? `the [job summary](${linkTarget(options.summaryUrl)})` : "the job summary";
  }
});

// src/report/sarif.ts
function pathUri(path) {
  let out = "";
  for (const byte of encodePath(path)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9\-._~/]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
function level(f) {
  if (f.gating) return "error";
  if (f.acceptedBy.length > 0 && !f.acceptedByOwnWaiver) return "note";
  return f.rule.severity >= 5 ? "warning" : "note";
}
function ruleEntry(rule) {
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.help },
    help: { text: `${rule.help}

${rule.helpUri}` },
    helpUri: rule.helpUri,
    properties: {
      tags: ["security", "systemd"],
      precision: "very-high",
      "security-severity": rule.severity.toFixed(1)
    }
  };
}
function suppressions(f) {
  if (f.acceptedBy.length === 0 || f.acceptedByOwnWaiver) return void 0;
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const a of f.acceptedBy) {
    const justification = a.by === "waiver" ? `waiver at ${a.file ?? "?"}:${a.line ?? 0}: ${a.reason}` : a.reason;
    if (seen.has(justification)) continue;
    seen.add(justification);
    out.push({ kind: a.by === "waiver" ? "inSource" : "external", status: "accepted", justification });
  }
  return out;
}
function withSuppressions(f) {
  const s = suppressions(f);
  return s ? { suppressions: s } : {};
}
function renderSarif(report, options = {}) {
  const all = findings(report);
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  for (const f of all) {
    if (ruleIndex.has(f.rule.id)) continue;
    ruleIndex.set(f.rule.id, rules.length);
    rules.push(f.rule);
  }
  const results = all.map((f) => ({
    ruleId: f.rule.id,
    ruleIndex: ruleIndex.get(f.rule.id),
    level: level(f),
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: pathUri(underPrefix(f.file, options.pathPrefix)), uriBaseId: "%SRCROOT%" },
          // A finding about a whole file points at its first line: code scanning wants a region.
          region: { startLine: f.line ?? 1 }
        },
        logicalLocations: [{ name: f.unit, kind: "module" }]
      }
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...withSuppressions(f),
    properties: { unit: f.unit, gating: f.gating }
  }));
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            semanticVersion: report.tool.version,
            version: report.tool.version,
            rules: rules.map(ruleEntry)
          }
        },
        automationDetails: { id: "systemd-exposure/" },
        results,
        // The commits compared (versionControlProvenance would need the repository's URI, which
        // the report does not know).
        properties: {
          systemdVersion: report.systemdVersion,
          ...report.systemdTarget ? { systemdTarget: report.systemdTarget } : {},
          verdict: report.verdict,
          base: report.base.rev,
          head: report.head.rev
        }
      }
    ]
  };
  return JSON.stringify(log, null, 2) + "\n";
}
var SARIF_SCHEMA, FINGERPRINT_KEY;
var init_sarif = __esm({
  "src/report/sarif.ts"() {
    "use strict";
    init_path_bytes();
    init_findings();
    SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
    FINGERPRINT_KEY = "systemdExposureFinding/v1";
  }
});

// src/cli/diff-formats.ts
var DIFF_FORMATS;
var init_diff_formats = __esm({
  "src/cli/diff-formats.ts"() {
    "use strict";
    init_codequality();
    init_comment();
    init_markdown();
    init_sarif();
    DIFF_FORMATS = [
      {
        name: "markdown",
        description: "the review in GitHub Markdown, as the action's comment and job summary show it",
        render: (report) => renderMarkdown(report)
      },
      {
        name: "comment",
        description: "the pull-request comment as the action posts it (hidden markers, at-a-glance size)",
        render: (report) => commentBody(report, commentKey("", "", []), { previous: null, summaryUrl: null }).body
      },
      {
        name: "json",
        description: "the report as one JSON document (schemaVersion 2, described in the README)",
        render: (report) => JSON.stringify(report, null, 2) + "\n"
      },
      {
        name: "sarif",
        description: "SARIF 2.1.0 for code scanning: one result per widening, regression and unit problem",
        render: (report) => renderSarif(report)
      },
      {
        name: "codequality",
        description: "a GitLab Code Quality report for the merge-request widget",
        render: (report) => renderCodeQuality(report)
      }
    ];
  }
});

// src/cli/diff.ts
var diff_exports = {};
__export(diff_exports, {
  diffCommand: () => diffCommand,
  readDiffOptions: () => readDiffOptions
});
function readDiffOptions(args, env) {
  const { read: read2, positionals } = readCommandLine("diff", args, env);
  return {
    review: readReviewSettings(read2),
    format: readFormat(read2, DIFF_FORMATS),
    base: read2(OPTIONS.base),
    head: read2(OPTIONS.head),
    staged: read2(OPTIONS.staged),
    repo: read2(OPTIONS.repo),
    paths: positionals
  };
}
function diffCommand(args, io) {
  const options = readDiffOptions(args, io.env);
  if (options.staged && options.head !== "")
    throw new UsageError("--staged reviews the index as the head: give it or --head, not both");
  const dir = options.repo || io.cwd;
  const status = statusLine(io.terminal ?? NO_TERMINAL, io.stderr);
  try {
    const repo = (0, import_node_fs4.existsSync)(dir) ? GitRepo.open(dir) : null;
    if (repo === null) {
      throw new GitError(
        options.repo === "" ? `${dir} is not inside a git repository (run diff in one, or pass --repo DIR)` : `--repo ${options.repo}: not a directory inside a git repository (give the path of a clone or one of its directories)`
      );
    }
    const base = options.base !== "" ? commitOf(repo, options.base, "--base") : options.staged ? commitOf(repo, "HEAD", "--staged") : repo.resolve(repo.mergeBase(repo.defaultBranch(), "HEAD"));
    const head = options.staged ? stagedCommit(repo, base) : options.head === "" ? null : commitOf(repo, options.head, "--head");
    status.show(
      `systemd-exposure: reading the change from ${base.slice(0, 12)} to ${head === null ? "the work tree" : head.slice(0, 12)}…`
    );
    const input = snapshotsFromGit(repo, base, head, options.paths);
    status.show(`systemd-exposure: reviewing the units ${input.changes.length} changed files can reach…`);
    const report = diffSnapshots(input.base, input.head, input.changes, {
      ...options.review,
      toolVersion: TOOL_VERSION
    });
    status.clear();
    io.stdout(options.format.render(report));
    return report.verdict === "fail" ? 1 : 0;
  } catch (e) {
    status.clear();
    if (e instanceof GitError) {
      io.stderr(`systemd-exposure: ${e.message}
`);
      return 2;
    }
    throw e;
  }
}
function commitOf(repo, rev, flag) {
  try {
    return repo.resolve(rev);
  } catch {
    if (flag === "--staged")
      throw new GitError(
        `--staged compares the index with HEAD, and ${repo.dir} has no commit yet: commit once, or pass --base`
      );
    throw new GitError(
      `${flag} ${rev}: no such commit in ${repo.topLevel()} (give a branch, tag or commit id, e.g. ${flag} main or ${flag} HEAD~1; a remote branch needs 'git fetch' first)`
    );
  }
}
function stagedCommit(repo, base) {
  const tree = repo.run(["write-tree"]).trim();
  const env = {
    GIT_AUTHOR_NAME: "systemd-exposure",
    GIT_AUTHOR_EMAIL: "systemd-exposure@invalid",
    GIT_COMMITTER_NAME: "systemd-exposure",
    GIT_COMMITTER_EMAIL: "systemd-exposure@invalid"
  };
  return repo.run(["commit-tree", "-p", base, "-m", "systemd-exposure: the staged change", tree], void 0, env).trim();
}
var import_node_fs4;
var init_diff2 = __esm({
  "src/cli/diff.ts"() {
    "use strict";
    import_node_fs4 = require("node:fs");
    init_diff();
    init_from_git();
    init_git();
    init_option_table();
    init_review_settings();
    init_version();
    init_command_line();
    init_diff_formats();
    init_format_option();
    init_terminal();
    init_usage();
  }
});

// src/recommend/render-text.ts
function renderRecommendationText(r) {
  const out = [];
  out.push(`${r.unit} (${r.path}), systemd ${r.fleet}`);
  const phases = r.phases.length;
  const deferred = r.phases.reduce((n, p) => n + p.deferred.length, 0);
  out.push(
    phases === 0 ? `  Exposure ${r.exposure.toFixed(1)} ${r.verdict}: nothing to add.` : `  Exposure ${r.exposure.toFixed(1)} ${r.verdict} now, ${r.predicted.toFixed(1)} ${r.predictedVerdict} with the active lines of all ${phases} phase${phases === 1 ? "" : "s"}${deferred > 0 ? `; ${deferred} deferred line${deferred === 1 ? "" : "s"} not counted (${r.predictedIfAnswered.toFixed(1)} ${r.predictedIfAnsweredVerdict} with them)` : ""}.`
  );
  if (r.scores.length > 1) {
    out.push(
      `  Per version: ${r.scores.map((x) => `${x.version}: ${x.exposure.toFixed(1)} now, ${x.predicted.toFixed(1)} active, ${x.predictedIfAnswered.toFixed(1)} with every line`).join("; ")}.`
    );
  }
  if (phases > 0 && r.observe.length > 0) {
    out.push("", "  Observe first, on one host running it (PID: its main process):");
    for (const o of r.observe) out.push(`    ${o}`);
  }
  let previous = r.exposure;
  r.phases.forEach((p, i) => {
    const score3 = p.directives.length === 0 ? "deferred lines only" : `${previous.toFixed(1)} → ${p.exposure.toFixed(1)} ${p.verdict}`;
    out.push("", `  Phase ${i + 1}: ${p.name}, risk ${p.risk}: ${score3}`);
    previous = p.exposure;
    const width = Math.max(0, ...p.directives.map((d) => `${d.directive}=${d.value}`.length));
    for (const d of p.directives) {
      out.push(`    ${`${d.directive}=${d.value}`.padEnd(width)}  ${d.risk.padEnd(6)} ${d.reason}`);
    }
    let asked;
    let because;
    for (const d of p.deferred) {
      if (d.because !== because) out.push(`    deferred, ${d.because}:`);
      if (d.question !== asked || d.because !== because) out.push(`      ? ${d.question}`);
      asked = d.question;
      because = d.because;
      out.push(`        # ${d.directive}=${d.value}`);
    }
  });
  if (r.skipped.length > 0) {
    out.push("", "  Not suggested:");
    for (const s of r.skipped) out.push(`    ${s.directive}${s.value === void 0 ? "" : `=${s.value}`}: ${s.reason}`);
  }
  if (r.inEffect.length > 0) out.push("", `  Already in effect: ${r.inEffect.join(", ")}`);
  if (r.notes.length > 0) {
    out.push("", "  Notes:");
    for (const n of r.notes) out.push(`    ${n}`);
  }
  if (phases > 0) {
    out.push("", "  Roll out in rings:");
    for (const step of r.rollout) out.push(`    ${step}`);
    out.push(`  Rollback: ${r.rollback}`);
    out.push("", `  Drop-in ${r.dropin.path}:`, "", indent(r.dropin.content.trimEnd(), "    "));
  }
  return out.join("\n") + "\n";
}
var indent;
var init_render_text = __esm({
  "src/recommend/render-text.ts"() {
    "use strict";
    indent = (text2, by) => text2.split("\n").map((l) => l === "" ? l : by + l).join("\n");
  }
});

// src/cli/recommend-formats.ts
var RECOMMEND_FORMATS;
var init_recommend_formats = __esm({
  "src/cli/recommend-formats.ts"() {
    "use strict";
    init_render_text();
    RECOMMEND_FORMATS = [
      {
        name: "text",
        description: "the phased plan of each unit and its drop-in, to read",
        // Units that cannot be loaded print nothing here; their errors go to standard error.
        render: (results) => results.filter((r) => r.ok).map((r) => renderRecommendationText(r)).join("\n")
      },
      {
        name: "json",
        description: "one JSON array: per unit file, the phases with their scores and the drop-in",
        render: (results) => JSON.stringify(
          results.map((r) => {
            if (!r.ok) return { path: r.path, error: r.error };
            const { ok: _ok, ...rest } = r;
            return rest;
          })
        ) + "\n"
      }
    ];
  }
});

// src/cli/recommend.ts
var recommend_exports = {};
__export(recommend_exports, {
  recommendCommand: () => recommendCommand
});
function recommendCommand(args, io) {
  const { read: read2, positionals } = readCommandLine("recommend", args, io.env);
  const target = read2(OPTIONS.systemdVersion);
  const format = readFormat(read2, RECOMMEND_FORMATS);
  if (positionals.length === 0) throw new UsageError("recommend needs at least one UNIT_FILE or DIR");
  const units = unitArguments(io.source, positionals);
  for (const problem of units.problems) io.stderr(`${problem}
`);
  if (units.paths.length === 0) return 1;
  const results = units.paths.map((path) => {
    try {
      return recommendUnitFile(io.source, path, { version: target.versions[0], fleet: target });
    } catch (e) {
      if (!(e instanceof UnreadableFile)) throw e;
      return { ok: false, path, error: e.message };
    }
  });
  for (const r of results) if (!r.ok) io.stderr(`${r.path}: ${r.error}
`);
  io.stdout(format.render(results));
  return results.every((r) => r.ok) ? 0 : 1;
}
var init_recommend2 = __esm({
  "src/cli/recommend.ts"() {
    "use strict";
    init_option_table();
    init_recommend();
    init_source();
    init_command_line();
    init_format_option();
    init_recommend_formats();
    init_unit_args();
    init_usage();
  }
});

// src/cli/conformance.ts
var conformance_exports = {};
__export(conformance_exports, {
  conformanceCommand: () => conformanceCommand
});
function conformanceCommand(args, io) {
  const { read: read2, positionals } = readCommandLine("conformance", args, io.env);
  if (positionals.length !== 1) throw new UsageError("conformance needs exactly one corpus DIR");
  const dir = positionals[0];
  const given = read2(OPTIONS.conformanceVersions);
  const versions = given.length > 0 ? given : SYSTEMD_VERSIONS;
  const live = read2(OPTIONS.live);
  const verbose = read2(OPTIONS.verbose);
  const targetsFile = (0, import_node_path.join)(dir, "TARGETS.tsv");
  if (!(0, import_node_fs5.existsSync)(targetsFile)) throw new UsageError(`${targetsFile} not found`);
  const targets = readTargets((0, import_node_fs5.readFileSync)(targetsFile, "utf8"));
  const goldens = read2(OPTIONS.goldens) || (0, import_node_path.join)(dir, "golden");
  const oracle = read2(OPTIONS.oracle) || (0, import_node_path.join)(dir, "..", "oracle", "analyze");
  let allIdentical = true;
  for (const version of versions) {
    const summary = live ? null : readSummary((0, import_node_path.join)(goldens, version, "SUMMARY.tsv"));
    let identical = 0;
    let stdoutIdentical = 0;
    let stderrIdentical = 0;
    for (const t of targets) {
      const expected = live ? runOracle(oracle, version, dir, t) : goldenFor(goldens, version, t, summary);
      const { stdout, stderr } = compare(io, dir, version, t, expected);
      if (stdout !== null) io.stdout(`MISMATCH ${version} ${t.path}: ${stdout}
`);
      else stdoutIdentical++;
      if (stderr !== null) io.stdout(`MISMATCH ${version} ${t.path}: stderr ${stderr}
`);
      else stderrIdentical++;
      if (stdout === null && stderr === null) {
        identical++;
        if (verbose) io.stdout(`identical ${version} ${t.path}
`);
      }
    }
    const n = targets.length;
    io.stdout(
      `systemd ${version}: ${identical}/${n} identical (stdout ${stdoutIdentical}/${n}, stderr ${stderrIdentical}/${n})
`
    );
    if (identical !== n) allIdentical = false;
  }
  return allIdentical ? 0 : 1;
}
function readTargets(text2) {
  const lines2 = text2.split("\n").filter((l) => l.trim() !== "");
  const header = lines2[0].split("	");
  const argsCol = header.indexOf("args");
  return lines2.slice(1).map((l) => {
    const cols = l.split("	");
    const args = argsCol >= 0 && cols[argsCol] ? cols[argsCol].split(" ").filter((a) => a !== "") : [];
    return { path: cols[0], args };
  });
}
function readSummary(file) {
  const map = /* @__PURE__ */ new Map();
  for (const line of (0, import_node_fs5.readFileSync)(file, "utf8").split("\n").slice(1)) {
    if (line === "") continue;
    const cols = line.split("	");
    map.set(cols[0], cols);
  }
  return map;
}
function goldenFor(goldens, version, t, summary) {
  const cols = summary.get(t.path);
  if (!cols) throw new UsageError(`no golden for ${t.path} in ${version}/SUMMARY.tsv`);
  const jsonFile = (0, import_node_path.join)(goldens, version, `${t.path}.json`);
  const text2 = (0, import_node_fs5.existsSync)(jsonFile) ? (0, import_node_fs5.readFileSync)(jsonFile, "utf8").trim() : "";
  const stderrFile = (0, import_node_path.join)(goldens, version, `${t.path}.stderr`);
  return {
    stderr: (0, import_node_fs5.existsSync)(stderrFile) ? (0, import_node_fs5.readFileSync)(stderrFile, "utf8") : "",
    unit: cols[1] ?? "",
    exposure: cols[2] ?? "",
    verdict: cols[3] ?? "",
    rc: Number(cols[4] ?? "0"),
    rows: text2 === "" ? null : JSON.parse(text2.split("\n")[0])
  };
}
function runOracle(oracle, version, dir, t) {
  const run = (text3) => {
    try {
      const r = (0, import_node_child_process2.spawnSync)(oracle, [version, t.path, ...t.args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, ...text3 ? { ORACLE_TEXT: "1" } : {} },
        stdio: ["ignore", "pipe", "pipe"]
      });
      return { out: r.stdout ?? "", err: r.stderr ?? "", rc: r.status ?? 1 };
    } catch (e) {
      return { out: "", err: errorMessage(e), rc: 1 };
    }
  };
  const json = run(false);
  const text2 = run(true);
  const m = /Overall exposure level for (\S+): (\d+\.\d) (\S+)/.exec(text2.out);
  const first = json.out.trim().split("\n")[0] ?? "";
  return {
    rc: json.rc,
    unit: m?.[1] ?? "",
    exposure: m?.[2] ?? "",
    verdict: m?.[3] ?? "",
    rows: first.startsWith("[") ? JSON.parse(first) : null,
    stderr: json.err
  };
}
function compare(io, dir, version, t, expected) {
  const stderr = (ours) => expected.stderr === null ? null : compareStderr(normalisePaths(io, dir, ours), normalisePaths(io, dir, expected.stderr));
  let policy;
  let threshold = 100;
  for (const a of t.args) {
    const [k, v] = a.split("=", 2);
    if (k === "--security-policy" && v) {
      try {
        policy = parseSecurityPolicy((0, import_node_fs5.readFileSync)((0, import_node_path.join)(dir, v), "utf8"), v, VERSION_TRAITS[version]);
      } catch (e) {
        return {
          stdout: expected.rc === 1 && expected.rows === null ? null : `we refuse the policy: ${errorMessage(e)}`,
          stderr: stderr(`${errorMessage(e)}
`)
        };
      }
    } else if (k === "--threshold" && v !== void 0) {
      const parsed = THRESHOLD.parse(v);
      if (parsed === void 0)
        return {
          stdout: expected.rc === 1 && expected.rows === null ? null : `we refuse --threshold=${v}, systemd accepts it`,
          stderr: stderr("")
        };
      threshold = parsed;
    }
  }
  const location = { workingDirectory: dir, absoluteRoot: io.cwd };
  const r = assessUnitFile(io.source, (0, import_node_path.join)(dir, t.path), policy ? { version, policy, location } : { version, location });
  const shellCwd = io.shellCwd ?? io.cwd;
  return {
    stdout: compareStdout(r, expected, threshold),
    stderr: stderr(unitMessages(r, (file) => systemdPath(file, shellCwd)))
  };
}
function compareStdout(r, expected, threshold) {
  const expectLoad = expected.rows !== null;
  if (!r.ok) return expectLoad ? `we refuse (${r.error}), systemd scores it ${expected.exposure}` : null;
  if (!expectLoad) return `systemd refuses it (rc ${expected.rc}), we score it ${formatExposure(r.exposure)}`;
  const ourRc = r.exposure > threshold ? 1 : 0;
  if (expected.unit !== "" && expected.unit !== r.unit) return `unit ${r.unit}, systemd says ${expected.unit}`;
  if (expected.exposure !== "" && expected.exposure !== formatExposure(r.exposure))
    return `exposure ${formatExposure(r.exposure)}, systemd says ${expected.exposure}`;
  if (expected.verdict !== "" && expected.verdict !== r.verdict)
    return `verdict ${r.verdict}, systemd says ${expected.verdict}`;
  if (ourRc !== expected.rc) return `exit status ${ourRc}, systemd's ${expected.rc}`;
  const ours = jsonRows(r);
  const theirs = expected.rows;
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    const a = JSON.stringify(ours[i]);
    const b = JSON.stringify(theirs[i]);
    if (a !== b) return `row ${i}: ours ${a}, systemd's ${b}`;
  }
  return null;
}
function normalisePaths(io, dir, text2) {
  const absolute = (0, import_node_path.resolve)(io.cwd, dir);
  const prefixes = [
    `${systemdPath(dir, io.shellCwd ?? io.cwd)}/`,
    `${absolute}/`,
    `${(0, import_node_fs5.realpathSync)(absolute)}/`,
    `${(0, import_node_path.join)(dir, ".")}/`
  ];
  return prefixes.reduce((t, p) => t.split(p).join(""), text2);
}
function compareStderr(ours, theirs) {
  const a = lines(ours);
  const b = lines(theirs);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === void 0) return `line ${i + 1}: systemd's ${JSON.stringify(b[i])}, ours missing`;
    if (b[i] === void 0) return `line ${i + 1}: ours ${JSON.stringify(a[i])}, systemd prints no more`;
    return `line ${i + 1}: ours ${JSON.stringify(a[i])}, systemd's ${JSON.stringify(b[i])}`;
  }
  return null;
}
function lines(text2) {
  const l = text2.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}
var import_node_child_process2, import_node_fs5, import_node_path;
var init_conformance = __esm({
  "src/cli/conformance.ts"() {
    "use strict";
    import_node_child_process2 = require("node:child_process");
    import_node_fs5 = require("node:fs");
    import_node_path = require("node:path");
    init_engine();
    init_exposure();
    init_policy();
    init_versions();
    init_option_table();
    init_value_types();
    init_score_text();
    init_error_message();
    init_command_line();
    init_score_units();
    init_systemd_paths();
    init_usage();
  }
});

// src/cli/output-formats.ts
var OUTPUT_FORMATS;
var init_output_formats = __esm({
  "src/cli/output-formats.ts"() {
    "use strict";
    init_diff_formats();
    init_recommend_formats();
    init_score_formats();
    OUTPUT_FORMATS = {
      score: SCORE_FORMATS,
      recommend: RECOMMEND_FORMATS,
      diff: DIFF_FORMATS
    };
  }
});

// src/cli/usage-text.ts
var usage_text_exports = {};
__export(usage_text_exports, {
  COMMAND_NAMES: () => COMMAND_NAMES,
  GLOBAL_FLAGS: () => GLOBAL_FLAGS,
  commandHelp: () => commandHelp,
  optionLines: () => optionLines,
  synopsis: () => synopsis,
  usageText: () => usageText
});
function usageText(full = true) {
  const head = "Usage: systemd-exposure COMMAND [OPTIONS] ...\n\n";
  if (!full) {
    const synopses = COMMAND_NAMES.flatMap((command) => synopsis(command, `  ${command} `));
    return `${head}${synopses.join("\n")}

'systemd-exposure help' describes every option and format.
`;
  }
  const column = optionColumn();
  const sections = COMMAND_NAMES.map((command) => commandSection(command, column).join("\n"));
  const footer2 = [
    `Booleans: ${BOOLEAN_WORDS.true.join(", ")} / ${BOOLEAN_WORDS.false.join(", ")}, in any case; a boolean flag alone means true.`,
    "An option given empty (--base=) takes its default. The action reads its inputs the same way.",
    `Supported systemd versions: ${SYSTEMD_VERSIONS.join(", ")}.`,
    "'systemd-exposure help COMMAND' or 'systemd-exposure COMMAND --help' (-h) describes one command; 'systemd-exposure --version' prints the version."
  ];
  return `${head}Commands:

${sections.join("\n\n")}

${footer2.flatMap((p) => wrap(p.split(" "), "", "")).join("\n")}
`;
}
function commandHelp(command) {
  const lines2 = [
    ...synopsis(command, `Usage: systemd-exposure ${command} `),
    "",
    ...wrap(COMMANDS[command].summary.split(" "), "", ""),
    "",
    "Options:",
    ...optionLines(command)
  ];
  return `${lines2.join("\n")}
`;
}
function optionLines(command) {
  const column = 2 + Math.max(...optionRows(command).map(([label]) => label.length)) + 2;
  return optionRows(command).flatMap(
    ([label, description]) => wrap(description.split(" "), `  ${label}`.padEnd(column), " ".repeat(column))
  );
}
function optionColumn() {
  return 6 + Math.max(...COMMAND_NAMES.flatMap((c) => optionRows(c).map(([label]) => label.length))) + 2;
}
function commandSection(command, column) {
  const lines2 = synopsis(command, `  ${command} `);
  lines2.push(...wrap(COMMANDS[command].summary.split(" "), "      ", "      "));
  for (const [label, description] of optionRows(command)) {
    lines2.push(...wrap(description.split(" "), `      ${label}`.padEnd(column), " ".repeat(column)));
  }
  return lines2;
}
function synopsis(command, lead) {
  const tokens = commandOptions(command).map((o) => {
    const option = withFormats(command, o);
    const value2 = option.type === BOOLEAN ? option.default === "true" ? " true|false" : "" : ` ${option.type.placeholder}`;
    return `[--${option.flag}${value2}]${option.list ? "..." : ""}`;
  });
  tokens.push(COMMANDS[command].operands);
  return wrap(tokens, lead, " ".repeat(lead.length));
}
function optionRows(command) {
  return commandOptions(command).flatMap((o) => {
    if (o === OPTIONS.format) {
      return OUTPUT_FORMATS[command].map((f, i) => [
        `--format ${f.name}`,
        `${f.description}${i === 0 ? " (default)" : ""}`
      ]);
    }
    return [[`--${o.flag}`, o.description + defaultNote(o)]];
  });
}
function defaultNote(o) {
  if (o.list || o.default === "" || o.type === BOOLEAN && o.default === "false") return "";
  return o.env === void 0 ? ` (default: ${o.default})` : ` (default: $${o.env}, else ${o.default})`;
}
function withFormats(command, o) {
  return o === OPTIONS.format ? formatOption(OUTPUT_FORMATS[command]) : o;
}
function wrap(words2, first, next) {
  const lines2 = [];
  let line = [];
  let used = first.length;
  for (const word of words2) {
    if (line.length > 0 && used + 1 + word.length > WIDTH) {
      lines2.push((lines2.length === 0 ? first : next) + line.join(" "));
      line = [];
      used = next.length;
    }
    used += (line.length > 0 ? 1 : 0) + word.length;
    line.push(word);
  }
  lines2.push((lines2.length === 0 ? first : next) + line.join(" "));
  return lines2;
}
var WIDTH, COMMANDS, COMMAND_NAMES, GLOBAL_FLAGS;
var init_usage_text = __esm({
  "src/cli/usage-text.ts"() {
    "use strict";
    init_versions();
    init_option_table();
    init_value_types();
    init_format_option();
    init_output_formats();
    WIDTH = 100;
    COMMANDS = {
      score: {
        operands: "(UNIT_FILE|DIR)...",
        summary: "Exposure score, verdict and rows of each service, as systemd-analyze security --offline=true prints them; a DIR stands for the unit files under it. Exit 1 when a unit cannot be loaded or its exposure is above the threshold."
      },
      recommend: {
        operands: "(UNIT_FILE|DIR)...",
        summary: "Phased hardening advice per unit (a DIR stands for the unit files under it), each phase with the score it reaches (computed by the engine on the unit with the drop-in applied) and a ready-to-paste drop-in."
      },
      diff: {
        operands: "[PATH...]",
        summary: "Review the services changed between two revisions of the git repository here. Exit 1 when the gate fails (by default: a service's capabilities widen), 2 on usage or git errors."
      },
      conformance: {
        operands: "DIR",
        summary: "Compare the engine with the goldens of a corpus directory, or with systemd-analyze itself (--live)."
      }
    };
    COMMAND_NAMES = Object.keys(COMMANDS);
    GLOBAL_FLAGS = ["--help", "--version"];
  }
});

// src/cli/main.ts
var import_node_fs6 = require("node:fs");
init_error_message();
init_fs_source();
init_version();

// src/cli/score.ts
init_policy();
init_versions();
init_option_table();
init_byte_sink();
init_error_message();
init_command_line();
init_format_option();
init_score_formats();
init_score_units();
init_systemd_paths();
init_terminal();
init_unit_args();
init_usage();
function scoreCommand(args, io) {
  const { read: read2, positionals } = readCommandLine("score", args, io.env);
  const terminal = io.terminal ?? NO_TERMINAL;
  const version = read2(OPTIONS.systemdVersion).versions[0];
  const format = readFormat(read2, SCORE_FORMATS);
  const threshold = read2(OPTIONS.threshold);
  const policyFile = read2(OPTIONS.securityPolicy);
  if (positionals.length === 0) throw new UsageError("score needs at least one UNIT_FILE or DIR");
  const units = unitArguments(io.source, positionals);
  for (const problem of units.problems) io.stderr(`${problem}
`);
  if (units.paths.length === 0) return 1;
  let policy;
  if (policyFile !== "") {
    try {
      policy = parseSecurityPolicy(io.readTextFile(policyFile), policyFile, VERSION_TRAITS[version]);
    } catch (e) {
      io.stderr(
        `${e instanceof PolicyError ? e.message : `Failed to read security policy ${policyFile}: ${errorMessage(e)}`}
`
      );
      return 1;
    }
  }
  const job = {
    paths: units.paths,
    // Paths as given, read from here: systemd-analyze run in this directory on the same arguments.
    assess: policy ? { version, policy, location: { absoluteRoot: io.cwd } } : { version, location: { absoluteRoot: io.cwd } },
    render: format.render,
    threshold,
    displayPath: (file) => systemdPath(file, io.shellCwd ?? io.cwd),
    style: { emoji: emojiEnabled(io.env), colour: colourEnabled(io.env, terminal) }
  };
  const out = new ByteSink(io.stdout);
  const progress = progressLine(terminal, units.paths.length, "systemd-exposure: scored", io.stderr);
  const warn = (text2) => {
    if (terminal.stdout) out.flush();
    progress.clear();
    io.stderr(text2);
  };
  const outcome = scoreUnits(io.source, job, out, warn, (done) => progress.update(done));
  out.flush();
  progress.clear();
  return outcome.failed ? 1 : 0;
}

// src/cli/main.ts
init_systemd_paths();
init_usage();
function defaultIO() {
  ;
  process.stdout._handle?.setBlocking?.(true);
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readTextFile: (p) => (0, import_node_fs6.readFileSync)(p, "utf8"),
    source: fileSystemSource(),
    env: process.env,
    cwd: process.cwd(),
    shellCwd: shellWorkingDirectory(process.env, process.cwd()),
    terminal: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true }
  };
}
async function runCli(argv, io = defaultIO()) {
  const [command, ...rest] = argv;
  try {
    if (command !== void 0 && command !== "help" && asksForHelp(rest)) return await helpCommand([command], io);
    switch (command) {
      case "score":
        return scoreCommand(rest, io);
      // The other commands are loaded when asked for: `score` over thousands of units is timed
      // from process start, and compiling code it never runs is part of that time.
      case "diff":
        return (await Promise.resolve().then(() => (init_diff2(), diff_exports))).diffCommand(rest, io);
      case "recommend":
        return (await Promise.resolve().then(() => (init_recommend2(), recommend_exports))).recommendCommand(rest, io);
      case "conformance":
        return (await Promise.resolve().then(() => (init_conformance(), conformance_exports))).conformanceCommand(rest, io);
      case "--version":
      case "-V":
        io.stdout(`${TOOL_VERSION}
`);
        return 0;
      case "help":
        if (rest.length > 0) return await helpCommand(rest, io);
        io.stdout(await usageText2());
        return 0;
      case void 0:
      case "-h":
      case "--help":
        io.stdout(await usageText2());
        return command === void 0 ? 2 : 0;
      default:
        throw new UsageError(
          `unknown command '${command}' (commands: ${(await Promise.resolve().then(() => (init_usage_text(), usage_text_exports))).COMMAND_NAMES.join(", ")})`
        );
    }
  } catch (e) {
    if (e instanceof UsageError || e.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`systemd-exposure: ${errorMessage(e)}

${await usageText2(false)}`);
      return 2;
    }
    throw e;
  }
}
function asksForHelp(args) {
  for (const arg of args) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}
async function helpCommand(args, io) {
  const { COMMAND_NAMES: COMMAND_NAMES2, commandHelp: commandHelp2 } = await Promise.resolve().then(() => (init_usage_text(), usage_text_exports));
  const [name, ...extra] = args;
  if (extra.length > 0) throw new UsageError(`help takes one COMMAND, got ${args.length}`);
  if (!COMMAND_NAMES2.includes(name))
    throw new UsageError(`no command '${name}' (commands: ${COMMAND_NAMES2.join(", ")})`);
  io.stdout(commandHelp2(name));
  return 0;
}
async function usageText2(full = true) {
  return (await Promise.resolve().then(() => (init_usage_text(), usage_text_exports))).usageText(full);
}

// src/cli/v8-tuning.ts
var import_node_v8 = require("node:v8");
var TUNED_V8_MAJOR = 11;
function tuneV8ForShortRuns(v8Version = process.versions.v8) {
  if (Number.parseInt(v8Version, 10) !== TUNED_V8_MAJOR) return;
  (0, import_node_v8.setFlagsFromString)("--no-turbo-inlining");
}

// src/cli.ts
if (process.argv[2] === "score") tuneV8ForShortRuns();
void runCli(process.argv.slice(2)).then((status) => {
  process.exitCode = status;
});
