// gancert/certify/test_functions.hpp — functions with known stationary points, for testing
// the certifier (soundness tests plant them and require the right answer).
//
//  test-quadratic  q(x) = ½ (x − x*)ᵀ A (x − x*) + c0   (A symmetric, decimals): exactly one
//                  stationary point x*, a min / max / saddle by the inertia of A.
//  test-cubic      f(x) = Σ_i (x_i³ − 3 x_i): stationary points x ∈ {−1, 1}ⁿ; Hessian diag(6x_i),
//                  so the type is min iff all x_i = 1, max iff all x_i = −1, else saddle.
//  test-degenerate f(x, y) = x² y: stationary set {x = 0} (a line, non-isolated), the analogue
//                  of R/S/E/E's a = 0 boundary: never certifiable as "no stationary point".
//
// Contract: enclosures of f, ∇f and ∇²f contain the exact values on every box (exact decimal
// coefficients, outward-rounded arithmetic). Preconditions: make_test_quadratic takes a symmetric
// n×n A with n = centre.size() in 1..4, make_test_cubic n in 1..4; otherwise arith::bad_input.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "gancert/certify/box_function.hpp"

namespace gancert::certify {

/// A = n×n row-major decimal strings, centre x* and constant c0 as decimals.
std::unique_ptr<BoxFunction> make_test_quadratic(std::vector<std::string> centre,
                                                 std::vector<std::string> A, std::string c0);
/// n in 1..4.
std::unique_ptr<BoxFunction> make_test_cubic(unsigned n);
std::unique_ptr<BoxFunction> make_test_degenerate();

}  // namespace gancert::certify
