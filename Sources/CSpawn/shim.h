// Shim over libc for starting child processes: the three glibc calls Swift's Glibc module does not
// export (pipe2, posix_spawn's closefrom, mkostemp: they need _GNU_SOURCE), with portable fallbacks.
// Only includes and static inline helpers.
#ifndef MONGO_DOCTOR_CSPAWN_SHIM_H
#define MONGO_DOCTOR_CSPAWN_SHIM_H
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <unistd.h>

#if defined(__linux__)
extern int pipe2(int pipefd[2], int flags);
extern int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *actions, int from);
extern int mkostemp(char *template_, int flags);
#endif

/// A pipe whose two ends are close-on-exec from the moment they exist (Linux: one `pipe2` call, so a
/// child spawned by another thread cannot inherit them; elsewhere `pipe` then `fcntl`).
/// Returns 0, or -1 with errno set.
static inline int md_pipe_cloexec(int fds[2]) {
#if defined(__linux__)
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

/// Creates and opens a unique file from `template_` (ending in XXXXXX, rewritten in place), close-on-exec
/// from the moment it exists (Linux: one `mkostemp` call; elsewhere `mkstemp` then `fcntl`).
/// Returns the descriptor, or -1 with errno set.
static inline int md_mkstemp_cloexec(char *template_) {
#if defined(__linux__)
    return mkostemp(template_, O_CLOEXEC);
#else
    int fd = mkstemp(template_);
    if (fd >= 0) fcntl(fd, F_SETFD, FD_CLOEXEC);
    return fd;
#endif
}

/// Adds "close every descriptor >= from" to `actions` (glibc 2.34+). Returns 0, or ENOSYS where the
/// platform has no such action (the caller then closes the descriptors it can see one by one).
static inline int md_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int from) {
#if defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
#else
    (void) actions; (void) from;
    return ENOSYS;
#endif
}
#endif
