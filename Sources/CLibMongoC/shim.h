// Shim for the system libmongoc/libbson (Debian: libmongoc-dev, libbson-dev).
// Only includes and static inline helpers belong here.
//
// libbson declares bson_t and bson_iter_t with 128-byte alignment, so Swift
// imports them as opaque pointers. Swift places them on its stack with
// withUnsafeTemporaryAllocation(byteCount: md_bson_size() / md_iter_size(),
// alignment: 128); where one must outlive a call, these helpers allocate
// aligned, zeroed storage, which whoever calls an md_*_alloc function owns and
// releases with md_aligned_free (after bson_destroy, for a bson_t).
#ifndef MONGO_DOCTOR_CLIBMONGOC_SHIM_H
#define MONGO_DOCTOR_CLIBMONGOC_SHIM_H
#include <mongoc/mongoc.h>
#include <bson/bson.h>
#include <stdlib.h>
#include <string.h>

static inline void *md_aligned_alloc_zeroed(size_t size) {
    void *p = NULL;
#ifdef _WIN32
    p = _aligned_malloc(size, 128);
    if (p == NULL) { return NULL; }
#else
    if (posix_memalign(&p, 128, size) != 0) { return NULL; }
#endif
    memset(p, 0, size);
    return p;
}

static inline void md_aligned_free(void *p) {
#ifdef _WIN32
    _aligned_free(p);
#else
    free(p);
#endif
}

/// An initialised, empty bson_t suitable as a reply out-parameter (libmongoc
/// re-initialises replies in place, which bson_new() storage would leak).
/// Release with bson_destroy, then md_aligned_free.
static inline bson_t *md_bson_alloc_initialized(void) {
    bson_t *b = (bson_t *) md_aligned_alloc_zeroed(sizeof(bson_t));
    if (b != NULL) { bson_init(b); }
    return b;
}

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
