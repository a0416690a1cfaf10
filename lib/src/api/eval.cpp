// The evaluation request of the CLI and the Python module (api/eval.hpp).
#include "gancert/api/eval.hpp"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
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
std::string text_name(std::size_t q) {
    if (q < model::first_gradient) return std::string(model::quantity_names[q]);
    if (q < model::first_hessian) return std::string("dJ/d") + model::theta_names[q - model::first_gradient];
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t k = i; k < 4; ++k)
            if (hessian_quantity(i, k) == q) return std::string("d2J/d") + model::theta_names[i] + "d" + model::theta_names[k];
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

nlohmann::json to_json(const EvalReport& r, bool floats) {
    nlohmann::json j;
    j["model"] = "R/S/E/E";
    j["params"] = {{"a", r.params.a}, {"b", r.params.b}, {"g", r.params.g}, {"h", r.params.h}, {"c", r.params.c}};
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
    out << "model      R/S/E/E  (a=" << r.params.a << " b=" << r.params.b << " g=" << r.params.g
        << " h=" << r.params.h << " c=" << r.params.c << ", exact decimals)\n"
        << "arith      " << to_string(r.arith) << ", " << r.precision_bits << " bits"
        << (r.path.empty() ? "" : ", path: " + r.path) << "\n";
    for (std::size_t q = 0; q < model::quantity_count; ++q) {
        const auto& v = r.quantities[q];
        out << std::left << std::setw(11) << text_name(q) << (v.enclosure ? "[" + v.lo + ", " + v.hi + "]" : v.value)
            << '\n';
    }
    return out.str();
}

}  // namespace gancert::api
