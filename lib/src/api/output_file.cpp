#include "gancert/api/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

#include "gancert/arith/errors.hpp"

namespace gancert::api {
namespace {

// The registry of temporaries: fixed slots so that the signal handler only reads memory that
// is never reallocated. A slot is in use while `used` is set; its path is written before.
constexpr std::size_t slots = 32, max_path = 4096;
struct Slot {
    std::atomic<bool> used{false};
    char path[max_path] = {};
};
std::array<Slot, slots> registry;
std::mutex registry_mutex;
std::atomic<unsigned long> serial{0};

std::string errno_text(int err) { return err != 0 ? std::string(" (") + std::strerror(err) + ")" : std::string(); }

[[noreturn]] void fail(const std::string& what, const std::string& path, int err) {
    throw write_error(what + ": writing '" + path + "' failed" + errno_text(err));
}

}  // namespace

void register_temporary(const std::string& path) {
    if (path.size() + 1 > max_path) return;
    std::lock_guard<std::mutex> lock(registry_mutex);
    for (auto& s : registry)
        if (!s.used.load()) {
            std::memcpy(s.path, path.c_str(), path.size() + 1);
            s.used.store(true);
            return;
        }
}

void unregister_temporary(const std::string& path) {
    std::lock_guard<std::mutex> lock(registry_mutex);
    for (auto& s : registry)
        if (s.used.load() && path == s.path) {
            s.used.store(false);
            return;
        }
}

void remove_temporaries() noexcept {
    for (auto& s : registry)
        if (s.used.load()) ::unlink(s.path);
}

OutputFile::OutputFile(std::string path, std::string what, std::ios::openmode mode)
    : path_(std::move(path)), what_(std::move(what)) {
    struct stat st {};
    const bool special = ::stat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode);
    if (!special) {
        tmp_ = path_ + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(serial++);
        register_temporary(tmp_);
    }
    out_.open(special ? path_ : tmp_, mode | std::ios::out | std::ios::trunc);
    if (!out_) {
        const int err = errno;
        if (!tmp_.empty()) unregister_temporary(tmp_);
        throw arith::bad_input(what_ + ": cannot write '" + path_ + "'" + errno_text(err));
    }
}

OutputFile::~OutputFile() {
    if (done_ || tmp_.empty()) return;
    out_.close();
    ::unlink(tmp_.c_str());
    unregister_temporary(tmp_);
}

void OutputFile::commit() {
    if (done_) return;
    errno = 0;
    out_.flush();
    int err = errno;
    const bool written = static_cast<bool>(out_);
    out_.close();
    if (!written || out_.fail()) {
        if (err == 0) err = errno;
        fail(what_, path_, err);  // the destructor removes the temporary
    }
    if (tmp_.empty()) {
        done_ = true;
        return;
    }
    // fsync the data before the rename makes it visible under the target's name
    const int fd = ::open(tmp_.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        err = errno;
        if (fd >= 0) ::close(fd);
        fail(what_, path_, err);
    }
    ::close(fd);
    if (std::rename(tmp_.c_str(), path_.c_str()) != 0) fail(what_, path_, errno);
    unregister_temporary(tmp_);
    done_ = true;
    // the directory entry too (best effort: a directory that cannot be opened is not an error)
    const auto dir = std::filesystem::path(path_).parent_path();
    const int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        (void)::fsync(dfd);
        ::close(dfd);
    }
}

ScopedTemporary::ScopedTemporary(std::string path) : path_(std::move(path)) { register_temporary(path_); }

ScopedTemporary::~ScopedTemporary() {
    ::unlink(path_.c_str());
    unregister_temporary(path_);
}

void install_file(const std::string& from, const std::string& to, const std::string& what) {
    std::ifstream in(from, std::ios::binary);
    if (!in) throw write_error(what + ": the temporary file for '" + to + "' cannot be read");
    std::error_code ec;
    try {
        OutputFile out(to, what, std::ios::binary);
        errno = 0;
        out.stream() << in.rdbuf();
        in.close();
        out.commit();
    } catch (...) {
        std::filesystem::remove(from, ec);
        throw;
    }
    std::filesystem::remove(from, ec);
}

}  // namespace gancert::api
