#include "gancert/certify/model_factory.hpp"

#include <sstream>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/named_list.hpp"
#include "gancert/certify/test_functions.hpp"
#include "gancert/model/paper_cases.hpp"

namespace gancert::certify {
std::vector<std::string> split_list(const std::string& s, char sep) {
    std::vector<std::string> r;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) r.push_back(cur);
    return r;
}

std::string box_text(const std::vector<std::string>& names, const Box& root) {
    std::ostringstream t;
    for (std::size_t i = 0; i < names.size(); ++i)
        t << (i ? ", " : "") << names[i] << " in [" << root.lo[i].str() << ", " << root.hi[i].str() << "]";
    return t.str();
}

ModelSetup make_model(const ModelRequest& req) {
    if (is_family_spec(req.model)) return make_family_model(req);
    ModelSetup s;
    std::vector<std::string> names;
    if (req.model == "rsee") {
        std::map<std::string, std::string> fixed;
        if (!req.case_name.empty()) {
            const auto p = model::paper_case(model::parse_paper_case(req.case_name));
            fixed = {{"a", p.a}, {"b", p.b}, {"g", p.g}, {"h", p.h}, {"c", p.c}};
        }
        if (!req.params.empty()) {
            for (const auto& item : arith::parse_named_values(req.params, "params")) {
                const std::string& n = item.name;
                if (n != "a" && n != "b" && n != "g" && n != "h" && n != "c")
                    throw arith::bad_parameter("params", "unknown parameter '" + n + "' (a, b, g, h, c)");
                Decimal::parse(item.value, "params " + n);
                fixed[n] = item.value;
            }
        }
        for (const auto& [n, r] : req.ranges)
            if (n != "a" && n != "b" && n != "g" && n != "h")
                throw arith::bad_parameter("box", "unknown or non-free parameter '" + n + "' (a, b, g, h)");
        for (const char* n : {"a", "b", "g", "h"})
            if (req.ranges.count(n)) names.push_back(n);
            else if (!fixed.count(n))
                throw arith::bad_parameter("params", std::string("parameter '") + n + "' is neither fixed nor in --box");
        if (!fixed.count("c")) throw arith::bad_parameter("params", "parameter 'c' is required (or --case)");
        if (!(Decimal::parse(fixed["c"], "c").sign() > 0))
            throw arith::named_error("params c", "'" + fixed["c"] + "' leaves the domain (c > 0)");
        if (!req.ranges.count("g") && Decimal::parse(fixed["g"], "g").sign() < 0)
            throw arith::named_error("params g", "'" + fixed["g"] + "' leaves the domain (g >= 0)");
        if (req.ranges.count("g") && Decimal::parse(req.ranges.at("g").first, "box g").sign() < 0)
            throw arith::named_error("box g", "lower bound '" + req.ranges.at("g").first + "' leaves the domain (g >= 0)");
        for (const auto& n : names) fixed.erase(n);
        std::vector<std::string> lo, hi;
        for (const auto& n : names) {
            lo.push_back(req.ranges.at(n).first);
            hi.push_back(req.ranges.at(n).second);
        }
        s.root = make_root_box(names, lo, hi);
        s.function = make_rsee_function(fixed, names);
    } else {
        if (req.model == "test-degenerate") s.function = make_test_degenerate();
        else if (req.model == "test-cubic") s.function = make_test_cubic(static_cast<unsigned>(req.ranges.size()));
        else throw arith::bad_parameter("model", "unknown model '" + req.model + "' (rsee, a test functor or a model spec such as \"data=exp(c=0.5) latent=rayleigh gen=square disc=logistic cost=ls\")");
        names = s.function->names();
        std::vector<std::string> lo, hi;
        for (const auto& n : names) {
            auto it = req.ranges.find(n);
            if (it == req.ranges.end()) throw arith::bad_parameter("box", "variable '" + n + "' missing");
            lo.push_back(it->second.first);
            hi.push_back(it->second.second);
        }
        for (const auto& [n, r] : req.ranges)
            if (std::find(names.begin(), names.end(), n) == names.end())
                throw arith::bad_parameter("box", "unknown variable '" + n + "'");
        s.root = make_root_box(names, lo, hi);
    }
    s.box_text = box_text(names, s.root);
    return s;
}

}  // namespace gancert::certify
