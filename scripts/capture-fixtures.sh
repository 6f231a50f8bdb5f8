#!/bin/bash
# Writes the real captures under tests/fixtures/captures/ (run as root on Linux with
# tcpdump, tshark (for editcap) and gcc installed; apt-get install tcpdump tshark gcc).
# Each capture is taken in its own network namespace, so nothing else on the machine
# shows up in it. The unit tests' expected values come from `tcpdump -r FILE -nn -S -tt`
# and `tshark -r FILE`, not from the reader.
set -euo pipefail
out=$(cd "$(dirname "$0")/../tests/fixtures/captures" && pwd)
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; ip netns del kcf-lo 2>/dev/null; ip netns del kcf-a 2>/dev/null; ip netns del kcf-b 2>/dev/null; rm -rf "$work"' EXIT

# A tiny client and server: connect, send, close at fixed moments.
cat > "$work/peer.py" <<'PY'
import socket, sys, time
role, family, host, port = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
af = socket.AF_INET6 if family == "6" else socket.AF_INET
if role == "server":
    s = socket.socket(af, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port)); s.listen(8)
    c, _ = s.accept()
    data = c.recv(1000)
    time.sleep(0.3)
    c.close(); s.close()
else:
    # Give the server time to listen, even on a busy machine.
    time.sleep(1.0)
    c = socket.socket(af, socket.SOCK_STREAM)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    c.connect((host, port))
    time.sleep(0.2)
    c.sendall(b"hello, synack lab\n")
    time.sleep(0.2)
    c.close()
    time.sleep(0.5)
PY

sysctls="net.ipv4.tcp_timestamps=0 net.ipv4.tcp_sack=0 net.ipv4.tcp_window_scaling=0 net.ipv4.tcp_ecn=0"

capture() { # NS FILE IFACE [tcpdump options...]
  local ns=$1 file=$2 iface=$3; shift 3
  rm -f "$work/dump.err"
  ip netns exec "$ns" tcpdump -U -q -i "$iface" "$@" -w "$file" 'tcp' 2>"$work/dump.err" &
  dump=$!
  ready
}
# tcpdump says "listening on ..." once it captures; a busy machine can take seconds.
ready() { until grep -q listening "$work/dump.err" 2>/dev/null; do sleep 0.1; done; }
stop() { sleep 1; kill -INT $dump; wait $dump || true; }
# NS FAMILY HOST PORT: the server in the background, the client in the foreground.
talk() {
  ip netns exec "$1" python3 "$work/peer.py" server "$2" "$3" "$4" &
  local server=$!
  ip netns exec "$1" python3 "$work/peer.py" client "$2" "$3" "$4"
  wait $server
}

# Loopback in a namespace of its own: IPv4 and IPv6, Ethernet link type.
ip netns add kcf-lo
ip netns exec kcf-lo ip link set lo up
ip netns exec kcf-lo sysctl -q -w $sysctls

capture kcf-lo "$work/v4.pcap" lo
talk kcf-lo 4 127.0.0.1 5000; stop
cp "$work/v4.pcap" "$out/loopback-v4.pcap"

capture kcf-lo "$work/v6.pcap" lo --time-stamp-precision nano
talk kcf-lo 6 ::1 5000; stop
cp "$work/v6.pcap" "$out/loopback-v6-nano.pcap"

# -i any: Linux cooked headers, SLL (113) and SLL2 (276).
capture kcf-lo "$work/sll.pcap" any -y LINUX_SLL
talk kcf-lo 4 127.0.0.1 5001; stop
cp "$work/sll.pcap" "$out/any-sll.pcap"

capture kcf-lo "$work/sll2.pcap" any -y LINUX_SLL2
talk kcf-lo 4 127.0.0.1 5002; stop
editcap -F pcapng "$work/sll2.pcap" "$out/any-sll2.pcapng"

# Two namespaces joined by the kernel check's relay (50 ms each way, raw IP link type):
# a plain connection, and one whose first FIN the relay loses.
gcc -O2 -o "$work/relay" "$(dirname "$0")/kernel-check/relay.c"
for ns in a b; do
  ip netns add kcf-$ns
  ip -n kcf-$ns tuntap add dev kct mode tun
  ip netns exec kcf-$ns sysctl -q -w $sysctls
done
ip -n kcf-a addr add 10.77.0.1 peer 10.77.0.2 dev kct
ip -n kcf-b addr add 10.77.0.2 peer 10.77.0.1 dev kct
ip -n kcf-a link set kct up
ip -n kcf-b link set kct up

relay() { "$work/relay" kcf-a kcf-b kct 50000 "$work/relay.log" "$@" > /dev/null & relayed=$!; sleep 0.5; }

relay
capture kcf-a "$work/relayed.pcap" kct --time-stamp-precision nano
ip netns exec kcf-b python3 "$work/peer.py" server 4 10.77.0.2 5000 &
server=$!
ip netns exec kcf-a python3 "$work/peer.py" client 4 10.77.0.2 5000
wait $server; stop; kill $relayed; wait $relayed || true
cp "$work/relayed.pcap" "$out/relayed-close-nano.pcap"

# The client's FIN (FIN+ACK, flags 17) is lost once; captured at the client, both copies show.
relay "A,17,1,0"
capture kcf-a "$work/lost.pcap" kct
ip netns exec kcf-b python3 "$work/peer.py" server 4 10.77.0.2 5000 &
server=$!
ip netns exec kcf-a python3 "$work/peer.py" client 4 10.77.0.2 5000
wait $server; stop; kill $relayed; wait $relayed || true
editcap -F pcapng "$work/lost.pcap" "$out/relayed-lost-fin.pcapng"

# Derived files: two interfaces (Ethernet at microseconds, raw IP at nanoseconds) in one
# pcapng; snap lengths that cut the TCP header (40) and only the data (60).
mergecap -F pcapng -w "$out/two-interfaces.pcapng" "$out/loopback-v4.pcap" "$out/relayed-close-nano.pcap"
editcap -F pcap -s 40 "$out/loopback-v4.pcap" "$out/snap40-headers-cut.pcap"
editcap -F pcap -s 60 "$out/loopback-v4.pcap" "$out/snap60-data-cut.pcap"

# No TCP at all: two UDP datagrams to a closed port and the ICMP errors they cause.
tcpdump_all() { rm -f "$work/dump.err"; ip netns exec kcf-lo tcpdump -U -q -i lo -w "$1" 2>"$work/dump.err" & dump=$!; ready; }
tcpdump_all "$work/udp.pcap"
ip netns exec kcf-lo python3 -c "
import socket; s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for _ in range(2): s.sendto(b'not tcp', ('127.0.0.1', 9999))"
stop
cp "$work/udp.pcap" "$out/no-tcp-udp.pcap"
ls -l "$out"
