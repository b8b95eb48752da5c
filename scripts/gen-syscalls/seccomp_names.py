#!/usr/bin/env python3
"""Enumerate every system call name one libseccomp build knows, via ctypes.

Usage: python3 seccomp_names.py /path/to/libseccomp.so.2[.x.y.z]
Prints one JSON object on stdout (see the end of main()).

Run one process per library: two libseccomp.so.2 builds (same SONAME) must not share a process.

What "known" means here is what systemd's SystemCallFilter= parser accepts: a word (not starting
with '@') is kept iff seccomp_syscall_resolve_name(word) != __NR_SCMP_ERROR (-1).  That call
resolves for the native architecture of the library (x86-64 on this host; asserted below), and
for names that exist only on other architectures libseccomp returns a negative pseudo number
(__PNR_*), which systemd stores as well.

Why the enumeration is complete
-------------------------------
libseccomp has no "list all names" API.  Its name -> number lookup (all 2.5.x/2.6.x releases) is a
gperf perfect-hash table compiled into the .so: the lookup hashes the input and compares it
byte-for-byte (strcmp, case-sensitive, no trimming, no numeric parsing) against a name stored in
the library's read-only data.  Consequently every name that resolves must occur verbatim,
NUL-terminated, somewhere in the .so file.  We therefore

  1. HARVEST: read the whole .so file, split it into maximal runs of bytes from [A-Za-z0-9_]
     (the only characters syscall names use), and take every substring of every run that ends
     where the run ends (i.e. every suffix -- a NUL-terminated name is always a suffix of the run
     that contains it, even if the linker tail-merged it into a longer string or a stray
     identifier byte precedes it).  To be generous we also take every substring of runs up to
     64 bytes long.  Each distinct candidate is then resolved with
     seccomp_syscall_resolve_name(); the ones that do not return -1 form `known`.
     This is a superset search followed by an exact membership test with the very function
     systemd calls, so it can neither invent names nor miss one stored in the table.

  2. CROSS-CHECK by numbers: for every architecture the library supports
     (seccomp_arch_resolve_name), reverse-resolve every number in the ranges that libseccomp uses
     for real and pseudo syscall numbers (-20000..20000, the x32 range 0x40000000+, the ARM
     private range 0x0f0000+) with seccomp_syscall_resolve_num_arch().  Every name found this way
     must already be in `known` (and resolve back natively); differences are reported in
     `crosscheck` (gen.mjs fails on a name found only by number).  For 2.5.4, 2.6.0 and 2.6.1
     both methods give exactly the same set.

`native` = the subset of `known` with seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, name) >= 0.
"""
import ctypes
import hashlib
import json
import os
import re
import sys

NR_SCMP_ERROR = -1

# Architecture names libseccomp understands (seccomp_arch_resolve_name); unknown ones give 0 and
# are skipped, so listing names a given build lacks is harmless.
ARCH_NAMES = [
    "x86", "x86_64", "x32", "arm", "aarch64", "loongarch64", "m68k", "mips", "mips64",
    "mips64n32", "mipsel", "mipsel64", "mipsel64n32", "parisc", "parisc64", "ppc", "ppc64",
    "ppc64le", "s390", "s390x", "riscv64", "sh", "sheb",
]

NUM_RANGES = [
    range(-20000, 20001),
    range(0x40000000, 0x40000000 + 4096),  # x32 (__X32_SYSCALL_BIT)
    range(0x000F0000, 0x000F0000 + 4096),  # ARM private syscalls (__ARM_NR_BASE)
]


class Version(ctypes.Structure):
    _fields_ = [("major", ctypes.c_uint), ("minor", ctypes.c_uint), ("micro", ctypes.c_uint)]


