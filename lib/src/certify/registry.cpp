// make_box_function: the verifier's factory of models from certificate descriptions.
#include <string>

#include "gancert/arith/decimal.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/test_functions.hpp"

namespace gancert::certify {

std::unique_ptr<BoxFunction> make_box_function(const nlohmann::json& d) {
    if (!d.is_object() || !d.contains("model") || !d["model"].is_string())
        throw arith::bad_input("model: missing or malformed model description");
    const std::string m = d["model"].get<std::string>();
    try {
        if (m == "test-quadratic")
            return make_test_quadratic(d.at("centre").get<std::vector<std::string>>(),
                                       d.at("A").get<std::vector<std::string>>(), d.at("c0").get<std::string>());
        if (m == "test-cubic") return make_test_cubic(d.at("n").get<unsigned>());
        if (m == "test-degenerate") return make_test_degenerate();
        if (m == "rsee") {
            auto fixed = d.at("fixed").get<std::map<std::string, std::string>>();
            auto free = d.at("free").get<std::vector<std::string>>();
            for (const auto& [n, v] : fixed) Decimal::parse(v, "model.fixed." + n);
            if (!fixed.count("c") || !(Decimal::parse(fixed["c"], "c").sign() > 0))
                throw arith::bad_input("model rsee: c missing or not > 0");
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
