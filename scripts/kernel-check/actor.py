"""One side of a kernel check, run inside its network namespace (ip netns exec).

Reads a plan as one line of JSON on stdin: {"untilMs": ms, "port": the service port,
"steps": [{"at": ms, "call": ..., "sock": name, ...}]}, prints "ready", reads the start
time (epoch seconds) as the next line, so both sides count from the same moment however
long Python took to start, makes the socket calls at their times, polls /proc/net/tcp every 2 ms for the states of every socket on
the service port, and prints one JSON object: the calls made and the states seen.
"""
import json
import socket
import sys
import threading
import time

STATES = {
    "01": "ESTABLISHED", "02": "SYN_SENT", "03": "SYN_RECEIVED", "04": "FIN_WAIT_1",
    "05": "FIN_WAIT_2", "06": "TIME_WAIT", "07": "CLOSED", "08": "CLOSE_WAIT",
    "09": "LAST_ACK", "0A": "LISTEN", "0B": "CLOSING",
}

plan = json.loads(sys.stdin.readline())
print("ready", flush=True)
start = float(sys.stdin.readline())
until = start + plan["untilMs"] / 1000
port = plan["port"]
calls = []
seen = []
done = threading.Event()


def ms():
    return round((time.time() - start) * 1000, 3)


def endpoint(hexpair):
    addr, p = hexpair.split(":")
    raw = bytes.fromhex(addr)[::-1]
    return "%d.%d.%d.%d:%d" % (raw[0], raw[1], raw[2], raw[3], int(p, 16))


def poll():
    last = {}
    while not done.is_set():
        current = {}
        with open("/proc/net/tcp") as f:
            next(f)
            for line in f:
                fields = line.split()
                local, remote, state = endpoint(fields[1]), endpoint(fields[2]), fields[3]
                if local.endswith(":%d" % port) or remote.endswith(":%d" % port):
                    current[local + " " + remote] = STATES.get(state, state)
        # Read the clock after the file: a state seen now was entered at or before now.
        now = ms()
        for key, state in current.items():
            if last.get(key) != state:
                seen.append({"t": now, "socket": key, "state": state})
        for key in last:
            if key not in current:
                seen.append({"t": now, "socket": key, "state": "CLOSED"})
        last = current
        time.sleep(0.002)


def quick(s):
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)


socks = {}
poller = threading.Thread(target=poll, daemon=True)
poller.start()
for step in plan["steps"]:
    wait = start + step["at"] / 1000 - time.time()
    if wait > 0:
        time.sleep(wait)
    call, name = step["call"], step.get("sock", "s")
    entry = {"t": ms(), "call": call, "sock": name}
    try:
        if call == "listen":
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((step["address"], port))
            s.listen(step.get("backlog", 128))
            socks[name] = s
        elif call == "connect":
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            quick(s)
            s.bind((step["address"], step["localPort"]))
            s.setblocking(False)
            entry["result"] = s.connect_ex((step["peer"], port))
            socks[name] = s
        elif call == "accept":
            listener = socks[step["from"]]
            listener.settimeout(step.get("timeoutMs", 5000) / 1000)
            conn, addr = listener.accept()
            quick(conn)
            entry["peer"] = "%s:%d" % addr
            socks[name] = conn
        elif call == "send":
            s = socks[name]
            s.setblocking(True)
            s.sendall(b"x" * step["bytes"])
        elif call == "read":
            s = socks[name]
            s.setblocking(False)
            got = 0
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        entry["eof"] = True
                        break
                    got += len(chunk)
            except BlockingIOError:
                pass
            quick(s)
            entry["bytes"] = got
        elif call == "shutdown":
            socks[name].shutdown(socket.SHUT_WR)
        elif call == "close":
            socks.pop(name).close()
        elif call == "abort":
            s = socks.pop(name)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            s.close()
    except OSError as error:
        entry["error"] = error.strerror or str(error)
    except KeyError:
        entry["error"] = "no socket %s (an earlier call failed)" % name
    calls.append(entry)
wait = until - time.time()
if wait > 0:
    time.sleep(wait)
done.set()
poller.join()
print(json.dumps({"calls": calls, "states": seen}))
