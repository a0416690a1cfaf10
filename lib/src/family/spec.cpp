// The model spec: component table, parsing, canonical printing, player domains (family/spec.hpp).
// The table below is the one place that knows which components and parameters exist.
#include "gancert/family/spec.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "gancert/api/limits.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/named_list.hpp"

namespace gancert::family {
namespace {

enum class Domain { any, positive, open_unit };

struct ParamDecl {
    const char* name;
    Domain domain;
    const char* default_value;  // nullptr: required
};

struct KindDecl {
    const char* name;
    std::vector<const char*> aliases;
    std::vector<ParamDecl> params;
};

struct RoleDecl {
    const char* role;
    std::vector<KindDecl> kinds;
};

const std::vector<RoleDecl>& table() {
    static const std::vector<RoleDecl> t{
        {"data",
         {{"exp", {"exponential"}, {{"c", Domain::positive, nullptr}}},
          {"gaussian", {"normal"}, {{"mu", Domain::any, nullptr}, {"sigma", Domain::positive, nullptr}}},
          {"exp2",
           {"exp-2d"},
           {{"c1", Domain::positive, nullptr},
            {"c2", Domain::positive, nullptr},
            {"w1", Domain::positive, "1"},
            {"w2", Domain::positive, "1"}}},
          {"mixture",
           {},
           {{"w", Domain::open_unit, nullptr},
            {"mu1", Domain::any, nullptr},
            {"s1", Domain::positive, nullptr},
            {"mu2", Domain::any, nullptr},
            {"s2", Domain::positive, nullptr}}}}},
        {"latent",
         {{"rayleigh", {}, {}},
          {"gaussian", {"normal"}, {{"mu", Domain::any, "0"}, {"sigma", Domain::positive, "1"}}},
          {"uniform", {}, {}}}},
        {"gen", {{"square", {"square-law"}, {}}, {"affine", {"linear"}, {}}}},
        {"disc", {{"erf", {}, {}}, {"logistic", {}, {}}, {"indicator", {"interval"}, {}}}},
        {"cost", {{"ls", {"least-squares"}, {}}, {"log", {"minimax"}, {}}, {"nonsat", {"non-saturating", "ns"}, {}}}},
    };
    return t;
}

[[noreturn]] void fail(const std::string& msg) { throw arith::bad_parameter("model", msg); }

std::string kinds_list(const RoleDecl& r) {
    std::string s;
    for (const auto& k : r.kinds) s += (s.empty() ? "" : ", ") + std::string(k.name);
    return s;
}

const RoleDecl& role_decl(const std::string& role) {
    for (const auto& r : table())
        if (role == r.role) return r;
    fail("unknown component '" + role + "' (one of data, latent, gen, disc, cost)");
}

void check_domain(const std::string& where, const ParamDecl& p, const std::string& v) {
    arith::Decimal d;
    try {
        d = arith::Decimal::parse(v, p.name);
    } catch (const arith::bad_parameter& e) {
        fail(where + ": " + p.name + "=" + e.message());
    }
    if (p.domain == Domain::positive && d.sign() <= 0)
        fail(where + ": " + p.name + "='" + v + "' is outside the domain (" + p.name + " > 0)");
    if (p.domain == Domain::open_unit && (d.sign() <= 0 || d >= arith::Decimal(1)))
        fail(where + ": " + p.name + "='" + v + "' is outside the domain (0 < " + p.name + " < 1)");
}

using arith::trim;

/// Builds a component of `role` from its kind name and the given name=value pairs.
Component make_component(const std::string& role, const std::string& kind_in,
                         const std::vector<std::pair<std::string, std::string>>& given) {
    const RoleDecl& r = role_decl(role);
    const KindDecl* kind = nullptr;
    for (const auto& k : r.kinds) {
        if (kind_in == k.name) kind = &k;
        for (const char* a : k.aliases)
            if (kind_in == a) kind = &k;
    }
    if (!kind) fail("unknown " + role + " '" + kind_in + "' (one of " + kinds_list(r) + ")");
    const std::string where = role + "=" + kind->name;
    for (const auto& entry : given) {
        const std::string& name = entry.first;  // not a structured binding: lambdas capture it (clang 14)
        const bool known = std::any_of(kind->params.begin(), kind->params.end(),
                                       [&](const ParamDecl& p) { return name == p.name; });
        if (!known) {
            std::string names;
            for (const auto& p : kind->params) names += (names.empty() ? "" : ", ") + std::string(p.name);
            fail(where + ": unknown parameter '" + name + "'" +
                 (names.empty() ? " (it has no parameters)" : " (its parameters: " + names + ")"));
        }
        if (std::count_if(given.begin(), given.end(), [&](const auto& g) { return g.first == name; }) > 1)
            fail(where + ": parameter '" + name + "' given twice");
    }
    Component c{kind->name, {}};
    for (const auto& p : kind->params) {
        auto it = std::find_if(given.begin(), given.end(), [&](const auto& g) { return g.first == p.name; });
        std::string v;
        if (it != given.end()) v = trim(it->second);
        else if (p.default_value) v = p.default_value;
        else fail(where + ": missing parameter '" + p.name + "'");
        check_domain(where, p, v);
        c.params.emplace_back(p.name, v);
    }
    return c;
}

/// "kind" or "kind(name=value, …)".
Component parse_component_text(const std::string& role, const std::string& text) {
    const std::string t = trim(text);
    const auto open = t.find('(');
    if (open == std::string::npos) {
        if (t.find(')') != std::string::npos) fail(role + "=" + t + ": unbalanced ')'");
        return make_component(role, t, {});
    }
    if (t.back() != ')') fail(role + "=" + t + ": expected ')' at the end");
    std::vector<std::pair<std::string, std::string>> given;
    std::string inner = t.substr(open + 1, t.size() - open - 2);
    if (inner.find('(') != std::string::npos || inner.find(')') != std::string::npos)
        fail(role + "=" + t + ": nested parentheses");
    for (auto& v : arith::parse_named_values(inner, "model", role + "=" + t))
        given.emplace_back(std::move(v.name), std::move(v.value));
    return make_component(role, trim(t.substr(0, open)), given);
}

/// At most 60 characters of `s` for a message (a hostile value may be megabytes long).
std::string excerpt(const std::string& s) { return s.size() <= 60 ? s : s.substr(0, 57) + "..."; }

Component parse_component_json(const std::string& role, const nlohmann::json& j) {
    if (j.is_string()) return parse_component_text(role, j.get<std::string>());
    if (!j.is_object()) fail(role + ": expected a string or an object, got " + excerpt(j.dump()));
    std::string kind;
    std::vector<std::pair<std::string, std::string>> given;
    for (const auto& [k, v] : j.items()) {
        if (k == "kind") {
            if (!v.is_string()) fail(role + ": \"kind\" must be a string");
            kind = v.get<std::string>();
        } else if (v.is_string()) {
            given.emplace_back(k, v.get<std::string>());
        } else if (v.is_number_integer()) {
            given.emplace_back(k, v.dump());  // exact (a number with a fraction or exponent is its text, SpecSax)
        } else {
            fail(role + ": parameter '" + k + "' must be a decimal string or a number");
        }
    }
    if (kind.empty()) fail(role + ": missing \"kind\"");
    return make_component(role, kind, given);
}

void check_composition(const ModelSpec& m) {
    if (m.disc.kind == "indicator" && m.cost.kind != "ls")
        fail("disc=indicator needs cost=ls (cost=" + m.cost.kind + " takes log D = -infinity off the interval)");
}

ModelSpec assemble(std::vector<std::pair<std::string, Component>> parts) {
    ModelSpec m;
    std::array<Component*, 5> slots{&m.data, &m.latent, &m.gen, &m.disc, &m.cost};
    for (std::size_t i = 0; i < table().size(); ++i) {
        const std::string role = table()[i].role;
        int found = 0;
        for (auto& [r, c] : parts)
            if (r == role) *slots[i] = c, ++found;
        if (found == 0) fail("missing '" + role + "=' (one of " + kinds_list(table()[i]) + ")");
        if (found > 1) fail("'" + role + "=' given twice");
    }
    check_composition(m);
    return m;
}

ModelSpec parse_text(const std::string& text) {
    std::vector<std::pair<std::string, Component>> parts;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size()) break;
        std::size_t j = i;
        int depth = 0;
        while (j < text.size() && (depth > 0 || !std::isspace(static_cast<unsigned char>(text[j])))) {
            if (text[j] == '(') ++depth;
            if (text[j] == ')') --depth;
            ++j;
        }
        const std::string token = text.substr(i, j - i);
        if (depth != 0) fail("'" + token + "': unbalanced parentheses");
        const auto eq = token.find('=');
        if (eq == std::string::npos || eq == 0)
            fail("'" + token + "' is not component=kind (components: data, latent, gen, disc, cost)");
        const std::string role = token.substr(0, eq);
        (void)role_decl(role);
        parts.emplace_back(role, parse_component_text(role, token.substr(eq + 1)));
        i = j;
    }
    if (parts.empty()) fail("empty model spec");
    return assemble(std::move(parts));
}

