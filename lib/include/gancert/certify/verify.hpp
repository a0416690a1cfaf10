// gancert/certify/verify.hpp — the independent re-check of a certificate.
//
// A certificate is untrusted data. The verifier re-evaluates every leaf (evidence.hpp:
// check_leaf) at the recorded precision or higher and requires every recorded enclosure to
// contain its recomputation; checks that the leaves tile the input box exactly (box.hpp:
// TilingChecker, exact decimal comparisons); recomputes the whole summary (status, counts,
// witness, unique types, unknown volume, extrema and their location boxes) from the verified
// leaves and requires the recorded summary to equal it field by field (only "stats" is free);
// and rejects empty assembled extrema. A leaf that is not decisive for the claim (unknown, or
// a unique point of undetermined type for no-saddle) makes the status incomplete.
//
// Contract: a certificate is valid only if every leaf, the tiling and the summary re-check;
// for a bad file the report carries the exit code and the reason (never a throw);
// arith::soundness_error is thrown for contradicting enclosures of the verifier itself.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace gancert::certify {

struct VerifyOptions {
    unsigned bits = 0;     // re-evaluate at max(recorded, bits)
    unsigned threads = 0;  // 0: all hardware threads
    /// Re-derive each leaf by the independent route where one exists (verify/independent.hpp)
    /// instead of the prover's evaluation code; the other leaves by check_leaf.
    bool independent = false;
    /// Wall-clock seconds (0: none): leaves not re-checked when it has passed make the
    /// certificate not verified (exit 1), never accepted.
    double time_limit = 0;
};

/// Leaves of one evidence kind by the route that checked them (independent verification).
struct RouteCount {
    std::size_t independent = 0, shared = 0, no_claim = 0;
};

struct VerifyReport {
    int exit_code = 0;                  // 0 valid (whatever its status), 1 a check failed,
                                        // 2 unreadable / wrong version
    std::string status;                 // recomputed overall status
    std::string verdict;                // recomputed one-line verdict
    std::size_t leaves = 0;
    std::vector<std::string> failures;  // first failures, each naming the line
    std::map<std::string, RouteCount> routes;  // by evidence kind (lemmas by their id); independent runs only
};

/// Never throws for a bad file: the result carries the exit code and the reason. Throws
/// arith::soundness_error when two of its own enclosures contradict each other (a bug).
VerifyReport verify_certificate(const std::string& path, const VerifyOptions& opt);

}  // namespace gancert::certify
