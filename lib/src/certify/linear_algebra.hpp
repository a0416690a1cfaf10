// Internal: floating-point linear algebra for the certifier's *choices* — the Krawczyk
// preconditioner Y ≈ mid(∇²J(B))⁻¹ and an eigenvector basis Q for the inertia test. Nothing
// here is an enclosure: K2 holds for any real Y and K3 for any nonsingular Q (proofs/lemmas.md),
// so rounding here can only make a test fail, never make it wrong. Both results are rounded to
// 12 significant digits and returned as exact decimal strings, the form recorded in a
// certificate and re-read by the verifier.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gancert::certify::detail {

/// Inverse of the n×n row-major matrix A (Eigen, full-pivoting LU); nullopt when A is
/// numerically singular or an entry is not finite.
std::optional<std::vector<std::string>> approximate_inverse(const std::vector<double>& A, std::size_t n);

/// Eigenvectors of the symmetric n×n row-major matrix A as the columns of Q (row-major;
/// Eigen's self-adjoint solver). A non-finite A gives the identity basis.
std::vector<std::string> approximate_eigenvectors(const std::vector<double>& A, std::size_t n);

}  // namespace gancert::certify::detail
