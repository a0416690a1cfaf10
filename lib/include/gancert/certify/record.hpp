// gancert/certify/record.hpp — parsing one line of a certificate (untrusted data).
//
// parse_record(line) returns the JSON value of the line, or throws std::runtime_error with a
// reason ("not valid JSON", "longer than … bytes", "nested deeper than …") without ever
// recursing on the input's structure beyond api/limits.hpp's max_record_depth: the nesting depth is
// measured by one linear scan first (brackets outside strings), so a hostile line of 10⁶ '['
// is rejected in O(length) time and constant stack.
//
// Contract: parse_record never recurses deeper than max_record_depth nor reads beyond
// max_record_bytes; every rejection is a std::runtime_error with the reason (no partial value).
#pragma once
#include <nlohmann/json.hpp>
#include <istream>
#include <string>

namespace gancert::certify {

nlohmann::json parse_record(const std::string& line);

/// One line of a certificate file as std::getline reads it, but at most
/// limits::max_record_bytes long: a longer line (a device such as /dev/zero has no end) throws
/// std::runtime_error "record longer than … bytes" without reading further. Returns false
/// when nothing is left; `complete` tells whether the line ended with '\n' (else a torn tail).
bool read_record_line(std::istream& in, std::string& line, bool& complete);

}  // namespace gancert::certify
