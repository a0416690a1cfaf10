// Integral-path enclosures over a leaf, with bisection (integral_route.hpp; proofs/lemmas.md §V1).
#include "integral_route.hpp"

#include <cmath>
#include <deque>
#include <stdexcept>

#include "gancert/arith/errors.hpp"
#include "gancert/model/integral_path.hpp"

namespace gancert::verify::detail {

namespace {

Values project(const RseeModel& m, const model::Evaluation<idouble>& e) {
    std::size_t n = m.free.size();
    Values v{e.J.v, std::vector<idouble>(n), std::vector<idouble>(n * n)};
    for (std::size_t i = 0; i < n; ++i) {
        v.g[i] = e.J.g[static_cast<std::size_t>(m.free[i])];
        for (std::size_t j = 0; j < n; ++j)
            v.H[i * n + j] = e.J.hess(static_cast<std::size_t>(m.free[i]), static_cast<std::size_t>(m.free[j]));
    }
    return v;
}

}  // namespace

Values integral_values_at(const RseeModel& m, const std::vector<Decimal>& x) {
    certify::Box P;
    P.lo = P.hi = x;
    return project(m, model::evaluate_integral(params(ranges(m, P))));
}

namespace {

/// Both enclosures of one value hold: their intersection (disjoint: a soundness failure of the
/// integral path itself, never a verdict on the certificate).
idouble both(const idouble& natural, const idouble& centred) {
    if (!std::isfinite(centred.lower()) || !std::isfinite(centred.upper())) return natural;
    if (natural.upper() < centred.lower() || centred.upper() < natural.lower())
        throw arith::soundness_error("independent verifier: natural and centred integral-path enclosures are disjoint");
    return boost::numeric::intersect(natural, centred);
}

}  // namespace

Values integral_values(const RseeModel& m, const certify::Box& B) {
    Values v = project(m, model::evaluate_integral(params(ranges(m, B)), model::box_integral_options<idouble>()));
    // centred form (§V1): f(B) ⊂ f(x̄) + Σ_j ∂_j f(B)(B_j − x̄_j) with x̄ the exact midpoint
    std::vector<Decimal> mid = B.midpoint();
    Values at = integral_values_at(m, mid);
    std::size_t n = B.dims();
    std::vector<idouble> d(n);
    for (std::size_t j = 0; j < n; ++j) d[j] = outward(B.lo[j], B.hi[j]) - outward(mid[j], mid[j]);
    for (std::size_t i = 0; i < n; ++i) {
        idouble c = at.g[i];
        for (std::size_t j = 0; j < n; ++j) c = c + v.H[i * n + j] * d[j];
        v.g[i] = both(v.g[i], c);
    }
    idouble c = at.J;
    for (std::size_t j = 0; j < n; ++j) c = c + v.g[j] * d[j];
    v.J = both(v.J, c);
    return v;
}

void on_every_piece(const RseeModel& m, const certify::Box& B, const std::function<Verdict(const Values&)>& test,
                    const std::string& what, int budget) {
    std::deque<certify::Box> todo{B};
    while (!todo.empty()) {
        certify::Box P = std::move(todo.front());
        todo.pop_front();
        if (budget-- <= 0) throw std::runtime_error(what + ": not confirmed by the integral path within the budget");
        Verdict v = Verdict::undecided;
        try {
            v = test(integral_values(m, P));
        } catch (const std::range_error&) {
            v = Verdict::undecided;  // outside the integral path's range: bisect
        }
        if (v == Verdict::holds) continue;
        if (v == Verdict::fails) throw std::runtime_error(what + ": contradicted by the integral path");
        std::size_t dim = 0;
        double best = -1;
        for (std::size_t i = 0; i < P.dims(); ++i) {
            double w = (P.hi[i] - P.lo[i]).approx() / ((B.hi[i] - B.lo[i]).approx() + 1e-300);
            if (w > best) best = w, dim = i;
        }
        Decimal mid = (P.lo[dim] + P.hi[dim]).half();
        certify::Box lower = P, upper = P;
        lower.hi[dim] = mid;
        upper.lo[dim] = mid;
        todo.push_back(std::move(lower));
        todo.push_back(std::move(upper));
    }
}

}  // namespace gancert::verify::detail
