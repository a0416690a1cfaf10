// `gancert eval` — J1, J2, J, ∇J, ∇²J at one parameter point (design §6).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "gancert/model/evaluate.hpp"

namespace gancert::cli {
namespace {

using arith::idouble;
using arith::impfr;
using arith::mpfr;

struct eval_options {
    model::DecimalParams p;
    unsigned digits = 20;
    std::string arith = "interval";
    bool json = false;
};

/// One printed quantity: {"lo","hi"} for enclosures, {"value"} otherwise.
struct printed {
    std::string lo, hi, value;
    nlohmann::json to_json() const {
        if (value.empty()) return {{"lo", lo}, {"hi", hi}};
        return {{"value", value}};
    }
    std::string to_text() const { return value.empty() ? "[" + lo + ", " + hi + "]" : value; }
};

printed show(const impfr& x, unsigned digits) {
    auto [lo, hi] = arith::to_decimal_outward(x, digits);
    return {lo, hi, ""};
}
printed show(const mpfr& x, unsigned digits) { return {"", "", arith::to_decimal(x, digits, MPFR_RNDN)}; }
printed show(double x, unsigned) { return {"", "", arith::to_decimal(x, 17, MPFR_RNDN)}; }

template <class S>
int report(const eval_options& o, const model::Evaluation<S>& e, unsigned bits, const std::string& path) {
    const char* names[4] = {"a", "b", "g", "h"};
    if (o.json) {
        nlohmann::json j;
        j["model"] = "R/S/E/E";
        j["params"] = {{"a", o.p.a}, {"b", o.p.b}, {"g", o.p.g}, {"h", o.p.h}, {"c", o.p.c}};
        j["arith"] = o.arith;
        j["precision_bits"] = bits;
        j["digits"] = o.digits;
        if (!path.empty()) j["path"] = path;
        j["J1"] = show(e.J1, o.digits).to_json();
        j["J2"] = show(e.J2, o.digits).to_json();
        j["J"] = show(e.J.v, o.digits).to_json();
        j["grad"] = nlohmann::json::array();
        for (int i = 0; i < 4; ++i) j["grad"].push_back(show(e.J.g[i], o.digits).to_json());
        j["hess"] = nlohmann::json::array();
        for (int i = 0; i < 4; ++i) {
            nlohmann::json row = nlohmann::json::array();
            for (int k = 0; k < 4; ++k) row.push_back(show(e.J.hess(i, k), o.digits).to_json());
            j["hess"].push_back(row);
        }
        std::cout << j.dump(2) << '\n';
        return exit_ok;
    }
    std::cout << "model      R/S/E/E  (a=" << o.p.a << " b=" << o.p.b << " g=" << o.p.g << " h=" << o.p.h
              << " c=" << o.p.c << ", exact decimals)\n"
              << "arith      " << o.arith << ", " << bits << " bits"
              << (path.empty() ? "" : ", path: " + path) << "\n";
    auto line = [](const std::string& name, const printed& v) {
        std::cout << std::left << std::setw(11) << name << v.to_text() << '\n';
    };
    line("J1", show(e.J1, o.digits));
    line("J2", show(e.J2, o.digits));
    line("J", show(e.J.v, o.digits));
    for (int i = 0; i < 4; ++i) line(std::string("dJ/d") + names[i], show(e.J.g[i], o.digits));
    for (int i = 0; i < 4; ++i)
        for (int k = i; k < 4; ++k)
            line(std::string("d2J/d") + names[i] + "d" + names[k], show(e.J.hess(i, k), o.digits));
    return exit_ok;
}

int run_eval(const eval_options& o) {
    if (o.arith == "interval") {
        auto r = model::evaluate_certified(o.p, o.digits);
        return report(o, r.value, r.precision_bits, model::to_string(r.path));
    }
    if (o.arith == "mpfr") {
        // at least the library's minimum precision (--digits 1 asks for 20 bits)
        unsigned bits = std::max(arith::bits_for_digits(o.digits), arith::min_precision_bits);
        arith::precision_guard guard(bits);
        auto e = model::evaluate(model::to_scalar<mpfr>(o.p));
        return report(o, e, bits, "");
    }
    auto e = model::evaluate(model::to_scalar<double>(o.p));
    return report(o, e, 53, "");
}

}  // namespace

void register_eval(CLI::App& app, action& run) {
    auto opts = std::make_shared<eval_options>();
    auto* cmd = app.add_subcommand("eval", "Cost J1, J2, J, gradient and Hessian at one parameter point");
    cmd->add_option("--a", opts->p.a, "discriminator slope a (exact decimal)")->required();
    cmd->add_option("--b", opts->p.b, "discriminator offset b (exact decimal)")->required();
    cmd->add_option("--g", opts->p.g, "generator scale g >= 0 (exact decimal)")->required();
    cmd->add_option("--h", opts->p.h, "generator offset h (exact decimal)")->required();
    cmd->add_option("--c", opts->p.c, "data rate c > 0 (exact decimal)")->required();
    cmd->add_option("--digits", opts->digits, "correct decimal digits (interval: relative width <= 10^-N)")
        ->default_val(20)
        ->check(CLI::Range(1u, arith::max_decimal_digits));
    cmd->add_option("--arith", opts->arith, "interval (certified), mpfr or double")
        ->default_val("interval")
        ->check(CLI::IsMember({"interval", "mpfr", "double"}));
    cmd->add_flag("--json", opts->json, "machine-readable output (design §6)");
    cmd->callback([opts, &run] { run = [opts] { return run_eval(*opts); }; });
}

}  // namespace gancert::cli
