// gancert/reference/reference_values.hpp — certified reference values at one point.
//
// For every requested quantity: the enclosure [lo, hi] of the exact value (decimal strings
// rounded outward: lo <= exact <= hi) and a decimal midpoint `mid` with `digits`
// significant digits. mid is the *correctly rounded* (to nearest) `digits`-digit decimal of
// the exact value whenever both ends of the enclosure round to the same decimal — rounding to
// nearest is monotone, so then every number in between, the exact value included, rounds to
// it. The evaluation is done with 3 extra digits, and once more with 20 extra digits when a
// quantity is undecided, so this fails only for values within ~10^−(digits+20) relative of a
// rounding tie, or for enclosures containing 0; mid is then the enclosure's midpoint rounded
// to nearest (|mid − exact| <= width + ½ ulp), and `correctly_rounded` is false.
//
// Contract: lo ≤ exact ≤ hi always; mid is flagged correctly_rounded only when proven so;
// bad input throws arith::bad_input, an unreachable target std::range_error.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "gancert/arith/interval.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/model/params.hpp"

namespace gancert::reference {

struct certified_value {
    std::string mid;                 ///< `digits` significant digits (see header)
    std::string lo, hi;              ///< outward decimal bounds of the exact value
    bool correctly_rounded = false;  ///< mid is the exact value correctly rounded
};

struct reference_point {
    model::DecimalParams params;
    unsigned digits = 0;
    unsigned precision_bits = 0;          ///< working precision of the last evaluation
    std::vector<std::size_t> quantities;  ///< indices into quantity_names
    std::vector<certified_value> values;  ///< one per entry of `quantities`
};

/// The `digits`-significant-digit decimal that every point of x rounds to (to nearest), if
/// both endpoints of x round to the same decimal; std::nullopt otherwise (in particular when
/// x contains 0 with nonzero width, or has an infinite endpoint).
std::optional<std::string> common_rounding(const arith::impfr& x, unsigned digits);

/// mid/lo/hi of one enclosure (see header); mid from common_rounding when decided, else the
/// midpoint rounded to nearest at the enclosure's precision.
certified_value certified_decimal(const arith::impfr& x, unsigned digits);

/// Certified values of the chosen quantities at exact decimal parameters p.
/// Throws arith::bad_input for parameters outside the domain or digits outside
/// [1, arith::max_decimal_digits]; std::range_error if the evaluation cannot reach the
/// target (model::evaluate_certified). Never returns a wrong enclosure.
reference_point compute_reference(const model::DecimalParams& p, unsigned digits,
                                  const std::vector<std::size_t>& quantities);

/// One certified evaluation to `digits` digits (enclosures and the precision used).
using evaluator = std::function<model::CertifiedEvaluation(unsigned digits)>;
/// The same two-attempt rule for any model: `evaluate(digits + 3)`, then `evaluate(digits + 20)`
/// for undecided quantities; p only labels the point (a model of the family puts θ in a, b, g, h).
reference_point compute_reference_with(const model::DecimalParams& p, unsigned digits,
                                       const std::vector<std::size_t>& quantities, const evaluator& evaluate);

}  // namespace gancert::reference
