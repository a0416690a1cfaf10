// Fuzz harness: the fixed-parameter spec parser (reference::parse_fixed, "a=2.2,g=1.5,c=0.5"),
// the model-spec text of `reference --fixed` and of the points readers.
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "gancert/reference/points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    try {
        (void)gancert::reference::parse_fixed(s);
    } catch (const std::exception&) {
    }
    return 0;
}
