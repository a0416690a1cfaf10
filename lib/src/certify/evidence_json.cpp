// The file boundary of the evidence record (leaf_evidence.hpp): LeafEvidence <-> the JSON object
// of a leaf line. The only place that knows the field names of the evidence kinds. The reader is
// strict: every field of a kind must be present with its type, no other field may appear, and
// every recorded decimal must be a finite exact decimal.
#include <set>
#include <stdexcept>

#include "gancert/certify/claim.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/certify/leaf_evidence.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify {

using nlohmann::json;

namespace {

const char* const lemma_names[] = {"S1", "S2", "S8a", "S8b", "S9", "S10", "S11", "S12", "S13", "S14", "S15", "S16", "S17", "S18", "S19"};

[[noreturn]] void bad(const std::string& field, const std::string& what) {
    throw std::runtime_error("evidence field '" + field + "': " + what);
}

// ---------------------------------------------------------------- writing
json iv(const RecordedInterval& r) { return json::array({r.lo, r.hi}); }
json opt_iv(const std::optional<RecordedInterval>& r) { return r ? iv(*r) : json(); }
template <class T, class F>
json list(const std::vector<T>& v, F each) {
    json a = json::array();
    for (const auto& x : v) a.push_back(each(x));
    return a;
}
json ivs(const std::vector<RecordedInterval>& v) { return list(v, iv); }

json side_json(const ExtremumSide& s) {
    json faces = list(s.faces, [](const std::vector<FaceStep>& round) {
        return list(round, [](const FaceStep& st) { return json::array({st.index, st.side, iv(st.grad)}); });
    });
    json j = {{"faces", faces}, {"kind", s.kind}, {"J", iv(s.J)}, {"point", iv(s.point)}};
    if (s.Z) j["Z"] = list(*s.Z, [](const auto& p) { return json::array({p.first, p.second}); });
    if (s.Y) j["Y"] = *s.Y;
    if (s.Q) j["Q"] = *s.Q;
    if (s.K) j["K"] = ivs(*s.K);
    return j;
}

struct Writer {
    json& j;
    void operator()(const ExcludedEvidence& e) {
        j["evidence"] = ev_excluded;
        j["index"] = e.index;
        j["sign"] = e.sign;
        j["grad"] = iv(e.grad);
        if (e.bounds_form) j["form"] = "bounds";
    }
    void operator()(const LemmaEvidence& e) {
        j["evidence"] = ev_lemma;
        j["lemma"] = lemma_name(e.lemma);
        j["hypotheses"] = e.hypotheses;
        j["conclusion"] = e.conclusion;
        if (e.index) j["index"] = *e.index;
        if (e.sign) j["sign"] = *e.sign;
        if (e.base) j["base"] = iv(*e.base);
        if (e.remainder) j["remainder"] = iv(*e.remainder);
        if (e.T) j["T"] = *e.T;
        if (e.tau) j["tau"] = *e.tau;
        if (e.s) j["s"] = *e.s;
        if (e.J) j["J"] = iv(*e.J);
        if (e.J || !e.grad.empty()) j["grad"] = ivs(e.grad);
    }
    void operator()(const UniqueEvidence& e) {
        j["evidence"] = ev_unique;
        j["Y"] = e.Y;
        j["Q"] = e.Q;
        j["K"] = list(e.K, opt_iv);
        j["type"] = e.type;
        if (e.inertia) j["inertia"] = json::array({e.inertia->first, e.inertia->second});
    }
    void operator()(const EmptyEvidence& e) {
        j["evidence"] = ev_empty;
        j["Y"] = e.Y;
        j["K"] = list(e.K, opt_iv);
    }
    void operator()(const PlateauEvidence& e) {
        j["evidence"] = ev_plateau;
        j["grad"] = ivs(e.grad);
        j["J"] = iv(e.J);
    }
    void operator()(const ViolatesEvidence& e) {
        j["evidence"] = ev_violates;
        j["index"] = e.index;
        j["point"] = e.point;
        j["value"] = iv(e.value);
    }
    void operator()(const BoundedEvidence& e) {
        j["evidence"] = ev_bounded;
        j["max"] = side_json(e.max);
        j["min"] = side_json(e.min);
    }
    void operator()(const MonotoneEvidence& e) {
        j["evidence"] = ev_monotone;
        j["signs"] = e.signs;
        j["grad"] = list(e.grad, opt_iv);
        j["form"] = list(e.form, [](const std::optional<std::string>& s) { return s ? json(*s) : json(); });
    }
    void operator()(const StationaryLineEvidence& e) {
        j["evidence"] = ev_stationary_line;
        j["lemma"] = "S7";
        j["c"] = e.c;
        j["type"] = e.type;
        j["hypotheses"] = e.hypotheses;
        j["conclusion"] = e.conclusion;
    }
    void operator()(const UnknownEvidence& e) {
        j["evidence"] = ev_unknown;
        j["reason"] = e.reason;
    }
};

// ---------------------------------------------------------------- strict reading
/// One JSON object read field by field; finish() rejects the fields nobody asked for.
class Fields {
public:
    Fields(const json& j, std::string where) : j_(j), where_(std::move(where)) {
        if (!j.is_object()) bad(where_, "expected an object");
    }
    bool has(const char* k) const { return j_.contains(k); }
    const json& at(const char* k) {
        if (!j_.contains(k)) bad(name(k), "missing");
        used_.insert(k);
        return j_.at(k);
    }
    std::string name(const char* k) const { return where_.empty() ? k : where_ + "." + k; }
    void finish(std::initializer_list<const char*> allowed = {}) const {
        for (auto it = j_.begin(); it != j_.end(); ++it) {
            bool ok = used_.count(it.key()) > 0;
            for (const char* a : allowed) ok = ok || it.key() == a;
            if (!ok) bad(name(it.key().c_str()), "unknown field");
        }
    }

private:
    const json& j_;
    std::string where_;
    std::set<std::string> used_;
};

std::string str(const json& j, const std::string& f) {
    if (!j.is_string()) bad(f, "expected a string");
    return j.get<std::string>();
}
std::string dec(const json& j, const std::string& f) {
    std::string s = str(j, f);
    try {
        (void)Decimal::parse_recorded(s, f);  // recorded enclosures may be far below 1e-100000
    } catch (const std::exception&) {
        bool infinite = false;
        try {
            infinite = !Decimal::parse_extended(s, f).is_finite();
        } catch (const std::exception&) {
        }
        bad(f, (infinite ? "non-finite decimal '" : "malformed decimal '") + s + "'");
    }
    return s;
}
long long integer(const json& j, const std::string& f) {
    if (!j.is_number_integer()) bad(f, "expected an integer");
    return j.get<long long>();
}
std::size_t index_of(const json& j, const std::string& f) {
    long long v = integer(j, f);
    if (v < 0) bad(f, "expected a non-negative integer");
    return static_cast<std::size_t>(v);
}
int sign_of(const json& j, const std::string& f) {
    long long v = integer(j, f);
    if (v != 1 && v != -1) bad(f, "expected 1 or -1");
    return static_cast<int>(v);
}
RecordedInterval interval(const json& j, const std::string& f) {
    if (!j.is_array() || j.size() != 2) bad(f, "expected an enclosure [\"lo\", \"hi\"]");
    RecordedInterval r{dec(j[0], f), dec(j[1], f)};
    if (Decimal::parse_recorded(r.hi) < Decimal::parse_recorded(r.lo)) bad(f, "enclosure with lo > hi");
    return r;
}
const json& array(const json& j, const std::string& f) {
    if (!j.is_array()) bad(f, "expected an array");
    return j;
}
template <class F>
auto read_list(const json& j, const std::string& f, F each) {
    std::vector<decltype(each(j, f))> v;
    std::size_t i = 0;
    for (const auto& x : array(j, f)) v.push_back(each(x, f + "[" + std::to_string(i++) + "]"));
    return v;
}
std::vector<std::string> strings(const json& j, const std::string& f) { return read_list(j, f, str); }
std::vector<std::string> decimals(const json& j, const std::string& f) { return read_list(j, f, dec); }
std::vector<RecordedInterval> intervals(const json& j, const std::string& f) { return read_list(j, f, interval); }
std::vector<std::optional<RecordedInterval>> opt_intervals(const json& j, const std::string& f) {
    return read_list(j, f, [](const json& x, const std::string& g) -> std::optional<RecordedInterval> {
        if (x.is_null()) return std::nullopt;
        return interval(x, g);
    });
}

ExtremumSide read_side(const json& j, const std::string& where) {
    Fields s(j, where);
    ExtremumSide r;
    r.faces = read_list(s.at("faces"), s.name("faces"), [](const json& round, const std::string& f) {
        return read_list(round, f, [](const json& st, const std::string& g) {
            if (!st.is_array() || st.size() != 3) bad(g, "expected [dim, side, enclosure]");
            long long side = integer(st[1], g);
            if (side != 0 && side != 1) bad(g, "side must be 0 or 1");
            return FaceStep{index_of(st[0], g), static_cast<int>(side), interval(st[2], g)};
        });
    });
    r.kind = str(s.at("kind"), s.name("kind"));
    if (r.kind != "vertex" && r.kind != "face" && r.kind != "isolated") bad(s.name("kind"), "unknown kind '" + r.kind + "'");
    r.J = interval(s.at("J"), s.name("J"));
    r.point = interval(s.at("point"), s.name("point"));
    if (r.kind == "isolated") {
        r.Z = read_list(s.at("Z"), s.name("Z"), [](const json& p, const std::string& f) {
            if (!p.is_array() || p.size() != 2) bad(f, "expected [\"lo\", \"hi\"]");
            return std::pair<std::string, std::string>(dec(p[0], f), dec(p[1], f));
        });
        r.Y = decimals(s.at("Y"), s.name("Y"));
        r.Q = decimals(s.at("Q"), s.name("Q"));
        r.K = intervals(s.at("K"), s.name("K"));
    }
    s.finish();
    return r;
}

LemmaEvidence read_lemma(Fields& s) {
    LemmaEvidence e;
    std::string id = str(s.at("lemma"), "lemma");
    bool known = false;
    for (std::size_t i = 0; i < std::size(lemma_names); ++i)
        if (id == lemma_names[i]) e.lemma = static_cast<LemmaId>(i), known = true;
    if (!known) bad("lemma", "unknown lemma '" + id + "'");
    e.hypotheses = strings(s.at("hypotheses"), "hypotheses");
    e.conclusion = str(s.at("conclusion"), "conclusion");
    bool signed_ = e.lemma == LemmaId::S1 || e.lemma == LemmaId::S2 || e.lemma == LemmaId::S8a || e.lemma == LemmaId::S8b ||
                   e.lemma == LemmaId::S12 || e.lemma == LemmaId::S14 || e.lemma == LemmaId::S16 ||
                   e.lemma == LemmaId::S18 || e.lemma == LemmaId::S19;
    if (signed_) {
        e.index = index_of(s.at("index"), "index");
        e.sign = sign_of(s.at("sign"), "sign");
    }
    if (e.lemma == LemmaId::S8a || e.lemma == LemmaId::S8b || e.lemma == LemmaId::S12 || e.lemma == LemmaId::S16 ||
        e.lemma == LemmaId::S18 || e.lemma == LemmaId::S19) {
        e.base = interval(s.at("base"), "base");
        e.remainder = interval(s.at("remainder"), "remainder");
    }
    if (e.lemma == LemmaId::S9) e.T = dec(s.at("T"), "T");
    if (e.lemma == LemmaId::S11) e.tau = dec(s.at("tau"), "tau");
    if (e.lemma == LemmaId::S12) e.s = dec(s.at("s"), "s");
    if (e.lemma == LemmaId::S9 || e.lemma == LemmaId::S11) {
        e.J = interval(s.at("J"), "J");
        e.grad = intervals(s.at("grad"), "grad");
    }
    return e;
}

EvidenceKind read_kind(const std::string& ev, Fields& s) {
    if (ev == ev_excluded) {
        ExcludedEvidence e{index_of(s.at("index"), "index"), sign_of(s.at("sign"), "sign"), false,
                           interval(s.at("grad"), "grad")};
        if (s.has("form")) {
            if (str(s.at("form"), "form") != "bounds") bad("form", "must be 'bounds' when present");
            e.bounds_form = true;
        }
        return e;
    }
    if (ev == ev_lemma) return read_lemma(s);
    if (ev == ev_unique) {
        UniqueEvidence e{decimals(s.at("Y"), "Y"), decimals(s.at("Q"), "Q"), opt_intervals(s.at("K"), "K"),
                         str(s.at("type"), "type"), std::nullopt};
        if (s.has("inertia")) {
            const json& in = s.at("inertia");
            if (!in.is_array() || in.size() != 2) bad("inertia", "expected [negative, positive]");
            // counts of a Hessian's eigenvalue signs: at most its dimension (no model has more than 64)
            const std::size_t neg = index_of(in[0], "inertia"), pos = index_of(in[1], "inertia");
            if (neg > 64 || pos > 64) bad("inertia", "counts above the dimension");
            e.inertia = {static_cast<int>(neg), static_cast<int>(pos)};
        }
        return e;
    }
    if (ev == ev_empty) return EmptyEvidence{decimals(s.at("Y"), "Y"), opt_intervals(s.at("K"), "K")};
    if (ev == ev_plateau) return PlateauEvidence{intervals(s.at("grad"), "grad"), interval(s.at("J"), "J")};
    if (ev == ev_violates) {
        long long i = integer(s.at("index"), "index");
        if (i < -1) bad("index", "must be >= -1");
        return ViolatesEvidence{static_cast<int>(i), decimals(s.at("point"), "point"), interval(s.at("value"), "value")};
    }
    if (ev == ev_bounded) return BoundedEvidence{read_side(s.at("max"), "max"), read_side(s.at("min"), "min")};
    if (ev == ev_monotone) {
        MonotoneEvidence e;
        e.signs = read_list(s.at("signs"), "signs", [](const json& x, const std::string& f) {
            long long v = integer(x, f);
            if (v < -1 || v > 1) bad(f, "must be -1, 0 or 1");
            return static_cast<int>(v);
        });
        e.grad = opt_intervals(s.at("grad"), "grad");
        e.form = read_list(s.at("form"), "form", [](const json& x, const std::string& f) -> std::optional<std::string> {
            if (x.is_null()) return std::nullopt;
            std::string v = str(x, f);
            if (v != "box" && v != "bounds") bad(f, "must be 'box' or 'bounds'");
            return v;
        });
        return e;
    }
    if (ev == ev_stationary_line) {
        if (str(s.at("lemma"), "lemma") != "S7") bad("lemma", "must be 'S7'");
        return StationaryLineEvidence{dec(s.at("c"), "c"), str(s.at("type"), "type"), str(s.at("conclusion"), "conclusion"),
                                      strings(s.at("hypotheses"), "hypotheses")};
    }
    if (ev == ev_unknown) return UnknownEvidence{str(s.at("reason"), "reason")};
    bad("evidence", "unknown evidence kind '" + ev + "'");
}

}  // namespace

const char* lemma_name(LemmaId id) { return lemma_names[static_cast<std::size_t>(id)]; }

const char* evidence_name(const LeafEvidence& e) {
    static const char* const names[] = {ev_excluded, ev_lemma,   ev_unique,   ev_empty,           ev_plateau,
                                        ev_violates, ev_bounded, ev_monotone, ev_stationary_line, ev_unknown};
    return names[e.kind.index()];
}

json to_json(const LeafEvidence& e) {
    json j = json::object();
    j["bits"] = e.bits;
    std::visit(Writer{j}, e.kind);
    return j;
}

LeafEvidence leaf_evidence_from_json(const json& leaf) {
    Fields s(leaf, "");
    std::string ev = str(s.at("evidence"), "evidence");
    LeafEvidence e;
    if (ev == ev_unknown && !s.has("bits")) {
        e.bits = 53;
    } else {
        long long b = integer(s.at("bits"), "bits");
        if (b < 1 || b > 1000000) bad("bits", "out of range");
        e.bits = static_cast<unsigned>(b);
    }
    e.kind = read_kind(ev, s);
    s.finish({"path", "box"});
    return e;
}

}  // namespace gancert::certify
