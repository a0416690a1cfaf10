// The text form of a parameter box (api/box.hpp).
#include "gancert/api/box.hpp"

#include "gancert/arith/errors.hpp"

namespace gancert::api {

std::vector<BoxRange> parse_box(const std::string& text) {
    if (text.empty()) throw arith::bad_parameter("box", "required (e.g. \"b=-6:6,h=-6:6\")");
    return arith::parse_named_ranges(text, "box");
}

std::map<std::string, std::pair<std::string, std::string>> box_ranges(const std::vector<BoxRange>& box) {
    std::map<std::string, std::pair<std::string, std::string>> m;
    for (const auto& r : box) m[r.name] = {r.lo, r.hi};
    return m;
}

}  // namespace gancert::api
