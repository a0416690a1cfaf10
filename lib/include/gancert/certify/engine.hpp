// gancert/certify/engine.hpp — branch and bound over a box with leaf evidence (design §5).
//
// Each box is analysed at increasing precision (interval<double>, then interval<mpfr> at 128,
// 256, … bits up to max_bits) while the analysis says that precision, not width, is what
// limits it ("escalate before bisecting"); otherwise it is bisected off-centre (near 127/256)
// on its widest scaled side. Boxes narrower than min_width (relative to the input box) end
// `unknown` with the reason. Finished leaves stream to the certificate file (append-only,
// flushed per leaf), which is also the checkpoint for --resume.
#pragma once
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/claim.hpp"

namespace gancert::certify {

struct CertifyOptions {
    unsigned threads = 0;          // 0: all hardware threads
    unsigned max_bits = 512;       // precision budget
    double min_width = 1e-6;       // smallest scaled width bisected further
    std::size_t max_leaves = 20'000'000;
    bool progress = true;          // progress bar on stderr after one second
    std::string out;               // certificate path (required)
    bool resume = false;           // continue an unfinished certificate at `out`
    std::size_t initial_boxes = 1; // start from the root bisected breadth first into this many
    // Distributed runs (MPI): this process handles the initial boxes with index ≡ part_index
    // (mod part_count) and writes only leaves (no header/summary) when part_count > 1.
    unsigned part_index = 0, part_count = 1;
};

struct CertifyResult {
    nlohmann::json summary;  // as written to the certificate
    std::string verdict;     // one line
    double seconds = 0;
};

/// Resolves a plateau claim without a level (level := J at the box midpoint, rounded to 10
/// digits; delta := delta/2) and fills the extrema default delta (1e-6).
Claim resolve_claim(const BoxFunction& f, const Box& root, Claim claim);

/// Runs the branch and bound and writes the complete certificate to opt.out.
/// The settings (min_width, max_bits) are recorded in the header.
CertifyResult certify(const BoxFunction& f, const Box& root, const Claim& claim, const CertifyOptions& opt);

/// The initial boxes of a distributed run: the root bisected breadth first into at least
/// `count` boxes (deterministic).
std::vector<Box> initial_partition(const Box& root, std::size_t count);

/// Appends a summary to a certificate whose leaves are complete (used after merging the parts
/// of a distributed run): re-reads the leaves, aggregates, writes the summary line.
CertifyResult finish_certificate(const std::string& path, double seconds, const nlohmann::json& stats);

}  // namespace gancert::certify
