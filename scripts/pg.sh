#!/usr/bin/env bash
# scripts/pg.sh — a private, disposable PostgreSQL cluster for development and tests.
#
#   scripts/pg.sh exec CMD [ARGS...]  run CMD with DATABASE_URL set (starts/stops the cluster as needed)
#   scripts/pg.sh start               start the cluster and keep it running (until `stop`)
#   scripts/pg.sh stop                stop the cluster
#   scripts/pg.sh status              show where the cluster lives and whether it runs
#   scripts/pg.sh url                 print the DATABASE_URL that `exec` would use
#
# Environment:
#   DATABASE_URL  if set, `exec` just runs CMD against that server; no cluster is touched
#   PGDATA_DIR    data folder (default: <repo>/.data/postgres)
#   PG_PORT       port on 127.0.0.1 (default: 54329; the machine's own PostgreSQL on 5432 is never used)
#
# Why a private cluster: tests need a role that may CREATE DATABASE (pgtestdb clones a template per
# test), and nobody should have to configure, or risk, the machine's shared server. The cluster uses
# trust auth, listens on 127.0.0.1 only and keeps its unix socket inside its own data folder.
#
# `exec` stops the cluster when it ends if an `exec` started it and no other `exec` still uses it
# (so `make run` in one terminal and `make test` in another share one cluster safely). A cluster
# started with `start` stays up until `stop`.
set -euo pipefail

