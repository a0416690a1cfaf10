#include "gancert/certify/record.hpp"

#include <stdexcept>

#include "gancert/api/limits.hpp"

namespace gancert::certify {
namespace {

/// Maximal bracket depth outside JSON strings (escapes honoured); stops early above `limit`.
unsigned nesting_depth(const std::string& s, unsigned limit) {
    unsigned depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (char ch : s) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (ch == '\\') escaped = true;
            else if (ch == '"') in_string = false;
            continue;
        }
        if (ch == '"') in_string = true;
        else if (ch == '[' || ch == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) return deepest;
        } else if ((ch == ']' || ch == '}') && depth > 0) --depth;
    }
    return deepest;
}

}  // namespace

bool read_record_line(std::istream& in, std::string& line, bool& complete) {
    line.clear();
    complete = false;
    std::streambuf* buf = in.rdbuf();
    for (;;) {
        const int ch = buf->sbumpc();
        if (ch == std::char_traits<char>::eof()) {
            in.setstate(std::ios::eofbit);
            return !line.empty();
        }
        if (ch == '\n') {
            complete = true;
            return true;
        }
        if (line.size() >= limits::max_record_bytes)
            throw std::runtime_error("record longer than " + std::to_string(limits::max_record_bytes) + " bytes");
        line.push_back(static_cast<char>(ch));
    }
}

nlohmann::json parse_record(const std::string& line) {
    if (line.size() > limits::max_record_bytes)
        throw std::runtime_error("record longer than " + std::to_string(limits::max_record_bytes) + " bytes");
    if (nesting_depth(line, limits::max_record_depth) > limits::max_record_depth)
        throw std::runtime_error("record nested deeper than " + std::to_string(limits::max_record_depth) + " levels");
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) throw std::runtime_error("not valid JSON");
    return j;
}

}  // namespace gancert::certify
