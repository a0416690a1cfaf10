// gancert/certify/certificate_read.hpp — streaming reader of certificate files (implementation
// detail of certificate.hpp).
//
// Contract: read_certificate calls on_header once and on_leaf per leaf line in file order,
// stops at a torn last line (valid_bytes is the checkpoint), and throws arith::bad_input
// (unreadable file, header, version) or std::runtime_error (a malformed or misplaced line)
// naming the line; it never interprets a line it could not parse.
#pragma once
#include <fstream>

#include "gancert/arith/decimal.hpp"
#include "gancert/certify/record.hpp"

namespace gancert::certify {

template <class F, class H>
CertificateContents read_certificate(const std::string& path, F&& on_leaf, H&& on_header) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw arith::bad_input("certificate '" + path + "': cannot be opened");
    CertificateContents c;
    std::string line;
    std::size_t lineno = 0, offset = 0;
    bool complete = false;
    for (;;) {
        try {
            if (!read_record_line(in, line, complete)) break;
        } catch (const std::exception& e) {
            throw arith::bad_input("certificate '" + path + "': line " + std::to_string(lineno + 1) + ": " + e.what());
        }
        if (!complete) break;  // torn tail
        ++lineno;
        offset += line.size() + 1;
        if (lineno == 1) {
            try {
                c.header = parse_record(line);
            } catch (const std::exception& e) {
                throw arith::bad_input("certificate '" + path + "': line 1 is not a JSON header (" + e.what() + ")");
            }
            if (!c.header.is_object() || c.header.value("format", "") != certificate_format)
                throw arith::bad_input("certificate '" + path + "': not a gancert certificate (format)");
            if (!c.header.contains("version") || !c.header["version"].is_number_integer() ||
                c.header["version"].get<int>() != certificate_version)
                throw arith::bad_input("certificate '" + path + "': unsupported version " +
                                       (c.header.contains("version") ? c.header["version"].dump() : "(none)") +
                                       " (supported: " + std::to_string(certificate_version) + ")");
            c.valid_bytes = offset;
            on_header(c.header);
            continue;
        }
        if (c.summary) throw std::runtime_error("line " + std::to_string(lineno) + ": data after the summary");
        nlohmann::json j;
        try {
            j = parse_record(line);
        } catch (const std::exception& e) {
            throw std::runtime_error("line " + std::to_string(lineno) + ": " + e.what());
        }
        if (j.contains("summary")) c.summary = j["summary"];
        else on_leaf(lineno, j);
        c.valid_bytes = offset;
    }
    if (lineno == 0) throw arith::bad_input("certificate '" + path + "': empty or no complete header line");
    return c;
}

template <class F>
CertificateContents read_certificate(const std::string& path, F&& on_leaf) {
    return read_certificate(path, std::forward<F>(on_leaf), [](const nlohmann::json&) {});
}

}  // namespace gancert::certify
