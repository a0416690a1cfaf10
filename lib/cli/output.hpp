// Checked output for the CLI: a sub-command that writes a file (or standard output) reports
// success only if every byte reached it. Write errors (full disk, /dev/full, a closed pipe)
// surface as write_error, which main() maps to exit status 1 with the file named on stderr.
// Whole files go through api::OutputFile (temporary + fsync + rename).
#pragma once
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "gancert/api/output_file.hpp"

namespace gancert::cli {

/// A write to an output failed; the message names the option and the file (api/output_file.hpp).
using api::write_error;
using api::install_file;
using api::OutputFile;
using api::ScopedTemporary;

/// Flushes and closes `f`; throws write_error naming `what` (e.g. "--csv") and `path` if any
/// write, the flush or the close failed.
inline void close_checked(std::ofstream& f, const std::string& path, const std::string& what) {
    errno = 0;
    if (f.is_open()) {
        f.flush();
        f.close();
    }
    if (f.fail()) {
        const int err = errno;
        throw write_error(what + ": writing '" + path + "' failed" +
                          (err != 0 ? std::string(" (") + std::strerror(err) + ")" : std::string()));
    }
}

/// After an external helper (the plot scripts) claims to have written `path`: the file must
/// exist and, for a regular file, be a complete PNG (signature at the start, IEND chunk at the
/// end). Throws write_error otherwise.
inline void require_complete_png(const std::string& path, const std::string& what) {
    std::error_code ec;
    const auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st))
        throw write_error(what + ": '" + path + "' was not written");
    if (!std::filesystem::is_regular_file(st)) return;  // a device or pipe: nothing to re-read
    std::ifstream in(path, std::ios::binary);
    std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const std::string sig("\x89PNG\r\n\x1a\n", 8);
    static const std::string iend("IEND\xae\x42\x60\x82", 8);
    if (data.size() < sig.size() + iend.size() || data.compare(0, sig.size(), sig) != 0 ||
        data.compare(data.size() - iend.size(), iend.size(), iend) != 0)
        throw write_error(what + ": '" + path + "' is incomplete (not a complete PNG file)");
}

}  // namespace gancert::cli
