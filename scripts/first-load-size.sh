#!/usr/bin/env bash
# Prints the first load of the patient pages: the wasm, JS and CSS that
# dist/index.html loads, raw and after brotli (quality 11, as served).
# Run after a release build (scripts/run.sh or scripts/test.sh build dist/).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "dist/index.html is missing: build the app first (scripts/run.sh --build-only)" >&2; exit 1; }
python3 - <<'PY'
import re, subprocess, pathlib
html = pathlib.Path("dist/index.html").read_text()
files = sorted(set(re.findall(r'(?:href|src|from|module_or_path:)\s*=?\s*[\'"]?/([\w.-]+\.(?:wasm|js|css))', html)))
total_raw = total_br = 0
for name in files:
    data = pathlib.Path("dist", name).read_bytes()
    br = len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)
    total_raw += len(data); total_br += br
    print(f"{name:<48} {len(data):>9,} B raw {br:>9,} B brotli")
print(f"{'first load (wasm + JS + CSS)':<48} {total_raw:>9,} B raw {total_br:>9,} B brotli")
PY
