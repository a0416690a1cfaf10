// gancert/family/cost_ls.hpp — the paper's least-squares cost J = E[D(X)²] + E[(1 − D(G(Z)))²];
// the discriminator ascends J, the generator descends it. Envelopes: lemma F.3.
//
// Contract: the terms' jets enclose the exact integrands; the growth constants are proven upper
// bounds (lemma F.3).
#pragma once
#include "gancert/family/cost_term.hpp"

namespace gancert::family {

struct LeastSquaresCost {
    static constexpr CostTerm real{true, Phi::square, false, 1};
    static constexpr CostTerm fake{true, Phi::square, true, 1};
};

}  // namespace gancert::family
