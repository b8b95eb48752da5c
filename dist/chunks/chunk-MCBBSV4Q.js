import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  formatExposure,
  verdictEmoji
} from "./chunk-O4AFDTFO.js";

// src/model/policy.ts
var PolicyError = class extends Error {
};
function parseSecurityPolicy(text, file, traits) {
  let doc;
  try {
    doc = JSON.parse(traits.policyIgnoresExponentNumbers ? hideExponentNumbers(text) : text);
  } catch (e) {
    throw new PolicyError(`Failed to parse '${file}': ${e.message}`);
  }
  const policy = /* @__PURE__ */ new Map();
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    if (traits.policyMustBeObject) throw new PolicyError(`Security policy '${file}' is not a JSON object`);
    return policy;
  }
  for (const [key, value] of Object.entries(doc)) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) continue;
    const v = value;
    const entry = {};
    const weight = unsigned(v["weight"]);
    const range = unsigned(v["range"]);
    if (weight !== void 0) entry.weight = weight;
    if (range !== void 0) entry.range = range;
    if (typeof v["description_good"] === "string") entry.descriptionGood = v["description_good"];
    if (typeof v["description_bad"] === "string") entry.descriptionBad = v["description_bad"];
    if (typeof v["description_na"] === "string") entry.descriptionNa = v["description_na"];
    policy.set(key, entry);
  }
  return policy;
}
function unsigned(v) {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : void 0;
}
function hideExponentNumbers(text) {
  return text.replace(
    /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?[eE]([+-]?\d+)/g,
    (m, exp) => m.startsWith('"') || exp === void 0 || Number(exp) < 3 ? m : `"${m}"`
  );
}

// src/report/byte-sink.ts
var encoder = new TextEncoder();
var ByteSink = class {
  constructor(emit, options = {}) {
    this.emit = emit;
    this.blockSize = options.blockSize ?? 256 * 1024;
    this.reuse = options.reuse ?? false;
    this.block = new Uint8Array(this.blockSize);
  }
  emit;
  block;
  used = 0;
  blockSize;
  reuse;
  text(text) {
    if (text.length * 3 > this.blockSize - this.used) {
      this.flush();
      if (text.length * 3 > this.blockSize) return this.emit(encoder.encode(text));
    }
    this.used += encoder.encodeInto(text, this.block.subarray(this.used)).written;
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
    if (!this.reuse) this.block = new Uint8Array(this.blockSize);
    this.used = 0;
  }
};

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
  for (const r of a.rows) sink.bytes(rowLine(r, nameWidth, descWidth));
  const emoji = style.emoji ? ` ${verdictEmoji(a.verdict)}` : "";
  sink.text(`
→ Overall exposure level for ${a.unit}: ${formatExposure(a.exposure)} ${a.verdict}${emoji}
`);
}
var encoder2 = new TextEncoder();
var rowLineCache = /* @__PURE__ */ new WeakMap();
var ROW_LINE_CACHE_MAX = 5e4;
var rowLinesCached = 0;
function rowLine(r, nameWidth, descWidth) {
  const cached = rowLineCache.get(r)?.get(nameWidth)?.get(descWidth);
  if (cached !== void 0) return cached;
  const mark = r.set === null ? " " : r.set ? "✓" : "✗";
  const name = r.id.padEnd(nameWidth);
  const description = (r.description ?? "").padEnd(descWidth);
  const line = encoder2.encode(`${mark} ${name} ${description} ${r.exposure === null ? "" : formatExposure(r.exposure).padStart(8)}
`);
  if (rowLinesCached < ROW_LINE_CACHE_MAX) {
    rowLinesCached++;
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
var rowJsonCache = /* @__PURE__ */ new WeakMap();
function writeJsonRows(a, sink) {
  const rows = a.rows;
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
var OPEN = encoder2.encode("[");
var CLOSE = encoder2.encode("]");
var EMPTY_ARRAY = encoder2.encode("[]");

export {
  PolicyError,
  parseSecurityPolicy,
  ByteSink,
  writeScoreText,
  jsonRows,
  writeJsonRows
};
