// gancert/certify/verify.hpp — the independent re-check of a certificate.
//
// Re-evaluates every leaf (evidence.hpp: check_leaf) at the recorded precision or higher,
// checks that the leaves tile the input box exactly (box.hpp: TilingChecker, exact decimal
// comparisons), recomputes the overall status from the leaves and compares it with the
// recorded summary.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace gancert::certify {

struct VerifyOptions {
    unsigned bits = 0;     // re-evaluate at max(recorded, bits)
    unsigned threads = 0;  // 0: all hardware threads
};

struct VerifyReport {
    int exit_code = 0;                  // 0 valid, 1 a check failed, 2 unreadable / wrong version
    std::string status;                 // recomputed overall status
    std::string verdict;                // recomputed one-line verdict
    std::size_t leaves = 0;
    std::vector<std::string> failures;  // first failures, each naming the line
};

/// Never throws for a bad file: the result carries the exit code and the reason.
VerifyReport verify_certificate(const std::string& path, const VerifyOptions& opt);

}  // namespace gancert::certify
