// The evaluation request of the CLI and the Python module (api/eval.hpp).
#include "gancert/api/eval.hpp"

#include <algorithm>
#include <stdexcept>
#include <iomanip>
#include <sstream>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/family/evaluate.hpp"
#include "gancert/model/evaluate.hpp"

namespace gancert::api {

namespace {
using arith::impfr;
using arith::mpfr;

PrintedQuantity printed(const impfr& x, unsigned digits) {
    PrintedQuantity q;
    q.enclosure = true;
    std::tie(q.lo, q.hi) = arith::to_decimal_outward(x, digits);
    q.lo_float = mpfr_get_d(arith::raw(x.lower()), MPFR_RNDD);
    q.hi_float = mpfr_get_d(arith::raw(x.upper()), MPFR_RNDU);
    return q;
}
PrintedQuantity printed(const mpfr& x, unsigned digits) {
    PrintedQuantity q;
    q.value = arith::to_decimal(x, digits, MPFR_RNDN);
    q.value_float = mpfr_get_d(arith::raw(x), MPFR_RNDN);
    return q;
}
PrintedQuantity printed(double x, unsigned) {
    PrintedQuantity q;
    q.value = arith::to_decimal(x, 17, MPFR_RNDN);
    q.value_float = x;
    return q;
}

template <class S>
void fill(EvalReport& r, const model::Evaluation<S>& e) {
    e.for_each([&](std::size_t q, const S& x) { r.quantities[q] = printed(x, r.digits); });
}

nlohmann::json quantity_json(const PrintedQuantity& q, bool floats) {
    nlohmann::json j;
    if (q.enclosure) {
        j["lo"] = q.lo;
        j["hi"] = q.hi;
        if (floats) j["lo_float"] = q.lo_float, j["hi_float"] = q.hi_float;
    } else {
        j["value"] = q.value;
        if (floats) j["float"] = q.value_float;
    }
    return j;
}

/// Index in quantity_names of ∂²J/∂θi∂θk (any order of i, k).
std::size_t hessian_quantity(std::size_t i, std::size_t k) {
    return model::first_hessian + ad::Jet<double, 4>::index(i, k);
}

/// "dJ/da", "d2J/dadb": the text names of the gradient and Hessian quantities.
std::string text_name(std::size_t q, const std::array<std::string, 4>& theta) {
    if (q < model::first_gradient) return std::string(model::quantity_names[q]);
    if (q < model::first_hessian) return "dJ/d" + theta[q - model::first_gradient];
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t k = i; k < 4; ++k)
            if (hessian_quantity(i, k) == q) return "d2J/d" + theta[i] + "d" + theta[k];
    return "?";
}
}  // namespace

namespace {
constexpr std::array<const char*, 3> arith_names{"interval", "mpfr", "double"};  // Arith order
}

Arith parse_arith(const std::string& name) {
    for (std::size_t i = 0; i < arith_names.size(); ++i)
        if (name == arith_names[i]) return static_cast<Arith>(i);
    throw arith::bad_parameter("arith", "'" + name + "' is not one of interval, mpfr, double");
}

const char* to_string(Arith a) { return arith_names.at(static_cast<std::size_t>(a)); }

unsigned approximation_bits(unsigned digits) {
    return std::max(arith::bits_for_digits(digits), arith::min_precision_bits);
}

EvalReport eval_report(const model::DecimalParams& p, unsigned digits, Arith a) {
    limits::check_eval_digits(digits);  // the resource limit, for every arith
    const auto policy = model::EvalPolicy::to_digits(digits);
    EvalReport r;
    r.params = p;
    r.named = {{"a", p.a}, {"b", p.b}, {"g", p.g}, {"h", p.h}, {"c", p.c}};
    r.arith = a;
    r.digits = digits;
    if (a == Arith::interval) {
        auto c = model::evaluate_certified(p, policy);
        r.precision_bits = c.precision_bits;
        r.path = model::to_string(c.path);
        fill(r, c.value);
    } else if (a == Arith::mpfr) {
        r.precision_bits = approximation_bits(digits);
        arith::precision_guard guard(r.precision_bits);
        fill(r, model::evaluate(model::to_scalar<mpfr>(p)));
    } else {
        r.precision_bits = 53;
        fill(r, model::evaluate(model::to_scalar<double>(p)));
    }
    return r;
}

