// Fuzz harness: `compare`'s and `reference --points`'s CSV reader (reference::read_csv) and the
// points it yields (reference::read_points, which validates every row's parameters). Either a
// table or the documented bad-input exception.
// Speed (issue 15): read_points validates each row with exact decimal arithmetic (MPFR), and
// libFuzzer's inputs grow to thousands of short rows, so one input used to take milliseconds.
// The reader sees the whole input; the points validator sees the header and the first
// max_rows rows (the same code for every row), so only the repetition is cut.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <stdexcept>
#include <string>

#include "gancert/reference/csv.hpp"
#include "gancert/reference/points.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t max_rows = 8;
    static const auto fixed = gancert::reference::parse_fixed("a=1,g=1,c=0.5");
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    try {
        auto table = gancert::reference::read_csv(in, "fuzz");
        if (table.rows.size() > max_rows) table.rows.resize(max_rows);
        (void)gancert::reference::read_points(table, fixed);
    } catch (const std::exception&) {
    }
    return 0;
}
