/* A minimal SIP phone on sofia-sip (Debian libsofia-sip-ua-dev), for comparing SIP stacks under hostile input
 * (bench/sipstacks/compare_sip_stacks.py, docs/telephony.md). It does what `hotline-cti listen --answer` does at
 * the signalling level: listens on UDP 127.0.0.1:PORT through sofia's NUA (its user-agent layer), answers every
 * INVITE with 180 then 200 and an SDP answer negotiated by sofia's SOA (PCMU/PCMA audio), and prints one line per
 * event. No media (no RTP is sent or received).
 *
 *   harness_sofia PORT
 */
#include <sofia-sip/nua.h>
#include <sofia-sip/sip_status.h>
#include <sofia-sip/soa_tag.h>
#include <sofia-sip/su_log.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static su_root_t *g_root;

static const char g_sdp[] = "v=0\r\n"
                            "o=- 1 1 IN IP4 127.0.0.1\r\n"
                            "s=-\r\n"
                            "c=IN IP4 127.0.0.1\r\n"
                            "t=0 0\r\n"
                            "m=audio 40000 RTP/AVP 0 8\r\n"
                            "a=rtpmap:0 PCMU/8000\r\n"
                            "a=rtpmap:8 PCMA/8000\r\n";

static void callback(nua_event_t event, int status, char const *phrase, nua_t *nua, nua_magic_t *magic,
                     nua_handle_t *nh, nua_hmagic_t *hmagic, sip_t const *sip, tagi_t tags[])
{
    (void)nua;
    (void)magic;
    (void)hmagic;
    switch (event) {
    case nua_i_invite:
        printf("incoming %s\n",
               sip && sip->sip_from && sip->sip_from->a_url->url_user ? sip->sip_from->a_url->url_user : "-");
        fflush(stdout);
        nua_respond(nh, SIP_180_RINGING, TAG_END());
        nua_respond(nh, SIP_200_OK, SOATAG_USER_SDP_STR(g_sdp), TAG_END());
        break;
    case nua_i_state: {
        int state = nua_callstate_init;
        tl_gets(tags, NUTAG_CALLSTATE_REF(state), TAG_END());
        if (state == nua_callstate_ready) {
            printf("established\n");
            fflush(stdout);
        } else if (state == nua_callstate_terminated) {
            printf("closed %d %s\n", status, phrase ? phrase : "");
            fflush(stdout);
            nua_handle_destroy(nh);
        }
        break;
    }
    case nua_r_shutdown:
        if (status >= 200)
            su_root_break(g_root);
        break;
    default:
        break;
    }
}

static void on_signal(int sig)
{
    (void)sig;
    if (g_root)
        su_root_break(g_root);
}

int main(int argc, char *argv[])
{
    char url[64];
    nua_t *nua;
    if (argc != 2) {
        fprintf(stderr, "usage: harness_sofia PORT\n");
        return 2;
    }
    su_init();
    su_log_set_level(NULL, 0);
    g_root = su_root_create(NULL);
    snprintf(url, sizeof(url), "sip:127.0.0.1:%d;transport=udp", atoi(argv[1]));
    nua = nua_create(g_root, callback, NULL, NUTAG_URL(url), SOATAG_USER_SDP_STR(g_sdp), NUTAG_AUTOANSWER(0),
                     NUTAG_AUTOALERT(0), TAG_END());
    if (!nua) {
        fprintf(stderr, "harness_sofia: cannot listen on %s\n", argv[1]);
        return 1;
    }
    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);
    printf("listening %s\n", argv[1]);
    fflush(stdout);
    su_root_run(g_root);
    nua_shutdown(nua);
    su_root_run(g_root);
    nua_destroy(nua);
    su_root_destroy(g_root);
    su_deinit();
    return 0;
}
