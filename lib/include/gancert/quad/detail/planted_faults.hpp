// gancert/quad/detail/planted_faults.hpp — fault injection for the planted-bug tests only.
//
// The soundness tests must see a broken bound break an enclosure (tests/test_integral_model.cpp):
// they scale the Bernstein-ellipse bound M of quad::integrate_validated or the tail enclosure of
// the integral path down by a factor. The factors live here, thread-local, set only through a
// planted_fault_scope, so that no production option structure carries a test hook.
//
// The certifier's planted-prover-bug test (tests/test_independent_verifier.cpp) shifts the J
// enclosure of the certifier's model adapter, which the independent verifier does not use.
//
// Contract: outside a planted_fault_scope the factors are exactly 1, the shift 0, and nothing is changed;
// inside one, results are deliberately WRONG (that is the point of the tests).
#pragma once

namespace gancert::quad::detail {

struct PlantedFaults {
    double scale_M = 1.0;     ///< multiplies every ellipse bound M (integrate_validated)
    double scale_tail = 1.0;  ///< multiplies the integral path's tail enclosures
    double shift_box_J = 0.0; ///< added to the certifier's R/S/E/E enclosure of J (certify/rsee_function.cpp)
};

/// The faults in force on this thread.
inline PlantedFaults& planted_faults() {
    thread_local PlantedFaults faults;
    return faults;
}

/// Plants `f` on this thread for the lifetime of the scope (tests only).
class planted_fault_scope {
public:
    explicit planted_fault_scope(const PlantedFaults& f) : saved_(planted_faults()) { planted_faults() = f; }
    ~planted_fault_scope() { planted_faults() = saved_; }
    planted_fault_scope(const planted_fault_scope&) = delete;
    planted_fault_scope& operator=(const planted_fault_scope&) = delete;

private:
    PlantedFaults saved_;
};

}  // namespace gancert::quad::detail
