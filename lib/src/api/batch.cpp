#include "gancert/api/workers.hpp"
#include "gancert/api/batch.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <thread>

#include "gancert/api/limits.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/interval.hpp"
#include "gancert/arith/mpfr.hpp"
#include "gancert/family/evaluate.hpp"
#include "gancert/model/closed_form.hpp"
#include "gancert/model/eval_policy.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/arith/decimal.hpp"

namespace gancert::api {
namespace {

bool narrow(double lo, double hi, double rel_width) {
    if (!std::isfinite(lo) || !std::isfinite(hi) || !(lo <= hi)) return false;
    if (!(lo > 0 || hi < 0)) return false;  // sign unresolved: the MPFR path decides (absolute width)
    // hi − lo and the product are compared with a factor 2 of slack for their roundings
    return hi - lo <= 0.5 * rel_width * std::min(std::fabs(lo), std::fabs(hi));
}

void set_mid(BatchPoint& r) {
    for (std::size_t q = 0; q < model::quantity_count; ++q) {
        double m = 0.5 * r.lo[q] + 0.5 * r.hi[q];
        r.mid[q] = std::fmin(std::fmax(m, r.lo[q]), r.hi[q]);
    }
}

}  // namespace

std::string exact_decimal(double x) {
    if (!std::isfinite(x)) throw arith::bad_input("not a finite number");
    return arith::Decimal::exact(x).str();
}

model::DecimalParams exact_params(const std::array<double, 5>& p, std::size_t index) {
    static const char* names[5] = {"a", "b", "g", "h", "c"};
    std::array<std::string, 5> text;
    for (std::size_t i = 0; i < 5; ++i) {
        if (!std::isfinite(p[i]))
            throw arith::bad_parameter(names[i], "point " + std::to_string(index) + ": " + std::to_string(p[i]) +
                                                     " is not finite");
        text[i] = exact_decimal(p[i]);
    }
    model::DecimalParams d{text[0], text[1], text[2], text[3], text[4]};
    try {
        model::validate(d);
    } catch (const arith::bad_parameter& e) {
        throw arith::bad_parameter(e.parameter(), "point " + std::to_string(index) + ": " + e.message());
    }
    return d;
}

namespace {

/// The MPFR fallback at `fallback_digits`: first the closed form alone, its e^E cancellation
/// paid in bits (closed_form_bits; at most closed_form_fallback_max_bits), which is what most
/// points the double closed form cannot resolve need, accepted only with every quantity to
/// `fallback_digits` relative digits (an absolute width would lose the digits of values like
/// J2 ~ 1e-439); else the automatic path (closed form and
/// integral path intersected). Both are enclosures (model/evaluate.hpp).
model::CertifiedEvaluation certified(const model::DecimalParams& d, std::size_t index, const BatchOptions& o) {
    auto closed = model::EvalPolicy::to_digits(o.fallback_digits, closed_form_fallback_max_bits);
    closed.path = model::PathChoice::closed_form;
    closed.absolute_after = std::numeric_limits<unsigned>::max();  // relative digits only (tiny values too)
    try {
        return model::evaluate_certified(d, closed);
    } catch (const std::range_error&) {
        // the closed form cannot decide or cancels too much here: both paths
    }
    try {
        return model::evaluate_certified(d, o.fallback_digits);
    } catch (const std::range_error& e) {
        throw std::range_error("point " + std::to_string(index) + ": " + e.what());
    }
}

/// The point after exact_params accepted it as `d`.
BatchPoint eval_validated(const std::array<double, 5>& p, const model::DecimalParams& d, std::size_t index,
                          const BatchOptions& o) {
    BatchPoint r;
    // fast path: the doubles are exact, so point intervals enclose the parameters
    using arith::idouble;
    model::Params<idouble> x{idouble(p[0]), idouble(p[1]), idouble(p[2]), idouble(p[3]), idouble(p[4])};
    bool ok = true;
    try {
        auto cf = model::evaluate_closed_form(x);
        if (!cf) throw std::range_error("closed form undecided");
        const auto& e = *cf;
        for (std::size_t q = 0; q < model::quantity_count && ok; ++q) {
            r.lo[q] = e.quantity(q).lower();
            r.hi[q] = e.quantity(q).upper();
            ok = narrow(r.lo[q], r.hi[q], o.rel_width);
        }
    } catch (const arith::soundness_error&) {
        throw;
    } catch (const std::exception&) {
        ok = false;  // the double path cannot decide here (overflow, unsupported range): MPFR
    }
    if (!ok) {
        r.fallback = true;
        const model::CertifiedEvaluation c = certified(d, index, o);
        for (std::size_t q = 0; q < model::quantity_count; ++q) {
            const auto& v = c.value.quantity(q);
            r.lo[q] = mpfr_get_d(arith::raw(v.lower()), MPFR_RNDD);
            r.hi[q] = mpfr_get_d(arith::raw(v.upper()), MPFR_RNDU);
        }
    }
    set_mid(r);
    return r;
}

}  // namespace

BatchPoint eval_point_double(const std::array<double, 5>& p, std::size_t index, const BatchOptions& o) {
    return eval_validated(p, exact_params(p, index), index, o);
}

std::vector<BatchPoint> eval_batch_double(const std::vector<std::array<double, 5>>& points, const BatchOptions& o) {
    std::vector<model::DecimalParams> exact;  // all bad input first, before any evaluation
    exact.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) exact.push_back(exact_params(points[i], i));
    std::vector<BatchPoint> out(points.size());
    // Points are independent: workers take the next index; the first failure (lowest index)
    // stops the others from taking points beyond it and is rethrown after all have joined.
    std::atomic<std::size_t> next{0}, failed_at{points.size()};
    std::vector<std::exception_ptr> errors(points.size());
    auto work = [&] {
        for (std::size_t i; (i = next++) < points.size();) {
            if (i > failed_at.load()) break;
            try {
                out[i] = eval_validated(points[i], exact[i], i, o);
            } catch (...) {
                errors[i] = std::current_exception();
                for (std::size_t f = failed_at.load(); i < f && !failed_at.compare_exchange_weak(f, i);) {
                }
            }
        }
    };
    const std::size_t wanted = std::min<std::size_t>(limits::resolve_threads(o.threads), points.size() / 16 + 1);
    api::run_workers(static_cast<unsigned>(wanted), work);
    if (failed_at.load() < points.size()) std::rethrow_exception(errors[failed_at.load()]);
    return out;
}

