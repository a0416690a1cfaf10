#include "extrema_location.hpp"

namespace gancert::certify::detail {

using nlohmann::json;

json extremum_location(const json& side, const json& leaf_box, const Box& root, const std::vector<std::string>& names,
                       bool for_max) {
    json box = leaf_box;
    json fixed = json::object(), boundary = json::array(), free = json::object();
    for (const json& round : side.at("faces"))
        for (const json& st : round) {
            std::size_t i = st.at(0).get<std::size_t>();
            std::string v = box.at(i).at(st.at(1).get<std::size_t>()).get<std::string>();
            box[i] = {v, v};
        }
    std::string kind = side.at("kind").get<std::string>();
    const json& at = kind == "isolated" ? side.at("Z") : box;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (box[i][0] != box[i][1]) {
            free[names[i]] = at[i];
            continue;
        }
        Decimal v = Decimal::parse(box[i][0].get<std::string>());
        fixed[names[i]] = v.str();
        if (v == root.lo[i] || v == root.hi[i]) boundary.push_back(names[i]);
    }
    return {{"kind", kind}, {"type", for_max ? "max" : "min"}, {"fixed", fixed}, {"on_boundary_of_box", boundary},
            {"free", free}};
}

std::string location_text(const json& loc) {
    std::string type = loc.at("type").get<std::string>(), kind = loc.at("kind").get<std::string>();
    std::string face;
    for (auto it = loc.at("fixed").begin(); it != loc.at("fixed").end(); ++it)
        face += (face.empty() ? "" : ", ") + it.key() + " = " + it.value().get<std::string>();
    std::string free_names, free_box;
    for (auto it = loc.at("free").begin(); it != loc.at("free").end(); ++it) {
        free_names += (free_names.empty() ? "" : ", ") + it.key();
        free_box += (free_box.empty() ? "" : ", ") + it.key() + " in [" + it.value()[0].get<std::string>() + ", " +
                    it.value()[1].get<std::string>() + "]";
    }
    bool on_box = loc.at("on_boundary_of_box").size() == loc.at("fixed").size();
    std::string where = face.empty() ? "in the interior of the box"
                                     : std::string(on_box ? "on the face {" : "on the leaf face {") + face + "}";
    if (kind == "vertex") return type + " at the vertex {" + face + "}" + (on_box ? " of the box" : "");
    if (kind == "isolated")
        return type + " " + where + (face.empty() ? "" : " (relative interior)") + " at the unique critical point in " +
               free_box + " (Krawczyk; Hessian in (" + free_names + ") " + (type == "max" ? "negative" : "positive") +
               " definite)";
    return type + " in " + free_box + (face.empty() ? "" : " on the face {" + face + "}") + " (not isolated)";
}

}  // namespace gancert::certify::detail
