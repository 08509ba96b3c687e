// Module over the reference Argon2 C library (Debian: libargon2-dev), used by PasswordHashing.
// Only the include belongs here: every call goes through PasswordHashing's Argon2 wrapper,
// which owns the buffers it passes (password bytes, salt, encoded output).
#ifndef MONGO_DOCTOR_CARGON2_SHIM_H
#define MONGO_DOCTOR_CARGON2_SHIM_H
#include <argon2.h>
#endif
