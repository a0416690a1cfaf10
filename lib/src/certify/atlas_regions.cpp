// The atlas claim's defaults, the region class of a leaf and the per-class tally (atlas.hpp).
#include <sstream>

#include "gancert/arith/errors.hpp"
#include "gancert/certify/atlas.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify {

using nlohmann::json;

Claim atlas_claim(const std::string& eps, const std::string& delta, const std::string& level) {
    Claim c;
    c.kind = ClaimKind::atlas;
    c.eps = Decimal::parse(eps.empty() ? atlas_default_eps : eps, "eps");
    c.delta = Decimal::parse(delta.empty() ? atlas_default_delta : delta, "delta");
    c.level = Decimal::parse(level.empty() ? atlas_default_level : level, "level");
    if (c.eps->sign() <= 0) throw arith::bad_parameter("eps", "must be positive, got '" + eps + "'");
    if (c.delta->sign() <= 0) throw arith::bad_parameter("delta", "must be positive, got '" + delta + "'");
    return c;
}

std::string atlas_region(const json& leaf) {
    const std::string ev = leaf.at("evidence").get<std::string>();
    if (ev == ev_plateau || ev == ev_monotone || ev == ev_stationary_line) return ev;
    if (ev == ev_empty) return "nonstationary";
    if (ev == ev_unique) {
        std::string t = leaf.at("type").get<std::string>();
        if (t == "min" || t == "max" || t == "saddle") return t;
    }
    return "unknown";
}

std::string atlas_pattern(const json& leaf, const std::vector<std::string>& names) {
    if (leaf.at("evidence") != ev_monotone) return "";
    const json& signs = leaf.at("signs");
    std::string r;
    for (std::size_t i = 0; i < signs.size(); ++i) {
        int s = signs[i].get<int>();
        if (s == 0) continue;
        std::string name = i < names.size() ? names[i] : "x" + std::to_string(i + 1);
        r += (r.empty() ? "" : ", ") + ("\u2202" + name) + (s > 0 ? ">0" : "<0");
    }
    return r;
}

void AtlasTally::add(const json& leaf, const Box& B) {
    Decimal v = B.volume();
    Entry& e = classes_[atlas_region(leaf)];
    ++e.leaves;
    e.volume = e.volume + v;
    if (std::string p = atlas_pattern(leaf, names_); !p.empty()) {
        Entry& q = patterns_[p];
        ++q.leaves;
        q.volume = q.volume + v;
    }
}

json AtlasTally::entries(const std::map<std::string, Entry>& m, const Decimal& total) {
    json r = json::object();
    for (const auto& [k, e] : m)
        r[k] = {{"leaves", e.leaves}, {"volume", e.volume.str()}, {"fraction", e.volume.approx() / total.approx()}};
    return r;
}

json AtlasTally::summary() const {
    Decimal total = root_.volume();
    return {{"total_volume", total.str()}, {"classes", entries(classes_, total)},
            {"monotone_patterns", entries(patterns_, total)}};
}

std::string AtlasTally::text() const {
    static const char* order[] = {"plateau", "min", "max", "saddle", "monotone", "nonstationary", "stationary-line",
                                  "unknown"};
    std::ostringstream o;
    double total = root_.volume().approx();
    bool first = true;
    for (const char* k : order) {
        auto it = classes_.find(k);
        if (it == classes_.end()) continue;
        o << (first ? "" : ", ") << k << " " << 100 * it->second.volume.approx() / total << " % ("
          << it->second.leaves << ")";
        first = false;
    }
    return o.str();
}

}  // namespace gancert::certify
