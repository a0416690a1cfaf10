// gancert/certify/stationary_set.hpp — the stationary set of the R/S/E/E cost on the whole
// parameter space (issue 10, item 4; proofs/lemmas.md §S, proofs/stationary-set.md).
//
// Theorem. For c > 0 the stationary set of J(a, b, g, h) on ℝ × ℝ × [0, ∞) × ℝ is exactly the
// line L_c = {a = 0, b = 0, g + h = 1/c, g >= 0}; every point of L_c is a degenerate saddle
// (Hessian inertia (+2, −1) with the null direction (0, 0, 1, −1)), its discriminator block
// ∂²J/∂(a,b)² is positive definite, and the game has no Nash equilibrium.
//
// The certificate (claim {"kind": "stationary-set"}) is a list of *lemma leaves* over a fixed
// partition of the domain (a, b, g, h, c ranges, endpoints possibly "-inf"/"inf"):
//     {a > 0}, {a < 0}, {a = 0, b > 0}, {a = 0, b < 0}, {a = b = 0, c(g+h) > 1},
//     {a = b = 0, c(g+h) < 1}, L = {a = b = 0, c(g+h) = 1}
// (each intersected with the domain; regions empty in a or b are omitted). Line 1 is the usual
// header (names a, b, g, h, c), then one leaf per region and lemma:
//     {"region": {"id", "a": R, "b": R, "g": R, "h": R, "c": R, "s": "any"|">"|"<"|"="},
//      "evidence": "lemma", "lemma": "S1"…"S6", "hypotheses": [texts], "conclusion": text, ...}
// with R = {"lo", "hi", "lo_open", "hi_open"} (exact decimals or "-inf"/"inf") and s the
// relation of c·(g + h) to 1; the line region carries three leaves (S4 existence, S5
// classification with interval enclosures of the Hessian minors, S6 Nash). The last line is
// the summary. The verifier recomputes the partition from the header's domain and requires
// exactly these regions and leaves, re-checks every hypothesis from the leaf's own region
// (exact decimal comparisons; interval arithmetic for S5/S6) and recomputes the summary.
//
// The stationary-line witness (lemma S7) is the hook into the ordinary no-stationary /
// no-saddle claims: a leaf box of the rsee model that meets L_c contains stationary points
// (degenerate saddles when a and one of g, h are free), so those claims are refuted there.
//
// Contract: every lemma leaf's hypotheses hold on its region by exact decimal comparisons or
// outward interval arithmetic, or the certifier/verifier reports the region as failed; bad
// requests (unknown case, parameters outside the domain, malformed box) throw
// arith::bad_parameter naming the parameter.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/leaf_evidence.hpp"
#include "gancert/certify/verify.hpp"

namespace gancert::certify {

/// Evidence kind of a leaf of no-stationary / no-saddle whose box meets L_c (lemma S7).
inline constexpr const char* ev_stationary_line = "stationary-line";

struct StationarySetRequest {
    std::string case_name;  // "A" / "B": only c is taken from the case
    std::string params;     // "c=..": only c is accepted
    std::string box;        // "a=lo:hi,b=..,g=..,h=..,c=.." (optional; default the whole space)
    std::string out;        // certificate path (empty: not written)
};
struct StationarySetResult {
    nlohmann::json summary;
    std::string verdict;
    std::string domain_text;
    bool proved = false;
    double seconds = 0;
};

/// Builds the lemma-leaf certificate, writes it to req.out (if given), re-verifies it with
/// verify_stationary_set and reports the verifier's status. Throws arith::bad_input naming the
/// argument for bad input (c_lo <= 0, g_lo < 0, lo > hi, malformed numbers, other parameters).
StationarySetResult certify_stationary_set(const StationarySetRequest& req);

/// The independent check of a stationary-set certificate (dispatched from verify_certificate
/// on the header's claim kind).
VerifyReport verify_stationary_set(const std::string& path);

/// Box B of an rsee BoxFunction with the fixed parameters: ranges of a, b, g, h (a fixed one
/// as [v, v]), c, and which of a, b, g, h are free. nullopt for another model.
struct ModelBox {
    Decimal lo[4], hi[4];
    Decimal c;
    bool free_[4] = {false, false, false, false};
};
std::optional<ModelBox> model_box(const BoxFunction& f, const Box& B);
/// A stationary-line witness for box B of an rsee BoxFunction (from f.describe(): fixed
/// parameters and free variables) if B, with the fixed parameters, meets L_c (exact decimal
/// test, lemma S7); "type" is "saddle" when a and one of g, h are free (then every point of
/// L_c in B is a saddle of the restricted function), else "stationary". nullopt otherwise.
std::optional<LeafEvidence> stationary_line_witness(const BoxFunction& f, const Box& B);

/// Verifier side: re-derives the witness from f and B and throws std::runtime_error unless the
/// leaf equals it (and, when `need_saddle`, its type is "saddle").
void check_stationary_line_leaf(const BoxFunction& f, const Box& B, bool need_saddle, const LeafEvidence& leaf);

/// The refutation text of a stationary-line witness (ClaimAccumulator::verdict).
std::string stationary_line_verdict(const nlohmann::json& witness, bool no_saddle, const std::string& box_text);

}  // namespace gancert::certify
