// The options every box-certifier run shares (`certify`, `atlas`): the model and box, threads, precision budget,
// minimum width, initial boxes, budgets, resume and the status line; registered and validated
// once here (exit 2 naming the option for a bad value).
#pragma once
#include <CLI/CLI.hpp>
#include <string>

#include "gancert/certify/engine.hpp"

namespace gancert::cli {

struct RunArgs {
    unsigned threads = 0, max_bits = 512;
    std::size_t initial_boxes = 64;
    double min_width;
    bool resume = false, quiet = false, progress = false, no_progress = false;
    std::string time_limit, max_leaves, progress_interval;  // validated by run_options()
    explicit RunArgs(double default_min_width) : min_width(default_min_width) {}
};

/// The problem of a box-certifier run: the model, its fixed parameters and the box.
struct ProblemArgs {
    std::string model = "rsee", case_name, params, box;
};

/// Adds --case --params --box --model; `box_help` describes --box (with an example).
void add_problem_options(CLI::App* cmd, ProblemArgs& p, const std::string& box_help);

/// Adds --threads --max-bits --min-width --initial-boxes --time-limit --max-leaves --resume
/// --progress --quiet --progress-interval --no-progress; `what` names the file ("certificate").
void add_run_options(CLI::App* cmd, RunArgs& r, const std::string& what);

/// A positive integer of at most 18 digits (--max-leaves); exit 2 naming `option` otherwise.
std::size_t positive_count(const std::string& text, const char* option);

/// The certifier options of `r` writing to `out` (validated: positive budgets, --progress not
/// with --quiet); a status bar on a terminal, else a line every --progress-interval seconds.
certify::CertifyOptions run_options(const RunArgs& r, const std::string& out);

}  // namespace gancert::cli
