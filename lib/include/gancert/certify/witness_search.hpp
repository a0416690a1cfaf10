// gancert/certify/witness_search.hpp — witness-first search for refutations of the no-saddle
// and no-stationary claims.
//
// The breadth-first engine decides every box of a depth before any deeper box, so a claim that
// is false because of one small stationary point is only refuted once the whole box has been
// refined to that point's depth — on a large or unbounded box, never within a budget. Before
// the breadth-first run the engine therefore looks for the witness directly:
//   1. candidates: approximate zeros of ∇J in the input box, by Levenberg–Marquardt iterations
//      on ½|∇J|² in double from the representative points of a fixed partition of the box (those
//      with the shortest Newton step first; each start with its own evaluation budget), kept only
//      where the final Newton step is negligible, those with the largest Hessian first (floating
//      point only chooses where to look; nothing here is evidence);
//   2. descent: from the input box, bisect toward each candidate with the engine's own analysis
//      (analyse_box, the engine's precision ladder, split dimension and width floor) until a box
//      is a final leaf. If that leaf refutes the claim (a Krawczyk-unique stationary point — of
//      saddle type for no-saddle — or the stationary-line witness of lemma S7), the certificate is
//      that leaf plus, as `unknown` leaves "not examined: claim refuted", the sibling of every box
//      on the way down: an exact tiling of the input box.
// Budget: the search takes at most a quarter of opt.time_limit (and stops at SIGINT/SIGTERM);
// cut short, it returns nullopt and the breadth-first run decides with the time left.
// Contract: deterministic when not cut short (fixed starts and iteration caps: the same input
// gives the same witness on any thread count, MPI split or resume); returns nullopt when no candidate leads to a
// refuting leaf (the breadth-first run then decides the claim as before). The refuting leaf's
// evidence is produced by analyse_box and re-checked by the verifier like any other leaf.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/engine.hpp"

namespace gancert::certify {

/// The leaves of a witness tiling as certificate records, in the order written: the siblings
/// along the descent (unknown, reason_refuted) from the root down, then the refuting leaf.
struct WitnessTiling {
    std::vector<nlohmann::json> records;
    std::size_t depth = 0;  // of the refuting leaf
    std::size_t candidates = 0, analyses = 0;  // work done (statistics)
};

/// True for the claims the witness-first search applies to (no-saddle, no-stationary).
bool witness_search_applies(const Claim& claim);

/// Searches the input box `root` for a refuting leaf (see above), with the engine's ladder
/// (opt.max_bits) and width floor (opt.min_width). nullopt: none found. Throws
/// arith::soundness_error if an enclosure contradiction surfaces during the descent.
std::optional<WitnessTiling> find_witness(const BoxFunction& f, const Box& root, const Claim& claim,
                                          const CertifyOptions& opt);

/// find_witness (when opt.witness_first), with `records` reduced to those not yet in the
/// certificate at `path` (header written; leaves of an interrupted witness run may follow):
/// nullopt when the search is off or there is no witness
/// or when a leaf in the file is not one of the witness tiling's (the checkpoint was made by a
/// breadth-first run: that run continues instead). The caller appends the records and writes
/// the summary.
std::optional<WitnessTiling> witness_completion(const BoxFunction& f, const Box& root, const Claim& claim,
                                                const CertifyOptions& opt, const std::string& path);

}  // namespace gancert::certify
