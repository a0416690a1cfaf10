// Internal: the certifier's evidence units, one per claim family. Each `analyse_*` decides one
// box at the current precision (S = interval<double> or interval<mpfr>) and never returns a
// final leaf its recorded enclosures do not justify; each `recheck_*` re-derives a leaf of its
// kinds for the verifier (throws std::runtime_error naming what fails, arith::soundness_error
// when two enclosures contradict each other). Dispatch: evidence.cpp.
#pragma once
#include <nlohmann/json.hpp>

#include "gancert/certify/evidence.hpp"

namespace gancert::certify::detail {

enum class Pass;

template <class S>
BoxDecision analyse_stationary(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits);
template <class S>
void recheck_stationary(const BoxFunction& f, const Box& B, const Claim& c, const nlohmann::json& leaf, Pass pass);

template <class S>
BoxDecision analyse_plateau(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits);
template <class S>
void recheck_plateau(const BoxFunction& f, const Box& B, const Claim& c, const nlohmann::json& leaf, Pass pass);

template <class S>
BoxDecision analyse_extrema(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits, Incumbents* inc);
template <class S>
void recheck_extrema(const BoxFunction& f, const Box& B, const Claim& c, const nlohmann::json& leaf, Pass pass);

template <class S>
BoxDecision analyse_atlas(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits);
template <class S>
void recheck_atlas(const BoxFunction& f, const Box& B, const Claim& c, const nlohmann::json& leaf, Pass pass);

}  // namespace gancert::certify::detail
