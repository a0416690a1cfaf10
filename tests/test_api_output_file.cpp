// api::OutputFile (issue 15): a whole output file is complete under its name or not there; no
// temporary survives a commit, a failed commit or an abandoned file; a device target (/dev/full)
// is written directly and its write error reported.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "gancert/api/output_file.hpp"
#include "gancert/arith/errors.hpp"

namespace fs = std::filesystem;
using gancert::api::OutputFile;

namespace {
struct Dir {
    fs::path p = fs::temp_directory_path() / ("gancert-test-output-" + std::to_string(::getpid()));
    Dir() { fs::create_directories(p); }
    ~Dir() { fs::remove_all(p); }
    std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(p), {})); }
};
std::string contents(const fs::path& f) {
    std::ifstream in(f);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TEST_CASE("commit renames the complete file over the target; no temporary remains", "[api][output]") {
    Dir d;
    const auto target = (d.p / "out.csv").string();
    {
        std::ofstream old(target);
        old << "old\n";
    }
    {
        OutputFile f(target, "--out");
        f.stream() << "new\n";
        CHECK(contents(target) == "old\n");  // untouched until the commit
        CHECK(d.entries() == 2);             // the target and the temporary
        f.commit();
    }
    CHECK(contents(target) == "new\n");
    CHECK(d.entries() == 1);
}

TEST_CASE("an abandoned file (an exception before commit) leaves the target untouched", "[api][output]") {
    Dir d;
    const auto target = (d.p / "out.csv").string();
    try {
        OutputFile f(target, "--out");
        f.stream() << "partial";
        throw std::runtime_error("the run failed");
    } catch (const std::runtime_error&) {
    }
    CHECK(!fs::exists(target));
    CHECK(d.entries() == 0);
}

TEST_CASE("a device target is written directly and a full device is a write error", "[api][output]") {
    OutputFile f("/dev/full", "--csv");
    f.stream() << std::string(1 << 16, 'x');
    try {
        f.commit();
        FAIL("no write error");
    } catch (const gancert::api::write_error& e) {
        CHECK(std::string(e.what()).find("--csv") != std::string::npos);
    }
}

TEST_CASE("a target in a missing directory is bad input naming the option", "[api][output]") {
    try {
        OutputFile f("/nonexistent-gancert-dir/out.csv", "--out");
        FAIL("no error");
    } catch (const gancert::arith::bad_input& e) {
        CHECK(std::string(e.what()).find("--out") != std::string::npos);
    }
}

TEST_CASE("registered temporaries are removed by remove_temporaries (the signal path)", "[api][output]") {
    Dir d;
    const auto t = (d.p / "t.tmp").string();
    std::ofstream(t) << "x";
    gancert::api::register_temporary(t);
    gancert::api::remove_temporaries();
    gancert::api::unregister_temporary(t);
    CHECK(!fs::exists(t));
}
