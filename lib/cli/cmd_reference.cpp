// `gancert reference` — certified reference values (midpoint + enclosure) for many points.
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <algorithm>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

#include "gancert/api/certify.hpp"
#include "gancert/api/limits.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "gancert/api/reference.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/named_list.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/dynamics/spec.hpp"
#include "gancert/family/spec.hpp"
#include "gancert/reference/points.hpp"
#include "gancert/reference/quantities.hpp"
#include "gancert/reference/reference_values.hpp"
#include "gancert/version.hpp"

namespace gancert::cli {
namespace {

namespace ref = gancert::reference;

struct reference_options {
    std::string points_file, grid, fixed, quantities = "all", format = "csv", out, progress = "auto", model;
    std::string time_limit;  // empty: api::default_run_time_limit
    unsigned digits = 30;
};

/// "[=====>      ]  123/625 points  12 s, ETA 48 s" on stderr, shown once a run has taken
/// more than 1 s, redrawn at most 5 times a second, erased at the end.
class progress_bar {
public:
    progress_bar(std::size_t total, bool enabled) : total_(total), enabled_(enabled) {}
    void update(std::size_t done) {
        if (!enabled_) return;
        auto now = clock::now();
        double elapsed = std::chrono::duration<double>(now - start_).count();
        if (elapsed < 1.0 || std::chrono::duration<double>(now - last_).count() < 0.2) return;
        last_ = now;
        shown_ = true;
        const int width = 30;
        int filled = static_cast<int>(width * done / total_);
        std::string bar(filled, '=');
        if (filled < width) bar += '>', bar += std::string(width - filled - 1, ' ');
        double eta = done ? elapsed * (total_ - done) / done : 0;
        std::fprintf(stderr, "\r[%s] %zu/%zu points  %.0f s, ETA %.0f s ", bar.c_str(), done, total_, elapsed, eta);
        std::fflush(stderr);
    }
    ~progress_bar() {
        if (shown_) std::fprintf(stderr, "\r%*s\r", 80, "");
    }

private:
    using clock = std::chrono::steady_clock;
    std::size_t total_;
    bool enabled_, shown_ = false;
    clock::time_point start_ = clock::now(), last_ = clock::now() - std::chrono::seconds(1);
};

/// Streams points to CSV or JSON as they are computed.
class row_writer {
public:
    /// names: the parameter columns (a, b, g, h, c; θ of a family model, carried in a, b, g, h);
    /// model: "" for R/S/E/E, else the family model's canonical spec (a JSON field, a comment line).
    row_writer(std::ostream& out, bool json, const std::vector<std::size_t>& q, std::vector<std::string> names,
               std::string model)
        : out_(out), json_(json), q_(q), names_(std::move(names)), model_(std::move(model)) {}
    void begin() {
        if (json_) {
            out_ << "[";
            return;
        }
        // the tool version as a comment line (CSV readers of gancert skip '#' lines)
        out_ << "# gancert " << gancert::version << " reference table\n";
        if (!model_.empty()) out_ << "# model " << model_ << '\n';
        for (std::size_t i = 0; i < names_.size(); ++i) out_ << (i ? "," : "") << names_[i];
        for (auto i : q_) {
            std::string n(ref::quantity_names[i]);
            out_ << ',' << n << ',' << n << "_lo," << n << "_hi";
        }
        out_ << '\n';
    }
    void row(const ref::reference_point& r) {
        if (json_) {
            nlohmann::ordered_json j;
            if (!model_.empty()) j["model"] = model_;
            j["params"] = nlohmann::ordered_json::object();
            for (std::size_t i = 0; i < names_.size(); ++i) j["params"][names_[i]] = ref::param(r.params, i);
            j["digits"] = r.digits;
            j["precision_bits"] = r.precision_bits;
            j["tool_version"] = gancert::version;
            j.update(api::quantities_json(r));
            out_ << (rows_ ? ",\n" : "\n") << j.dump();
        } else {
            for (std::size_t i = 0; i < names_.size(); ++i) out_ << (i ? "," : "") << ref::param(r.params, i);
            for (const auto& v : r.values) out_ << ',' << v.mid << ',' << v.lo << ',' << v.hi;
            out_ << '\n';
        }
        out_.flush();
        ++rows_;
    }
    void end() {
        if (json_) out_ << "\n]\n";
        out_.flush();
    }

private:
    std::ostream& out_;
    bool json_;
    const std::vector<std::size_t>& q_;
    std::vector<std::string> names_;
    std::string model_;
    std::size_t rows_ = 0;
};

std::string point_text(const model::DecimalParams& p, const std::vector<std::string>& names) {
    std::string s;
    for (std::size_t i = 0; i < names.size(); ++i) s += (i ? " " : "") + names[i] + "=" + ref::param(p, i);
    return s;
}

/// "l=0,r=1" → "a=0,b=1": a family model's player names onto the a, b, g, h slots of the
/// point parsers (c is not a player: refused, naming `option`).
std::string to_slots(const std::string& spec, const std::array<std::string, 4>& names, const char* option) {
    std::string out;
    for (const auto& item : arith::parse_named_values(spec, option)) {
        const auto it = std::find(names.begin(), names.end(), item.name);
        if (it == names.end())
            throw arith::bad_parameter(option, "'" + item.name + "' is not a player's parameter of --model (players: " +
                                                   names[0] + ", " + names[1] + ", " + names[2] + ", " + names[3] + ")");
        out += (out.empty() ? "" : ",") + std::string(ref::param_names[it - names.begin()]) + "=" + item.value;
    }
    return out;
}

/// The grid × fixed points of a family model (θ in a, b, g, h; each validated when evaluated).
std::vector<model::DecimalParams> family_points(const reference_options& o, const std::array<std::string, 4>& names) {
    const auto fixed = ref::parse_fixed(to_slots(o.fixed, names, "fixed"));
    const auto axes = o.grid.empty() ? std::vector<ref::grid_axis>{} : ref::parse_grid(to_slots(o.grid, names, "grid"));
    model::DecimalParams base;
    std::vector<bool> set(4, false);
    for (const auto& [i, v] : fixed) ref::param(base, i) = v, set[i] = true;
    for (const auto& a : axes) {
        if (set[a.param]) throw arith::bad_parameter("grid", names[a.param] + " is both on the grid and fixed");
        set[a.param] = true;
    }
    for (std::size_t i = 0; i < 4; ++i)
        if (!set[i]) throw arith::bad_parameter("fixed", "missing the player's parameter " + names[i]);
    std::vector<model::DecimalParams> pts{base};
    for (const auto& a : axes) {  // first axis slowest
        std::vector<model::DecimalParams> next;
        for (const auto& p : pts)
            for (const auto& v : a.values) {
                next.push_back(p);
                ref::param(next.back(), a.param) = v;
            }
        pts = std::move(next);
    }
    return pts;
}

/// The points of a CSV file whose columns are players' parameters of a family model (θ in
/// a, b, g, h), completed by --fixed; each point validated (family::validate_players), errors
/// naming the file, line and column.
std::vector<model::DecimalParams> family_file_points(const reference_options& o, const family::ModelSpec& m) {
    const auto names = family::player_names(m);
    const ref::csv_table table = ref::read_csv_file(o.points_file);
    std::array<std::optional<std::size_t>, 4> column{};
    model::DecimalParams base;
    std::array<bool, 4> given{};
    for (const auto& [i, v] : ref::parse_fixed(to_slots(o.fixed, names, "fixed"))) ref::param(base, i) = v, given[i] = true;
    for (std::size_t c = 0; c < table.header.size(); ++c) {
        const auto it = std::find(names.begin(), names.end(), table.header[c]);
        if (it == names.end())
            throw arith::bad_input(table.source + ":" + std::to_string(table.header_line) + ": unknown column '" +
                                   table.header[c] + "' (the players of --model: " + names[0] + ", " + names[1] + ", " +
                                   names[2] + ", " + names[3] + ")");
        const auto i = static_cast<std::size_t>(it - names.begin());
        if (given[i]) throw arith::bad_input(table.source + ": parameter '" + names[i] + "' is both a column and in --fixed");
        given[i] = true;
        column[i] = c;
    }
    for (std::size_t i = 0; i < 4; ++i)
        if (!given[i])
            throw arith::bad_input(table.source + ": missing the player's parameter '" + names[i] +
                                   "': add a column or give it in --fixed");
    if (table.rows.empty()) throw arith::bad_input(table.source + ": no points (only a header)");
    std::vector<model::DecimalParams> points;
    for (const auto& row : table.rows) {
        model::DecimalParams p = base;
        for (std::size_t i = 0; i < 4; ++i)
            if (column[i]) ref::param(p, i) = row.cells[*column[i]];
        try {
            family::validate_players(m, {p.a, p.b, p.g, p.h});
        } catch (const arith::bad_parameter& e) {
            throw arith::bad_input(table.source + ":" + std::to_string(row.line) + ", column " + e.parameter() + ": " +
                                   e.message());
        }
        points.push_back(std::move(p));
    }
    return points;
}

int run_reference(const reference_options& o) {
    (void)arith::bits_for_digits(o.digits);
    auto quantities = ref::parse_quantities(o.quantities);
    std::optional<family::ModelSpec> fam;
    std::vector<std::string> names(ref::param_names.begin(), ref::param_names.end());
    std::vector<model::DecimalParams> listed;
    if (!o.model.empty()) {
        fam = family::parse_model(o.model);
        const auto th = family::player_names(*fam);
        names.assign(th.begin(), th.end());
        listed = o.points_file.empty() ? family_points(o, th) : family_file_points(o, *fam);
    }
    // All input is read and validated before the first row is written.
    std::unique_ptr<ref::point_grid> grid;
    if (fam) {
        for (const auto& p : listed) {
            try {
                family::validate_players(*fam, {p.a, p.b, p.g, p.h});
            } catch (const arith::bad_parameter& e) {  // name the option the player came from
                if (!o.points_file.empty()) throw;
                bool on_grid = false;
                std::string_view rest = o.grid;
                while (!rest.empty()) {  // "r=-1:1:3,l=..": the names before '='
                    const std::string_view item = rest.substr(0, rest.find(','));
                    on_grid = on_grid || item.substr(0, item.find('=')) == e.parameter();
                    rest.remove_prefix(std::min(rest.size(), item.size() + 1));
                }
                throw arith::bad_parameter(on_grid ? "grid" : "fixed", e.parameter() + ": " + e.message());
            }
        }
    } else {
        auto fixed = ref::parse_fixed(o.fixed);
        if (!o.points_file.empty())
            listed = ref::read_points(ref::read_csv_file(o.points_file), fixed);
        else
            grid = std::make_unique<ref::point_grid>(ref::parse_grid(o.grid), fixed);
    }
    const std::size_t total = grid ? grid->size() : listed.size();
    const double seconds = o.time_limit.empty() ? api::default_run_time_limit : positive_seconds(o.time_limit, "--time-limit");
    const dynamics::TimeBudget budget(seconds);  // checked between points

    // --out: a temporary next to it, renamed at the end (a failed or interrupted run leaves no
    // partial table under the name)
    std::unique_ptr<OutputFile> file;
    if (!o.out.empty()) file = std::make_unique<OutputFile>(o.out, "--out");
    std::ostream& out = file ? static_cast<std::ostream&>(file->stream()) : std::cout;
    bool show = o.progress == "always" || (o.progress == "auto" && ::isatty(STDERR_FILENO));
    progress_bar bar(total, show);
    row_writer writer(out, o.format == "json", quantities, names, fam ? family::canonical(*fam) : "");
    writer.begin();
    for (std::size_t i = 0; i < total; ++i) {
        if (i > 0 && budget.expired()) {
            out.flush();  // the rows so far (standard output); --out keeps no partial table
            throw stopped_by_budget("time limit reached: " + std::to_string(i) + " of " + std::to_string(total) +
                                    " points computed in " + std::to_string(static_cast<long long>(seconds)) +
                                    " s (--time-limit SECONDS for a longer run)" +
                                    (o.out.empty() ? std::string() : "; " + o.out + " not written"));
        }
        model::DecimalParams p = grid ? (*grid)[i] : listed[i];
        try {
            writer.row(fam ? api::family_reference(*fam, {p.a, p.b, p.g, p.h}, o.digits, quantities)
                           : ref::compute_reference(p, o.digits, quantities));
        } catch (const std::range_error& e) {
            throw std::runtime_error("point " + std::to_string(i + 1) + " (" + point_text(p, names) + "): " + e.what());
        }
        bar.update(i + 1);
        // a closed pipe or a full disk ends the run at once (not after computing every point)
        if (!out) throw write_error(o.out.empty() ? "writing the output to standard output failed"
                                                  : "--out: writing '" + o.out + "' failed");
    }
    writer.end();
    if (o.out.empty()) {
        std::cout.flush();
        if (!std::cout) throw write_error("writing the output to standard output failed");
    } else {
        file->commit();
    }
    return exit_ok;
}

}  // namespace

void register_reference(CLI::App& app, action& run) {
    auto o = std::make_shared<reference_options>();
    auto* cmd = app.add_subcommand(
        "reference",
        "Certified reference values (correctly rounded midpoint + outward enclosure) at many points.\n"
        "CSV columns: a,b,g,h,c then Q,Q_lo,Q_hi for each quantity Q; lo <= exact <= hi always, and Q is\n"
        "the exact value correctly rounded to N significant digits (see docs/tour.md).");
    auto* pts = cmd->add_option("--points", o->points_file, "CSV file of points (columns among a,b,g,h,c; with --model its players' names)");
    auto* grd = cmd->add_option("--grid", o->grid, "grid \"b=-6:6:25,h=-6:6:25\" (name=lo:hi:count, exact decimals; count <= " + std::to_string(limits::max_axis_count) + ", points <= " + std::to_string(limits::max_grid_points) + ")");
    pts->excludes(grd);
    grd->excludes(pts);
    cmd->add_option("--fixed", o->fixed, "parameters fixed for every point, e.g. \"a=2.2,g=1.5,c=0.5\"");
    cmd->add_option("--model", o->model,
                    "a model of the family (docs/model-family.md); --grid/--fixed then name its players' parameters");
    cmd->add_option("--digits", o->digits, "significant digits N of the midpoints (enclosure relative width <= 10^-N); 1.." + std::to_string(limits::max_eval_digits) + "")
        ->default_val(30)
        ->check(CLI::Range(1u, limits::max_eval_digits));
    cmd->add_option("--quantities", o->quantities, "names (J1,J2,J,g_a..,H_aa..) and groups cost,grad,hess,all")
        ->default_val("all");
    cmd->add_option("--format", o->format, "csv or json")->default_val("csv")->check(CLI::IsMember({"csv", "json"}));
    cmd->add_option("--out", o->out, "output file (default: standard output)");
    cmd->add_option("--time-limit", o->time_limit,
                    "stop after SECONDS of wall time (default " + std::to_string(static_cast<int>(api::default_run_time_limit)) +
                        "): a table stopped short exits 1 (--out: no file)");
    cmd->add_option("--progress", o->progress, "progress bar on stderr: auto (if a terminal), always, never")
        ->default_val("auto")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    cmd->callback([o, &run, pts, grd] {
        if (pts->count() == 0 && grd->count() == 0 && o->model.empty()) throw CLI::RequiredError("--points or --grid");
        run = [o] { return run_reference(*o); };
    });
}

}  // namespace gancert::cli
