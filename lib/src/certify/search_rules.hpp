// Internal: the engine's rules for one box — the precision ladder, the dimension to split and
// the magnitude beyond which an unbounded box is not refined further. One definition, used by
// the breadth-first engine (engine.cpp) and the witness-first descent (witness_search.cpp), so
// that both build the same bisection tree.
#pragma once
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"

namespace gancert::certify::detail {

/// 53 (interval<double>), then 128, 256, … bits up to max_bits.
std::vector<unsigned> precision_ladder(unsigned max_bits);

/// The widest (scaled) of the dimensions the analysis asked for, else of all (ties: lowest
/// index); the minimum-width stop is judged in that dimension.
unsigned split_dimension(const Box& B, const Box& root, const std::vector<unsigned>& dims);

/// The smallest scaled width still bisected after an analysis that ended with `reason`: the
/// run's min_width, but at least 1/256 when the evaluation itself failed ("evaluation failed …").
double width_floor(double min_width, const std::string& reason);

/// An unbounded box (or a finite one wider than 1e30) is bisected outward (split_point) until a
/// lemma covers it; beyond this magnitude (1e30) of its finite endpoints in every unbounded
/// dimension — for a finite box: once one of its ranges lies at |x| >= 1e30 — a box the
/// analysis did not decide becomes an unknown leaf.
bool beyond_unbounded_cap(const Box& B);

}  // namespace gancert::certify::detail
