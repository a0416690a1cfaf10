// gancert/reference/csv.hpp — the small CSV dialect of gancert's reference tables.
//
// Comma-separated, first non-comment line is the header; lines starting with '#' and blank
// lines are skipped; CR before LF is ignored; surrounding spaces and one level of double
// quotes around a field are removed (no embedded commas/newlines). Every row must have as
// many fields as the header. Line numbers are 1-based physical lines of the file, so error
// messages can name "FILE:LINE, column NAME".
//
// Contract: malformed files throw arith::bad_input naming FILE:LINE (and the column); lookups of
// a missing column return std::nullopt or throw where documented.
#pragma once
#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gancert::reference {

struct csv_row {
    std::size_t line = 0;            ///< physical line number (1-based)
    std::vector<std::string> cells;  ///< one per header column
};

struct csv_table {
    std::string source;               ///< file name (for messages)
    std::size_t header_line = 0;
    std::vector<std::string> header;  ///< column names
    std::vector<csv_row> rows;

    /// Index of column `name`, or std::nullopt.
    std::optional<std::size_t> column(std::string_view name) const;
    /// Index of column `name`; throws arith::bad_input "SOURCE: missing column 'NAME'" (+ why).
    std::size_t require_column(std::string_view name, std::string_view why = "") const;
    /// "SOURCE:LINE, column NAME" for messages.
    std::string where(const csv_row& row, std::size_t col) const;
};

/// Reads a CSV table from `in` (named `source` in messages). Throws arith::bad_input for an
/// empty table, duplicate or empty column names, or a row with the wrong number of fields
/// (the message names the file and line).
csv_table read_csv(std::istream& in, const std::string& source);

/// Opens and reads `path`; throws arith::bad_input naming the file if it cannot be opened.
csv_table read_csv_file(const std::string& path);

}  // namespace gancert::reference
