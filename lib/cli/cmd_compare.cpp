// `gancert compare` — correct digits of another implementation against a reference table.
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "commands.hpp"
#include "gancert/reference/compare.hpp"
#include "gancert/reference/quantities.hpp"

namespace gancert::cli {
namespace {

namespace ref = gancert::reference;

struct compare_options {
    std::string reference, candidate;
    unsigned tolerance_digits = 0;
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
    auto reference = ref::read_csv_file(o.reference);
    auto candidate = ref::read_csv_file(o.candidate);
    ref::compare_options opts;
    if (o.has_tolerance) opts.tolerance_digits = o.tolerance_digits;
    opts.allow_subset = o.subset;
    auto r = ref::compare_tables(reference, candidate, opts);
    for (const auto& w : r.warnings) std::cerr << "gancert: warning: " << w << '\n';

    std::size_t values = 0;
    for (const auto& s : r.summaries) values += s.count;
    std::cout << "candidate " << o.candidate << " vs reference " << o.reference << ": " << r.points << " points, "
              << values << " values; tolerance "
              << (o.has_tolerance ? "10^-" + std::to_string(o.tolerance_digits) + " relative" : "none (inside the enclosure)")
              << "\n\n";
    std::printf("%-9s %6s %10s %10s %8s  %s\n", "quantity", "values", "min digits", "median", "failures",
                "worst point (candidate line)");
    for (const auto& s : r.summaries)
        std::printf("%-9s %6zu %10s %10s %8zu  %s (line %zu)\n", std::string(ref::quantity_names[s.quantity]).c_str(),
                    s.count, digits_text(s.min_digits).c_str(), digits_text(s.median_digits).c_str(), s.failures,
                    s.worst.point.c_str(), s.worst.line);
    if (r.passed()) {
        std::cout << "\nPASS: every value lies in its reference enclosure"
                  << (o.has_tolerance ? " widened by the tolerance" : "") << ".\n";
        return exit_ok;
    }
    std::cout << "\nFAIL: " << r.failures.size() << " of " << values << " values outside the reference enclosure"
              << (o.has_tolerance ? " widened by the tolerance" : "") << ":\n";
    for (std::size_t i = 0; i < r.failures.size() && i < o.max_failures; ++i) {
        const auto& f = r.failures[i];
        std::cout << "  " << o.candidate << ":" << f.line << " " << ref::quantity_names[f.quantity] << " at "
                  << f.point << ": " << f.value << " not in [" << f.lo << ", " << f.hi << "] ("
                  << digits_text(f.digits) << " correct digits)\n";
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
        "A value fails if it lies outside [lo - t, hi + t], t = 10^-D * max(|lo|,|hi|) (t = 0 without -D).\n"
        "Exit 0: all pass; 1: some value fails; 2: bad input.");
    cmd->add_option("--reference", o->reference, "reference CSV written by `gancert reference`")->required();
    cmd->add_option("--candidate", o->candidate, "CSV with columns a,b,g,h,c and any quantity columns")->required();
    cmd->add_option("--tolerance-digits,-D", o->tolerance_digits, "relative tolerance 10^-D around the enclosure")
        ->check(CLI::Range(0u, 100000u))
        ->each([o](const std::string&) { o->has_tolerance = true; });
    cmd->add_flag("--subset", o->subset, "allow reference points that the candidate lacks");
    cmd->add_option("--max-failures", o->max_failures, "failing values listed (default 20)");
    cmd->callback([o, &run] { run = [o] { return run_compare(*o); }; });
}

}  // namespace gancert::cli
