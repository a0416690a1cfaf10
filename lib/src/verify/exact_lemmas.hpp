// Internal (independent verifier): the exact-comparison lemmas re-checked from the leaf's ranges
// alone (proofs/lemmas.md §V3): S1, S2, S10, S13, S14, S15, S17 (no stationary point / a partial of fixed sign) and
// S7 (the leaf meets the stationary line). Each throws std::runtime_error naming the lemma and
// the hypothesis that fails, or the recorded conclusion (partial, sign, type) that differs.
#pragma once
#include "gancert/certify/leaf_evidence.hpp"
#include "model_ranges.hpp"

namespace gancert::verify::detail {

/// The lemmas check_exact_lemma re-derives (the others take the shared route).
bool has_exact_check(certify::LemmaId id);

void check_exact_lemma(const RseeModel& m, const Ranges& r, const certify::LemmaEvidence& e);
void check_stationary_line(const RseeModel& m, const Ranges& r, const certify::StationaryLineEvidence& e,
                           bool need_saddle);

}  // namespace gancert::verify::detail
