#!/usr/bin/env bash
# Builds the browser apps into dist/ (Trunk, release) with brotli and gzip
# copies of every asset for the server to send, and the server binary.
#   scripts/build.sh           both
#   scripts/build.sh --web     the browser apps only
#
# Eight apps, so each first load stays small: index.html (the access-code
# sign-up) into dist/, verify.html (sign-up without a code) into
# dist/verify/, help.html (the start page, codes that cannot be used,
# request status, new codes, records requests, the teen page) into dist/help/, account.html (sign in,
# home, account settings) into dist/account/, recover.html (forgotten
# usernames and passwords) into dist/recover/, records.html (opening a
# record, who can see yours, requests to answer) into dist/records/,
# proxy.html (asking for proxy access) into dist/proxy/, and staff.html (the
# help desk console, with its own stylesheet) into dist/staff/. The server
# picks the app by route (src/routes.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Skip the (slow) browser build when nothing it reads has changed.
stamp=$(cat index.html Trunk.toml Cargo.toml Cargo.lock .cargo/config.toml scripts/build.sh \
  $(find src style public -type f | sort) | sha256sum | cut -d' ' -f1)
if [ -f dist/.build-stamp ] && [ "$(cat dist/.build-stamp)" = "$stamp" ]; then
  echo "dist/ is up to date"
  [ "${1:-}" = "--web" ] || cargo build --release --features ssr
  exit 0
fi

# The other apps' pages are index.html with their own Rust entry point.
for app in verify help account recover records proxy staff; do
  sed -e "s/data-bin=\"frontdesk-web\"/data-bin=\"frontdesk-web-$app\"/" \
      -e 's|<link data-trunk rel="css" href="style/main.css">|&\n    <link data-trunk rel="css" href="style/forms.css">|' \
      index.html > "$app.html"
done
sed -i 's|<link data-trunk rel="css" href="style/forms.css">|&\n    <link data-trunk rel="css" href="style/console.css">|' staff.html

# Trunk replaces its whole dist folder, so the main app goes first.
trunk build --release --offline=true --dist dist --public-url / index.html
trunk build --release --offline=true --dist dist/verify --public-url /verify/ verify.html
trunk build --release --offline=true --dist dist/help --public-url /help/ help.html
trunk build --release --offline=true --dist dist/account --public-url /account/ account.html
trunk build --release --offline=true --dist dist/recover --public-url /recover/ recover.html
trunk build --release --offline=true --dist dist/records --public-url /records/ records.html
trunk build --release --offline=true --dist dist/proxy --public-url /proxy/ proxy.html
trunk build --release --offline=true --dist dist/staff --public-url /staff/ staff.html

# Trunk's own JS minifier cannot parse wasm-bindgen's glue, so terser does it;
# the Subresource Integrity hash in index.html is updated to match.
sri() { python3 -c 'import base64, hashlib, sys; print("sha384-" + base64.b64encode(hashlib.sha384(open(sys.argv[1], "rb").read()).digest()).decode())' "$1"; }
for app in dist dist/verify dist/help dist/account dist/recover dist/records dist/proxy dist/staff; do
  for js in "$app"/*.js; do
    before=$(sri "$js")
    terser "$js" --module --compress --mangle --output "$js"
    sed -i "s|$before|$(sri "$js")|" "$app/index.html"
  done
  for f in "$app"/*.wasm "$app"/*.js "$app"/*.css "$app"/*.html "$app"/*.svg; do
    [ -e "$f" ] || continue
    brotli -f -q 11 -o "$f.br" "$f"
    gzip -f -9 -k "$f"
  done
done

echo "$stamp" > dist/.build-stamp

[ "${1:-}" = "--web" ] || cargo build --release --features ssr
