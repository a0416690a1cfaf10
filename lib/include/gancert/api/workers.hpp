// gancert/api/workers.hpp — running one work function on several threads.
//
// run_workers(n, work) runs `work` on up to n threads, this one included, and returns when all
// have returned. A system that refuses a thread (std::system_error) is not an error: the run
// goes on with the threads that started (at least this one). `work` must take its items from
// a shared counter and must not throw (catch inside and record, as the callers do), so the
// result does not depend on how many threads ran.
#pragma once
#include <system_error>
#include <thread>
#include <vector>

namespace gancert::api {

template <class Work>
void run_workers(unsigned n, Work& work) {
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < n; ++t) {
        try {
            pool.emplace_back([&work] { work(); });
        } catch (const std::system_error&) {
            break;  // the system refused a thread: go on with the ones we have
        }
    }
    work();
    for (auto& t : pool) t.join();
}

}  // namespace gancert::api
