import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  basename,
  dirname
} from "./chunk-O4AFDTFO.js";

// src/unit/fs-source.ts
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from "node:fs";
var MAX_UNIT_FILE_BYTES = 64 * 1024 * 1024;
function fileSystemSource() {
  const listings = /* @__PURE__ */ new Map();
  const listing = (dir, consultParent) => {
    let l = listings.get(dir);
    if (l === void 0) {
      l = consultParent && !parentMayHold(dir) ? null : readListing(dir);
      listings.set(dir, l);
    }
    return l;
  };
  const parentMayHold = (dir) => {
    const name = basename(dir);
    if (name === "" || name === "." || name === "..") return true;
    const parent = listing(dirname(dir), false);
    if (parent === null) return true;
    if (parent.names.length <= 16) return parent.names.includes(name);
    parent.set ??= new Set(parent.names);
    return parent.set.has(name);
  };
  return {
    read: readUnitFile,
    list: (dir) => listing(dir, true)?.names ?? null
  };
}
function readListing(dir) {
  try {
    return { names: readdirSync(dir) };
  } catch {
    return null;
  }
}
var scratch = Buffer.allocUnsafe(64 * 1024);
function readUnitFile(path) {
  let fd;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return null;
  }
  try {
    const got = readSync(fd, scratch, 0, scratch.length, null);
    if (got > 0 && got < scratch.length) return Uint8Array.prototype.slice.call(scratch, 0, got);
    const st = fstatSync(fd);
    if (st.isCharacterDevice()) return new Uint8Array(0);
    if (!st.isFile()) return null;
    if (got === 0) return new Uint8Array(0);
    if (st.size > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, st.size);
    return readRest(fd, path, scratch.subarray(0, got));
  } catch (e) {
    if (e instanceof UnitFileTooLarge) throw e;
    return null;
  } finally {
    closeSync(fd);
  }
}
function readRest(fd, path, head) {
  const chunks = [Buffer.from(head)];
  let total = head.length;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (; ; ) {
    const got = readSync(fd, chunk, 0, chunk.length, null);
    if (got === 0) break;
    total += got;
    if (total > MAX_UNIT_FILE_BYTES) throw new UnitFileTooLarge(path, total);
    chunks.push(Buffer.from(chunk.subarray(0, got)));
  }
  return Buffer.concat(chunks, total);
}
var UnitFileTooLarge = class extends Error {
  constructor(path, size) {
    super(`${path}: file is ${size} bytes, larger than the ${MAX_UNIT_FILE_BYTES}-byte limit for unit files`);
    this.path = path;
    this.size = size;
  }
  path;
  size;
};

export {
  MAX_UNIT_FILE_BYTES,
  fileSystemSource,
  UnitFileTooLarge
};
