#pragma once
/// \file seeded_random.hpp
/// The trainer's randomness: std::mt19937_64 (its output sequence is fixed by the C++ standard) with our
/// own conversions to uniform numbers (the standard distributions are implementation-defined), so a seed
/// gives the same split and the same initial weights on every platform and compiler.
#include <cstdint>
#include <random>

namespace cogo::train {

/// The generator for one purpose ("salt") of one user seed: independent streams for split and init.
inline std::mt19937_64 seeded_stream(std::uint64_t seed, std::uint64_t salt) {
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (salt + 1);  // SplitMix64 finaliser
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return std::mt19937_64(z ^ (z >> 31));
}

/// Uniform double in [0, 1) with 53 random bits.
inline double uniform01(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

/// Uniform double in [lo, hi).
inline double uniform(std::mt19937_64& g, double lo, double hi) { return lo + (hi - lo) * uniform01(g); }

/// Uniform integer in [0, bound) by rejection (no modulo bias); bound >= 1.
inline std::uint64_t uniform_below(std::mt19937_64& g, std::uint64_t bound) {
    const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound + 1) % bound;  // largest multiple - 1
    for (;;) {
        const std::uint64_t r = g();
        if (r <= limit) return r % bound;
    }
}

}  // namespace cogo::train