/// nlohmann's DOM builder with two changes for the spec: a JSON number with a fraction or an
/// exponent keeps its own decimal text (a string: 0.30000000000000001 is that decimal, not the
/// nearest double, and -1e-400 is not -0; integers are exact in the DOM anyway; one beyond the
/// double range is refused by the parser, "number overflow"), and a
/// document nested deeper than limits::max_model_depth is refused while it is parsed (the
/// parser is iterative), so no recursive use of the value (dump(), destruction) sees it.
class SpecSax : public nlohmann::detail::json_sax_dom_parser<nlohmann::json> {
    using base = nlohmann::detail::json_sax_dom_parser<nlohmann::json>;
    unsigned depth_ = 0;
    std::vector<std::set<std::string>> keys_;  // of each open object
    void enter() {
        if (++depth_ > limits::max_model_depth)
            fail("the JSON form is nested deeper than " + std::to_string(limits::max_model_depth) + " levels");
    }

public:
    using base::base;
    bool number_float(double, const std::string& text) {
        std::string copy = text;
        return base::string(copy);
    }
    bool start_object(std::size_t n) { return enter(), keys_.emplace_back(), base::start_object(n); }
    bool start_array(std::size_t n) { return enter(), base::start_array(n); }
    bool end_object() { return --depth_, keys_.pop_back(), base::end_object(); }
    bool end_array() { return --depth_, base::end_array(); }
    /// A key given twice in one object is refused (as a parameter or component given twice in
    /// the text form), not silently the last one.
    bool key(std::string& k) {
        if (!keys_.back().insert(k).second) fail("the JSON form gives '" + excerpt(k) + "' twice in one object");
        return base::key(k);
    }
};

