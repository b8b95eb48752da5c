import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  jsonRows,
  parseSecurityPolicy
} from "./chunk-MCBBSV4Q.js";
import {
  SYSTEMD_VERSIONS,
  UsageError,
  VERSION_TRAITS,
  assessUnitFile,
  formatExposure,
  isSystemdVersion
} from "./chunk-O4AFDTFO.js";

// src/cli/conformance.ts
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
async function conformanceCommand(args, io) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      "systemd-version": { type: "string", multiple: true },
      goldens: { type: "string" },
      live: { type: "boolean" },
      oracle: { type: "string" },
      verbose: { type: "boolean" }
    }
  });
  if (positionals.length !== 1) throw new UsageError("conformance needs exactly one corpus DIR");
  const dir = positionals[0];
  const versions = (values["systemd-version"] ?? [...SYSTEMD_VERSIONS]).map((v) => {
    if (!isSystemdVersion(v)) throw new UsageError(`unknown systemd version '${v}'`);
    return v;
  });
  const targetsFile = join(dir, "TARGETS.tsv");
  if (!existsSync(targetsFile)) throw new UsageError(`${targetsFile} not found`);
  const targets = readTargets(readFileSync(targetsFile, "utf8"));
  const goldens = values.goldens ?? join(dir, "golden");
  const oracle = values.oracle ?? join(dir, "..", "oracle", "analyze");
  let allIdentical = true;
  for (const version of versions) {
    const summary = values.live ? null : readSummary(join(goldens, version, "SUMMARY.tsv"));
    let identical = 0;
    for (const t of targets) {
      const expected = values.live ? runOracle(oracle, version, dir, t) : goldenFor(goldens, version, t, summary);
      const mismatch = compare(io, dir, version, t, expected);
      if (mismatch === null) identical++;
      else io.stdout(`MISMATCH ${version} ${t.path}: ${mismatch}
`);
    }
    io.stdout(`systemd ${version}: ${identical}/${targets.length} identical
`);
    if (identical !== targets.length) allIdentical = false;
  }
  return allIdentical ? 0 : 1;
}
function readTargets(text) {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  const header = lines[0].split("	");
  const argsCol = header.indexOf("args");
  return lines.slice(1).map((l) => {
    const cols = l.split("	");
    const args = argsCol >= 0 && cols[argsCol] ? cols[argsCol].split(" ").filter((a) => a !== "") : [];
    return { path: cols[0], args };
  });
}
function readSummary(file) {
  const map = /* @__PURE__ */ new Map();
  for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
    if (line === "") continue;
    const cols = line.split("	");
    map.set(cols[0], cols);
  }
  return map;
}
function goldenFor(goldens, version, t, summary) {
  const cols = summary.get(t.path);
  if (!cols) throw new UsageError(`no golden for ${t.path} in ${version}/SUMMARY.tsv`);
  const jsonFile = join(goldens, version, `${t.path}.json`);
  const text = existsSync(jsonFile) ? readFileSync(jsonFile, "utf8").trim() : "";
  return {
    unit: cols[1] ?? "",
    exposure: cols[2] ?? "",
    verdict: cols[3] ?? "",
    rc: Number(cols[4] ?? "0"),
    rows: text === "" ? null : JSON.parse(text.split("\n")[0])
  };
}
function runOracle(oracle, version, dir, t) {
  const run = (text2) => {
    try {
      const out = execFileSync(oracle, [version, t.path, ...t.args], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, ...text2 ? { ORACLE_TEXT: "1" } : {} },
        stdio: ["ignore", "pipe", "ignore"]
      });
      return { out, rc: 0 };
    } catch (e) {
      const err = e;
      return { out: err.stdout ?? "", rc: err.status ?? 1 };
    }
  };
  const json = run(false);
  const text = run(true);
  const m = /Overall exposure level for (\S+): (\d+\.\d) (\S+)/.exec(text.out);
  const first = json.out.trim().split("\n")[0] ?? "";
  return {
    rc: json.rc,
    unit: m?.[1] ?? "",
    exposure: m?.[2] ?? "",
    verdict: m?.[3] ?? "",
    rows: first.startsWith("[") ? JSON.parse(first) : null
  };
}
function compare(io, dir, version, t, expected) {
  let policy;
  let threshold = 100;
  for (const a of t.args) {
    const [k, v] = a.split("=", 2);
    if (k === "--security-policy" && v) {
      try {
        policy = parseSecurityPolicy(readFileSync(join(dir, v), "utf8"), v, VERSION_TRAITS[version]);
      } catch (e) {
        return expected.rc === 1 && expected.rows === null ? null : `we refuse the policy: ${e.message}`;
      }
    } else if (k === "--threshold" && v !== void 0) {
      if (!/^[0-9]+$/.test(v) || Number(v) > 100) {
        return expected.rc === 1 && expected.rows === null ? null : `we refuse --threshold=${v}, systemd accepts it`;
      }
      threshold = Number(v);
    }
  }
  const r = assessUnitFile(io.source, join(dir, t.path), policy ? { version, policy } : { version });
  const expectLoad = expected.rows !== null;
  if (!r.ok) return expectLoad ? `we refuse (${r.error}), systemd scores it ${expected.exposure}` : null;
  if (!expectLoad) return `systemd refuses it (rc ${expected.rc}), we score it ${formatExposure(r.exposure)}`;
  const ourRc = r.exposure > threshold ? 1 : 0;
  if (expected.unit !== "" && expected.unit !== r.unit) return `unit ${r.unit}, systemd says ${expected.unit}`;
  if (expected.exposure !== "" && expected.exposure !== formatExposure(r.exposure))
    return `exposure ${formatExposure(r.exposure)}, systemd says ${expected.exposure}`;
  if (expected.verdict !== "" && expected.verdict !== r.verdict) return `verdict ${r.verdict}, systemd says ${expected.verdict}`;
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
export {
  conformanceCommand
};
