#!/usr/bin/env bash
# Builds the browser apps into dist/ (Trunk, release) with brotli and gzip
# copies of every asset for the server to send, and the server binary.
#   scripts/build.sh           both
#   scripts/build.sh --web     the browser apps only
#   scripts/build.sh --apps    prints the apps, one a line: folder ("." for
#                              dist/ itself), binary, stylesheets, catalog
#                              areas, what it is (tab-separated)
#   scripts/build.sh --inputs  prints the files the up-to-date check reads
#
# The apps are the lines of the route table, src/routes.txt (one app per
# journey, so each first load stays small): each is index.html with its own
# Rust binary and stylesheets, built into its folder of dist/. The server
# picks the app by route from the same table (src/routes.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# An app's line starts at the left margin; "#" starts a comment, and the
# comment on an app's line says what it is.
apps() {
  awk '/^[^[:space:]#]/ {
    label = $0
    if (!sub(/^[^#]*#[[:space:]]*/, "", label)) label = ""
    print $1 "\t" $2 "\t" $3 "\t" $4 "\t" label
  }' src/routes.txt
}
dist_of() { if [ "$1" = . ]; then echo dist; else echo "dist/$1"; fi; }
url_of() { if [ "$1" = . ]; then echo /; else echo "/$1/"; fi; }
page_of() { if [ "$1" = . ]; then echo main.html; else echo "$1.html"; fi; }

# The up-to-date check hashes (names and contents) exactly what the browser
# build reads: index.html, Trunk.toml, Cargo.toml, Cargo.lock,
# .cargo/config.toml, build.rs and build/, the catalogs in locales/, this script, the npm tools' versions
# (tools/package-lock.json: wasm-opt, terser), style/, public/, and src/
# (the route table src/routes.txt with it) except server-only code. Server
# only are src/main.rs and every module that is a file (or folder) of its
# own declared right under `#[cfg(feature = "ssr")]` or `#[cfg(test)]`,
# which the wasm build never compiles: today src/server/,
# src/domain/matching/, src/domain/policy.rs and src/domain/proxy.rs (src/api
# is compiled in both builds). Everything else under src/ counts, data files
# too: hashing a file the wasm does not read costs a rebuild, leaving out one
# it reads would ship a stale app.
server_only() {
  echo src/main.rs
  find src -name '*.rs' | sort | xargs awk '
    FNR == 1 {
      # The folder of the modules a file declares: its own for lib.rs,
      # main.rs and mod.rs, else the one named after it.
      dir = FILENAME
      if (FILENAME ~ /(^|\/)(lib|main|mod)\.rs$/) sub(/\/[^\/]*$/, "", dir)
      else sub(/\.rs$/, "", dir)
      gated = 0
    }
    /^[[:space:]]*#\[cfg\((feature = "ssr"|test)\)\][[:space:]]*$/ { gated = 1; next }
    gated && /^[[:space:]]*(pub(\([a-z]+\))?[[:space:]]+)?mod[[:space:]]+[a-z0-9_]+[[:space:]]*;/ {
      name = $0
      sub(/^[[:space:]]*(pub(\([a-z]+\))?[[:space:]]+)?mod[[:space:]]+/, "", name)
      sub(/[[:space:]]*;.*/, "", name)
      print dir "/" name ".rs"
      print dir "/" name "/"
    }
    { gated = 0 }'
}
inputs() {
  printf '%s\n' index.html Trunk.toml Cargo.toml Cargo.lock .cargo/config.toml build.rs \
    scripts/build.sh tools/package-lock.json
  find src style public locales build -type f | sort | awk '
    NR == FNR { skip[++n] = $0; next }
    { for (i = 1; i <= n; i++) if (index($0, skip[i]) == 1) next; print }' <(server_only) -
}

case "${1:-}" in
  --apps) apps; exit 0 ;;
  --inputs) inputs; exit 0 ;;
esac

# Skip the (slow) browser build when nothing it reads has changed.
stamp=$(inputs | xargs -d '\n' sha256sum | sha256sum | cut -d' ' -f1)
if [ -f dist/.build-stamp ] && [ "$(cat dist/.build-stamp)" = "$stamp" ]; then
  echo "dist/ is up to date"
  [ "${1:-}" = "--web" ] || cargo build --release --features ssr
  exit 0
fi

# Each app's page is index.html with the app's binary and its stylesheets
# after style/main.css: <folder>.html beside index.html (Trunk finds style/,
# public/ and Cargo.toml from there; main.html for the main app), which
# Trunk writes as the app's index.html.
while IFS=$'\t' read -r folder binary stylesheets _; do
  links=""
  if [ "$stylesheets" != - ]; then
    for css in ${stylesheets//,/ }; do
      links+="\n    <link data-trunk rel=\"css\" href=\"$css\">"
    done
  fi
  sed -e "s|data-bin=\"frontdesk-web\"|data-bin=\"$binary\"|" \
      -e "s|<link data-trunk rel=\"css\" href=\"style/main.css\">|&$links|" \
      index.html > "$(page_of "$folder")"
done < <(apps)

# Trunk replaces its whole dist folder, so the main app (the table's first)
# goes first.
while IFS=$'\t' read -r folder _; do
  trunk build --release --offline=true --dist "$(dist_of "$folder")" \
    --public-url "$(url_of "$folder")" "$(page_of "$folder")" </dev/null
done < <(apps)

# Trunk's own JS minifier cannot parse wasm-bindgen's glue, so terser does it,
# and one more wasm-opt -Oz pass over Trunk's output takes a few hundred more
# bytes off each app; the Subresource Integrity hashes in index.html are
# updated to match.
sri() { python3 -c 'import base64, hashlib, sys; print("sha384-" + base64.b64encode(hashlib.sha384(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"; }
for folder in $(apps | cut -f1); do
  app=$(dist_of "$folder")
  for js in "$app"/*.js; do
    before=$(sri "$js")
    terser "$js" --module --compress --mangle --output "$js"
    sed -i "s|$before|$(sri "$js")|" "$app/index.html"
  done
  for wasm in "$app"/*.wasm; do
    before=$(sri "$wasm")
    wasm-opt "$wasm" -Oz --low-memory-unused -o "$wasm"
    sed -i "s|$before|$(sri "$wasm")|" "$app/index.html"
  done
  for f in "$app"/*.wasm "$app"/*.js "$app"/*.css "$app"/*.html "$app"/*.svg; do
    [ -e "$f" ] || continue
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -f -9 -k "$f"
  done
done

echo "$stamp" > dist/.build-stamp

[ "${1:-}" = "--web" ] || cargo build --release --features ssr
