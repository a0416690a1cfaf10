// gancert/certify/engine.hpp — branch and bound over a box with leaf evidence (proofs/lemmas.md §K).
//
// Each box is analysed at increasing precision (interval<double>, then interval<mpfr> at 128,
// 256, … bits up to max_bits) while the analysis says that precision, not width, is what
// limits it ("escalate before bisecting"); otherwise it is bisected off-centre (near 127/256)
// on its widest scaled side. Boxes narrower than min_width (relative to the input box) end
// `unknown` with the reason. Finished leaves stream to the certificate file (append-only,
// flushed per leaf), which is also the checkpoint for --resume.
//
// Contract: every leaf written is the claim's verdict on an exact sub-box (proved / refuted
// evidence), or `unknown` with its reason when it cannot decide (width floor, precision ceiling,
// budget); the leaves tile the input box exactly. A contradiction between two enclosures is a
// soundness error (arith::soundness_error): it propagates out of the engine, never an `unknown`.
#pragma once
#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/claim.hpp"

namespace gancert::certify {

struct Incumbents;

/// Share of CertifyOptions::time_limit in which boxes are analysed (the witness search takes
/// at most a quarter of it first); the remainder writes the unknown leaves and the summary.
inline constexpr double analysis_share_of_time_limit = 0.85;

struct CertifyOptions {
    unsigned threads = 0;          // 0: all hardware threads
    unsigned max_bits = 512;       // precision budget
    double min_width = 1e-6;       // smallest scaled width bisected further
    // Budgets. When one is reached the run stops taking boxes: every box not yet decided is
    // written as an `unknown` leaf with reason budget_reason_time / budget_reason_leaves (at
    // the precision level it had reached), then the summary (status incomplete, with the
    // unknown volume). --resume on such a certificate re-opens exactly those leaves.
    // The time limit covers the whole run: boxes are taken until analysis_share_of_time_limit
    // of it has passed, the rest is left for writing the unknown leaves and checking the file.
    std::size_t max_leaves = 20'000'000;  // leaves computed by this run (resumed ones not counted)
    double time_limit = 0;                // seconds of this run; 0: none
    enum class ProgressMode { off, bar, lines };
    ProgressMode progress_mode = ProgressMode::bar;  // used when `progress`
    double progress_interval = 5;  // seconds between status lines (lines mode)
    bool progress = true;          // progress bar on stderr after one second
    std::string out;               // certificate path (required)
    bool resume = false;           // continue an unfinished certificate at `out`
    // no-saddle / no-stationary: look for a refuting leaf first (certify/witness_search.hpp);
    // false: breadth-first only (every box of each depth up to the first refutation examined)
    bool witness_first = true;
    std::size_t initial_boxes = 1; // start from the root bisected breadth first into this many
    // A part of a distributed run (MPI): when set, these boxes are the whole work, `out` is a
    // part file (header + leaves, no summary, never resumed) that merge_parts() folds into the
    // certificate afterwards.
    std::optional<std::vector<Box>> tasks;
    // Level-by-level run (levels = depths in the bisection tree). Called before the first and
    // after every level with (smallest depth of a refuting leaf so far, smallest depth of a box
    // still to do; SIZE_MAX: none) of this process; returns both minimised over the whole
    // distributed run (every rank calls it equally often). Unset: one process.
    std::function<std::pair<std::size_t, std::size_t>(std::size_t, std::size_t)> level_barrier;
    // Smallest depth of a refuting leaf already in the certificate (a resumed distributed run).
    std::size_t refuted_depth = static_cast<std::size_t>(-1);
    std::vector<unsigned> task_bits;  // precision reached by each of `tasks` (default 53)
};
/// The run settings recorded in the certificate header (a --resume must match them).
nlohmann::json run_settings(const CertifyOptions& opt);

struct CertifyResult {
    nlohmann::json summary;  // as written to the certificate
    std::string verdict;     // one line
    double seconds = 0;
};

/// Reasons of the unknown leaves a budget-hit run writes for its undecided boxes (the only
/// unknown leaves --resume re-opens; "leaf budget exhausted" is the reason of older runs).
inline constexpr const char* budget_reason_time = "time limit reached";
inline constexpr const char* budget_reason_leaves = "leaf budget reached";
/// Reason of the unknown leaves a run stopped early by a refutation writes for the boxes of the
/// level after the refuting one.
inline constexpr const char* reason_refuted = "not examined: claim refuted";
bool is_budget_reason(const std::string& reason);

/// Re-opens a finished certificate at `path` whose summary is incomplete because of a budget:
/// removes its budget `unknown` leaves and its summary (the file becomes a resumable
/// checkpoint: header + leaves) and returns the removed boxes (with their paths) and the
/// precision (bits) each had reached, in file order. Empty (file untouched) if there is none.
/// The caller holds the OutputLock.
struct ReopenedBox {
    Box box;
    unsigned bits = 53;
};
std::vector<ReopenedBox> reopen_budget_leaves(const std::string& path, std::size_t dims);

/// Deterministic incumbents for the extrema claim over `root`: J (interval<double> at exact
/// decimal points) at the midpoints of initial_partition(root, 64) and at the corners of the
/// box (up to 4 dimensions), then a compass search (steps clamped to the box) from the best
/// point for max and for min. Points whose evaluation fails are skipped. Deterministic unless
/// `seconds` cuts it short.
/// `seconds` > 0 bounds its wall time (a model whose evaluation is dear — the family's integral
/// path — would otherwise spend minutes here): the points not evaluated by then are skipped,
/// which only weakens the incumbents (never the soundness of the bounds they are).
void extrema_incumbents(const BoxFunction& f, const Box& root, Incumbents& out, double seconds = 0);

/// Resolves a plateau claim without a level (level := J at the box midpoint, rounded to 10
/// digits; delta := delta/2) and fills the extrema default delta (1e-6).
Claim resolve_claim(const BoxFunction& f, const Box& root, Claim claim);

/// Runs the branch and bound and writes the complete certificate to opt.out.
/// The settings (min_width, max_bits) are recorded in the header.
CertifyResult certify(const BoxFunction& f, const Box& root, const Claim& claim, const CertifyOptions& opt);

/// The initial boxes of a distributed run: the root bisected breadth first into at least
/// `count` boxes (deterministic).
std::vector<Box> initial_partition(const Box& root, std::size_t count);

/// The part files of a distributed run writing `path`: "<path>.part<k>", k = rank.
std::string part_path(const std::string& path, unsigned rank);

/// The first of the header fields that identify a run (claim, model, box, settings) in which
/// two certificate headers differ, or nullopt (a checkpoint may only be resumed by its run).
std::optional<std::string> header_difference(const nlohmann::json& h1, const nlohmann::json& h2);

/// Removes every part file of `path` (stale parts of an earlier run).
void remove_parts(const std::string& path);

/// Folds the part files of `path` into it: appends every complete leaf line of every
/// "<path>.part<k>" whose header matches the certificate's (claim, model, box, settings), skips
/// leaves already present (same path: a merge interrupted before its parts were removed), then
/// removes the parts. `expected` (if not null) gives, per rank, the number of leaves that rank
/// reported: a missing part file or a different count is an error (std::runtime_error, exit 1).
/// Returns the number of leaves appended. The caller holds the OutputLock of `path`.
std::size_t merge_parts(const std::string& path, const std::vector<std::size_t>* expected);

/// Boxes still to do for a checkpoint at `path` (header + leaves): the gaps of its leaves'
/// tiling, or, if it has no leaf, the root partitioned breadth first into `initial` boxes.
std::vector<Box> pending_boxes(const std::string& path, const Box& root, std::size_t initial);
/// The boxes a resumed run computes (one process or MPI alike): with no leaf in the checkpoint
/// and nothing re-opened, initial_partition(root, initial) at 53 bits; else the `reopened`
/// budget boxes themselves at their precision and every other gap of the tiling at 53 bits.
std::vector<ReopenedBox> resume_tasks(const std::string& path, const Box& root, const std::vector<ReopenedBox>& reopened,
                                      std::size_t initial);

/// Appends the summary to a certificate whose leaves are complete (after a distributed run
/// has merged its parts): the summary is assemble_certificate()'s, i.e. computed from the
/// leaves actually in the file with the exact tiling check. The caller holds the OutputLock.
CertifyResult finish_certificate(const std::string& path, double seconds, const nlohmann::json& stats);

}  // namespace gancert::certify
