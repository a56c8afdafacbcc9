/*
 * Preloaded into Cyrus's master and every imapd it starts (scripts/cyrus.sh).
 *
 * Debian's Cyrus 3.6 is built without libuuid, so it makes each mailbox's unique id from rand(), seeded with the
 * same value in imapd processes started together. Two users' mailboxes created in such processes get the same id,
 * and Cyrus keeps a mailbox's files and its annotations (the \Sent or \Trash mark) by that id: one user then sees
 * another's mail, and a new folder can come out marked as someone's Sent. Mixing the process id and the clock into
 * the seed gives each process its own sequence.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <time.h>
#include <unistd.h>

void srand(unsigned int seed)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    void (*real_srand)(unsigned int) = (void (*)(unsigned int))dlsym(RTLD_NEXT, "srand");
    unsigned int pid = (unsigned int)getpid();
    real_srand(seed ^ (pid << 16) ^ pid ^ (unsigned int)now.tv_nsec);
}
