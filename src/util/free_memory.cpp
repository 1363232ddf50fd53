#include "util/free_memory.h"

#include <cstdlib>  // any C library header: it says whether this is glibc (__GLIBC__)

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace linimasa {

void give_back_free_memory() {
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

}  // namespace linimasa
