#!/usr/bin/env bash
# Makes the encoding fixtures from objectives.utf8.txt with GNU iconv (glibc, Debian 12).
set -euo pipefail
cd "$(dirname "$0")/../test/fixtures/encoding"
src=objectives.utf8.txt
iconv -f UTF-8 -t WINDOWS-1252 "$src" > objectives.windows-1252.txt
iconv -f UTF-8 -t UTF-16LE "$src" | { printf '\xff\xfe'; cat; } > objectives.utf-16le-bom.txt
iconv -f UTF-8 -t UTF-16BE "$src" > objectives.utf-16be.txt
# Mojibake: the UTF-8 bytes read as windows-1252 and saved as UTF-8. -c drops the bytes windows-1252
# leaves undefined (0x9D, the last byte of ”), as many tools do: those characters cannot be proved.
iconv -c -f WINDOWS-1252 -t UTF-8 "$src" > objectives.mojibake-windows-1252.txt || true
# The same read as GBK (as seed 004 was): GBK swallows bytes in invalid pairs.
iconv -c -f GBK -t UTF-8 "$src" > objectives.mojibake-gbk.txt || true
sha256sum objectives.* > SHA256SUMS
