#include "gancert/certify/certificate.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>
#include <stdexcept>

namespace gancert::certify {

using nlohmann::json;

json claim_to_json(const Claim& c) {
    json j = {{"kind", to_string(c.kind)}};
    if (c.eps) j["eps"] = c.eps->str();
    if (c.delta) j["delta"] = c.delta->str();
    if (c.level) j["level"] = c.level->str();
    return j;
}

Claim claim_from_json(const json& j) {
    Claim c;
    c.kind = parse_claim_kind(j.at("kind").get<std::string>());
    if (j.contains("eps")) c.eps = Decimal::parse(j["eps"].get<std::string>(), "claim.eps");
    if (j.contains("delta")) c.delta = Decimal::parse(j["delta"].get<std::string>(), "claim.delta");
    if (j.contains("level")) c.level = Decimal::parse(j["level"].get<std::string>(), "claim.level");
    if (c.kind == ClaimKind::plateau && (!c.eps || !c.delta || !c.level))
        throw arith::bad_input("claim: plateau needs eps, delta and level");
    if (c.kind == ClaimKind::extrema && !c.delta) throw arith::bad_input("claim: extrema needs delta");
    return c;
}

json make_header(const BoxFunction& f, const std::vector<std::string>& names, const Box& root,
                 const Claim& claim, const json& settings) {
    json lo = json::array(), hi = json::array();
    for (std::size_t i = 0; i < root.dims(); ++i) {
        lo.push_back(root.lo[i].str());
        hi.push_back(root.hi[i].str());
    }
    return {{"format", certificate_format}, {"version", certificate_version},
            {"claim", claim_to_json(claim)}, {"model", f.describe()},
            {"box", {{"names", names}, {"lo", lo}, {"hi", hi}}}, {"settings", settings}};
}

Box root_from_json(const json& j) {
    auto names = j.at("names").get<std::vector<std::string>>();
    auto lo = j.at("lo").get<std::vector<std::string>>();
    auto hi = j.at("hi").get<std::vector<std::string>>();
    if (lo.size() != names.size() || hi.size() != names.size() || names.empty())
        throw arith::bad_input("certificate box: inconsistent dimensions");
    return make_root_box(names, lo, hi);
}

json leaf_record(const Box& B, const json& evidence) {
    json path = json::array(), box = json::array();
    for (const auto& s : B.path) path.push_back({s.dim, s.split.str(), s.upper ? 1 : 0});
    for (std::size_t i = 0; i < B.dims(); ++i) box.push_back({B.lo[i].str(), B.hi[i].str()});
    json j = {{"path", path}, {"box", box}};
    for (auto it = evidence.begin(); it != evidence.end(); ++it) j[it.key()] = it.value();
    return j;
}

Box box_from_leaf(const json& leaf, std::size_t dims) {
    Box B;
    const json& box = leaf.at("box");
    if (!box.is_array() || box.size() != dims) throw std::runtime_error("leaf box has the wrong dimension");
    for (const auto& iv : box) {
        B.lo.push_back(Decimal::parse(iv.at(0).get<std::string>(), "leaf box"));
        B.hi.push_back(Decimal::parse(iv.at(1).get<std::string>(), "leaf box"));
    }
    for (const auto& s : leaf.at("path")) {
        int side = s.at(2).get<int>();
        if (side != 0 && side != 1) throw std::runtime_error("leaf path side must be 0 or 1");
        B.path.push_back({s.at(0).get<unsigned>(), Decimal::parse(s.at(1).get<std::string>(), "leaf path"),
                          side == 1});
    }
    return B;
}

// ---------------------------------------------------------------------------------------
ClaimAccumulator::ClaimAccumulator(Claim claim, Box root) : claim_(std::move(claim)), root_(std::move(root)) {}

namespace {
Decimal dec(const json& j, int k) { return Decimal::parse(j.at(k).get<std::string>(), "enclosure"); }
void keep_top(std::vector<std::pair<Decimal, json>>& v, Decimal key, const json& box, bool largest) {
    constexpr std::size_t keep = 8;
    v.emplace_back(std::move(key), box);
    std::sort(v.begin(), v.end(), [largest](const auto& x, const auto& y) {
        return largest ? y.first < x.first : x.first < y.first;
    });
    if (v.size() > keep) v.pop_back();
}
}  // namespace

void ClaimAccumulator::add(const json& leaf, const Box& B) {
    ++leaves_;
    const std::string ev = leaf.at("evidence").get<std::string>();
    ++counts_[ev];
    double vol = B.relative_volume(root_);
    done_volume_ += vol;
    if (ev == ev_unknown) {
        unknown_volume_ += vol;
        if (!first_unknown_) first_unknown_ = json{{"box", leaf.at("box")}, {"reason", leaf.value("reason", "")}};
    }
    if (ev == ev_unique) {
        std::string t = leaf.at("type").get<std::string>();
        ++types_[t];
        bool refutes = claim_.kind == ClaimKind::no_stationary ||
                       (claim_.kind == ClaimKind::no_saddle && t == "saddle");
        if (refutes && !witness_) witness_ = json{{"box", leaf.at("box")}, {"evidence", ev}, {"type", t}};
    }
    if (ev == ev_violates && !witness_)
        witness_ = json{{"box", leaf.at("box")}, {"evidence", ev}, {"point", leaf.at("point")},
                        {"index", leaf.at("index")}, {"value", leaf.at("value")}};
    if (ev == ev_bounded) {
        Decimal mx_hi = dec(leaf.at("max").at("J"), 1), mx_lo = dec(leaf.at("max").at("point"), 0);
        Decimal mn_lo = dec(leaf.at("min").at("J"), 0), mn_hi = dec(leaf.at("min").at("point"), 1);
        if (!max_hi_ || *max_hi_ < mx_hi) max_hi_ = mx_hi;
        if (!max_lo_ || *max_lo_ < mx_lo) max_lo_ = mx_lo;
        if (!min_lo_ || mn_lo < *min_lo_) min_lo_ = mn_lo;
        if (!min_hi_ || mn_hi < *min_hi_) min_hi_ = mn_hi;
        keep_top(max_boxes_, mx_hi, leaf.at("box"), true);
        keep_top(min_boxes_, mn_lo, leaf.at("box"), false);
    }
}

std::string ClaimAccumulator::status() const {
    if (witness_) return "refuted";
    if (counts_.count(ev_unknown)) return "incomplete";
    if (leaves_ == 0) return "incomplete";
    return "proved";
}

json ClaimAccumulator::summary() const {
    json s = {{"status", status()}, {"leaves", leaves_}, {"counts", counts_},
              {"unknown_volume", unknown_volume_}};
    if (!types_.empty()) s["unique_types"] = types_;
    if (witness_) s["witness"] = *witness_;
    if (first_unknown_) s["first_unknown"] = *first_unknown_;
    if (claim_.kind == ClaimKind::extrema && max_hi_) {
        json loc_max = json::array(), loc_min = json::array();
        for (const auto& [k, b] : max_boxes_)
            if (*max_lo_ <= k) loc_max.push_back(b);
        for (const auto& [k, b] : min_boxes_)
            if (k <= *min_hi_) loc_min.push_back(b);
        s["max_J"] = {max_lo_->str(), max_hi_->str()};
        s["min_J"] = {min_lo_->str(), min_hi_->str()};
        s["max_location_boxes"] = loc_max;
        s["min_location_boxes"] = loc_min;
    }
    return s;
}

std::string ClaimAccumulator::verdict() const {
    std::ostringstream o;
    std::string st = status();
    o << st;
    if (st == "refuted") {
        o << ": witness " << witness_->value("evidence", "") << ' ' << witness_->value("type", "") << " in box "
          << witness_->at("box").dump();
    } else if (st == "incomplete") {
        o << ": unknown volume " << unknown_volume_ << " of the box (" << (counts_.count(ev_unknown) ? counts_.at(ev_unknown) : 0)
          << " unknown leaves)";
    }
    if (claim_.kind == ClaimKind::extrema && max_hi_)
        o << "; max J in [" << max_lo_->str() << ", " << max_hi_->str() << "], min J in [" << min_lo_->str()
          << ", " << min_hi_->str() << "]";
    o << " (" << leaves_ << " leaves)";
    return o.str();
}

// ---------------------------------------------------------------------------------------
CertificateWriter::CertificateWriter(const std::string& path, bool append) : path_(path) {
    file_ = std::fopen(path.c_str(), append ? "ab" : "wb");
    if (!file_) throw arith::bad_input("--out '" + path + "': cannot open for writing: " + std::strerror(errno));
}
CertificateWriter::~CertificateWriter() {
    if (file_) std::fclose(file_);
}
void CertificateWriter::write_line(const json& j) {
    std::string s = j.dump();
    s.push_back('\n');
    std::lock_guard<std::mutex> lock(mutex_);
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size() || std::fflush(file_) != 0)
        throw std::runtime_error("writing '" + path_ + "' failed");
}

}  // namespace gancert::certify
