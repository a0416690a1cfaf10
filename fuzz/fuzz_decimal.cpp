// Fuzz harness: the decimal parser (arith::is_decimal, arith::Decimal::parse / parse_extended,
// arith::parse_written, arith::parse<S>).
// Any input either parses or throws the documented exception; nothing else (crash, leak, UB, hang).
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    const bool ok = gancert::arith::is_decimal(s);
    try {
        (void)gancert::arith::parse<double>(s, "fuzz");
    } catch (const std::exception&) {
    }
    try {
        (void)gancert::arith::Decimal::parse_extended(s, "fuzz");
    } catch (const std::exception&) {
        (void)ok;
    }
    try {
        (void)gancert::arith::parse_written(s, "fuzz");
    } catch (const std::exception&) {
    }
    return 0;
}
