#!/usr/bin/env python3
"""Prints a hash of a dashboard password for Dossier:Dashboard:PasswordHash.

The format is ASP.NET Core Identity's PasswordHasher version 3 (what the dashboard verifies with it): PBKDF2 with
HMAC-SHA512, 210,000 iterations, a random 16-byte salt and a 32-byte key, as base64 of
0x01 | prf (2 = HMAC-SHA512) | iterations | salt length (big-endian uint32s) | salt | key.

    scripts/hash-password.py            # asks for the password (not echoed)
    printf %s "$PASSWORD" | scripts/hash-password.py --stdin
"""
import base64
import getpass
import hashlib
import os
import struct
import sys

ITERATIONS = 210_000
PRF_HMAC_SHA512 = 2


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else os.urandom(16)
    key = hashlib.pbkdf2_hmac("sha512", password.encode("utf-8"), salt, ITERATIONS, 32)
    return base64.b64encode(b"\x01" + struct.pack(">III", PRF_HMAC_SHA512, ITERATIONS, len(salt)) + salt + key).decode("ascii")


def main() -> int:
    if "--stdin" in sys.argv[1:]:
        password = sys.stdin.read()
    else:
        password = getpass.getpass("Dashboard password: ")
        if getpass.getpass("Again: ") != password:
            print("the two passwords differ", file=sys.stderr)
            return 1
    if len(password) < 8:
        print("a dashboard password needs at least 8 characters", file=sys.stderr)
        return 1
    print(hash_password(password))
    return 0


if __name__ == "__main__":
    sys.exit(main())
