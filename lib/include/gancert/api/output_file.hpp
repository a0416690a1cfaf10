// gancert/api/output_file.hpp — whole output files written safely (issue 15): into a temporary
// sibling, then flushed, fsync'ed and renamed over the target, so that a full disk, a write
// error, a crash or a signal never leaves a partial file that looks complete. Temporary files
// are registered while they exist; remove_temporaries() (async-signal-safe) deletes them, and
// the CLI's signal handlers call it before ending the process (lib/cli/interrupt.cpp).
//
// Contract. OutputFile(path, what) opens "<path>.tmp-<pid>-<n>" next to the target, or the
// target itself when the target exists and is not a regular file (a device such as /dev/full
// or /dev/stdout, a pipe: nothing to rename, every write is still checked). commit() makes the
// target complete or throws write_error naming `what` and `path`; a destructor without commit()
// removes the temporary (the target is untouched). A path that cannot be opened is bad input
// (arith::bad_input "what: cannot write 'path'").
#pragma once
#include <fstream>
#include <stdexcept>
#include <string>

#include "gancert/arith/errors.hpp"

namespace gancert::api {

/// A write to an output failed: arith::write_error (the CLI maps it to exit status 1).
using arith::write_error;

/// Registers / unregisters a temporary file for removal on a signal (at most 32 at a time; a
/// path beyond that is not registered).
void register_temporary(const std::string& path);
void unregister_temporary(const std::string& path);
/// Unlinks every registered temporary. Async-signal-safe (unlink on preallocated paths).
void remove_temporaries() noexcept;

class OutputFile {
public:
    OutputFile(std::string path, std::string what, std::ios::openmode mode = std::ios::out);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    ~OutputFile();

    std::ofstream& stream() { return out_; }
    /// Flush, fsync, close, rename onto the target (write_error on any failure; then the
    /// temporary is removed and the target untouched).
    void commit();
    const std::string& path() const { return path_; }

private:
    std::string path_, what_, tmp_;  ///< tmp_ empty: writing the target directly
    std::ofstream out_;
    bool done_ = false;
};

/// A temporary file of a run (its name only: the caller creates it): registered for removal on
/// a signal while the object lives, removed when it goes out of scope (also on an exception).
class ScopedTemporary {
public:
    explicit ScopedTemporary(std::string path);
    ScopedTemporary(const ScopedTemporary&) = delete;
    ScopedTemporary& operator=(const ScopedTemporary&) = delete;
    ~ScopedTemporary();
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

/// Copies the finished file `from` over `to` as an OutputFile (so the target is complete or
/// untouched, and a device target such as /dev/full reports its write error), then removes
/// `from`. Throws write_error naming `what` and `to`.
void install_file(const std::string& from, const std::string& to, const std::string& what);

}  // namespace gancert::api
