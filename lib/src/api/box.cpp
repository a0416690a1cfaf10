// The text form of a parameter box (api/box.hpp).
#include "gancert/api/box.hpp"

#include <sstream>

#include "gancert/arith/errors.hpp"

namespace gancert::api {

std::vector<BoxRange> parse_box(const std::string& text) {
    if (text.empty()) throw arith::bad_parameter("box", "required (e.g. \"b=-6:6,h=-6:6\")");
    std::vector<BoxRange> out;
    std::stringstream in(text);
    std::string item;
    while (std::getline(in, item, ',')) {
        const auto eq = item.find('=');
        const auto colon = item.find(':', eq == std::string::npos ? 0 : eq);
        if (eq == std::string::npos || colon == std::string::npos || eq == 0)
            throw arith::bad_parameter("box", "malformed item '" + item + "' (expected name=lo:hi)");
        BoxRange r{item.substr(0, eq), item.substr(eq + 1, colon - eq - 1), item.substr(colon + 1)};
        for (const auto& o : out)
            if (o.name == r.name) throw arith::bad_parameter("box", "variable '" + r.name + "' given twice");
        out.push_back(std::move(r));
    }
    return out;
}

std::map<std::string, std::pair<std::string, std::string>> box_ranges(const std::vector<BoxRange>& box) {
    std::map<std::string, std::pair<std::string, std::string>> m;
    for (const auto& r : box) m[r.name] = {r.lo, r.hi};
    return m;
}

}  // namespace gancert::api
