#include "train/thread_pool.hpp"

#include "support/error.hpp"

namespace cogo::train {

ThreadPool::ThreadPool(unsigned threads) {
    if (threads == 0) throw InvalidInput("threads must be at least 1");
    workers_.reserve(threads - 1);
    for (unsigned i = 1; i < threads; ++i) workers_.emplace_back([this] { work_loop(); });
}

ThreadPool::~ThreadPool() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    for (auto& worker : workers_) worker.join();
}

// Takes task indices until none is left; called with the mutex NOT held.
void ThreadPool::drain() {
    for (;;) {
        std::size_t index;
        const std::function<void(std::size_t)>* task;
        {
            std::lock_guard lock(mutex_);
            if (next_ >= count_) return;
            index = next_++;
            task = task_;
        }
        try {
            (*task)(index);
        } catch (...) {
            std::lock_guard lock(mutex_);
            if (!error_) error_ = std::current_exception();
        }
        std::lock_guard lock(mutex_);
        if (++finished_ == count_) done_.notify_all();
    }
}

void ThreadPool::work_loop() {
    unsigned long seen = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stop_ || generation_ != seen; });
            if (stop_) return;
            seen = generation_;
            ++busy_;
        }
        drain();
        std::lock_guard lock(mutex_);
        if (--busy_ == 0) done_.notify_all();
    }
}

void ThreadPool::run(std::size_t count, const std::function<void(std::size_t)>& task) {
    if (count == 0) return;
    if (workers_.empty() || count == 1) {
        for (std::size_t i = 0; i < count; ++i) task(i);
        return;
    }
    {
        std::lock_guard lock(mutex_);
        task_ = &task;
        count_ = count;
        next_ = 0;
        finished_ = 0;
        error_ = nullptr;
        ++generation_;
    }
    wake_.notify_all();
    drain();
    std::exception_ptr error;
    {
        // Wait until every task has finished and every worker has left drain() (so none still holds `task`).
        std::unique_lock lock(mutex_);
        done_.wait(lock, [&] { return finished_ == count_ && busy_ == 0; });
        task_ = nullptr;
        count_ = 0;
        error = error_;
    }
    if (error) std::rethrow_exception(error);
}

}  // namespace cogo::train
