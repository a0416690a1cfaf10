// gancert/certify/box_function.hpp — the certifier's view of a model: a C² function of the
// free variables whose value, gradient and Hessian can be enclosed over a box.
//
// Contract: enclose() returns enclosures containing the exact J, ∇J, ∇²J at every point of
// the box, or throws when it cannot (never a non-enclosure); estimate() is unverified and only
// steers searches; make_box_function throws arith::bad_input naming the item for an unknown
// model or malformed parameters.
#pragma once
#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gancert/arith/scalar.hpp"

namespace gancert::certify {

/// Enclosures of J, ∇J and ∇²J over a box (each entry contains the exact values of the
/// corresponding derivative at every point of the box). H is n×n row major, symmetric.
template <class S>
struct Enclosure {
    S J;
    std::vector<S> g;
    std::vector<S> H;
    const S& hess(std::size_t i, std::size_t j) const { return H[i * g.size() + j]; }
};

/// A function of n free variables, enclosed over boxes in interval<double> or interval<mpfr>
/// (the latter at this thread's working precision). enclose() may throw (std::domain_error,
/// std::overflow_error, …) when it cannot produce a finite enclosure; the certifier then
/// escalates precision or bisects — it never treats a failure as evidence.
class BoxFunction {
public:
    virtual ~BoxFunction() = default;
    /// Names of the free variables, in box order.
    virtual std::vector<std::string> names() const = 0;
    std::size_t dims() const { return names().size(); }
    virtual Enclosure<arith::idouble> enclose(const std::vector<arith::idouble>& x) const = 0;
    virtual Enclosure<arith::impfr> enclose(const std::vector<arith::impfr>& x) const = 0;
    /// Optional cheap gradient enclosures over the box (e.g. from sign facts), used before
    /// the full enclosure to look for an excluded component. Entries may be (−∞, ∞).
    /// Default: empty (none available).
    virtual std::vector<arith::idouble> gradient_bounds(const std::vector<arith::idouble>&) const { return {}; }
    virtual std::vector<arith::impfr> gradient_bounds(const std::vector<arith::impfr>&) const { return {}; }
    /// Floating-point approximations of J, ∇J, ∇²J at a point — no enclosure, only for choosing
    /// where to look (the witness search, witness_search.hpp). nullopt: none available (the
    /// caller then takes midpoints of enclose()) or not computable at x. Default: nullopt.
    virtual std::optional<Enclosure<double>> estimate(const std::vector<double>&) const { return std::nullopt; }
    /// JSON description from which make_box_function() rebuilds an identical function
    /// ({"model": name, ...parameters as exact decimal strings}).
    virtual nlohmann::json describe() const = 0;
};

/// Rebuilds a function from its describe() JSON (the verifier's entry point). Known models:
/// "test-quadratic", "test-cubic", "test-degenerate" (test functors, certify/test_functions.hpp)
/// "rsee" (when the R/S/E/E evaluator is built in) and "family" (a model spec of the family,
/// certify/model_factory.hpp: make_family_function). Throws arith::bad_input naming the
/// item for an unknown model or malformed parameters.
std::unique_ptr<BoxFunction> make_box_function(const nlohmann::json& description);

}  // namespace gancert::certify
