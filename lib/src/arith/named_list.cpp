// The one parser of name=value and name=lo:hi lists (arith/named_list.hpp).
#include "gancert/arith/named_list.hpp"

#include <cctype>

#include "gancert/arith/errors.hpp"

namespace gancert::arith {

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

namespace {

/// The items of `text` split at ','; a trailing empty item is dropped.
std::vector<std::string_view> items(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t p = text.find(',', start);
        if (p == std::string_view::npos) {
            out.push_back(text.substr(start));
            break;
        }
        out.push_back(text.substr(start, p - start));
        start = p + 1;
    }
    return out;
}

[[noreturn]] void fail(const std::string& parameter, const std::string& context, const std::string& message) {
    throw bad_parameter(parameter, context.empty() ? message : context + ": " + message);
}

template <class Item>
void check_new(const std::vector<Item>& seen, const std::string& name, const std::string& parameter,
               const std::string& context) {
    for (const auto& s : seen)
        if (s.name == name) fail(parameter, context, "parameter '" + name + "' given twice");
}

}  // namespace

std::vector<named_value> parse_named_values(std::string_view text, const std::string& parameter,
                                            const std::string& context) {
    std::vector<named_value> out;
    for (std::string_view item : items(text)) {
        const auto eq = item.find('=');
        named_value v{trim(item.substr(0, eq)), eq == std::string_view::npos ? std::string() : trim(item.substr(eq + 1))};
        if (eq == std::string_view::npos || v.name.empty())
            fail(parameter, context, "'" + trim(item) + "' is not name=value");
        check_new(out, v.name, parameter, context);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<named_range> parse_named_ranges(std::string_view text, const std::string& parameter,
                                            const std::string& context) {
    std::vector<named_range> out;
    for (std::string_view item : items(text)) {
        const auto eq = item.find('=');
        const auto colon = eq == std::string_view::npos ? eq : item.find(':', eq);
        named_range r;
        if (colon != std::string_view::npos)
            r = {trim(item.substr(0, eq)), trim(item.substr(eq + 1, colon - eq - 1)), trim(item.substr(colon + 1))};
        if (colon == std::string_view::npos || r.name.empty())
            fail(parameter, context, "malformed item '" + trim(item) + "' (expected name=lo:hi)");
        check_new(out, r.name, parameter, context);
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace gancert::arith
