import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  recommendUnitFile
} from "./chunk-5H722F3N.js";
import {
  parseChoice,
  parseVersion
} from "./chunk-7CPUXHYH.js";
import {
  UsageError
} from "./chunk-O4AFDTFO.js";

// src/cli/recommend.ts
import { parseArgs } from "node:util";

// src/recommend/render-text.ts
var indent = (text, by) => text.split("\n").map((l) => l === "" ? l : by + l).join("\n");
function renderRecommendationText(r) {
  const out = [];
  out.push(`${r.unit} (${r.path}), systemd ${r.systemdVersion}`);
  const phases = r.phases.length;
  out.push(
    phases === 0 ? `  Exposure ${r.exposure.toFixed(1)} ${r.verdict}: nothing to add.` : `  Exposure ${r.exposure.toFixed(1)} ${r.verdict} now, ${r.predicted.toFixed(1)} ${r.predictedVerdict} with all ${phases} phase${phases === 1 ? "" : "s"}.`
  );
  let previous = r.exposure;
  r.phases.forEach((p, i) => {
    out.push("", `  Phase ${i + 1}: ${p.name}, risk ${p.risk}: ${previous.toFixed(1)} → ${p.exposure.toFixed(1)} ${p.verdict}`);
    previous = p.exposure;
    const width = Math.max(...p.directives.map((d) => `${d.directive}=${d.value}`.length));
    for (const d of p.directives) {
      out.push(`    ${`${d.directive}=${d.value}`.padEnd(width)}  ${d.risk.padEnd(6)} ${d.reason}`);
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
    out.push("", `  Drop-in ${r.dropin.path}:`, "", indent(r.dropin.content.trimEnd(), "    "));
  }
  return out.join("\n") + "\n";
}

// src/cli/recommend.ts
function recommendCommand(args, io) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      "systemd-version": { type: "string" },
      format: { type: "string" }
    }
  });
  const version = parseVersion(values["systemd-version"], io.env);
  const format = parseChoice("format", values.format, ["text", "json"], "text");
  if (positionals.length === 0) throw new UsageError("recommend needs at least one UNIT_FILE");
  const results = positionals.map((path) => {
    try {
      return recommendUnitFile(io.source, path, { version });
    } catch (e) {
      return { ok: false, path, error: e.message };
    }
  });
  for (const r of results) if (!r.ok) io.stderr(`${r.path}: ${r.error}
`);
  if (format === "json") {
    const doc = results.map((r) => {
      if (!r.ok) return { path: r.path, error: r.error };
      const { ok: _ok, ...rest } = r;
      return rest;
    });
    io.stdout(JSON.stringify(doc) + "\n");
  } else {
    io.stdout(results.filter((r) => r.ok).map((r) => renderRecommendationText(r)).join("\n"));
  }
  return results.every((r) => r.ok) ? 0 : 1;
}
export {
  recommendCommand
};