ROOT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DATA=${PGDATA_DIR:-$ROOT_DIR/.data/postgres}
[[ $DATA == /* ]] || DATA=$PWD/$DATA
DATA=${DATA%/}
PG_PORT=${PG_PORT:-54329}
DB_NAME=hotline
DB_USER=postgres              # the cluster's superuser: pgtestdb needs CREATEDB
SOCK_DIR=$DATA/sockets        # never /var/run/postgresql: that belongs to the system server
LOG_FILE=$DATA/server.log
# Bookkeeping lives next to the data folder, not in it: initdb wants an empty folder.
LOCK_FILE=$DATA.lock          # held exclusively while starting/stopping (serialises initdb/start/stop)
USERS_FILE=$DATA.users        # held shared by every running `exec` (a reference count the kernel keeps)
AUTOSTOP_FILE=$DATA.autostop  # exists while the running cluster was started by `exec`
# Fixed descriptors for the two locks. Every long-lived child gets them closed (`8>&- 9>&-`), or a
# daemonised postmaster would inherit and hold the locks forever.
LOCK_FD=9
USERS_FD=8

BIN=''        # PostgreSQL bin folder, e.g. /usr/lib/postgresql/15/bin
VER=''        # its major version
RUN_AS=''     # user that runs initdb/postgres when we are root (they refuse to run as root)
PORT=$PG_PORT # port the cluster actually listens on (a running cluster may use another one)
LOCKS_OPEN=0
GOT_SIGNAL=''

say() { printf 'pg.sh: %s\n' "$*" >&2; }
die() {
	say "error: $*"
	exit 1
}
show() { # a path relative to the current folder when below it, for shorter messages
	case $1 in "$PWD"/*) printf '%s' "${1#"$PWD"/}" ;; *) printf '%s' "$1" ;; esac
}
url_for() { printf 'postgres://%s@127.0.0.1:%s/%s?sslmode=disable' "$DB_USER" "$PORT" "$1"; }

usage() {
	sed -n '2,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
	exit 2
}

if ! [[ $PG_PORT =~ ^[0-9]+$ ]] || ((PG_PORT < 1 || PG_PORT > 65535)); then
	die "PG_PORT must be a TCP port number, got '$PG_PORT'"
fi

# --- locating PostgreSQL ----------------------------------------------------------------------

pg_major() { # "pg_ctl (PostgreSQL) 15.20 (Debian ...)" -> 15
	local v
	v=$("$1/pg_ctl" --version | awk '{print $3}')
	printf '%s' "${v%%.*}"
}

find_bin() {
	local want='' f candidates=()
	if [[ -r $DATA/PG_VERSION ]]; then want=$(<"$DATA/PG_VERSION"); fi
	# Debian/Ubuntu keep server binaries off PATH, one folder per major version. An existing
	# cluster must be run by its own major version; a new one gets the newest installed.
	if [[ -n $want && -x /usr/lib/postgresql/$want/bin/initdb ]]; then
		BIN=/usr/lib/postgresql/$want/bin
	else
		for f in /usr/lib/postgresql/*/bin/initdb; do
			[[ -x $f ]] && candidates+=("${f%/initdb}")
		done
		if ((${#candidates[@]} > 0)); then
			BIN=$(printf '%s\n' "${candidates[@]}" | sort -V | tail -n 1)
		elif f=$(command -v initdb); then # Fedora, Arch, Homebrew, ...
			BIN=$(dirname "$f")
		else
			say "PostgreSQL not found. Install it with: sudo apt-get install postgresql  (Debian/Ubuntu) — or set DATABASE_URL to an existing server."
			exit 1
		fi
	fi
	VER=$(pg_major "$BIN")
	if [[ -n $want && $want != "$VER" ]]; then
		die "$(show "$DATA") was created by PostgreSQL $want, but only PostgreSQL $VER is installed ($BIN).
  Install PostgreSQL $want, or delete the (disposable) dev/test data: rm -rf '$(show "$DATA")'"
	fi
}

# --- running things as the cluster's owner ----------------------------------------------------

pick_user() {
	local me owner
	me=$(id -un)
	owner=''
	if [[ -e $DATA ]]; then owner=$(stat -c %U "$DATA"); fi
	if ((EUID != 0)); then
		# Not root: initdb/postgres run as ourselves, so the data folder must be ours.
		if [[ -n $owner && $owner != "$me" ]]; then
			die "$(show "$DATA") belongs to '$owner', not to you ('$me'). Run as root or '$owner', or use another folder: PGDATA_DIR=/some/where"
		fi
		return 0
	fi
	# Root: initdb/postgres refuse to run as root. Keep whoever already owns the data folder;
	# otherwise use the distribution's `postgres` user, or a system user of our own.
	if [[ -n $owner && $owner != root && $owner != UNKNOWN ]]; then
		RUN_AS=$owner
	elif id -u postgres >/dev/null 2>&1; then
		RUN_AS=postgres
	else
		RUN_AS=hotline-pg
		if ! id -u "$RUN_AS" >/dev/null 2>&1; then
			command -v useradd >/dev/null ||
				die "PostgreSQL cannot run as root and there is no 'postgres' user; create one (e.g. useradd --system postgres) or run as a normal user"
			say "creating system user '$RUN_AS' to run PostgreSQL (it refuses to run as root)"
			useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$RUN_AS"
		fi
	fi
}

# as_pg CMD...: run CMD as the cluster's owner, from / (the caller's folder may be unreadable for
# that user) and without our lock descriptors.
as_pg() {
	if [[ -z $RUN_AS ]]; then
		(cd / && "$@" 8>&- 9>&-)
	elif command -v runuser >/dev/null; then
		(cd / && runuser -u "$RUN_AS" -- "$@" 8>&- 9>&-)
	else
		(cd / && su -s /bin/sh "$RUN_AS" -c "$(printf '%q ' "$@")" 8>&- 9>&-)
	fi
}

# When root, the unprivileged owner must be able to reach the data folder: every parent folder
# needs the search (x) bit for it. /root (mode 700) is the usual culprit.
check_reachable() {
	local dir=$1 d='' part parts blocked=()
	[[ -n $RUN_AS ]] || return 0
	as_pg test -x "$dir" && return 0
	IFS=/ read -ra parts <<<"${dir#/}"
	for part in "${parts[@]}"; do
		d=$d/$part
		as_pg test -x "$d" && continue
		# The first folder it cannot enter surely blocks; below it, judge by the "others" x bit.
		if ((${#blocked[@]} == 0)) || [[ $(stat -c %A "$d") != *[xt] ]]; then blocked+=("$d"); fi
	done
	if command -v setfacl >/dev/null; then
		# An ACL grants traversal to that one user only, which is the least intrusive fix.
		say "letting user '$RUN_AS' traverse ${blocked[*]} (setfacl -m u:$RUN_AS:x)"
		setfacl -m "u:$RUN_AS:x" "${blocked[@]}"
		as_pg test -x "$dir" && return 0
	fi
	die "PostgreSQL runs as user '$RUN_AS' (it refuses to run as root), who cannot reach $dir:
  no search permission on ${blocked[*]}. Either allow traversal (lists nothing, only lets it pass through):
    chmod o+x ${blocked[*]}
  or keep the cluster somewhere it can reach, e.g.:
    export PGDATA_DIR=/var/lib/hotline-pg/data"
}

init_env() {
	find_bin
	pick_user
	if ((EUID == 0)); then
		(umask 022 && mkdir -p "$(dirname "$DATA")")
		check_reachable "$(dirname "$DATA")"
	fi
}

# --- locks ------------------------------------------------------------------------------------

open_locks() {
	(umask 022 && mkdir -p "$(dirname "$DATA")")
	exec 9>>"$LOCK_FILE" 8>>"$USERS_FILE"
	LOCKS_OPEN=1
}

lock_setup() {
	if ! flock -n "$LOCK_FD"; then
		say "waiting for another scripts/pg.sh to finish starting or stopping PostgreSQL..."
		flock -w 120 "$LOCK_FD" || die "timed out waiting for the lock $(show "$LOCK_FILE")"
	fi
}

others_using() { ! flock -n -x "$USERS_FILE" true; }

# --- the cluster ------------------------------------------------------------------------------

# is_pg_process PID: a live (not zombie) postgres process working in our data folder.
is_pg_process() {
	local comm='' cwd
	read -r comm 2>/dev/null <"/proc/$1/comm" || return 1
	[[ $comm == postgres || $comm == postmaster ]] || return 1
	cwd=$(readlink "/proc/$1/cwd" 2>/dev/null) || return 1 # zombies have no cwd
	[[ $cwd == "$(cd "$DATA" && pwd -P)" ]]
}

postmaster_pid() { sed -n 1p "$DATA/postmaster.pid" 2>/dev/null || true; }

is_running() {
	[[ -f $DATA/PG_VERSION && -f $DATA/postmaster.pid ]] || return 1
	if [[ -d /proc/self ]]; then
		# pg_ctl status only checks that the PID in postmaster.pid exists. After a kill -9 that PID
		# may be a zombie (containers whose init is slow to reap) or reused by another process.
		local pid
		pid=$(postmaster_pid)
		[[ $pid =~ ^[0-9]+$ ]] && is_pg_process "$pid"
	else
		as_pg "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1
	fi
}

# pids of live postgres processes of a server in our data folder that is not running any more
# (backends of a killed postmaster, which may need a moment to notice and exit).
leftover_pids() {
	local p
	[[ -d /proc/self ]] || return 0
	for p in /proc/[0-9]*; do
		if is_pg_process "${p#/proc/}"; then printf '%s ' "${p#/proc/}"; fi
	done
}

# After a kill -9 of the postmaster: wait for its leftover processes, then remove the lock files
# it left (postmaster.pid, the socket's .lock). postgres cleans these up itself unless their PID
# is a zombie (containers whose init is slow to reap) or reused, and then refuses to start.
recover_after_crash() {
	local left='' waited=0
	[[ -d /proc/self ]] || return 0 # elsewhere, leave it all to postgres
	[[ -f $DATA/postmaster.pid ]] || return 0
	while left=$(leftover_pids) && [[ -n $left ]] && ((waited < 60)); do
		((waited > 0)) || say "waiting for processes of a killed server to exit: $left"
		waited=$((waited + 1))
		sleep 0.5
	done
	[[ -z $left ]] || die "processes of a killed PostgreSQL server still use $(show "$DATA"); stop them and retry: kill $left"
	say "cleaning up after a server that did not shut down cleanly"
	rm -f "$DATA/postmaster.pid" "$SOCK_DIR"/.s.PGSQL.*
}

running_port() { # line 4 of postmaster.pid is the port the running server listens on
	local p=''
	[[ -r $DATA/postmaster.pid ]] && p=$(sed -n 4p "$DATA/postmaster.pid")
	[[ $p =~ ^[0-9]+$ ]] && printf '%s' "$p" || printf '%s' "$PG_PORT"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

die_port() {
	die "127.0.0.1:$PORT is already in use by another program (another checkout's cluster, another PostgreSQL, ...).
  Pick a free port with PG_PORT, e.g.: PG_PORT=$((PORT + 1)) make test"
}

ensure_initialized() {
	[[ -f $DATA/PG_VERSION ]] && return 0
	if [[ -d $DATA && -n $(ls -A "$DATA") ]]; then
		die "$(show "$DATA") exists but is not a PostgreSQL data folder; move it away or set PGDATA_DIR"
	fi
	say "first run: creating a PostgreSQL $VER cluster in $(show "$DATA")"
	# Build it next door and rename it into place, so that an interrupted first run leaves nothing
	# half-made behind. (An existing empty folder, maybe a mount point, is used in place.)
	local dir=$DATA
	if [[ ! -d $DATA ]]; then
		dir=$DATA.initdb
		rm -rf "$dir"
	fi
	mkdir -p "$(dirname "$DATA")"
	[[ -d $dir ]] || mkdir -m 700 "$dir"
	[[ -z $RUN_AS ]] || chown "$RUN_AS:" "$dir"
	local out locale_opt ok=0
	# C.UTF-8 gives UTF-8 with byte-order collation everywhere; where that locale is missing,
	# --no-locale (C) with UTF8 encoding behaves the same for our purposes.
	for locale_opt in --locale=C.UTF-8 --no-locale; do
		if out=$(as_pg "$BIN/initdb" -D "$dir" --auth=trust -U "$DB_USER" -E UTF8 "$locale_opt" 2>&1); then
			ok=1
			break
		fi
		say "initdb $locale_opt failed:"
		printf '%s\n' "$out" | sed 's/^/  /' >&2
	done
	((ok)) || die "initdb failed (see above)"
	# Trust, but only through the private socket folder and 127.0.0.1 (no ::1, no replication).
	as_pg tee "$dir/pg_hba.conf" >/dev/null <<-'EOF'
		# Written by scripts/pg.sh: a disposable dev/test cluster, reachable only from this machine.
		local  all  all                trust
		host   all  all  127.0.0.1/32  trust
	EOF
	# Our settings live in hotline.conf, rewritten on every start (so PG_PORT can change).
	printf "\ninclude_if_exists = 'hotline.conf'\t# added by scripts/pg.sh\n" |
		as_pg tee -a "$dir/postgresql.conf" >/dev/null
	[[ $dir == "$DATA" ]] || mv "$dir" "$DATA"
}

write_server_conf() {
	local sock=$SOCK_DIR
	as_pg mkdir -p -m 700 "$SOCK_DIR"
	# Unix socket paths are limited to 107 bytes; a deeply nested checkout simply goes TCP-only.
	if ((${#sock} + ${#PORT} + 12 > 107)); then
		say "note: $SOCK_DIR is too long for a unix socket; listening on TCP only"
		sock=''
	fi
	sock=${sock//\'/\'\'} # quote for postgresql.conf
	as_pg tee "$DATA/hotline.conf" >/dev/null <<-EOF
		# Written by scripts/pg.sh on every start; edits are overwritten.
		listen_addresses = '127.0.0.1'
		port = $PORT
		unix_socket_directories = '$sock'
		# Disposable dev/test data: trade crash safety (OS crash, not a killed server) for speed;
		# pgtestdb creates a database per test. To start over: scripts/pg.sh stop; rm -rf .data
		fsync = off
		synchronous_commit = off
		full_page_writes = off
	EOF
}

start_server() {
	port_in_use "$PORT" && die_port
	recover_after_crash
	write_server_conf
	local attempt offset out fresh=''
	for attempt in 1 2 3 4 5 6 7 8 9 10; do
		offset=$(stat -c %s "$LOG_FILE" 2>/dev/null || echo 0)
		if out=$(as_pg "$BIN/pg_ctl" start -D "$DATA" -l "$LOG_FILE" -w -t 60 -s 2>&1); then
			say "started PostgreSQL $VER on 127.0.0.1:$PORT (data: $(show "$DATA"), log: $(show "$LOG_FILE"))"
			return 0
		fi
		fresh=$(tail -c +"$((offset + 1))" "$LOG_FILE" 2>/dev/null || true)
		if [[ $fresh == *'Address already in use'* ]]; then
			die_port
		elif [[ $fresh == *'pre-existing shared memory block'* ]]; then
			# Where /proc is missing, recover_after_crash cannot wait for a killed server's
			# leftover processes; postgres notices them through its shared memory instead.
			say "processes of a previously killed server are still exiting; retrying ($attempt)..."
			sleep 1
		else
			break
		fi
	done
	say "error: PostgreSQL did not start: $out"
	say "log ($(show "$LOG_FILE")):"
	printf '%s\n' "$fresh" | tail -n 20 | sed 's/^/  /' >&2
	exit 1
}

stop_server() {
	if ! as_pg "$BIN/pg_ctl" stop -D "$DATA" -m fast -w -t 60 -s; then
		say "fast shutdown did not finish; forcing an immediate shutdown"
		as_pg "$BIN/pg_ctl" stop -D "$DATA" -m immediate -w -t 30 -s || return 1
	fi
	say "stopped PostgreSQL ($(show "$DATA"))"
}

wait_ready() {
	local _
	for _ in $(seq 1 30); do
		"$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -t 2 && return 0
		sleep 0.5
	done
	return 1
}

ensure_database() {
	local exists
	exists=$(PGCONNECT_TIMEOUT=10 "$BIN/psql" -X -At -v ON_ERROR_STOP=1 -d "$(url_for postgres)" \
		-c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")
	if [[ $exists != 1 ]]; then
		PGCONNECT_TIMEOUT=10 "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$(url_for postgres)" -c "CREATE DATABASE $DB_NAME"
		say "created database $DB_NAME"
	fi
}

# ensure_running yes|no: initialise and start the cluster unless it runs; "yes" marks a cluster
# we start as auto-stopping (started by `exec`). Caller holds the setup lock.
ensure_running() {
	ensure_initialized
	if is_running; then
		PORT=$(running_port)
		wait_ready || die "$(show "$DATA")/postmaster.pid says a server runs (port $PORT), but nothing answers there.
  If no PostgreSQL runs from this folder, remove the stale file: rm '$DATA/postmaster.pid'"
		say "using the PostgreSQL already running from $(show "$DATA") on 127.0.0.1:$PORT"
	else
		# Mark before starting: if we are interrupted half-way, cleanup still stops what we started.
		if [[ $1 == yes ]]; then : >"$AUTOSTOP_FILE"; else rm -f "$AUTOSTOP_FILE"; fi
		start_server
	fi
	ensure_database
}

# Runs on exit of `exec`: drop our share; the last `exec` out stops an auto-stopping cluster.
release() {
	trap '' INT TERM HUP # a second Ctrl-C must not interrupt a clean shutdown half-way
	((LOCKS_OPEN)) || return 0
	if ! flock -w 120 "$LOCK_FD"; then
		say "warning: could not take $(show "$LOCK_FILE"); leaving PostgreSQL running"
		return 0
	fi
	exec 8>&-
	if [[ -e $AUTOSTOP_FILE ]] && ! others_using; then
		if is_running; then stop_server || say "warning: could not stop PostgreSQL; see $(show "$LOG_FILE")"; fi
		rm -f "$AUTOSTOP_FILE"
	fi
	exec 9>&-
	LOCKS_OPEN=0
}

# --- subcommands ------------------------------------------------------------------------------

cmd_exec() {
	(($# > 0)) || usage
	# An explicit server wins: run the command as is, nothing to start or stop.
	[[ -n ${DATABASE_URL:-} ]] && exec "$@"

	# While setting up, a signal aborts (the EXIT trap stops a cluster we already started).
	trap 'exit 129' HUP
	trap 'exit 130' INT
	trap 'exit 143' TERM
	init_env
	open_locks
	trap release EXIT
	lock_setup
	ensure_running yes
	flock -s "$USERS_FD" # we are a user now...
	flock -u "$LOCK_FD"  # ...and others may start/stop/reuse it
	DATABASE_URL=$(url_for "$DB_NAME")
	export DATABASE_URL

	# Run CMD in the foreground (not exec: we stop the cluster afterwards). A terminal's Ctrl-C
	# reaches CMD directly (same process group) and lets it shut down gracefully; bash runs the
	# traps below only after CMD has exited, so here they just remember the signal.
	trap 'GOT_SIGNAL=HUP' HUP
	trap 'GOT_SIGNAL=INT' INT
	trap 'GOT_SIGNAL=TERM' TERM
	local status=0
	"$@" 8>&- 9>&- || status=$?
	release
	trap - EXIT
	# If CMD died of the signal we got, die of it too so callers (make, shells) see an interrupt.
	if [[ -n $GOT_SIGNAL ]] && ((status == 128 + $(kill -l "$GOT_SIGNAL"))); then
		trap - "$GOT_SIGNAL"
		kill -s "$GOT_SIGNAL" "$$"
	fi
	exit "$status"
}

cmd_start() {
	init_env
	open_locks
	lock_setup
	ensure_running no
	rm -f "$AUTOSTOP_FILE" # started or adopted by hand: keep it running until `stop`
	say "PostgreSQL keeps running; stop it with: scripts/pg.sh stop (or make db-stop)"
	url_for "$DB_NAME"
	echo
}

cmd_stop() {
	if [[ ! -f $DATA/PG_VERSION ]]; then
		say "no cluster in $(show "$DATA")"
		return 0
	fi
	init_env
	open_locks
	lock_setup
	if is_running; then
		others_using && say "note: running 'scripts/pg.sh exec' commands lose their database"
		stop_server
	else
		say "PostgreSQL is not running ($(show "$DATA"))"
	fi
	rm -f "$AUTOSTOP_FILE"
}

cmd_status() {
	if [[ ! -f $DATA/PG_VERSION ]]; then
		say "no cluster yet in $(show "$DATA") (created on first 'scripts/pg.sh exec' or 'start')"
		return 3
	fi
	init_env
	if is_running; then
		PORT=$(running_port)
		local how="started by 'scripts/pg.sh start'; stop it with 'scripts/pg.sh stop'"
		[[ -e $AUTOSTOP_FILE ]] && how="started by 'scripts/pg.sh exec'; stops when the last exec ends"
		say "running: PostgreSQL $VER, pid $(postmaster_pid), 127.0.0.1:$PORT, data $(show "$DATA") ($how)"
		url_for "$DB_NAME"
		echo
	else
		say "stopped: PostgreSQL $VER cluster in $(show "$DATA")"
		return 3
	fi
}

cmd_url() {
	if [[ -n ${DATABASE_URL:-} ]]; then
		printf '%s\n' "$DATABASE_URL"
	else
		PORT=$(running_port)
		url_for "$DB_NAME"
		echo
	fi
}

case ${1:-} in
exec) shift && cmd_exec "$@" ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
url) cmd_url ;;
*) usage ;;
esac