def load(path):
    lib = ctypes.CDLL(path)
    lib.seccomp_version.restype = ctypes.POINTER(Version)
    lib.seccomp_arch_native.restype = ctypes.c_uint32
    lib.seccomp_arch_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_arch_resolve_name.restype = ctypes.c_uint32
    lib.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
    lib.seccomp_syscall_resolve_name.restype = ctypes.c_int
    lib.seccomp_syscall_resolve_name_arch.argtypes = [ctypes.c_uint32, ctypes.c_char_p]
    lib.seccomp_syscall_resolve_name_arch.restype = ctypes.c_int
    # returns a malloc()ed char* (or NULL); we leak it, the process is short-lived
    lib.seccomp_syscall_resolve_num_arch.argtypes = [ctypes.c_uint32, ctypes.c_int]
    lib.seccomp_syscall_resolve_num_arch.restype = ctypes.c_void_p
    return lib


def harvest(data):
    cands = set()
    for m in re.finditer(rb"[A-Za-z0-9_]+", data):
        run = m.group(0)
        n = len(run)
        if n <= 64:
            for i in range(n):
                for j in range(i + 1, n + 1):
                    cands.add(run[i:j])
        else:
            for i in range(n):
                cands.add(run[i:])
    return cands


def main():
    if len(sys.argv) != 2:
        print("usage: seccomp_names.py LIBSECCOMP.so", file=sys.stderr)
        sys.exit(2)
    path = sys.argv[1]
    real = os.path.realpath(path)
    with open(real, "rb") as f:
        data = f.read()
    lib = load(real)
    v = lib.seccomp_version().contents
    x86_64 = lib.seccomp_arch_resolve_name(b"x86_64")
    native = lib.seccomp_arch_native()
    if x86_64 == 0 or native != x86_64:
        print(f"native architecture of {real} is 0x{native:x}, expected x86_64 (0x{x86_64:x})",
              file=sys.stderr)
        sys.exit(1)

    # 1. harvest + validate with the exact function systemd uses
    cands = harvest(data)
    known = {}
    for c in cands:
        nr = lib.seccomp_syscall_resolve_name(c)
        if nr != NR_SCMP_ERROR:
            known[c.decode()] = nr

    # 2. cross-check by reverse resolution of numbers on every supported architecture
    archs = {}
    by_number = set()
    for a in ARCH_NAMES:
        tok = lib.seccomp_arch_resolve_name(a.encode())
        if tok == 0:
            continue
        cnt = 0
        for rng in NUM_RANGES:
            for num in rng:
                p = lib.seccomp_syscall_resolve_num_arch(tok, num)
                if p:
                    by_number.add(ctypes.string_at(p).decode())
                    cnt += 1
        archs[a] = {"token": tok, "numbers_resolved": cnt}
    missing_from_harvest = sorted(n for n in by_number if n not in known)
    # names that came back from a number but do not resolve natively would contradict the model
    not_resolvable = sorted(n for n in by_number
                            if lib.seccomp_syscall_resolve_name(n.encode()) == NR_SCMP_ERROR)

    names = sorted(known)
    # native = resolves to a real (>= 0) syscall number on x86-64
    native_names = [n for n in names if lib.seccomp_syscall_resolve_name_arch(x86_64, n.encode()) >= 0]
    # sanity: seccomp_syscall_resolve_name (native) and the explicit x86_64 call agree
    disagree = [n for n in names
                if lib.seccomp_syscall_resolve_name_arch(x86_64, n.encode()) != known[n]]

    out = {
        "library": path,
        "realpath": real,
        "sha256": hashlib.sha256(data).hexdigest(),
        "version": f"{v.major}.{v.minor}.{v.micro}",
        "native_arch_token": native,
        "known": {n: known[n] for n in names},
        "native": native_names,
        "crosscheck": {
            "harvest_candidates": len(cands),
            "archs": archs,
            "names_by_number": len(by_number),
            "only_by_number": missing_from_harvest,
            "by_number_not_resolvable": not_resolvable,
            "only_by_harvest": sorted(n for n in known if n not in by_number),
            "native_vs_x86_64_disagree": disagree,
        },
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
