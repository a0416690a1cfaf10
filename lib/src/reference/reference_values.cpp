#include "gancert/reference/reference_values.hpp"

#include <algorithm>
#include <stdexcept>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/reference/quantities.hpp"

namespace gancert::reference {

std::optional<std::string> common_rounding(const arith::impfr& x, unsigned digits) {
    if (!mpfr_number_p(arith::raw(x.lower())) || !mpfr_number_p(arith::raw(x.upper()))) return std::nullopt;
    std::string lo = arith::to_decimal(x.lower(), digits, MPFR_RNDN);
    std::string hi = arith::to_decimal(x.upper(), digits, MPFR_RNDN);
    if (lo != hi) return std::nullopt;
    return lo;
}

certified_value certified_decimal(const arith::impfr& x, unsigned digits) {
    certified_value v;
    auto [lo, hi] = arith::to_decimal_outward(x, digits);
    v.lo = std::move(lo);
    v.hi = std::move(hi);
    if (auto r = common_rounding(x, digits)) {
        v.mid = std::move(*r);
        v.correctly_rounded = true;
    } else {
        unsigned bits = static_cast<unsigned>(
            std::max<long>({mpfr_get_prec(arith::raw(x.lower())), mpfr_get_prec(arith::raw(x.upper())),
                            static_cast<long>(arith::min_precision_bits)}));
        arith::precision_guard guard(std::min(bits, arith::max_precision_bits));
        v.mid = arith::to_decimal(arith::midpoint(x), digits, MPFR_RNDN);
    }
    return v;
}

reference_point compute_reference_with(const model::DecimalParams& p, unsigned digits,
                                       const std::vector<std::size_t>& quantities, const evaluator& evaluate) {
    limits::check_eval_digits(digits);  // the resource limit (bad_parameter naming `digits`)
    reference_point r{p, digits, 0, quantities, {}};
    auto first = evaluate(std::min(digits + 3, arith::max_decimal_digits));
    r.precision_bits = first.precision_bits;
    bool undecided = false;
    for (auto q : quantities) {
        r.values.push_back(certified_decimal(select(first.value, q), digits));
        undecided |= !r.values.back().correctly_rounded;
    }
    if (!undecided || digits + 20 > arith::max_decimal_digits) return r;
    try {
        auto second = evaluate(digits + 20);
        for (std::size_t k = 0; k < quantities.size(); ++k)
            if (!r.values[k].correctly_rounded) {
                auto v = certified_decimal(select(second.value, quantities[k]), digits);
                if (v.correctly_rounded) r.values[k] = std::move(v);
            }
        r.precision_bits = second.precision_bits;
    } catch (const std::range_error&) {
        // keep the first (valid) enclosures; mids stay marked as not correctly rounded
    }
    return r;
}

reference_point compute_reference(const model::DecimalParams& p, unsigned digits,
                                  const std::vector<std::size_t>& quantities) {
    const model::ValidatedParams valid(p);  // validated once for both evaluations
    return compute_reference_with(p, digits, quantities, [&](unsigned d) {
        return model::evaluate_certified(valid, model::EvalPolicy::to_digits(d));
    });
}

}  // namespace gancert::reference
