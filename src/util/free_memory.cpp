#include "util/free_memory.h"

#include <cstdlib>  // any C library header: it says whether this is glibc (__GLIBC__)

#ifdef __GLIBC__
#include <malloc.h>
#endif

// mimalloc's collection, when the binary is linked with it (-Dmimalloc): a weak reference,
// null otherwise, so that the core library works with either allocator.
extern "C" void mi_collect(bool force) __attribute__((weak));

namespace linimasa {

void give_back_free_memory() {
    if (mi_collect) mi_collect(/*force=*/true);
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

}  // namespace linimasa
