// Fuzz harness: the decimal parsers (arith::is_decimal / arith::parse, reference::parse_exact_decimal).
// Any input either parses or throws the documented exception; nothing else (crash, leak, UB, hang).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/reference/exact_decimal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    const bool ok = gancert::arith::is_decimal(s);
    try {
        (void)gancert::arith::parse<double>(s, "fuzz");
    } catch (const std::exception&) {
    }
    try {
        (void)gancert::reference::parse_exact_decimal(s, "fuzz");
    } catch (const std::exception&) {
        (void)ok;
    }
    return 0;
}
