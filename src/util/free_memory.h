// Handing memory that was freed back to the system, between phases of a run whose peak matters
// (`extract` to CSV over an archive reads documents, then builds the timeline partition by
// partition). The C library keeps freed memory for reuse: in the arena of the thread that
// freed it, and in the middle of its heap where it cannot shrink, so a later phase on another
// thread, or with another pattern of sizes, would add to it instead of reusing it.
//
//   give_back_free_memory();          // mimalloc (when linked): mi_collect(true); glibc: malloc_trim(0)
//   give_back_freed_memory_at_once(); // from now on (mimalloc): no delay before freed pages go back
#pragma once

namespace linimasa {

void give_back_free_memory();

// From now on, pages freed go back to the system at once instead of after mimalloc's delay
// (tens of milliseconds, meant to spare system calls when they are soon needed again). For a
// phase in which several threads each build and free large working sets one after the other
// (the partitions of a timeline): with the delay, what one thread has just freed is still
// resident while another allocates, and the peak grows with the threads (1 GiB of news to CSV
// on 2 threads: 150 MiB with the delay, 127 MiB without). Nothing with glibc, which hands
// memory back only when asked (give_back_free_memory).
void give_back_freed_memory_at_once();

}  // namespace linimasa
