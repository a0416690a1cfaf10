// Fuzz harness: the certificate reader as `verify` and `--resume` read it: read_record_line
// (bounded line reader) over the input, then certify::parse_record on each line. A line is
// either a JSON value or rejected with std::runtime_error, in bounded stack and time.
// Speed (issue 15): libFuzzer's inputs grow to thousands of short lines, and each rejected line
// costs an exception (microseconds under ASan), so one input used to take milliseconds. The
// harness reads at most max_lines lines of an input: the reader and the parser see every byte
// of those lines, and the whole input is also parsed as one line (a JSON value may span the
// input's newlines), so nothing the parser is given is skipped; only inputs of many lines are cut.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gancert/certify/record.hpp"

namespace {
constexpr int max_lines = 8;

void parse(const std::string& line) {
    try {
        (void)gancert::certify::parse_record(line).dump();
    } catch (const std::exception&) {
    }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    parse(s);
    std::istringstream in(s);
    std::string line;
    bool complete = false;
    for (int n = 0; n < max_lines; ++n) {
        try {
            if (!gancert::certify::read_record_line(in, line, complete)) break;
        } catch (const std::exception&) {
            break;
        }
        if (complete || !line.empty()) parse(line);
    }
    return 0;
}
