// The players' parameters of a family model by name (api/players.hpp).
#include "gancert/api/players.hpp"

#include <algorithm>
#include <sstream>

#include "gancert/arith/errors.hpp"

namespace gancert::api {
namespace {
std::string trim(const std::string& s) {
    const auto a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}
}  // namespace

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
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const auto eq = item.find('=');
        const std::string name = trim(eq == std::string::npos ? item : item.substr(0, eq));
        if (eq == std::string::npos || name.empty())
            throw arith::bad_parameter(parameter, "'" + trim(item) + "' is not name=value (e.g. \"a=2,b=1,g=1,h=0\")");
        if (!out.emplace(name, trim(item.substr(eq + 1))).second)
            throw arith::bad_parameter(parameter, "'" + name + "' given twice");
    }
    if (out.empty()) throw arith::bad_parameter(parameter, "empty list (e.g. \"a=2,b=1,g=1,h=0\")");
    return out;
}

}  // namespace gancert::api
