/**
 * The read-only shell scripts that look at a host before a reset: which
 * MySQL/MariaDB servers run, with what options, under what manager, and
 * whether a way in without a restart works. They print `key=value` lines.
 * Wrapped in main() so a cut upload runs nothing.
 */

const PATHS =
  'PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin:/usr/libexec:/usr/local/mysql/bin"';

/** Facts about the host and every running server process; needs root. */
export const DETECT_SCRIPT = `main() {
  ${PATHS}; export PATH
  say() { printf '%s=%s\\n' "$1" "$2"; }
  # The SSH user, also when sudo made this script root.
  say os_user "\${SUDO_USER:-$(id -un)}"
  for name in mariadbd mysqld; do
    path=$(command -v "$name" 2>/dev/null) && say binary "$path"
  done
  # The server an init script starts: the one with the option files' defaults.
  for name in mariadbd mysqld; do
    path=$(command -v "$name" 2>/dev/null) || continue
    "$path" --verbose --help 2>/dev/null | grep -E '^(pid-file|socket) ' \
      | while read -r key value; do say "default.$key" "$value"; done
    break
  done
  for name in mariadb mysql; do
    path=$(command -v "$name" 2>/dev/null) && say client "$path"
  done
  for pid in $(pgrep -x 'mariadbd|mysqld' 2>/dev/null); do
    exe=$(readlink -f "/proc/$pid/exe" 2>/dev/null) || continue
    say proc "$pid"
    say "proc.$pid.exe" "$exe"
    say "proc.$pid.owner" "$(stat -c %U "/proc/$pid" 2>/dev/null)"
    say "proc.$pid.ppid" "$(awk '{print $4}' "/proc/$pid/stat" 2>/dev/null)"
    say "proc.$pid.version" "$("$exe" --version 2>/dev/null | head -n 1)"
    # The process's own arguments and option files give its effective settings.
    xargs -0 sh -c 'exe=$1; shift 2; "$exe" "$@" --verbose --help 2>/dev/null' sh "$exe" < "/proc/$pid/cmdline" \\
      | grep -E '^(datadir|socket|port|pid-file|log-bin|wsrep-on|skip-networking|general-log|log-error) ' \\
      | while read -r key value; do say "proc.$pid.$key" "$value"; done
  done
  ss -ltnpH 2>/dev/null | grep -E '"(mariadbd|mysqld)"' | while read -r _ _ _ local _ users; do
    pid=$(printf '%s' "$users" | sed -n 's/.*pid=\\([0-9]*\\).*/\\1/p')
    say "listen.$pid" "\${local##*:}"
  done
  if [ -d /run/systemd/system ]; then
    say systemd yes
    for unit in mariadb mysql mysqld; do
      systemctl show -p Id,MainPID,ActiveState,LoadState "$unit.service" 2>/dev/null \\
        | while IFS='=' read -r key value; do say "unit.$unit.$key" "$value"; done
      systemctl cat "$unit.service" 2>/dev/null | grep -q '^ExecStart=.*\\$MYSQLD_OPTS' && say "unit.$unit.opts" yes
    done
  fi
  for script in /etc/init.d/mariadb /etc/init.d/mysql /etc/init.d/mysqld; do
    [ -x "$script" ] && say sysv "$script"
  done
  command -v aa-status >/dev/null 2>&1 && say apparmor "$(aa-status 2>/dev/null | grep -E 'mysqld|mariadbd' | head -n 1 | sed 's/^ *//')"
  command -v getenforce >/dev/null 2>&1 && say selinux "$(getenforce 2>/dev/null)"
  for dir in /run/opsdeck-reset.* /tmp/opsdeck-reset.*; do
    [ -d "$dir" ] || continue
    state=ended; pid=$(cat "$dir/pid" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && state=running
    say leftover "$dir $state $(sed -n 's/^@@target //p' "$dir/log" 2>/dev/null | head -n 1)"
  done
  true
}
main "$@"
`;

/**
 * Tries, read-only, the ways in that need no restart: root over the socket
 * (unix_socket or auth_socket), the Debian maintenance file, and an RPM
 * install's temporary password. Arguments: client, socket.
 */
export const PROBE_SCRIPT = `main() {
  ${PATHS}; export PATH
  client=$1; socket=$2; umask 077
  say() { printf '%s=%s\\n' "$1" "$2"; }
  if "$client" --no-defaults --protocol=SOCKET -S "$socket" -u root -N -e 'SELECT CURRENT_USER()' </dev/null >/dev/null 2>&1; then
    say access socket-root; return 0
  fi
  for file in /etc/mysql/debian.cnf; do
    [ -r "$file" ] || continue
    user=$(sed -n 's/^[[:space:]]*user[[:space:]]*=[[:space:]]*//p' "$file" | head -n 1)
    grep -q '^[[:space:]]*password' "$file" || continue
    if "$client" --defaults-file="$file" --protocol=SOCKET -S "$socket" -N -e 'SELECT 1' </dev/null >/dev/null 2>&1; then
      say access maintenance-file; say access.path "$file"; say access.user "$user"; return 0
    fi
  done
  for log in /var/log/mysqld.log /var/log/mysql/mysqld.log; do
    [ -r "$log" ] || continue
    temp=$(grep 'temporary password' "$log" | tail -n 1 | sed 's/.*: //')
    [ -n "$temp" ] || continue
    cnf=$(mktemp) || continue
    printf '[client]\\nuser=root\\npassword="%s"\\n' "$temp" > "$cnf"
    out=$("$client" --defaults-extra-file="$cnf" --protocol=SOCKET -S "$socket" --connect-expired-password -N -e 'SELECT 1' </dev/null 2>&1); code=$?
    rm -f -- "$cnf"
    if [ $code -eq 0 ] || printf '%s' "$out" | grep -q 1820; then
      say access temporary-password; say access.log "$log"; return 0
    fi
  done
  say access none
}
main "$@"
`;
