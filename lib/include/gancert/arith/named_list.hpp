// gancert/arith/named_list.hpp — the one parser of "name=value,…" lists (fixed parameters,
// points, a model component's parameters) and "name=lo:hi,…" boxes.
//
// The CLI, the Python binding, the certifier, the reference tools and the family spec all split
// their lists here, so every list accepts the same spellings: items separated by ',' (a trailing
// empty item, as in "a=1,", is ignored), each item `name=value` with white space around name and
// value trimmed; a range value is `lo:hi`, split at its first ':'. Values are returned as typed: the
// callers check them as exact decimals (arith::Decimal) against their own domains and names.
//
// Contract: order is kept; an item that is not name=value (no '=', empty name), a range that is
// not lo:hi, or a name given twice throws arith::bad_parameter(parameter, …) whose message starts
// with `context` (if any) and quotes the item. Empty text gives an empty list.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace gancert::arith {

struct named_value {
    std::string name, value;
};
struct named_range {
    std::string name, lo, hi;
};

/// s without leading and trailing white space (std::isspace).
std::string trim(std::string_view s);

/// "a=2.2,b=-3" → {{"a", "2.2"}, {"b", "-3"}} (see the header comment).
std::vector<named_value> parse_named_values(std::string_view text, const std::string& parameter,
                                            const std::string& context = {});

/// "b=-6:6,h=0:1" → {{"b", "-6", "6"}, {"h", "0", "1"}} (see the header comment).
std::vector<named_range> parse_named_ranges(std::string_view text, const std::string& parameter,
                                            const std::string& context = {});

}  // namespace gancert::arith
