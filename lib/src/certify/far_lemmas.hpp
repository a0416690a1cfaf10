// Internal (certifier and verifier of lemma leaves): lemmas S13–S19 of proofs/lemmas.md for the
// rsee model with a, b free (S14, S16, S18, S19: the cited partial free), valid on unbounded
// leaves. Each returns the lemma leaf when its hypotheses hold on the model box m, else nullopt;
// the numeric ones (S16, S18, S19) also write their two compared enclosures to *raw when they
// can be computed (the verifier's replay of the recorded ones), whether or not they decide.
#pragma once
#include <optional>

#include "evidence_support.hpp"
#include "lemma_support.hpp"

namespace gancert::certify::detail {

std::optional<LemmaEvidence> lemma_s13(const BoxFunction& f, const ModelBox& m);  ///< radial monotonicity, a > 0
std::optional<LemmaEvidence> lemma_s14(const BoxFunction& f, const ModelBox& m);  ///< ∂J/∂a > 0 above the wedge
std::optional<LemmaEvidence> lemma_s15(const BoxFunction& f, const ModelBox& m);  ///< S13 or S14 at every point
std::optional<LemmaEvidence> lemma_s16(const BoxFunction& f, const ModelBox& m, S8* raw = nullptr);  ///< the heavier tail
std::optional<LemmaEvidence> lemma_s17(const BoxFunction& f, const ModelBox& m);  ///< S13 mirrored to a < 0
std::optional<LemmaEvidence> lemma_s18(const BoxFunction& f, const ModelBox& m, S8* raw = nullptr);  ///< a <= 0, b -> -inf
std::optional<LemmaEvidence> lemma_s19(const BoxFunction& f, const ModelBox& m, S8* raw = nullptr);  ///< a >= 0, b -> +inf

}  // namespace gancert::certify::detail
