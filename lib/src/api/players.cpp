// The players' parameters of a family model by name (api/players.hpp).
#include "gancert/api/players.hpp"

#include <algorithm>

#include "gancert/arith/errors.hpp"
#include "gancert/arith/named_list.hpp"

namespace gancert::api {
std::array<std::string, 4> family_players(const family::ModelSpec& m, const std::map<std::string, std::string>& given) {
    const auto names = family::player_names(m);
    const std::string players = names[0] + ", " + names[1] + ", " + names[2] + ", " + names[3];
    for (const auto& entry : given)
        if (std::find(names.begin(), names.end(), entry.first) == names.end())
            throw arith::bad_parameter(entry.first, "not a parameter of the players of the model '" + family::canonical(m) +
                                                        "' (its players: " + players +
                                                        "; fixed parameters belong in the model spec)");
    std::array<std::string, 4> theta;
    for (std::size_t i = 0; i < 4; ++i) {
        const auto it = given.find(names[i]);
        if (it == given.end())
            throw arith::bad_parameter(names[i], "required by the model '" + family::canonical(m) + "' (its players: " +
                                                     players + ")");
        theta[i] = it->second;
    }
    return theta;
}

std::map<std::string, std::string> parse_named_list(const std::string& text, const std::string& parameter) {
    std::map<std::string, std::string> out;
    for (auto& v : arith::parse_named_values(text, parameter)) out.emplace(std::move(v.name), std::move(v.value));
    if (out.empty()) throw arith::bad_parameter(parameter, "empty list (e.g. \"a=2,b=1,g=1,h=0\")");
    return out;
}

}  // namespace gancert::api