ModelSpec parse_json(const std::string& text) {
    nlohmann::json j;
    try {
        SpecSax sax(j);
        nlohmann::json::sax_parse(text, &sax);
    } catch (const nlohmann::json::exception& e) {
        fail(std::string("not valid JSON: ") + e.what());
    }
    if (!j.is_object()) fail("the JSON form must be an object {\"data\": …, \"latent\": …, …}");
    std::vector<std::pair<std::string, Component>> parts;
    for (const auto& [role, v] : j.items()) {
        (void)role_decl(role);
        parts.emplace_back(role, parse_component_json(role, v));
    }
    return assemble(std::move(parts));
}

}  // namespace

const std::string& Component::param(std::string_view name) const {
    for (const auto& [n, v] : params)
        if (n == name) return v;
    throw std::logic_error("gancert model family: component " + kind + " has no parameter " + std::string(name));
}

ModelSpec parse_model(std::string_view text_in) {
    std::string text = trim(text_in);
    if (!text.empty() && text[0] == '@') {
        const std::string path = text.substr(1);
        limits::check_not_fifo(path, "model file ");
        std::ifstream in(path, std::ios::binary);
        if (!in) fail("cannot read the model file '" + path + "'");
        // at most limits::max_model_file_bytes (a device such as /dev/zero has no end)
        std::string data(limits::max_model_file_bytes + 1, '\0');
        in.read(data.data(), static_cast<std::streamsize>(data.size()));
        if (in.bad()) fail("cannot read the model file '" + path + "'");
        data.resize(static_cast<std::size_t>(in.gcount()));
        if (data.size() > limits::max_model_file_bytes)
            fail("the model file '" + path + "' is larger than the maximum " +
                 std::to_string(limits::max_model_file_bytes >> 20) + " MiB");
        text = trim(data);
    }
    if (!text.empty() && text[0] == '{') return parse_json(text);
    return parse_text(text);
}

