// Shim for the system OpenSSL (Debian: libssl-dev): TLS for TLSProbe; random bytes, SHA-256 and
// constant-time comparison for AuthStore; RAND_bytes, EVP_PBE_scrypt, CRYPTO_memcmp and OPENSSL_cleanse
// for PasswordHashing.
// Only includes and static inline helpers belong here: each helper wraps a
// macro (or a union / stack access) that Swift cannot call directly.
// Nothing here allocates unless its comment says who frees the result.
#ifndef MONGO_DOCTOR_COPENSSL_SHIM_H
#define MONGO_DOCTOR_COPENSSL_SHIM_H
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <stddef.h>

/// SSL_set_tlsext_host_name: the SNI name sent in the ClientHello (1 on success).
static inline int md_ssl_set_sni(SSL *ssl, const char *name) {
    return (int) SSL_set_tlsext_host_name(ssl, name);
}

/// SSL_CTX_clear_mode: removes mode bits; returns the new mask.
static inline long md_ssl_ctx_clear_mode(SSL_CTX *ctx, long mode) {
    return SSL_CTX_clear_mode(ctx, mode);
}

/// SSL_MODE_AUTO_RETRY, which Swift does not import as a constant of the right type.
static inline long md_ssl_mode_auto_retry(void) { return SSL_MODE_AUTO_RETRY; }

/// The library and reason parts of a packed OpenSSL error code.
static inline int md_err_get_lib(unsigned long code) { return ERR_GET_LIB(code); }
static inline int md_err_get_reason(unsigned long code) { return ERR_GET_REASON(code); }

/// XN_FLAG_RFC2253 without escaping of multi-byte characters ("CN=localhost,O=Test").
static inline unsigned long md_name_print_flags(void) {
    return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;
}

/// BIO_get_mem_data: points *data at a memory BIO's bytes (not owned) and returns their count.
static inline long md_bio_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

/// The subjectAltName extension of a certificate, or NULL.
/// The caller owns the result and releases it with md_general_names_free.
static inline GENERAL_NAMES *md_x509_subject_alt_names(const X509 *cert) {
    return (GENERAL_NAMES *) X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
}

/// Releases what md_x509_subject_alt_names returned.
static inline void md_general_names_free(GENERAL_NAMES *names) {
    GENERAL_NAMES_free(names);
}

/// How many names a GENERAL_NAMES holds.
static inline int md_general_names_count(const GENERAL_NAMES *names) {
    return sk_GENERAL_NAME_num(names);
}

/// The type (GEN_DNS, GEN_IPADD, ...) of the name at index.
static inline int md_general_name_type(const GENERAL_NAMES *names, int index) {
    const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
    return name == NULL ? -1 : name->type;
}

/// The raw bytes of a DNS name (ASCII) or an IP address (4 or 16 bytes) at index,
/// or NULL for other types. The bytes belong to names; *length receives their count.
static inline const unsigned char *md_general_name_bytes(const GENERAL_NAMES *names, int index, int *length) {
    const GENERAL_NAME *name = sk_GENERAL_NAME_value(names, index);
    *length = 0;
    if (name == NULL) { return NULL; }
    const ASN1_STRING *value = NULL;
    if (name->type == GEN_DNS) {
        value = name->d.dNSName;
    } else if (name->type == GEN_IPADD) {
        value = name->d.iPAddress;
    }
    if (value == NULL) { return NULL; }
    *length = ASN1_STRING_length(value);
    return ASN1_STRING_get0_data(value);
}

/// SHA-256 of `length` bytes at `data` into `digest` (32 bytes), through the low-level functions: no
/// allocation and no algorithm fetch. Every session check hashes a secret; EVP_Digest, even with an
/// algorithm fetched once, allocates a context each call and cost three times as much. The context
/// (which held the secret's last block) is wiped before it goes out of scope.
static inline void md_sha256(const void *data, size_t length, unsigned char *digest) {
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
    SHA256_CTX context;
    SHA256_Init(&context);
    SHA256_Update(&context, data, length);
    SHA256_Final(digest, &context);
#pragma clang diagnostic pop
    OPENSSL_cleanse(&context, sizeof context);
}

#endif
