// Fuzz harness: `compare`'s and `reference --points`'s CSV reader (reference::read_csv) and the
// points it yields (reference::read_points). Either a table or the documented bad-input exception.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gancert/reference/csv.hpp"
#include "gancert/reference/points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        auto table = gancert::reference::read_csv(in, "fuzz");
        (void)gancert::reference::read_points(table, gancert::reference::parse_fixed("a=1,g=1,c=0.5"));
    } catch (const std::exception&) {
    }
    return 0;
}
