// gancert/counterexample/gaussian_moment.hpp — M(s) = E e^{−s L²} in closed form through erfcx.
//
// Convention (used throughout gancert::counterexample): the argument is s = k², as in
// proofs/lemmas.md §X; proofs/optimal-discriminator.md's "M(k)" is our M(k²). Then for D_k:
//   J(D_k, G) = 2 − 2 M(k²) + M(2k²).
// Formula (proofs/lemmas.md X.2): for L = μ + A − B (counterexample/line_law.hpp),
//   M(s) = C (√π/(2√s)) [E₁ + E₂],  E_i = e^{−sμ²} erfcx(t_i),
//   t₁ = √s μ + λ1/(2√s),  t₂ = −√s μ + λ2/(2√s).
// When t_i < 0 (certainly), E_i is evaluated as 2 e^{σλμ + λ²/(4s)} − e^{−sμ²} erfcx(−t_i)
// (σ = ±1 the sign in t_i), which avoids e^{t²} overflow for large s.
//
// Contract: an enclosure of M(s) for s > 0 (interval arithmetic on the formula above); no
// decision is taken on undecided signs other than through the certain test on t_i.
#pragma once
#include "gancert/arith/scalar.hpp"
#include "gancert/counterexample/line_law.hpp"

namespace gancert::counterexample {

/// Encloses e^{−sμ²} erfcx(σ√s μ + λ/(2√s)) for σ = ±1 and any real λ, μ (intervals), using the
/// reflection erfcx(t) = 2e^{t²} − erfcx(−t) when t < −1 certainly (no overflow for large s).
/// Precondition: s > 0, rs = √s (an enclosure of it).
arith::impfr gaussian_erfcx_factor(const arith::impfr& s, const arith::impfr& rs,
                                   const arith::impfr& mu, const arith::impfr& lambda, int sigma);

/// Encloses M(s) = E e^{−s L²} for the law `law` (parameters may be intervals; the result
/// encloses M over all of them). Precondition: s > 0, λ_i > 0. Never fails; a parameter
/// interval that is too wide only gives a wide result.
arith::impfr gaussian_moment(const LineLaw<arith::impfr>& law, const arith::impfr& s);

/// Encloses M(s) for L ~ Laplace(0, 1): (√π/(2√s)) erfcx(1/(2√s)) (proofs/optimal-discriminator.md with s = k²).
arith::impfr laplace_gaussian_moment(const arith::impfr& s);

/// J(D_k, G) = E[D_k(X)²] + E[(1 − D_k(G(Z)))²] = 2 − 2 M(k²) + M(2k²), enclosed.
arith::impfr ls_cost_of_line_discriminator(const LineLaw<arith::impfr>& law, const arith::impfr& k);

}  // namespace gancert::counterexample
