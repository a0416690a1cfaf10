// `gancert surface` — the cost surface J over a 2-D box of the paper's case (issue 7): heatmap
// and contours from double evaluations (model::evaluate<double>, not rigorous), the
// certifier's leaf classification for the no-saddle claim overlaid (each leaf's rectangle
// coloured by its evidence), and the paper's 2-D gradient-play trajectory on top.
// The certifier runs with a budget (--time-limit, default 60 s; --max-leaves, default 200000)
// and stops at the first SIGINT/SIGTERM as `certify` does (its undecided boxes are drawn as
// unknown); an overlay left incomplete by a budget or a signal ends the command with exit 1
// after the plot is written, a complete one (proved or refuted) with exit 0.
// Plotting is done by tools/plot_surface.py (Debian matplotlib) from CSV files.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <unistd.h>

#include "commands.hpp"
#include "interrupt.hpp"
#include "output.hpp"
#include "run_options.hpp"
#include "plot_script.hpp"
#include "gancert/api/box.hpp"
#include "gancert/api/certify.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/certify/certificate.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/dynamics/play.hpp"
#include "gancert/model/evaluate.hpp"

namespace gancert::cli {
namespace {

struct SurfaceOptions {
    std::string which, box, plot, csv, model = "rsee", params;  // which: "" = A for rsee
    int grid = 60;
    unsigned threads = 2;
    bool no_certify = false;
    std::string time_limit, max_leaves = "200000";  // budgets (time_limit empty: api::default_run_time_limit in all)
};

std::string fmt(double x) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", x);
    return buf;
}

struct Axis {
    std::string name;
    std::string lo_text, hi_text;
    double lo = 0, hi = 0;
    int index = 0;  // 0..3 for a, b, g, h
};

/// Parses "x=lo:hi,y=lo:hi" (exactly two of a, b, g, h) in the user's order.
std::vector<Axis> parse_box(const std::string& text) {
    std::vector<Axis> axes;
    for (const auto& r : api::parse_box(text)) {
        const std::string item = r.name + "=" + r.lo + ":" + r.hi;
        Axis ax;
        ax.name = r.name;
        const std::string names = "abgh";
        if (ax.name.size() != 1 || names.find(ax.name[0]) == std::string::npos)
            throw arith::bad_input("--box: variable '" + ax.name + "' is not one of a, b, g, h");
        ax.index = static_cast<int>(names.find(ax.name[0]));
        ax.lo_text = r.lo;
        ax.hi_text = r.hi;
        for (const auto* t : {&ax.lo_text, &ax.hi_text})
            if (!arith::is_decimal(*t))
                throw arith::bad_input("--box: '" + *t + "' in '" + item + "' is not a finite decimal number");
        ax.lo = std::stod(ax.lo_text);
        ax.hi = std::stod(ax.hi_text);
        if (!(ax.lo < ax.hi)) throw arith::bad_input("--box: empty or degenerate range in '" + item + "'");
        axes.push_back(ax);
    }
    if (axes.size() != 2)
        throw arith::bad_input("--box: a surface needs exactly two variables (got " + std::to_string(axes.size()) + ")");
    return axes;
}

double& coordinate(model::Params<double>& p, int i) { return i == 0 ? p.a : i == 1 ? p.b : i == 2 ? p.g : p.h; }

/// Runs the certifier (no-saddle claim) and writes one CSV row per leaf:
/// x_lo,x_hi,y_lo,y_hi,evidence. Returns the verdict line and whether the run was complete.
std::pair<std::string, bool> certify_leaves(const SurfaceOptions& o, const std::vector<Axis>& axes,
                                            const std::string& leaves_csv) {
    using namespace gancert::certify;
    std::map<std::string, std::pair<std::string, std::string>> ranges;
    for (const auto& ax : axes) ranges[ax.name] = {ax.lo_text, ax.hi_text};
    ModelSetup setup = make_model(ModelRequest{o.model, o.which, o.params, ranges});
    Claim claim;
    claim.kind = parse_claim_kind("no-saddle");
    claim = resolve_claim(*setup.function, setup.root, claim);
    CertifyOptions opt;
    opt.threads = o.threads;
    opt.progress = false;
    opt.initial_boxes = 64;
    opt.time_limit = positive_seconds(o.time_limit, "--time-limit");
    opt.max_leaves = positive_count(o.max_leaves, "--max-leaves");
    const ScopedTemporary certificate(
        (std::filesystem::temp_directory_path() / ("gancert-surface-" + std::to_string(::getpid()) + ".jsonl")).string());
    opt.out = certificate.path();
    stop_on_interrupt();  // the first SIGINT/SIGTERM stops the certifier as a budget does
    const CertifyResult r = gancert::certify::certify(*setup.function, setup.root, claim, opt);
    end_on_signal();  // from here on a signal ends the command (temporaries removed)
    std::ofstream out(leaves_csv);
    if (!out) throw arith::bad_input("--csv: cannot write '" + leaves_csv + "'");
    out << "x_lo,x_hi,y_lo,y_hi,evidence\n";
    std::vector<std::string> names;
    auto on_header = [&](const nlohmann::json& h) {
        if (h.contains("box") && h["box"].is_object())
            for (const auto& n : h["box"].at("names")) names.push_back(n.get<std::string>());
    };
    auto on_leaf = [&](std::size_t, const nlohmann::json& j) {
        if (!j.contains("evidence") || !j.contains("box") || !j["box"].is_array()) return;
        if (names.size() != 2) throw std::runtime_error("certificate header has no two box names");
        const int xi = names[0] == axes[0].name ? 0 : 1;
        const auto& bx = j["box"][xi];
        const auto& by = j["box"][1 - xi];
        out << bx[0].get<std::string>() << ',' << bx[1].get<std::string>() << ',' << by[0].get<std::string>() << ','
            << by[1].get<std::string>() << ',' << j["evidence"].get<std::string>() << '\n';
    };
    (void)read_certificate(opt.out, on_leaf, on_header);  // the certifier's own reader
    close_checked(out, leaves_csv, "temporary leaves CSV");
    const bool complete = r.summary.value("status", "") != "incomplete";
    return {r.verdict + " — claim no-saddle over " + setup.box_text, complete};
}

/// The two axes of a family model's surface (players of the model, in the user's order); the
/// model factory checks names, numbers and the domain (bad input naming box/params/model).
std::vector<Axis> family_axes(const SurfaceOptions& o, std::unique_ptr<certify::BoxFunction>& f) {
    const auto items = api::parse_box(o.box);
    if (items.size() != 2)
        throw arith::bad_input("--box: a surface needs exactly two variables (got " + std::to_string(items.size()) + ")");
    certify::ModelSetup setup = certify::make_model(certify::ModelRequest{o.model, o.which, o.params, api::box_ranges(items)});
    f = std::move(setup.function);
    std::vector<Axis> axes;
    for (const auto& r : items) {
        Axis ax;
        ax.name = r.name;
        ax.lo_text = r.lo;
        ax.hi_text = r.hi;
        ax.lo = std::stod(r.lo);
        ax.hi = std::stod(r.hi);
        const auto names = f->names();
        ax.index = static_cast<int>(std::find(names.begin(), names.end(), r.name) - names.begin());  // box order
        axes.push_back(ax);
    }
    return axes;
}

int run_surface(SurfaceOptions o) {
    const bool family_model = certify::is_family_spec(o.model);
    if (!family_model && o.which.empty()) o.which = "A";
    std::unique_ptr<certify::BoxFunction> f;  // family: the model at the grid points (estimate)
    const auto spec = dynamics::paper_run(dynamics::parse_case(family_model ? "A" : o.which), 2);
    const auto axes = family_model ? family_axes(o, f) : parse_box(o.box);
    if (o.grid < 2 || o.grid > limits::max_surface_grid)
        throw arith::bad_input("--grid: N must be in [2, " + std::to_string(limits::max_surface_grid) + "]");
    if (o.plot.empty()) throw arith::bad_input("--plot: required (the PNG to write)");
    if (o.threads < 1) throw arith::bad_input("--threads: must be >= 1");
    // the wall-clock budget: --time-limit for the grid and for the certifier each, or by default
    // api::default_run_time_limit for the whole command (the certifier gets what the grid left)
    const double seconds = o.time_limit.empty() ? api::default_run_time_limit : positive_seconds(o.time_limit, "--time-limit");
    const dynamics::TimeBudget budget(seconds);
    (void)positive_count(o.max_leaves, "--max-leaves");
    { const OutputFile probe(o.plot, "--plot"); }  // writable? (bad input if not; leaves nothing behind)

    const auto base = model::to_scalar<double>(spec.start);
    const std::string stem =
        (std::filesystem::temp_directory_path() / ("gancert-surface-" + std::to_string(::getpid()))).string();
    // temporaries (removed at the end, on an error and on a signal) and the --csv output
    const ScopedTemporary grid_tmp(stem + ".grid.csv"), leaves_tmp(stem + ".leaves.csv"), traj_tmp(stem + ".traj.csv");
    const ScopedTemporary png_tmp(stem + ".png");
    std::unique_ptr<OutputFile> csv_out;
    if (!o.csv.empty()) csv_out = std::make_unique<OutputFile>(o.csv, "--csv");
    const std::string& grid_csv = grid_tmp.path();
    const std::string &leaves_csv = leaves_tmp.path(), &traj_csv = traj_tmp.path();

    // ---- the surface on an N x N grid (double, not rigorous) ----------------------------
    {
        std::ofstream g(grid_csv);
        if (!g) throw arith::bad_input("--csv: cannot write '" + grid_csv + "'");
        g << axes[0].name << ',' << axes[1].name << ",J\n";
        for (int i = 0; i < o.grid; ++i)
            for (int k = 0; k < o.grid; ++k) {
                if (budget.expired())
                    throw stopped_by_budget("time limit reached: " + std::to_string(i * o.grid + k) + " of " +
                                            std::to_string(o.grid * o.grid) + " grid points evaluated in " + fmt(seconds) +
                                            " s (--time-limit SECONDS, or a smaller --grid); no plot written");
                auto p = base;
                const double x = axes[0].lo + (axes[0].hi - axes[0].lo) * k / (o.grid - 1);
                const double y = axes[1].lo + (axes[1].hi - axes[1].lo) * i / (o.grid - 1);
                coordinate(p, axes[0].index) = x;
                coordinate(p, axes[1].index) = y;
                double J = NAN;
                if (f) {  // family: a 64-bit approximation (not rigorous, as the paper's double grid)
                    std::vector<double> pt(2);
                    pt[static_cast<std::size_t>(axes[0].index)] = x;
                    pt[static_cast<std::size_t>(axes[1].index)] = y;
                    if (auto e = f->estimate(pt)) J = e->J;
                } else {
                    try {
                        J = model::evaluate(p).J.v;
                    } catch (const std::exception&) {
                    }
                }
                g << fmt(x) << ',' << fmt(y) << ',' << fmt(J) << '\n';
            }
        close_checked(g, grid_csv, "temporary grid CSV");
        if (csv_out) {  // the kept copy: complete under its name, or not there
            std::ifstream in(grid_csv, std::ios::binary);
            csv_out->stream() << in.rdbuf();
            csv_out->commit();
        }
    }
    std::cout << "surface: " << o.grid << " x " << o.grid << " double evaluations of J ("
              << (family_model ? "model " + o.model : "case " + o.which) << "; others fixed)"
              << (o.csv.empty() ? "" : ", written to " + o.csv) << '\n';

    // ---- the paper's 2-D trajectory ------------------------------------------------------
    {
        const auto tr = family_model ? std::vector<dynamics::Iterate<double>>{} : dynamics::play_double(spec);
        std::ofstream t(traj_csv);
        t << "k,x,y,J\n";  // a family model: no paper trajectory (header only)
        for (std::size_t k = 0; k < tr.size(); ++k) {
            auto p = tr[k].p;
            t << k << ',' << fmt(coordinate(p, axes[0].index)) << ',' << fmt(coordinate(p, axes[1].index)) << ','
              << fmt(tr[k].e.J.v) << '\n';
        }
        close_checked(t, traj_csv, "temporary trajectory CSV");
    }

    // ---- certifier leaves -----------------------------------------------------------------
    std::string verdict = "certifier not run";
    bool complete = true;
    if (!o.no_certify) {
        if (o.time_limit.empty()) o.time_limit = fmt(std::max(1.0, seconds - budget.elapsed()));
        std::tie(verdict, complete) = certify_leaves(o, axes, leaves_csv);
        std::cout << "certifier: " << verdict << '\n';
    } else {
        std::ofstream l(leaves_csv);
        l << "x_lo,x_hi,y_lo,y_hi,evidence\n";
        close_checked(l, leaves_csv, "temporary leaves CSV");
    }

    const std::string& tmp_png = png_tmp.path();
    const std::string title = (family_model ? std::string("Model family") : "Case " + o.which) + ": J over " +
                              axes[0].name + ", " + axes[1].name;
    const std::string cmd = python_interpreter() + " " +
                            shell_quote(tool_script("GANCERT_SURFACE_SCRIPT", "plot_surface.py").string()) + " " +
                            shell_quote(grid_csv) + " " + shell_quote(leaves_csv) + " " + shell_quote(traj_csv) + " " +
                            shell_quote(tmp_png) + " --xname " + axes[0].name + " --yname " + axes[1].name +
                            " --title " + shell_quote(title);
    const int rc = run_plot_script(cmd, tmp_png, o.plot);
    if (rc != exit_ok) return rc;
    std::cout << "plot written to " << o.plot << '\n';
    return complete ? exit_ok : exit_failure;
}

}  // namespace

