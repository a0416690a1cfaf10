// gancert/family/cost_nonsat.hpp — the non-saturating generator loss J = −E[log D(G(Z))]
// (J1 = 0: no data term). The generator descends this J; the discriminator's objective in the
// non-saturating game is the log cost's J (cost=log, same parameters), which it ascends.
// Envelopes: lemmas F.4, F.9 (the sign does not change |h^{(n)}|).
//
// Contract: as cost_log.hpp for its single fake term: enclosures of the exact integrand,
// proven growth constants (lemmas F.4, F.9).
#pragma once
#include "gancert/family/cost_term.hpp"

namespace gancert::family {

struct NonSaturatingCost {
    static constexpr CostTerm real{false, Phi::log, false, 1};
    static constexpr CostTerm fake{true, Phi::log, false, -1};
};

}  // namespace gancert::family
