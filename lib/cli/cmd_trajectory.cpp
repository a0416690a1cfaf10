// `gancert trajectory` — gradient play of the paper (issue 4): double / MPFR / certified
// trajectories, the SGD comparison, plateau summary, CSV and PNG output. With --model SPEC:
// the same for any model of the family (dynamics/family_play.hpp, family_sgd.hpp), the start
// given by the players' names (--params "a=..,b=..,g=..,h=.." or --a … --h / --l --r).
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "commands.hpp"
#include "output.hpp"
#include "plot_script.hpp"
#include "gancert/api/certify.hpp"
#include "gancert/api/eval.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/api/players.hpp"
#include "gancert/api/trajectory.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/dynamics/plateau.hpp"
#include "gancert/dynamics/play.hpp"
#include "gancert/dynamics/family_sgd.hpp"
#include "gancert/dynamics/sgd.hpp"
#include "gancert/family/spec.hpp"

namespace gancert::cli {
namespace {

using arith::impfr;
using arith::mpfr;
using namespace dynamics;

struct TrajectoryOptions {
    std::string which = "A";
    int dims = 4;
    int steps = 250;
    std::string step = "0.4";
    std::string start;
    bool certified = false;
    int digits = -1;  // -1: not given
    long long sgd_samples = 0;
    int runs = 10;
    unsigned long long seed = 1;
    std::string csv, plot;
    double eps = 1e-2, delta = 1e-2;
    std::string model, params;                  // a model of the family and its start by name
    std::map<std::string, std::string> named;   // --a … --r
    std::map<std::string, CLI::Option*> given;  // name → its option
    std::string time_limit;                     // empty: api::default_run_time_limit
};

model::DecimalParams parse_start(const std::string& s) {
    std::vector<std::string> f;
    std::stringstream in(s);
    std::string item;
    while (std::getline(in, item, ',')) f.push_back(item);
    if (!s.empty() && s.back() == ',') f.push_back("");
    if (f.size() != 5)
        throw arith::bad_input("--start: '" + s + "' must be five comma-separated decimals a,b,g,h,c (got " +
                               std::to_string(f.size()) + " fields)");
    const char* names[5] = {"a", "b", "g", "h", "c"};
    for (int i = 0; i < 5; ++i)
        if (!arith::is_decimal(f[static_cast<std::size_t>(i)]))
            throw arith::bad_input("--start: field " + std::string(names[i]) + " = '" +
                                   f[static_cast<std::size_t>(i)] + "' is not a finite decimal number");
    model::DecimalParams p{f[0], f[1], f[2], f[3], f[4]};
    try {
        model::validate(p);
    } catch (const arith::bad_input& e) {
        throw arith::bad_input(std::string("--start: ") + e.what());
    }
    return p;
}

std::string fmt(double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}
std::string fmt(const mpfr& x, unsigned digits) { return arith::to_decimal(x, digits, MPFR_RNDN); }
std::string fmt_interval(const impfr& x, unsigned digits) {
    auto [lo, hi] = arith::to_decimal_outward(x, digits);
    return "[" + lo + ", " + hi + "]";
}

int draw_plot(const std::string& csv, const std::string& png, const std::string& sgd_csv,
              const std::string& title) {
    const ScopedTemporary tmp(
        (std::filesystem::temp_directory_path() / ("gancert-trajectory-" + std::to_string(::getpid()) + ".png")).string());
    const std::string& tmp_png = tmp.path();
    std::string cmd = python_interpreter() + " " +
                      shell_quote(tool_script("GANCERT_PLOT_SCRIPT", "plot_trajectory.py").string()) + " " +
                      shell_quote(csv) + " " + shell_quote(tmp_png) + " --title " + shell_quote(title);
    if (!sgd_csv.empty()) cmd += " --sgd " + shell_quote(sgd_csv);
    return run_plot_script(cmd, tmp_png, png);
}

/// A whole output file (temporary + rename: complete under its name or not there).
std::unique_ptr<OutputFile> open_output(const std::string& path, const char* option) {
    auto f = std::make_unique<OutputFile>(path, option);
    f->stream().precision(17);
    return f;
}

/// A point-arithmetic run (double or mpfr): CSV rows, the plateau and the final iterate, each
/// number formatted by `f`.
template <class S, class F>
void report_point_run(const std::vector<Iterate<S>>& tr, std::ofstream* csv,
                      const PlateauCriterion& crit, F&& f, const std::array<std::string, 4>* family_names = nullptr) {
    std::vector<S> J, G;
    for (std::size_t k = 0; k < tr.size(); ++k) {
        const auto& it = tr[k];
        J.push_back(it.e.J.v);
        G.push_back(it.gnorm);
        if (csv)
            *csv << k << ',' << f(it.p.a) << ',' << f(it.p.b) << ',' << f(it.p.g) << ',' << f(it.p.h) << ','
                 << f(it.e.J1) << ',' << f(it.e.J2) << ',' << f(it.e.J.v) << ',' << f(it.gnorm) << '\n';
    }
    const auto pl = first_plateau(J, G, crit);
    std::cout << "plateau: " << (pl ? "first at iterate k = " + std::to_string(*pl) : std::string("not reached"))
              << '\n';
    const auto& L = tr.back();
    if (family_names) {  // a model of the family: no KL score (it is the paper's data and generator)
        const auto& n = *family_names;
        std::cout << "final iterate k = " << tr.size() - 1 << ": " << n[0] << " = " << f(L.p.a) << ", " << n[1]
                  << " = " << f(L.p.b) << ", " << n[2] << " = " << f(L.p.g) << ", " << n[3] << " = " << f(L.p.h)
                  << "\n  J1 = " << f(L.e.J1) << ", J2 = " << f(L.e.J2) << ", J = " << f(L.e.J.v)
                  << "\n  ||grad J|| = " << f(L.gnorm) << '\n';
        return;
    }
    std::cout << "final iterate k = " << tr.size() - 1 << ": a = " << f(L.p.a) << ", b = " << f(L.p.b)
              << ", g = " << f(L.p.g) << ", h = " << f(L.p.h) << "\n  J1 = " << f(L.e.J1) << ", J2 = " << f(L.e.J2)
              << ", J = " << f(L.e.J.v) << "\n  ||grad J|| = " << f(L.gnorm)
              << ", KL(p_data||p_g) = " << f(*kl_data_to_generator(L.p)) << '\n';
}

/// What the report needs of a run: the paper's R/S/E/E or a model of the family.
struct Run {
    int dims = 4, iterates = 0;
    double time_limit = 0;   ///< the specs' wall-clock budget (dynamics::TimeBudget)
    std::string step;
    std::array<std::string, 4> names{"a", "b", "g", "h"};
    std::string start_text;  ///< "a = …, b = …, …" (exact decimals)
    std::string model;       ///< empty: the paper's model; else the family model's canonical spec
    unsigned default_bits = default_certified_bits;
    std::function<std::vector<CertifiedIterate>(unsigned)> certified;
    std::function<std::vector<Iterate<mpfr>>(unsigned)> mpfr_run;
    std::function<std::vector<Iterate<double>>()> double_run;
    std::function<SgdStatistics(const SgdSpec&, const std::vector<Iterate<double>>*)> sgd;
    bool paper() const { return model.empty(); }
};

/// --time-limit: positive seconds, or the default budget of the specs.
double trajectory_time_limit(const TrajectoryOptions& o, double spec_default) {
    return o.time_limit.empty() ? spec_default : positive_seconds(o.time_limit, "--time-limit");
}

Run paper_trajectory(const TrajectoryOptions& o) {
    TrajectorySpec spec = api::trajectory_spec(
        o.which, o.dims, o.step, o.steps, o.start.empty() ? std::nullopt : std::optional(parse_start(o.start)));
    spec.time_limit = trajectory_time_limit(o, spec.time_limit);
    Run r;
    r.time_limit = spec.time_limit;
    r.dims = spec.dims, r.iterates = spec.iterates, r.step = spec.step;
    r.start_text = "a = " + spec.start.a + ", b = " + spec.start.b + ", g = " + spec.start.g + ", h = " +
                   spec.start.h + ", c = " + spec.start.c;
    r.certified = [spec](unsigned bits) { return play_certified(spec, bits); };
    r.mpfr_run = [spec](unsigned bits) { return play_mpfr(spec, bits); };
    r.double_run = [spec] { return play_double(spec); };
    r.sgd = [spec](const SgdSpec& s, const std::vector<Iterate<double>>* a) { return stochastic_play(spec, s, a); };
    return r;
}

/// The start of a family run: --params "a=..,b=.." and/or the per-name options (--a … --r).
Run family_trajectory(const TrajectoryOptions& o) {
    if (!o.start.empty()) throw arith::bad_parameter("start", "not with --model (give the players by name: --params \"a=..,b=..,g=..,h=..\")");
    const family::ModelSpec m = family::parse_model(o.model);
    if (o.sgd_samples > 0) check_sgd_composition(m);  // before any trajectory is computed
    std::map<std::string, std::string> start;
    if (!o.params.empty()) start = api::parse_named_list(o.params, "params");
    for (const auto& entry : o.given)
        if (entry.second->count() != 0 && !start.emplace(entry.first, o.named.at(entry.first)).second)
            throw arith::bad_parameter(entry.first, "given both in --params and as its own option");
    dynamics::FamilyTrajectorySpec spec =
        api::family_trajectory_spec(m, api::family_players(m, start), o.dims, o.step, o.steps);
    spec.time_limit = trajectory_time_limit(o, spec.time_limit);
    Run r;
    r.time_limit = spec.time_limit;
    r.dims = spec.dims, r.iterates = spec.iterates, r.step = spec.step;
    r.names = family::player_names(m);
    for (std::size_t i = 0; i < 4; ++i) r.start_text += (i ? ", " : "") + r.names[i] + " = " + spec.start[i];
    r.model = family::canonical(m);
    r.default_bits = default_family_certified_bits;
    r.certified = [spec](unsigned bits) { return play_certified(spec, bits); };
    r.mpfr_run = [spec](unsigned bits) { return play_mpfr(spec, bits); };
    r.double_run = [spec] { return play_double(spec); };
    r.sgd = [spec](const SgdSpec& s, const std::vector<Iterate<double>>* a) { return stochastic_play(spec, s, a); };
    return r;
}

/// A run its time limit stopped short of K iterates: exit 1 before any output file is written.
template <class Trajectory>
void require_whole(const Trajectory& tr, const Run& run) {
    if (static_cast<int>(tr.size()) < run.iterates)
        throw stopped_by_budget("time limit reached: " + std::to_string(tr.size()) + " of " +
                                std::to_string(run.iterates) + " iterates computed in " +
                                fmt(run.time_limit) + " s (--time-limit SECONDS for a longer run); no CSV or plot written");
}

int run_trajectory(const TrajectoryOptions& o) {
    // ---- the spec ------------------------------------------------------------------------
    const Run run = o.model.empty() ? paper_trajectory(o) : family_trajectory(o);
    const auto& names = run.names;
    if (!(o.eps >= 0)) throw arith::bad_input("--eps: must be >= 0");
    if (!(o.delta >= 0)) throw arith::bad_input("--delta: must be >= 0");
    if (o.digits == 0 || o.digits < -1) throw arith::bad_input("--digits: must be >= 1");
    if (o.sgd_samples < 0) throw arith::bad_input("--sgd: the sample size N must be >= 1");
    if (o.runs < 1) throw arith::bad_input("--runs: the number of runs R must be >= 1");
    unsigned bits = run.default_bits;
    if (o.digits > 0) {
        limits::check_eval_digits(static_cast<unsigned>(o.digits));  // as eval/reference --digits
        try {
            bits = api::approximation_bits(static_cast<unsigned>(o.digits));
        } catch (const std::invalid_argument& e) {
            throw arith::bad_input(std::string("--digits: ") + e.what());
        }
    }
    const PlateauCriterion crit{o.eps, o.delta};
    const auto moving = moving_coordinates(run.dims);
    const unsigned show = o.digits > 0 ? static_cast<unsigned>(o.digits) : 20;
    const std::string arith_name = o.certified ? "interval<mpfr> (certified)"
                                   : o.digits > 0 ? "mpfr (round to nearest)" : "double";

    if (!run.paper())
        std::cout << "model " << run.model << "\nplayers " << names[0] << ", " << names[1]
                  << " ascend J (discriminator); " << names[2] << ", " << names[3] << " descend J (generator)\n";
    std::cout << "gancert trajectory: " << run.dims << "-D, step " << run.step << ", K = "
              << run.iterates << " iterates counting the start (" << run.iterates - 1
              << " updates), arithmetic " << arith_name;
    if (o.certified || o.digits > 0) std::cout << " at " << bits << " bits";
    std::cout << "\nstart (exact decimals): " << run.start_text
              << "\nplateau criterion: ||grad J||_2 over the moving coordinates ("
              << (run.dims == 2 ? names[1] + ", " + names[3] : names[0] + ", " + names[1] + ", " + names[2] + ", " + names[3])
              << ") <= " << o.eps
              << " and |J - 1| <= " << o.delta << (o.certified ? " (certified: for the whole enclosure)" : "")
              << '\n';

    std::string csv_path = o.csv;
    // --plot without --csv: the CSVs are temporaries (removed at the end, on an error, on a signal)
    std::optional<ScopedTemporary> temp_csv, temp_sgd;
    if (csv_path.empty() && !o.plot.empty()) {
        temp_csv.emplace((std::filesystem::temp_directory_path() /
                          ("gancert-trajectory-" + std::to_string(::getpid()) + ".csv")).string());
        csv_path = temp_csv->path();
    }
    std::unique_ptr<OutputFile> csv_file;
    std::ofstream* csv = nullptr;
    if (!csv_path.empty()) {
        csv_file = open_output(csv_path, o.csv.empty() ? "--plot" : "--csv");
        csv = &csv_file->stream();
        *csv << "k," << names[0] << ',' << names[1] << ',' << names[2] << ',' << names[3] << ",J1,J2,J,gnorm";
        if (o.certified)
            for (const std::string& n : {names[0], names[1], names[2], names[3], std::string("J1"), std::string("J2"),
                                         std::string("J"), std::string("gnorm")})
                *csv << ',' << n << "_lo," << n << "_hi";
        *csv << '\n';
    }

    std::vector<Iterate<double>> dbl;  // for the SGD distance
    if (o.certified) {
        const auto tr = run.certified(bits);
        require_whole(tr, run);
        std::vector<impfr> J, G;
        const unsigned row_digits = 20;
        const unsigned cap_digits = static_cast<unsigned>(bits * 0.30103) + 3;
        for (std::size_t k = 0; k < tr.size(); ++k) {
            const auto& it = tr[k];
            J.push_back(it.e.J.v);
            G.push_back(it.gnorm);
            if (csv) {
                const impfr vals[8] = {it.p.a, it.p.b, it.p.g, it.p.h, it.e.J1, it.e.J2, it.e.J.v, it.gnorm};
                *csv << k;
                for (const auto& v : vals) *csv << ',' << fmt(arith::midpoint(v), row_digits);
                for (const auto& v : vals) {
                    // Outward, with enough digits to show the true width (up to the precision).
                    const unsigned d = arith::digits_to_show_width(v.lower(), v.upper(), row_digits, cap_digits);
                    *csv << ',' << arith::to_decimal(v.lower(), d, MPFR_RNDD) << ','
                         << arith::to_decimal(v.upper(), d, MPFR_RNDU);
                }
                *csv << '\n';
            }
        }
        std::cout << "width of the iterate boxes (max over moving coordinates):";
        for (std::size_t k : {std::size_t(0), tr.size() / 4, tr.size() / 2, 3 * tr.size() / 4, tr.size() - 1})
            std::cout << "  k=" << k << ": " << arith::to_decimal(tr[k].width, 3, MPFR_RNDU);
        std::cout << '\n';
        const auto pl = first_plateau(J, G, crit);
        std::cout << "plateau: " << (pl ? "certified from iterate k = " + std::to_string(*pl)
                                        : std::string("not certified within the run")) << '\n';
        const auto& L = tr.back();
        std::cout << "final iterate k = " << tr.size() - 1 << " (enclosures):\n";
        for (std::size_t i = 0; i < 4; ++i)
            std::cout << "  " << names[i] << " in " << fmt_interval(coordinate(L.p, i), show)
                      << (moving[i] ? "" : "  (fixed)") << '\n';
        std::cout << "  J1 in " << fmt_interval(L.e.J1, show) << "\n  J2 in " << fmt_interval(L.e.J2, show)
                  << "\n  J in " << fmt_interval(L.e.J.v, show) << "\n  ||grad J|| in "
                  << fmt_interval(L.gnorm, show) << '\n';
        if (run.paper()) {  // the KL score is the paper's (exponential data, square-law generator)
        arith::precision_guard guard(bits);
        const auto kl = kl_data_to_generator(L.p);
        std::cout << "  KL(p_data||p_g) "
                  << (!kl ? std::string("undecided (the enclosure of h or g straddles 0)")
                      : mpfr_inf_p(arith::raw(kl->lower())) ? std::string("= +inf (h > 0 or g <= 0: p_g misses part of the data's support)")
                                                             : "in " + fmt_interval(*kl, show))
                  << '\n';
        }
    } else if (o.digits > 0) {
        const auto tr = run.mpfr_run(bits);
        require_whole(tr, run);
        arith::precision_guard guard(bits);
        report_point_run(tr, csv, crit, [show](const mpfr& x) { return fmt(x, show); },
                         run.paper() ? nullptr : &names);
    }
    if (!o.certified && o.digits < 0) {
        dbl = run.double_run();
        require_whole(dbl, run);
        report_point_run(dbl, csv, crit, [](double x) { return fmt(x); }, run.paper() ? nullptr : &names);
    }
    if (csv_file) csv_file->commit();

    std::string sgd_csv;
    if (o.sgd_samples > 0) {
        if (dbl.empty()) dbl = run.double_run();
        require_whole(dbl, run);
        SgdSpec s{static_cast<std::size_t>(o.sgd_samples), o.runs, o.seed};
        const auto st = run.sgd(s, &dbl);
        double worst = 0;
        std::size_t worst_k = 0;
        for (std::size_t k = 0; k < st.distance.size(); ++k)
            if (st.distance[k] > worst) worst = st.distance[k], worst_k = k;
        const auto& m = st.mean.back();
        const auto& sd = st.spread.back();
        std::cout << "SGD: N = " << s.samples << " samples per step, R = " << s.runs << " runs, seed " << s.seed
                  << "\n  final mean (sd): " << names[0] << " = " << fmt(m[0]) << " (" << fmt(sd[0]) << "), "
                  << names[1] << " = " << fmt(m[1]) << " (" << fmt(sd[1]) << "), " << names[2] << " = " << fmt(m[2])
                  << " (" << fmt(sd[2]) << "), " << names[3] << " = " << fmt(m[3]) << " (" << fmt(sd[3]) << ")\n  distance of the mean from the analytic trajectory: final "
                  << fmt(st.distance.back()) << ", max " << fmt(worst) << " at k = " << worst_k
                  << "\n  RMS deviation of one run from the analytic trajectory (bias and spread): final "
                  << fmt(st.rms_run_distance.back()) << '\n';
        if (!csv_path.empty()) {
            sgd_csv = std::filesystem::path(csv_path).replace_extension(".sgd.csv").string();
            if (temp_csv) temp_sgd.emplace(sgd_csv);
            auto file = open_output(sgd_csv, "--csv (SGD statistics)");
            auto& f = file->stream();
            f << "k";
            for (const char* part : {"_mean", "_sd"})
                for (const auto& n : names) f << ',' << n << part;
            f << ",distance\n";
            for (std::size_t k = 0; k < st.mean.size(); ++k) {
                f << k;
                for (double v : st.mean[k]) f << ',' << fmt(v);
                for (double v : st.spread[k]) f << ',' << fmt(v);
                f << ',' << fmt(st.distance[k]) << '\n';
            }
            file->commit();
            std::cout << "  SGD statistics written to " << sgd_csv << '\n';
        }
    }
    if (!o.csv.empty()) std::cout << "CSV written to " << o.csv << '\n';
    int rc = exit_ok;
    if (!o.plot.empty()) {
        std::ostringstream title;
        title << (!run.paper() ? std::string() : o.start.empty() ? "Case " + o.which + ", " : std::string()) << run.dims << "-D, step "
              << run.step << ", " << arith_name;
        rc = draw_plot(csv_path, o.plot, sgd_csv, title.str());
        if (rc == exit_ok) std::cout << "plot written to " << o.plot << '\n';
    }
    return rc;
}

}  // namespace

void register_trajectory(CLI::App& app, action& run) {
    auto* cmd = app.add_subcommand("trajectory", "Gradient play: the discriminator ascends J in (a, b), the generator descends in (g, h) (the paper's model, or --model)");
    auto o = std::make_shared<TrajectoryOptions>();
    auto* case_opt = cmd->add_option("--case", o->which, "Paper case A or B (start point; default A)");
    cmd->add_option("--dims", o->dims, "2 (b, h move) or 4 (a, b, g, h move); default 4");
    cmd->add_option("--steps", o->steps, "K: number of iterates counting the start (1.." + std::to_string(limits::max_trajectory_steps) + ", default 250)");
    cmd->add_option("--step-size", o->step, "eta > 0 as an exact decimal (default 0.4)");
    cmd->add_option("--start", o->start, "a,b,g,h,c exact decimals (overrides the case's start)");
    cmd->add_flag("--certified", o->certified, "interval<mpfr> trajectory enclosing the exact iterates");
    cmd->add_option("--digits", o->digits,
                    "working precision in decimal digits (mpfr trajectory, or the certified one; default 256 bits); 1.." + std::to_string(limits::max_eval_digits));
    cmd->add_option("--sgd", o->sgd_samples, "also run SGD with N samples per step");
    cmd->add_option("--runs", o->runs, "SGD realisations R (1.." + std::to_string(limits::max_sgd_runs) + ", default 10; N x R x K <= 5e7 draws)");
    cmd->add_option("--seed", o->seed, "SGD master seed (default 1)");
    cmd->add_option("--csv", o->csv, "write k,a,b,g,h,J1,J2,J,gnorm (+ _lo/_hi when certified)");
    cmd->add_option("--plot", o->plot, "write a PNG (parameters, J1/J2/J, ||grad J|| against k)");
    cmd->add_option("--eps", o->eps, "plateau: ||grad J||_2 <= eps (default 1e-2)");
    cmd->add_option("--delta", o->delta, "plateau: |J - 1| <= delta (default 1e-2)");
    cmd->add_option("--model", o->model,
                    "a model of the family (docs/model-family.md); the start by its players' names (--params or --a ...)");
    cmd->add_option("--time-limit", o->time_limit,
                    "stop after SECONDS of wall time (default " + std::to_string(static_cast<int>(api::default_run_time_limit)) +
                        "): a run stopped short of K iterates exits 1 and writes no CSV or plot");
    cmd->add_option("--params", o->params, "--model: the start by name, e.g. \"a=2,b=1.5,g=1.2,h=-0.5\" (exact decimals)");
    for (const char* n : {"a", "b", "g", "h", "l", "r"}) {
        o->named[n];
        o->given[n] = cmd->add_option(std::string("--") + n, o->named[n],
                                      std::string("--model: start value of the player's parameter ") + n);
    }
    cmd->callback([o, &run, case_opt] {
        if (!o->model.empty() && case_opt->count() != 0)
            throw CLI::ValidationError("--case", "not with --model (the paper's cases are R/S/E/E starts)");
        if (o->model.empty()) {
            if (!o->params.empty()) throw CLI::ValidationError("--params", "needs --model (the paper's start: --case or --start)");
            for (const auto& entry : o->given)
                if (entry.second->count() != 0)
                    throw CLI::ValidationError("--" + entry.first, "needs --model (the paper's start: --case or --start)");
        }
        run = [o] { return run_trajectory(*o); };
    });
}

}  // namespace gancert::cli
