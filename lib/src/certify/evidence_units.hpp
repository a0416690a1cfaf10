// Internal: the certifier's evidence units, one per claim family. Each `analyse_*` decides one
// box at the current precision (S = interval<double> or interval<mpfr>) and never returns a
// final leaf its recorded enclosures do not justify; each `recheck_*` re-derives a leaf of its
// kinds for the verifier (throws std::runtime_error naming what fails, arith::soundness_error
// when two enclosures contradict each other). Dispatch: evidence.cpp.
#pragma once
#include <optional>

#include "gancert/certify/evidence.hpp"

namespace gancert::certify::detail {

enum class Pass;

template <class S>
BoxDecision analyse_stationary(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits);
template <class S>
void recheck_stationary(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass);

template <class S>
BoxDecision analyse_plateau(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits);
template <class S>
void recheck_plateau(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass);

template <class S>
BoxDecision analyse_extrema(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits, Incumbents* inc);
template <class S>
void recheck_extrema(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass);

/// A lemma leaf for box B of the rsee model (no-saddle / no-stationary; evidence_lemma.cpp):
/// lemma S1, S2, S10 or S8 with its hypotheses met, or nullopt — then *split_hint may name the
/// dimension whose bisection brings S8 closer, or `out_of_reach` when the leaf meets a = 0 and
/// S8 is hopeless there (|b| large: φ(b) underflows the remainder).
inline constexpr unsigned out_of_reach = ~0u;
std::optional<LeafEvidence> lemma_leaf(const BoxFunction& f, const Box& B, std::optional<unsigned>* split_hint);
/// Verifier: re-derives the cited lemma's hypotheses on B (throws std::runtime_error naming the
/// lemma when they fail or the leaf differs from the re-derivation).
void recheck_lemma(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf);
/// A lemma-S9 (saturated discriminator) or S11 (one-sided saturation) leaf proving the plateau claim on B, or nullopt.
std::optional<LeafEvidence> plateau_lemma_leaf(const BoxFunction& f, const Box& B, const Claim& c);
template <class S>
BoxDecision analyse_atlas(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits);
template <class S>
void recheck_atlas(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass);

}  // namespace gancert::certify::detail
