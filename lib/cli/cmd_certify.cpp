// `gancert certify` — branch and bound over a parameter box, writes a certificate (issue 5).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <unistd.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "gancert/api/certify.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/certify/atlas.hpp"
#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/stationary_set.hpp"
#include "mpi_run.hpp"
#include "run_options.hpp"

namespace gancert::cli {
namespace {

struct CertifyArgs : ProblemArgs {
    std::string claim = "no-saddle", eps, delta, level, out;
    RunArgs run{1e-6};
    bool no_witness_search = false;
};


}  // namespace

double positive_seconds(const std::string& text, const char* option) {
    double t = -1;
    try {
        std::size_t used = 0;
        t = std::stod(text, &used);
        if (used != text.size()) t = -1;
    } catch (const std::exception&) {
    }
    if (!(t > 0) || !std::isfinite(t))
        throw arith::bad_input(std::string(option) + ": expected a positive number of seconds, got '" + text + "'");
    return t;
}

namespace {

int run_certify(const CertifyArgs& a) {
    using namespace gancert::certify;
    if (parse_claim_kind(a.claim) == ClaimKind::stationary_set) {  // lemma leaves, stationary_set.hpp
        if (a.model != "rsee") throw arith::bad_input("--model: the stationary-set claim is about the rsee model");
        auto r = certify_stationary_set({a.case_name, a.params, a.box, a.out});
        std::cout << r.verdict << (a.out.empty() ? "" : ", certificate " + a.out) << std::endl;
        return r.proved ? exit_ok : exit_failure;
    }
    const api::CertifyProblem problem =
        api::certify_problem({a.model, a.case_name, a.params, a.box, a.claim, a.eps, a.delta, a.level});

    CertifyOptions opt = run_options(a.run, a.out);
    opt.witness_first = !a.no_witness_search;
    // Without --out the certificate is a temporary file, removed however the run ends.
    std::string temporary;
    struct Remove {
        std::string& path;
        ~Remove() {
            if (path.empty()) return;
            std::error_code ec;
            std::filesystem::remove(path, ec);
            certify::remove_parts(path);
        }
    } remove_temporary{temporary};
    auto make_temporary = [&temporary] {
        temporary = (std::filesystem::temp_directory_path() /
                     ("gancert-cert-" + std::to_string(::getpid()) + ".jsonl")).string();
        return temporary;
    };
    stop_on_interrupt();
    certify::CertifyResult r = run_distributed(*problem.setup.function, problem.setup.root, problem.claim, opt,
                                               make_temporary);
    if (r.verdict.empty()) return exit_ok;  // a rank other than 0: rank 0 reports
    if (r.summary.contains("stats") && r.summary["stats"].contains("budget"))
        std::cerr << "gancert certify: " << r.summary["stats"]["budget"].get<std::string>()
                  << "; the undecided boxes are recorded as unknown leaves"
                  << (temporary.empty() ? "; continue with --resume --out " + opt.out : std::string()) << std::endl;
    std::cout << api::verdict_line(r, problem);
    if (temporary.empty()) std::cout << ", certificate " << opt.out;
    std::cout << std::endl;
    // Exit 0 only for a proved claim (refuted and incomplete are failures of the claim).
    return r.summary.value("status", "") == "proved" ? exit_ok : exit_failure;
}

}  // namespace

void register_certify(CLI::App& app, action& run) {
    auto args = std::make_shared<CertifyArgs>();
    auto* cmd = app.add_subcommand("certify", "Prove a claim over a parameter box and write a certificate");
    add_problem_options(cmd, *args, "Free parameters and ranges, e.g. \"b=-6:6,h=-6:6\"");
    cmd->add_option("--claim", args->claim, "no-saddle | no-stationary | plateau | extrema | stationary-set | atlas");
    cmd->add_option("--eps", args->eps, "plateau/atlas: bound on |dJ/dtheta_i|; extrema: absolute floor of the target width (default none)");
    cmd->add_option("--delta", args->delta, "plateau/atlas: bound on sup J - inf J (or |J - level|); extrema: target width relative to |max J|, |min J| (default 1e-12)");
    cmd->add_option("--level", args->level, "plateau: the level L of |J - L| <= delta");
    cmd->add_option("--out", args->out, "Certificate file (JSON Lines; also the checkpoint)");
    add_run_options(cmd, args->run, "certificate");
    cmd->add_flag("--no-witness-search", args->no_witness_search,
                  "no-saddle/no-stationary: skip the search for a refuting stationary point; breadth first only "
                  "(every box of each depth up to the first refutation is examined)");
    cmd->callback([&run, args] { run = [args] { return run_certify(*args); }; });
}

}  // namespace gancert::cli
