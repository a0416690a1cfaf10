// Python bindings of gancert: the compiled module `gancert._gancert` (pybind11), wrapped by the
// pure-Python package python/gancert/ (numpy API, certificate objects, gancert.testing).
// Thin over lib/api and the library: each function converts arguments, releases the GIL and
// calls one library function. Errors: arith::bad_input → ValueError, naming the Python argument
// (option names in library messages shown as keyword names: python_names()).
//
// gancert.eval(a, b, g, h, c, digits=30, arith="interval") returns the structure of
// `gancert eval --json` (README.md (command-line tool)) as a dict: model, params, arith, precision_bits, digits,
// [path], J1, J2, J, grad[4], hess[4][4]. Each quantity is
//   interval: {"lo": str, "hi": str, "lo_float": float, "hi_float": float}
//             strings exactly as the CLI prints them (outward decimal rounding); floats rounded
//             outward from the enclosure's endpoints (lo_float <= lo <= exact <= hi <= hi_float);
//   mpfr/double: {"value": str, "float": float} (approximations, not rigorous).
// Parameters are exact decimals: pass str (recommended) or int; a float is taken as its
// shortest repr ("2.2" for 2.2, i.e. 22/10, NOT the binary double's value).
// gancert.reference(a, b, g, h, c, digits=30, quantities="all") returns
// {name: {"mid", "lo", "hi", "lo_float", "hi_float", "correctly_rounded"}} (see
// reference/reference_values.hpp).
// gancert.trajectory(case="A", dims=2, steps=250, step_size="0.4") returns the double
// gradient-play iterates (as `gancert trajectory --csv`): [{"k","a","b","g","h","J1","J2","J",
// "gnorm"}] (approximations, not enclosures).
// gancert.certify(case=None ("A" for rsee), box="b=-6:6,h=-6:6", claim="no-saddle", params="", threads=2, out="",
// model="rsee" or a model spec of the family (docs/model-family.md), eps=None, delta=None, level=None, time_limit=0) runs the certifier in process on the request
// of `gancert certify` (api/certify.hpp; the certificate at `out`, else in a temporary file,
// removed) and returns {"status", "leaves", "verdict", "path"}; the verdict is the line
// `gancert certify` prints. Bad input raises ValueError naming the argument.
#include <cmath>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <atomic>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include <unistd.h>

#include "gancert/api/batch.hpp"
#include "gancert/api/certify.hpp"
#include "gancert/api/compare.hpp"
#include "gancert/api/eval.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/api/players.hpp"
#include "gancert/api/reference.hpp"
#include "gancert/api/trajectory.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/dynamics/family_play.hpp"
#include "gancert/dynamics/play.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/reference/quantities.hpp"
#include "gancert/reference/compare.hpp"
#include "gancert/reference/csv.hpp"
#include "gancert/reference/reference_values.hpp"
#include "gancert/certify/verify.hpp"
#include "gancert/family/spec.hpp"
#include "gancert/version.hpp"

namespace py = pybind11;
using namespace gancert;

