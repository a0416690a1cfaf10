// gancert/family/growth.hpp — the growth envelope a discriminator states for each cost shape:
// |h^{(n)}(t)| ≤ H (1 + |t|)^e for n = 0, 1, 2 and all real t, where h = φ∘σ is the cost
// shape φ (s², or log s) applied to the discriminator's σ, possibly reflected (σ(−t) = 1 − σ(t))
// and negated. The generic tail bound (lemma F.8) turns it into an envelope of every jet
// component of a term's integrand.
//
// Contract: a Growth is a proven bound (H exactly representable, lemma F.8 applies as stated);
// constants only, no computation that could fail.
#pragma once

namespace gancert::family {

struct Growth {
    double H;  ///< constant (an upper bound, exactly representable)
    int e;     ///< polynomial degree in |t|
};

/// Shape of the cost function φ applied to σ.
enum class Phi { square, log };

}  // namespace gancert::family
