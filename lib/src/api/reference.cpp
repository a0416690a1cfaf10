// The report of certified reference values (api/reference.hpp).
#include "gancert/api/reference.hpp"

#include <stdexcept>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"
#include "gancert/family/evaluate.hpp"

namespace gancert::api {

nlohmann::ordered_json to_json(const reference::certified_value& v, bool floats) {
    nlohmann::ordered_json j;
    j["mid"] = v.mid;
    j["lo"] = v.lo;
    j["hi"] = v.hi;
    if (floats) {
        arith::precision_guard guard(64);
        j["lo_float"] = arith::parse<arith::idouble>(v.lo, "lo").lower();
        j["hi_float"] = arith::parse<arith::idouble>(v.hi, "hi").upper();
    }
    j["correctly_rounded"] = v.correctly_rounded;
    return j;
}

nlohmann::ordered_json quantities_json(const reference::reference_point& r, bool floats) {
    nlohmann::ordered_json j;
    for (std::size_t k = 0; k < r.quantities.size(); ++k)
        j[std::string(model::quantity_names[r.quantities[k]])] = to_json(r.values[k], floats);
    return j;
}

reference::reference_point family_reference(const family::ModelSpec& m, const std::array<std::string, 4>& theta,
                                            unsigned digits, const std::vector<std::size_t>& quantities) {
    family::validate_players(m, theta);
    const model::DecimalParams label{theta[0], theta[1], theta[2], theta[3], ""};
    return reference::compute_reference_with(label, digits, quantities, [&](unsigned d) {
        const auto c = family::evaluate_certified(m, theta, d);
        if (c.report.status != family::FamilyStatus::ok)
            throw std::range_error("the certified width 10^-" + std::to_string(d) + " was not reached");
        return model::CertifiedEvaluation{c.report.eval, c.bits, model::Path::integral};
    });
}

}  // namespace gancert::api
