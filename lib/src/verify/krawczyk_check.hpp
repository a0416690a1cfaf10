// Internal (independent verifier): its own interval Krawczyk operator and Gershgorin inertia
// test (proofs/lemmas.md §V2), over integral-path enclosures; the recorded Y and Q are only
// accepted as the (arbitrary) real matrices the two lemmas allow.
//
// Why not Eigen with an interval scalar: the two tests need only interval matrix-vector and
// matrix-matrix products of size n <= 4 (a dozen lines); Eigen's decompositions are not used
// (Y and Q come from the certificate), and an interval NumTraits would bring Eigen's
// comparisons and pivoting, which have no meaning for intervals, into scope for no gain.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "integral_route.hpp"

namespace gancert::verify::detail {

/// K(B) = m − Y∇J(m) + (I − Y∇²J(B))(B − m), m the exact midpoint of B, from the integral path.
std::vector<idouble> krawczyk(const RseeModel& m, const certify::Box& B, const std::vector<std::string>& Y);
/// K strictly inside B in every coordinate (a unique zero of ∇J in B).
bool strictly_inside(const std::vector<idouble>& K, const certify::Box& B);
/// K_i ∩ B_i = ∅ for some i (no zero of ∇J in B).
bool misses(const std::vector<idouble>& K, const certify::Box& B);
/// (#positive, #negative) eigenvalues of every matrix in the interval matrix H when every
/// Gershgorin disc of QᵀHQ lies on one side of 0; nullopt otherwise.
std::optional<std::pair<int, int>> gershgorin_inertia(const std::vector<idouble>& H, const std::vector<std::string>& Q,
                                                      std::size_t n);

}  // namespace gancert::verify::detail
