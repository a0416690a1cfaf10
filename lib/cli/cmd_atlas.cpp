// `gancert atlas` — a box partitioned into certified regions (issue 10, item 6; docs/atlas.md):
// the atlas claim (certify/atlas.hpp) run by the certifier's engine, then the figure (PNG and
// PDF) drawn by tools/plot_atlas.py (Debian matplotlib) from the certificate.
// Exit status: 0 when every region of the box is classified, 1 when unknown volume remains
// (minimum width, precision or a budget; also a failed figure), 2 on bad input.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/wait.h>
#include <unistd.h>

#include "commands.hpp"
#include "plot_script.hpp"
#include "interrupt.hpp"
#include "run_options.hpp"
#include "mpi_run.hpp"
#include "output.hpp"
#include "gancert/api/box.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/named_list.hpp"
#include "gancert/certify/atlas.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/dynamics/play.hpp"

namespace gancert::cli {
namespace {

struct AtlasArgs : ProblemArgs {
    std::string eps, delta, level, out, figure, plot_dims, slice, title;
    RunArgs run{1e-4};
    bool trajectory = false;
};

std::string quote(const std::string& s) {
    std::string r = "'";
    for (char ch : s) r += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return r + "'";
}

std::filesystem::path plot_script() { return tool_script("GANCERT_ATLAS_SCRIPT", "plot_atlas.py"); }

/// The paper's gradient-play trajectory of the case (double; 2-D when only b, h are free,
/// else 4-D) as CSV k,a,b,g,h,J for the figure.
void write_trajectory(const std::string& case_name, const std::vector<std::string>& free, const std::string& path) {
    bool bh = true;
    for (const auto& n : free) bh = bh && (n == "b" || n == "h");
    const auto tr = dynamics::play_double(dynamics::paper_run(dynamics::parse_case(case_name), bh ? 2 : 4));
    std::ofstream t(path);
    t.precision(17);
    t << "k,a,b,g,h,J\n";
    for (std::size_t k = 0; k < tr.size(); ++k)
        t << k << ',' << tr[k].p.a << ',' << tr[k].p.b << ',' << tr[k].p.g << ',' << tr[k].p.h << ',' << tr[k].e.J.v
          << '\n';
    close_checked(t, path, "temporary trajectory CSV");
}

/// The figure's PDF must start with the PDF signature and end with %%EOF (plus line ends).
void require_complete_pdf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    while (!data.empty() && (data.back() == '\n' || data.back() == '\r')) data.pop_back();
    if (data.rfind("%PDF-", 0) != 0 || data.size() < 5 || data.compare(data.size() - 5, 5, "%%EOF") != 0)
        throw write_error("--figure: '" + path + "' is not a complete PDF file");
}

/// Runs the plot script on the certificate; returns false (message on stderr) if it fails.
bool draw_figure(const AtlasArgs& a, const std::vector<std::string>& free) {
    std::string traj;
    if (a.trajectory) {
        traj = (std::filesystem::temp_directory_path() / ("gancert-atlas-" + std::to_string(::getpid()) + ".csv")).string();
        write_trajectory(a.case_name, free, traj);
    }
    const char* py = std::getenv("GANCERT_PYTHON");
    std::string cmd = std::string(py ? py : "/usr/bin/python3") + " " + quote(plot_script().string()) + " " +
                      quote(a.out) + " --out " + quote(a.figure);
    if (!a.plot_dims.empty()) cmd += " --plot-dims " + quote(a.plot_dims);
    if (!a.slice.empty()) cmd += " --slice " + quote(a.slice);
    if (!traj.empty()) cmd += " --trajectory " + quote(traj);
    std::string title = a.title;
    if (title.empty() && !a.case_name.empty()) title = "Case " + a.case_name;
    if (!title.empty()) cmd += " --title " + quote(title);
    const int rc = std::system(cmd.c_str());
    std::error_code ec;
    if (!traj.empty()) std::filesystem::remove(traj, ec);
    if (rc != 0) {
        std::cerr << "gancert: --figure: the plot script exited with status " << (WIFEXITED(rc) ? WEXITSTATUS(rc) : rc)
                  << " (" << cmd << ")\n";
        return false;
    }
    require_complete_png(a.figure + ".png", "--figure");
    require_complete_pdf(a.figure + ".pdf");
    std::cout << "figure written to " << a.figure << ".png and " << a.figure << ".pdf\n";
    return true;
}

/// --plot-dims: two distinct free variables; --slice: name=decimal items for the others.
void check_plot_arguments(const AtlasArgs& a, const std::vector<std::string>& free) {
    auto is_free = [&](const std::string& n) { return std::find(free.begin(), free.end(), n) != free.end(); };
    std::vector<std::string> dims = a.plot_dims.empty() ? std::vector<std::string>{} : certify::split_list(a.plot_dims, ',');
    if (!a.plot_dims.empty() && (dims.size() != 2 || dims[0] == dims[1] || !is_free(dims[0]) || !is_free(dims[1])))
        throw arith::bad_input("--plot-dims: expected two distinct free variables, got '" + a.plot_dims + "'");
    if (a.slice.empty()) return;
    if (free.size() != 4) throw arith::bad_input("--slice: only for 4-D boxes");
    for (const auto& item : arith::parse_named_values(a.slice, "slice")) {
        const std::string& n = item.name;
        bool on_axis = dims.empty() ? (n == free[0] || n == free[1]) : (n == dims[0] || n == dims[1]);
        if (!is_free(n) || on_axis || !arith::is_decimal(item.value))
            throw arith::bad_input("--slice: '" + n + "=" + item.value +
                                   "' is not name=decimal for a free variable off the plot axes");
    }
}

int run_atlas(const AtlasArgs& a) {
    using namespace gancert::certify;
    if (a.out.empty()) throw arith::bad_input("--out: required (the atlas certificate to write)");
    if (a.trajectory && a.model != "rsee") throw arith::bad_input("--trajectory: only for the rsee model");
    if (a.trajectory && a.case_name.empty()) throw arith::bad_input("--trajectory: needs --case A or B (the paper run)");
    if (!a.plot_dims.empty() && a.figure.empty()) throw arith::bad_input("--plot-dims: needs --figure");
    if (!a.slice.empty() && a.figure.empty()) throw arith::bad_input("--slice: needs --figure");
    Claim claim = atlas_claim(a.eps, a.delta, a.level);
    ModelSetup setup = make_model(ModelRequest{a.model, a.case_name, a.params, api::box_ranges(api::parse_box(a.box))});
    const std::vector<std::string> free = setup.function->names();
    if (free.size() != 2 && free.size() != 4)
        throw arith::bad_input("--box: an atlas is over 2 or 4 free variables (got " + std::to_string(free.size()) + ")");
    check_plot_arguments(a, free);
    if (!a.figure.empty()) { const OutputFile probe(a.figure + ".png", "--figure"); }  // writable? (leaves nothing behind)

    CertifyOptions opt = run_options(a.run, a.out);
    stop_on_interrupt();
    CertifyResult r = run_distributed(*setup.function, setup.root, claim, opt, [] { return std::string(); });
    if (r.verdict.empty()) return exit_ok;  // a rank other than 0: rank 0 reports
    const bool complete = r.summary.value("status", "") == "proved";
    std::cout << (complete ? "atlas complete" : "atlas incomplete") << " over " << setup.box_text << " (eps "
              << claim.eps->str() << ", delta " << claim.delta->str() << ", level " << claim.level->str() << "): "
              << r.verdict << ", certificate " << a.out << std::endl;
    if (r.summary.contains("stats") && r.summary["stats"].contains("budget"))
        std::cerr << "gancert atlas: " << r.summary["stats"]["budget"].get<std::string>()
                  << "; continue with --resume --out " << a.out << std::endl;
    if (!a.figure.empty() && !draw_figure(a, free)) return exit_failure;
    return complete ? exit_ok : exit_failure;
}

}  // namespace

