// `gancert eval` — J1, J2, J, ∇J, ∇²J at one parameter point (README.md (command-line tool)); the request and its
// report are api/eval.hpp, shared with the Python module.
#include <iostream>

#include "gancert/api/limits.hpp"
#include "commands.hpp"
#include "gancert/api/eval.hpp"
#include "gancert/arith/precision.hpp"

namespace gancert::cli {
namespace {

struct eval_options {
    model::DecimalParams p;
    unsigned digits = 20;
    std::string arith = "interval";
    bool json = false;
};

int run_eval(const eval_options& o) {
    const api::EvalReport r = api::eval_report(o.p, o.digits, api::parse_arith(o.arith));
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
    cmd->add_option("--a", opts->p.a, "discriminator slope a (exact decimal)")->required();
    cmd->add_option("--b", opts->p.b, "discriminator offset b (exact decimal)")->required();
    cmd->add_option("--g", opts->p.g, "generator scale g >= 0 (exact decimal)")->required();
    cmd->add_option("--h", opts->p.h, "generator offset h (exact decimal)")->required();
    cmd->add_option("--c", opts->p.c, "data rate c > 0 (exact decimal)")->required();
    cmd->add_option("--digits", opts->digits, "correct decimal digits (interval: relative width <= 10^-N); 1.." + std::to_string(limits::max_eval_digits) + "")
        ->default_val(20)
        ->check(CLI::Range(1u, limits::max_eval_digits));
    cmd->add_option("--arith", opts->arith, "interval (certified), mpfr or double")
        ->default_val("interval")
        ->check(CLI::IsMember({"interval", "mpfr", "double"}));
    cmd->add_flag("--json", opts->json, "machine-readable output (README.md (command-line tool))");
    cmd->callback([opts, &run] { run = [opts] { return run_eval(*opts); }; });
}

}  // namespace gancert::cli
