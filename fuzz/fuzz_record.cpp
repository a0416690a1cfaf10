// Fuzz harness: the certificate reader, line by line as `verify` reads it (certify::parse_record).
// A line is either a JSON value or rejected with std::runtime_error, in bounded stack and time.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gancert/certify/record.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    std::string line;
    while (std::getline(in, line)) {
        try {
            (void)gancert::certify::parse_record(line).dump();
        } catch (const std::exception&) {
        }
    }
    return 0;
}