namespace {

std::string exact_decimal_text(const py::handle& x, const char* name) {
    if (py::isinstance<py::bool_>(x)) throw py::type_error(std::string(name) + ": expected a decimal string or number");
    if (py::isinstance<py::str>(x)) return x.cast<std::string>();
    if (py::isinstance<py::int_>(x)) return py::str(x).cast<std::string>();
    if (py::isinstance<py::float_>(x)) return py::repr(x).cast<std::string>();
    throw py::type_error(std::string(name) + ": expected a decimal string or number");
}

model::DecimalParams params_from(const py::handle& a, const py::handle& b, const py::handle& g, const py::handle& h,
                                 const py::handle& c) {
    return {exact_decimal_text(a, "a"), exact_decimal_text(b, "b"), exact_decimal_text(g, "g"),
            exact_decimal_text(h, "h"), exact_decimal_text(c, "c")};
}

/// A JSON report of the api layer as Python objects (dict, list, str, float, int, bool).
template <class Json>
py::object to_python(const Json& j) {
    if (j.is_object()) {
        py::dict d;
        for (auto it = j.begin(); it != j.end(); ++it) d[py::str(it.key())] = to_python(it.value());
        return d;
    }
    if (j.is_array()) {
        py::list l;
        for (const auto& x : j) l.append(to_python(x));
        return l;
    }
    if (j.is_string()) return py::str(j.template get<std::string>());
    if (j.is_boolean()) return py::bool_(j.template get<bool>());
    if (j.is_number_float()) return py::float_(j.template get<double>());
    if (j.is_number_integer()) return py::int_(j.template get<long long>());
    return py::none();
}

py::object py_eval(const py::object& a, const py::object& b, const py::object& g, const py::object& h,
                   const py::object& c, unsigned digits, const std::string& arith_name) {
    const auto p = params_from(a, b, g, h, c);
    const api::Arith which = api::parse_arith(arith_name);
    api::EvalReport r;
    {
        py::gil_scoped_release release;
        r = api::eval_report(p, digits, which);
    }
    return to_python(api::to_json(r, true));
}

py::object py_reference(const py::object& a, const py::object& b, const py::object& g, const py::object& h,
                        const py::object& c, unsigned digits, const std::string& quantities) {
    auto p = params_from(a, b, g, h, c);
    auto q = reference::parse_quantities(quantities);
    reference::reference_point r;
    {
        py::gil_scoped_release release;
        r = reference::compute_reference(p, digits, q);
    }
    return to_python(api::quantities_json(r, true));
}

/// A run that the default wall-clock budget (api::default_run_time_limit) stopped short of its K
/// iterates: ValueError naming steps (the request is larger than a call may take).
template <class Trajectory, class Spec>
void require_whole(const Trajectory& tr, const Spec& spec) {
    if (static_cast<int>(tr.size()) < spec.iterates)
        throw py::value_error("steps: the time limit of " + std::to_string(static_cast<int>(spec.time_limit)) +
                              " s was reached after " + std::to_string(tr.size()) + " of " +
                              std::to_string(spec.iterates) + " iterates; ask for fewer steps");
}

/// The double trajectory of `spec` (R/S/E/E or a family model) as a list of dicts; the players'
/// keys are `keys` (the model's names of a, b, g, h).
template <class Spec>
py::list trajectory_list(const Spec& spec, const std::array<std::string, 4>& keys) {
    std::vector<dynamics::Iterate<double>> tr;
    {
        py::gil_scoped_release release;
        tr = dynamics::play_double(spec);
    }
    require_whole(tr, spec);
    py::list out;
    for (std::size_t k = 0; k < tr.size(); ++k) {
        const auto& it = tr[k];
        py::dict d;
        d["k"] = static_cast<double>(k);
        d[py::str(keys[0])] = it.p.a, d[py::str(keys[1])] = it.p.b, d[py::str(keys[2])] = it.p.g,
        d[py::str(keys[3])] = it.p.h;
        d["J1"] = it.e.J1, d["J2"] = it.e.J2, d["J"] = it.e.J.v, d["gnorm"] = it.gnorm;
        out.append(d);
    }
    return out;
}

py::list py_trajectory(const std::string& which, int dims, int steps, const py::object& step_size) {
    const auto spec = api::trajectory_spec(which, dims, exact_decimal_text(step_size, "step_size"), steps);
    return trajectory_list(spec, {"a", "b", "g", "h"});
}

py::dict py_certify(const py::object& case_name, const std::string& box, const std::string& claim_name,
                    const std::string& params, unsigned threads, const std::string& out, const std::string& model,
                    const py::object& eps, const py::object& delta, const py::object& level, double time_limit) {
    if (!(time_limit >= 0) || !std::isfinite(time_limit))
        throw arith::bad_parameter("time_limit", "must be a finite number of seconds >= 0 (0: the default budget)");
    using namespace gancert::certify;
    auto text = [](const py::object& x, const char* name) { return x.is_none() ? std::string() : exact_decimal_text(x, name); };
    // case=None: "A" for the rsee model, none for a model spec of the family
    const std::string which = case_name.is_none() ? (is_family_spec(model) ? "" : "A") : py::cast<std::string>(case_name);
    const api::CertifyProblem problem = api::certify_problem(
        {model, which, params, box, claim_name, text(eps, "eps"), text(delta, "delta"), text(level, "level")});
    if (threads < 1) throw arith::bad_parameter("threads", "must be >= 1");
    CertifyOptions opt;
    opt.threads = threads;
    // a run stopped by it ends "incomplete", as `gancert certify --time-limit`; 0: the default budget
    opt.time_limit = time_limit > 0 ? time_limit : api::default_time_limit;
    opt.progress = false;
    opt.initial_boxes = 64;  // as `gancert certify`
    static std::atomic<unsigned long> serial{0};  // one locked temporary per call
    const bool keep = !out.empty();
    opt.out = keep ? out
                   : (std::filesystem::temp_directory_path() /
                      ("gancert-python-cert-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".jsonl"))
                         .string();
    CertifyResult r;
    std::error_code ec;
    try {
        py::gil_scoped_release release;
        r = gancert::certify::certify(*problem.setup.function, problem.setup.root, problem.claim, opt);
    } catch (...) {
        if (!keep) std::filesystem::remove(opt.out, ec);
        throw;
    }
    if (!keep) std::filesystem::remove(opt.out, ec);
    py::dict d;
    d["status"] = r.summary.value("status", std::string());
    d["leaves"] = r.summary.value("leaves", std::size_t(0));
    d["verdict"] = api::verdict_line(r, problem);
    d["path"] = keep ? py::object(py::str(out)) : py::object(py::none());
    return d;
}

py::dict py_verify(const std::string& path, unsigned threads) {
    certify::VerifyReport r;
    {
        py::gil_scoped_release release;
        r = certify::verify_certificate(path, certify::VerifyOptions{0, threads});
    }
    py::dict d;
    d["exit_code"] = r.exit_code;
    d["status"] = r.status;
    d["verdict"] = r.verdict;
    d["leaves"] = r.leaves;
    d["failures"] = r.failures;
    return d;
}

/// (lo, hi, mid, fallback) for points (n, 5) float64: arrays (n, 17), (n,) bool.
py::tuple py_evaluate_batch(const py::array_t<double, py::array::c_style | py::array::forcecast>& points,
                            double rel_width, unsigned fallback_digits) {
    if (points.ndim() != 2 || points.shape(1) != 5) throw py::value_error("points: expected shape (n, 5)");
    const auto n = static_cast<std::size_t>(points.shape(0));
    std::vector<std::array<double, 5>> pts(n);
    auto view = points.unchecked<2>();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < 5; ++k) pts[i][k] = view(i, k);
    api::BatchOptions o;
    o.rel_width = rel_width;
    o.fallback_digits = fallback_digits;
    std::vector<api::BatchPoint> r;
    {
        py::gil_scoped_release release;
        r = api::eval_batch_double(pts, o);
    }
    const auto q = static_cast<py::ssize_t>(model::quantity_count);
    py::array_t<double> lo({static_cast<py::ssize_t>(n), q}), hi({static_cast<py::ssize_t>(n), q}),
        mid({static_cast<py::ssize_t>(n), q});
    py::array_t<bool> fb(static_cast<py::ssize_t>(n));
    auto L = lo.mutable_unchecked<2>(), H = hi.mutable_unchecked<2>(), M = mid.mutable_unchecked<2>();
    auto F = fb.mutable_unchecked<1>();
    for (std::size_t i = 0; i < n; ++i) {
        for (py::ssize_t k = 0; k < q; ++k) L(i, k) = r[i].lo[k], H(i, k) = r[i].hi[k], M(i, k) = r[i].mid[k];
        F(i) = r[i].fallback;
    }
    return py::make_tuple(lo, hi, mid, fb);
}

py::dict py_compare(const std::string& reference_path, const std::string& candidate_path, const py::object& rtol,
                    const py::object& atol, const py::object& tolerance_digits, bool subset, const std::string& model,
                    unsigned digits) {
    reference::compare_options o;
    o.tol = reference::parse_tolerance(rtol.is_none() ? "" : exact_decimal_text(rtol, "rtol"),
                                       atol.is_none() ? "" : exact_decimal_text(atol, "atol"), "rtol", "atol");
    if (!tolerance_digits.is_none()) o.tolerance_digits = tolerance_digits.cast<unsigned>();
    o.allow_subset = subset;
    auto read = [](const std::string& path, const char* name) {
        try {
            return reference::read_csv_file(path);
        } catch (const arith::bad_input& e) {
            throw arith::bad_parameter(name, e.what());
        }
    };
    reference::comparison_report r;
    {
        py::gil_scoped_release release;
        if (model.empty()) {
            const auto ref = read(reference_path, "reference");
            r = reference::compare_tables(ref, read(candidate_path, "candidate"), o);
        } else {  // a model of the family: against a `reference --model` table, or computed enclosures
            const family::ModelSpec m = family::parse_model(model);
            const auto cand = read(candidate_path, "candidate");
            std::optional<reference::csv_table> ref;
            if (!reference_path.empty()) ref = read(reference_path, "reference");
            r = api::compare_family(m, cand, ref, digits, o);
        }
    }
    auto check = [](const reference::value_check& v) {
        py::dict d;
        d["quantity"] = std::string(reference::quantity_names[v.quantity]);
        d["line"] = v.line, d["point"] = v.point, d["value"] = v.value, d["lo"] = v.lo, d["hi"] = v.hi;
        d["digits"] = v.digits, d["rounded"] = v.rounded, d["undecided"] = v.undecided, d["pass"] = v.pass;
        return d;
    };
    py::list summaries, failures;
    for (const auto& s : r.summaries) {
        py::dict d;
        d["quantity"] = std::string(reference::quantity_names[s.quantity]);
        d["values"] = s.count, d["min_digits"] = s.min_digits, d["median_digits"] = s.median_digits;
        d["failures"] = s.failures, d["rounded"] = s.rounded, d["worst"] = check(s.worst);
        summaries.append(d);
    }
    for (const auto& f : r.failures) failures.append(check(f));
    py::dict d;
    d["points"] = r.points, d["summaries"] = summaries, d["failures"] = failures, d["warnings"] = r.warnings;
    d["passed"] = r.passed();
    return d;
}

/// The certified trajectory of `spec` (R/S/E/E or a family model) as a list of dicts; the
/// players' keys are `keys` (the model's names of a, b, g, h).
template <class Spec>
py::list certified_trajectory_list(const Spec& spec, unsigned bits, const std::array<std::string, 4>& keys) {
    if (bits < arith::min_precision_bits || bits > limits::max_precision_bits)
        throw py::value_error("bits: expected " + std::to_string(arith::min_precision_bits) + ".." +
                              std::to_string(limits::max_precision_bits));
    std::vector<dynamics::CertifiedIterate> tr;
    {
        py::gil_scoped_release release;
        tr = dynamics::play_certified(spec, bits);
    }
    require_whole(tr, spec);
    auto pair = [](const arith::impfr& x) {
        return py::make_tuple(mpfr_get_d(arith::raw(x.lower()), MPFR_RNDD), mpfr_get_d(arith::raw(x.upper()), MPFR_RNDU));
    };
    py::list out;
    for (std::size_t k = 0; k < tr.size(); ++k) {
        const auto& it = tr[k];
        py::dict d;
        d["k"] = k;
        d[py::str(keys[0])] = pair(it.p.a), d[py::str(keys[1])] = pair(it.p.b), d[py::str(keys[2])] = pair(it.p.g),
        d[py::str(keys[3])] = pair(it.p.h);
        d["J1"] = pair(it.e.J1), d["J2"] = pair(it.e.J2), d["J"] = pair(it.e.J.v), d["gnorm"] = pair(it.gnorm);
        out.append(d);
    }
    return out;
}

py::list py_certified_trajectory(const std::string& which, int dims, int steps, const py::object& step_size,
                                 unsigned bits) {
    const auto spec = api::trajectory_spec(which, dims, exact_decimal_text(step_size, "step_size"), steps);
    return certified_trajectory_list(spec, bits, {"a", "b", "g", "h"});
}


// ---- models of the family (model= in the package; θ by the players' names) -----------------

/// θ of the model from {name: value} (values as exact_decimal_text; names checked by the api).
std::array<std::string, 4> family_theta(const family::ModelSpec& m, const py::dict& named) {
    std::map<std::string, std::string> given;
    for (const auto& item : named) {
        const std::string name = py::str(item.first).cast<std::string>();
        given[name] = exact_decimal_text(item.second, name.c_str());
    }
    return api::family_players(m, given);
}

py::object py_eval_model(const std::string& model, const py::dict& theta, unsigned digits, const std::string& arith_name) {
    const family::ModelSpec m = family::parse_model(model);
    const auto t = family_theta(m, theta);
    const api::Arith which = api::parse_arith(arith_name);
    api::EvalReport r;
    {
        py::gil_scoped_release release;
        r = api::eval_report(m, t, digits, which);
    }
    return to_python(api::to_json(r, true));
}

py::object py_reference_model(const std::string& model, const py::dict& theta, unsigned digits,
                              const std::string& quantities) {
    const family::ModelSpec m = family::parse_model(model);
    const auto t = family_theta(m, theta);
    const auto q = reference::parse_quantities(quantities);
    reference::reference_point r;
    {
        py::gil_scoped_release release;
        r = api::family_reference(m, t, digits, q);
    }
    return to_python(api::quantities_json(r, true));
}

/// (lo, hi, mid) for points (n, 4) float64 of θ in player order: arrays (n, 17).
py::tuple py_evaluate_batch_model(const std::string& model,
                                  const py::array_t<double, py::array::c_style | py::array::forcecast>& points,
                                  unsigned digits) {
    const family::ModelSpec m = family::parse_model(model);
    if (points.ndim() != 2 || points.shape(1) != 4) throw py::value_error("points: expected shape (n, 4)");
    const auto n = static_cast<std::size_t>(points.shape(0));
    std::vector<std::array<double, 4>> pts(n);
    auto view = points.unchecked<2>();
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t k = 0; k < 4; ++k) pts[i][k] = view(i, k);
    std::vector<api::BatchPoint> r;
    {
        py::gil_scoped_release release;
        r = api::eval_batch_family(m, pts, digits);
    }
    const auto q = static_cast<py::ssize_t>(model::quantity_count);
    py::array_t<double> lo({static_cast<py::ssize_t>(n), q}), hi({static_cast<py::ssize_t>(n), q}),
        mid({static_cast<py::ssize_t>(n), q});
    auto L = lo.mutable_unchecked<2>(), H = hi.mutable_unchecked<2>(), M = mid.mutable_unchecked<2>();
    for (std::size_t i = 0; i < n; ++i)
        for (py::ssize_t k = 0; k < q; ++k) L(i, k) = r[i].lo[k], H(i, k) = r[i].hi[k], M(i, k) = r[i].mid[k];
    return py::make_tuple(lo, hi, mid);
}

dynamics::FamilyTrajectorySpec family_run(const std::string& model, const py::dict& theta, int dims, int steps,
                                          const py::object& step_size) {
    const family::ModelSpec m = family::parse_model(model);
    return api::family_trajectory_spec(m, family_theta(m, theta), dims, exact_decimal_text(step_size, "step_size"),
                                       steps);
}

py::list py_trajectory_model(const std::string& model, const py::dict& theta, int dims, int steps,
                             const py::object& step_size) {
    const auto spec = family_run(model, theta, dims, steps, step_size);
    const auto names = family::player_names(spec.model);
    return trajectory_list(spec, {names[0], names[1], "g", "h"});
}

py::list py_certified_trajectory_model(const std::string& model, const py::dict& theta, int dims, int steps,
                                       const py::object& step_size, unsigned bits) {
    const auto spec = family_run(model, theta, dims, steps, step_size);
    const auto names = family::player_names(spec.model);
    return certified_trajectory_list(spec, bits, {names[0], names[1], "g", "h"});
}

/// A library message as Python shows it. The library names parameters (arith::bad_parameter),
/// never command-line options; as a safety net for messages that quote an option anyway,
/// "--step-size" is shown as the keyword argument step_size, "--box" as box.
std::string python_names(const std::string& message) {
    std::string out;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const bool option = message.compare(i, 2, "--") == 0 && i + 2 < message.size() &&
                            std::isalpha(static_cast<unsigned char>(message[i + 2])) &&
                            (i == 0 || !std::isalnum(static_cast<unsigned char>(message[i - 1])));
        if (!option) {
            out += message[i];
            continue;
        }
        for (i += 2; i < message.size() && (std::isalnum(static_cast<unsigned char>(message[i])) || message[i] == '-');
             ++i)
            out += message[i] == '-' ? '_' : message[i];
        --i;
    }
    return out;
}

}  // namespace

