#pragma once
/// \file random.hpp
/// Seeded randomness for property tests. The seed comes from COGO_TEST_SEED (default 20261123) and the
/// number of cases is scaled by COGO_TEST_EFFORT (default 1); both are printed once per executable so a
/// failing run can be replayed exactly.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace cogo::testing {

/// The seed for this run (printed once).
inline std::uint64_t test_seed() {
    static const std::uint64_t seed = [] {
        const char* env = std::getenv("COGO_TEST_SEED");
        const std::uint64_t s = env ? std::strtoull(env, nullptr, 10) : 20261123ULL;
        std::printf("[cogo] COGO_TEST_SEED=%llu\n", static_cast<unsigned long long>(s));
        return s;
    }();
    return seed;
}

/// The effort multiplier for this run (printed once).
inline int test_effort() {
    static const int effort = [] {
        const char* env = std::getenv("COGO_TEST_EFFORT");
        const int e = env ? std::max(1, std::atoi(env)) : 1;
        std::printf("[cogo] COGO_TEST_EFFORT=%d\n", e);
        return e;
    }();
    return effort;
}

/// base * effort cases.
inline int cases(int base) { return base * test_effort(); }

/// A generator seeded from the run seed and a per-test salt (so tests do not share streams).
inline std::mt19937_64 rng(std::uint64_t salt) { return std::mt19937_64(test_seed() * 0x9E3779B97F4A7C15ULL + salt); }

/// Uniform integer in [lo, hi].
inline long uniform(std::mt19937_64& g, long lo, long hi) {
    return std::uniform_int_distribution<long>(lo, hi)(g);
}

}  // namespace cogo::testing
