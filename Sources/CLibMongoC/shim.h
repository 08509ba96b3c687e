// Shim for the system libmongoc/libbson (Debian: libmongoc-dev, libbson-dev).
// Only includes and static inline helpers belong here.
//
// libbson declares bson_t and bson_iter_t with 128-byte alignment, so Swift
// imports them as opaque pointers. Swift places them on its stack through
// LibBSONScratch (MongoBridge), which aligns them inside 16-aligned stack storage
// of a constant size; md_bson_size() and md_iter_size() say how much they need.
#ifndef MONGO_DOCTOR_CLIBMONGOC_SHIM_H
#define MONGO_DOCTOR_CLIBMONGOC_SHIM_H
#include <mongoc/mongoc.h>
#include <bson/bson.h>

/// The storage a bson_t needs (size and alignment), for a child written in place with
/// bson_append_document_begin/bson_append_array_begin into memory Swift provides.
static inline size_t md_bson_size(void) { return sizeof(bson_t); }
/// The storage a bson_iter_t needs, for an iterator in memory Swift provides (zeroed or not: init sets it).
static inline size_t md_iter_size(void) { return sizeof(bson_iter_t); }

/// The encoded length of a document (bson_t's `len` field; Swift cannot see into bson_t).
static inline uint32_t md_bson_length(const bson_t *b) { return b->len; }

/// The size of a bson_error_t message buffer.
static inline size_t md_error_message_capacity(void) { return sizeof(((bson_error_t *) 0)->message); }

#endif
