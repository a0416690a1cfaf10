#include "gancert/reference/csv.hpp"

#include <fstream>
#include <sstream>
#include <set>

#include "gancert/api/limits.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/arith/named_list.hpp"

namespace gancert::reference {

namespace {
/// A cell: trimmed, and unquoted if it is "…".
std::string cell(std::string_view s) {
    std::string t = arith::trim(s);
    if (t.size() >= 2 && t.front() == '"' && t.back() == '"') t = t.substr(1, t.size() - 2);
    return t;
}
std::vector<std::string> split(std::string_view line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        std::size_t comma = line.find(',', start);
        out.push_back(cell(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}
bool skippable(std::string_view line) {
    std::size_t i = line.find_first_not_of(" \t");
    return i == std::string_view::npos || line[i] == '#';
}
}  // namespace

std::optional<std::size_t> csv_table::column(std::string_view name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    return std::nullopt;
}

std::size_t csv_table::require_column(std::string_view name, std::string_view why) const {
    if (auto c = column(name)) return *c;
    std::string msg = source + ": missing column '" + std::string(name) + "'";
    if (!why.empty()) msg += " (" + std::string(why) + ")";
    throw arith::bad_input(msg);
}

std::string csv_table::where(const csv_row& row, std::size_t col) const {
    return source + ":" + std::to_string(row.line) + ", column " + header.at(col);
}

csv_table read_csv(std::istream& in, const std::string& source) {
    csv_table t;
    t.source = source;
    std::string line;
    std::size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (skippable(line)) continue;
        auto cells = split(line);
        if (t.header.empty()) {
            std::set<std::string> seen;
            for (std::size_t i = 0; i < cells.size(); ++i) {
                if (cells[i].empty())
                    throw arith::bad_input(source + ":" + std::to_string(n) + ": empty column name in the header (column " +
                                           std::to_string(i + 1) + ")");
                if (!seen.insert(cells[i]).second)
                    throw arith::bad_input(source + ":" + std::to_string(n) + ": duplicate column '" + cells[i] + "'");
            }
            t.header = std::move(cells);
            t.header_line = n;
            continue;
        }
        if (cells.size() != t.header.size())
            throw arith::bad_input(source + ":" + std::to_string(n) + ": expected " + std::to_string(t.header.size()) +
                                   " fields (as in the header), found " + std::to_string(cells.size()));
        t.rows.push_back({n, std::move(cells)});
    }
    if (t.header.empty()) throw arith::bad_input(source + ": empty table (no header line)");
    return t;
}

csv_table read_csv_file(const std::string& path) {
    limits::check_not_fifo(path, "");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw arith::bad_input(path + ": cannot open file");
    // read whole, at most limits::max_csv_file_bytes (a device such as /dev/zero has no end)
    std::string data;
    char chunk[1 << 16];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        data.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (data.size() > limits::max_csv_file_bytes)
            throw arith::bad_input(path + ": larger than the maximum " + std::to_string(limits::max_csv_file_bytes >> 20) +
                                   " MiB of a CSV file");
    }
    if (in.bad()) throw arith::bad_input(path + ": cannot read file");
    std::istringstream text(std::move(data));
    return read_csv(text, path);
}

}  // namespace gancert::reference
