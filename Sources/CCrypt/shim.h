// Module over the system libxcrypt (Debian: libcrypt-dev), used by PasswordHashing to verify bcrypt
// ($2a$/$2b$/$2y$) hashes with crypt_rn. PasswordHashing's Bcrypt wrapper is the one owner of the
// struct crypt_data it passes: allocated, zeroed before the call, cleansed and freed after it.
#ifndef MONGO_DOCTOR_CCRYPT_SHIM_H
#define MONGO_DOCTOR_CCRYPT_SHIM_H
#include <crypt.h>
#endif
