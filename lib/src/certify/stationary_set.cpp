// The stationary-set claim of the R/S/E/E cost (proofs/lemmas.md §S; header
// gancert/certify/stationary_set.hpp describes the certificate).
#include "gancert/certify/stationary_set.hpp"
#include "gancert/version.hpp"
#include "gancert/certify/record.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/api/output_file.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <filesystem>
#include <unistd.h>

#include "gancert/arith/named_list.hpp"
#include "gancert/arith/constants.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/functions.hpp"
#include "gancert/arith/interval.hpp"
#include "gancert/certify/certificate.hpp"

namespace gancert::certify {

using nlohmann::json;

namespace {

// ------------------------------------------------------------ extended decimals and ranges
/// An exact decimal or ±∞.
struct XReal {
    int inf = 0;  // −1: −∞, +1: +∞, 0: finite (v)
    Decimal v;
};
XReal finite_x(long long v) { return {0, Decimal(v)}; }
XReal parse_x(const std::string& s, const std::string& what) {
    if (s == "inf" || s == "+inf") return {1, {}};
    if (s == "-inf") return {-1, {}};
    return {0, Decimal::parse(s, what)};
}
std::string str(const XReal& x) { return x.inf > 0 ? "inf" : x.inf < 0 ? "-inf" : x.v.str(); }
int cmp(const XReal& x, const XReal& y) {
    if (x.inf != y.inf) return x.inf < y.inf ? -1 : 1;
    if (x.inf != 0) return 0;
    return compare(x.v, y.v);
}
int sign(const XReal& x) { return x.inf ? x.inf : x.v.sign(); }

/// An interval of ℝ with exact (or infinite) endpoints; an infinite endpoint is open.
struct Range {
    XReal lo, hi;
    bool lo_open = false, hi_open = false;
};
bool operator==(const Range& x, const Range& y) {
    return cmp(x.lo, y.lo) == 0 && cmp(x.hi, y.hi) == 0 && x.lo_open == y.lo_open && x.hi_open == y.hi_open;
}
json to_json(const Range& r) {
    return {{"lo", str(r.lo)}, {"hi", str(r.hi)}, {"lo_open", r.lo_open}, {"hi_open", r.hi_open}};
}
Range range_from_json(const json& j, const std::string& what) {
    Range r{parse_x(j.at("lo").get<std::string>(), what), parse_x(j.at("hi").get<std::string>(), what),
            j.at("lo_open").get<bool>(), j.at("hi_open").get<bool>()};
    return r;
}
std::string range_text(const std::string& n, const Range& r) {
    return n + " in " + (r.lo_open ? "(" : "[") + str(r.lo) + ", " + str(r.hi) + (r.hi_open ? ")" : "]");
}
// Exact predicates on a range (lemma hypotheses). "for every point of r: x > 0" etc.
bool all_positive(const Range& r) { int s = sign(r.lo); return s > 0 || (s == 0 && r.lo_open); }
bool all_negative(const Range& r) { int s = sign(r.hi); return s < 0 || (s == 0 && r.hi_open); }
bool all_zero(const Range& r) { return sign(r.lo) == 0 && sign(r.hi) == 0 && !r.lo_open && !r.hi_open; }
bool all_nonnegative(const Range& r) { return sign(r.lo) >= 0; }
bool contains_zero_x(const Range& r) {
    int l = sign(r.lo), h = sign(r.hi);
    return (l < 0 || (l == 0 && !r.lo_open)) && (h > 0 || (h == 0 && !r.hi_open));
}

// ------------------------------------------------------------ domain and regions
const char* const var_names[5] = {"a", "b", "g", "h", "c"};

struct Domain {
    Range r[5];  // a, b, g, h, c (closed where finite)
};

struct Region {
    std::string id;
    Range r[5];
    std::string s = "any";  // relation of c·(g + h) to 1 on the region: any, >, <, =
};
json to_json(const Region& R) {
    json j = {{"id", R.id}, {"s", R.s}};
    for (int k = 0; k < 5; ++k) j[var_names[k]] = to_json(R.r[k]);
    return j;
}
Region region_from_json(const json& j) {
    Region R;
    R.id = j.at("id").get<std::string>();
    R.s = j.at("s").get<std::string>();
    for (int k = 0; k < 5; ++k) R.r[k] = range_from_json(j.at(var_names[k]), std::string("region ") + var_names[k]);
    return R;
}
bool operator==(const Region& x, const Region& y) {
    if (x.id != y.id || x.s != y.s) return false;
    for (int k = 0; k < 5; ++k)
        if (!(x.r[k] == y.r[k])) return false;
    return true;
}

std::optional<Range> positive_part(Range r) {
    if (sign(r.hi) <= 0) return std::nullopt;
    if (sign(r.lo) <= 0) { r.lo = finite_x(0); r.lo_open = true; }
    return r;
}
std::optional<Range> negative_part(Range r) {
    if (sign(r.lo) >= 0) return std::nullopt;
    if (sign(r.hi) >= 0) { r.hi = finite_x(0); r.hi_open = true; }
    return r;
}
std::optional<Range> zero_part(const Range& r) {
    if (!contains_zero_x(r)) return std::nullopt;
    return Range{finite_x(0), finite_x(0), false, false};
}

/// The fixed partition of the domain (regions empty in a or b omitted).
std::vector<Region> partition(const Domain& d) {
    std::vector<Region> out;
    auto base = [&] {
        Region R;
        for (int k = 0; k < 5; ++k) R.r[k] = d.r[k];
        return R;
    };
    if (auto p = positive_part(d.r[0])) { Region R = base(); R.id = "a>0"; R.r[0] = *p; out.push_back(R); }
    if (auto p = negative_part(d.r[0])) { Region R = base(); R.id = "a<0"; R.r[0] = *p; out.push_back(R); }
    if (auto z = zero_part(d.r[0])) {
        if (auto p = positive_part(d.r[1])) { Region R = base(); R.id = "a=0,b>0"; R.r[0] = *z; R.r[1] = *p; out.push_back(R); }
        if (auto p = negative_part(d.r[1])) { Region R = base(); R.id = "a=0,b<0"; R.r[0] = *z; R.r[1] = *p; out.push_back(R); }
        if (auto zb = zero_part(d.r[1])) {
            for (const char* s : {">", "<", "="}) {
                Region R = base();
                R.r[0] = *z;
                R.r[1] = *zb;
                R.s = s;
                R.id = std::string(s) == "=" ? "L_c" : std::string("a=b=0,c(g+h)") + s + "1";
                out.push_back(R);
            }
        }
    }
    return out;
}

/// The lemmas each region must carry, in order.
std::vector<std::string> lemmas_for(const Region& R) {
    if (R.id == "a>0" || R.id == "a<0") return {"S1"};
    if (R.id == "a=0,b>0" || R.id == "a=0,b<0") return {"S2"};
    if (R.s == ">" || R.s == "<") return {"S3"};
    return {"S4", "S5", "S6"};
}

/// Does L_c (for some c of the domain) meet the domain? Exact: a = 0 and b = 0 possible and
/// [g_lo + h_lo, g_hi + h_hi] ∩ [1/c_hi, 1/c_lo] ≠ ∅, i.e. c_lo(g_lo + h_lo) <= 1 <= c_hi(g_hi + h_hi).
bool line_meets(const Domain& d) {
    if (!contains_zero_x(d.r[0]) || !contains_zero_x(d.r[1])) return false;
    const Range &g = d.r[2], &h = d.r[3], &c = d.r[4];
    bool lo_ok = g.lo.inf < 0 || h.lo.inf < 0 || !(Decimal(1) < c.lo.v * (g.lo.v + h.lo.v));
    bool hi_ok = g.hi.inf > 0 || h.hi.inf > 0 || !(c.hi.v * (g.hi.v + h.hi.v) < Decimal(1));
    return lo_ok && hi_ok;
}

// ------------------------------------------------------------ lemma hypotheses
struct Hyp {
    std::string text;
    bool holds;
};

std::string lo_text(const std::string& n, const Range& r) {
    return n + "_lo = " + str(r.lo) + (r.lo_open ? " (open)" : "");
}
std::string hi_text(const std::string& n, const Range& r) {
    return n + "_hi = " + str(r.hi) + (r.hi_open ? " (open)" : "");
}

/// Interval enclosures over the region of the quantities lemma S5 states (idouble): on L_c
/// (h = 1/c − g) ∂²J/∂a² = (2/π)(3/c² + g²), ∂²J/∂a∂b = 4/(πc), ∂²J/∂b² = 4/π,
/// ∂²J/∂a∂g = ∂²J/∂a∂h = −1/√π, d1 = ∂²J/∂a², d2 = (8/π²)(g² + 1/c²), d3 = −4/π².
std::map<std::string, arith::idouble> line_enclosures(const Region& R) {
    using arith::idouble;
    using S = idouble;
    const double inf = std::numeric_limits<double>::infinity();
    auto lower_of = [&](const XReal& x, const std::string& what) {
        return x.inf < 0 ? -inf : arith::enclose<S>(x.v, what).lower();
    };
    auto upper_of = [&](const XReal& x, const std::string& what) {
        return x.inf > 0 ? inf : arith::enclose<S>(x.v, what).upper();
    };
    S c = arith::make_interval(lower_of(R.r[4].lo, "c"), upper_of(R.r[4].hi, "c"));
    if (!(c.lower() > 0) || !std::isfinite(c.upper())) throw std::runtime_error("c range not in (0, ∞)");
    S g = arith::make_interval(std::max(0.0, lower_of(R.r[2].lo, "g")), upper_of(R.r[2].hi, "g"));
    S pi = arith::pi<S>(), ic = S(1) / c, ic2 = arith::square(ic);
    S g2 = arith::square(g);  // g >= 0; [g_lo², +∞) when g is unbounded
    S two_pi = S(2) / pi, four_pi = S(4) / pi;
    std::map<std::string, S> m;
    S Haa = two_pi * (S(3) * ic2 + g2);
    m["Haa"] = Haa;
    m["Hab"] = four_pi * ic;
    m["Hbb"] = four_pi;
    m["Hag"] = -arith::inv_sqrt_pi<S>();
    m["d1"] = Haa;
    m["d2"] = (S(8) / arith::square(pi)) * (g2 + ic2);
    m["d3"] = -(S(4) / arith::square(pi));
    return m;
}

json enclosure_json(const arith::idouble& x) {
    return json::array({std::isfinite(x.lower()) ? arith::to_decimal(x.lower(), 17, MPFR_RNDD) : std::string("-inf"),
                        std::isfinite(x.upper()) ? arith::to_decimal(x.upper(), 17, MPFR_RNDU) : std::string("inf")});
}

/// The hypotheses of `lemma` on region R, each decided here (exact decimal comparisons of the
/// region's bounds; interval arithmetic for the S5/S6 minors).
std::vector<Hyp> hypotheses(const std::string& lemma, const Region& R, int sgn) {
    const Range &a = R.r[0], &b = R.r[1], &g = R.r[2], &c = R.r[4];
    std::vector<Hyp> h;
    auto c_pos = Hyp{"c > 0 on the region: " + lo_text("c", c), all_positive(c) && c.hi.inf == 0};
    auto g_nonneg = Hyp{"g >= 0 on the region: " + lo_text("g", g), all_nonnegative(g)};
    auto a_zero = Hyp{"a = 0 on the region: " + range_text("a", a), all_zero(a)};
    auto b_zero = Hyp{"b = 0 on the region: " + range_text("b", b), all_zero(b)};
    if (lemma == "S1") {
        if (sgn > 0) h.push_back({"a > 0 on the region: " + lo_text("a", a), all_positive(a)});
        else h.push_back({"a < 0 on the region: " + hi_text("a", a), all_negative(a)});
        h.push_back(g_nonneg);
        h.push_back(c_pos);
    } else if (lemma == "S2") {
        h.push_back(a_zero);
        if (sgn > 0) h.push_back({"b > 0 on the region: " + lo_text("b", b), all_positive(b)});
        else h.push_back({"b < 0 on the region: " + hi_text("b", b), all_negative(b)});
        h.push_back(c_pos);
    } else if (lemma == "S3") {
        h.push_back(a_zero);
        h.push_back(b_zero);
        h.push_back({std::string("c(g + h) ") + (sgn > 0 ? ">" : "<") + " 1 on the region (its defining constraint)",
                     R.s == (sgn > 0 ? ">" : "<")});
        h.push_back(c_pos);
    } else if (lemma == "S4" || lemma == "S5" || lemma == "S6") {
        h.push_back(a_zero);
        h.push_back(b_zero);
        h.push_back({"c(g + h) = 1 on the region (its defining constraint)", R.s == "="});
        h.push_back(g_nonneg);
        h.push_back(c_pos);
        if (lemma != "S4") {
            bool ok = c_pos.holds && g_nonneg.holds;
            std::map<std::string, arith::idouble> e;
            if (ok) e = line_enclosures(R);
            h.push_back({"interval: d1 = d2J/da2 = (2/pi)(3/c^2 + g^2) > 0 on the region", ok && e["d1"].lower() > 0});
            h.push_back({"interval: d2 = det d2J/d(a,b)2 = (8/pi^2)(g^2 + 1/c^2) > 0 on the region",
                         ok && e["d2"].lower() > 0});
            if (lemma == "S5")
                h.push_back({"interval: d3 = det d2J/d(a,b,g)2 = -4/pi^2 < 0", ok && e["d3"].upper() < 0});
        }
    } else {
        throw std::runtime_error("unknown lemma '" + lemma + "'");
    }
    return h;
}

std::string conclusion(const std::string& lemma, int sgn) {
    if (lemma == "S1")
        return std::string("dJ/dh ") + (sgn > 0 ? "< 0" : "> 0") + " at every point (sign dJ/dh = -sign a): no stationary point";
    if (lemma == "S2")
        return std::string("dJ/db ") + (sgn > 0 ? "> 0" : "< 0") + " at every point (sign dJ/db = sign b): no stationary point";
    if (lemma == "S3")
        return std::string("dJ/da ") + (sgn > 0 ? "< 0" : "> 0") +
               " at every point (dJ/da = (1/c - g - h)/sqrt(pi)): no stationary point";
    if (lemma == "S4") return "grad J = 0 at every point: the region is stationary";
    if (lemma == "S5")
        return "Hessian inertia (+2, -1, 0) with null direction (0, 0, 1, -1); discriminator block positive "
               "definite: a degenerate saddle at every point";
    return "not a Nash equilibrium at any point: the discriminator block is positive definite, so (a, b) is a "
           "strict local minimum of J(., ., g, h), not a maximum";
}

int sign_of_region(const std::string& lemma, const Region& R) {
    if (lemma == "S1") return R.id == "a>0" ? 1 : -1;
    if (lemma == "S2") return R.id == "a=0,b>0" ? 1 : -1;
    if (lemma == "S3") return R.s == ">" ? 1 : -1;
    return 0;
}

json make_leaf(const Region& R, const std::string& lemma) {
    int sgn = sign_of_region(lemma, R);
    json hyps = json::array();
    for (const auto& h : hypotheses(lemma, R, sgn)) {
        if (!h.holds) throw std::logic_error("stationary-set: hypothesis fails on a canonical region: " + h.text);
        hyps.push_back(h.text);
    }
    json leaf = {{"region", to_json(R)}, {"evidence", "lemma"}, {"lemma", lemma}, {"hypotheses", hyps},
                 {"conclusion", conclusion(lemma, sgn)}};
    if (lemma == "S5") {
        json enc = json::object();
        for (const auto& [k, v] : line_enclosures(R)) enc[k] = enclosure_json(v);
        leaf["enclosures"] = enc;
        leaf["inertia"] = {2, 1};
        leaf["null_dim"] = 1;
        leaf["null_direction"] = {"0", "0", "1", "-1"};
        leaf["disc_block"] = "positive definite";
        leaf["type"] = "degenerate saddle";
    }
    if (lemma == "S6") leaf["nash"] = "no";
    return leaf;
}

/// Checks one leaf against the lemma it cites; error text or nullopt.
std::optional<std::string> check_lemma_leaf(const json& leaf, const Region& R, const std::string& lemma) {
    if (leaf.value("evidence", "") != "lemma") return "evidence must be 'lemma'";
    int sgn = sign_of_region(lemma, R);
    auto hs = hypotheses(lemma, R, sgn);
    const json& rec = leaf.at("hypotheses");
    if (!rec.is_array() || rec.size() != hs.size()) return "hypotheses of lemma " + lemma + " do not match";
    for (std::size_t i = 0; i < hs.size(); ++i) {
        if (rec[i] != hs[i].text)
            return "hypothesis " + std::to_string(i + 1) + " recorded " + rec[i].dump() + ", lemma " + lemma +
                   " needs \"" + hs[i].text + "\"";
        if (!hs[i].holds) return "lemma " + lemma + ": hypothesis fails: " + hs[i].text;
    }
    if (leaf.at("conclusion") != conclusion(lemma, sgn)) return "conclusion differs from lemma " + lemma + "'s";
    json expected = make_leaf(R, lemma);  // every other field must be the lemma's (recomputed)
    for (auto it = leaf.begin(); it != leaf.end(); ++it)
        if (!expected.contains(it.key())) return "unexpected field '" + it.key() + "'";
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (it.key() == "enclosures") continue;
        if (!leaf.contains(it.key()) || leaf[it.key()] != it.value())
            return "field '" + it.key() + "' recorded " + (leaf.contains(it.key()) ? leaf[it.key()].dump() : "(none)") +
                   ", lemma " + lemma + " gives " + it.value().dump();
    }
    if (lemma == "S5") {
        // recorded enclosures are accepted only when they contain the verifier's own
        const json& enc = leaf.at("enclosures");
        auto mine = line_enclosures(R);
        if (!enc.is_object() || enc.size() != mine.size()) return "enclosures: wrong set";
        for (const auto& [k, v] : mine) {
            if (!enc.contains(k)) return "enclosure " + k + " missing";
            json m = enclosure_json(v);
            XReal rlo = parse_x(enc[k].at(0).get<std::string>(), k), rhi = parse_x(enc[k].at(1).get<std::string>(), k);
            XReal mlo = parse_x(m[0].get<std::string>(), k), mhi = parse_x(m[1].get<std::string>(), k);
            if (cmp(rlo, mlo) > 0 || cmp(mhi, rhi) > 0)
                return "enclosure " + k + " recorded " + enc[k].dump() + " does not contain the recomputed " + m.dump();
        }
        if (!(sign(parse_x(enc["d1"][0].get<std::string>(), "d1")) > 0) ||
            !(sign(parse_x(enc["d2"][0].get<std::string>(), "d2")) > 0) ||
            !(sign(parse_x(enc["d3"][1].get<std::string>(), "d3")) < 0))
            return "recorded minors do not have the signs of lemma S5";
    }
    return std::nullopt;
}

std::string domain_text(const Domain& d) {
    std::string t;
    for (int k = 0; k < 5; ++k) t += (k ? ", " : "") + range_text(var_names[k], d.r[k]);
    return t;
}

json make_summary(const Domain& d, std::size_t regions, std::size_t leaves, const std::map<std::string, int>& lemmas,
                  bool complete) {
    bool meets = line_meets(d);
    json s = {{"status", complete ? "proved" : "incomplete"},
              {"theorem", "the stationary set of J on the domain is exactly L_c = {a = 0, b = 0, g + h = 1/c, g >= 0} "
                          "(intersected with the domain); every point of L_c is a degenerate saddle; no Nash "
                          "equilibrium"},
              {"stationary_set", "{a = 0, b = 0, c(g + h) = 1} ∩ domain"},
              {"enclosure", "exact"},
              {"line_meets_domain", meets},
              {"existence", meets ? "every point of L_c in the domain is stationary (lemma S4, exact)"
                                  : "L_c does not meet the domain: no stationary point (exact)"},
              {"classification",
               {{"inertia", {2, 1}}, {"null_dim", 1}, {"null_direction", {"0", "0", "1", "-1"}},
                {"disc_block", "positive definite"}, {"type", "degenerate saddle"}, {"lemma", "S5"}}},
              {"nash_equilibria", "none"},
              {"regions", regions},
              {"leaves", leaves},
              {"lemmas", lemmas}};
    return s;
}

std::string verdict_of(const json& s, const Domain& d) {
    std::ostringstream o;
    o << s.at("status").get<std::string>();
    if (s.at("status") == "proved") {
        o << ": stationary set = L_c = {a = 0, b = 0, g + h = 1/c} (exact)";
        if (!s.at("line_meets_domain").get<bool>()) o << ", which does not meet the domain (no stationary point)";
        else o << "; every point stationary; a degenerate saddle, inertia (+2, -1, 0) with null direction (0, 0, 1, -1); "
                  "discriminator block positive definite";
        o << "; Nash equilibria: none";
    }
    o << " — over " << domain_text(d) << " (" << s.at("leaves").get<std::size_t>() << " lemma leaves)";
    return o.str();
}

Domain domain_from_box(const json& box) {
    auto names = box.at("names").get<std::vector<std::string>>();
    auto lo = box.at("lo").get<std::vector<std::string>>(), hi = box.at("hi").get<std::vector<std::string>>();
    if (names != std::vector<std::string>{"a", "b", "g", "h", "c"} || lo.size() != 5 || hi.size() != 5)
        throw arith::bad_input("stationary-set box: names must be a, b, g, h, c");
    Domain d;
    for (int k = 0; k < 5; ++k) {
        std::string n = var_names[k];
        Range r{parse_x(lo[k], "box " + n), parse_x(hi[k], "box " + n), false, false};
        r.lo_open = r.lo.inf != 0;
        r.hi_open = r.hi.inf != 0;
        if (r.lo.inf > 0 || r.hi.inf < 0 || cmp(r.lo, r.hi) > 0)
            throw arith::bad_parameter("box", n + ": lower bound " + str(r.lo) + " above upper bound " + str(r.hi));
        d.r[k] = r;
    }
    if (d.r[2].lo.inf != 0 || d.r[2].lo.v.sign() < 0)
        throw arith::named_error("box g", "lower bound '" + str(d.r[2].lo) + "' leaves the domain (g >= 0)");
    if (d.r[4].lo.inf != 0 || !(d.r[4].lo.v.sign() > 0) || d.r[4].hi.inf != 0)
        throw arith::named_error("box c", "range [" + str(d.r[4].lo) + ", " + str(d.r[4].hi) +
                               "] must be finite with c_lo > 0");
    return d;
}


std::string dtext(const Decimal& lo, const Decimal& hi) { return "[" + lo.str() + ", " + hi.str() + "]"; }

}  // namespace