std::vector<BatchPoint> eval_batch_family(const family::ModelSpec& m, const std::vector<std::array<double, 4>>& points,
                                          unsigned digits) {
    const auto names = family::player_names(m);
    std::vector<std::array<std::string, 4>> exact;  // all bad input first, before any evaluation
    exact.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        std::array<std::string, 4> t;
        for (std::size_t k = 0; k < 4; ++k) {
            if (!std::isfinite(points[i][k]))
                throw arith::bad_parameter(names[k], "point " + std::to_string(i) + ": " + std::to_string(points[i][k]) +
                                                         " is not finite");
            t[k] = exact_decimal(points[i][k]);
        }
        try {
            family::validate_players(m, t);
        } catch (const arith::bad_parameter& e) {
            throw arith::bad_parameter(e.parameter(), "point " + std::to_string(i) + ": " + e.message());
        }
        exact.push_back(std::move(t));
    }
    std::vector<BatchPoint> out(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        // status tolerance_not_met: the enclosures are valid but wider than 10^-digits; they are
        // returned as they are (lo <= exact <= hi holds either way)
        const auto c = family::evaluate_certified(m, exact[i], digits);
        BatchPoint& r = out[i];
        r.fallback = true;  // the MPFR path (the family has no double fast path)
        for (std::size_t q = 0; q < model::quantity_count; ++q) {
            const auto& v = c.report.eval.quantity(q);
            r.lo[q] = mpfr_get_d(arith::raw(v.lower()), MPFR_RNDD);
            r.hi[q] = mpfr_get_d(arith::raw(v.upper()), MPFR_RNDU);
        }
        set_mid(r);
    }
    return out;
}

}  // namespace gancert::api
