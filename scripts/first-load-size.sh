#!/usr/bin/env bash
# Prints the first load of each browser app (the apps of src/routes.txt):
# the wasm, JS and CSS its index.html loads, raw and after brotli
# (quality 11, as served). Run after a release build (scripts/build.sh --web).
set -euo pipefail
cd "$(dirname "$0")/.."
apps=$(scripts/build.sh --apps)
for folder in $(cut -f1 <<<"$apps"); do
  app=dist/$folder
  [ "$folder" = . ] && app=dist
  [ -f "$app/index.html" ] || { echo "$app/index.html is missing: run scripts/build.sh --web first" >&2; exit 1; }
done
python3 - "$apps" <<'PY'
import re, subprocess, pathlib, sys
for line in sys.argv[1].splitlines():
    folder, _binary, _stylesheets, label = line.split("\t")
    app = "dist" if folder == "." else f"dist/{folder}"
    html = pathlib.Path(app, "index.html").read_text()
    files = sorted(set(re.findall(r'(?:href|src|from|module_or_path:)\s*=?\s*[\'"]?/(?:[\w-]+/)?([\w.-]+\.(?:wasm|js|css))', html)))
    total_raw = total_br = 0
    print(f"{label} ({'main' if folder == '.' else folder}):")
    for f in files:
        data = pathlib.Path(app, f).read_bytes()
        br = len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)
        total_raw += len(data); total_br += br
        print(f"  {f:<46} {len(data):>9,} B raw {br:>9,} B brotli")
    print(f"  {'first load (wasm + JS + CSS)':<46} {total_raw:>9,} B raw {total_br:>9,} B brotli")
PY
