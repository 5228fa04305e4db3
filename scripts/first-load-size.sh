#!/usr/bin/env bash
# Prints the first load of each browser app (the apps of src/routes.txt):
# the wasm, JS and CSS its index.html loads and the areas of the catalog its
# page fetches (in English and in Spanish), raw and after brotli (quality 11,
# as served). Run after a release build (scripts/build.sh --web).
set -euo pipefail
cd "$(dirname "$0")/.."
apps=$(scripts/build.sh --apps)
for folder in $(cut -f1 <<<"$apps"); do
  app=dist/$folder
  [ "$folder" = . ] && app=dist
  [ -f "$app/index.html" ] || { echo "$app/index.html is missing: run scripts/build.sh --web first" >&2; exit 1; }
done
cargo build --features ssr --quiet
server="${CARGO_TARGET_DIR:-target}/debug/frontdesk"
python3 - "$apps" "$server" <<'PY'
import re, subprocess, pathlib, sys
server = sys.argv[2]
def brotli(data):
    return len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)
for line in sys.argv[1].splitlines():
    folder, _binary, _stylesheets, areas, label = line.split("\t")
    app = "dist" if folder == "." else f"dist/{folder}"
    html = pathlib.Path(app, "index.html").read_text()
    files = sorted(set(re.findall(r'(?:href|src|from|module_or_path:)\s*=?\s*[\'"]?/(?:[\w-]+/)?([\w.-]+\.(?:wasm|js|css))', html)))
    total_raw = total_br = 0
    print(f"{label} ({'main' if folder == '.' else folder}):")
    for f in files:
        data = pathlib.Path(app, f).read_bytes()
        br = brotli(data)
        total_raw += len(data); total_br += br
        print(f"  {f:<46} {len(data):>9,} B raw {br:>9,} B brotli")
    print(f"  {'wasm + JS + CSS':<46} {total_raw:>9,} B raw {total_br:>9,} B brotli")
    for language in ["en", "es"]:
        text = subprocess.run([server, "catalog", "--language", language, "--area", areas],
                              capture_output=True, check=True).stdout
        raw, br = len(text), brotli(text)
        print(f"  {'words, ' + language + ' (' + areas + ')':<46} {raw:>9,} B raw {br:>9,} B brotli")
        print(f"  {'first load in ' + language:<46} {total_raw + raw:>9,} B raw {total_br + br:>9,} B brotli")
PY
