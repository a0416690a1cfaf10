// The independent verifier (gancert/verify/independent.hpp, lib/src/verify/): a planted bug in
// the prover's evaluation (quad::detail::PlantedFaults::shift_box_J shifts the certifier's
// enclosure of J) makes the prover certify a FALSE plateau claim. The plain verifier shares
// the faulty code and accepts it; `verify --independent` re-derives the leaves from the
// integral path and must reject it. Without the fault, the true claim is proved and accepted
// by both, and the independent route re-derives every leaf (none by the shared route).
#include <catch2/catch.hpp>

#include <filesystem>
#include <string>

#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/engine.hpp"
#include "gancert/certify/model_factory.hpp"
#include "gancert/certify/verify.hpp"
#include "gancert/quad/detail/planted_faults.hpp"

using namespace gancert;
using namespace gancert::certify;

namespace {

std::string run(const std::string& name, const char* level, const char* delta) {
    auto f = make_rsee_function({{"a", "2.2"}, {"g", "1.5"}, {"c", "0.5"}}, {"b", "h"});
    Box root;
    root.lo = {Decimal::parse("1.58"), Decimal::parse("1.41")};
    root.hi = {Decimal::parse("1.63"), Decimal::parse("1.46")};
    Claim c{ClaimKind::plateau, Decimal::parse("0.01"), Decimal::parse(delta), Decimal::parse(level)};
    CertifyOptions opt;
    opt.threads = 1;  // the planted fault is thread-local: the work runs on this thread
    opt.progress = false;
    opt.initial_boxes = 4;
    opt.out = (std::filesystem::temp_directory_path() / ("gancert_independent_" + name + ".jsonl")).string();
    auto r = certify::certify(*f, root, c, opt);
    REQUIRE(r.summary.at("status") == "proved");
    return opt.out;
}

VerifyReport check(const std::string& path, bool independent) {
    return verify_certificate(path, VerifyOptions{0, 1, independent});
}

}  // namespace

TEST_CASE("a planted prover bug: the plain verifier confirms it, the independent verifier rejects it") {
    std::string bad;
    {
        // J shifted by +0.01: the faulty prover "proves" |J - 1.01| <= 0.003, false since J <= 1.002 there
        quad::detail::planted_fault_scope fault({1.0, 1.0, 0.01});
        bad = run("planted", "1.01", "0.003");
        CHECK(check(bad, false).exit_code == 0);  // shares the faulty code: confirms the bug
        VerifyReport rep = check(bad, true);      // the independent route does not use that code
        CHECK(rep.exit_code == 1);
    }
    VerifyReport plain = check(bad, false);  // the honest plain verifier: recorded J misses its own
    CHECK(plain.exit_code == 1);
    VerifyReport rep = check(bad, true);
    REQUIRE(rep.exit_code == 1);
    REQUIRE_FALSE(rep.failures.empty());
    CHECK(rep.failures.front().find("independent: plateau") != std::string::npos);
    std::filesystem::remove(bad);
}

TEST_CASE("without the fault the true plateau claim is re-derived independently, leaf by leaf") {
    std::string good = run("honest", "1", "0.002");
    VerifyReport plain = check(good, false), rep = check(good, true);
    CHECK(plain.exit_code == 0);
    CHECK(rep.exit_code == 0);
    CHECK(rep.status == "proved");
    REQUIRE(rep.routes.count("plateau") == 1);
    CHECK(rep.routes.at("plateau").independent == rep.leaves);
    CHECK(rep.routes.at("plateau").shared == 0);
    std::filesystem::remove(good);
}
