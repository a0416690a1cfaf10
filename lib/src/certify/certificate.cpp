#include "gancert/certify/certificate.hpp"
#include "gancert/version.hpp"

#include <algorithm>
#include <cmath>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <stdexcept>

#include "extrema_location.hpp"
#include "gancert/certify/stationary_set.hpp"

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
    if ((c.kind == ClaimKind::plateau || c.kind == ClaimKind::atlas) && (!c.eps || !c.delta || !c.level))
        throw arith::bad_input("claim: " + to_string(c.kind) + " needs eps, delta and level");
    if (c.kind == ClaimKind::extrema && !c.delta) throw arith::bad_input("claim: extrema needs delta");
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const bool tolerance = k == "eps" || k == "delta" || k == "level";
        if (k != "kind" && !(tolerance && c.kind != ClaimKind::no_saddle && c.kind != ClaimKind::no_stationary))
            throw arith::bad_input("claim: key '" + k + "' does not belong to a " + to_string(c.kind) + " claim");
    }
    return c;
}

json make_header(const BoxFunction& f, const std::vector<std::string>& names, const Box& root,
                 const Claim& claim, const json& settings) {
    json lo = json::array(), hi = json::array();
    for (std::size_t i = 0; i < root.dims(); ++i) {
        lo.push_back(root.lo[i].str());
        hi.push_back(root.hi[i].str());
    }
    return {{"format", certificate_format}, {"version", certificate_version}, {"tool_version", gancert::version},
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
        B.lo.push_back(Decimal::parse_extended(iv.at(0).get<std::string>(), "leaf box"));
        B.hi.push_back(Decimal::parse_extended(iv.at(1).get<std::string>(), "leaf box"));
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
ClaimAccumulator::ClaimAccumulator(Claim claim, Box root, std::vector<std::string> names)
    : claim_(std::move(claim)), root_(std::move(root)), names_(std::move(names)) {
    if (claim_.kind == ClaimKind::atlas) atlas_.emplace(root_, names_);
}

namespace {
/// Endpoint k of a recorded extrema enclosure, rounded outward to |x| in [10^-E, 10^E]
/// (E = arith::max_decimal_exponent): a smaller magnitude becomes 0 or ±10^-E, a larger one ±∞,
/// in the direction of the endpoint (k = 0 lower, 1 upper), so the assembled max/min J stay
/// enclosures while their exact arithmetic (hi − lo in target_gap) stays cheap; a value that
/// far out can only make the claim incomplete, never proved.
Decimal dec(const json& j, int k) {
    Decimal x = Decimal::parse_recorded(j.at(k).get<std::string>(), "enclosure");
    if (!x.is_finite() || x.sign() == 0) return x;
    const long mag = x.order_of_magnitude();
    const bool upper = k == 1, positive = x.sign() > 0;
    if (mag < -arith::max_decimal_exponent) {
        const Decimal tiny = Decimal::parse("1e-" + std::to_string(arith::max_decimal_exponent), "enclosure");
        if (upper) return positive ? tiny : Decimal(0);
        return positive ? Decimal(0) : -tiny;
    }
    if (mag > arith::max_decimal_exponent) return (upper == positive) ? Decimal::infinity(positive ? 1 : -1) : x;
    return x;
}
template <class L>
void keep_top(std::vector<L>& v, L item, bool largest) {
    constexpr std::size_t keep = 8;
    v.push_back(std::move(item));
    std::sort(v.begin(), v.end(), [largest](const L& x, const L& y) {  // total order: key, then path
        int c = compare(x.key, y.key);
        if (c != 0) return largest ? c > 0 : c < 0;
        return compare_paths(x.path, y.path) < 0;
    });
    if (v.size() > keep) v.pop_back();
}
bool certified_type(const std::string& t) { return t == "min" || t == "max" || t == "saddle"; }
std::string interval_text(const json& enc) {
    return "[" + enc.at(0).get<std::string>() + ", " + enc.at(1).get<std::string>() + "]";
}
}  // namespace

bool leaf_refutes(ClaimKind kind, const json& leaf) {
    const std::string ev = leaf.value("evidence", "");
    if (ev == ev_violates) return kind == ClaimKind::plateau;
    if (ev != ev_unique && ev != ev_stationary_line) return false;
    return kind == ClaimKind::no_stationary || (kind == ClaimKind::no_saddle && leaf.value("type", "") == "saddle");
}

std::string ClaimAccumulator::name(std::size_t i) const {
    return i < names_.size() ? names_[i] : "x" + std::to_string(i + 1);
}

void ClaimAccumulator::add(const json& leaf, const Box& B) {
    ++leaves_;
    const std::string ev = leaf.at("evidence").get<std::string>();
    ++counts_[ev];
    double vol = B.relative_volume(root_);
    done_volume_ += vol;
    bool undecided = ev == ev_unknown;
    if (ev == ev_stationary_line) {  // B meets L_c (lemma S7): stationary points, saddles if typed so
        std::string t = leaf.at("type").get<std::string>();
        bool refutes = leaf_refutes(claim_.kind, leaf);
        if (refutes && (!witness_ || compare_paths(B.path, witness_path_) < 0)) {  // deterministic choice
            witness_path_ = B.path;
            witness_ = json{{"box", leaf.at("box")}, {"evidence", ev}, {"type", t}, {"lemma", leaf.at("lemma")}};
        }
        undecided = !refutes && claim_.kind != ClaimKind::atlas;  // an atlas region
    }
    if (ev == ev_unique) {
        std::string t = leaf.at("type").get<std::string>();
        ++types_[t];
        bool refutes = leaf_refutes(claim_.kind, leaf);
        if (refutes && (!witness_ || compare_paths(B.path, witness_path_) < 0)) {
            witness_path_ = B.path;
            witness_ = json{{"box", leaf.at("box")}, {"evidence", ev}, {"type", t}};
            if (leaf.contains("inertia")) (*witness_)["inertia"] = leaf.at("inertia");
        }
        if (!refutes && !certified_type(t)) undecided = true;  // no-saddle needs the type
    }
    if (atlas_) atlas_->add(leaf, B);
    if (undecided) {
        ++undecided_;
        if (root_.bounded()) unknown_volume_ = unknown_volume_ + B.volume();
        else unknown_share_ += vol;
        if (!first_unknown_ || compare_paths(B.path, first_unknown_path_) < 0) {
            first_unknown_path_ = B.path;
            first_unknown_ = json{{"box", leaf.at("box")},
                                  {"reason", ev == ev_unknown ? leaf.value("reason", "")
                                                              : "unique stationary point of undetermined type"}};
        }
    }
    if (ev == ev_violates && (!witness_ || compare_paths(B.path, witness_path_) < 0)) {
        witness_path_ = B.path;
        witness_ = json{{"box", leaf.at("box")}, {"evidence", ev}, {"point", leaf.at("point")},
                        {"index", leaf.at("index")}, {"value", leaf.at("value")}};
    }
    if (ev == ev_bounded) {
        Decimal mx_hi = dec(leaf.at("max").at("J"), 1), mx_lo = dec(leaf.at("max").at("point"), 0);
        Decimal mn_lo = dec(leaf.at("min").at("J"), 0), mn_hi = dec(leaf.at("min").at("point"), 1);
        if (!max_hi_ || *max_hi_ < mx_hi) max_hi_ = mx_hi;
        if (!max_lo_ || *max_lo_ < mx_lo) max_lo_ = mx_lo;
        if (!min_lo_ || mn_lo < *min_lo_) min_lo_ = mn_lo;
        if (!min_hi_ || mn_hi < *min_hi_) min_hi_ = mn_hi;
        std::vector<std::string> names;
        for (std::size_t i = 0; i < B.dims(); ++i) names.push_back(name(i));
        auto offer = [&](std::optional<Located>& at, const Decimal& key, bool larger, const char* side) {
            bool better = !at || (larger ? at->key < key : key < at->key) ||
                          (key == at->key && compare_paths(B.path, at->path) < 0);
            if (better)
                at = Located{key, B.path, detail::extremum_location(leaf.at(side), leaf.at("box"), root_, names, larger)};
        };
        offer(max_at_, mx_lo, true, "max");
        offer(min_at_, mn_hi, false, "min");
        keep_top(max_boxes_, Located{mx_hi, B.path, leaf.at("box")}, true);
        keep_top(min_boxes_, Located{mn_lo, B.path, leaf.at("box")}, false);
    }
}

double ClaimAccumulator::unknown_fraction() const {
    if (undecided_ == 0) return 0;
    if (!root_.bounded()) {  // atan measure in unbounded dimensions, summed in double: 6 digits
        char text[32];
        std::snprintf(text, sizeof text, "%.6g", unknown_share_);
        return std::strtod(text, nullptr);
    }
    const Decimal v = root_.volume();
    if (unknown_volume_.sign() == 0) return 0;
    const double q = unknown_volume_.approx() / v.approx();  // beyond double range: by logarithms
    return std::isfinite(q) && q != 0 ? q : std::pow(10.0, unknown_volume_.log10_abs() - v.log10_abs());
}

std::string ClaimAccumulator::status() const {
    if (witness_) return "refuted";
    if (undecided_ > 0 || gap_ || leaves_ == 0) return "incomplete";
    if (claim_.kind == ClaimKind::extrema && (!max_hi_ || inconsistency() || target_gap())) return "incomplete";
    return "proved";
}

std::optional<std::string> ClaimAccumulator::inconsistency() const {
    if (max_hi_ && *max_hi_ < *max_lo_)
        return "assembled max J is empty: lower bound " + max_lo_->str() + " > upper bound " + max_hi_->str();
    if (min_hi_ && *min_hi_ < *min_lo_)
        return "assembled min J is empty: lower bound " + min_lo_->str() + " > upper bound " + min_hi_->str();
    return std::nullopt;
}

std::optional<std::string> ClaimAccumulator::target_gap() const {
    if (claim_.kind != ClaimKind::extrema || !max_hi_ || !claim_.delta || inconsistency()) return std::nullopt;
    auto gap = [&](const Decimal& lo, const Decimal& hi, const char* what) -> std::optional<std::string> {
        if (!lo.is_finite() || !hi.is_finite()) return std::string(what) + " is not finite";
        const bool straddles = lo.sign() <= 0 && hi.sign() >= 0;
        const Decimal mag = straddles ? Decimal(0) : lo.sign() > 0 ? lo : -hi;  // min |J| over [lo, hi]
        Decimal tol = *claim_.delta * mag;
        if (claim_.eps && tol < *claim_.eps) tol = *claim_.eps;
        // K5'': each finished leaf within max(delta·|value|, eps), the assembly within twice
        // that; 1e-9 absorbs the prover's double-precision tolerance test.
        const Decimal allowed = (tol + tol) * Decimal::parse("1.000000001");
        if (hi - lo <= allowed) return std::nullopt;
        return std::string(what) + " [" + lo.str() + ", " + hi.str() + "] is wider than 2 max(delta |value|, eps) = " +
               allowed.str() + " (claim delta " + claim_.delta->str() + (claim_.eps ? ", eps " + claim_.eps->str() : "") + ")";
    };
    if (auto g = gap(*max_lo_, *max_hi_, "max J")) return g;
    return gap(*min_lo_, *min_hi_, "min J");
}

json ClaimAccumulator::summary() const {
    json s = {{"status", status()}, {"leaves", leaves_}, {"counts", counts_},
              {"undecided", undecided_}, {"unknown_volume", unknown_fraction()}};
    if (!types_.empty()) s["unique_types"] = types_;
    if (witness_) s["witness"] = *witness_;
    if (first_unknown_) s["first_unknown"] = *first_unknown_;
    if (gap_) s["coverage_gap"] = *gap_;
    if (atlas_) s["regions"] = atlas_->summary();
    if (auto g = target_gap()) s["target_not_met"] = *g;
    if (claim_.kind == ClaimKind::extrema && max_hi_) {
        json loc_max = json::array(), loc_min = json::array();
        for (const auto& l : max_boxes_)
            if (*max_lo_ <= l.key) loc_max.push_back(l.box);
        for (const auto& l : min_boxes_)
            if (l.key <= *min_hi_) loc_min.push_back(l.box);
        s["max_J"] = {max_lo_->str(), max_hi_->str()};
        s["min_J"] = {min_lo_->str(), min_hi_->str()};
        s["max_location_boxes"] = loc_max;
        s["min_location_boxes"] = loc_min;
        s["max_location"] = max_at_->box;
        s["min_location"] = min_at_->box;
    }
    return s;
}

std::string ClaimAccumulator::verdict() const {
    std::ostringstream o;
    std::string st = status();
    o << st;
    auto box_text = [&](const json& box) {
        std::string t = "{";
        for (std::size_t i = 0; i < box.size(); ++i)
            t += (i ? ", " : "") + name(i) + " in " + interval_text(box[i]);
        return t + "}";
    };
    if (st == "refuted") {
        const json& w = *witness_;
        if (w.at("evidence") == ev_stationary_line) {
            o << stationary_line_verdict(w, claim_.kind == ClaimKind::no_saddle, box_text(w.at("box")));
        } else if (w.at("evidence") == ev_unique) {
            std::string t = w.at("type").get<std::string>();
            std::string in = w.contains("inertia") ? " with Hessian inertia (+" + w["inertia"][0].dump() + ", -" +
                                                         w["inertia"][1].dump() + ")"
                                                   : " of undetermined type";
            o << (claim_.kind == ClaimKind::no_saddle ? ": violated 'no saddle': " : ": violated 'no stationary point': ")
              << "grad J has exactly one zero in " << box_text(w.at("box")) << " (Krawczyk), a " << t
              << in << " — witness unique " << t;
        } else {
            int idx = w.at("index").get<int>();
            std::string at;
            for (std::size_t i = 0; i < w.at("point").size(); ++i)
                at += (i ? ", " : "") + name(i) + " = " + w["point"][i].get<std::string>();
            if (idx >= 0)
                o << ": violated |dJ/d" << name(static_cast<std::size_t>(idx)) << "| <= eps = " << claim_.eps->str()
                  << " at (" << at << "): dJ/d" << name(static_cast<std::size_t>(idx)) << " in "
                  << interval_text(w.at("value"));
            else
                o << ": violated |J - level| <= delta (level " << claim_.level->str() << ", delta "
                  << claim_.delta->str() << ") at (" << at << "): J in " << interval_text(w.at("value"));
        }
    } else if (st == "incomplete") {
        o << ":";
        if (gap_) o << " " << *gap_ << ";";
        o << " unknown volume " << unknown_fraction() << " of the box (" << undecided_ << " undecided leaves)";
        if (auto e = inconsistency()) o << "; " << *e;
        if (auto g = target_gap()) o << "; target not met: " << *g;
    }
    if (atlas_) o << "; regions: " << atlas_->text();
    if (claim_.kind == ClaimKind::extrema && max_hi_)
        o << "; max J in [" << max_lo_->str() << ", " << max_hi_->str() << "], min J in [" << min_lo_->str()
          << ", " << min_hi_->str() << "]; " << detail::location_text(max_at_->box) << "; "
          << detail::location_text(min_at_->box);
    o << " (" << leaves_ << " leaves)";
    return o.str();
}

json summary_without_stats(const json& summary) {
    json s = summary;
    if (s.is_object()) s.erase("stats");
    return s;
}

std::vector<std::string> summary_differences(const json& recorded, const json& recomputed) {
    std::vector<std::string> out;
    json theirs = summary_without_stats(recorded);
    if (!theirs.is_object()) return {"summary is not an object"};
    for (auto it = theirs.begin(); it != theirs.end(); ++it)
        if (!recomputed.contains(it.key()))
            out.push_back("summary." + it.key() + " recorded " + it.value().dump() + ", not recomputed");
    for (auto it = recomputed.begin(); it != recomputed.end(); ++it)
        if (!theirs.contains(it.key()) || theirs[it.key()] != it.value())
            out.push_back("summary." + it.key() + " recorded " +
                          (theirs.contains(it.key()) ? theirs[it.key()].dump() : "(none)") + ", recomputed " +
                          it.value().dump());
    return out;
}

Assembly assemble_certificate(const std::string& path) {
    Assembly a;
    std::optional<TilingChecker> tiling;
    std::optional<ClaimAccumulator> acc;
    std::size_t dims = 0;
    auto contents = read_certificate(path, [&](std::size_t line, const json& leaf) {
        if (!acc) {
            throw std::runtime_error("internal: leaf before header");
        }
        try {
            Box B = box_from_leaf(leaf, dims);
            if (auto err = tiling->add(B.path, B)) {
                if (!a.gap) a.gap = "line " + std::to_string(line) + ": " + *err;
                return;
            }
            acc->add(leaf, B);
        } catch (const arith::bad_input& e) {
            throw std::runtime_error("certificate '" + path + "' line " + std::to_string(line) + ": " + e.what());
        }
    }, [&](const json& header) {
        Claim claim = claim_from_json(header.at("claim"));
        Box root = root_from_json(header.at("box"));
        dims = root.dims();
        tiling.emplace(root);
        acc.emplace(claim, root, header.at("box").at("names").get<std::vector<std::string>>());
    });
    a.header = contents.header;
    a.recorded_summary = contents.summary;
    if (!a.gap) a.gap = tiling->finish();
    if (a.gap) acc->set_coverage_gap(*a.gap);
    a.inconsistency = acc->inconsistency();
    a.summary = acc->summary();
    a.status = acc->status();
    a.verdict = acc->verdict();
    a.leaves = acc->leaves();
    return a;
}

// ---------------------------------------------------------------------------------------
OutputLock::OutputLock(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw arith::bad_parameter("out", "'" + path + "': cannot open for writing: " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        int err = errno;
        ::close(fd_);
        fd_ = -1;
        if (err == EWOULDBLOCK)
            throw std::runtime_error("'" + path + "' is being written by another gancert run (locked); "
                                     "wait for it to finish or choose another --out");
        throw std::runtime_error("'" + path + "': cannot lock: " + std::strerror(err));
    }
}
OutputLock::~OutputLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}
void OutputLock::relock() {
    struct stat held {}, now {};
    if (fd_ >= 0 && ::fstat(fd_, &held) == 0 && ::stat(path_.c_str(), &now) == 0 && held.st_dev == now.st_dev &&
        held.st_ino == now.st_ino)
        return;
    OutputLock fresh(path_);
    std::swap(fd_, fresh.fd_);  // `fresh` releases the lock on the replaced file
}

// ---------------------------------------------------------------------------------------
CertificateWriter::CertificateWriter(const std::string& path, bool append) : path_(path) {
    file_ = std::fopen(path.c_str(), append ? "ab" : "wb");
    if (!file_) throw arith::bad_parameter("out", "'" + path + "': cannot open for writing: " + std::strerror(errno));
}
CertificateWriter::~CertificateWriter() {
    if (file_) std::fclose(file_);
}
void CertificateWriter::write_line(const json& j) {
    std::string s = j.dump();
    s.push_back('\n');
    std::lock_guard<std::mutex> lock(mutex_);
    if (std::fwrite(s.data(), 1, s.size(), file_) != s.size() || std::fflush(file_) != 0)
        throw arith::write_error("writing '" + path_ + "' failed");
}

}  // namespace gancert::certify
