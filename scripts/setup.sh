#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Front Desk needs on a
# fresh machine, and nothing that is already there. Safe to run again: when
# everything is installed it finishes in a second or two.
#
#   scripts/setup.sh          the Rust toolchain rust-toolchain.toml names (with
#                             rustfmt, clippy and the wasm32-unknown-unknown
#                             target), Trunk, wasm-bindgen-cli (the version
#                             Cargo.lock pins), wasm-opt, terser and axe-core
#                             (npm, tools/), brotli
#   scripts/setup.sh --test   also cargo-nextest, Chromium and chromedriver
#                             (Debian packages), and a PostgreSQL server on
#                             127.0.0.1:5432 for the tests (see below)
#
# What it cannot install itself (rustup and cargo, Node.js and npm, Python 3,
# and apt-get with root or sudo when a Debian package is missing) it checks
# first, and stops saying what is missing and how to get it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
NEXTEST_VERSION=0.9.143
with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"

# ---------------------------------------------------------------------------
# The PostgreSQL server the tests use: postgres://postgres@127.0.0.1:5432/test
# unless FRONTDESK_TEST_POSTGRES names another (then this script leaves
# PostgreSQL alone).
postgres_wanted() { $with_tests && [ -z "${FRONTDESK_TEST_POSTGRES:-}" ]; }
postgres_listening() {
  if have pg_isready; then
    pg_isready -q -h 127.0.0.1 -p 5432
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

# ---------------------------------------------------------------------------
# What is missing, before anything is installed.
debian=()
have brotli || debian+=(brotli)
have cc || debian+=(gcc libc6-dev) # crates that build C (SQLite, ring)
if $with_tests; then
  have chromium || debian+=(chromium)
  have chromedriver || debian+=(chromium-driver)
  if postgres_wanted && ! postgres_listening && ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; then
    debian+=(postgresql)
  fi
fi

missing=()
have rustup && have cargo ||
  missing+=("rustup and cargo: install Rust with rustup (https://rustup.rs), then open a new shell")
have node && have npm ||
  missing+=("Node.js and npm (for wasm-opt, terser and axe-core): apt-get install nodejs npm, or https://nodejs.org")
have python3 ||
  missing+=("Python 3 (the build computes Subresource Integrity hashes with it): apt-get install python3")
if [ ${#debian[@]} -gt 0 ]; then
  if ! have apt-get; then
    missing+=("apt-get, to install the Debian packages ${debian[*]}: install them with this system's package manager")
  elif [ -n "$sudo" ] && ! have sudo; then
    missing+=("root or sudo, to install the Debian packages ${debian[*]}: run this script as root, or install sudo")
  fi
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "scripts/setup.sh cannot install these itself:" >&2
  for m in "${missing[@]}"; do echo "  - $m" >&2; done
  exit 1
fi

# ---------------------------------------------------------------------------
# The Rust toolchain rust-toolchain.toml names. Where it is not installed under
# that name but the machine's stable is that very version (these machines
# have one Rust and cannot download another), stable serves under the name.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
# (Lists are read whole before grep -q looks at them: a grep that stops
# early must not break the pipe of a command under pipefail.)
if ! grep -q "^$toolchain-" <<<"$(rustup toolchain list)"; then
  host="" stable_version=""
  if grep -q '^stable-' <<<"$(rustup toolchain list)"; then
    host=$(rustup run stable rustc -vV | sed -n 's/^host: //p')
    stable_version=$(rustup run stable rustc --version | awk '{ print $2 }')
  fi
  toolchains="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
  if [ -n "$host" ] && [ "$stable_version" = "$toolchain" ] && [ -d "$toolchains/stable-$host" ]; then
    say "Naming this machine's stable Rust ($stable_version) $toolchain, as rust-toolchain.toml asks"
    ln -s "stable-$host" "$toolchains/$toolchain-$host"
  else
    say "Installing Rust $toolchain (rust-toolchain.toml)"
    rustup toolchain install "$toolchain" --profile minimal \
      --component rustfmt,clippy --target wasm32-unknown-unknown || {
      echo "Rust $toolchain could not be installed, and this machine's stable Rust is" \
        "${stable_version:-missing}: install $toolchain with rustup, or change the channel" \
        "in rust-toolchain.toml to a version this machine has." >&2
      exit 1
    }
  fi
fi
for component in rustfmt clippy; do
  if ! grep -q "^$component-" <<<"$(rustup component list --installed)"; then
    say "Adding $component"
    rustup component add "$component"
  fi
done
if ! grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# ---------------------------------------------------------------------------
# Debian packages, all at once.
if [ ${#debian[@]} -gt 0 ]; then
  say "Installing Debian packages: ${debian[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! $sudo apt-get install -y --no-install-recommends "${debian[@]}" >/dev/null; then
    $sudo apt-get update >/dev/null
    $sudo apt-get install -y --no-install-recommends "${debian[@]}" >/dev/null
  fi
fi

# ---------------------------------------------------------------------------
# Tools compiled from crates.io (the only place these machines can get them
# from) build faster without their release profile's fat LTO (27 minutes
# against 8 on two cores; they work the same).
fast_install() {
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=1 cargo install "$@"
}

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "Installing Trunk $TRUNK_VERSION (about 10 minutes on two cores)"
  fast_install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly. Not --locked:
# one of its locked dependencies is missing from the registry here.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "Installing wasm-bindgen-cli $bindgen_version (about 10 minutes on two cores)"
  fast_install wasm-bindgen-cli --version "$bindgen_version"
fi

# The test runner. Without its self-update feature: it could not reach its
# download site from here anyway, and it builds with fewer crates.
if $with_tests && [ "$(cargo nextest --version 2>/dev/null | head -1 | awk '{print $2}')" != "$NEXTEST_VERSION" ]; then
  say "Installing cargo-nextest $NEXTEST_VERSION (a few minutes on two cores)"
  fast_install --locked cargo-nextest --version "$NEXTEST_VERSION" \
    --no-default-features --features default-no-update
fi

# wasm-opt from npm's binaryen (Debian's is too old and breaks the app),
# terser and axe-core for the accessibility checks; pinned in
# tools/package-lock.json.
if ! cmp -s tools/package-lock.json tools/node_modules/.installed-lock.json 2>/dev/null; then
  say "Installing npm tools (binaryen, terser, axe-core)"
  npm ci --prefix tools --no-audit --no-fund >/dev/null
  cp tools/package-lock.json tools/node_modules/.installed-lock.json
fi

# ---------------------------------------------------------------------------
# PostgreSQL for the tests: a server on 127.0.0.1:5432 where the user
# postgres can create and drop databases, and a database `test` to connect to.
# One already answering there is used as it is. Otherwise the local cluster on
# port 5432 is started; where there is none, or Debian's package was only
# just installed, the cluster is the tests' own and is set up for them:
# listening on the loopback addresses only (Debian's default), and trusting
# the postgres user over loopback TCP, since the tests' URL carries no
# password (as on the machines this project runs on). It is a test server:
# it holds only the databases the tests make and drop.
pg_marker="# Front Desk tests: the postgres user over loopback without a password"
pg_cluster_on_5432() { { pg_lsclusters -h 2>/dev/null || true; } | awk '$3 == 5432 && !found { print $1, $2; found = 1 }'; }
pg_trust_loopback() { # version cluster
  local hba="/etc/postgresql/$1/$2/pg_hba.conf"
  if ! $sudo grep -qxF "$pg_marker" "$hba"; then
    say "PostgreSQL $1/$2: trusting the postgres user on 127.0.0.1 and ::1 (a test server)"
    # The first matching line wins in pg_hba.conf.
    printf '%s\nhost all postgres 127.0.0.1/32 trust\nhost all postgres ::1/128 trust\n' \
      "$pg_marker" | $sudo sh -c "cat - '$hba' > '$hba.new' && cat '$hba.new' > '$hba' && rm '$hba.new'"
  fi
}
pg_online() { # version cluster
  pg_lsclusters -h | awk -v v="$1" -v c="$2" '$1 == v && $2 == c && $4 == "online" { found = 1 } END { exit !found }'
}
if postgres_wanted; then
  installed_now=false
  [[ " ${debian[*]} " == *" postgresql "* ]] && installed_now=true
  if $installed_now || ! postgres_listening; then
    cluster=$(pg_cluster_on_5432)
    ours=$installed_now
    if [ -z "$cluster" ]; then
      version=$(ls /usr/lib/postgresql | sort -V | tail -1)
      name=main
      pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }' &&
        name=frontdesk-test
      say "Creating PostgreSQL cluster $version/$name on port 5432 for the tests"
      $sudo pg_createcluster "$version" "$name" --port 5432 >/dev/null
      cluster="$version $name"
      ours=true
    fi
    # $cluster is "version name": two arguments.
    if $ours; then
      pg_trust_loopback $cluster
    fi
    if ! pg_online $cluster; then
      say "Starting PostgreSQL $cluster"
      $sudo pg_ctlcluster --skip-systemctl-redirect $cluster start
    elif $ours; then
      $sudo pg_ctlcluster --skip-systemctl-redirect $cluster reload
    fi
    for _ in $(seq 1 30); do postgres_listening && break; sleep 1; done
    postgres_listening || {
      echo "PostgreSQL $cluster is not listening on 127.0.0.1:5432 (see pg_lsclusters" \
        "and its log in /var/log/postgresql)" >&2
      exit 1
    }
  fi
  if have psql; then
    # The database the tests connect to first (they create their own from it).
    # -w: never ask for a password.
    if [ "$(psql -w -h 127.0.0.1 -p 5432 -U postgres -d postgres -Atqc \
      "SELECT 1 FROM pg_database WHERE datname = 'test'" 2>/dev/null)" != 1 ] &&
      psql -w -h 127.0.0.1 -p 5432 -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null 2>&1; then
      say "Created the PostgreSQL database test"
    fi
    if ! err=$(psql -w "postgres://postgres@127.0.0.1:5432/test" -Atqc 'SELECT 1' 2>&1 >/dev/null); then
      echo "warning: the PostgreSQL tests cannot connect to postgres://postgres@127.0.0.1:5432/test" \
        "(${err//$'\n'/ }): let the postgres user in over loopback there, or set" \
        "FRONTDESK_TEST_POSTGRES to a server where it may create databases" >&2
    fi
  fi
fi
