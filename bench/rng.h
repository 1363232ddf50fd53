// The deterministic random source of the corpus generators: the same seed gives the same
// articles on every machine and standard library.
//
//   Rng rng(seed);  int day = rng.between(1, 28);  auto word = rng.pick(kMonths);
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>

namespace linimasa::bench {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // 0 <= result < n. Plain modulo: its bias is below n / 2^64, which does not matter here,
    // and unlike std::uniform_int_distribution it is the same on every library.
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : engine_() % n; }
    // lo <= result <= hi.
    int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo + 1))); }
    // True p times in a hundred.
    bool percent(int p) { return static_cast<int>(below(100)) < p; }
    // One item of an array.
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace linimasa::bench
