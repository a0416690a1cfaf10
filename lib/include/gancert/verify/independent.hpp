// gancert/verify/independent.hpp — the independent verifier (`gancert verify --independent`).
//
// Re-derives the evidence of a certificate leaf by a route that shares with the prover only the
// arithmetic layer (arith, quad), the validated integral path of the model (model/integral_path)
// and the certificate format (certify/leaf_evidence.hpp, exact decimal boxes). It never calls
// the prover's box evaluation (closed form, sign bounds, mean-value forms), Krawczyk or inertia
// code. Routes (proofs/lemmas.md §V):
//   excluded, monotone    the partial's sign on the leaf from integral-path enclosures over the
//                         leaf, bisected up to a budget (§V1);
//   plateau               |∂_iJ| <= eps, |J − level| <= delta likewise (§V1);
//   violates              the integral path at the recorded midpoint (§V1);
//   unique, empty         its own Krawczyk operator with the recorded Y and its own Gershgorin
//                         inertia test with the recorded Q, over integral-path enclosures (§V2);
//   lemma S1, S2, S10     the lemma's hypotheses re-checked by its own exact comparisons of the
//   stationary-line (S7)  leaf's ranges, and the cited partial / sign / type (§V3);
//   S8, S9, S11, bounded  no independent route (reported as "shared": the caller runs
//                         certify::check_leaf); every leaf of a model without an integral path
//                         (the test functors) likewise.
// A recorded enclosure disjoint from the independent one is a rejection (the prover's
// enclosure is wrong). Every recorded number the accumulator reads (certificate.cpp) is
// checked to meet an independent enclosure of the same value.
//
// Contract: check() returns the route used, or throws std::runtime_error naming what the
// independent route could not confirm (the certificate is then rejected; this includes leaves
// a correct prover would write but the independent enclosures are too wide to confirm within
// the budget — an honest "not confirmed", never an acceptance).
#pragma once
#include <memory>
#include <nlohmann/json.hpp>

#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/leaf_evidence.hpp"

namespace gancert::verify {

enum class Route {
    independent,  ///< re-derived by the independent route
    shared,       ///< no independent route for this kind / model: certify::check_leaf decides
    no_claim,     ///< an unknown leaf: proves nothing, nothing to check
};

class IndependentVerifier {
public:
    /// `model`: the certificate header's model description; throws std::runtime_error when it
    /// is malformed.
    IndependentVerifier(const nlohmann::json& model, const certify::Claim& claim);
    ~IndependentVerifier();
    Route check(const certify::Box& B, const certify::LeafEvidence& e) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace gancert::verify
