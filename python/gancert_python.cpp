// Python bindings of gancert (module `gancert`, pybind11).
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
// gancert.certify(case="A", box="b=-6:6,h=-6:6", claim="no-saddle") runs the certifier in
// process (certificate in a temporary file, removed) and returns {"status", "leaves",
// "verdict"}; the verdict is the line `gancert certify` prints. Bad input raises ValueError naming the argument.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <string>

#include <unistd.h>

#include "gancert/api/box.hpp"
#include "gancert/api/eval.hpp"
#include "gancert/api/reference.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/dynamics/play.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/model/evaluate.hpp"
#include "gancert/reference/quantities.hpp"
#include "gancert/reference/reference_values.hpp"

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

py::list py_trajectory(const std::string& which, int dims, int steps, const py::object& step_size) {
    dynamics::TrajectorySpec spec = dynamics::paper_run(dynamics::parse_case(which), dims == 2 || dims == 4 ? dims : 4);
    spec.dims = dims;
    spec.step = exact_decimal_text(step_size, "step_size");
    spec.iterates = steps;
    dynamics::validate(spec);
    std::vector<dynamics::Iterate<double>> tr;
    {
        py::gil_scoped_release release;
        tr = dynamics::play_double(spec);
    }
    py::list out;
    for (std::size_t k = 0; k < tr.size(); ++k) {
        const auto& it = tr[k];
        py::dict d;
        d["k"] = static_cast<double>(k);
        d["a"] = it.p.a, d["b"] = it.p.b, d["g"] = it.p.g, d["h"] = it.p.h;
        d["J1"] = it.e.J1, d["J2"] = it.e.J2, d["J"] = it.e.J.v, d["gnorm"] = it.gnorm;
        out.append(d);
    }
    return out;
}

py::dict py_certify(const std::string& which, const std::string& box, const std::string& claim_name,
                    const std::string& params, unsigned threads) {
    using namespace gancert::certify;
    const auto ranges = api::box_ranges(api::parse_box(box));
    Claim claim;
    claim.kind = parse_claim_kind(claim_name);
    ModelSetup setup = make_model(ModelRequest{"rsee", which, params, ranges});
    claim = resolve_claim(*setup.function, setup.root, claim);
    CertifyOptions opt;
    opt.threads = threads;
    opt.progress = false;
    opt.initial_boxes = 64;  // as `gancert certify`
    static std::atomic<unsigned long> serial{0};  // one locked temporary per call
    opt.out = (std::filesystem::temp_directory_path() /
               ("gancert-python-cert-" + std::to_string(::getpid()) + "-" + std::to_string(serial++) + ".jsonl"))
                  .string();
    CertifyResult r;
    std::error_code ec;
    try {
        py::gil_scoped_release release;
        r = gancert::certify::certify(*setup.function, setup.root, claim, opt);
    } catch (...) {
        std::filesystem::remove(opt.out, ec);
        throw;
    }
    std::filesystem::remove(opt.out, ec);
    py::dict d;
    d["status"] = r.summary.value("status", std::string());
    d["leaves"] = r.summary.value("leaves", std::size_t(0));
    d["verdict"] = r.verdict + " — claim " + to_string(claim.kind) + " over " + setup.box_text;
    return d;
}

}  // namespace

PYBIND11_MODULE(gancert, m) {
    m.doc() = "gancert: certified numerics for the R/S/E/E least-squares GAN (Python bindings)";
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
    m.def("certify", &py_certify, py::arg("case") = "A", py::arg("box") = "b=-6:6,h=-6:6",
          py::arg("claim") = "no-saddle", py::arg("params") = "", py::arg("threads") = 2,
          "Runs the certifier in process: {'status','leaves','verdict'} (verdict as `gancert certify` prints it).");
}