// ------------------------------------------------------------ public: the model box (S7, lemma leaves)
std::optional<ModelBox> model_box(const BoxFunction& f, const Box& B) {
    json d = f.describe();
    if (d.value("model", "") != "rsee") return std::nullopt;
    auto fixed = d.at("fixed").get<std::map<std::string, std::string>>();
    auto free = d.at("free").get<std::vector<std::string>>();
    if (free.size() != B.dims()) throw std::runtime_error("box dimension differs from the model's");
    ModelBox m;
    for (int k = 0; k < 4; ++k) {
        std::string n = var_names[k];
        auto it = std::find(free.begin(), free.end(), n);
        if (it != free.end()) {
            std::size_t i = static_cast<std::size_t>(it - free.begin());
            m.lo[k] = B.lo[i];
            m.hi[k] = B.hi[i];
            m.free_[k] = true;
        } else {
            m.lo[k] = m.hi[k] = Decimal::parse(fixed.at(n), n);
        }
    }
    m.c = Decimal::parse(fixed.at("c"), "c");
    return m;
}

// ------------------------------------------------------------ public: witness
std::optional<LeafEvidence> stationary_line_witness(const BoxFunction& f, const Box& B) {
    auto m = model_box(f, B);
    if (!m) return std::nullopt;
    Decimal zero(0), one(1);
    bool a0 = m->lo[0] <= zero && zero <= m->hi[0];
    bool b0 = m->lo[1] <= zero && zero <= m->hi[1];
    bool g_ok = m->lo[2] >= zero;
    bool c_ok = m->c > zero;
    Decimal slo = m->c * (m->lo[2] + m->lo[3]);
    Decimal shi = m->c * (m->hi[2] + m->hi[3]);
    bool s_ok = slo <= one && one <= shi;
    if (!(a0 && b0 && g_ok && c_ok && s_ok)) return std::nullopt;
    bool saddle = m->free_[0] && (m->free_[2] || m->free_[3]);
    std::vector<std::string> hyps({"a_lo <= 0 <= a_hi: a in " + dtext(m->lo[0], m->hi[0]),
                             "b_lo <= 0 <= b_hi: b in " + dtext(m->lo[1], m->hi[1]),
                             "g_lo >= 0: g in " + dtext(m->lo[2], m->hi[2]),
                             "c > 0: c = " + m->c.str(),
                             "c(g_lo + h_lo) = " + slo.str() + " <= 1 <= c(g_hi + h_hi) = " + shi.str()});
    if (saddle) hyps.push_back("a free and g or h free: the restricted Hessian has the principal block "
                               "[[d2J/da2, -1/sqrt(pi)], [-1/sqrt(pi), 0]] of determinant -1/pi < 0");
    return LeafEvidence{53, StationaryLineEvidence{m->c.str(), saddle ? "saddle" : "stationary",
                                                   std::string("the box meets L_c: it contains stationary points") +
                                                       (saddle ? ", each a saddle of the restricted cost (degenerate)" : ""),
                                                   hyps}};
}