void register_surface(CLI::App& app, action& run) {
    auto* cmd = app.add_subcommand("surface", "Plot J over a 2-D box with the certifier's leaves and the paper's trajectory");
    auto o = std::make_shared<SurfaceOptions>();
    cmd->add_option("--case", o->which, "Paper case A or B (fixed parameters and trajectory start; default A)");
    cmd->add_option("--model", o->model, "rsee (default) or a model spec of the family (docs/model-family.md; no trajectory)");
    cmd->add_option("--params", o->params, "With a model spec: the players not on the axes, e.g. \"a=1,g=1\"");
    cmd->add_option("--box", o->box, "Two of a, b, g, h with ranges, e.g. \"b=-6:6,h=-6:6\"");
    cmd->add_option("--plot", o->plot, "PNG to write");
    cmd->add_option("--grid", o->grid, "N: the surface is evaluated on an N x N grid (2.." + std::to_string(limits::max_surface_grid) + ", default 60)");
    cmd->add_option("--csv", o->csv, "also keep the grid values x,y,J in this CSV");
    cmd->add_option("--threads", o->threads, "certifier worker threads (1.." + std::to_string(limits::max_threads) + ", default 2)");
    cmd->add_flag("--no-certify", o->no_certify, "skip the certifier overlay");
    cmd->add_option("--time-limit", o->time_limit,
                    "budget in seconds of the grid and of the certifier each (default " +
                        std::to_string(static_cast<int>(api::default_run_time_limit)) +
                        " for the whole command, the certifier gets what the grid left; a grid stopped by it: exit 1, "
                        "no plot; an overlay stopped by it is incomplete: exit 1)");
    cmd->add_option("--max-leaves", o->max_leaves, "certifier budget in leaves (default 200000; as --time-limit)");
    cmd->callback([o, &run] { run = [o] { return run_surface(*o); }; });
}

}  // namespace gancert::cli
