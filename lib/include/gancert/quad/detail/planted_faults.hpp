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
#include "gancert/arith/detail/planted_scope.hpp"

namespace gancert::quad::detail {

struct PlantedFaults {
    double scale_M = 1.0;     ///< multiplies every ellipse bound M (integrate_validated)
    double scale_tail = 1.0;  ///< multiplies the integral path's tail enclosures
    double shift_box_J = 0.0; ///< added to the certifier's R/S/E/E enclosure of J (certify/rsee_function.cpp)
};

/// The faults in force on this thread, and the scope that plants them (arith/detail/planted_scope.hpp).
inline PlantedFaults& planted_faults() { return arith::detail::planted<PlantedFaults>(); }
using planted_fault_scope = arith::detail::planted_scope<PlantedFaults>;

}  // namespace gancert::quad::detail
