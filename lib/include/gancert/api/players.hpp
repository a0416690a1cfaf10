// gancert/api/players.hpp — the players' parameters θ of a model of the family given by name,
// as the CLI (--a … / --params "a=..,b=..") and the Python module (keyword arguments) take them.
//
// Contract: family_players returns θ in player order (family::player_names) when exactly the
// model's four players are given (each a string; checked as decimals later by
// family::validate_players); an unknown name (not a player of this model, e.g. c or l for an
// erf discriminator) or a missing player throws arith::bad_parameter naming that parameter.
// parse_named_list splits "a=1,b=-2.5" into (name, value) pairs (arith::parse_named_values); a
// malformed item, a name given twice or an empty list throws arith::bad_parameter naming `parameter`.
#pragma once
#include <array>
#include <map>
#include <string>

#include "gancert/family/spec.hpp"

namespace gancert::api {

/// θ in player order from {name: exact decimal} (see header).
std::array<std::string, 4> family_players(const family::ModelSpec& m, const std::map<std::string, std::string>& given);

/// "a=1,b=-2.5,g=0.5,h=0" → {a: 1, b: -2.5, …} (see header; `parameter` names the list).
std::map<std::string, std::string> parse_named_list(const std::string& text, const std::string& parameter);

}  // namespace gancert::api
