#pragma once
/// \file thread_pool.hpp
/// A fixed set of worker threads for the trainer's data-parallel loops. Work is split into numbered tasks
/// whose results the caller stores per task, so the outcome never depends on which thread ran which task
/// (or on how many threads there are): the trainer is bit-reproducible across thread counts.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cogo::train {

/// `threads` - 1 workers plus the calling thread. Not re-entrant: run() must not be called from a task.
class ThreadPool {
public:
    /// A pool running tasks on `threads` threads in total (the caller included); throws InvalidInput if 0.
    explicit ThreadPool(unsigned threads);
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;
    ~ThreadPool();

    /// Runs task(0) .. task(count - 1), each exactly once, and returns when all have finished. The first
    /// exception thrown by a task is rethrown here (after every task has stopped).
    void run(std::size_t count, const std::function<void(std::size_t)>& task);
    /// Threads in total, the caller included.
    unsigned size() const { return static_cast<unsigned>(workers_.size()) + 1; }

private:
    void work_loop();
    void drain();

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable wake_, done_;
    const std::function<void(std::size_t)>* task_ = nullptr;
    std::size_t count_ = 0, next_ = 0, finished_ = 0;
    unsigned long generation_ = 0;
    unsigned busy_ = 0;
    bool stop_ = false;
    std::exception_ptr error_;
};

}  // namespace cogo::train