PYBIND11_MODULE(_gancert, m) {
    // bad input (arith::bad_input, a std::invalid_argument) -> ValueError naming Python arguments
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const arith::bad_input& e) {
            PyErr_SetString(PyExc_ValueError, python_names(e.what()).c_str());
        } catch (const arith::write_error& e) {  // a failed output (full disk, /dev/full)
            PyErr_SetString(PyExc_OSError, e.what());
        }
    });
    m.doc() = "gancert._gancert: the compiled part of the gancert package (use the package `gancert`)";
    m.attr("__version__") = gancert::version;
    m.attr("quantity_names") = py::cast(std::vector<std::string>(reference::quantity_names.begin(),
                                                                 reference::quantity_names.end()));
    m.def("eval", &py_eval, py::arg("a"), py::arg("b"), py::arg("g"), py::arg("h"), py::arg("c"),
          py::arg("digits") = 30, py::arg("arith") = "interval",
          "J1, J2, J, grad, hess at exact decimal parameters; the structure of `gancert eval --json`.\n"
          "interval: each quantity {'lo','hi'} (outward decimal strings, as the CLI prints them) and\n"
          "{'lo_float','hi_float'} (floats rounded outward). mpfr/double: {'value','float'}.");
    m.def("reference", &py_reference, py::arg("a"), py::arg("b"), py::arg("g"), py::arg("h"), py::arg("c"),
          py::arg("digits") = 30, py::arg("quantities") = "all",
          "Certified reference values at one point: {name: {'mid','lo','hi','lo_float','hi_float',\n"
          "'correctly_rounded'}}; mid has `digits` significant digits (correctly rounded when flagged).");
    m.def("trajectory", &py_trajectory, py::arg("case") = "A", py::arg("dims") = 2, py::arg("steps") = 250,
          py::arg("step_size") = "0.4",
          "Double gradient-play trajectory of the paper (as `gancert trajectory --csv`): a list of\n"
          "{'k','a','b','g','h','J1','J2','J','gnorm'} floats (approximations, not enclosures).");
    static const std::string certify_doc =
        "Runs the certifier in process: {'status','leaves','verdict','path'} (verdict as `gancert certify`\n"
        "prints it; the certificate is kept at `out` if given, else removed and path is None). time_limit:\n"
        "seconds, as `gancert certify --time-limit`; 0 (default): the default budget of " +
        std::to_string(static_cast<int>(api::default_time_limit)) +
        " s, since some\nvalid boxes (e.g. a=0:inf,b=-inf:inf for no-stationary at case A) are not decided in any time (status 'incomplete').";
    m.def("certify", &py_certify, py::arg("case") = py::none(), py::arg("box") = "b=-6:6,h=-6:6",
          py::arg("claim") = "no-saddle", py::arg("params") = "", py::arg("threads") = 2, py::arg("out") = "",
          py::arg("model") = "rsee", py::arg("eps") = py::none(), py::arg("delta") = py::none(),
          py::arg("level") = py::none(), py::arg("time_limit") = 0.0, certify_doc.c_str());
    m.def("verify", &py_verify, py::arg("path"), py::arg("threads") = 2,
          "Independent re-check of a certificate file (as `gancert verify`): {'exit_code','status','verdict',\n"
          "'leaves','failures'}; exit_code 0 valid, 1 a check failed, 2 unreadable.");
    m.def("evaluate_batch", &py_evaluate_batch, py::arg("points"), py::arg("rel_width") = 0x1p-40,
          py::arg("fallback_digits") = 17,
          "Enclosures at the exact double points (n, 5): (lo, hi, mid, fallback) (api/batch.hpp).");
    m.def("exact_decimal", &api::exact_decimal, py::arg("x"), "The exact decimal value of a finite double.");
    m.def("compare", &py_compare, py::arg("reference"), py::arg("candidate"), py::arg("rtol") = py::none(),
          py::arg("atol") = py::none(), py::arg("tolerance_digits") = py::none(), py::arg("subset") = false,
          py::arg("model") = "", py::arg("digits") = 20,
          "`gancert compare` on two CSV files: {'points','passed','summaries','failures','warnings'}.\n"
          "model: a model of the family (point columns its players' names); reference '' then computes\n"
          "the enclosures at the candidate's points to `digits` digits.");
    m.def("player_names", [](const std::string& model) { return family::player_names(family::parse_model(model)); },
          py::arg("model"), "The four players' parameter names of a model of the family (player order).");
    m.def("canonical_model", [](const std::string& model) { return family::canonical(family::parse_model(model)); },
          py::arg("model"), "The canonical text form of a model spec.");
    m.def("eval_model", &py_eval_model, py::arg("model"), py::arg("theta"), py::arg("digits") = 30,
          py::arg("arith") = "interval", "eval for a model of the family; theta: {player name: exact decimal}.");
    m.def("reference_model", &py_reference_model, py::arg("model"), py::arg("theta"), py::arg("digits") = 30,
          py::arg("quantities") = "all", "reference for a model of the family; theta: {player name: exact decimal}.");
    m.def("evaluate_batch_model", &py_evaluate_batch_model, py::arg("model"), py::arg("points"), py::arg("digits") = 17,
          "Enclosures of a model of the family at the exact double points (n, 4) (player order): (lo, hi, mid).");
    m.def("trajectory_model", &py_trajectory_model, py::arg("model"), py::arg("theta"), py::arg("dims") = 2,
          py::arg("steps") = 20, py::arg("step_size") = "0.4",
          "Double gradient play of a model of the family from theta {player name: exact decimal}.");
    m.def("certified_trajectory_model", &py_certified_trajectory_model, py::arg("model"), py::arg("theta"),
          py::arg("dims") = 2, py::arg("steps") = 5, py::arg("step_size") = "0.4", py::arg("bits") = 128,
          "Certified gradient play of a model of the family: (lo, hi) float pairs enclosing the exact iterates.");
    m.def("certified_trajectory", &py_certified_trajectory, py::arg("case") = "A", py::arg("dims") = 2,
          py::arg("steps") = 20, py::arg("step_size") = "0.4", py::arg("bits") = 128,
          "Certified gradient play (interval MPFR): per iterate {'k','a','b','g','h','J1','J2','J','gnorm'},\n"
          "each a (lo, hi) float pair rounded outward enclosing the exact iterate.");
}
