#!/usr/bin/env bash
# Prints the first load of each browser app: the wasm, JS and CSS its
# index.html loads, raw and after brotli (quality 11, as served).
# Run after a release build (scripts/build.sh --web).
set -euo pipefail
cd "$(dirname "$0")/.."
for app in dist dist/verify dist/help dist/account dist/recover dist/records dist/proxy dist/staff; do
  [ -f "$app/index.html" ] || { echo "$app/index.html is missing: run scripts/build.sh --web first" >&2; exit 1; }
done
python3 - <<'PY'
import re, subprocess, pathlib
for app, name in (("dist", "access-code sign-up (main)"), ("dist/verify", "sign-up without a code (verify)"), ("dist/help", "start page, code outcomes, status, new code, records request, teens (help)"), ("dist/account", "sign in, home, settings (account)"), ("dist/recover", "forgot username or password (recover)"), ("dist/records", "records and access (records)"), ("dist/proxy", "asking for proxy access (proxy)"), ("dist/staff", "help desk console (staff; not a patient page)")):
    html = pathlib.Path(app, "index.html").read_text()
    files = sorted(set(re.findall(r'(?:href|src|from|module_or_path:)\s*=?\s*[\'"]?/(?:verify/|help/|account/|recover/|records/|proxy/|staff/)?([\w.-]+\.(?:wasm|js|css))', html)))
    total_raw = total_br = 0
    print(f"{name}:")
    for f in files:
        data = pathlib.Path(app, f).read_bytes()
        br = len(subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout)
        total_raw += len(data); total_br += br
        print(f"  {f:<46} {len(data):>9,} B raw {br:>9,} B brotli")
    print(f"  {'first load (wasm + JS + CSS)':<46} {total_raw:>9,} B raw {total_br:>9,} B brotli")
PY
