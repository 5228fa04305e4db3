#!/usr/bin/env bash
# Memory under load: starts the release server on a fresh database,
# sends SECONDS (default 120) of mixed traffic from CLIENTS (default 16)
# parallel clients — sign-ins with wrong passwords (each an argon2id hash),
# access-code checks, status look-ups — and prints the server's resident
# memory before, at its peak, and after the load. The hashes run on a fixed
# set of threads that reuse their own memory, so the figure after the load
# should stay under 150 MB.
#   scripts/bench-memory.sh [SECONDS] [CLIENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
clients=${2:-16}
cargo build --release --features ssr --quiet
dir=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$dir"' EXIT
"${CARGO_TARGET_DIR:-target}/release/frontdesk" --database "$dir/bench.db" --listen 127.0.0.1:0 --trust-proxy \
  --signin-client-failure-limit 100000000 --client-failure-limit 100000000 \
  > "$dir/out.log" 2> "$dir/err.log" &
server=$!
for _ in $(seq 1 100); do
  grep -q "listening on" "$dir/out.log" 2>/dev/null && break
  sleep 0.2
done
url=$(sed -n 's/^Front Desk is listening on //p' "$dir/out.log")
rss() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$server/status"; }
echo "server $url, pid $server: $(rss) MB before the load"
python3 - "$url" "$seconds" "$clients" "$server" <<'PY'
import json, random, sys, threading, time, urllib.request, urllib.error
url, seconds, clients, pid = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
stop = time.time() + seconds
counts, peak, lock = {}, [0.0], threading.Lock()
def rss():
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) / 1024
def call(endpoint, body, client):
    req = urllib.request.Request(f"{url}/api/{endpoint}", data=json.dumps(body).encode(),
        headers={"content-type": "application/json", "x-forwarded-for": client})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
def worker(n):
    rng = random.Random(n)
    while time.time() < stop:
        client = f"10.{n}.{rng.randrange(256)}.{rng.randrange(256)}"
        kind = rng.random()
        if kind < 0.6:
            status = call("signin", {"credentials": {"username": f"user{rng.randrange(10**6)}",
                          "password": "a wrong password, honestly"}}, client)
        elif kind < 0.8:
            status = call("signup/code/verify", {"input": {"code": "KT1FA-RBX53-1RM71",
                          "dob": {"month": "1", "day": "2", "year": "1980"}}}, client)
        else:
            status = call("signup/status", {"lookup": {"reference": "ABCD-EFGH",
                          "dob": {"month": "1", "day": "2", "year": "1980"}}}, client)
        with lock:
            counts[status] = counts.get(status, 0) + 1
def sampler():
    while time.time() < stop:
        peak[0] = max(peak[0], rss())
        time.sleep(1)
threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
threads.append(threading.Thread(target=sampler))
for t in threads: t.start()
for t in threads: t.join()
print(f"{sum(counts.values())} requests in {seconds:.0f} s, answers by status: {dict(sorted(counts.items()))}")
print(f"peak during the load: {peak[0]:.1f} MB")
PY
sleep 5
echo "after the load: $(rss) MB"
