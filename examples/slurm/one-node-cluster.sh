#!/usr/bin/env bash
# A one-node Slurm cluster for trying the job-array examples (and for fitlab's CI test): munged, slurmctld and
# slurmd on this machine. Slurm's files are kept in STATE_DIR (so /etc/slurm is left alone), munged's in
# /run/fitlab-munge-*. Needs root and Debian's slurm-wlm and munge packages
# (apt-get install -y --no-install-recommends slurm-wlm munge).
#
#   examples/slurm/one-node-cluster.sh start STATE_DIR   # prints the SLURM_CONF line to export
#   examples/slurm/one-node-cluster.sh stop STATE_DIR    # stops exactly the daemons start started (by their pids)
set -euo pipefail

cmd="${1:-}"
state="${2:-}"
if [[ -z "$cmd" || -z "$state" ]]; then
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
fi
mkdir -p "$state"
state="$(cd "$state" && pwd)"
conf="$state/slurm.conf"
# munged runs as the munge user, who may not be able to enter STATE_DIR (a private temp folder): its socket, pid and
# log go to a folder of their own under /run, one per STATE_DIR
munge_dir="/run/fitlab-munge-$(printf %s "$state" | sha256sum | cut -c1-12)"
socket="$munge_dir/munge.socket"

stop_pid_file() {
  local file="$1"
  [[ -f "$file" ]] || return 0
  local pid
  pid="$(tr -dc '0-9' < "$file")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$file"
}

case "$cmd" in
start)
  host="$(hostname -s)"
  cpus="$(nproc)"
  # munge: the key Debian's package generated, or a new one
  if [[ ! -s /etc/munge/munge.key ]]; then
    mkdir -p /etc/munge
    dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
  fi
  chown -R munge:munge /etc/munge
  chmod 700 /etc/munge
  chmod 400 /etc/munge/munge.key
  mkdir -p "$munge_dir"
  chown munge:munge "$munge_dir"
  chmod 755 "$munge_dir"
  su -s /bin/sh munge -c "/usr/sbin/munged --socket=$socket --pid-file=$munge_dir/munged.pid \
      --log-file=$munge_dir/munged.log --seed-file=$munge_dir/munged.seed"
  for _ in $(seq 1 50); do
    [[ -S "$socket" ]] && break
    sleep 0.1
  done
  munge --socket="$socket" -n | unmunge --socket="$socket" | grep -q 'STATUS: *Success' \
    || { echo "munge does not work; see $munge_dir/munged.log" >&2; exit 1; }

  mkdir -p "$state/slurmd" "$state/slurmctld"
  cat > "$conf" <<CONF
ClusterName=fitlab
SlurmctldHost=$host
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$socket
MpiDefault=none
ProctrackType=proctrack/linuxproc
ReturnToService=2
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/slurmctld.log
SlurmdLogFile=$state/slurmd.log
SlurmdSpoolDir=$state/slurmd
StateSaveLocation=$state/slurmctld
SlurmUser=root
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
JobCompType=jobcomp/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$conf"
  /usr/sbin/slurmctld -f "$conf"
  /usr/sbin/slurmd -f "$conf"
  for _ in $(seq 1 100); do
    if [[ "$(sinfo -h -o %T 2>/dev/null | head -1)" == idle* ]]; then
      echo "export SLURM_CONF=$conf"
      exit 0
    fi
    sleep 0.2
  done
  echo "the node did not become idle; see $state/slurmctld.log and $state/slurmd.log" >&2
  exit 1
  ;;
stop)
  stop_pid_file "$state/slurmd.pid"
  stop_pid_file "$state/slurmctld.pid"
  stop_pid_file "$munge_dir/munged.pid"
  rm -rf "$munge_dir"
  ;;
*)
  echo "usage: $0 start|stop STATE_DIR" >&2
  exit 2
  ;;
esac
