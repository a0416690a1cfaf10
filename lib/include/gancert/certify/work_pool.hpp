// gancert/certify/work_pool.hpp — a small work-stealing pool of std::threads.
//
// Each worker owns a deque: it pushes and pops at the back (depth first, so the number of
// pending tasks stays bounded by depth × workers) and idle workers steal from the front of
// the others (the largest pending boxes). run() returns when every task, including the
// tasks spawned by tasks, has finished. An exception in a task stops the pool and is
// rethrown by run().
//
// Contract: run() returns only after every task (spawned ones included) has finished or the
// first exception has stopped the pool; that exception is rethrown, never swallowed.
#pragma once
#include <atomic>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace gancert::certify {

template <class Task>
class WorkPool {
public:
    /// process(task, worker_index, spawn) — spawn(child) queues a new task on this worker.
    using Spawn = std::function<void(Task)>;
    using Process = std::function<void(Task&, unsigned, const Spawn&)>;

    explicit WorkPool(unsigned workers) : queues_(workers ? workers : 1) {
        for (auto& q : queues_) q = std::make_unique<Queue>();
    }

    void push(Task t, unsigned worker = 0) {
        ++outstanding_;
        auto& q = *queues_[worker % queues_.size()];
        std::lock_guard<std::mutex> l(q.m);
        q.d.push_back(std::move(t));
    }

    void run(const Process& process) {
        std::vector<std::thread> threads;
        // Worker 0 runs on the calling thread; if the system refuses a thread, the workers that
        // started steal the tasks queued for the others (fewer threads, same work).
        try {
            for (unsigned w = 1; w < queues_.size(); ++w)
                threads.emplace_back([this, w, &process] { loop(w, process); });
        } catch (const std::system_error&) {
        }
        loop(0, process);
        for (auto& t : threads) t.join();
        if (error_) std::rethrow_exception(error_);
    }

private:
    struct Queue {
        std::mutex m;
        std::deque<Task> d;
    };
    std::vector<std::unique_ptr<Queue>> queues_;
    std::atomic<long> outstanding_{0};
    std::atomic<bool> stop_{false};
    std::exception_ptr error_;
    std::mutex error_mutex_;

    bool take(unsigned w, Task& t) {
        {
            auto& q = *queues_[w];
            std::lock_guard<std::mutex> l(q.m);
            if (!q.d.empty()) {
                t = std::move(q.d.back());
                q.d.pop_back();
                return true;
            }
        }
        for (unsigned k = 1; k < queues_.size(); ++k) {
            auto& q = *queues_[(w + k) % queues_.size()];
            std::lock_guard<std::mutex> l(q.m);
            if (!q.d.empty()) {
                t = std::move(q.d.front());
                q.d.pop_front();
                return true;
            }
        }
        return false;
    }

    void loop(unsigned w, const Process& process) {
        Spawn spawn = [this, w](Task c) { push(std::move(c), w); };
        while (!stop_ && outstanding_.load() > 0) {
            Task t;
            if (!take(w, t)) {
                std::this_thread::yield();
                continue;
            }
            try {
                process(t, w, spawn);
            } catch (...) {
                std::lock_guard<std::mutex> l(error_mutex_);
                if (!error_) error_ = std::current_exception();
                stop_ = true;
            }
            --outstanding_;
        }
    }
};

}  // namespace gancert::certify
