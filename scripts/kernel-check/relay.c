/*
 * The network between the two namespaces of a kernel check: a TUN device in each,
 * and this relay copying packets between them after the one-way latency (the
 * machine's kernel has no netem qdisc). It logs every packet it reads, with the time
 * it read it, and drops the ones its rules name, so a drop is a loss in flight: the
 * sender's kernel sent the segment successfully.
 *
 * usage: relay NS_A NS_B IFNAME LATENCY_US LOG [RULE...]
 *   RULE = SIDE,FLAGS,OCCURRENCE,PORT: drop TCP segments sent from SIDE (A or B) whose
 *   flags byte, FIN|SYN|RST|PSH|ACK bits only, equals FLAGS; only the OCCURRENCE-th
 *   (0: every one); only those of the connection whose A-side port is PORT, or of every
 *   other connection when PORT is negative (0: any).
 * Log lines: EPOCH_NS SIDE DROPPED HEX. SIGTERM ends it.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#define MAXQ 4096
#define MAXPKT 2048
#define MAXRULES 16

struct pkt { long long due; int len; unsigned char data[MAXPKT]; };
struct queue { struct pkt p[MAXQ]; int head, tail; };
struct rule { int side, flags, occurrence, port, seen; };

static struct queue q[2];
static struct rule rules[MAXRULES];
static int nrules;
static volatile sig_atomic_t stop;

static long long now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int open_tun(const char *ns, const char *name) {
  char path[256];
  snprintf(path, sizeof path, "/var/run/netns/%s", ns);
  int nsfd = open(path, O_RDONLY);
  if (nsfd < 0 || setns(nsfd, CLONE_NEWNET) < 0) { perror(path); exit(2); }
  close(nsfd);
  int fd = open("/dev/net/tun", O_RDWR | O_NONBLOCK);
  if (fd < 0) { perror("/dev/net/tun"); exit(2); }
  struct ifreq ifr;
  memset(&ifr, 0, sizeof ifr);
  ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
  strncpy(ifr.ifr_name, name, IFNAMSIZ - 1);
  if (ioctl(fd, TUNSETIFF, &ifr) < 0) { perror("TUNSETIFF"); exit(2); }
  return fd;
}

/* The TCP header of an IPv4 packet, or NULL. */
static const unsigned char *tcp_of(const unsigned char *ip, int len) {
  if (len < 20 || (ip[0] >> 4) != 4 || ip[9] != 6) return NULL;
  int ihl = (ip[0] & 15) * 4;
  if (len < ihl + 20) return NULL;
  return ip + ihl;
}

static int dropped(int side, const unsigned char *ip, int len) {
  const unsigned char *tcp = tcp_of(ip, len);
  if (!tcp) return 0;
  int flags = tcp[13] & 0x1f;
  /* The A-side port: the source port of what A sends, the destination port of what B sends. */
  int aport = side == 0 ? (tcp[0] << 8 | tcp[1]) : (tcp[2] << 8 | tcp[3]);
  int drop = 0;
  for (int i = 0; i < nrules; i++) {
    struct rule *r = &rules[i];
    if (r->side != side || r->flags != flags) continue;
    if (r->port > 0 && aport != r->port) continue;
    if (r->port < 0 && aport == -r->port) continue;
    r->seen++;
    if (r->occurrence == 0 || r->occurrence == r->seen) drop = 1;
  }
  return drop;
}

static void on_term(int sig) { (void)sig; stop = 1; }

int main(int argc, char **argv) {
  if (argc < 6) { fprintf(stderr, "usage: relay NS_A NS_B IFNAME LATENCY_US LOG [RULE...]\n"); return 2; }
  long long latency = atoll(argv[4]) * 1000LL;
  FILE *log = fopen(argv[5], "w");
  if (!log) { perror(argv[5]); return 2; }
  for (int i = 6; i < argc && nrules < MAXRULES; i++) {
    char side;
    struct rule *r = &rules[nrules];
    if (sscanf(argv[i], "%c,%d,%d,%d", &side, &r->flags, &r->occurrence, &r->port) != 4) {
      fprintf(stderr, "bad rule %s\n", argv[i]);
      return 2;
    }
    r->side = side == 'A' ? 0 : 1;
    nrules++;
  }
  int fd[2];
  fd[0] = open_tun(argv[1], argv[3]);
  fd[1] = open_tun(argv[2], argv[3]);
  signal(SIGTERM, on_term);
  signal(SIGINT, on_term);
  printf("ready\n");
  fflush(stdout);
  unsigned char buf[MAXPKT];
  while (!stop) {
    long long t = now_ns();
    for (int s = 0; s < 2; s++) {
      struct queue *qq = &q[s];
      while (qq->head != qq->tail && qq->p[qq->head].due <= t) {
        /* Packets read from side s are written to the other side. */
        if (write(fd[1 - s], qq->p[qq->head].data, qq->p[qq->head].len) < 0) perror("write");
        qq->head = (qq->head + 1) % MAXQ;
      }
    }
    long long next = -1;
    for (int s = 0; s < 2; s++)
      if (q[s].head != q[s].tail && (next < 0 || q[s].p[q[s].head].due < next)) next = q[s].p[q[s].head].due;
    struct pollfd pfd[2] = {{fd[0], POLLIN, 0}, {fd[1], POLLIN, 0}};
    struct timespec wait = {0, 200000000};
    if (next >= 0) {
      long long d = next - t;
      if (d < 0) d = 0;
      wait.tv_sec = d / 1000000000LL;
      wait.tv_nsec = d % 1000000000LL;
    }
    if (ppoll(pfd, 2, &wait, NULL) < 0) continue;
    for (int s = 0; s < 2; s++) {
      if (!(pfd[s].revents & POLLIN)) continue;
      for (;;) {
        int n = read(fd[s], buf, sizeof buf);
        if (n <= 0) break;
        long long at = now_ns();
        int drop = dropped(s, buf, n);
        fprintf(log, "%lld %c %d ", at, s == 0 ? 'A' : 'B', drop);
        for (int i = 0; i < n; i++) fprintf(log, "%02x", buf[i]);
        fputc('\n', log);
        fflush(log);
        struct queue *qq = &q[s];
        int tail = (qq->tail + 1) % MAXQ;
        if (drop || tail == qq->head) continue;
        qq->p[qq->tail].due = at + latency;
        qq->p[qq->tail].len = n;
        memcpy(qq->p[qq->tail].data, buf, n);
        qq->tail = tail;
      }
    }
  }
  fclose(log);
  return 0;
}
