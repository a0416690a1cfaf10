// gancert/api/eval.hpp — the evaluation request shared by the CLI (`gancert eval`) and the
// Python module (gancert.eval): arithmetic choice, the evaluation itself and its report
// (the structure of `gancert eval --json`, README.md (command-line tool)).
//
// Contract. eval_report() validates the request once (parameters: model::validate; digits in
// [1, arith::max_decimal_digits]; arith one of interval, mpfr, double — arith::bad_parameter
// naming "digits" / "arith" / the parameter otherwise). Arith::interval: every quantity is an
// enclosure [lo, hi] of the exact value, printed with outward decimal rounding to `digits`
// significant digits (model::evaluate_certified; std::range_error "outside supported range"
// when the width target cannot be met — never a wrong enclosure). Arith::mpfr / Arith::double_:
// approximations (value), not rigorous.
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <string>

#include <utility>
#include <vector>

#include "gancert/family/spec.hpp"
#include "gancert/model/params.hpp"

namespace gancert::api {

enum class Arith { interval, mpfr, double_ };

/// "interval", "mpfr" or "double"; arith::bad_parameter("arith", …) otherwise.
Arith parse_arith(const std::string& name);
const char* to_string(Arith a);

/// One quantity as printed: an enclosure {lo, hi} (decimal strings rounded outward, and the
/// doubles lo_float <= lo, hi <= hi_float) or an approximation {value, value_float}.
struct PrintedQuantity {
    bool enclosure = false;
    std::string lo, hi, value;
    double lo_float = 0, hi_float = 0, value_float = 0;
};

struct EvalReport {
    model::DecimalParams params;  ///< R/S/E/E requests only
    /// "R/S/E/E", or the canonical spec of a model of the family (family/spec.hpp).
    std::string model = "R/S/E/E";
    /// The parameters as printed (name, exact decimal): a, b, g, h, c for R/S/E/E; θ in player
    /// order for a model of the family.
    std::vector<std::pair<std::string, std::string>> named;
    /// Names of the four derivative variables (a, b, g, h; l, r, g, h for the indicator).
    std::array<std::string, 4> theta_names{"a", "b", "g", "h"};
    bool family = false;
    Arith arith = Arith::interval;
    unsigned digits = 0;
    unsigned precision_bits = 0;
    std::string path;  ///< interval only: "closed form", "integral" or "closed form ∩ integral"
    std::array<PrintedQuantity, model::quantity_count> quantities;  ///< model::quantity_names order
};

/// Working precision of a point-arithmetic (mpfr) request for `digits` decimal digits: at
/// least arith::min_precision_bits (digits = 1 asks for 20 bits). arith::bad_input for digits
/// outside [1, arith::max_decimal_digits].
unsigned approximation_bits(unsigned digits);

/// Evaluates J1, J2, J, ∇J, ∇²J at `p` (see header contract).
EvalReport eval_report(const model::DecimalParams& p, unsigned digits, Arith arith);

/// The same request for a model of the family: θ as exact decimals in player order
/// (family::player_names). Arith::interval: family::evaluate_certified (std::range_error when
/// the width target cannot be met); mpfr / double: midpoints of the enclosures computed at
/// the precision (plus 16 guard bits; 96 bits for double), approximations.
EvalReport eval_report(const family::ModelSpec& m, const std::array<std::string, 4>& theta, unsigned digits,
                       Arith arith);

/// The JSON of `gancert eval --json`: model, params, arith, precision_bits, digits, [path], J1,
/// J2, J, grad[4], hess[4][4] (full symmetric). A model of the family adds "spec" (its
/// JSON form) and "players" [{name, role: ascends|descends}] and names params by θ. Each quantity {"lo","hi"} or {"value"}; with
/// `floats` also {"lo_float","hi_float"} or {"float"} (the Python module's form).
nlohmann::json to_json(const EvalReport& r, bool floats = false);

/// The text block of `gancert eval` (one line per quantity).
std::string to_text(const EvalReport& r);

}  // namespace gancert::api
