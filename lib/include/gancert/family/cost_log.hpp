// gancert/family/cost_log.hpp — the minimax log cost J = E[log D(X)] + E[log(1 − D(G(Z)))]
// (log(1 − D) = log σ(−t), never a subtraction); the discriminator ascends J, the generator
// descends it. Envelopes: lemmas F.4 (logistic), F.9 (erf).
//
// Contract: the terms' jets enclose the exact integrands (log σ by arith::log of an enclosure,
// log(1 − D) as log σ(−t)); the growth constants are proven upper bounds (lemmas F.4, F.9).
#pragma once
#include "gancert/family/cost_term.hpp"

namespace gancert::family {

struct LogCost {
    static constexpr CostTerm real{true, Phi::log, false, 1};
    static constexpr CostTerm fake{true, Phi::log, true, 1};
};

}  // namespace gancert::family
