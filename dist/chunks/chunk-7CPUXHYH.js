import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_SYSTEMD_VERSION,
  SYSTEMD_VERSIONS,
  UsageError,
  isSystemdVersion
} from "./chunk-O4AFDTFO.js";

// src/cli/options.ts
function parseVersion(value, env) {
  const v = value ?? env["SYSTEMD_EXPOSURE_VERSION"] ?? DEFAULT_SYSTEMD_VERSION;
  if (!isSystemdVersion(v)) {
    throw new UsageError(`--systemd-version must be one of ${SYSTEMD_VERSIONS.join(", ")}, got '${v}'`);
  }
  return v;
}
function parseChoice(name, value, choices, fallback) {
  if (value === void 0) return fallback;
  if (!choices.includes(value)) {
    throw new UsageError(`--${name} must be one of ${choices.join(", ")}, got '${value}'`);
  }
  return value;
}
function parseThreshold(value) {
  if (value === void 0) return 100;
  if (!/^[0-9]+$/.test(value) || Number(value) > 100) {
    throw new UsageError(`--threshold must be an integer from 0 to 100 (ten times the score), got '${value}'`);
  }
  return Number(value);
}

export {
  parseVersion,
  parseChoice,
  parseThreshold
};
