// Shim for the system libcrypto (Debian: libssl-dev), used by AuthStore only:
// OS-seeded random bytes (RAND_bytes), SHA-256 and constant-time comparison.
// Nothing here allocates.
#ifndef MONGO_DOCTOR_CLIBCRYPTO_SHIM_H
#define MONGO_DOCTOR_CLIBCRYPTO_SHIM_H
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#endif
