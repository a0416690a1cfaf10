// make_box_function: the verifier's factory of models from certificate descriptions.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "gancert/arith/decimal.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/test_functions.hpp"

namespace gancert::certify {

namespace {

/// A description is untrusted data: only the keys its model writes (no ignored extras).
void only_keys(const nlohmann::json& d, const std::string& m, std::initializer_list<const char*> keys) {
    for (auto it = d.begin(); it != d.end(); ++it)
        if (std::none_of(keys.begin(), keys.end(), [&](const char* k) { return it.key() == k; }))
            throw arith::bad_input("model '" + m + "': unknown key '" + it.key() + "'");
}

/// R/S/E/E's fixed/free split: free ⊂ {a, b, g, h} in that order without repeats, fixed ⊂
/// {a, b, g, h, c} finite decimals disjoint from free, every one of a, b, g, h in one of them,
/// c > 0 and a fixed g >= 0 (the domain certify enforces).
void check_rsee_split(const std::map<std::string, std::string>& fixed, const std::vector<std::string>& free) {
    static const std::vector<std::string> order{"a", "b", "g", "h"};
    std::size_t at = 0;
    for (const auto& n : free) {
        auto it = std::find(order.begin() + static_cast<long>(at), order.end(), n);
        if (it == order.end()) throw arith::bad_input("model rsee: free variable '" + n + "' unknown, repeated or out of order (a, b, g, h)");
        at = static_cast<std::size_t>(it - order.begin()) + 1;
    }
    for (const auto& [n, v] : fixed) {
        if (n != "c" && std::find(order.begin(), order.end(), n) == order.end())
            throw arith::bad_input("model rsee: unknown fixed parameter '" + n + "'");
        if (std::find(free.begin(), free.end(), n) != free.end())
            throw arith::bad_input("model rsee: '" + n + "' is both fixed and free");
        Decimal::parse(v, "model.fixed." + n);  // finite, bounded exponent
    }
    for (const auto& n : order)
        if (!fixed.count(n) && std::find(free.begin(), free.end(), n) == free.end())
            throw arith::bad_input("model rsee: '" + n + "' is neither fixed nor free");
    if (!fixed.count("c") || !(Decimal::parse(fixed.at("c"), "c").sign() > 0))
        throw arith::bad_input("model rsee: c missing or not > 0");
    if (fixed.count("g") && Decimal::parse(fixed.at("g"), "g").sign() < 0)
        throw arith::bad_input("model rsee: fixed g = " + fixed.at("g") + " leaves the domain (g >= 0)");
}

}  // namespace

std::unique_ptr<BoxFunction> make_box_function(const nlohmann::json& d) {
    if (!d.is_object() || !d.contains("model") || !d["model"].is_string())
        throw arith::bad_input("model: missing or malformed model description");
    const std::string m = d["model"].get<std::string>();
    try {
        if (m == "test-quadratic") only_keys(d, m, {"model", "centre", "A", "c0"});
        if (m == "test-cubic" || m == "test-degenerate") only_keys(d, m, {"model", "n"});
        if (m == "rsee" || m == "family") only_keys(d, m, {"model", "fixed", "free", "spec"});
        if (m == "rsee" && d.contains("spec")) throw arith::bad_input("model 'rsee': unknown key 'spec'");
        if (m == "test-degenerate" && d.contains("n")) throw arith::bad_input("model 'test-degenerate': unknown key 'n'");
        if (m == "test-cubic" && !(d.contains("n") && d["n"].is_number_unsigned() && d["n"].get<std::uint64_t>() >= 1 &&
                                   d["n"].get<std::uint64_t>() <= 4))
            throw arith::bad_input("model 'test-cubic': n must be an integer 1..4");
        if (m == "test-quadratic")
            return make_test_quadratic(d.at("centre").get<std::vector<std::string>>(),
                                       d.at("A").get<std::vector<std::string>>(), d.at("c0").get<std::string>());
        if (m == "test-cubic") return make_test_cubic(d.at("n").get<unsigned>());
        if (m == "test-degenerate") return make_test_degenerate();
        if (m == "rsee") {
            auto fixed = d.at("fixed").get<std::map<std::string, std::string>>();
            auto free = d.at("free").get<std::vector<std::string>>();
            check_rsee_split(fixed, free);
            return make_rsee_function(fixed, free);
        }
        if (m == "family") {  // family/spec.hpp; the spec is re-parsed (and re-validated)
            auto fixed = d.at("fixed").get<std::map<std::string, std::string>>();
            auto free = d.at("free").get<std::vector<std::string>>();
            const auto spec = d.at("spec").get<std::string>();
            if (!spec.empty() && spec[0] == '@') throw arith::bad_input("model family: the spec must be inline, not a file");
            return make_family_function(spec, fixed, free);
        }
    } catch (const nlohmann::json::exception& e) {
        throw arith::bad_input("model '" + m + "': malformed parameters (" + e.what() + ")");
    }
    throw arith::bad_input("model: unknown model '" + m + "'");
}

}  // namespace gancert::certify
