// gancert/certify/evidence.hpp — deciding one box: evidence, enclosures that justify it, and
// the independent re-check used by the verifier.
//
// Enclosure forms (proofs/lemmas.md §K1): for a box B with exact decimal midpoint m,
//   ∂_iJ(B) ⊂ ∂_iJ_nat(B) ∩ (∂_iJ(m) + Σ_j ∂_ijJ(B)(B_j − m_j))        (mean-value form)
//   J(B)    ⊂ J_nat(B)    ∩ (J(m) + Σ_j ∂_jJ(B)(B_j − m_j)).
// Krawczyk (§K2): with any real matrix Y, K(B) = m − Y∇J(m) + (I − Y∇²J(B))(B − m);
// K(B) ⊂ int B ⇒ ∇J has exactly one zero in B; K(B) ∩ B = ∅ ⇒ no zero in B.
// Inertia (§K3): for any nonsingular Q, QᵀHQ has the inertia of H (Sylvester); if every
// Gershgorin disc of the interval matrix Qᵀ∇²J(B)Q lies in (0,∞) or (−∞,0), the counts of
// discs on each side are the inertia of ∇²J at every point of B.
//
// Contract: analyse_box never returns a final leaf not justified by its recorded enclosures;
// when it cannot decide it returns escalate / bisect, or an unknown leaf with the reason.
// check_leaf returns nullopt for a valid leaf, else the reason; both throw
// arith::soundness_error when two enclosures of one value contradict each other (never unknown).
#pragma once
#include <atomic>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/leaf_evidence.hpp"

namespace gancert::certify {

/// Incumbents of the extrema branch and bound (outward doubles): a certified lower bound of
/// max J and a certified upper bound of min J, fixed before the run (engine.hpp: extrema_incumbents) and
/// only read by analyse_box, so that every box's decision is independent of the others and
/// the leaves are the same for any thread count / MPI split. Pruning only.
struct Incumbents {
    std::atomic<double> max_lo{-1e308};
    std::atomic<double> min_hi{1e308};
    void offer_max_lo(double v);
    void offer_min_hi(double v);
};

/// What to do with a box after one analysis at one precision.
struct BoxDecision {
    enum Kind { final_leaf, escalate, bisect } kind = bisect;
    std::optional<LeafEvidence> evidence;  // for final_leaf (and the last extrema bounds)
    std::string reason;       // for escalate / bisect: why undecided
    std::vector<unsigned> split_dims = {};  // for bisect: the dimensions worth splitting (empty: any)
};

/// Analyses box B at `bits` of precision (53 = interval<double>, else interval<mpfr> at that
/// many bits) for the claim. Never returns a final leaf that is not justified by the recorded
/// enclosures. Returns escalate when the midpoint evaluation is limited by precision (or the
/// evaluation failed), bisect otherwise. `incumbents` is read (never updated) for extrema only.
BoxDecision analyse_box(const BoxFunction& f, const Box& B, const Claim& claim, unsigned bits,
                        Incumbents* incumbents);

/// Re-checks one leaf record independently: re-evaluates its enclosures at the recorded
/// precision and checks (1) every recorded enclosure contains the recomputed one (recorded
/// numbers are only accepted when implied by the verifier's own), (2) the evidence follows from
/// both, (3) a unique leaf's type equals the type the verifier decides (with the recorded Q or
/// its own basis). With bits above the recorded precision, a second pass at `bits` requires
/// the evidence to follow from that recomputation as well (a higher --bits only adds checks). nullopt if the leaf is valid, else the reason.
/// Unknown leaves are valid (they prove nothing). Throws arith::soundness_error when two of
/// the verifier's enclosures contradict each other.
std::optional<std::string> check_leaf(const BoxFunction& f, const Box& B, const Claim& claim,
                                      const LeafEvidence& leaf, unsigned bits);
/// The same for a leaf line: read by the strict reader first (leaf_evidence.hpp; a malformed
/// record is invalid, with the reader's message).
std::optional<std::string> check_leaf(const BoxFunction& f, const Box& B, const Claim& claim,
                                      const nlohmann::json& leaf, unsigned bits);

}  // namespace gancert::certify
