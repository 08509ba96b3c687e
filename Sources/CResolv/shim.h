// Shim over the system resolver (libresolv) for SRV and TXT queries.
// Only includes and static inline helpers belong here.
#ifndef MONGO_DOCTOR_CRESOLV_SHIM_H
#define MONGO_DOCTOR_CRESOLV_SHIM_H
#include <sys/types.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <resolv.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

/// Sends one DNS query of `type` (33 SRV, 16 TXT) for `name` and writes the raw answer.
/// When `server_ipv4` is non-NULL the query goes to that server and port instead of the
/// system's (tests point it at a loopback responder). Returns the answer length, or -1 with
/// `*herrno_out` set (HOST_NOT_FOUND 1, TRY_AGAIN 2, NO_RECOVERY 3, NO_DATA 4).
static inline int md_dns_query(const char *name, int type, unsigned char *answer, int answer_len,
                               const char *server_ipv4, int server_port, int timeout_seconds,
                               int *herrno_out) {
    struct __res_state *state = (struct __res_state *) calloc(1, sizeof(struct __res_state));
    if (state == NULL) { *herrno_out = NO_RECOVERY; return -1; }
    if (res_ninit(state) != 0) { free(state); *herrno_out = NO_RECOVERY; return -1; }
    state->retrans = timeout_seconds > 0 ? timeout_seconds : 1;
    state->retry = 1;
    if (server_ipv4 != NULL) {
        struct sockaddr_in addr;
        memset(&addr, 0, sizeof(addr));
        addr.sin_family = AF_INET;
        addr.sin_port = htons((unsigned short) server_port);
        inet_pton(AF_INET, server_ipv4, &addr.sin_addr);
        state->nsaddr_list[0] = addr;
        state->nscount = 1;
    }
    int n = res_nquery(state, name, ns_c_in, type, answer, answer_len);
    *herrno_out = n < 0 ? state->res_h_errno : 0;
    res_nclose(state);
    free(state);
    return n;
}
#endif