void check_stationary_line_leaf(const BoxFunction& f, const Box& B, bool need_saddle, const LeafEvidence& leaf) {
    auto w = stationary_line_witness(f, B);
    if (!w) throw std::runtime_error("stationary-line: the box does not meet L_c (lemma S7's hypotheses fail)");
    if (!(leaf == *w))
        throw std::runtime_error("stationary-line: recorded " + to_json(leaf).dump() + ", recomputed " + to_json(*w).dump());
    if (need_saddle && w->get<StationaryLineEvidence>()->type != "saddle")
        throw std::runtime_error("stationary-line: the points are not certified saddles of the restricted cost "
                                 "(a and one of g, h must be free)");
}

std::string stationary_line_verdict(const json& w, bool no_saddle, const std::string& box_text) {
    return std::string(no_saddle ? ": violated 'no saddle': " : ": violated 'no stationary point': ") + box_text +
           " meets the stationary line L_c = {a = 0, b = 0, g + h = 1/c} (lemma S7): every point of it is stationary" +
           (w.value("type", "") == "saddle" ? ", a degenerate saddle" : "") + " — witness stationary-line";
}

// ------------------------------------------------------------ public: verify
VerifyReport verify_stationary_set(const std::string& path) {
    VerifyReport rep;
    auto fail = [&](const std::string& m) {
        if (rep.failures.size() < 20) rep.failures.push_back(m);
        rep.exit_code = 1;
    };
    std::ifstream in(path);
    std::string line;
    json header;
    Domain d;
    try {
        if (!in || !std::getline(in, line)) throw arith::bad_input("certificate '" + path + "': cannot be read");
        header = parse_record(line);
        if (header.value("format", "") != certificate_format || header.value("version", 0) != certificate_version)
            throw arith::bad_input("certificate '" + path + "': not a gancert certificate of version 1");
        if (header.at("claim") != json{{"kind", "stationary-set"}})
            throw arith::bad_input("certificate '" + path + "': claim is not {\"kind\": \"stationary-set\"}");
        if (header.at("model") != json{{"model", "rsee"}})
            throw arith::bad_input("certificate '" + path + "': model must be {\"model\": \"rsee\"}");
        d = domain_from_box(header.at("box"));
    } catch (const std::exception& e) {
        rep.exit_code = 2;
        rep.failures.push_back(e.what());
        return rep;
    }
    std::vector<Region> canon = partition(d);
    // expected[(region index, lemma)] -> seen
    std::map<std::pair<std::size_t, std::string>, bool> seen;
    for (std::size_t i = 0; i < canon.size(); ++i)
        for (const auto& l : lemmas_for(canon[i])) seen[{i, l}] = false;
    std::optional<json> summary;
    std::size_t lineno = 1, leaves = 0;
    std::map<std::string, int> lemma_counts;
    while (std::getline(in, line)) {
        ++lineno;
        if (in.eof()) { fail("line " + std::to_string(lineno) + ": torn last line"); break; }
        std::string where = "line " + std::to_string(lineno) + ": ";
        json leaf;
        try {
            leaf = parse_record(line);
        } catch (const std::exception& e) {
            fail(where + e.what());
            continue;
        }
        if (leaf.contains("summary")) {
            if (summary) fail(where + "second summary");
            summary = leaf["summary"];
            continue;
        }
        if (summary) { fail(where + "leaf after the summary"); continue; }
        try {
            Region R = region_from_json(leaf.at("region"));
            std::string lemma = leaf.at("lemma").get<std::string>();
            std::size_t idx = canon.size();
            for (std::size_t i = 0; i < canon.size(); ++i)
                if (canon[i] == R) idx = i;
            if (idx == canon.size()) {
                fail(where + "region " + leaf.at("region").dump() + " is not a region of the partition of the domain");
                continue;
            }
            auto key = std::make_pair(idx, lemma);
            if (!seen.count(key)) {
                fail(where + "lemma " + lemma + " does not apply to region " + R.id);
                continue;
            }
            if (seen[key]) {
                fail(where + "duplicate leaf (region " + R.id + ", lemma " + lemma + ")");
                continue;
            }
            if (auto e = check_lemma_leaf(leaf, R, lemma)) {
                fail(where + "region " + R.id + ": " + *e);
                continue;
            }
            seen[key] = true;
            ++leaves;
            ++lemma_counts[lemma];
        } catch (const std::exception& e) {
            fail(where + "malformed leaf: " + e.what());
        }
    }
    bool complete = true;
    for (const auto& [k, v] : seen)
        if (!v) {
            complete = false;
            fail("region " + canon[k.first].id + ": no valid leaf for lemma " + k.second +
                 " (the regions must cover the domain)");
        }
    json mine = make_summary(d, canon.size(), leaves, lemma_counts, complete);
    rep.leaves = leaves;
    rep.status = mine.at("status").get<std::string>();
    rep.verdict = verdict_of(mine, d);
    if (!summary) {
        fail("no summary line: the run did not finish");
    } else {
        for (const auto& diff : summary_differences(*summary, mine)) fail(diff);
    }
    return rep;
}

