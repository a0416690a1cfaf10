// The leaf's parameter ranges for the independent verifier (model_ranges.hpp).
#include "model_ranges.hpp"

#include <stdexcept>

#include "gancert/arith/decimal.hpp"

namespace gancert::verify::detail {

std::optional<RseeModel> RseeModel::from(const nlohmann::json& d) {
    if (!d.is_object() || d.value("model", "") != "rsee") return std::nullopt;
    static const char* const names[4] = {"a", "b", "g", "h"};
    RseeModel m;
    auto text = [](const nlohmann::json& j, const std::string& what) {
        if (!j.is_string()) throw std::runtime_error("model: '" + what + "' is not a decimal string");
        return Decimal::parse(j.get<std::string>(), what);
    };
    const auto& fixed = d.at("fixed");
    const auto& free = d.at("free");
    if (!fixed.is_object() || !free.is_array()) throw std::runtime_error("model: malformed fixed/free");
    m.c = text(fixed.at("c"), "c");
    for (const auto& n : free) {
        int k = -1;
        for (int i = 0; i < 4; ++i)
            if (n == names[i]) k = i;
        if (k < 0) throw std::runtime_error("model: unknown free variable " + n.dump());
        m.free.push_back(k);
    }
    for (int i = 0; i < 4; ++i)
        if (fixed.contains(names[i])) m.fixed[i] = text(fixed.at(names[i]), names[i]);
    return m;
}

Ranges ranges(const RseeModel& m, const certify::Box& B) {
    if (B.dims() != m.free.size()) throw std::runtime_error("leaf box has the wrong dimension");
    Ranges r;
    r.c = m.c;
    for (int k = 0; k < 4; ++k)
        if (m.fixed[k]) r.lo[k] = r.hi[k] = *m.fixed[k];
    for (std::size_t i = 0; i < m.free.size(); ++i) {
        int k = m.free[i];
        r.lo[k] = B.lo[i];
        r.hi[k] = B.hi[i];
        r.is_free[k] = true;
    }
    for (int k = 0; k < 4; ++k)
        if (!r.is_free[k] && !m.fixed[k]) throw std::runtime_error("model: a parameter is neither fixed nor free");
    return r;
}

arith::idouble outward(const Decimal& lo, const Decimal& hi) {
    arith::idouble l = arith::enclose<arith::idouble>(lo, "range"), h = arith::enclose<arith::idouble>(hi, "range");
    return arith::make_interval(l.lower(), h.upper());
}

model::Params<arith::idouble> params(const Ranges& r) {
    for (int k = 0; k < 4; ++k)
        if (!r.lo[k].is_finite() || !r.hi[k].is_finite()) throw std::runtime_error("unbounded leaf: no integral-path route");
    return {outward(r.lo[0], r.hi[0]), outward(r.lo[1], r.hi[1]), outward(r.lo[2], r.hi[2]), outward(r.lo[3], r.hi[3]),
            outward(r.c, r.c)};
}

}  // namespace gancert::verify::detail
