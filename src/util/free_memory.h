// Handing memory that was freed back to the system, between phases of a run whose peak matters
// (`extract` to CSV over an archive reads documents, then builds the timeline partition by
// partition). The C library keeps freed memory for reuse: in the arena of the thread that
// freed it, and in the middle of its heap where it cannot shrink, so a later phase on another
// thread, or with another pattern of sizes, would add to it instead of reusing it.
//
//   give_back_free_memory();   // mimalloc (when linked): mi_collect(true); glibc: malloc_trim(0)
#pragma once

namespace linimasa {

void give_back_free_memory();

}  // namespace linimasa