std::string canonical(const ModelSpec& m) {
    std::string s;
    const std::array<const Component*, 5> slots{&m.data, &m.latent, &m.gen, &m.disc, &m.cost};
    for (std::size_t i = 0; i < slots.size(); ++i) {
        s += (i ? " " : "") + std::string(table()[i].role) + "=" + slots[i]->kind;
        std::string args;
        for (const auto& [n, v] : slots[i]->params) args += (args.empty() ? "" : ",") + n + "=" + v;
        if (!args.empty()) s += "(" + args + ")";
    }
    return s;
}

nlohmann::ordered_json to_json(const ModelSpec& m) {
    nlohmann::ordered_json j;
    const std::array<const Component*, 5> slots{&m.data, &m.latent, &m.gen, &m.disc, &m.cost};
    for (std::size_t i = 0; i < slots.size(); ++i) {
        nlohmann::ordered_json c;
        c["kind"] = slots[i]->kind;
        for (const auto& [n, v] : slots[i]->params) c[n] = v;
        j[table()[i].role] = c;
    }
    return j;
}

ModelSpec paper_model(const std::string& c) {
    return parse_text("data=exp(c=" + c + ") latent=rayleigh gen=square disc=erf cost=ls");
}

std::array<std::string, 4> player_names(const ModelSpec& m) {
    if (m.disc.kind == "indicator") return {"l", "r", "g", "h"};
    return {"a", "b", "g", "h"};
}

void validate_players(const ModelSpec& m, const std::array<std::string, 4>& theta) {
    const auto names = player_names(m);
    std::array<arith::Decimal, 4> x;
    for (std::size_t i = 0; i < 4; ++i) x[i] = arith::Decimal::parse(theta[i], names[i]);
    auto bad = [&](std::size_t i, const std::string& why) {
        throw arith::bad_parameter(names[i], "'" + theta[i] + "' is outside the domain (" + why + ")");
    };
    if (m.disc.kind == "logistic" && x[0].sign() <= 0)
        bad(0, "disc=logistic needs a > 0: D = 1/(1 + a e^{-bx}) has a real pole for a < 0");
    if (m.disc.kind == "indicator") {
        if (x[0] >= x[1]) bad(0, "disc=indicator needs l < r, r = '" + theta[1] + "'");
        if (m.gen.kind == "square" && x[2].sign() <= 0)
            bad(2, "disc=indicator with gen=square needs g > 0");
        if (m.gen.kind == "affine" && x[2].sign() == 0)
            bad(2, "disc=indicator with gen=affine needs g != 0");
    }
    if (m.gen.kind == "square" && x[2].sign() < 0) bad(2, "gen=square needs g >= 0");
    // a resource limit, not a domain: the integral path's cost grows without bound with |θ| (at
    // 1e300 a single evaluation runs for minutes), so magnitudes above max_player_magnitude are refused
    static const arith::Decimal max_magnitude = arith::Decimal::parse(max_player_magnitude);
    for (std::size_t i = 0; i < 4; ++i) {
        if (x[i].abs() > max_magnitude)
            throw arith::bad_parameter(names[i], "'" + theta[i] + "' exceeds the family's maximum magnitude " +
                                                     std::string(max_player_magnitude) + " (docs/limits.md)");
    }
}

}  // namespace gancert::family
