// gancert/arith/detail/planted_scope.hpp — the one mechanism behind every planted fault.
//
// Soundness tests plant a deliberately broken bound and require that an enclosure, a property
// harness or the verifier fails. A layer describes its faults as a plain struct F whose
// default value changes nothing; planted<F>() is the thread-local instance in force, and a
// planted_scope<F> sets it for its lifetime and restores the previous value on exit. No
// production option structure carries a test hook.
//
// Contract: outside a planted_scope<F>, planted<F>() == F{}; the scope is not copyable.
#pragma once

namespace gancert::arith::detail {

/// The faults of kind F in force on this thread (F{} unless a planted_scope<F> is active).
template <class F>
F& planted() {
    thread_local F faults;
    return faults;
}

/// Plants `f` on this thread for the lifetime of the scope (tests only).
template <class F>
class planted_scope {
public:
    explicit planted_scope(const F& f) : saved_(planted<F>()) { planted<F>() = f; }
    ~planted_scope() { planted<F>() = saved_; }
    planted_scope(const planted_scope&) = delete;
    planted_scope& operator=(const planted_scope&) = delete;

private:
    F saved_;
};

}  // namespace gancert::arith::detail
