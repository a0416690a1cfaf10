#include "gancert/reference/quantities.hpp"

#include <string>

#include "gancert/arith/errors.hpp"

namespace gancert::reference {

std::optional<std::size_t> quantity_index(std::string_view name) {
    for (std::size_t i = 0; i < quantity_count; ++i)
        if (quantity_names[i] == name) return i;
    return std::nullopt;
}

std::vector<std::size_t> parse_quantities(std::string_view spec) {
    std::array<bool, quantity_count> chosen{};
    auto range = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) chosen[i] = true;
    };
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = spec.find(',', start);
        std::string_view item = spec.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (item == "cost")
            range(0, 3);
        else if (item == "grad")
            range(3, 7);
        else if (item == "hess")
            range(7, quantity_count);
        else if (item == "all")
            range(0, quantity_count);
        else if (auto q = quantity_index(item))
            chosen[*q] = true;
        else
            throw arith::bad_parameter("quantities", "unknown quantity '" + std::string(item) +
                                       "' (use J1, J2, J, g_a..g_h, H_aa..H_hh or the groups cost, grad, hess, all)");
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < quantity_count; ++i)
        if (chosen[i]) out.push_back(i);
    return out;
}

}  // namespace gancert::reference
