// gancert/api/batch.hpp — enclosures of J1, J2, J, ∇J, ∇²J at many double parameter points
// (the Python module's vectorised gancert.evaluate; bench/bench_batch.cpp).
//
// Each point is the EXACT binary value of the given doubles (what float64 code evaluates).
// Two paths, one answer:
//   * fast: model::evaluate_closed_form<idouble> (rigorous double-interval arithmetic, every
//     bound a lemma of proofs/lemmas.md §C; a > 0, g > 0 only) — accepted when every quantity's enclosure is finite and of
//     relative width <= rel_width (absolute width when it contains 0);
//   * fallback: model::evaluate_certified at `fallback_digits` decimal digits (MPFR), first
//     by the closed form alone (up to closed_form_fallback_max_bits), else by both paths; its
//     endpoints are rounded outward to doubles.
// Contract: lo[q] <= exact value of quantity q <= hi[q] for every point (both paths enclose;
// outward rounding keeps it); mid[q] = the double nearest (lo+hi)/2 (not rigorous, inside
// [lo, hi]). Points outside the model's domain (c <= 0, g < 0, non-finite) throw
// arith::bad_parameter naming the parameter and the point's index, before any evaluation.
// std::range_error (fallback cannot meet its width) propagates, naming the index (the lowest
// failing index when several workers fail). eval_batch_double spreads the points over
// BatchOptions::threads workers; the result does not depend on their number.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "gancert/family/spec.hpp"
#include "gancert/model/params.hpp"

namespace gancert::api {

/// The MPFR fallback tries the closed form alone up to this precision before both paths.
inline constexpr unsigned closed_form_fallback_max_bits = 1024;

struct BatchOptions {
    double rel_width = 0x1p-40;     ///< fast path accepted below this relative width
    unsigned fallback_digits = 17;  ///< MPFR fallback target (decimal digits)
    unsigned threads = 0;           ///< workers of eval_batch_double (0: all cores; limits::resolve_threads)
};

struct BatchPoint {
    std::array<double, model::quantity_count> lo{}, hi{}, mid{};
    bool fallback = false;  ///< the MPFR path was needed
};

/// Exact decimal text of a finite double (e.g. 0.1 → "0.1000000000000000055511151231257827…").
std::string exact_decimal(double x);

/// The point (a, b, g, h, c) as exact decimals, validated (arith::bad_parameter naming the
/// parameter, message prefixed by "point <index>: ").
model::DecimalParams exact_params(const std::array<double, 5>& p, std::size_t index);

/// Encloses the 17 quantities at one point (see header).
BatchPoint eval_point_double(const std::array<double, 5>& p, std::size_t index, const BatchOptions& o = {});

/// eval_point_double for points[i], i < n (points validated first, all of them).
std::vector<BatchPoint> eval_batch_double(const std::vector<std::array<double, 5>>& points,
                                          const BatchOptions& o = {});

/// A model of the family at many double points θ (player order, the exact binary values):
/// family::evaluate_certified at `digits` digits per point (no double fast path: the family's
/// integral path runs in MPFR), endpoints rounded outward to doubles; lo <= exact <= hi.
/// Every point is validated first (family::validate_players; arith::bad_parameter naming the
/// player's parameter, message prefixed by "point <index>: "). Where the family evaluation
/// does not reach 10^-digits even at its largest precision, its valid but wider enclosure is
/// returned (still lo <= exact <= hi).
std::vector<BatchPoint> eval_batch_family(const family::ModelSpec& m, const std::vector<std::array<double, 4>>& points,
                                          unsigned digits = 17);

}  // namespace gancert::api
