// Dispatcher between the closed-form and the integral path (model/evaluate.hpp); every
// number of the escalation comes from model/eval_policy.hpp.
#include "gancert/model/evaluate.hpp"

#include <stdexcept>

#include "gancert/model/closed_form.hpp"
#include "gancert/model/integral_path.hpp"
#include "gancert/model/intersect.hpp"

namespace gancert::model {

using arith::idouble;
using arith::impfr;
using arith::mpfr;

/// PathChoice::automatic: the closed form alone when it is already as tight as the working
/// precision allows (2^−(bits − guard_bits) relative on every quantity), else both paths
/// intersected (the integral path alone where the closed form does not apply).
template <class I>
std::optional<Evaluation<I>> evaluate_by_path(const Params<I>& p, PathChoice choice, Path* used) {
    using T = arith::endpoint_t<I>;
    auto set = [used](Path x) {
        if (used) *used = x;
    };
    if (choice == PathChoice::integral) {
        set(Path::integral);
        return evaluate_integral(p);
    }
    auto cf = evaluate_closed_form(p);
    if (choice == PathChoice::closed_form) {
        set(Path::closed_form);
        return cf;
    }
    if (cf) {
        const T tol = working_tolerance<T>(guard_bits);
        if (cf->all_of([&](const I& x) { return relatively_narrow(x, tol); })) {
            set(Path::closed_form);
            return cf;
        }
    }
    auto ip = evaluate_integral(p);
    if (!cf) {
        set(Path::integral);
        return ip;
    }
    set(Path::both);
    return intersect_evaluations(*cf, ip);  // throws arith::soundness_error if disjoint
}

template std::optional<Evaluation<idouble>> evaluate_by_path(const Params<idouble>&, PathChoice, Path*);
template std::optional<Evaluation<impfr>> evaluate_by_path(const Params<impfr>&, PathChoice, Path*);

template <>
Evaluation<double> evaluate(const Params<double>& p) {
    if (auto e = evaluate_closed_form(p)) return *e;
    return evaluate_integral(p);
}

template <>
Evaluation<idouble> evaluate(const Params<idouble>& p) { return *evaluate_by_path(p, PathChoice::automatic); }

template <>
Evaluation<impfr> evaluate(const Params<impfr>& p) { return *evaluate_by_path(p, PathChoice::automatic); }

namespace {
/// The policy's ladder over interval parameters: evaluates at each rung until the policy is
/// met; returns the last attempt with `met` telling whether it was. `q` gives the parameters
/// (re-parsed at each precision so that decimals are enclosed at that precision).
template <class Q>
CertifiedEvaluation escalate(const EvalPolicy& policy, Q&& q, bool& met) {
    CertifiedEvaluation r;
    unsigned bits = policy.start_bits;
    for (unsigned attempt = 0;; ++attempt) {
        arith::precision_guard guard(bits);
        r.precision_bits = bits;
        auto e = evaluate_by_path(q(), policy.path, &r.path);
        if (e) {
            r.value = *e;
            if (policy.meets(r.value, attempt)) {
                met = true;
                return r;
            }
        }
        auto next = policy.next_bits(bits, attempt);
        if (!next) {
            met = false;
            if (!e) throw std::range_error("outside supported range: the closed form cannot decide at these parameters");
            return r;
        }
        bits = *next;
    }
}
}  // namespace

/// mpfr: midpoints of a certified evaluation at EvalPolicy::at_working_precision, so the
/// returned values carry (almost) the full working precision even where the closed form
/// cancels.
template <>
Evaluation<mpfr> evaluate(const Params<mpfr>& p) {
    auto point = [](const mpfr& x) { return impfr(x, x); };
    const Params<impfr> ip{point(p.a), point(p.b), point(p.g), point(p.h), point(p.c)};
    bool met = false;
    auto r = escalate(EvalPolicy::at_working_precision(arith::working_bits()), [&] { return ip; }, met);
    return r.value.transform([](const impfr& x) { return arith::midpoint(x); });
}

CertifiedEvaluation evaluate_certified(const DecimalParams& p, const EvalPolicy& policy) {
    return evaluate_certified(ValidatedParams(p), policy);
}

CertifiedEvaluation evaluate_certified(const ValidatedParams& valid, const EvalPolicy& requested) {
    const DecimalParams& p = valid.get();
    EvalPolicy policy = requested;
    if (policy.path == PathChoice::closed_form) {
        // The closed form's e^{E} cancellation costs bits from the start (closed_form_bits).
        const unsigned need = closed_form_bits(to_scalar_unchecked<double>(p), policy.start_bits);
        if (need > policy.max_bits)
            throw std::range_error("outside supported range: the closed form needs " + std::to_string(need) +
                                   " bits here (more than " + std::to_string(policy.max_bits) + ")");
        policy.start_bits = need;
    }
    bool met = false;
    auto r = escalate(policy, [&] { return to_scalar_unchecked<impfr>(p); }, met);
    if (!met)
        throw std::range_error("outside supported range: could not reach " +
                               (policy.tol_bits ? "2^-" + std::to_string(policy.tol_bits) + " relative width"
                                                : std::to_string(policy.digits) + " digits") +
                               " within " + std::to_string(policy.max_bits) + " bits");
    return r;
}

CertifiedEvaluation evaluate_certified(const DecimalParams& p, unsigned digits, unsigned max_bits) {
    return evaluate_certified(p, EvalPolicy::to_digits(digits, max_bits));
}

}  // namespace gancert::model
