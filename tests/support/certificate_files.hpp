// Test helpers for certificate files: temporary paths and whole-file line access.
#pragma once
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace gancert::test {

/// A path in the temporary directory: gancert-test-<group>-<name>.jsonl.
inline std::string cert_temp_path(const std::string& group, const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("gancert-test-" + group + "-" + name + ".jsonl")).string();
}
/// The lines of a file (without their newlines).
inline std::vector<std::string> file_lines(const std::string& path) {
    std::ifstream in(path);
    std::vector<std::string> r;
    for (std::string l; std::getline(in, l);) r.push_back(l);
    return r;
}
/// Writes `ls` (each with a newline) and then `tail` verbatim.
inline void write_lines(const std::string& path, const std::vector<std::string>& ls, const std::string& tail = "") {
    std::ofstream out(path, std::ios::trunc);
    for (const auto& l : ls) out << l << '\n';
    out << tail;
}

}  // namespace gancert::test
