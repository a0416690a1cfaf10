// gancert/arith/detail/planted_faults.hpp — fault injection for the arithmetic canaries only.
//
// The ball-kernel canary (tests/test_arith_ball_canary.cpp) must see a broken kernel break the
// property harness: with `ball_midpoint_only` planted, the Arb kernels of the rounding policy
// (lemma A1.5) return the ball's midpoint rounded to nearest as both ends, i.e. they drop the
// radius and the outward rounding. The flag is thread-local and set only through a
// planted_fault_scope, so that no production option carries a test hook.
//
// Contract: outside a planted_fault_scope nothing is changed; inside one, the transcendental
// bounds of rounding<double> / rounding<mpfr> are deliberately WRONG.
#pragma once

namespace gancert::arith::detail {

struct PlantedFaults {
    bool ball_midpoint_only = false;
};

inline PlantedFaults& planted_faults() {
    thread_local PlantedFaults faults;
    return faults;
}

class planted_fault_scope {
public:
    explicit planted_fault_scope(const PlantedFaults& f) : saved_(planted_faults()) { planted_faults() = f; }
    ~planted_fault_scope() { planted_faults() = saved_; }
    planted_fault_scope(const planted_fault_scope&) = delete;
    planted_fault_scope& operator=(const planted_fault_scope&) = delete;

private:
    PlantedFaults saved_;
};

}  // namespace gancert::arith::detail
