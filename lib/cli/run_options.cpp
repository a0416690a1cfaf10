#include "run_options.hpp"

#include <cstdio>
#include <unistd.h>

#include "commands.hpp"
#include "gancert/api/certify.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/arith/errors.hpp"

namespace gancert::cli {

void add_problem_options(CLI::App* cmd, ProblemArgs& p, const std::string& box_help) {
    cmd->add_option("--case", p.case_name, "Paper case A or B (its fixed parameters; atlas: its trajectory)");
    cmd->add_option("--params", p.params, "Fixed parameters a=..,b=..,g=..,h=..,c=.. (exact decimals; with a model spec: its players not in --box)");
    cmd->add_option("--box", p.box, box_help);
    cmd->add_option("--model", p.model,
                    "Model: rsee (default; --case A|B is the paper's), a model spec of the family, e.g. "
                    "\"data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls\" (docs/model-family.md), "
                    "or a test model (test-cubic, test-degenerate)");
}

void add_run_options(CLI::App* cmd, RunArgs& r, const std::string& what) {
    cmd->add_option("--threads", r.threads, "Worker threads (0 = all cores, at most " + std::to_string(limits::max_threads) + "; default all cores)");
    cmd->add_flag("--resume", r.resume, "Continue the unfinished " + what + " at --out");
    cmd->add_option("--max-bits", r.max_bits, "Precision budget in bits (at most " + std::to_string(limits::max_precision_bits) + ", default 512)");
    char text[64];
    std::snprintf(text, sizeof text, "Smallest relative box width bisected (default %g)", r.min_width);
    cmd->add_option("--min-width", r.min_width, text);
    cmd->add_option("--initial-boxes", r.initial_boxes, "Start from the box pre-split into this many (1.." + std::to_string(limits::max_initial_boxes) + ", default 64)");
    cmd->add_option("--time-limit", r.time_limit,
                    "Stop after SECONDS (default " + std::to_string(static_cast<int>(api::default_time_limit)) +
                        "): undecided boxes become unknown leaves, status incomplete (resumable)");
    cmd->add_option("--max-leaves", r.max_leaves, "Stop after N leaves computed by this run (as --time-limit)");
    cmd->add_flag("--progress", r.progress, "Status on stderr also when it is not a terminal (the default)");
    cmd->add_flag("--quiet", r.quiet, "No status on stderr");
    cmd->add_option("--progress-interval", r.progress_interval,
                    "Seconds between status lines when stderr is not a terminal (default 5)");
    cmd->add_flag("--no-progress", r.no_progress, "Same as --quiet");
}

std::size_t positive_count(const std::string& text, const char* option) {
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 18 ||
        std::stoull(text) == 0)
        throw arith::bad_input(std::string(option) + ": expected a positive integer, got '" + text + "'");
    return static_cast<std::size_t>(std::stoull(text));
}

certify::CertifyOptions run_options(const RunArgs& r, const std::string& out) {
    using certify::CertifyOptions;
    if (!(r.min_width > 0) || !(r.min_width < 1)) throw arith::bad_input("--min-width: must be in (0, 1)");
    CertifyOptions opt;
    opt.threads = r.threads;
    opt.max_bits = r.max_bits;
    opt.min_width = r.min_width;
    opt.resume = r.resume;
    opt.initial_boxes = r.initial_boxes;
    opt.out = out;
    // Budgets: a budget-hit run ends incomplete (exit 1) with the undecided boxes as unknown
    // leaves; --resume re-opens exactly those.
    opt.time_limit = r.time_limit.empty() ? api::default_time_limit : positive_seconds(r.time_limit, "--time-limit");
    if (!r.max_leaves.empty()) opt.max_leaves = positive_count(r.max_leaves, "--max-leaves");
    if (!r.progress_interval.empty()) opt.progress_interval = positive_seconds(r.progress_interval, "--progress-interval");
    if (r.progress && (r.quiet || r.no_progress)) throw arith::bad_input("--progress: cannot be combined with --quiet");
    opt.progress = !(r.quiet || r.no_progress);
    opt.progress_mode = isatty(2) ? CertifyOptions::ProgressMode::bar : CertifyOptions::ProgressMode::lines;
    return opt;
}

}  // namespace gancert::cli
