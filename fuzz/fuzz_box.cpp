// Fuzz harness: the box parser (api::parse_box, "b=-6:6,h=-6:6") and the grid parser
// (reference::parse_grid, "b=-6:6:25"). Either a result or the documented bad-input exception.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "gancert/api/box.hpp"
#include "gancert/reference/points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    try {
        auto box = gancert::api::parse_box(s);
        (void)gancert::api::box_ranges(box);
    } catch (const std::exception&) {
    }
    try {
        (void)gancert::reference::parse_grid(s);
    } catch (const std::exception&) {
    }
    return 0;
}