void register_atlas(CLI::App& app, action& run) {
    auto a = std::make_shared<AtlasArgs>();
    auto* cmd = app.add_subcommand("atlas", "Partition a 2-D or 4-D box into certified regions, with a figure");
    add_problem_options(cmd, *a, "2 or 4 free variables with ranges, e.g. \"a=0.5:4,b=-6:6\"");
    cmd->add_option("--eps", a->eps, std::string("plateau: bound on |dJ/dtheta_i| (default ") + certify::atlas_default_eps + ")");
    cmd->add_option("--delta", a->delta, std::string("plateau: bound on |J - level| (default ") + certify::atlas_default_delta + ")");
    cmd->add_option("--level", a->level, std::string("plateau: the level (default ") + certify::atlas_default_level + ")");
    cmd->add_option("--out", a->out, "Atlas certificate (JSON Lines; also the checkpoint)");
    cmd->add_option("--figure", a->figure, "Write the figure to PATH.png and PATH.pdf");
    cmd->add_option("--plot-dims", a->plot_dims, "The two variables on the figure's axes (default the first two)");
    cmd->add_option("--slice", a->slice, "4-D: fixed values of the other two, e.g. \"g=1,h=0\" (default the box midpoint)");
    cmd->add_flag("--trajectory", a->trajectory, "Overlay the paper's gradient-play trajectory of --case");
    cmd->add_option("--title", a->title, "Figure title (default \"Case X\")");
    add_run_options(cmd, a->run, "atlas");
    cmd->callback([&run, a] { run = [a] { return run_atlas(*a); }; });
}

}  // namespace gancert::cli
