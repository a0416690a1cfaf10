// gancert/api/box.hpp — the text form of a parameter box, "b=-6:6,h=-6:6", as the CLI
// (`gancert surface`) and the Python module (gancert.certify) accept it.
//
// Contract. parse_box() only splits the text (arith::parse_named_ranges): it returns the items
// in the user's order with their bounds as the exact decimal strings typed (not yet checked as numbers: the certifier's
// model factory and the surface command check them against their own domains). Throws
// arith::bad_parameter("box", …) for an empty text, a malformed item (not name=lo:hi) or a
// variable given twice.
#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "gancert/arith/named_list.hpp"

namespace gancert::api {

using BoxRange = arith::named_range;

std::vector<BoxRange> parse_box(const std::string& text);

/// The same as the map name → (lo, hi) of certify::ModelRequest::ranges.
std::map<std::string, std::pair<std::string, std::string>> box_ranges(const std::vector<BoxRange>& box);

}  // namespace gancert::api
