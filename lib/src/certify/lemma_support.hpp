// Internal (certifier and verifier of lemma leaves): what evidence_lemma.cpp and far_lemmas.cpp
// share — the model variables' names and indices, range texts, exact-decimal ranges as
// interval<double>, a signed lemma leaf, and S8's comparison |base| > remainder of two
// recorded enclosures (proofs/lemmas.md §S8), which the numeric lemmas S8, S12, S16, S18, S19 use.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "evidence_support.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify::detail {

const char* const names4[4] = {"a", "b", "g", "h"};
enum { A, B_, G, H };

inline std::string range_text(const ModelBox& m, int k) {
    return std::string(names4[k]) + " in [" + m.lo[k].str() + ", " + m.hi[k].str() + "]";
}
/// Index of model variable k among the free variables of f (nullopt when fixed).
inline std::optional<std::size_t> free_index(const BoxFunction& f, int k) {
    auto n = f.names();
    auto it = std::find(n.begin(), n.end(), names4[k]);
    if (it == n.end()) return std::nullopt;
    return static_cast<std::size_t>(it - n.begin());
}
inline idouble ival(const Decimal& lo, const Decimal& hi) { return outer_intervals<idouble>({lo}, {hi})[0]; }

using Hyps = std::vector<std::string>;

inline LemmaEvidence leaf(LemmaId lemma, std::size_t index, int sign, Hyps hyps, std::string conclusion) {
    LemmaEvidence e;
    e.lemma = lemma;
    e.index = index;
    e.sign = sign;
    e.hypotheses = std::move(hyps);
    e.conclusion = std::move(conclusion);
    return e;
}

/// The S8 hypothesis: |base| > remainder, enclosures recorded.
struct S8 {
    idouble base, remainder;
    int sign = 0;  // sign of base when decided
    bool holds() const { return sign != 0; }
};
inline S8 decide(idouble base, idouble remainder) {
    S8 s{base, remainder, 0};
    if (base.lower() > remainder.upper()) s.sign = 1;
    else if (-base.upper() > remainder.upper()) s.sign = -1;
    return s;
}

}  // namespace gancert::certify::detail
