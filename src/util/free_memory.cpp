#include "util/free_memory.h"

#include <cstdlib>  // any C library header: it says whether this is glibc (__GLIBC__)

#ifdef __GLIBC__
#include <malloc.h>
#endif

// mimalloc's functions, when the binary is linked with it (-Dmimalloc): weak references, null
// otherwise, so that the core library works with either allocator. Its header, when installed,
// gives the option numbers; without it the binary cannot link mimalloc anyway.
#if __has_include(<mimalloc.h>)
#include <mimalloc.h>
#pragma weak mi_collect
#pragma weak mi_option_set
#define LINIMASA_MIMALLOC_OPTIONS 1
#else
extern "C" void mi_collect(bool force) __attribute__((weak));
#endif

namespace linimasa {

void give_back_free_memory() {
    if (mi_collect) mi_collect(/*force=*/true);
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void give_back_freed_memory_at_once() {
#ifdef LINIMASA_MIMALLOC_OPTIONS
    if (mi_option_set) mi_option_set(mi_option_decommit_delay, 0);
#endif
}

}  // namespace linimasa
