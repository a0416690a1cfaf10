// `gancert compare` — correct digits of another implementation against a reference table; with
// --model SPEC for a model of the family (api/compare.hpp): against a `reference --model` table
// or, without --reference, against enclosures computed at the candidate's points.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "gancert/api/compare.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/family/spec.hpp"
#include "gancert/reference/compare.hpp"
#include "gancert/reference/quantities.hpp"

namespace gancert::cli {
namespace {

namespace ref = gancert::reference;

struct compare_options {
    std::string reference, candidate, model;
    unsigned digits = 20;
    unsigned tolerance_digits = 0;
    std::string rtol, atol;
    bool has_tolerance = false, subset = false;
    std::size_t max_failures = 20;
};

std::string digits_text(double d) {
    if (d >= ref::max_correct_digits) return "exact";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", d);
    return buf;
}

int run_compare(const compare_options& o) {
    // required, checked here (CLI11 would report it before an unknown option)
    if (o.candidate.empty()) throw arith::bad_parameter("candidate", "required (the CSV of values to compare)");
    if (o.model.empty() && o.reference.empty()) throw arith::bad_parameter("reference", "required (or --model SPEC)");
    ref::compare_options opts;
    opts.tol = ref::parse_tolerance(o.rtol, o.atol, "--rtol", "--atol");
    if (o.has_tolerance) opts.tolerance_digits = o.tolerance_digits;
    opts.allow_subset = o.subset;
    std::string tol_text =
        (o.has_tolerance ? "rtol 10^-" + std::to_string(o.tolerance_digits)
                         : "rtol " + (o.rtol.empty() ? std::string("2^-51") : o.rtol)) +
        ", atol " + (o.atol.empty() ? std::string("0") : o.atol);
    ref::comparison_report r;
    std::string against = o.reference;
    if (o.model.empty()) {
        r = ref::compare_tables(ref::read_csv_file(o.reference), ref::read_csv_file(o.candidate), opts);
    } else {
        const family::ModelSpec m = family::parse_model(o.model);
        const auto candidate = ref::read_csv_file(o.candidate);
        std::optional<ref::csv_table> reference;
        if (!o.reference.empty()) reference = ref::read_csv_file(o.reference);
        else against = "certified enclosures of " + family::canonical(m) + " at " + std::to_string(o.digits) + " digits";
        r = api::compare_family(m, candidate, reference, o.digits, opts);
    }
    for (const auto& w : r.warnings) std::cerr << "gancert: warning: " << w << '\n';

    std::size_t values = 0;
    for (const auto& s : r.summaries) values += s.count;
    std::cout << "candidate " << o.candidate << " vs reference " << against << ": " << r.points << " points, "
              << values << " values; tolerance " << tol_text << "\n\n";
    std::printf("%-9s %6s %10s %10s %8s %7s  %s\n", "quantity", "values", "min digits", "median", "failures",
                "rounded", "worst point (candidate line)");
    for (const auto& s : r.summaries)
        std::printf("%-9s %6zu %10s %10s %8zu %7zu  %s (line %zu)\n",
                    std::string(ref::quantity_names[s.quantity]).c_str(), s.count, digits_text(s.min_digits).c_str(),
                    digits_text(s.median_digits).c_str(), s.failures, s.rounded, s.worst.point.c_str(), s.worst.line);
    if (r.passed()) {
        std::cout << "\nPASS: every value is correctly rounded at its printed precision or within the tolerance"
                     " of its reference enclosure.\n";
        return exit_ok;
    }
    std::cout << "\nFAIL: " << r.failures.size() << " of " << values
              << " values outside the reference enclosure widened by the tolerance, not proved correctly rounded:\n";
    for (std::size_t i = 0; i < r.failures.size() && i < o.max_failures; ++i) {
        const auto& f = r.failures[i];
        std::cout << "  " << o.candidate << ":" << f.line << " " << ref::quantity_names[f.quantity] << " at "
                  << f.point << ": " << f.value << " not in [" << f.lo << ", " << f.hi << "] ("
                  << digits_text(f.digits) << " correct digits)"
                  << (f.undecided ? " [rounding undecided: recompute the reference with more --digits]" : "") << "\n";
    }
    if (r.failures.size() > o.max_failures)
        std::cout << "  … " << r.failures.size() - o.max_failures << " more (use --max-failures)\n";
    return exit_failure;
}

}  // namespace

void register_compare(CLI::App& app, action& run) {
    auto o = std::make_shared<compare_options>();
    auto* cmd = app.add_subcommand(
        "compare",
        "Correct digits of another implementation's values against a `gancert reference` table.\n"
        "Points are matched by exact decimal value. For a candidate y and reference enclosure [lo,hi]:\n"
        "  e = max(|y-lo|, |y-hi|), s = min(|lo|,|hi|) (1 if 0 is in [lo,hi]: absolute digits),\n"
        "  correct digits = -log10(e/s), clamped to [0, -log10((hi-lo)/s)] (the reference's own resolution);\n"
        "a guaranteed lower bound of -log10(|y-x|/|x|) for the exact value x. nan/inf count as 0 digits.\n"
        "A value passes if the exact value provably rounds to it at its printed precision ([lo,hi] inside\n"
        "[y - 10^k/2, y + 10^k/2], 10^k its last digit; a zero claims no digits) or if it lies in\n"
        "[lo - t, hi + t], t = rtol * max(|lo|,|hi|) + atol (default rtol 2^-51, atol 0; -D D: rtol 10^-D).\n"
        "Exit 0: all pass; 1: some value fails; 2: bad input.");
    cmd->add_option("--reference", o->reference, "reference CSV written by `gancert reference` (optional with --model)");
    cmd->add_option("--candidate", o->candidate, "CSV with columns a,b,g,h,c (with --model: its players' names) and any quantity columns (required)");
    cmd->add_option("--model", o->model, "a model of the family (docs/model-family.md): point columns are its players' names; "
                                         "without --reference the enclosures are computed at the candidate's points");
    cmd->add_option("--digits", o->digits, "--model without --reference: digits of the computed enclosures (default 20)")
        ->check(CLI::Range(1u, gancert::limits::max_eval_digits));
    auto* rtol = cmd->add_option("--rtol", o->rtol, "relative tolerance, a decimal >= 0 (default 2^-51: float64 code)");
    cmd->add_option("--atol", o->atol, "absolute tolerance, a decimal >= 0 (default 0; e.g. 1e-300 accepts underflow to 0)");
    cmd->add_option("--tolerance-digits,-D", o->tolerance_digits, "relative tolerance 10^-D around the enclosure")
        ->check(CLI::Range(0u, 100000u))
        ->each([o](const std::string&) { o->has_tolerance = true; })
        ->excludes(rtol);
    cmd->add_flag("--subset", o->subset, "allow reference points that the candidate lacks");
    cmd->add_option("--max-failures", o->max_failures, "failing values listed (default 20)");
    cmd->callback([o, &run] { run = [o] { return run_compare(*o); }; });
}

}  // namespace gancert::cli
