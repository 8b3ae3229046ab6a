/* A minimal SIP phone on libre (baresip's SIP stack, Debian libre-dev), for comparing SIP stacks under hostile
 * input (bench/sipstacks/compare_sip_stacks.py, docs/telephony.md). It does what `hotline-cti listen --answer`
 * does at the signalling level: listens on UDP 127.0.0.1:PORT, answers every INVITE with 180 then 200 and an SDP
 * answer negotiated by libre's SDP module (PCMU/PCMA audio), accepts ACK/BYE/CANCEL through libre's session
 * layer, and prints one line per event. No media (no RTP is sent or received).
 *
 *   harness_libre PORT
 */
/* libre 1.x headers expect the standard types and socket headers to come first. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>

#include <re.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct sip *g_sip;
static struct sipsess_sock *g_sock;
static struct sa g_laddr;

struct call
{
    struct sipsess *sess;
    struct sdp_session *sdp;
};

static void call_destructor(void *arg)
{
    struct call *c = arg;
    mem_deref(c->sess);
    mem_deref(c->sdp);
}

static int offer_handler(struct mbuf **descp, const struct sip_msg *msg, void *arg)
{
    struct call *c = arg;
    int err = sdp_decode(c->sdp, msg->mb, true);
    if (err)
        return err;
    return sdp_encode(descp, c->sdp, false);
}

static int answer_handler(const struct sip_msg *msg, void *arg)
{
    struct call *c = arg;
    return sdp_decode(c->sdp, msg->mb, false);
}

static void estab_handler(const struct sip_msg *msg, void *arg)
{
    (void)msg;
    (void)arg;
    printf("established\n");
    fflush(stdout);
}

static void close_handler(int err, const struct sip_msg *msg, void *arg)
{
    struct call *c = arg;
    printf("closed %d %u\n", err, msg ? msg->scode : 0u);
    fflush(stdout);
    mem_deref(c);
}

static void connect_handler(const struct sip_msg *msg, void *arg)
{
    struct call *c;
    struct sdp_media *m;
    struct mbuf *desc = NULL;
    const bool hasOffer = mbuf_get_left(msg->mb) > 0;
    int err;
    (void)arg;

    re_printf("incoming %r\n", &msg->from.auri);
    fflush(stdout);
    c = mem_zalloc(sizeof(*c), call_destructor);
    if (!c) {
        (void)sip_treply(NULL, g_sip, msg, 500, "Server Internal Error");
        return;
    }
    err = sdp_session_alloc(&c->sdp, &g_laddr);
    err |= sdp_media_add(&m, c->sdp, "audio", 40000, "RTP/AVP");
    if (!err)
        err = sdp_format_add(NULL, m, false, "0", "PCMU", 8000, 1, NULL, NULL, NULL, false, NULL);
    if (!err)
        err = sdp_format_add(NULL, m, false, "8", "PCMA", 8000, 1, NULL, NULL, NULL, false, NULL);
    if (!err && hasOffer) {
        err = sdp_decode(c->sdp, msg->mb, true);
        if (err) {
            (void)sip_treply(NULL, g_sip, msg, 488, "Not Acceptable Here");
            mem_deref(c);
            return;
        }
    }
    if (!err)
        err = sdp_encode(&desc, c->sdp, !hasOffer);
    if (!err)
        err = sipsess_accept(&c->sess, g_sock, msg, 180, "Ringing", "agent", "application/sdp", NULL, NULL, NULL, false,
                             offer_handler, answer_handler, estab_handler, NULL, NULL, close_handler, c, NULL);
    if (err) {
        (void)sip_treply(NULL, g_sip, msg, 500, "Server Internal Error");
        mem_deref(desc);
        mem_deref(c);
        return;
    }
    err = sipsess_answer(c->sess, 200, "OK", desc, NULL);
    mem_deref(desc);
    if (err) {
        mem_deref(c);
    }
}

static void signal_handler(int sig)
{
    (void)sig;
    re_cancel();
}

int main(int argc, char *argv[])
{
    int err;
    if (argc != 2) {
        fprintf(stderr, "usage: harness_libre PORT\n");
        return 2;
    }
    err = libre_init();
    if (err)
        return 1;
    sa_set_str(&g_laddr, "127.0.0.1", (uint16_t)atoi(argv[1]));
    err = sip_alloc(&g_sip, NULL, 32, 32, 32, "harness_libre", NULL, NULL);
    if (!err)
        err = sip_transp_add(g_sip, SIP_TRANSP_UDP, &g_laddr);
    if (!err)
        err = sipsess_listen(&g_sock, g_sip, 32, connect_handler, NULL);
    if (err) {
        re_fprintf(stderr, "harness_libre: cannot listen on %s: %m\n", argv[1], err);
        return 1;
    }
    printf("listening %s\n", argv[1]);
    fflush(stdout);
    (void)re_main(signal_handler);
    sipsess_close_all(g_sock);
    mem_deref(g_sock);
    sip_close(g_sip, true);
    mem_deref(g_sip);
    libre_close();
    return 0;
}
