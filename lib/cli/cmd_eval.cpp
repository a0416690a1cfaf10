// `gancert eval` — J1, J2, J, ∇J, ∇²J at one parameter point (README.md (command-line tool)); the request and its
// report are api/eval.hpp, shared with the Python module. With --model SPEC: any model of the
// family (family/spec.hpp, docs/model-family.md), its players' parameters by name.
#include <algorithm>
#include <iostream>
#include <map>

#include "gancert/api/limits.hpp"
#include "commands.hpp"
#include "gancert/api/eval.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/family/spec.hpp"

namespace gancert::cli {
namespace {

struct eval_options {
    model::DecimalParams p;
    std::string l, r, model;
    std::map<std::string, CLI::Option*> given;  // parameter name → its option
    unsigned digits = 20;
    std::string arith = "interval";
    bool json = false;
};

/// θ of a family model from the options named by the model's players; any other parameter
/// option is refused (fixed parameters belong in the spec).
std::array<std::string, 4> players(const eval_options& o, const family::ModelSpec& m) {
    const std::map<std::string, std::string> values{{"a", o.p.a}, {"b", o.p.b}, {"g", o.p.g}, {"h", o.p.h},
                                                    {"c", o.p.c}, {"l", o.l},   {"r", o.r}};
    const auto names = family::player_names(m);
    for (const auto& [name, opt] : o.given) {
        if (opt->count() == 0) continue;
        if (std::find(names.begin(), names.end(), name) == names.end())
            throw arith::bad_parameter(name, "not a parameter of the players of --model '" + family::canonical(m) +
                                                 "' (its players: " + names[0] + ", " + names[1] + ", " + names[2] +
                                                 ", " + names[3] + "; fixed parameters belong in --model)");
    }
    std::array<std::string, 4> theta;
    for (std::size_t i = 0; i < 4; ++i) {
        if (o.given.at(names[i])->count() == 0)
            throw arith::bad_parameter(names[i], "required by --model '" + family::canonical(m) + "'");
        theta[i] = values.at(names[i]);
    }
    return theta;
}

int run_eval(const eval_options& o) {
    const api::Arith a = api::parse_arith(o.arith);
    api::EvalReport r;
    if (!o.model.empty()) {
        const family::ModelSpec m = family::parse_model(o.model);
        r = api::eval_report(m, players(o, m), o.digits, a);
    } else {
        r = api::eval_report(o.p, o.digits, a);
    }
    if (o.json)
        std::cout << api::to_json(r).dump(2) << '\n';
    else
        std::cout << api::to_text(r);
    return exit_ok;
}

}  // namespace

void register_eval(CLI::App& app, action& run) {
    auto opts = std::make_shared<eval_options>();
    auto* cmd = app.add_subcommand("eval", "Cost J1, J2, J, gradient and Hessian at one parameter point");
    opts->given["a"] = cmd->add_option("--a", opts->p.a, "discriminator slope a (exact decimal)");
    opts->given["b"] = cmd->add_option("--b", opts->p.b, "discriminator offset b (exact decimal)");
    opts->given["g"] = cmd->add_option("--g", opts->p.g, "generator scale g >= 0 (exact decimal)");
    opts->given["h"] = cmd->add_option("--h", opts->p.h, "generator offset h (exact decimal)");
    opts->given["c"] = cmd->add_option("--c", opts->p.c, "data rate c > 0 (exact decimal; R/S/E/E only)");
    opts->given["l"] = cmd->add_option("--l", opts->l, "left end l of the indicator discriminator (--model only)");
    opts->given["r"] = cmd->add_option("--r", opts->r, "right end r of the indicator discriminator (--model only)");
    cmd->add_option("--model", opts->model,
                    "model of the family, e.g. \"data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls\", "
                    "its JSON form, or @file (docs/model-family.md)");
    cmd->add_option("--digits", opts->digits, "correct decimal digits (interval: relative width <= 10^-N); 1.." + std::to_string(limits::max_eval_digits) + "")
        ->default_val(20)
        ->check(CLI::Range(1u, limits::max_eval_digits));
    cmd->add_option("--arith", opts->arith, "interval (certified), mpfr or double")
        ->default_val("interval")
        ->check(CLI::IsMember({"interval", "mpfr", "double"}));
    cmd->add_flag("--json", opts->json, "machine-readable output (README.md (command-line tool))");
    cmd->callback([opts, &run] {
        if (opts->model.empty()) {  // the paper's R/S/E/E: a, b, g, h, c required
            for (const char* n : {"a", "b", "g", "h", "c"})
                if (opts->given.at(n)->count() == 0) throw CLI::RequiredError(std::string("--") + n);
            for (const char* n : {"l", "r"})
                if (opts->given.at(n)->count() != 0)
                    throw CLI::ValidationError(std::string("--") + n, "needs --model with disc=indicator");
        }
        run = [opts] { return run_eval(*opts); };
    });
}

}  // namespace gancert::cli