// ------------------------------------------------------------ public: certify
StationarySetResult certify_stationary_set(const StationarySetRequest& req) {
    auto t0 = std::chrono::steady_clock::now();
    std::map<std::string, std::pair<std::string, std::string>> ranges = {
        {"a", {"-inf", "inf"}}, {"b", {"-inf", "inf"}}, {"g", {"0", "inf"}}, {"h", {"-inf", "inf"}}};
    std::optional<std::string> c;
    if (!req.case_name.empty()) {
        if (req.case_name == "A") c = "0.5";
        else if (req.case_name == "B") c = "4.04";
        else throw arith::bad_parameter("case", "unknown case '" + req.case_name + "' (A or B)");
    }
    if (!req.params.empty())
        for (const auto& item : arith::parse_named_values(req.params, "params")) {
            if (item.name != "c")
                throw arith::bad_parameter("params", "the stationary-set claim takes only c=.. (give ranges of a, b, g, "
                                       "h with --box), not '" + item.name + "=" + item.value + "'");
            c = item.value;
            if (!(Decimal::parse(*c, "params c").sign() > 0))
                throw arith::bad_parameter("params", "c = '" + *c + "' is outside the domain (c > 0)");
        }
    bool c_in_box = false;
    if (!req.box.empty())
        for (const auto& item : arith::parse_named_ranges(req.box, "box")) {
            const std::string& n = item.name;
            if (n != "a" && n != "b" && n != "g" && n != "h" && n != "c")
                throw arith::bad_parameter("box", "unknown parameter '" + n + "' (a, b, g, h, c)");
            if (n == "c") c_in_box = true;
            ranges[n] = {item.lo, item.hi};
        }
    if (!c_in_box) {
        if (!c) throw arith::bad_parameter("params", "parameter 'c' is required (or --case, or c in --box)");
        ranges["c"] = {*c, *c};
    }
    json lo = json::array(), hi = json::array();
    for (const char* n : var_names) {
        lo.push_back(ranges[n].first);
        hi.push_back(ranges[n].second);
    }
    json box = {{"names", {"a", "b", "g", "h", "c"}}, {"lo", lo}, {"hi", hi}};
    Domain d = domain_from_box(box);  // validates (bad_input names the argument)
    // canonical spelling of the endpoints
    for (int k = 0; k < 5; ++k) {
        box["lo"][k] = str(d.r[k].lo);
        box["hi"][k] = str(d.r[k].hi);
    }
    json header = {{"format", certificate_format}, {"version", certificate_version}, {"tool_version", gancert::version},
                   {"claim", {{"kind", "stationary-set"}}}, {"model", {{"model", "rsee"}}},
                   {"box", box}, {"settings", json::object()}};
    std::vector<json> lines{header};
    std::map<std::string, int> counts;
    auto regions = partition(d);
    for (const auto& R : regions)
        for (const auto& l : lemmas_for(R)) {
            lines.push_back(make_leaf(R, l));
            ++counts[l];
        }
    json summary = make_summary(d, regions.size(), lines.size() - 1, counts, true);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    summary["stats"] = {{"seconds", secs}};
    lines.push_back({{"summary", summary}});

    StationarySetResult r;
    r.domain_text = domain_text(d);
    std::string path = req.out;
    std::optional<api::ScopedTemporary> temporary;  // removed at the end, on an error and on a signal
    if (path.empty()) {
        temporary.emplace((std::filesystem::temp_directory_path() /
                           ("gancert-stationary-" + std::to_string(::getpid()) + ".jsonl")).string());
        path = temporary->path();
    }
    {
        OutputLock lock(path);
        CertificateWriter w(path, false);
        for (const auto& l : lines) w.write_line(l);
    }
    // The status reported is the independent verifier's, on the file as written.
    VerifyReport rep = verify_stationary_set(path);
    if (rep.exit_code != 0) {
        std::string m = "stationary-set: the written certificate does not verify:";
        for (const auto& f : rep.failures) m += " " + f;
        throw std::runtime_error(m);
    }
    r.summary = summary;
    r.verdict = rep.verdict;
    r.proved = rep.status == "proved";
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace gancert::certify
