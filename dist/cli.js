#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  fileSystemSource
} from "./chunks/chunk-IGR2VK4I.js";
import {
  parseChoice,
  parseThreshold,
  parseVersion
} from "./chunks/chunk-7CPUXHYH.js";
import {
  ByteSink,
  PolicyError,
  parseSecurityPolicy,
  writeJsonRows,
  writeScoreText
} from "./chunks/chunk-MCBBSV4Q.js";
import {
  USAGE,
  UsageError,
  VERSION_TRAITS,
  assessUnitFile,
  formatExposure
} from "./chunks/chunk-O4AFDTFO.js";

// src/cli/main.ts
import { readFileSync } from "node:fs";

// src/cli/score.ts
import { parseArgs } from "node:util";

// src/unit/diagnostics.ts
function formatDiagnostic(d) {
  return d.line > 0 ? `${d.file}:${d.line}: ${d.message}` : `${d.file}: ${d.message}`;
}

// src/cli/score-units.ts
function scoreUnits(source, job, out) {
  let messages = "";
  let failed = false;
  if (job.format === "json") out.text("[");
  for (let i = 0; i < job.paths.length; i++) {
    const r = assessUnitFile(source, job.paths[i], job.assess);
    for (const d of r.diagnostics) messages += `${formatDiagnostic(d)}
`;
    if (!r.ok) {
      failed = true;
      messages += `${r.path}: ${r.error}
`;
    } else if (r.exposure > job.threshold) failed = true;
    if (job.format === "json") {
      if (i > 0) out.text(",");
      writeJsonEntry(r, out);
    } else if (r.ok) writeScoreText(r, out, { emoji: job.emoji });
  }
  if (job.format === "json") out.text("]\n");
  return { messages, failed };
}
function writeJsonEntry(r, out) {
  if (!r.ok) {
    out.text(JSON.stringify({ path: r.path, error: r.error }));
    return;
  }
  const exposure = String(Number(formatExposure(r.exposure)));
  out.text(`{"unit":${JSON.stringify(r.unit)},"path":${JSON.stringify(r.path)},"exposure":${exposure},"verdict":${JSON.stringify(r.verdict)},"items":`);
  writeJsonRows(r, out);
  out.text("}");
}

// src/cli/score.ts
function scoreCommand(args, io) {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      "systemd-version": { type: "string" },
      format: { type: "string" },
      threshold: { type: "string" },
      "security-policy": { type: "string" }
    }
  });
  const version = parseVersion(values["systemd-version"], io.env);
  const format = parseChoice("format", values.format, ["text", "json"], "text");
  const threshold = parseThreshold(values.threshold);
  if (positionals.length === 0) throw new UsageError("score needs at least one UNIT_FILE");
  let policy;
  const policyFile = values["security-policy"];
  if (policyFile !== void 0) {
    try {
      policy = parseSecurityPolicy(io.readTextFile(policyFile), policyFile, VERSION_TRAITS[version]);
    } catch (e) {
      io.stderr(`${e instanceof PolicyError ? e.message : `Failed to read security policy ${policyFile}: ${e.message}`}
`);
      return 1;
    }
  }
  const job = {
    paths: positionals,
    assess: policy ? { version, policy } : { version },
    format,
    threshold,
    emoji: emojiEnabled(io.env)
  };
  const out = new ByteSink(io.stdout, { reuse: true });
  const outcome = scoreUnits(io.source, job, out);
  out.flush();
  if (outcome.messages !== "") io.stderr(outcome.messages);
  return outcome.failed ? 1 : 0;
}
function emojiEnabled(env) {
  const forced = env["SYSTEMD_EMOJI"];
  if (forced !== void 0) return !/^(0|no|false|off)$/i.test(forced);
  const term = env["TERM"];
  return term !== void 0 && term !== "dumb" && term !== "linux";
}

// src/cli/main.ts
function defaultIO() {
  ;
  process.stdout._handle?.setBlocking?.(true);
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readTextFile: (p) => readFileSync(p, "utf8"),
    source: fileSystemSource(),
    env: process.env,
    cwd: process.cwd()
  };
}
async function runCli(argv, io = defaultIO()) {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "score":
        return scoreCommand(rest, io);
      // The other commands are loaded when asked for: `score` over thousands of units is timed
      // from process start, and compiling code it never runs is part of that time.
      case "diff":
        return (await import("./chunks/diff-7NKLZLWT.js")).diffCommand(rest, io);
      case "recommend":
        return (await import("./chunks/recommend-VKVTCOJM.js")).recommendCommand(rest, io);
      case "conformance":
        return await (await import("./chunks/conformance-CO2QSD7E.js")).conformanceCommand(rest, io);
      case void 0:
      case "-h":
      case "--help":
      case "help":
        io.stdout(USAGE);
        return command === void 0 ? 2 : 0;
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (e) {
    if (e instanceof UsageError || e.code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr(`systemd-exposure: ${e.message}

${USAGE}`);
      return 2;
    }
    throw e;
  }
}

// src/cli.ts
process.exitCode = await runCli(process.argv.slice(2));
