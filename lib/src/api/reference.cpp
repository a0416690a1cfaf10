// The report of certified reference values (api/reference.hpp).
#include "gancert/api/reference.hpp"

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/precision.hpp"

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

}  // namespace gancert::api
