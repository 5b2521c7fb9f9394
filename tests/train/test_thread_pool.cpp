// The thread pool: every task exactly once, any thread count, errors rethrown, reusable.
#include <doctest/doctest.h>

#include <atomic>
#include <stdexcept>
#include <vector>

#include "support/error.hpp"
#include "train/thread_pool.hpp"

using namespace cogo;
using namespace cogo::train;

TEST_CASE("ThreadPool: runs each task exactly once, for 1..4 threads and many rounds") {
    for (unsigned threads : {1u, 2u, 3u, 4u}) {
        ThreadPool pool(threads);
        CHECK(pool.size() == threads);
        for (std::size_t count : {0u, 1u, 2u, 7u, 64u}) {
            for (int round = 0; round < 20; ++round) {
                std::vector<std::atomic<int>> hits(count);
                pool.run(count, [&](std::size_t i) { hits[i].fetch_add(1); });
                for (std::size_t i = 0; i < count; ++i) CHECK(hits[i].load() == 1);
            }
        }
    }
}

TEST_CASE("ThreadPool: a task's exception is rethrown and the pool stays usable") {
    ThreadPool pool(2);
    CHECK_THROWS_AS(pool.run(8, [](std::size_t i) { if (i == 5) throw std::runtime_error("task 5"); }), std::runtime_error);
    std::atomic<int> sum{0};
    pool.run(10, [&](std::size_t i) { sum += static_cast<int>(i); });
    CHECK(sum.load() == 45);
}

TEST_CASE("ThreadPool: zero threads refused") { CHECK_THROWS_AS(ThreadPool(0), InvalidInput); }