EvalReport eval_report(const family::ModelSpec& m, const std::array<std::string, 4>& theta, unsigned digits,
                       Arith a) {
    limits::check_eval_digits(digits);  // the resource limit, for every arith
    EvalReport r;
    r.family = true;
    r.model = family::canonical(m);
    r.theta_names = family::player_names(m);
    for (std::size_t i = 0; i < 4; ++i) r.named.emplace_back(r.theta_names[i], theta[i]);
    r.arith = a;
    r.digits = digits;
    if (a == Arith::interval) {
        auto c = family::evaluate_certified(m, theta, digits);
        if (c.report.status != family::FamilyStatus::ok)
            throw std::range_error("the certified width 10^-" + std::to_string(digits) + " was not reached at " +
                                   std::to_string(c.bits) + " bits (enclosures valid but wider; try fewer --digits)");
        r.precision_bits = c.bits;
        r.path = c.report.path;
        fill(r, c.report.eval);
        return r;
    }
    family::validate_players(m, theta);
    r.precision_bits = a == Arith::mpfr ? approximation_bits(digits) : 53;
    const unsigned work = a == Arith::mpfr ? r.precision_bits + 16 : 96;
    arith::precision_guard guard(work);
    const auto model = family::make_model<impfr>(m);
    std::array<impfr, 4> t;
    for (std::size_t i = 0; i < 4; ++i) t[i] = arith::parse<impfr>(theta[i], r.theta_names[i]);
    const auto e = family::evaluate(model, t).eval;
    if (a == Arith::mpfr) {
        arith::precision_guard out(r.precision_bits);
        fill(r, e.transform([](const impfr& x) { return mpfr(arith::midpoint(x)); }));
    } else {
        fill(r, e.transform([](const impfr& x) { return arith::to_double(x); }));
    }
    return r;
}

nlohmann::json to_json(const EvalReport& r, bool floats) {
    nlohmann::json j;
    j["model"] = r.model;
    j["params"] = nlohmann::json::object();
    for (const auto& [n, v] : r.named) j["params"][n] = v;
    if (r.family) {
        j["spec"] = family::to_json(family::parse_model(r.model));
        j["players"] = nlohmann::json::array();
        for (std::size_t i = 0; i < 4; ++i)
            j["players"].push_back({{"name", r.theta_names[i]}, {"role", family::player_roles[i] > 0 ? "ascends" : "descends"}});
    }
    j["arith"] = to_string(r.arith);
    j["precision_bits"] = r.precision_bits;
    j["digits"] = r.digits;
    if (!r.path.empty()) j["path"] = r.path;
    for (std::size_t q = 0; q < model::first_gradient; ++q)
        j[std::string(model::quantity_names[q])] = quantity_json(r.quantities[q], floats);
    j["grad"] = nlohmann::json::array();
    for (std::size_t i = 0; i < 4; ++i)
        j["grad"].push_back(quantity_json(r.quantities[model::first_gradient + i], floats));
    j["hess"] = nlohmann::json::array();
    for (std::size_t i = 0; i < 4; ++i) {
        auto row = nlohmann::json::array();
        for (std::size_t k = 0; k < 4; ++k) row.push_back(quantity_json(r.quantities[hessian_quantity(i, k)], floats));
        j["hess"].push_back(row);
    }
    return j;
}

std::string to_text(const EvalReport& r) {
    std::ostringstream out;
    std::string shown;
    for (const auto& [n, v] : r.named) shown += (shown.empty() ? "" : " ") + n + "=" + v;
    out << "model      " << r.model << "  (" << shown << ", exact decimals)\n";
    if (r.family)
        out << "players    " << r.theta_names[0] << ", " << r.theta_names[1] << " ascend J (discriminator); "
            << r.theta_names[2] << ", " << r.theta_names[3] << " descend J (generator)\n";
    out
        << "arith      " << to_string(r.arith) << ", " << r.precision_bits << " bits"
        << (r.path.empty() ? "" : ", path: " + r.path) << "\n";
    for (std::size_t q = 0; q < model::quantity_count; ++q) {
        const auto& v = r.quantities[q];
        out << std::left << std::setw(11) << text_name(q, r.theta_names) << (v.enclosure ? "[" + v.lo + ", " + v.hi + "]" : v.value)
            << '\n';
    }
    return out.str();
}

}  // namespace gancert::api
